import { afterEach, describe, expect, it } from 'vitest';
import { ruleHelpUri } from '../../../src/core/finding';
import { addSecret, clearSecrets } from '../../../src/core/logger';
import { countBySeverity, type ScanResult } from '../../../src/core/result';
import { severityRank } from '../../../src/core/severity';
import { JSON_SCHEMA_VERSION, toJson } from '../../../src/report/json';
import { FAKE_TOKEN, cleanResult, fullResult } from '../../support/report-fixtures';

/** A deep copy with every object's keys in reverse order (same data, different construction order). */
function reversedKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => reversedKeys(x)) as T;
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reversedKeys(x)]),
    ) as T;
  return v;
}

/** True when `keys` lists the documented keys in documented order (absent ones skipped). */
function inOrder(keys: string[], documented: string[]): boolean {
  const idx = keys.filter((k) => documented.includes(k)).map((k) => documented.indexOf(k));
  return idx.every((x, i) => i === 0 || x > idx[i - 1]!);
}

describe('toJson', () => {
  afterEach(() => clearSecrets());
  const result = fullResult();
  const text = toJson(result);
  const json = JSON.parse(text);

  it('is versioned and has the documented top-level keys in order', () => {
    expect(json.schemaVersion).toBe(JSON_SCHEMA_VERSION);
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'tool',
      'startedAt',
      'finishedAt',
      'decision',
      'summary',
      'dockerfiles',
      'image',
      'analyzers',
      'exploitData',
      'findings',
      'rules',
      'packages',
      'warnings',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('has the same bytes whatever order the producers built their objects in', () => {
    expect(toJson(reversedKeys(result))).toBe(text);
    const docOrder = [
      'ruleId',
      'kind',
      'severity',
      'message',
      'location',
      'image',
      'fingerprint',
      'fixable',
      'fix',
      'vulnerability',
      'suppressed',
      'properties',
    ];
    for (const f of json.findings)
      expect(inOrder(Object.keys(f), docOrder), Object.keys(f).join()).toBe(true);
    // Free-form properties are sorted.
    const mal = json.findings.find((f: { ruleId: string }) => f.ruleId === 'SG-MAL-001');
    expect(Object.keys(mal.properties)).toEqual(['engine', 'signature']);
  });

  it('reorders an object nested in objects that are already in order, and leaves the input as it was', () => {
    // Only the findings' locations and properties are built in another order: the writer must copy those
    // (and the objects holding them) and may reuse the rest as it is.
    const ordered = JSON.parse(text) as ScanResult;
    const before = JSON.stringify(ordered);
    const findings = ordered.findings.map((f) => ({
      ...f,
      ...(f.location ? { location: reversedKeys(f.location) } : {}),
      ...(f.properties ? { properties: reversedKeys(f.properties) } : {}),
    }));
    const mixed = { ...result, findings } as ScanResult;
    expect(toJson(mixed)).toBe(toJson({ ...result, findings: ordered.findings } as ScanResult));
    expect(JSON.stringify(ordered)).toBe(before);
  });

  it('summarises counts that agree with the findings', () => {
    const active = result.findings.filter((f) => !f.suppressed);
    expect(json.summary).toMatchObject({
      findings: active.length,
      suppressed: result.findings.length - active.length,
      fixable: active.filter((f) => f.fixable).length,
      bySeverity: countBySeverity(result.findings),
    });
    expect(Object.values(json.summary.byPart as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      active.length,
    );
  });

  it('lists every finding, most severe first, suppressed ones marked, with rule help links', () => {
    expect(json.findings).toHaveLength(result.findings.length);
    const ranks = json.findings.map((f: { severity: never }) => severityRank(f.severity));
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => b - a));
    expect(json.findings.filter((f: { suppressed?: object }) => f.suppressed)).toHaveLength(5);
    for (const r of json.rules) expect(r.helpUri).toBe(ruleHelpUri(r));
    expect(json.decision).toEqual(result.decision);
    expect(json.image.digest).toBe(result.image!.digest);
  });

  it('writes null for an absent decision and image', () => {
    const r: ScanResult = cleanResult();
    delete r.decision;
    const j = JSON.parse(toJson(r));
    expect(j.decision).toBeNull();
    expect(j.image).toBeNull();
    expect(j.findings).toEqual([]);
  });

  it('contains no secret value and masks registered secrets', () => {
    expect(text).not.toContain(FAKE_TOKEN);
    // Even when a producer attached the source line to a secret finding, or the Dockerfile instructions.
    const leaky = fullResult();
    const secret = leaky.findings.find((f) => f.kind === 'secret' && f.location && !f.image)!;
    secret.location!.snippet = `ENV NODE_ENV=production GITHUB_TOKEN=${FAKE_TOKEN}`;
    expect(leaky.dockerfiles[0]!.instructions.some((i) => i.text.includes(FAKE_TOKEN))).toBe(true);
    const leakyJson = toJson(leaky);
    expect(leakyJson).not.toContain(FAKE_TOKEN);
    expect(JSON.parse(leakyJson).dockerfiles[0]).toEqual({
      path: 'Dockerfile',
      stages: leaky.dockerfiles[0]!.stages,
    });
    const r = fullResult();
    r.warnings = ['registry password hunter2-very-secret was refused'];
    addSecret('hunter2-very-secret');
    expect(toJson(r)).toContain('registry password *** was refused');
  });
});
