/**
 * Oracle test on real Dockerfiles: the real Trivy runs its built-in Dockerfile checks over the 300 public
 * Dockerfiles of test/fixtures/dockerfiles, and for every DS check a shipgate rule declares equivalent, the files
 * Trivy flags are compared with the files the rule flags. Checks shipgate only declares related are not compared.
 * Suppressed findings count: Trivy does not read hadolint pragmas, and the rule's decision is what is measured.
 * Target: recall and precision of at least 95% each, with the disagreements where Trivy is wrong reviewed below.
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

const MIN_RECALL = 0.95;
const MIN_PRECISION = 0.95;

/**
 * Disagreements reviewed by hand where Trivy is wrong, keyed `<DS check> <file>`: they count as agreement in the
 * asserted figures (the raw ones are printed too). An entry that stops disagreeing fails the test.
 */
const TRIVY_WRONG: Record<string, string> = {
  'DS010 178-kubernetes-minikube-deploy-kicbase.Dockerfile':
    '`curl … | sudo gpg` and `| sudo tee`: Trivy only sees sudo at the start of an `&&` part',
  'DS021 034-coredns-coredns-root.Dockerfile': '`apt-get -qq` implies `-y`',
  'DS025 014-argoproj-argo-events-root.Dockerfile':
    '`apk add ca-certificates && apk --no-cache add tzdata`: Trivy finds `--no-cache` anywhere in the RUN',
  'DS025 112-erlang-docker-erlang-otp-29-alpine.Dockerfile':
    'the third `apk add` of the RUN has no `--no-cache`; Trivy finds it on the first two',
  'DS025 221-open-telemetry-opentelemetry-collector-releases-distributions-otelcol.Dockerfile':
    '`apk --update add`: Trivy only reads `apk add` written together',
  'DS029 079-docker-awesome-compose-nginx-aspnet-mysql-backend.Dockerfile':
    '`apt-get install` in a RUN heredoc, which Trivy does not read',
  'DS029 083-docker-awesome-compose-wasmedge-mysql-nginx-backend.Dockerfile':
    '`apt-get install` in a RUN heredoc, which Trivy does not read',
  'DS029 121-getsentry-snuba-root.Dockerfile':
    '`--no-install-recommends` after the packages: Trivy only reads it before them',
};

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
      // A file Trivy could not parse has no answer to compare with.
      const theirs = flagged.get(file);
      if (!theirs) continue;
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
    let reviewed = 0;
    const seen = new Set<string>();
    const lines = ['check   rules                            both  trivy-only  shipgate-only'];
    for (const [ds, s] of per) {
      both += s.both;
      onlyTrivy += s.onlyTrivy.length;
      onlyOurs += s.onlyOurs.length;
      lines.push(
        `${ds}   ${(owners.get(ds) ?? []).join(',').padEnd(32)} ${String(s.both).padStart(4)}  ${String(s.onlyTrivy.length).padStart(10)}  ${String(s.onlyOurs.length).padStart(13)}`,
      );
      for (const [side, files] of [
        ['trivy only', s.onlyTrivy],
        ['shipgate only', s.onlyOurs],
      ] as const)
        for (const f of files) {
          const why = TRIVY_WRONG[`${ds} ${f}`];
          if (why) {
            reviewed++;
            seen.add(`${ds} ${f}`);
          }
          lines.push(`        ${side}: ${f}${why ? ` (Trivy is wrong: ${why})` : ''}`);
        }
    }
    const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
    const rawRecall = both / (both + onlyTrivy);
    const rawPrecision = both / (both + onlyOurs);
    const trivyWrong = (side: 'onlyTrivy' | 'onlyOurs') =>
      [...per].reduce((n, [ds, s]) => n + s[side].filter((f) => TRIVY_WRONG[`${ds} ${f}`]).length, 0);
    const recall = (both + trivyWrong('onlyTrivy')) / (both + onlyTrivy);
    const precision = (both + trivyWrong('onlyOurs')) / (both + onlyOurs);
    lines.push(
      `raw: recall ${pct(rawRecall)}, precision ${pct(rawPrecision)}; with the ${reviewed} reviewed Trivy errors: recall ${pct(recall)}, precision ${pct(precision)}`,
    );
    console.log(lines.join('\n'));
    expect(
      Object.keys(TRIVY_WRONG).filter((k) => !seen.has(k)),
      'reviewed entries that now agree',
    ).toEqual([]);
    expect(both).toBeGreaterThan(30);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
  }, 300_000);
});
