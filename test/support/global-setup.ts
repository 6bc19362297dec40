/**
 * Runs once per test run: installs the Debian packages the suites need (as root, when missing) and prints
 * the suites that were skipped, and why, at the end.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CACHE_DIR, SKIP_LOG, TOOL_PACKAGES, hasTool, strict } from './tools';

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function provision(): void {
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

export default function setup(): () => void {
  mkdirSync(CACHE_DIR, { recursive: true });
  rmSync(SKIP_LOG, { force: true });
  if (process.env.SHIPGATE_TEST_NO_PROVISION !== '1') provision();
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
  } catch {
    /* git is optional for tests */
  }
  return () => {
    if (!existsSync(SKIP_LOG)) {
      process.stderr.write('\n[test summary] no suite was skipped\n');
      return;
    }
    const lines = [...new Set(readFileSync(SKIP_LOG, 'utf8').split('\n').filter(Boolean))];
    process.stderr.write(
      `\n[test summary] ${lines.length} suite(s) skipped${strict() ? ' (strict mode: failed)' : ''}:\n`,
    );
    for (const l of lines) process.stderr.write(`  - ${l}\n`);
  };
}
