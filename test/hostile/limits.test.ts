/**
 * Decompression bombs, huge entry counts and endless paths end in one-line LIMIT errors (exit 2), and the
 * temporary files of a decompressed archive are removed when the scan is interrupted. The bombs are made
 * by repeating one gzip member of zeros, or zstd RLE blocks, so a few MB expand to GiBs without ever being
 * written expanded.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tarOf } from '../support/images';
import { ROOT } from '../support/tools';
import { CLI_SOURCE, shipgate, suiteTmp, writeArchive, type CliRun } from './support';

const tmp = suiteTmp('limits');
const MiB = 1024 ** 2;
const ZEROS_MEMBER = gzipSync(Buffer.alloc(64 * MiB), { level: 9 });
const NO_DIGEST = `sha256:${'0'.repeat(64)}`;

/** A ustar header for one regular file of `size` bytes. */
function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  const field = (value: string, offset: number) => h.write(value, offset, 'ascii');
  field(name, 0);
  field('0000644\0', 100);
  field('0000000\0', 108);
  field('0000000\0', 116);
  field(`${size.toString(8).padStart(11, '0')}\0`, 124);
  field('00000000000\0', 136);
  field('        ', 148);
  field('0', 156);
  field('ustar\0', 257);
  field('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  field(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** Writes gzip(tar with one file of `gib` GiB of zeros, cut short) as repeated members. */
async function writeGzipBomb(file: string, gib: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(gzipSync(tarHeader('big', gib * 1024 * MiB)));
  for (let i = 0; i < gib * 16; i++) if (!out.write(ZEROS_MEMBER)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
}

/**
 * Writes zstd(tar with one file of `gib` GiB of zeros) by hand: one frame whose first block holds the tar
 * header raw and whose other blocks are RLE blocks of 128 KiB of zeros (4 bytes each), so 2 GiB take 64 KiB.
 */
function writeZstdBomb(file: string, gib: number): void {
  const block = (last: boolean, type: 0 | 1, size: number): Buffer => {
    const v = (last ? 1 : 0) | (type << 1) | (size << 3);
    return Buffer.from([v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff]);
  };
  const RLE = 128 * 1024;
  const count = (gib * 1024 * MiB) / RLE;
  const header = tarHeader('big', gib * 1024 * MiB);
  // Magic, a frame header descriptor with no content size, and a 128 KiB window (exponent 7).
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38]), block(false, 0, 512), header];
  for (let i = 0; i < count; i++) parts.push(block(i === count - 1, 1, RLE), Buffer.from([0]));
  writeFileSync(file, Buffer.concat(parts));
}

function expectLimit(r: CliRun, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  const last = r.stderr.trimEnd().split('\n').at(-1);
  expect(last).toMatch(/^shipgate: error \[LIMIT\]: /);
  expect(last).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** shipgate's temporary directories under `dir` (tsx keeps its own cache there too). */
const ours = (dir: string): string[] => readdirSync(dir).filter((n) => n.startsWith('shipgate-'));

const scan = (ref: string) => ['scan', '--image', ref, '--scanners', 'secret'];

describe('hostile archives and layers: bounded expansion, entries and paths', () => {
  it('a gzip-compressed archive past SHIPGATE_MAX_EXPANDED_SIZE, its temporary files removed', async () => {
    const file = join(tmp, 'archive-bomb.tar.gz');
    await writeGzipBomb(file, 2);
    // The sandbox asserts that the CLI's TMPDIR is empty afterwards.
    const r = await shipgate(scan(`docker-archive:${file}`), { env: { SHIPGATE_MAX_EXPANDED_SIZE: '64M' } });
    expectLimit(r, /archive-bomb\.tar\.gz: gzip archive: expands to more than 64 MiB/);
  });

  it('a gzip layer bomb (2 MB to 2 GiB) trips the default ratio limit while streaming', async () => {
    const layer = join(tmp, 'layer-bomb.gz');
    await writeGzipBomb(layer, 2);
    const config = JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [NO_DIGEST] },
    });
    const archive = join(tmp, 'layer-bomb.tar');
    writeFileSync(
      archive,
      await tarOf([
        { name: 'manifest.json', content: JSON.stringify([{ Config: 'c.json', Layers: ['l.tar.gz'] }]) },
        { name: 'c.json', content: config },
        { name: 'l.tar.gz', content: readFileSync(layer) },
      ]),
    );
    const r = await shipgate(scan(`docker-archive:${archive}`));
    expectLimit(r, /layer 0 .*expands more than 100 times .*like a decompression bomb/);
  });

  it(
    'a zstd layer bomb (64 KiB to 2 GiB) trips the default ratio limit while streaming',
    { timeout: 120_000 },
    async () => {
      const layer = join(tmp, 'layer-bomb.zst');
      writeZstdBomb(layer, 2);
      const config = JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [NO_DIGEST] },
      });
      const archive = join(tmp, 'zstd-bomb.tar');
      writeFileSync(
        archive,
        await tarOf([
          { name: 'manifest.json', content: JSON.stringify([{ Config: 'c.json', Layers: ['l.tar.zst'] }]) },
          { name: 'c.json', content: config },
          { name: 'l.tar.zst', content: readFileSync(layer) },
        ]),
      );
      const r = await shipgate(scan(`docker-archive:${archive}`));
      expectLimit(r, /layer 0 .*expands more than 100 times .*like a decompression bomb/);
    },
  );

  it('more entries than SHIPGATE_MAX_ENTRIES, in a layer and in the archive', async () => {
    const files = Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, content: 'x' }));
    const ref = await writeArchive(tmp, 'entries', { layers: [files] });
    expectLimit(
      await shipgate(scan(ref), { env: { SHIPGATE_MAX_ENTRIES: '50' } }),
      /layer 0 .*more than 50 entries/,
    );
    expectLimit(
      await shipgate(scan(ref), { env: { SHIPGATE_MAX_ENTRIES: '2' } }),
      /entries\.tar: more than 2 entries/,
    );
  });

  it('a path longer than SHIPGATE_MAX_PATH_LENGTH', async () => {
    const ref = await writeArchive(tmp, 'long-path', {
      layers: [[{ name: `${'d/'.repeat(90)}f`, content: 'x' }]],
    });
    expectLimit(
      await shipgate(scan(ref), { env: { SHIPGATE_MAX_PATH_LENGTH: '100' } }),
      /layer 0 .*an entry path is 181 characters long, over 100/,
    );
  });
});

describe('hostile archives: interrupted scans leave no temporary files', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while a large archive is being decompressed`, async () => {
      const file = join(tmp, 'slow.tar.gz');
      await writeGzipBomb(file, 4);
      const temp = join(tmp, `tmp-${signal}`);
      mkdirSync(temp);
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', CLI_SOURCE, ...scan(`docker-archive:${file}`)],
        {
          cwd: ROOT,
          env: { ...process.env, TMPDIR: temp, SHIPGATE_MAX_RATIO: '100000' },
          stdio: 'ignore',
        },
      );
      const exited = once(child, 'exit');
      const deadline = Date.now() + 30_000;
      while (ours(temp).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(ours(temp)).toHaveLength(1);
      child.kill(signal);
      const [code, sig] = await exited;
      expect({ code, sig }).toEqual({ code: null, sig: signal });
      expect(ours(temp)).toEqual([]);
    });
  }
});
