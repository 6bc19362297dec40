/**
 * Makes a SARIF log fit GitHub code scanning's hard limits, which reject the whole upload when exceeded.
 * Trims the least important data first and says what it dropped: nothing is ever trimmed silently.
 */
import { gzipSync } from 'node:zlib';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { stableHash } from '../../core/hash';
import { isSeverity, severityRank, type Severity } from '../../core/severity';
import { SEVERITIES_DESC, plural } from '../common';

export interface SarifLimits {
  /** Size of the gzip-compressed JSON. */
  maxGzipBytes: number;
  maxRuns: number;
  maxResultsPerRun: number;
  maxLocationsPerResult: number;
  maxRelatedLocationsPerResult: number;
  maxThreadFlowLocationsPerResult: number;
  maxRulesPerRun: number;
  maxTagsPerRule: number;
}

/** GitHub's documented hard limits (docs: "SARIF results exceed one or more limits", "SARIF file is too large"). */
export const GITHUB_SARIF_LIMITS: Readonly<SarifLimits> = {
  maxGzipBytes: 10 * 1000 * 1000,
  maxRuns: 20,
  maxResultsPerRun: 25_000,
  maxLocationsPerResult: 1_000,
  maxRelatedLocationsPerResult: 1_000,
  maxThreadFlowLocationsPerResult: 10_000,
  maxRulesPerRun: 25_000,
  maxTagsPerRule: 20,
};

export interface LimitReport {
  log: Log;
  trimmed: {
    results: number;
    locations: number;
    relatedLocations: number;
    threadFlowLocations: number;
    rules: number;
    tags: number;
    /** Runs folded into a merged run because there were more than maxRuns. */
    runsMerged: number;
  };
  /** One line per kind of trimming, for the log and the job summary. */
  warnings: string[];
  /** Size of the gzip-compressed result, as GitHub measures it. */
  gzipBytes: number;
}

const LEVEL_RANK: Record<string, number> = { error: 3, warning: 2, note: 1, none: 0 };

function resultSeverity(r: Result): Severity | undefined {
  const s = r.properties?.severity;
  return isSeverity(s) ? s : undefined;
}

/** Importance of a result: severity, then unsuppressed over suppressed, then the rule's security-severity. */
function importance(r: Result, run: Run): [number, number, number] {
  const sev = resultSeverity(r);
  const rank = sev !== undefined ? severityRank(sev) : (LEVEL_RANK[r.level ?? 'warning'] ?? 2);
  const suppressed = r.suppressions?.length ? 0 : 1;
  const rule = ruleOf(r, run);
  const score = Number(rule?.properties?.['security-severity']);
  return [rank, suppressed, Number.isFinite(score) ? score : 0];
}

function compareImportance(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function ruleOf(r: Result, run: Run): ReportingDescriptor | undefined {
  const rules = run.tool.driver.rules ?? [];
  if (r.ruleIndex !== undefined && rules[r.ruleIndex]?.id === (r.ruleId ?? rules[r.ruleIndex]?.id))
    return rules[r.ruleIndex];
  return r.ruleId ? rules.find((x) => x.id === r.ruleId) : undefined;
}

function runName(run: Run, i: number): string {
  return run.automationDetails?.id ?? `run ${i + 1}`;
}

function describeDropped(results: Result[]): string {
  const counts = new Map<string, number>();
  for (const r of results) {
    const k = resultSeverity(r) ?? r.level ?? 'warning';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const order = [...SEVERITIES_DESC, 'error', 'warning', 'note', 'none'];
  return [...counts.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
}

function noteTrim(target: { properties?: Record<string, unknown> }, key: string, n: number): void {
  target.properties = { ...(target.properties ?? {}), [key]: n };
}

function capLocations(result: Result, limits: SarifLimits, t: LimitReport['trimmed']): void {
  if (result.locations && result.locations.length > limits.maxLocationsPerResult) {
    const n = result.locations.length - limits.maxLocationsPerResult;
    result.locations = result.locations.slice(0, limits.maxLocationsPerResult);
    t.locations += n;
    noteTrim(result, 'shipgateTrimmedLocations', n);
  }
  if (result.relatedLocations && result.relatedLocations.length > limits.maxRelatedLocationsPerResult) {
    const n = result.relatedLocations.length - limits.maxRelatedLocationsPerResult;
    result.relatedLocations = result.relatedLocations.slice(0, limits.maxRelatedLocationsPerResult);
    t.relatedLocations += n;
    noteTrim(result, 'shipgateTrimmedRelatedLocations', n);
  }
  let budget = limits.maxThreadFlowLocationsPerResult;
  let dropped = 0;
  for (const flow of result.codeFlows ?? [])
    for (const tf of flow.threadFlows) {
      const keep = Math.max(0, Math.min(tf.locations.length, budget));
      dropped += tf.locations.length - keep;
      tf.locations = tf.locations.slice(0, keep);
      budget -= keep;
    }
  if (dropped) {
    // SARIF requires at least one location per thread flow: drop flows left empty.
    for (const flow of result.codeFlows ?? [])
      flow.threadFlows = flow.threadFlows.filter((tf) => tf.locations.length);
    result.codeFlows = result.codeFlows?.filter((f) => f.threadFlows.length);
    if (!result.codeFlows?.length) delete result.codeFlows;
    t.threadFlowLocations += dropped;
    noteTrim(result, 'shipgateTrimmedThreadFlowLocations', dropped);
  }
}

/** Re-points ruleIndex at `rules` by rule id (after rules were merged or pruned). */
function reindex(results: Result[], oldRules: ReportingDescriptor[], rules: ReportingDescriptor[]): void {
  const idx = new Map(rules.map((r, i) => [r.id, i]));
  for (const r of results) {
    const id = r.ruleId ?? (r.ruleIndex !== undefined ? oldRules[r.ruleIndex]?.id : undefined);
    if (id === undefined) continue;
    r.ruleId = id;
    const i = idx.get(id);
    if (i === undefined) delete r.ruleIndex;
    else r.ruleIndex = i;
  }
}

/** Keeps only rules that still have results (run rules must stay consistent after trimming). */
function pruneRules(run: Run): number {
  const rules = run.tool.driver.rules ?? [];
  const results = run.results ?? [];
  const used = new Set<string>();
  for (const r of results) {
    const id = r.ruleId ?? (r.ruleIndex !== undefined ? rules[r.ruleIndex]?.id : undefined);
    if (id) used.add(id);
  }
  const kept = rules.filter((r) => used.has(r.id));
  if (kept.length === rules.length) return 0;
  reindex(results, rules, kept);
  run.tool.driver.rules = kept;
  return rules.length - kept.length;
}

function mergeRuns(runs: Run[]): Run {
  const first = runs[0] as Run;
  const ids = runs.map((r, i) => runName(r, i));
  const rules: ReportingDescriptor[] = [];
  const seen = new Set<string>();
  const results: Result[] = [];
  for (const run of runs) {
    const old = run.tool.driver.rules ?? [];
    for (const rule of old)
      if (!seen.has(rule.id)) {
        seen.add(rule.id);
        rules.push(rule);
      }
    const rs = run.results ?? [];
    for (const r of rs) {
      if (r.ruleId === undefined && r.ruleIndex !== undefined) r.ruleId = old[r.ruleIndex]?.id;
      r.properties = { ...(r.properties ?? {}), mergedFrom: run.automationDetails?.id };
    }
    results.push(...rs);
  }
  reindex(results, [], rules);
  const prefix = first.tool.driver.name === 'shipgate' ? 'shipgate/' : '';
  return {
    ...first,
    tool: { ...first.tool, driver: { ...first.tool.driver, rules, properties: { part: 'merged' } } },
    automationDetails: {
      id: `${prefix}merged/${stableHash(ids.join('\n')).slice(0, 12)}/`,
      description: { text: `Merged runs: ${ids.join(', ')}.` },
    },
    results,
    properties: { ...(first.properties ?? {}), part: 'merged', mergedRuns: ids },
  };
}

function gzipSize(log: Log): number {
  return gzipSync(JSON.stringify(log)).length;
}

/** Drops the `count` least important results across all runs; returns them. */
function dropLeastImportant(runs: Run[], count: number, only?: Run): Result[] {
  const all: { run: Run; r: Result; key: [number, number, number]; pos: number }[] = [];
  for (const run of only ? [only] : runs)
    (run.results ?? []).forEach((r, pos) => all.push({ run, r, key: importance(r, run), pos }));
  all.sort((a, b) => compareImportance(a.key, b.key) || b.pos - a.pos);
  const drop = all.slice(0, count);
  const dropSet = new Set(drop.map((d) => d.r));
  for (const run of only ? [only] : runs)
    if (run.results) run.results = run.results.filter((r) => !dropSet.has(r));
  return drop.map((d) => d.r);
}

/** Fits the log into GitHub's limits; the input is not modified. */
export function limitForGitHub(log: Log, limits: Partial<SarifLimits> = {}): LimitReport {
  const L: SarifLimits = { ...GITHUB_SARIF_LIMITS, ...limits };
  const out = structuredClone(log);
  const t: LimitReport['trimmed'] = {
    results: 0,
    locations: 0,
    relatedLocations: 0,
    threadFlowLocations: 0,
    rules: 0,
    tags: 0,
    runsMerged: 0,
  };
  const warnings: string[] = [];

  // Tags beyond the limit: GitHub only shows the first 10 anyway, and producers put the important ones first.
  let tagRules = 0;
  for (const run of out.runs)
    for (const rule of run.tool.driver.rules ?? []) {
      const tags = rule.properties?.tags;
      if (Array.isArray(tags) && tags.length > L.maxTagsPerRule) {
        t.tags += tags.length - L.maxTagsPerRule;
        tagRules++;
        rule.properties = { ...rule.properties, tags: tags.slice(0, L.maxTagsPerRule) };
      }
    }
  if (t.tags)
    warnings.push(
      `SARIF: ${plural(tagRules, 'rule')} had more than ${L.maxTagsPerRule} tags; dropped ${plural(t.tags, 'tag')} (GitHub rejects more).`,
    );

  const capped = { loc: 0, rel: 0, flow: 0 };
  for (const run of out.runs)
    for (const r of run.results ?? []) {
      const before = { ...t };
      capLocations(r, L, t);
      if (t.locations > before.locations) capped.loc++;
      if (t.relatedLocations > before.relatedLocations) capped.rel++;
      if (t.threadFlowLocations > before.threadFlowLocations) capped.flow++;
    }
  if (t.locations)
    warnings.push(
      `SARIF: ${plural(capped.loc, 'result')} had more than ${L.maxLocationsPerResult} locations; dropped ${plural(t.locations, 'location')} (GitHub rejects more).`,
    );
  if (t.relatedLocations)
    warnings.push(
      `SARIF: ${plural(capped.rel, 'result')} had more than ${L.maxRelatedLocationsPerResult} related locations; dropped ${plural(t.relatedLocations, 'related location')} (GitHub rejects more).`,
    );
  if (t.threadFlowLocations)
    warnings.push(
      `SARIF: ${plural(capped.flow, 'result')} had more than ${L.maxThreadFlowLocationsPerResult} code-flow locations; dropped ${t.threadFlowLocations}.`,
    );

  if (out.runs.length > L.maxRuns) {
    const keep = Math.max(0, L.maxRuns - 1);
    const tail = out.runs.slice(keep);
    const merged = mergeRuns(tail);
    t.runsMerged = tail.length;
    out.runs = [...out.runs.slice(0, keep), merged];
    warnings.push(
      `SARIF: ${out.runs.length + tail.length - 1} runs exceed GitHub's limit of ${L.maxRuns}; merged the last ${tail.length} into one run with category ${merged.automationDetails?.id}.`,
    );
  }

  out.runs.forEach((run, i) => {
    const results = run.results ?? [];
    if (results.length > L.maxResultsPerRun) {
      const dropped = dropLeastImportant(out.runs, results.length - L.maxResultsPerRun, run);
      t.results += dropped.length;
      noteTrim(run, 'shipgateTrimmedResults', dropped.length);
      warnings.push(
        `SARIF: run ${runName(run, i)} had ${results.length} results, over GitHub's limit of ${L.maxResultsPerRun}; dropped the ${dropped.length} least severe (${describeDropped(dropped)}). The JSON report lists every finding.`,
      );
      t.rules += pruneRules(run);
    }
    const rules = run.tool.driver.rules ?? [];
    if (rules.length > L.maxRulesPerRun) {
      // Rules beyond the limit take their results with them, least severe rules first.
      const score = (r: ReportingDescriptor): number => Number(r.properties?.['security-severity']) || 0;
      const order = rules
        .map((r, idx) => ({ r, idx }))
        .sort((a, b) => score(a.r) - score(b.r) || b.idx - a.idx);
      const dropIds = new Set(order.slice(0, rules.length - L.maxRulesPerRun).map((x) => x.r.id));
      const before = run.results?.length ?? 0;
      run.results = (run.results ?? []).filter(
        (r) => !dropIds.has(r.ruleId ?? rules[r.ruleIndex ?? -1]?.id ?? ''),
      );
      const kept = rules.filter((r) => !dropIds.has(r.id));
      reindex(run.results, rules, kept);
      run.tool.driver.rules = kept;
      t.rules += dropIds.size;
      t.results += before - run.results.length;
      warnings.push(
        `SARIF: run ${runName(run, i)} had ${rules.length} rules, over GitHub's limit of ${L.maxRulesPerRun}; dropped the ${dropIds.size} least severe rules and their ${before - run.results.length} results.`,
      );
    }
  });

  let size = gzipSize(out);
  if (size > L.maxGzipBytes) {
    const startSize = size;
    const dropped: Result[] = [];
    for (let guard = 0; size > L.maxGzipBytes && guard < 50; guard++) {
      const total = out.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0);
      if (total === 0) break;
      const share = 1 - L.maxGzipBytes / size;
      const n = Math.min(total, Math.max(1, Math.ceil(total * share * 1.05)));
      dropped.push(...dropLeastImportant(out.runs, n));
      for (const run of out.runs) t.rules += pruneRules(run);
      size = gzipSize(out);
    }
    t.results += dropped.length;
    warnings.push(
      `SARIF: compressed size ${mb(startSize)} is over GitHub's limit of ${mb(L.maxGzipBytes)}; dropped the ${dropped.length} least severe results (${describeDropped(dropped)}) to reach ${mb(size)}.`,
    );
    if (size > L.maxGzipBytes)
      warnings.push(
        `SARIF: still ${mb(size)} compressed without any results; GitHub will reject this upload (rule help texts are too large).`,
      );
  }
  return { log: out, trimmed: t, warnings, gzipBytes: size };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}
