/**
 * Oracle test on real Dockerfiles: the real Trivy runs its built-in Dockerfile checks over the 300 public
 * Dockerfiles of test/fixtures/dockerfiles, and for every DS check a shipgate rule declares equivalent, the files
 * Trivy flags are compared with the files the rule flags. Checks shipgate only declares related are not compared.
 * Suppressed findings count: Trivy does not read hadolint pragmas, and the rule's decision is what is measured.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/hash';
import { RULES } from '../../../src/dockerfile/rules/index';
import { CACHE_DIR, ROOT, describeWith } from '../../support/tools';
import { TRIVY_PACKAGE, TRIVY_UNMET, trivyBinary } from '../../support/trivy';
import { lint } from './helpers';
import { standsFor } from './peers';

/**
 * Floors the agreement may not fall below. The target of issue #18 is 0.95 for both; the floors sit at what is
 * reached today, so a regression fails while the remaining gap stays visible in the printed figures.
 */
const MIN_RECALL = 0.8;
const MIN_PRECISION = 0.86;

const DIR = join(ROOT, 'test', 'fixtures', 'dockerfiles');
const FILES = readFileSync(join(DIR, 'MANIFEST.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t')[0] ?? '')
  .filter(Boolean);

const dsId = (id: string) =>
  id.toUpperCase().replace(/^(?:AVD-)?DS-?0*(\d+)$/, (_, n: string) => `DS${n.padStart(3, '0')}`);

/** The shipgate rules declaring each DS check equivalent. */
const owners = new Map<string, string[]>();
for (const r of RULES)
  for (const id of r.meta.equivalents?.trivy ?? []) {
    const ds = dsId(id);
    if (/^DS\d{3}$/.test(ds)) owners.set(ds, [...new Set([...(owners.get(ds) ?? []), r.meta.id])]);
  }

interface TrivyReport {
  Results?: { Target: string; Misconfigurations?: { ID: string; AVDID?: string; Status?: string }[] }[];
}

describeWith('Trivy oracle on 300 real Dockerfiles', TRIVY_UNMET, () => {
  const flagged = new Map<string, Set<string>>();

  beforeAll(async () => {
    const inputs = Object.fromEntries(FILES.map((f) => [f, readFileSync(join(DIR, f), 'utf8')]));
    // Trivy's report is kept per set of inputs and Trivy build.
    const cached = join(CACHE_DIR, 'trivy-real', `${sha256Hex(TRIVY_PACKAGE + JSON.stringify(inputs))}.json`);
    let report: TrivyReport;
    if (existsSync(cached)) report = JSON.parse(readFileSync(cached, 'utf8')) as TrivyReport;
    else {
      report = await runTrivy(inputs);
      mkdirSync(dirname(cached), { recursive: true });
      writeFileSync(cached, JSON.stringify(report));
    }
    for (const res of report.Results ?? []) {
      const ids = new Set<string>();
      for (const m of res.Misconfigurations ?? [])
        if ((m.Status ?? 'FAIL') === 'FAIL') ids.add(dsId(m.AVDID ?? m.ID));
      flagged.set(res.Target.split('/')[0] as string, ids);
    }
  }, 600_000);

  async function runTrivy(inputs: Record<string, string>): Promise<TrivyReport> {
    const bin = await trivyBinary();
    const work = join(CACHE_DIR, `trivy-real-${process.pid}`);
    rmSync(work, { recursive: true, force: true });
    // One folder per file, each holding a `Dockerfile`: Trivy picks Dockerfiles by name.
    for (const [name, content] of Object.entries(inputs)) {
      const d = join(work, 'cases', name);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'Dockerfile'), content);
    }
    const out = join(work, 'report.json');
    execFileSync(
      bin,
      [
        'config',
        '--format',
        'json',
        '--quiet',
        '--skip-policy-update',
        '--cache-dir',
        join(CACHE_DIR, 'trivy-cache'),
        '--output',
        out,
        join(work, 'cases'),
      ],
      { stdio: ['ignore', 'ignore', 'ignore'], timeout: 300_000 },
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as TrivyReport;
    rmSync(work, { recursive: true, force: true });
    return report;
  }

  it(`finds what Trivy's equivalent checks find (recall ≥ ${MIN_RECALL}, precision ≥ ${MIN_PRECISION})`, async () => {
    expect(FILES).toHaveLength(300);
    // Trivy's parser gives up on two of the files (BuildKit syntax it does not know); they count as clean for it.
    expect(flagged.size, 'Trivy reported on the files').toBeGreaterThanOrEqual(298);
    const per = new Map<string, { both: number; onlyTrivy: string[]; onlyOurs: string[] }>(
      [...owners.keys()].sort().map((ds) => [ds, { both: 0, onlyTrivy: [], onlyOurs: [] }]),
    );
    for (const file of FILES) {
      const theirs = flagged.get(file) ?? new Set<string>();
      const findings = await lint(readFileSync(join(DIR, file), 'utf8'));
      for (const [ds, rules] of owners) {
        const s = per.get(ds) as { both: number; onlyTrivy: string[]; onlyOurs: string[] };
        const ours = findings.some((f) => rules.includes(f.ruleId) && standsFor(f, ds));
        if (ours && theirs.has(ds)) s.both++;
        else if (theirs.has(ds)) s.onlyTrivy.push(file);
        else if (ours) s.onlyOurs.push(file);
      }
    }
    let both = 0;
    let onlyTrivy = 0;
    let onlyOurs = 0;
    const lines = ['check   rules                            both  trivy-only  shipgate-only'];
    for (const [ds, s] of per) {
      both += s.both;
      onlyTrivy += s.onlyTrivy.length;
      onlyOurs += s.onlyOurs.length;
      lines.push(
        `${ds}   ${(owners.get(ds) ?? []).join(',').padEnd(32)} ${String(s.both).padStart(4)}  ${String(s.onlyTrivy.length).padStart(10)}  ${String(s.onlyOurs.length).padStart(13)}`,
      );
      for (const f of s.onlyTrivy) lines.push(`        trivy only: ${f}`);
      for (const f of s.onlyOurs) lines.push(`        shipgate only: ${f}`);
    }
    const recall = both / (both + onlyTrivy);
    const precision = both / (both + onlyOurs);
    lines.push(`recall ${(100 * recall).toFixed(1)}%, precision ${(100 * precision).toFixed(1)}%`);
    console.log(lines.join('\n'));
    expect(both).toBeGreaterThan(100);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
  }, 300_000);
});
