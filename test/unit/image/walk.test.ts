/**
 * The layer walker on hand-made OCI layouts: whiteouts, opaque directories, hard links, symlinks, escapes,
 * and every kind of broken input, each ending in a one-line ShipgateError with the right code.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ShipgateError, formatError } from '../../../src/core/errors';
import {
  openImage,
  walkImage,
  type Analyzer,
  type FileEntry,
  type FinalView,
} from '../../../src/image/index';
import {
  LAYER_GZIP,
  LAYER_TAR,
  blobPath,
  readManifest,
  setTag,
  tarOf,
  writeBlob,
  writeLayoutImage,
  type TarEntrySpec,
} from '../../support/images';

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-walk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
async function layout(layers: TarEntrySpec[][], opts: { gzip?: boolean } = {}): Promise<string> {
  const dir = join(tmp, `l${n++}`);
  const blobs = await Promise.all(layers.map((l) => tarOf(l)));
  writeLayoutImage(
    dir,
    'x',
    blobs.map((b, i) => ({
      blob: opts.gzip === false ? b : gzipSync(b),
      uncompressed: b,
      mediaType: opts.gzip === false ? LAYER_TAR : LAYER_GZIP,
      createdBy: `RUN step ${i}`,
    })),
  );
  return dir;
}

/** An analyzer that records every entry and the content of the files matching `want`. */
function recorder(want: (e: FileEntry) => boolean = () => true, maxBytes?: number) {
  const entries: FileEntry[] = [];
  const contents: { path: string; layer: number; text: string; truncated: boolean }[] = [];
  let view: FinalView | undefined;
  const a: Analyzer<number> = {
    name: 'recorder',
    ...(maxBytes ? { maxBytes } : {}),
    wants: want,
    onEntry: (e) => entries.push(e),
    analyze: (e, c, truncated) => {
      contents.push({ path: e.path, layer: e.layerIndex, text: c.toString(), truncated });
    },
    finish: (v) => {
      view = v;
      return entries.length;
    },
  };
  return { a, entries, contents, view: () => view! };
}

async function walk(dir: string, analyzers: Analyzer[] = []) {
  const img = await openImage(`oci:${dir}:x`);
  try {
    return await walkImage(img, analyzers);
  } finally {
    await img.close();
  }
}

async function failure(p: Promise<unknown>): Promise<ShipgateError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ShipgateError);
    const err = e as ShipgateError;
    expect(formatError(err)).not.toContain('\n');
    expect(formatError(err)).not.toMatch(/\bat .*\.ts:\d+/);
    return err;
  }
  throw new Error('expected a failure');
}

describe('layer walker', () => {
  it('applies whiteouts and opaque directories, keeping deleted versions visible as hidden', async () => {
    const dir = await layout([
      [
        { name: 'etc/', type: 'directory' },
        { name: 'etc/passwd', content: 'root:x:0:0\n' },
        { name: 'etc/secret.key', content: 'KEY-1', mode: 0o600 },
        { name: 'opt/app/a', content: 'a' },
        { name: 'opt/app/sub/b', content: 'b' },
        { name: 'usr/bin/tool', content: 'v1', mode: 0o4755 },
        { name: 'tmp/gone/deep/file', content: 'deep' },
      ],
      [
        { name: 'etc/.wh.secret.key' },
        { name: 'opt/app/c', content: 'c' },
        { name: 'opt/app/.wh..wh..opq' },
        { name: 'usr/bin/tool', content: 'v2', mode: 0o755 },
        { name: 'tmp/.wh.gone' },
      ],
    ]);
    const r = recorder();
    const { view, results, warnings, stats } = await walk(dir, [r.a]);
    expect(warnings).toEqual([]);
    expect(stats.layers).toBe(2);
    expect(stats.whiteouts).toBe(3);
    expect(results[0]).toBe(r.entries.length);
    // deleted: gone from the final view, but analyzers saw it and it is marked hidden
    expect(view.stat('/etc/secret.key')).toBeUndefined();
    expect(view.visibleLayer('/etc/secret.key')).toBeUndefined();
    expect(view.isHidden('/etc/secret.key', 0)).toBe(true);
    expect(r.contents.find((c) => c.path === '/etc/secret.key')?.text).toBe('KEY-1');
    // opaque: lower content below /opt/app vanished, this layer's stayed (even though it came first in the tar)
    expect(view.stat('/opt/app/a')).toBeUndefined();
    expect(view.stat('/opt/app/sub/b')).toBeUndefined();
    expect(view.isHidden('/opt/app/sub/b', 0)).toBe(true);
    expect(view.stat('/opt/app/c')?.layerIndex).toBe(1);
    // overwritten: newest version visible, old one hidden
    expect(view.visibleLayer('/usr/bin/tool')).toBe(1);
    expect(view.isHidden('/usr/bin/tool', 0)).toBe(true);
    expect(view.isHidden('/usr/bin/tool', 1)).toBe(false);
    expect(r.entries.find((e) => e.path === '/usr/bin/tool' && e.layerIndex === 0)?.mode).toBe(0o4755);
    // a whiteout of a directory removes everything below it
    expect(view.stat('/tmp/gone/deep/file')).toBeUndefined();
    expect(view.isHidden('/tmp/gone/deep/file', 0)).toBe(true);
    // every entry knows its layer and the history instruction that made it
    const tool1 = r.entries.find((e) => e.path === '/usr/bin/tool' && e.layerIndex === 1)!;
    expect(tool1.createdBy).toBe('RUN step 1');
    const manifest = readManifest(dir, 'x');
    expect(tool1.layerDigest).toBe(manifest.layers[1]!.digest);
    const visible = [...view.entries()].map((e) => e.path).sort();
    expect(visible).toEqual(['/etc', '/etc/passwd', '/opt/app/c', '/usr/bin/tool']);
  });

  it('delivers hard-link content, reading the layer again when the target was not kept', async () => {
    const dir = await layout([
      [
        { name: 'data/target', content: 'shared bytes' },
        { name: 'data/link', type: 'link', linkname: 'data/target' },
        { name: 'other/t2', content: 'second' },
        { name: 'other/l2', type: 'link', linkname: './other/t2' },
      ],
    ]);
    // Wants only the links: the first pass never reads the targets, so a second pass must serve them.
    const onlyLinks = recorder((e) => e.path.endsWith('link') || e.path.endsWith('l2'));
    // Wants everything: targets are cached and served without a second pass.
    const all = recorder();
    const { view, warnings } = await walk(dir, [onlyLinks.a]);
    expect(warnings).toEqual([]);
    expect(onlyLinks.contents.map((c) => [c.path, c.text]).sort()).toEqual([
      ['/data/link', 'shared bytes'],
      ['/other/l2', 'second'],
    ]);
    const link = view.stat('/data/link')!;
    expect(link.type).toBe('hardlink');
    expect(link.linkTarget).toBe('/data/target');
    expect(link.size).toBe('shared bytes'.length);
    await walk(dir, [all.a]);
    expect(all.contents.filter((c) => c.path === '/data/link').map((c) => c.text)).toEqual(['shared bytes']);
  });

  it('keeps a window of the latest contents for hard links: older ones are read again', async () => {
    const passes = async (entries: TarEntrySpec[]) => {
      const all = recorder();
      const img = await openImage(`oci:${await layout([entries])}:x`);
      let opens = 0;
      const openLayer = img.openLayer.bind(img);
      img.openLayer = (i) => (opens++, openLayer(i));
      try {
        // Room for one of the two contents: a/old leaves the window when b/new comes.
        const { warnings } = await walkImage(img, [all.a], { linkCacheBytes: 15 });
        expect(warnings).toEqual([]);
      } finally {
        await img.close();
      }
      const text = (path: string) => all.contents.filter((c) => c.path === path).map((c) => c.text);
      return { opens, text };
    };
    const files: TarEntrySpec[] = [
      { name: 'a/old', content: 'old bytes!' },
      { name: 'b/new', content: 'new bytes!' },
    ];
    const recent = await passes([...files, { name: 'b/link', type: 'link', linkname: 'b/new' }]);
    expect(recent.text('/b/link')).toEqual(['new bytes!']);
    expect(recent.opens).toBe(1);
    const older = await passes([...files, { name: 'a/link', type: 'link', linkname: 'a/old' }]);
    expect(older.text('/a/link')).toEqual(['old bytes!']);
    expect(older.opens).toBe(2);
  });

  it('resolves symlinks inside the image root only, like chroot', async () => {
    const dir = await layout([
      [
        { name: 'usr/bin/busybox', content: 'bb' },
        { name: 'bin', type: 'symlink', linkname: 'usr/bin' },
        { name: 'escape', type: 'symlink', linkname: '../../../../usr/bin/busybox' },
        { name: 'abs', type: 'symlink', linkname: '/bin/busybox' },
        { name: 'hostetc', type: 'symlink', linkname: '/etc/shadow' },
        { name: 'loop1', type: 'symlink', linkname: 'loop2' },
        { name: 'loop2', type: 'symlink', linkname: 'loop1' },
      ],
    ]);
    const { view } = await walk(dir);
    expect(view.resolve('/bin/busybox')).toBe('/usr/bin/busybox');
    expect(view.resolve('/escape')).toBe('/usr/bin/busybox');
    expect(view.resolve('/abs')).toBe('/usr/bin/busybox');
    expect(view.resolve('/../../bin/../bin/busybox')).toBe('/usr/bin/busybox');
    // a link to a file the image lacks does not resolve, even when the host has that file
    expect(view.resolve('/hostetc')).toBeUndefined();
    expect(view.resolve('/loop1')).toBeUndefined();
    expect(view.stat('/bin')?.type).toBe('symlink');
  });

  it('refuses tar entries that climb out of the root with PATH_ESCAPE', async () => {
    const dir = await layout([
      [
        { name: 'ok', content: '1' },
        { name: '../../etc/x', content: 'evil' },
      ],
    ]);
    const err = await failure(walk(dir));
    expect(err.code).toBe('PATH_ESCAPE');
    expect(err.message).toContain('../../etc/x');
    const viaLink = await layout([
      [
        { name: 'a', content: '1' },
        { name: 'b', type: 'link', linkname: '../../../etc/shadow' },
      ],
    ]);
    expect((await failure(walk(viaLink))).code).toBe('PATH_ESCAPE');
  });

  it('accepts a tar missing only its final padding and trailer (as umoci writes), not one cut inside a file', async () => {
    const full = await tarOf([
      { name: 'a', content: 'first' },
      { name: 'b', content: 'the last file' },
    ]);
    const endOfLast = 512 * 3 + 'the last file'.length; // header a, data a, header b, then b's bytes
    const dir = join(tmp, 'no-trailer');
    const cut = full.subarray(0, endOfLast);
    writeLayoutImage(dir, 'x', [{ blob: cut, mediaType: LAYER_TAR }]);
    const r = recorder();
    await walk(dir, [r.a]);
    expect(r.contents.map((c) => [c.path, c.text])).toEqual([
      ['/a', 'first'],
      ['/b', 'the last file'],
    ]);
    const short = join(tmp, 'cut-in-file');
    writeLayoutImage(short, 'x', [{ blob: full.subarray(0, endOfLast - 3), mediaType: LAYER_TAR }]);
    const err = await failure(walk(short));
    expect(err.code).toBe('IMAGE_FORMAT');
    expect(err.message).toMatch(/truncated/);
  });

  it('reads uncompressed layers and truncates content at maxBytes', async () => {
    const dir = await layout([[{ name: 'big', content: 'x'.repeat(10_000) }]], { gzip: false });
    const r = recorder(undefined, 100);
    await walk(dir, [r.a]);
    expect(r.contents).toEqual([{ path: '/big', layer: 0, text: 'x'.repeat(100), truncated: true }]);
  });

  it('keeps going when an analyzer throws, with a warning', async () => {
    const dir = await layout([[{ name: 'f', content: '1' }]]);
    const bad: Analyzer = {
      name: 'bad',
      wants: () => true,
      analyze: () => {
        throw new Error('boom');
      },
      finish: () => 'done',
    };
    const { results, warnings } = await walk(dir, [bad]);
    expect(results).toEqual(['done']);
    expect(warnings).toEqual([expect.stringContaining('analyzer bad failed on /f')]);
  });
});

describe('broken images', () => {
  it('truncated gzip → IMAGE_FORMAT (also when the descriptor matches the truncated blob)', async () => {
    const dir = await layout([[{ name: 'f', content: 'x'.repeat(100_000) + Math.random() }]]);
    const m = readManifest(dir, 'x');
    const blob = readFileSync(blobPath(dir, m.layers[0]!.digest));
    // descriptor still announces the full blob
    truncateSync(blobPath(dir, m.layers[0]!.digest), Math.floor(blob.length / 2));
    expect((await failure(walk(dir))).code).toBe('IMAGE_FORMAT');
    // descriptor rewritten to the truncated blob: only gunzip can tell
    m.layers[0] = writeBlob(dir, blob.subarray(0, Math.floor(blob.length / 2)), LAYER_GZIP);
    setTag(dir, 'x', writeBlob(dir, JSON.stringify(m), 'application/vnd.oci.image.manifest.v1+json'));
    const err = await failure(walk(dir));
    expect(err.code).toBe('IMAGE_FORMAT');
    expect(err.message).toMatch(/gzip/);
  });

  it('a blob whose bytes do not match its digest → DIGEST_MISMATCH', async () => {
    const dir = await layout([[{ name: 'f', content: 'original content' }]], { gzip: false });
    const m = readManifest(dir, 'x');
    const p = blobPath(dir, m.layers[0]!.digest);
    const blob = readFileSync(p);
    blob[600] = blob[600]! ^ 0xff; // flips a byte of the file content, same size
    writeFileSync(p, blob);
    const r = recorder();
    const err = await failure(walk(dir, [r.a]));
    expect(err.code).toBe('DIGEST_MISMATCH');
    expect(err.message).toContain(m.layers[0]!.digest);
  });

  it('a malformed tar → IMAGE_FORMAT', async () => {
    const dir = join(tmp, 'badtar');
    const junk = Buffer.alloc(4096, 0x41);
    writeLayoutImage(dir, 'x', [{ blob: gzipSync(junk), uncompressed: junk, mediaType: LAYER_GZIP }]);
    const err = await failure(walk(dir));
    expect(err.code).toBe('IMAGE_FORMAT');
    expect(err.message).toMatch(/layer 0/);
  });

  it('manifest garbage, missing blob, unknown media type, schema 1', async () => {
    const base = await layout([[{ name: 'f', content: '1' }]]);
    const m = readManifest(base, 'x');
    const garbage = join(tmp, 'garbage');
    writeLayoutImage(garbage, 'x', []);
    setTag(
      garbage,
      'x',
      writeBlob(garbage, '{"schemaVersion": 2, "config": ', 'application/vnd.oci.image.manifest.v1+json'),
    );
    expect((await failure(walk(garbage))).code).toBe('IMAGE_FORMAT');

    rmSync(blobPath(base, m.layers[0]!.digest));
    expect((await failure(walk(base))).code).toBe('NOT_FOUND');

    const odd = await layout([[{ name: 'f', content: '1' }]]);
    const om = readManifest(odd, 'x');
    om.layers[0]!.mediaType = 'application/vnd.example.thing';
    setTag(odd, 'x', writeBlob(odd, JSON.stringify(om), 'application/vnd.oci.image.manifest.v1+json'));
    expect((await failure(walk(odd))).code).toBe('UNSUPPORTED');

    const s1 = join(tmp, 'schema1');
    writeLayoutImage(s1, 'x', []);
    setTag(
      s1,
      'x',
      writeBlob(
        s1,
        JSON.stringify({ schemaVersion: 1, name: 'x', fsLayers: [] }),
        'application/vnd.docker.distribution.manifest.v1+json',
      ),
    );
    const e1 = await failure(walk(s1));
    expect(e1.code).toBe('UNSUPPORTED');
    expect(e1.message).toMatch(/schema 1/);

    expect((await failure(openImage(`oci:${join(tmp, 'nope')}`))).code).toBe('NOT_FOUND');
    expect((await failure(openImage(`oci:${base}:missing-tag`))).code).toBe('NOT_FOUND');
    expect((await failure(openImage(`docker-archive:${blobPath(base, m.config.digest)}`))).code).toBe(
      'IMAGE_FORMAT',
    );
  });
});
