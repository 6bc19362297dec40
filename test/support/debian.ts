/**
 * A real Debian root filesystem made with `debootstrap --variant=minbase`, built once and cached.
 * Suites that need it call debianRootfs() inside describeWithTools(..., DEBIAN_TOOLS, ...).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cachedFixture } from './cache';

export const DEBIAN_TOOLS = ['debootstrap', 'dpkg-query'];
const DEBIAN_SUITE = 'bookworm';
const MIRROR = process.env.SHIPGATE_TEST_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';

export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

/** Path of a debootstrapped Debian minbase root filesystem (`<dir>/rootfs`). */
export async function debianRootfs(): Promise<string> {
  const dir = await cachedFixture(`debian-${DEBIAN_SUITE}-minbase`, async (tmp) => {
    await run('debootstrap', ['--variant=minbase', DEBIAN_SUITE, join(tmp, 'rootfs'), MIRROR]);
  });
  return join(dir, 'rootfs');
}
