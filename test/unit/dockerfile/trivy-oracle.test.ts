/**
 * Oracle test: the real Trivy (its built-in Dockerfile checks) runs over the rule cases; wherever Trivy's
 * equivalent check fires on a bad example, shipgate's rule must fire too, and wherever Trivy fires on a
 * good example the difference must be a documented, intended one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/hash';
import { dockerfileRules } from '../../../src/dockerfile/index';
import { CACHE_DIR, describeWith } from '../../support/tools';
import { TRIVY_PACKAGE as PACKAGE, trivyBinary } from '../../support/trivy';
import { CASES } from './cases';
import { lint } from './helpers';

/** Good examples Trivy flags on purpose-differing grounds: `rule#index` → why shipgate stays quiet. */
const INTENDED: Record<string, string> = {
  'SG-DF-011#2': '`-qq` implies `-y` for apt-get (hadolint DL3014 accepts it too)',
  'SG-DF-018#2': 'a BuildKit cache mount keeps the apk cache out of the layer',
};

interface TrivyReport {
  Results?: { Target: string; Misconfigurations?: { ID: string; AVDID?: string; Status?: string }[] }[];
}

const unmet =
  process.platform === 'linux' && process.arch === 'x64' ? undefined : 'the Trivy binary is linux/amd64 only';

describeWith('Trivy oracle on the rule cases', unmet, () => {
  const trivyIds = new Map<string, Set<string>>();
  const rules = dockerfileRules().filter((r) => (r.equivalents?.trivy ?? []).length > 0);

  beforeAll(async () => {
    const inputs: Record<string, string> = {};
    for (const r of rules) {
      const c = CASES[r.id];
      if (!c || c.options) continue;
      c.bad.forEach((content, i) => (inputs[`${r.id}-bad-${i}`] = content));
      c.good.forEach((content, i) => (inputs[`${r.id}-good-${i}`] = content));
    }
    // Trivy takes tens of seconds; its report is kept per set of inputs.
    const cached = join(CACHE_DIR, 'trivy-oracle', `${sha256Hex(PACKAGE + JSON.stringify(inputs))}.json`);
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
        if ((m.Status ?? 'FAIL') === 'FAIL') ids.add(m.AVDID ?? m.ID);
      trivyIds.set(res.Target.split('/')[0] as string, ids);
    }
  }, 600_000);

  async function runTrivy(inputs: Record<string, string>): Promise<TrivyReport> {
    const bin = await trivyBinary();
    const work = join(CACHE_DIR, `trivy-oracle-${process.pid}`);
    rmSync(work, { recursive: true, force: true });
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

  it('shipgate fires wherever Trivy fires the equivalent check on a bad example', async () => {
    let compared = 0;
    const missed: string[] = [];
    for (const r of rules) {
      const c = CASES[r.id];
      if (!c || c.options) continue;
      const eq = new Set(r.equivalents?.trivy ?? []);
      for (const [i, content] of c.bad.entries()) {
        const t = trivyIds.get(`${r.id}-bad-${i}`);
        if (!t || ![...t].some((id) => eq.has(id))) continue;
        compared++;
        const ours = (await lint(content)).some((f) => f.ruleId === r.id);
        if (!ours) missed.push(`${r.id} bad #${i + 1}`);
      }
    }
    expect(missed).toEqual([]);
    expect(compared).toBeGreaterThan(15);
  });

  it('every good example Trivy flags is an intended, documented difference', () => {
    const unexpected: string[] = [];
    for (const r of rules) {
      const c = CASES[r.id];
      if (!c || c.options) continue;
      const eq = new Set(r.equivalents?.trivy ?? []);
      c.good.forEach((_, i) => {
        const t = trivyIds.get(`${r.id}-good-${i}`);
        if (t && [...t].some((id) => eq.has(id)) && !INTENDED[`${r.id}#${i + 1}`])
          unexpected.push(`${r.id} good #${i + 1}`);
      });
    }
    expect(unexpected).toEqual([]);
  });
});
