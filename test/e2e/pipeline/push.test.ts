/**
 * scan → gate → push in one process against a real registry: the image is opened once and the push copies
 * from that opening; the gate and the pre-push steps run before the manifest is put.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { digestOf } from '../../../src/oci/digest';
import { openImage, type OpenedImage, type OpenOptions } from '../../../src/image/index';
import { scanGatePush, type PrePushStep, type PushCandidate } from '../../../src/pipeline/push';
import type { PipelineOptions } from '../../../src/pipeline/types';
import { LAYER_TAR, setTag, tarOf, writeBlob, writeLayoutImage } from '../../support/images';
import { startIssuer, type TestIssuer } from '../../support/oidc-issuer';
import { startRegistry, type TestRegistry } from '../../support/registry';
import { describeWithTools, FIXTURES } from '../../support/tools';

const SHA = '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d';

/** A simulated GitLab job whose ID token, signed by the issuer, matches its variables. */
async function gitlabJob(issuer: TestIssuer): Promise<NodeJS.ProcessEnv> {
  const now = Math.floor(Date.now() / 1000);
  const token = await issuer.sign({
    iss: issuer.url,
    sub: 'project_path:acme/app:ref_type:branch:ref:main',
    aud: 'shipgate',
    project_id: '42',
    project_path: 'acme/app',
    pipeline_id: '9001',
    job_id: '77001',
    ref: 'main',
    ref_protected: 'true',
    pipeline_source: 'push',
    sha: SHA,
    iat: now - 5,
    nbf: now - 10,
    exp: now + 600,
  });
  return {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER_URL: 'https://gitlab.example',
    CI_PROJECT_ID: '42',
    CI_PROJECT_PATH: 'acme/app',
    CI_PIPELINE_ID: '9001',
    CI_PIPELINE_SOURCE: 'push',
    CI_JOB_ID: '77001',
    CI_COMMIT_SHA: SHA,
    CI_COMMIT_REF_NAME: 'main',
    CI_COMMIT_REF_PROTECTED: 'true',
    SHIPGATE_ID_TOKEN: token,
  };
}

/** openImage() that counts how often an image is opened, closed, and each layer read. */
function countingOpener() {
  const counts = { opens: 0, closes: 0, layerReads: [] as number[] };
  const open = async (ref: string, options: OpenOptions): Promise<OpenedImage> => {
    counts.opens++;
    const image = await openImage(ref, options);
    return {
      info: image.info,
      configBytes: image.configBytes,
      openLayer: (index) => {
        counts.layerReads[index] = (counts.layerReads[index] ?? 0) + 1;
        return image.openLayer(index);
      },
      close: () => {
        counts.closes++;
        return image.close();
      },
    };
  };
  return { counts, open };
}

const LABELS = {
  'org.opencontainers.image.source': 'https://gitlab.example/acme/app',
  'org.opencontainers.image.revision': SHA,
  'org.opencontainers.image.version': '1.0.0',
  'org.opencontainers.image.title': 'app',
};

describeWithTools('scan → gate → push on one opened image (real registry)', ['docker-registry'], () => {
  let registry: TestRegistry;
  let issuer: TestIssuer;
  let work: string;
  let good: string;
  let bad: string;

  beforeAll(async () => {
    registry = await startRegistry();
    issuer = await startIssuer();
    work = mkdtempSync(join(tmpdir(), 'shipgate-pipeline-push-'));
    const base = await tarOf([
      { name: 'etc/', type: 'directory' },
      {
        name: 'etc/passwd',
        content: 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1000:1000::/app:/sbin/nologin\n',
      },
      { name: 'etc/group', content: 'root:x:0:\napp:x:1000:\n' },
    ]);
    const app = await tarOf([
      { name: 'app/', type: 'directory' },
      { name: 'app/server', content: '#!/bin/true\n', mode: 0o755 },
    ]);
    // The config is stored indented, as no JSON.stringify() of the parsed config would write it: the push
    // must upload these very bytes, so the pushed image keeps the config digest that was scanned.
    const config = {
      architecture: 'amd64',
      os: 'linux',
      created: '2026-11-25T00:00:00Z',
      config: {
        User: '1000',
        Entrypoint: ['/app/server'],
        Labels: LABELS,
        Healthcheck: { Test: ['CMD', '/app/server', '--health'], Interval: 30_000_000_000 },
      },
      rootfs: { type: 'layers', diff_ids: [digestOf(base), digestOf(app)] },
      history: [{ created_by: 'COPY rootfs /' }, { created_by: 'COPY app /app' }],
    };
    good = join(work, 'good');
    mkdirSync(good, { recursive: true });
    writeFileSync(join(good, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    writeFileSync(join(good, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [] }));
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: writeBlob(good, JSON.stringify(config, null, 2), 'application/vnd.oci.image.config.v1+json'),
      layers: [writeBlob(good, base, LAYER_TAR), writeBlob(good, app, LAYER_TAR)],
    };
    setTag(good, 'v1', writeBlob(good, JSON.stringify(manifest), manifest.mediaType));

    const leaky = await tarOf([
      {
        name: 'root/.aws/credentials',
        content:
          '[default]\naws_access_key_id = AKIAZ7VQ3XKD4LMNPQ2R\naws_secret_access_key = 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\n',
      },
    ]);
    bad = join(work, 'bad');
    writeLayoutImage(bad, 'v1', [{ blob: leaky, mediaType: LAYER_TAR }], {
      config: { User: 'root', Labels: LABELS },
    });
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
    await issuer?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const pipeline = (image: string): PipelineOptions => ({
    dockerfiles: [],
    repoRoot: work,
    image,
    vulnDb: join(FIXTURES, 'osv'),
    offline: true,
    // The push is under test, not malware scanning (which needs a ClamAV database this machine may lack).
    malwareMode: 'optional',
  });

  async function manifestStatus(repository: string, reference: string): Promise<number> {
    const res = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
      method: 'HEAD',
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    return res.status;
  }

  it('opens the image once, scans it, and pushes it from that opening with the scanned config', async () => {
    const { counts, open } = countingOpener();
    const dest = `${registry.host}/acme/app:1.0.0`;
    const out = await scanGatePush({
      pipeline: pipeline(`oci:${good}:v1`),
      destination: dest,
      env: await gitlabJob(issuer),
      issuer: issuer.url,
      open,
    });

    expect(counts.opens).toBe(1);
    expect(counts.closes).toBe(1);
    // Each layer is streamed twice from the one opening: once by the scan's walk, once by the upload.
    expect(counts.layerReads).toEqual([2, 2]);
    expect(out.identity).toMatchObject({ platform: 'gitlab', project: 'acme/app', run: '9001' });
    expect(out.result.decision?.approved).toBe(true);
    expect(out.reference).toBe(`${registry.host}/acme/app@${out.digest}`);

    const src = await openImage(`oci:${good}:v1`);
    const pushed = await openImage(dest, { env: {} });
    try {
      expect(pushed.info.digest).toBe(out.digest);
      expect(pushed.info.configDigest).toBe(out.result.image?.configDigest);
      expect(pushed.configBytes.equals(src.configBytes)).toBe(true);
      expect(pushed.info.layers.map((l) => l.digest)).toEqual(src.info.layers.map((l) => l.diffId));
    } finally {
      await Promise.all([src.close(), pushed.close()]);
    }
  });

  it('runs the pre-push steps on the approved digest before the manifest exists; a failing step stops the push', async () => {
    const seen: { candidate: PushCandidate; status: number }[] = [];
    const record: PrePushStep = {
      name: 'record',
      run: async (candidate) => {
        seen.push({ candidate, status: await manifestStatus('acme/signed', '1') });
      },
    };
    const out = await scanGatePush({
      pipeline: pipeline(`oci:${good}:v1`),
      destination: `${registry.host}/acme/signed:1`,
      env: await gitlabJob(issuer),
      issuer: issuer.url,
      steps: [record],
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.status).toBe(404);
    expect(seen[0]!.candidate).toMatchObject({
      digest: out.digest,
      reference: out.reference,
      configDigest: out.result.image?.configDigest,
      decision: { approved: true },
    });
    expect(await manifestStatus('acme/signed', '1')).toBe(200);

    const failing: PrePushStep = {
      name: 'sign',
      run: () => Promise.reject(new ShipgateError('INPUT', 'signing failed')),
    };
    await expect(
      scanGatePush({
        pipeline: pipeline(`oci:${good}:v1`),
        destination: `${registry.host}/acme/unsigned:1`,
        env: await gitlabJob(issuer),
        issuer: issuer.url,
        steps: [failing],
      }),
    ).rejects.toMatchObject({ code: 'INPUT' });
    expect(await manifestStatus('acme/unsigned', '1')).toBe(404);
  });

  it('refuses an image that is not approved, closes it, and puts no manifest', async () => {
    const { counts, open } = countingOpener();
    const err = await scanGatePush({
      pipeline: pipeline(`oci:${bad}:v1`),
      destination: `${registry.host}/acme/bad:1`,
      env: await gitlabJob(issuer),
      issuer: issuer.url,
      open,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShipgateError);
    expect((err as ShipgateError).code).toBe('GUARD');
    expect((err as ShipgateError).message).toMatch(/^push refused: oci:.* is not approved: /);
    expect(counts).toMatchObject({ opens: 1, closes: 1 });
    expect(await manifestStatus('acme/bad', '1')).toBe(404);
  });

  it('refuses a job whose ID token is not signed by the issuer, without opening the image', async () => {
    const { counts, open } = countingOpener();
    const env = await gitlabJob(issuer);
    // The same claims, unsigned: what a forged environment can produce without the issuer's key.
    const [, payload] = env.SHIPGATE_ID_TOKEN!.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expect(
      scanGatePush({
        pipeline: pipeline(`oci:${good}:v1`),
        destination: `${registry.host}/acme/forged:1`,
        env: { ...env, SHIPGATE_ID_TOKEN: `${header}.${payload}.` },
        issuer: issuer.url,
        open,
      }),
    ).rejects.toThrow(
      /^push refused: the ID token in SHIPGATE_ID_TOKEN is not signed with an accepted algorithm/,
    );
    expect(counts.opens).toBe(0);
    expect(await manifestStatus('acme/forged', '1')).toBe(404);
  });

  it('refuses outside CI without opening the image', async () => {
    const { counts, open } = countingOpener();
    await expect(
      scanGatePush({
        pipeline: pipeline(`oci:${good}:v1`),
        destination: `${registry.host}/acme/local:1`,
        env: { HOME: '/home/dev' },
        open,
      }),
    ).rejects.toThrow(/^push refused: not running in a CI job/);
    expect(counts.opens).toBe(0);
  });
});
