/**
 * `dir:PATH`: an unpacked root filesystem treated as one layer. The layer is produced as a tar stream on
 * the fly (never written anywhere); symlinks are recorded, never followed on the host.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack as tarPack, type Pack } from 'tar-stream';
import { ShipgateError } from '../../core/errors';
import { digestOf } from '../../oci/digest';
import { MT } from '../../oci/media-types';
import { defaultPlatform, type OpenOptions, type OpenedImage } from '../options';
import type { ImageConfig, ImageInfo } from '../types';

function addEntry(pack: Pack, header: Parameters<Pack['entry']>[0], body?: Readable): Promise<void> {
  return new Promise((res, rej) => {
    const sink = pack.entry(header, (err) => (err ? rej(err) : res()));
    if (body) pipeline(body, sink).catch(rej);
  });
}

async function writeTree(root: string, pack: Pack): Promise<void> {
  const seen = new Map<string, string>();
  const visit = async (rel: string): Promise<void> => {
    const abs = join(root, rel);
    const st = await lstat(abs);
    const name = rel || '.';
    const base = { name, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: st.mtime };
    if (st.isDirectory()) {
      if (rel) await addEntry(pack, { ...base, type: 'directory' });
      const names = (await readdir(abs)).sort();
      for (const n of names) await visit(rel ? `${rel}/${n}` : n);
    } else if (st.isSymbolicLink()) {
      await addEntry(pack, { ...base, type: 'symlink', linkname: await readlink(abs) });
    } else if (st.isFile()) {
      const key = `${st.dev}:${st.ino}`;
      const first = st.nlink > 1 ? seen.get(key) : undefined;
      if (first) {
        await addEntry(pack, { ...base, type: 'link', linkname: first });
        return;
      }
      if (st.nlink > 1) seen.set(key, name);
      await addEntry(pack, { ...base, type: 'file', size: st.size }, createReadStream(abs));
    } else {
      // Devices, fifos and sockets carry no content; they are listed as what they are.
      const type = st.isFIFO()
        ? 'fifo'
        : st.isCharacterDevice()
          ? 'character-device'
          : st.isBlockDevice()
            ? 'block-device'
            : undefined;
      if (type) await addEntry(pack, { ...base, type });
    }
  };
  await visit('');
}

export async function openDir(path: string, ref: string, _options: OpenOptions): Promise<OpenedImage> {
  const root = resolve(path);
  const st = await lstat(root).catch(() => undefined);
  if (!st) throw new ShipgateError('NOT_FOUND', `${ref}: no such directory`);
  if (!st.isDirectory()) throw new ShipgateError('INPUT', `${ref}: not a directory`);
  const platform = defaultPlatform();
  const config: ImageConfig = {
    os: platform.os,
    architecture: platform.architecture,
    config: {},
    rootfs: { type: 'layers', diff_ids: [] },
    history: [{ created_by: `dir:${root}` }],
  };
  const configBytes = Buffer.from(JSON.stringify(config));
  const configDigest = digestOf(configBytes);
  const info: ImageInfo = {
    ref,
    configDigest,
    platform,
    config,
    // A directory has no blob digest; the label names the source instead so findings still say where they came from.
    layers: [
      { index: 0, digest: `dir:${root}`, mediaType: MT.ociLayerTar, size: 0, createdBy: `dir:${root}` },
    ],
    size: 0,
  };
  return {
    info,
    configBytes,
    async openLayer(index: number) {
      if (index !== 0) throw new ShipgateError('INTERNAL', `${ref}: no layer ${index}`);
      const pack = tarPack();
      const out = new PassThrough({ highWaterMark: 256 * 1024 });
      pack.pipe(out);
      writeTree(root, pack).then(
        () => pack.finalize(),
        (e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))),
      );
      return out;
    },
    async close() {},
  };
}
