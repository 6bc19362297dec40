import { gzipSync } from 'node:zlib';
import type { Location, Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { severityRank, type Severity } from '../../../src/core/severity';
import { GITHUB_SARIF_LIMITS, limitForGitHub, toSarif } from '../../../src/report/sarif';
import { REPO_ROOT, fullResult, hugeResult, readFile } from '../../support/report-fixtures';
import { validateSarif } from '../../support/sarif-validate';

const opts = { repoRoot: REPO_ROOT, readFile };

function allResults(log: Log): Result[] {
  return log.runs.flatMap((r) => r.results ?? []);
}

function sev(r: Result): Severity {
  return r.properties?.severity as Severity;
}

function consistent(log: Log): void {
  for (const run of log.runs) {
    const rules = run.tool.driver.rules ?? [];
    for (const r of run.results ?? []) expect(rules[r.ruleIndex!]?.id).toBe(r.ruleId);
  }
  const ids = log.runs.map((r) => `${r.tool.driver.name}|${r.automationDetails?.id}`);
  expect(new Set(ids).size).toBe(ids.length);
}

async function expectValid(log: Log, options: { multitool?: boolean } = {}): Promise<void> {
  const v = await validateSarif(log, options);
  expect(v.schemaErrors, v.schemaErrors.join('\n')).toEqual([]);
  expect(v.multitoolErrors, v.multitoolErrors.slice(0, 20).join('\n')).toEqual([]);
}

// Logs of tens of thousands of results, each also checked against the SARIF schema: seconds on an idle
// machine, more while other test files run beside them.
describe('limitForGitHub', { timeout: 120_000 }, () => {
  it('leaves a log within limits unchanged and says nothing', () => {
    const log = toSarif(fullResult(), opts);
    const out = limitForGitHub(log);
    expect(out.log).toEqual(log);
    expect(out.warnings).toEqual([]);
    expect(Object.values(out.trimmed).every((n) => n === 0)).toBe(true);
    expect(out.gzipBytes).toBe(gzipSync(JSON.stringify(log)).length);
  });

  it('trims 30,000 results to 25,000, dropping the least severe (suppressed first within a severity)', async () => {
    const result = hugeResult(30_000);
    const log = toSarif(result, opts);
    const before = JSON.stringify(log);
    const out = limitForGitHub(log);
    expect(JSON.stringify(log)).toBe(before); // input untouched
    const vuln = out.log.runs.find((r) => r.tool.driver.properties?.part === 'vulnerability')!;
    expect(vuln.results).toHaveLength(GITHUB_SARIF_LIMITS.maxResultsPerRun);
    expect(out.trimmed.results).toBe(5_000);
    expect(vuln.properties?.shipgateTrimmedResults).toBe(5_000);

    // Oracle: what was kept is exactly the most important 25,000 under (severity, unsuppressed) order.
    const key = (r: Result) => severityRank(sev(r)) * 2 + (r.suppressions?.length ? 0 : 1);
    const all = allResults(log).map(key);
    const kept = allResults(out.log).map(key);
    const droppedMax = Math.max(...removed(all, kept));
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(droppedMax);
    const counts = (xs: Result[], s: Severity) => xs.filter((r) => sev(r) === s).length;
    for (const s of ['critical', 'high', 'medium', 'low'] as Severity[])
      expect(counts(allResults(out.log), s)).toBe(counts(allResults(log), s));
    expect(counts(allResults(out.log), 'info')).toBe(6_000 - 5_000);
    // Within info, suppressed ones went first.
    const infoSuppressedKept = allResults(out.log).filter((r) => sev(r) === 'info' && r.suppressions).length;
    expect(infoSuppressedKept).toBe(0);

    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatch(
      /had 30000 results, over GitHub's limit of 25000; dropped the 5000 least severe \(5000 info\)/,
    );
    consistent(out.log);
    // The schema here; sarif-multitool takes minutes on 25,000 results, and checks trimmed logs below.
    await expectValid(out.log, { multitool: false });
  }, 300_000);

  it('caps locations and related locations at 1,000 per result', async () => {
    const log = toSarif(fullResult(), opts);
    const target = allResults(log).find((r) => r.ruleId === 'GHSA-35jh-r3h4-6jhm')!;
    const template = target.relatedLocations![0]!;
    target.relatedLocations = Array.from({ length: 2_000 }, (_, i): Location => ({
      ...structuredClone(template),
      id: i + 1,
      message: { text: `copy ${i}` },
    }));
    const loc = target.locations![0]!;
    target.locations = Array.from({ length: 1_500 }, () => structuredClone(loc));
    const out = limitForGitHub(log);
    const capped = allResults(out.log).find((r) => r.ruleId === 'GHSA-35jh-r3h4-6jhm')!;
    expect(capped.relatedLocations).toHaveLength(1_000);
    expect(capped.relatedLocations![999]!.id).toBe(1_000);
    expect(capped.locations).toHaveLength(1_000);
    expect(out.trimmed).toMatchObject({ relatedLocations: 1_000, locations: 500, results: 0 });
    expect(capped.properties).toMatchObject({
      shipgateTrimmedRelatedLocations: 1_000,
      shipgateTrimmedLocations: 500,
    });
    expect(out.warnings.join('\n')).toMatch(
      /1 result had more than 1000 related locations; dropped 1000 related locations/,
    );
    expect(out.warnings.join('\n')).toMatch(/1 result had more than 1000 locations; dropped 500 locations/);
    await expectValid(out.log);
  });

  it('merges runs beyond 20 into one run with its own category and consistent rule indexes', async () => {
    const runs = [] as Log['runs'];
    for (let i = 0; i < 5; i++) {
      const r = fullResult();
      r.image = { ...r.image!, ref: `ghcr.io/acme/svc-${i}:1`, repository: undefined };
      runs.push(...toSarif(r, { ...opts, category: `svc-${i}` }).runs);
    }
    const log: Log = { version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs };
    expect(log.runs).toHaveLength(25);
    const out = limitForGitHub(log);
    expect(out.log.runs).toHaveLength(20);
    expect(out.trimmed.runsMerged).toBe(6);
    expect(allResults(out.log)).toHaveLength(allResults(log).length);
    const merged = out.log.runs[19]!;
    expect(merged.automationDetails?.id).toMatch(/^shipgate\/merged\/[0-9a-f]{12}\/$/);
    expect(merged.properties?.mergedRuns).toHaveLength(6);
    expect(out.warnings.join('\n')).toMatch(/25 runs exceed GitHub's limit of 20; merged the last 6/);
    // The merged category is stable for the same input.
    expect(limitForGitHub(log).log.runs[19]!.automationDetails?.id).toBe(merged.automationDetails?.id);
    consistent(out.log);
    await expectValid(out.log);
  });

  it('trims by compressed size, least severe first, until it fits', async () => {
    const log = toSarif(hugeResult(3_000), opts);
    const size = gzipSync(JSON.stringify(log)).length;
    const limit = Math.floor(size / 3);
    const out = limitForGitHub(log, { maxGzipBytes: limit });
    expect(out.gzipBytes).toBeLessThanOrEqual(limit);
    expect(out.gzipBytes).toBe(gzipSync(JSON.stringify(out.log)).length);
    expect(out.trimmed.results).toBeGreaterThan(0);
    const keptMin = Math.min(...allResults(out.log).map((r) => severityRank(sev(r))));
    const droppedMax = Math.max(
      ...removed(
        allResults(log).map((r) => severityRank(sev(r))),
        allResults(out.log).map((r) => severityRank(sev(r))),
      ),
    );
    expect(keptMin).toBeGreaterThanOrEqual(droppedMax);
    expect(out.warnings.join('\n')).toMatch(
      /compressed size .* MB is over GitHub's limit of .* MB; dropped the \d+ least severe results/,
    );
    // Rules whose results are all gone are pruned.
    consistent(out.log);
    const vuln = out.log.runs.find((r) => r.tool.driver.properties?.part === 'vulnerability')!;
    expect(new Set(vuln.tool.driver.rules!.map((r) => r.id))).toEqual(
      new Set(vuln.results!.map((r) => r.ruleId)),
    );
    await expectValid(out.log);
  });

  it('caps tags per rule and rules per run', () => {
    const log = toSarif(hugeResult(200), opts);
    const vuln = log.runs.find((r) => r.tool.driver.properties?.part === 'vulnerability')!;
    vuln.tool.driver.rules![0]!.properties!.tags = Array.from({ length: 25 }, (_, i) => `t${i}`);
    const out = limitForGitHub(log, { maxRulesPerRun: 50 });
    const v2 = out.log.runs.find((r) => r.tool.driver.properties?.part === 'vulnerability')!;
    expect(v2.tool.driver.rules!.length).toBeLessThanOrEqual(50);
    expect(out.trimmed.tags).toBe(5);
    expect(out.trimmed.rules).toBe(150);
    expect(out.warnings.join('\n')).toMatch(
      /had 200 rules, over GitHub's limit of 50; dropped the 150 least severe rules/,
    );
    consistent(out.log);
  });
});

/** Multiset difference: the values in `all` that are not in `kept`. */
function removed(all: number[], kept: number[]): number[] {
  const counts = new Map<number, number>();
  for (const k of kept) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out: number[] = [];
  for (const a of all) {
    const n = counts.get(a) ?? 0;
    if (n > 0) counts.set(a, n - 1);
    else out.push(a);
  }
  return out;
}
