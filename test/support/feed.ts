/**
 * Feeds directories to analyzers as if each were one image layer (lowest first), the way the image walker
 * does: onEntry for every entry, wants/analyze for regular files, then finish with a final view.
 * No whiteouts: a later layer only adds or overwrites files.
 */
import { createHash } from 'node:crypto';
import { lstatSync, openSync, readSync, closeSync, readdirSync, readlinkSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Analyzer, FileEntry, FileType, FinalView, ImageInfo, LayerInfo } from '../../src/image/types';

export interface FeedLayer {
  dir: string;
  createdBy?: string;
  /** Image path the directory appears at (default the root). */
  prefix?: string;
}

function* walk(root: string, prefix: string, rel = ''): Generator<{ abs: string; path: string }> {
  const names = readdirSync(join(root, rel)).sort();
  for (const name of names) {
    const r = rel ? `${rel}/${name}` : name;
    const abs = join(root, r);
    yield { abs, path: `${prefix}/${r}` };
    const st = lstatSync(abs);
    if (st.isDirectory()) yield* walk(root, prefix, r);
  }
}

function* parents(prefix: string): Generator<string> {
  const parts = prefix.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) yield `/${parts.slice(0, i).join('/')}`;
}

function typeOf(st: ReturnType<typeof lstatSync>): FileType {
  if (st!.isFile()) return 'file';
  if (st!.isDirectory()) return 'dir';
  if (st!.isSymbolicLink()) return 'symlink';
  return 'other';
}

function readUpTo(path: string, size: number, max: number): { content: Buffer; truncated: boolean } {
  const n = Math.min(size, max);
  const buf = Buffer.alloc(n);
  const fd = openSync(path, 'r');
  try {
    let off = 0;
    while (off < n) {
      const got = readSync(fd, buf, off, n - off, off);
      if (got === 0) break;
      off += got;
    }
    return { content: buf.subarray(0, off), truncated: size > max };
  } finally {
    closeSync(fd);
  }
}

function layerDigest(dir: string, index: number): string {
  return `sha256:${createHash('sha256').update(`${index}:${dir}`).digest('hex')}`;
}

/** A minimal ImageInfo for the fed layers. */
export function imageInfoFor(layers: FeedLayer[], ref = 'dir:test'): ImageInfo {
  const infos: LayerInfo[] = layers.map((l, i) => {
    const info: LayerInfo = {
      index: i,
      digest: layerDigest(l.dir, i),
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      size: 0,
    };
    if (l.createdBy) info.createdBy = l.createdBy;
    return info;
  });
  return {
    ref,
    repository: 'example.test/app',
    tag: 'latest',
    digest: `sha256:${createHash('sha256').update(ref).digest('hex')}`,
    configDigest: `sha256:${createHash('sha256').update(`config:${ref}`).digest('hex')}`,
    platform: { os: 'linux', architecture: 'amd64' },
    config: {
      architecture: 'amd64',
      os: 'linux',
      history: layers.map((l) => ({ created_by: l.createdBy ?? '' })),
    },
    layers: infos,
    size: 0,
  };
}

class SimpleView implements FinalView {
  readonly visible = new Map<string, FileEntry>();
  visibleLayer(path: string): number | undefined {
    return this.visible.get(path)?.layerIndex;
  }
  isHidden(path: string, layerIndex: number): boolean {
    return this.visibleLayer(path) !== layerIndex;
  }
  resolve(path: string): string | undefined {
    let cur = posix.normalize(path);
    for (let hops = 0; hops < 40; hops++) {
      const parts = cur.split('/').filter(Boolean);
      let prefix = '';
      let changed = false;
      for (let i = 0; i < parts.length; i++) {
        prefix = `${prefix}/${parts[i]}`;
        const e = this.visible.get(prefix);
        if (!e) return undefined;
        if (e.type === 'symlink' && e.linkTarget !== undefined) {
          const target = e.linkTarget.startsWith('/')
            ? e.linkTarget
            : posix.join(posix.dirname(prefix), e.linkTarget);
          cur = posix.normalize(`/${[target, ...parts.slice(i + 1)].join('/')}`);
          changed = true;
          break;
        }
      }
      if (!changed) return cur;
    }
    return undefined;
  }
  stat(path: string): FileEntry | undefined {
    return this.visible.get(path);
  }
  entries(): Iterable<FileEntry> {
    return this.visible.values();
  }
}

/** Runs the analyzers over the layers and returns what each finish() returned, in analyzer order. */
export async function feedLayers(analyzers: Analyzer[], layers: FeedLayer[]): Promise<unknown[]> {
  const view = new SimpleView();
  const image = imageInfoFor(layers);
  for (const [index, layer] of layers.entries()) {
    const prefix = (layer.prefix ?? '').replace(/\/+$/, '');
    for (const p of parents(prefix)) {
      view.visible.set(p, {
        path: p,
        type: 'dir',
        mode: 0o755,
        uid: 0,
        gid: 0,
        size: 0,
        layerIndex: index,
        layerDigest: image.layers[index]!.digest,
      });
    }
    for (const { abs, path } of walk(layer.dir, prefix)) {
      const st = lstatSync(abs);
      const entry: FileEntry = {
        path,
        type: typeOf(st),
        mode: st.mode & 0o7777,
        uid: st.uid,
        gid: st.gid,
        size: st.isFile() ? st.size : 0,
        layerIndex: index,
        layerDigest: image.layers[index]!.digest,
      };
      if (layer.createdBy) entry.createdBy = layer.createdBy;
      if (st.isSymbolicLink()) entry.linkTarget = readlinkSync(abs);
      view.visible.set(path, entry);
      for (const a of analyzers) a.onEntry?.(entry);
      if (entry.type !== 'file') continue;
      const wanting = analyzers.filter((a) => a.wants(entry));
      if (!wanting.length) continue;
      const max = Math.max(...wanting.map((a) => a.maxBytes ?? 64 * 1024 * 1024));
      const { content, truncated } = readUpTo(abs, st.size, max);
      for (const a of wanting) {
        const limit = a.maxBytes ?? 64 * 1024 * 1024;
        await a.analyze(
          entry,
          content.length > limit ? content.subarray(0, limit) : content,
          truncated || content.length > limit,
        );
      }
    }
  }
  const out: unknown[] = [];
  for (const a of analyzers) out.push(await a.finish(view, image));
  return out;
}

/** One directory as a single-layer image. */
export function feedDir(analyzers: Analyzer[], dir: string, createdBy = 'ADD rootfs /'): Promise<unknown[]> {
  return feedLayers(analyzers, [{ dir, createdBy }]);
}
