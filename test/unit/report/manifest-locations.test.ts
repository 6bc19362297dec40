/**
 * The example repository's manifests (examples/demo/k8s, linted by `npm run demo`) through the pipeline and
 * the report writers: every manifest finding lands on the YAML line of the field it is about, in SARIF (for
 * GitHub code scanning) and in GitLab's code quality report, and both agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../../src/core/result';
import { runPipeline } from '../../../src/pipeline/run';
import { buildCodeQualityReport } from '../../../src/report/gitlab/index';
import { toSarif } from '../../../src/report/sarif/sarif';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FILE = 'examples/demo/k8s/deployment.yaml';
const LINES = readFileSync(join(ROOT, FILE), 'utf8').split('\n');

/** 1-based line of the first line containing `text`. */
const lineOf = (text: string): number => LINES.findIndex((l) => l.includes(text)) + 1;

describe('manifest findings on their YAML lines', () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await runPipeline({
      dockerfiles: [],
      manifests: [join(ROOT, 'examples', 'demo', 'k8s')],
      pss: 'restricted',
      repoRoot: ROOT,
      scanners: [],
      failOn: 'none',
    });
  });

  it('lints the example manifests with the restricted Pod Security Standard', () => {
    const ids = new Set(result.findings.map((f) => f.ruleId));
    for (const id of ['SG-K8S-003', 'SG-K8S-012', 'SG-K8S-103', 'SG-K8S-105', 'SG-K8S-121', 'SG-K8S-024'])
      expect(ids, id).toContain(id);
    expect(result.findings.every((f) => f.location?.path === FILE)).toBe(true);
  });

  it('SARIF puts each finding on the field it is about', () => {
    const log = toSarif(result, { repoRoot: ROOT });
    const results = log.runs.flatMap((r) => r.results ?? []);
    expect(results.length).toBe(result.findings.length);
    const at = (ruleId: string) =>
      results
        .filter((r) => r.ruleId === ruleId)
        .map((r) => {
          const loc = r.locations?.[0]?.physicalLocation;
          expect(loc?.artifactLocation?.uri).toBe(FILE);
          return loc?.region?.startLine;
        });
    expect(at('SG-K8S-003')).toEqual([lineOf('privileged: true')]);
    expect(at('SG-K8S-103')).toEqual([lineOf('privileged: true')]);
    expect(at('SG-K8S-105')).toEqual([lineOf('hostPath:')]);
    expect(at('SG-K8S-024')).toEqual([lineOf('image: ghcr.io/shipgate/demo'), lineOf('image: fluent/')]);
    for (const r of results) {
      const region = r.locations?.[0]?.physicalLocation?.region;
      expect(region?.startLine).toBeGreaterThan(0);
      expect(region?.startLine).toBeLessThanOrEqual(LINES.length);
      expect(region?.startColumn).toBeGreaterThan(0);
    }
  });

  it('GitLab code quality has the same path and lines', () => {
    const sarifLines = new Map<string, number[]>();
    for (const r of toSarif(result, { repoRoot: ROOT }).runs.flatMap((x) => x.results ?? []))
      sarifLines.set(r.ruleId ?? '', [
        ...(sarifLines.get(r.ruleId ?? '') ?? []),
        r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
      ]);
    const { issues } = buildCodeQualityReport(result);
    expect(issues.length).toBe(result.findings.length);
    const quality = new Map<string, number[]>();
    for (const i of issues) {
      expect(i.location.path).toBe(FILE);
      quality.set(i.check_name, [...(quality.get(i.check_name) ?? []), i.location.lines.begin]);
    }
    expect(quality.get('SG-K8S-105')).toEqual([lineOf('hostPath:')]);
    for (const [rule, lines] of sarifLines)
      expect([...(quality.get(rule) ?? [])].sort(), rule).toEqual([...lines].sort());
  });
});
