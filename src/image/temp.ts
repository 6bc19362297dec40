/**
 * Private temporary directories for image data (a decompressed archive, a daemon's image stream). They are
 * removed by their owner's cleanup, and also when the process is interrupted (SIGINT, SIGTERM) while they
 * exist; the signal is then raised again so the process ends as it would have.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

/** Makes a temporary directory; the returned cleanup removes it (and may be called more than once). */
export async function tempDir(
  prefix: string,
  parent?: string,
): Promise<{ dir: string; cleanup(): Promise<void> }> {
  // The handlers go in first and the directory is made and registered synchronously, so no signal can land
  // between its creation and its registration.
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  const dir = mkdtempSync(join(parent ?? tmpdir(), prefix));
  live.add(dir);
  return {
    dir,
    async cleanup() {
      live.delete(dir);
      if (live.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
