/**
 * The bundled CLI and action (dist/), rebuilt from the sources once per test run so tests exercise exactly what
 * users run. The build is deterministic, so CI's dist freshness check is unaffected.
 */
import { execFileSync, spawn } from 'node:child_process';
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

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI without blocking this process (tests that serve HTTP themselves need that). */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
