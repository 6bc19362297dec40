import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding';
import type { Package } from '../../../src/core/package';
import { matchVulnerabilities } from '../../../src/vuln/match';
import { loadLocalDatabase } from '../../../src/vuln/osv/local';
import { applyVex, loadVexDocuments, parseVex } from '../../../src/vuln/vex';
import { DEBIAN_12, OSV_FIXTURES, pkg } from '../../support/vuln';

const CTX = 'https://openvex.dev/ns/v0.2.0';
let dir: string;
let findings: Finding[];

const LODASH: Package = pkg('npm', 'lodash', '4.17.19', { purl: 'pkg:npm/lodash@4.17.19' });
const REQUESTS: Package = pkg('pypi', 'requests', '2.30.0', { purl: 'pkg:pypi/requests@2.30.0' });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-vex-'));
  findings = matchVulnerabilities([LODASH, REQUESTS], DEBIAN_12, loadLocalDatabase(OSV_FIXTURES));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function doc(statements: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    '@context': CTX,
    '@id': 'https://example.com/vex/1',
    author: 'sec team',
    timestamp: '2026-01-01T00:00:00Z',
    version: 1,
    statements,
    ...extra,
  });
}

function suppressed(out: Finding[]): Record<string, string | undefined> {
  return Object.fromEntries(out.map((f) => [f.ruleId, f.suppressed?.reason]));
}

describe('OpenVEX', () => {
  it('suppresses not_affected statements matched by id and versionless purl', () => {
    const d = parseVex(
      doc([
        {
          vulnerability: { name: 'CVE-2021-23337' },
          products: [{ '@id': 'pkg:npm/lodash' }],
          status: 'not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
          impact_statement: 'template() is never called',
        },
      ]),
      'a.json',
    );
    expect(suppressed(applyVex(findings, [d]))).toEqual({
      'CVE-2020-8203': undefined,
      'CVE-2021-23337':
        'not_affected (vulnerable_code_not_in_execute_path: template() is never called) per https://example.com/vex/1',
      'CVE-2023-32681': undefined,
    });
  });

  it('matches by alias, by versioned purl, and by image product with subcomponents', () => {
    const d = parseVex(
      doc([
        {
          vulnerability: { name: 'GHSA-p6mc-m468-83gw' },
          products: [{ '@id': 'pkg:npm/lodash@4.17.19' }],
          status: 'fixed',
        },
        {
          vulnerability: { name: 'PYSEC-2023-74' },
          products: [{ '@id': 'pkg:oci/app@sha256%3Aabc', subcomponents: [{ '@id': 'pkg:pypi/requests' }] }],
          status: 'not_affected',
          justification: 'component_not_present',
        },
      ]),
      'b.json',
    );
    const out = suppressed(applyVex(findings, [d], { imageDigest: 'sha256:abc' }));
    expect(out['CVE-2020-8203']).toMatch(/^fixed per/);
    expect(out['CVE-2023-32681']).toMatch(/^not_affected \(component_not_present\)/);
    expect(out['CVE-2021-23337']).toBeUndefined();
    // Another image digest: the image product does not apply.
    expect(
      suppressed(applyVex(findings, [d], { imageDigest: 'sha256:def' }))['CVE-2023-32681'],
    ).toBeUndefined();
  });

  it('ignores other versions, other packages and affected/under_investigation; the latest statement wins', () => {
    const d = parseVex(
      doc([
        {
          vulnerability: { name: 'CVE-2020-8203' },
          products: [{ '@id': 'pkg:npm/lodash@4.17.15' }],
          status: 'not_affected',
          justification: 'component_not_present',
        },
        {
          vulnerability: { name: 'CVE-2021-23337' },
          products: [{ '@id': 'pkg:npm/lodash-es' }],
          status: 'not_affected',
          justification: 'component_not_present',
        },
        {
          vulnerability: { name: 'CVE-2023-32681' },
          products: [{ '@id': 'pkg:pypi/requests' }],
          status: 'not_affected',
          justification: 'component_not_present',
          timestamp: '2026-01-01T00:00:00Z',
        },
        {
          vulnerability: { name: 'CVE-2023-32681' },
          products: [{ '@id': 'pkg:pypi/requests' }],
          status: 'affected',
          action_statement: 'upgrade',
          timestamp: '2026-02-01T00:00:00Z',
        },
        {
          vulnerability: { name: 'CVE-2020-8203' },
          products: [{ '@id': 'pkg:npm/lodash' }],
          status: 'under_investigation',
        },
      ]),
      'c.json',
    );
    expect(Object.values(suppressed(applyVex(findings, [d])))).toEqual([undefined, undefined, undefined]);
  });

  it('reads OpenVEX v0.0.1 style string vulnerabilities and products', () => {
    const d = parseVex(
      JSON.stringify({
        '@context': 'https://openvex.dev/ns',
        statements: [{ vulnerability: 'CVE-2021-23337', products: ['pkg:npm/lodash'], status: 'fixed' }],
      }),
      'old.json',
    );
    expect(suppressed(applyVex(findings, [d]))['CVE-2021-23337']).toMatch(/^fixed per old\.json$/);
  });

  it('rejects invalid documents with one-line errors', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => loadVexDocuments([bad])).toThrow(expect.objectContaining({ code: 'INPUT' }));
    expect(() =>
      parseVex(doc([{ vulnerability: { name: 'X' }, products: ['pkg:npm/a'], status: 'maybe' }]), 'v.json'),
    ).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringMatching(/^v\.json: not a valid OpenVEX document: statements\.0\.status: /),
      }),
    );
    expect(() =>
      parseVex(
        doc([{ vulnerability: { name: 'X' }, products: ['pkg:npm/a'], status: 'not_affected' }]),
        'v.json',
      ),
    ).toThrow(/needs a justification or an impact_statement/);
    expect(() => parseVex(JSON.stringify({ statements: [] }), 'v.json')).toThrow(/@context/);
    expect(() => loadVexDocuments([join(dir, 'missing.json')])).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
