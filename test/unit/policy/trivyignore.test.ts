import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { readIgnoreFiles } from '../../../src/policy/ignore-files';
import {
  normalizePeerId,
  parseTrivyIgnore,
  parseTrivyIgnoreYaml,
  trivyIgnoresToPolicy,
  type MappedRule,
} from '../../../src/policy/trivyignore';

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-trivyignore-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('.trivyignore', () => {
  it('reads ids, comments and exp: dates', () => {
    const text =
      '# header\nCVE-2023-1234\n\n  GHSA-xxxx-yyyy-zzzz exp:2025-06-30  # until the fix\r\nDS002\n';
    expect(parseTrivyIgnore(text)).toEqual([
      { id: 'CVE-2023-1234' },
      { id: 'GHSA-xxxx-yyyy-zzzz', expires: '2025-06-30' },
      { id: 'DS002' },
    ]);
  });

  it('refuses what trivy would not read, naming the line', () => {
    expect(() => parseTrivyIgnore('CVE-1\nCVE-2 exp:tomorrow\n')).toThrow(
      /^\.trivyignore:2: invalid date "tomorrow" \(expected YYYY-MM-DD\)$/,
    );
    expect(() => parseTrivyIgnore('CVE-1 because\n', 'ci/ignores')).toThrow(
      /^ci\/ignores:1: unexpected "because" after CVE-1$/,
    );
  });
});

describe('.trivyignore.yaml', () => {
  it('reads the vulnerabilities, misconfigurations and secrets lists', () => {
    const text = [
      'vulnerabilities:',
      '  - id: CVE-2022-40897',
      '    paths: ["usr/local/lib/python3.9/site-packages/setuptools-58.1.0.dist-info/METADATA"]',
      '    statement: Accept the risk',
      '  - id: CVE-2023-2650',
      '    expired_at: 2023-09-01',
      'misconfigurations:',
      '  - id: AVD-DS-0001',
      'secrets:',
      '  - id: aws-access-key-id',
      '    paths: [foo/secrets.txt]',
      'licenses:',
      '  - id: GPL-3.0',
    ].join('\n');
    expect(parseTrivyIgnoreYaml(text)).toEqual([
      {
        id: 'CVE-2022-40897',
        list: 'vulnerabilities',
        paths: ['usr/local/lib/python3.9/site-packages/setuptools-58.1.0.dist-info/METADATA'],
        statement: 'Accept the risk',
      },
      { id: 'CVE-2023-2650', list: 'vulnerabilities', expires: '2023-09-01' },
      { id: 'AVD-DS-0001', list: 'misconfigurations' },
      { id: 'aws-access-key-id', list: 'secrets', paths: ['foo/secrets.txt'] },
    ]);
    expect(parseTrivyIgnoreYaml('')).toEqual([]);
  });

  it('refuses entries without an id and malformed dates', () => {
    expect(() => parseTrivyIgnoreYaml('vulnerabilities:\n  - statement: x\n', 'ig.yaml')).toThrow(
      /^ig\.yaml: vulnerabilities\[0\]: id: required$/,
    );
    expect(() => parseTrivyIgnoreYaml('secrets:\n  - id: x\n    expired_at: soon\n')).toThrow(ShipgateError);
    expect(() => parseTrivyIgnoreYaml('- CVE-1\n')).toThrow(/expected a mapping/);
  });
});

describe('mapping onto the policy', () => {
  it('normalises the spellings trivy uses for one check', () => {
    for (const id of ['DS002', 'DS-0002', 'AVD-DS-0002', 'ds002'])
      expect(normalizePeerId(id)).toBe('DS-0002');
    expect(normalizePeerId('CVE-2024-1234')).toBe('CVE-2024-1234');
  });

  it('maps trivy ids onto shipgate rules, keeps CVE ids, and turns secret entries into allowances', () => {
    const rules = new Map<string, MappedRule[]>([
      [
        'DS-0002',
        [
          { id: 'SG-DF-001', kind: 'dockerfile' },
          { id: 'SG-IMG-001', kind: 'config' },
        ],
      ],
      ['AWS-ACCESS-KEY-ID', [{ id: 'SG-SEC-001', kind: 'secret' }]],
    ]);
    const out = trivyIgnoresToPolicy(
      [
        { id: 'DS002', expires: '2030-01-01' },
        { id: 'CVE-2024-1234', list: 'vulnerabilities', statement: 'not reachable' },
        { id: 'aws-access-key-id', list: 'secrets', paths: ['test/*'] },
        { id: 'custom-rule', list: 'secrets' },
      ],
      rules,
      '.trivyignore',
    );
    expect(out.ignores).toEqual([
      { id: 'SG-DF-001', reason: 'from .trivyignore (DS002)', expires: '2030-01-01' },
      { id: 'SG-IMG-001', reason: 'from .trivyignore (DS002)', expires: '2030-01-01' },
      { id: 'CVE-2024-1234', reason: 'from .trivyignore: not reachable' },
    ]);
    expect(out.allow).toEqual([
      { rule: 'SG-SEC-001', paths: ['test/*'], reason: 'from .trivyignore (aws-access-key-id)' },
      { rule: 'custom-rule', reason: 'from .trivyignore' },
    ]);
  });
});

describe('readIgnoreFiles', () => {
  it("reads the repository root's files, then the named ones, each once", () => {
    const root = join(tmp, 'repo');
    mkdirSync(join(root, 'ci'), { recursive: true });
    writeFileSync(join(root, '.trivyignore'), 'CVE-1\n');
    writeFileSync(join(root, '.trivyignore.yaml'), 'vulnerabilities:\n  - id: CVE-2\n');
    writeFileSync(join(root, 'ci', 'extra'), 'CVE-3\n');
    const files = readIgnoreFiles(root, [join(root, 'ci', 'extra'), join(root, '.trivyignore')]);
    expect(files).toEqual([
      { source: '.trivyignore', entries: [{ id: 'CVE-1' }] },
      { source: '.trivyignore.yaml', entries: [{ id: 'CVE-2', list: 'vulnerabilities' }] },
      { source: 'ci/extra', entries: [{ id: 'CVE-3' }] },
    ]);
    expect(readIgnoreFiles(join(tmp, 'nothing-here'))).toEqual([]);
    expect(() => readIgnoreFiles(root, [join(root, 'missing')])).toThrow(
      /ignore file .*missing does not exist/,
    );
    expect(() => readIgnoreFiles(root, [join(root, 'ci')])).toThrow(/is not a regular file/);
  });
});
