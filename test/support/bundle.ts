/**
 * The bundled CLI and action (dist/), rebuilt from the sources once per test run so tests exercise exactly what
 * users run. The build is deterministic, so CI's dist freshness check is unaffected.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLock } from './cache';
import { CACHE_DIR, ROOT } from './tools';

export const CLI = join(ROOT, 'dist', 'cli.js');
export const ACTION = join(ROOT, 'dist', 'index.js');

/** Builds dist/ unless this test run (identified by the vitest parent process) already did. */
export async function ensureBundle(): Promise<void> {
  const marker = join(CACHE_DIR, 'bundle-built');
  const runId = String(process.ppid);
  await withLock('bundle', async () => {
    if (existsSync(marker) && readFileSync(marker, 'utf8') === runId && existsSync(CLI)) return;
    try {
      execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) {
      const out = `${(e as { stdout?: Buffer }).stdout ?? ''}${(e as { stderr?: Buffer }).stderr ?? ''}`;
      throw new Error(`npm run build failed:\n${out.split('\n').slice(-15).join('\n')}`, { cause: e });
    }
    writeFileSync(marker, runId);
  });
}
