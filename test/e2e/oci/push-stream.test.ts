/**
 * The streaming push against a real registry, seen through a recording proxy: blobs the registry holds are
 * skipped, blobs are mounted across repositories, a blob goes up in one request read from its source and
 * resumes from the registry's offset after a dropped connection, large blobs go up in chunks (the next read
 * while one is sent) and resume too, a registry refusing large bodies gets chunks, uploads overlap, a failed
 * blob leaves no tag, and a 200 MiB layer is never held in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { openImage, type OpenedImage } from '../../../src/image/index';
import { RegistryClient } from '../../../src/oci/client';
import { parseDestination, putManifest, uploadBlobs, type UploadOptions } from '../../../src/oci/copy';
import { uploadBlob } from '../../../src/oci/upload';
import { copySource } from '../../../src/pipeline/push';
import { LAYER_TAR, serialHeavySuite, setTag, writeBlob } from '../../support/images';
import { startRecordingProxy, type Exchange, type RecordingProxy } from '../../support/recording-proxy';
import { REGISTRY_TOOLS, startRegistry, type TestRegistry } from '../../support/registry';
import { describeWithTools } from '../../support/tools';

serialHeavySuite();

const MiB = 1024 * 1024;

/** Streams `size` random-looking bytes into the layout's blob store; never holds them whole. */
async function writeLayer(
  layout: string,
  size: number,
): Promise<{ mediaType: string; digest: string; size: number }> {
  mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
  const tmp = join(layout, 'layer.tmp');
  const out = createWriteStream(tmp);
  const hash = createHash('sha256');
  const block = randomBytes(64 * 1024);
  for (let sent = 0; sent < size; sent += block.length) {
    const piece = block.subarray(0, Math.min(block.length, size - sent));
    // Vary each block so no two chunks of the blob are the same.
    piece.writeUInt32BE(sent / block.length, 0);
    hash.update(piece);
    if (!out.write(Buffer.from(piece))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  const digest = `sha256:${hash.digest('hex')}`;
  renameSync(tmp, join(layout, 'blobs', 'sha256', digest.slice(7)));
  return { mediaType: LAYER_TAR, digest, size };
}

/** An OCI layout holding one image with layers of the given sizes, opened. */
async function layoutImage(root: string, name: string, sizes: number[]): Promise<OpenedImage> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [] }));
  const layers = [];
  for (const size of sizes) layers.push(await writeLayer(dir, size));
  const config = writeBlob(
    dir,
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { name } },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
    }),
    'application/vnd.oci.image.config.v1+json',
  );
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config,
    layers,
  };
  setTag(dir, 'v1', writeBlob(dir, JSON.stringify(manifest), manifest.mediaType));
  return openImage(`oci:${dir}:v1`);
}

const blobRequests = (xs: Exchange[]): Exchange[] => xs.filter((x) => x.path.includes('/blobs/'));
const uploads = (xs: Exchange[], method: string): Exchange[] =>
  xs.filter((x) => x.method === method && x.path.includes('/blobs/uploads/'));

describeWithTools('streaming push to a real registry', REGISTRY_TOOLS, () => {
  let registry: TestRegistry;
  let proxy: RecordingProxy;
  let client: RegistryClient;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'shipgate-push-stream-'));
    registry = await startRegistry();
    proxy = await startRecordingProxy(registry.host);
    client = new RegistryClient({ registry: proxy.host, env: {} });
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  beforeEach(() => {
    proxy.exchanges.length = 0;
  });

  async function push(image: OpenedImage, dest: string, options: UploadOptions = {}): Promise<string> {
    const uploaded = await uploadBlobs(
      client,
      copySource(image),
      parseDestination(`${proxy.host}/${dest}`),
      options,
    );
    await putManifest(client, uploaded);
    return uploaded.digest;
  }

  /** The blob as the registry serves it, hashed. */
  async function registryDigest(repository: string, digest: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const piece of await client.getBlob(repository, digest)) hash.update(piece as Buffer);
    return `sha256:${hash.digest('hex')}`;
  }

  it('skips blobs the registry already holds (HEAD only on the second push)', async () => {
    const image = await layoutImage(work, 'skip', [300_000, 200_000]);
    try {
      const first = await push(image, 't/skip:1');
      expect(uploads(proxy.exchanges, 'POST')).toHaveLength(3);
      proxy.exchanges.length = 0;
      expect(await push(image, 't/skip:1')).toBe(first);
      const blobs = blobRequests(proxy.exchanges);
      expect(blobs.map((x) => x.method)).toEqual(['HEAD', 'HEAD', 'HEAD']);
      expect(blobs.every((x) => x.status === 200)).toBe(true);
    } finally {
      await image.close();
    }
  });

  it('mounts blobs from another repository of the registry, and uploads when the mount is not possible', async () => {
    const image = await layoutImage(work, 'mount', [250_000, 150_000]);
    try {
      const digest = await push(image, 't/mount-src:1');
      proxy.exchanges.length = 0;
      expect(await push(image, 't/mount-dst:1', { mountFrom: 't/mount-src' })).toBe(digest);
      const posts = uploads(proxy.exchanges, 'POST');
      expect(posts).toHaveLength(3);
      expect(
        posts.every((x) => x.path.includes('mount=sha256') && x.path.includes('from=t%2Fmount-src')),
      ).toBe(true);
      expect(posts.map((x) => x.status)).toEqual([201, 201, 201]);
      expect(uploads(proxy.exchanges, 'PUT')).toHaveLength(0);
      const pushed = await openImage(`${proxy.host}/t/mount-dst:1`, { env: {} });
      try {
        expect(pushed.info.layers.map((l) => l.digest)).toEqual(image.info.layers.map((l) => l.digest));
      } finally {
        await pushed.close();
      }

      // A repository without the blobs: the registry answers 202 and the blobs are uploaded.
      proxy.exchanges.length = 0;
      expect(await push(image, 't/mount-other:1', { mountFrom: 't/empty' })).toBe(digest);
      expect(uploads(proxy.exchanges, 'POST').map((x) => x.status)).toEqual([202, 202, 202]);
      expect(uploads(proxy.exchanges, 'PUT').map((x) => x.status)).toEqual([201, 201, 201]);
    } finally {
      await image.close();
    }
  });

  it('sends a blob of one chunk in its PUT and a larger one in one PATCH, read from the source as they are sent', async () => {
    const size = 3 * MiB + 17;
    const image = await layoutImage(work, 'one-request', [300_000, size]);
    try {
      await push(image, 't/one-request:1', { concurrency: 1, chunkSize: MiB });
      const [small, large] = image.info.layers;
      const upload = proxy.exchanges.filter((x) => x.path.includes('/blobs/uploads/'));
      expect(upload.map((x) => [x.method, x.status, x.contentRange])).toEqual([
        ['POST', 202, undefined],
        ['PUT', 201, undefined],
        ['POST', 202, undefined],
        ['PATCH', 202, `0-${size - 1}`],
        ['PUT', 201, undefined],
        ['POST', 202, undefined], // the config
        ['PUT', 201, undefined],
      ]);
      expect(upload[1]!.path).toContain(`digest=${encodeURIComponent(small!.digest)}`);
      expect(upload[4]!.path).toContain(`digest=${encodeURIComponent(large!.digest)}`);
      expect(await registryDigest('t/one-request', large!.digest)).toBe(large!.digest);
    } finally {
      await image.close();
    }
  });

  it('sends a blob in one PATCH again when its connection drops before the registry got any of it', async () => {
    const size = 3 * MiB;
    const image = await layoutImage(work, 'resume-stream', [size]);
    try {
      proxy.dropPatch(1);
      await push(image, 't/resume-stream:1', { concurrency: 1, chunkSize: MiB });
      const upload = proxy.exchanges.filter((x) => x.path.includes('/blobs/uploads/'));
      const dropped = upload.findIndex((x) => x.dropped);
      expect(upload[dropped]).toMatchObject({ method: 'PATCH', contentRange: `0-${size - 1}` });
      // The upload's status (the registry holds nothing of it), the PATCH again, the digest; no new upload.
      expect(upload[dropped + 1]).toMatchObject({ method: 'GET', status: 204, range: '0-0' });
      expect(upload[dropped + 2]).toMatchObject({
        method: 'PATCH',
        contentRange: `0-${size - 1}`,
        status: 202,
      });
      expect(upload[dropped + 3]).toMatchObject({ method: 'PUT', status: 201 });
      expect(uploads(proxy.exchanges, 'POST')).toHaveLength(2); // the layer and the config
      const layer = image.info.layers[0]!;
      expect(await registryDigest('t/resume-stream', layer.digest)).toBe(layer.digest);
    } finally {
      await image.close();
    }
  });

  // distribution drops an upload that received part of a request it did not finish; other registries keep
  // the bytes, and the upload resumes from their offset (test/unit/oci/upload-resume.test.ts).
  it.each([
    ['PUT', 300_000],
    ['PATCH', 3 * MiB],
  ])(
    'starts a blob over when the registry dropped the upload whose %s lost its connection',
    async (method, size) => {
      const repo = `t/restart-${method.toLowerCase()}`;
      const image = await layoutImage(work, `restart-${method}`, [size]);
      try {
        proxy.cut(method, 1);
        await push(image, `${repo}:1`, { concurrency: 1, chunkSize: MiB });
        const upload = proxy.exchanges.filter((x) => x.path.includes('/blobs/uploads/'));
        const cut = upload.findIndex((x) => x.dropped);
        expect(upload[cut]).toMatchObject({ method });
        expect(upload[cut + 1]).toMatchObject({ method: 'GET', status: 404 });
        expect(upload[cut + 2]).toMatchObject({ method: 'POST', status: 202 });
        expect(upload.slice(cut + 3).find((x) => x.method === 'PUT')).toMatchObject({ status: 201 });
        const layer = image.info.layers[0]!;
        expect(await registryDigest(repo, layer.digest)).toBe(layer.digest);
      } finally {
        await image.close();
      }
    },
  );

  it('sends chunks to a registry that refuses a body this large (413)', async () => {
    const size = 3 * MiB;
    const image = await layoutImage(work, 'too-large', [size]);
    try {
      proxy.limitBody(MiB + MiB / 2);
      await push(image, 't/too-large:1', { concurrency: 1, chunkSize: MiB });
      const upload = proxy.exchanges.filter((x) => x.path.includes('/blobs/uploads/'));
      expect(upload.slice(0, 6).map((x) => [x.method, x.status, x.contentRange])).toEqual([
        ['POST', 202, undefined],
        ['PATCH', 413, `0-${size - 1}`],
        ['PATCH', 202, `0-${MiB - 1}`],
        ['PATCH', 202, `${MiB}-${2 * MiB - 1}`],
        ['PATCH', 202, `${2 * MiB}-${3 * MiB - 1}`],
        ['PUT', 201, undefined],
      ]);
      const layer = image.info.layers[0]!;
      expect(await registryDigest('t/too-large', layer.digest)).toBe(layer.digest);
    } finally {
      proxy.limitBody(undefined);
      await image.close();
    }
  });

  it('fails a blob sent in one request with its source error; the registry never gets all of it', async () => {
    const data = randomBytes(4 * MiB);
    const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
    function* failing(): Generator<Buffer> {
      yield data.subarray(0, MiB);
      yield data.subarray(MiB, 3 * MiB);
      throw new Error('the source broke');
    }
    const blob = {
      repository: 't/broken-stream',
      digest,
      size: data.length,
      what: 'broken blob',
      open: async () => Readable.from(failing(), { objectMode: false, highWaterMark: 1 }),
    };
    await expect(uploadBlob(client, blob)).rejects.toThrow('the source broke');
    expect(uploads(proxy.exchanges, 'PUT').every((x) => x.status !== 201)).toBe(true);
    expect(await client.hasBlob('t/broken-stream', digest)).toBe(false);
  });

  it('uploads a multi-MiB blob in chunks above the threshold, following each Location', async () => {
    const image = await layoutImage(work, 'chunked', [5 * MiB + 123]);
    try {
      await push(image, 't/chunked:1', { chunkSize: MiB, chunkThreshold: MiB });
      const patches = uploads(proxy.exchanges, 'PATCH');
      expect(patches.map((x) => x.contentRange)).toEqual([
        `0-${MiB - 1}`,
        `${MiB}-${2 * MiB - 1}`,
        `${2 * MiB}-${3 * MiB - 1}`,
        `${3 * MiB}-${4 * MiB - 1}`,
        `${4 * MiB}-${5 * MiB - 1}`,
        `${5 * MiB}-${5 * MiB + 122}`,
      ]);
      // Each PATCH goes to the location the previous answer named (distribution signs its state into it).
      expect(new Set(patches.map((x) => x.path)).size).toBe(patches.length);
      const layer = image.info.layers[0]!;
      expect(await registryDigest('t/chunked', layer.digest)).toBe(layer.digest);
    } finally {
      await image.close();
    }
  });

  it('resumes a chunk from the registry offset after the connection drops mid-PATCH', async () => {
    const image = await layoutImage(work, 'resume', [3 * MiB]);
    try {
      proxy.dropPatch(2);
      await push(image, 't/resume:1', { chunkSize: MiB, chunkThreshold: MiB, concurrency: 1 });
      const layerUpload = proxy.exchanges.filter((x) => x.path.includes('/blobs/uploads/'));
      const dropped = layerUpload.findIndex((x) => x.dropped);
      expect(dropped).toBeGreaterThan(0);
      expect(layerUpload[dropped]!.contentRange).toBe(`${MiB}-${2 * MiB - 1}`);
      // The upload's status, then the same chunk again from where the registry stands; no new upload.
      expect(layerUpload[dropped + 1]).toMatchObject({ method: 'GET', status: 204 });
      expect(layerUpload[dropped + 2]).toMatchObject({
        method: 'PATCH',
        contentRange: `${MiB}-${2 * MiB - 1}`,
        status: 202,
      });
      expect(uploads(proxy.exchanges, 'POST')).toHaveLength(2); // the layer and the config
      const layer = image.info.layers[0]!;
      expect(await registryDigest('t/resume', layer.digest)).toBe(layer.digest);
    } finally {
      await image.close();
    }
  });

  it('reads and hashes the next chunk while the current one is on the wire', async () => {
    const piece = 256 * 1024;
    const data = randomBytes(4 * MiB);
    const readAt: number[] = [];
    function* pieces(): Generator<Buffer> {
      for (let at = 0; at < data.length; at += piece) {
        readAt.push(performance.now());
        yield data.subarray(at, at + piece);
      }
    }
    const done = await uploadBlob(
      client,
      {
        repository: 't/ahead',
        digest: `sha256:${createHash('sha256').update(data).digest('hex')}`,
        size: data.length,
        what: 'read-ahead blob',
        // One piece at a time: the stream itself buffers at most one piece ahead.
        open: async () => Readable.from(pieces(), { objectMode: false, highWaterMark: 1 }),
      },
      { chunkSize: MiB, chunkThreshold: MiB, resumes: 0 },
    );
    expect(done.how).toBe('uploaded');
    const patches = uploads(proxy.exchanges, 'PATCH');
    expect(patches).toHaveLength(4);
    // Chunk k+1 is read, to its last piece, before the registry has answered the PATCH of chunk k.
    for (let k = 0; k < 3; k++) expect(readAt[(k + 1) * 4 + 3]!).toBeLessThan(patches[k]!.end!);
    expect(await registryDigest('t/ahead', done.digest)).toBe(done.digest);
  });

  it('fails the blob with the error of a chunk read ahead, while the one before is on the wire', async () => {
    function* failing(): Generator<Buffer> {
      yield randomBytes(MiB);
      yield randomBytes(MiB / 2);
      throw new Error('the source broke');
    }
    const blob = {
      repository: 't/ahead-broken',
      size: 4 * MiB,
      what: 'broken blob',
      open: async () => Readable.from(failing(), { objectMode: false, highWaterMark: 1 }),
    };
    await expect(
      uploadBlob(client, blob, { chunkSize: MiB, chunkThreshold: MiB, resumes: 0 }),
    ).rejects.toThrow('the source broke');
    expect(uploads(proxy.exchanges, 'PATCH')).toHaveLength(1);
    expect(uploads(proxy.exchanges, 'PUT')).toHaveLength(0);
  });

  it('uploads several blobs at once (bounded)', async () => {
    const image = await layoutImage(work, 'parallel', [2 * MiB, 2 * MiB, 2 * MiB, 2 * MiB]);
    const overlapping = (xs: Exchange[]): boolean => {
      const patches = uploads(xs, 'PATCH');
      return patches.some((a) => patches.some((b) => a !== b && a.start < b.end! && b.start < a.end!));
    };
    try {
      await push(image, 't/parallel:1', {
        chunkSize: 256 * 1024,
        chunkThreshold: 256 * 1024,
        concurrency: 4,
      });
      expect(overlapping(proxy.exchanges)).toBe(true);
      const other = await layoutImage(work, 'serial', [2 * MiB, 2 * MiB]);
      try {
        proxy.exchanges.length = 0;
        await push(other, 't/serial:1', {
          chunkSize: 256 * 1024,
          chunkThreshold: 256 * 1024,
          concurrency: 1,
        });
        expect(uploads(proxy.exchanges, 'PATCH').length).toBe(16);
        expect(overlapping(proxy.exchanges)).toBe(false);
      } finally {
        await other.close();
      }
    } finally {
      await image.close();
    }
  });

  it('puts no manifest when a blob fails: the tag never points at a broken image', async () => {
    const image = await layoutImage(work, 'broken', [400_000, 300_000]);
    try {
      // The second layer's stored bytes no longer match their digest.
      const bad = image.info.layers[1]!;
      writeFileSync(join(work, 'broken', 'blobs', 'sha256', bad.digest.slice(7)), randomBytes(bad.size));
      await expect(push(image, 't/broken:1')).rejects.toMatchObject({ code: 'DIGEST_MISMATCH' });
      expect(proxy.exchanges.some((x) => x.path.includes('/manifests/'))).toBe(false);
      expect(await client.headManifest('t/broken', '1')).toBeUndefined();
      expect(await client.hasBlob('t/broken', bad.digest)).toBe(false);
    } finally {
      await image.close();
    }
  });

  it('pushes a 200 MiB layer with bounded memory', { timeout: 300_000 }, async () => {
    const image = await layoutImage(work, 'big', [200 * MiB]);
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      await push(image, 't/big:1');
    } finally {
      clearInterval(timer);
      await image.close();
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMiB = (peak - before) / MiB;
    console.log(`push of 200 MiB: rss growth ${growthMiB.toFixed(1)} MiB`);
    // Well under the layer's 200 MiB, so the layer is never held whole; GC lag on a busy runner reaches ~80 MiB.
    expect(growthMiB).toBeLessThan(128);
    const layer = image.info.layers[0]!;
    expect(await client.blobSize('t/big', layer.digest)).toBe(200 * MiB);
  });
});
