/**
 * Expensive test fixtures (a debootstrapped rootfs, built images) are built once and kept under .cache/test.
 * A lock directory keeps two test workers from building the same thing at once; a build goes to a temporary
 * directory and is renamed into place only when complete, so a killed run never leaves half a fixture.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CACHE_DIR } from './tools';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs fn while holding the named lock (across processes). */
export async function withLock<T>(name: string, fn: () => Promise<T>, timeoutMs = 30 * 60_000): Promise<T> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const dir = join(CACHE_DIR, `${name}.lock`);
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {
        /* being created */
      }
      if (owner && !pidAlive(owner)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for lock ${name}`);
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Returns the path of the cached fixture `name`, building it with `build(tmpDir)` first if needed.
 * `build` must fill tmpDir completely; it is renamed to the final path afterwards.
 */
export async function cachedFixture(name: string, build: (dir: string) => Promise<void>): Promise<string> {
  const final = join(CACHE_DIR, name);
  if (existsSync(join(final, '.complete'))) return final;
  return withLock(name, async () => {
    if (existsSync(join(final, '.complete'))) return final;
    const tmp = `${final}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    rmSync(final, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    try {
      await build(tmp);
      writeFileSync(join(tmp, '.complete'), new Date().toISOString());
      renameSync(tmp, final);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
    return final;
  });
}
