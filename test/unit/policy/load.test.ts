import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { Logger, MemorySink, setLogger } from '../../../src/core/logger';
import { defaultPolicy, loadPolicy, parsePolicy, policyJsonSchema } from '../../../src/policy';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCHEMA_FILE = join(ROOT, 'schemas', 'shipgate.schema.json');

function errorOf(fn: () => unknown): ShipgateError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ShipgateError);
    return e as ShipgateError;
  }
  throw new Error('expected an error');
}

describe('loadPolicy', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-policy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the default policy when no file exists', () => {
    const p = loadPolicy(dir);
    expect(p.source).toBe('default policy');
    expect(p).toEqual(defaultPolicy());
    expect(p.gate['fail-on']).toBe('high');
    expect(p.gate.parts).toEqual([
      'dockerfile',
      'manifests',
      'vulnerabilities',
      'secrets',
      'config',
      'malware',
    ]);
  });

  it.each(['shipgate.yaml', 'shipgate.yml'])('finds %s at the repository root', (name) => {
    writeFileSync(join(dir, name), 'version: 1\ngate:\n  fail-on: critical\n');
    const p = loadPolicy(dir);
    expect(p.source).toBe(name);
    expect(p.gate['fail-on']).toBe('critical');
  });

  it('prefers shipgate.yaml to shipgate.yml', () => {
    writeFileSync(join(dir, 'shipgate.yml'), 'version: 1\ngate:\n  fail-on: low\n');
    writeFileSync(join(dir, 'shipgate.yaml'), 'version: 1\ngate:\n  fail-on: critical\n');
    expect(loadPolicy(dir).source).toBe('shipgate.yaml');
  });

  it.each(['.shipgate.yaml', '.shipgate.yml'])(
    'does not read %s, a name other tools use, and warns that it is there',
    (name) => {
      writeFileSync(join(dir, name), 'version: 1\ngate:\n  fail-on: critical\n');
      const sink = new MemorySink();
      setLogger(new Logger([sink], 'debug'));
      try {
        const p = loadPolicy(dir);
        expect(p).toEqual(defaultPolicy());
        expect(sink.lines).toEqual([
          {
            level: 'warn',
            line: `${name} is not read as a policy (other tools use that name); using the default policy. If it is a shipgate policy, rename it to shipgate.yaml or pass it with --config (action input \`config\`)`,
          },
        ]);
        writeFileSync(join(dir, 'shipgate.yaml'), 'version: 1\ngate:\n  fail-on: low\n');
        expect(loadPolicy(dir).source).toBe('shipgate.yaml');
        expect(sink.lines).toHaveLength(1);
      } finally {
        setLogger(new Logger([]));
      }
    },
  );

  it('prefers the explicit path and reports a missing one', () => {
    mkdirSync(join(dir, 'ci'));
    writeFileSync(join(dir, 'shipgate.yaml'), 'version: 1\n');
    writeFileSync(join(dir, 'ci', 'gate.yaml'), 'version: 1\ngate:\n  fail-on: low\n');
    const p = loadPolicy(dir, 'ci/gate.yaml');
    expect(p.source).toBe('ci/gate.yaml');
    expect(p.gate['fail-on']).toBe('low');
    const e = errorOf(() => loadPolicy(dir, 'nope.yaml'));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain('nope.yaml');
  });
});

describe('parsePolicy errors', () => {
  it('names the bad key, the value and the allowed values on one line', () => {
    const e = errorOf(() => parsePolicy('version: 1\ngate:\n  fail-on: urgent\n'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toBe(
      'shipgate.yaml: gate.fail-on: invalid value "urgent" (expected one of critical, high, medium, low, info, none)',
    );
  });

  it.each([
    ['version: 1\ngate:\n  failon: high\n', 'shipgate.yaml: gate.failon: unknown key'],
    ['version: 1\nignores:\n  - id: CVE-2024-1\n', 'shipgate.yaml: ignores[0].reason: required'],
    [
      'version: 1\nignores:\n  - id: CVE-2024-1\n    reason: ok\n    expires: 31/12/2026\n',
      'shipgate.yaml: ignores[0].expires: invalid date "31/12/2026" (expected YYYY-MM-DD)',
    ],
    ['version: 2\n', 'shipgate.yaml: version: unsupported version 2 (expected 1)'],
    ['gate: {}\n', 'shipgate.yaml: version: required'],
    [
      'version: 1\ngate:\n  max:\n    high: many\n',
      'shipgate.yaml: gate.max.high: expected number, got string "many"',
    ],
    [
      'version: 1\nsecrets:\n  allow:\n    - reason: test key\n',
      'shipgate.yaml: secrets.allow[0]: needs a fingerprint or a rule',
    ],
    [
      'version: 1\nrules:\n  SG-DF-001:\n    severity: urgent\n',
      'shipgate.yaml: rules.SG-DF-001.severity: invalid value "urgent"',
    ],
  ])('%j', (text, expected) => {
    const e = errorOf(() => parsePolicy(text));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message.startsWith(expected)).toBe(true);
    expect(e.message).not.toContain('\n');
  });

  it('gives YAML syntax errors with line and column', () => {
    const text = 'version: 1\ngate:\n  fail-on: high\n   only-fixable: true\n';
    const e = errorOf(() => parsePolicy(text, 'ci/shipgate.yaml'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/^ci\/shipgate\.yaml:3:12: YAML syntax error: Nested mappings/);
    expect(e.message).not.toContain('\n');
  });

  it('rejects duplicate keys and empty files', () => {
    expect(errorOf(() => parsePolicy('version: 1\nversion: 1\n')).message).toMatch(
      /^shipgate\.yaml:2:1: YAML syntax error/,
    );
    expect(errorOf(() => parsePolicy('')).message).toContain('empty');
    expect(errorOf(() => parsePolicy('- a\n')).message).toContain('mapping');
  });
});

describe('JSON Schema', () => {
  it('the committed schemas/shipgate.schema.json is the generated one', () => {
    const generated = `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
    if (process.env.SHIPGATE_UPDATE_DOCS === '1') {
      mkdirSync(join(ROOT, 'schemas'), { recursive: true });
      writeFileSync(SCHEMA_FILE, generated);
    }
    // Compared as data so formatting the file does not matter.
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(JSON.parse(generated));
  });

  it('accepts examples/shipgate.yaml and agrees with the zod schema on bad files', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
    const example = readFileSync(join(ROOT, 'examples', 'shipgate.yaml'), 'utf8');
    expect(validate(parseYaml(example)), JSON.stringify(validate.errors)).toBe(true);
    expect(() => parsePolicy(example, 'examples/shipgate.yaml')).not.toThrow();
    for (const bad of [
      'version: 1\ngate:\n  fail-on: urgent\n',
      'version: 1\nbogus: 1\n',
      'version: 1\nignores:\n  - id: X\n',
    ])
      expect(validate(parseYaml(bad))).toBe(false);
  });

  it('docs/policy.md documents every key of the schema', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'policy.md'), 'utf8');
    const keys = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props) for (const k of Object.keys(props)) keys.add(k);
      for (const v of Object.values(node)) walk(v);
    };
    walk(policyJsonSchema());
    expect(keys.size).toBeGreaterThan(20);
    const missing = [...keys].filter((k) => !docs.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });
});
