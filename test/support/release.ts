/**
 * The release as users get it: the npm tarball packed from a freshly built dist/, and the shipgate container
 * image that build/image.sh builds from that tarball. The image is built once per tarball and script content and
 * cached under .cache/test like the other shared images; npm pack is reproducible, so an unchanged dist/ reuses it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBundle } from './bundle';
import { cachedFixture } from './cache';
import { run } from './debian';
import { ROOT } from './tools';

/** Commands build/image.sh and running its image need (runc: see podmanRun). */
export const RELEASE_IMAGE_TOOLS = ['buildah', 'podman', 'runc', 'dpkg-deb', 'apt-get'];

const IMAGE_NAME = 'localhost/shipgate:test';

/** Builds dist/ (once per run) and packs the npm tarball into dir; returns its path. */
export async function packTarball(dir: string): Promise<string> {
  await ensureBundle();
  mkdirSync(dir, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [{ filename }] = JSON.parse(out) as [{ filename: string }];
  return join(dir, filename);
}

/** The image build/image.sh makes from the npm tarball, as an oci-archive (built once per tarball and script). */
export async function shipgateImage(tarball: string): Promise<string> {
  const key = createHash('sha256')
    .update(readFileSync(tarball))
    .update(readFileSync(join(ROOT, 'build', 'image.sh')))
    .digest('hex')
    .slice(0, 16);
  const dir = await cachedFixture(`shipgate-image-${key}`, async (tmp) => {
    const storage = join(tmp, 'storage');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BUILDAH_FLAGS: `--root ${storage}/root --runroot ${storage}/run --storage-driver vfs`,
    };
    if (process.env.SHIPGATE_TEST_DEBIAN_MIRROR) env.DEBIAN_MIRROR = process.env.SHIPGATE_TEST_DEBIAN_MIRROR;
    try {
      await run(join(ROOT, 'build', 'image.sh'), [tarball, IMAGE_NAME, join(tmp, 'image.tar')], { env });
    } finally {
      rmSync(storage, { recursive: true, force: true });
    }
  });
  return join(dir, 'image.tar');
}
