/**
 * Global setup of the tiers that need Debian tools (test/e2e, test/oracle): installs the missing packages
 * with apt-get when running as root. Suites whose tools are still missing are skipped with their reason in
 * the run's summary (and fail under SHIPGATE_TEST_STRICT=1). test/unit never needs it.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { TOOL_PACKAGES, hasTool } from './tools';

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export default function provision(): void {
  if (process.env.SHIPGATE_TEST_NO_PROVISION === '1') return;
  const missing = [
    ...new Set(
      Object.keys(TOOL_PACKAGES)
        .filter((c) => !hasTool(c))
        .map((c) => TOOL_PACKAGES[c]!),
    ),
  ];
  if (missing.length === 0) return;
  if (!isRoot() || !hasTool('apt-get')) {
    process.stderr.write(
      `[test setup] cannot install ${missing.join(' ')} (needs root and apt-get); suites needing them are skipped\n`,
    );
    return;
  }
  process.stderr.write(`[test setup] installing Debian packages: ${missing.join(' ')}\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const opts: SpawnSyncOptions = { stdio: ['ignore', 'ignore', 'inherit'], env };
  spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update', '-qq'], opts);
  const r = spawnSync(
    'apt-get',
    ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '-qq', '--no-install-recommends', ...missing],
    opts,
  );
  if (r.status !== 0) process.stderr.write(`[test setup] apt-get install exited ${r.status}\n`);
}
