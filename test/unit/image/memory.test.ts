/**
 * Memory stays flat as layers grow: a generated 500 MiB layer (300 files of 1 MiB plus one of 200 MiB,
 * gzip) is walked with an analyzer that wants every file, while the process's RSS is sampled.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack as tarPack } from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openImage, walkImage } from '../../../src/image/index';
import { LAYER_GZIP, setTag, writeBlob } from '../../support/images';

const MiB = 1024 * 1024;
const tmp = mkdtempSync(join(tmpdir(), 'shipgate-memory-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Hashes what passes through. */
function hasher(): Transform & { hex(): string } {
  const h = createHash('sha256');
  const t = new Transform({
    transform(chunk: Buffer, _e, cb) {
      h.update(chunk);
      cb(null, chunk);
    },
  }) as Transform & { hex(): string };
  t.hex = () => h.digest('hex');
  return t;
}

/** Streams a big gzip layer to disk (never held in memory) and writes an OCI layout around it. */
async function bigLayout(): Promise<{ dir: string; totalBytes: number; files: number }> {
  const dir = join(tmp, 'layout');
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  const pack = tarPack();
  const raw = hasher();
  const gz = hasher();
  const out = join(dir, 'layer.tmp');
  const written = pipeline(pack, raw, createGzip({ level: 1 }), gz, createWriteStream(out));
  let total = 0;
  const addFile = async (name: string, size: number): Promise<void> => {
    // A random block repeated: random per file, yet cheap to gzip.
    const block = randomBytes(16 * 1024);
    const body = new PassThrough();
    const done = new Promise<void>((res, rej) => {
      const sink = pack.entry({ name, size, mode: 0o644 }, (err) => (err ? rej(err) : res()));
      body.pipe(sink);
    });
    for (let sent = 0; sent < size; sent += block.length) {
      if (!body.write(block.subarray(0, Math.min(block.length, size - sent))))
        await new Promise((r) => body.once('drain', r));
    }
    body.end();
    await done;
    total += size;
  };
  let files = 0;
  for (let i = 0; i < 300; i++, files++) await addFile(`data/d${i % 10}/f${i}.bin`, MiB);
  await addFile('data/huge.bin', 200 * MiB);
  files++;
  pack.finalize();
  await written;
  const layerDigest = `sha256:${gz.hex()}`;
  const size = statSync(out).size;
  renameSync(out, join(dir, 'blobs', 'sha256', layerDigest.slice(7)));
  const config = writeBlob(
    dir,
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [`sha256:${raw.hex()}`] },
    }),
    'application/vnd.oci.image.config.v1+json',
  );
  const manifest = writeBlob(
    dir,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config,
      layers: [{ mediaType: LAYER_GZIP, digest: layerDigest, size }],
    }),
    'application/vnd.oci.image.manifest.v1+json',
  );
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [] }));
  setTag(dir, 'big', manifest);
  return { dir, totalBytes: total, files };
}

describe('memory', () => {
  it('walking a 500 MiB layer keeps RSS growth bounded', { timeout: 180_000 }, async () => {
    const { dir, totalBytes, files } = await bigLayout();
    expect(totalBytes).toBe(500 * MiB);
    const img = await openImage(`oci:${dir}:big`, { verifyDiffIds: true });
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    let seenBytes = 0;
    let seenFiles = 0;
    try {
      const r = await walkImage(img, [
        {
          name: 'all-files',
          maxBytes: 4 * MiB,
          wants: () => true,
          analyze: (_e, content) => {
            seenBytes += content.length;
            seenFiles++;
          },
          finish: () => seenFiles,
        },
      ]);
      expect(r.stats.bytes).toBe(totalBytes);
      expect(r.results).toEqual([files]);
    } finally {
      clearInterval(timer);
      await img.close();
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(seenBytes).toBe(300 * MiB + 4 * MiB); // the huge file is cut at maxBytes
    const growthMiB = (peak - before) / MiB;
    console.log(
      `rss before ${Math.round(before / MiB)} MiB, peak ${Math.round(peak / MiB)} MiB, growth ${growthMiB.toFixed(1)} MiB`,
    );
    expect(growthMiB).toBeLessThan(150);
  });
});
