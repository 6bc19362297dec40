/** The docker: source through a real Docker-compatible API (podman system service) on a unix socket. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ShipgateError, formatError } from '../../../src/core/errors';
import { openImage, walkImage, type FinalView, type ImageInfo } from '../../../src/image/index';
import { debianImage, serialHeavySuite, type TestImage } from '../../support/images';
import { PODMAN_TOOLS, startPodmanService, type PodmanService } from '../../support/podman';
import { describeWithTools } from '../../support/tools';

serialHeavySuite();

function files(view: FinalView): string[] {
  return [...view.entries()]
    .map((e) => `${e.path} ${e.type} ${e.mode.toString(8)} ${e.uid}:${e.gid} ${e.size}`)
    .sort();
}

async function walk(
  ref: string,
  env: NodeJS.ProcessEnv,
  tmpDir?: string,
): Promise<{ info: ImageInfo; files: string[] }> {
  const img = await openImage(ref, { env, ...(tmpDir ? { tmpDir } : {}) });
  try {
    const r = await walkImage(img, []);
    return { info: img.info, files: files(r.view) };
  } finally {
    await img.close();
  }
}

describeWithTools('docker: source via podman', PODMAN_TOOLS, () => {
  let podman: PodmanService;
  let debian: TestImage;
  const tmp = mkdtempSync(join(tmpdir(), 'shipgate-daemon-test-'));
  beforeAll(async () => {
    debian = await debianImage();
    podman = await startPodmanService();
    await podman.load(debian.dockerArchive);
  });
  afterAll(async () => {
    await podman?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('reads the same image as the docker-archive it was loaded from, leaving no temporary files', async () => {
    const env = { DOCKER_HOST: podman.dockerHost };
    const expected = await walk(`docker-archive:${debian.dockerArchive}`, {});
    const spool = join(tmp, 'spool');
    mkdirSync(spool);
    for (const ref of [
      'docker:shipgate-test/debian:bookworm',
      'docker-daemon:docker.io/shipgate-test/debian:bookworm',
    ]) {
      const got = await walk(ref, env, spool);
      expect(got.files).toEqual(expected.files);
      expect(got.info.layers.map((l) => l.diffId)).toEqual(expected.info.layers.map((l) => l.diffId));
      expect(got.info.configDigest).toBe(expected.info.configDigest);
      expect(got.info.layers[0]!.createdBy).toMatch(/debootstrap/);
      expect(readdirSync(spool)).toEqual([]);
    }
  });

  it('a missing image is NOT_FOUND, a missing socket a NETWORK error, both one line', async () => {
    const missing = await openImage('docker:no/such:image', {
      env: { DOCKER_HOST: podman.dockerHost },
    }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ShipgateError);
    expect((missing as ShipgateError).code).toBe('NOT_FOUND');
    const noSocket = await openImage('docker:x', {
      env: { DOCKER_HOST: `unix://${join(tmp, 'absent.sock')}` },
    }).catch((e: unknown) => e);
    expect((noSocket as ShipgateError).code).toBe('NETWORK');
    expect(formatError(noSocket as ShipgateError)).not.toContain('\n');
    const tcp = await openImage('docker:x', { env: { DOCKER_HOST: 'tcp://127.0.0.1:2375' } }).catch(
      (e: unknown) => e,
    );
    expect((tcp as ShipgateError).code).toBe('UNSUPPORTED');
  });
});
