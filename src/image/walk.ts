/**
 * The one streaming pass over an image's layers, lowest first: each layer's tar is read entry by entry
 * (never extracted), whiteouts and opaque directories are applied to the merged view, and analyzers get
 * the metadata of every entry and the bytes of the regular files they want.
 */
import { pipeline, type Readable } from 'node:stream';
import { extract as tarExtract, type Header } from 'tar-stream';
import { ShipgateError, oneLine } from '../core/errors';
import { logger } from '../core/logger';
import type { OpenedImage } from './options';
import { GarbageBound } from '../core/garbage';
import { TarTrailerGuard } from './tar-trailer';
import { checkEntries, checkPathLength, imageLimits } from './limits';
import { baseName, normalizeEntryPath, parentOf, printable } from './paths';
import type { Analyzer, AnalyzerFailure, FileEntry, FileType, FinalView, LayerInfo } from './types';
import { LayeredFs } from './view';

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
// A hard link in a layer's tar usually comes soon after its target (the same package, the same directory):
// a window of the latest contents serves it. Keeping the first 32 MiB read instead held that much through
// every layer's walk and missed the links further on.
const DEFAULT_LINK_CACHE_BYTES = 8 * 1024 * 1024;
const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

export interface WalkOptions {
  /**
   * The most recently read contents kept within a layer so hard links can be served without reading the
   * layer again (bytes; default 8 MiB).
   */
  linkCacheBytes?: number;
  /** Called when a layer starts (progress). */
  onLayer?(layer: LayerInfo): void;
  signal?: AbortSignal;
}

export interface WalkStats {
  layers: number;
  entries: number;
  /** Sum of the regular files' sizes over all layers (uncompressed). */
  bytes: number;
  filesRead: number;
  bytesRead: number;
  whiteouts: number;
  durationMs: number;
}

export interface WalkResult<R = unknown> {
  /** finish() of each analyzer, in the order given; undefined for an analyzer whose finish() threw. */
  results: (R | undefined)[];
  /** Every analyzer that threw (at most one entry each): the scan must not pass as if it had run. */
  failures: AnalyzerFailure[];
  view: FinalView;
  warnings: string[];
  stats: WalkStats;
}

interface PendingLink<R> {
  entry: FileEntry;
  analyzers: Analyzer<R>[];
  target: string;
}

function fileType(h: Header): FileType {
  switch (h.type) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

/**
 * Reads an entry's body, keeping its first `max` bytes. The tar header gives the size, so the bytes are copied
 * into one buffer as they arrive: a large file's pieces are not all held until its end, which let them outlive
 * the young generation and wait for a full collection (twice the memory of the file, for a while).
 */
async function readUpTo(
  stream: Readable,
  size: number,
  max: number,
): Promise<{ content: Buffer; truncated: boolean }> {
  const content = Buffer.allocUnsafe(Math.min(size, max));
  let kept = 0;
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    // copy() stops at the end of `content`: the bytes past `max` are read and dropped.
    if (kept < content.length) kept += chunk.copy(content, kept);
  }
  // tar-stream delivers exactly the header's size; a shorter body is caught as a truncated layer.
  return { content: kept === content.length ? content : content.subarray(0, kept), truncated: total > kept };
}

async function drain(stream: Readable): Promise<void> {
  for await (const _ of stream as AsyncIterable<Buffer>) {
    /* discard */
  }
}

/** Turns low-level stream errors into one-line IMAGE_FORMAT errors that name the layer. */
function layerError(e: unknown, label: string): ShipgateError {
  if (e instanceof ShipgateError) return e;
  const err = e as (Error & { code?: string }) | undefined;
  const msg = oneLine(err?.message ?? String(e));
  if (
    err?.code?.startsWith('Z_') ||
    /unexpected end of file|incorrect header check|invalid (block|distance|stored)/i.test(msg)
  )
    return new ShipgateError('IMAGE_FORMAT', `${label}: truncated or corrupt gzip data (${msg})`, {
      hint: 'the layer blob is damaged or incomplete; pull or save the image again',
      cause: e,
    });
  if (/unexpected end of data/i.test(msg))
    return new ShipgateError('IMAGE_FORMAT', `${label}: truncated tar data`, {
      hint: 'the layer is incomplete; pull or save the image again',
      cause: e,
    });
  if (/tar|header/i.test(msg))
    return new ShipgateError('IMAGE_FORMAT', `${label}: malformed tar (${msg})`, { cause: e });
  if (/zstd|frame|window|huffman|FSE|block/i.test(msg))
    return new ShipgateError('IMAGE_FORMAT', `${label}: corrupt zstd data (${msg})`, { cause: e });
  return new ShipgateError('IMAGE_FORMAT', `${label}: cannot read layer (${msg})`, { cause: e });
}

/** Iterates the entries of an uncompressed tar stream; the caller must consume or drain each body. */
async function* tarEntries(stream: Readable): AsyncGenerator<{ header: Header; body: Readable }> {
  const ex = tarExtract();
  pipeline(stream, new TarTrailerGuard(), ex, () => {
    /* errors surface through the iteration below */
  });
  for await (const body of ex) yield { header: body.header, body: body as unknown as Readable };
}

class Walker<R> {
  private readonly fs = new LayeredFs();
  private readonly limits = imageLimits();
  private readonly warnings: string[] = [];
  private readonly failures = new Map<Analyzer<R>, AnalyzerFailure>();
  private readonly stats: WalkStats = {
    layers: 0,
    entries: 0,
    bytes: 0,
    filesRead: 0,
    bytesRead: 0,
    whiteouts: 0,
    durationMs: 0,
  };
  private readonly linkCacheBytes: number;
  private readonly garbage = new GarbageBound('full');

  constructor(
    private readonly image: OpenedImage,
    private readonly analyzers: readonly Analyzer<R>[],
    private readonly options: WalkOptions,
  ) {
    this.linkCacheBytes = options.linkCacheBytes ?? DEFAULT_LINK_CACHE_BYTES;
  }

  private warn(msg: string): void {
    this.warnings.push(msg);
    logger().debug(msg);
  }

  /** Records the first failure of an analyzer (later ones are only warnings). */
  private fail(a: Analyzer<R>, where: string, e: unknown): void {
    const error = `${where}: ${oneLine(String((e as Error)?.message ?? e))}`;
    this.warn(`analyzer ${a.name} failed ${error}`);
    if (!this.failures.has(a))
      this.failures.set(a, { index: this.analyzers.indexOf(a), analyzer: a.name, error });
  }

  private maxBytes(a: Analyzer<R>): number {
    return a.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  private async deliver(
    entry: FileEntry,
    wanting: Analyzer<R>[],
    content: Buffer,
    truncatedAtRead: boolean,
  ): Promise<void> {
    for (const a of wanting) {
      const max = this.maxBytes(a);
      const slice = content.length > max ? content.subarray(0, max) : content;
      const truncated = truncatedAtRead || content.length > max;
      try {
        await a.analyze(entry, slice, truncated);
      } catch (e) {
        this.fail(a, `on ${entry.path} (layer ${entry.layerIndex})`, e);
      }
    }
  }

  private wanting(entry: FileEntry): Analyzer<R>[] {
    const out: Analyzer<R>[] = [];
    for (const a of this.analyzers) {
      try {
        if (a.onEntry) a.onEntry(entry);
        if ((entry.type === 'file' || entry.type === 'hardlink') && a.wants(entry)) out.push(a);
      } catch (e) {
        this.fail(a, `on ${entry.path}`, e);
      }
    }
    return out;
  }

  async run(): Promise<WalkResult<R>> {
    const t0 = performance.now();
    const { info } = this.image;
    for (const layer of info.layers) {
      this.options.signal?.throwIfAborted();
      this.options.onLayer?.(layer);
      await this.walkLayer(layer);
      this.stats.layers++;
    }
    const results: (R | undefined)[] = [];
    for (const a of this.analyzers) {
      try {
        results.push(await a.finish(this.fs, info));
      } catch (e) {
        this.fail(a, 'to finish', e);
        results.push(undefined);
      }
    }
    this.stats.durationMs = Math.round(performance.now() - t0);
    return {
      results,
      failures: [...this.failures.values()],
      view: this.fs,
      warnings: this.warnings,
      stats: this.stats,
    };
  }

  private label(layer: LayerInfo): string {
    return `${this.image.info.ref}: layer ${layer.index} (${layer.digest.slice(0, 19)})`;
  }

  private async walkLayer(layer: LayerInfo): Promise<void> {
    const label = this.label(layer);
    const cache = new Map<string, { content: Buffer; truncated: boolean }>();
    let cached = 0;
    const pending: PendingLink<R>[] = [];
    let entries = 0;
    try {
      const stream = await this.image.openLayer(layer.index);
      for await (const { header, body } of tarEntries(stream)) {
        checkEntries(this.limits, label, ++entries);
        checkPathLength(this.limits, label, header.name);
        const path = normalizeEntryPath(header.name, `${label}: tar entry`);
        const name = baseName(path);
        if (name.startsWith(WHITEOUT)) {
          await drain(body);
          this.stats.whiteouts++;
          if (name === OPAQUE) this.fs.opaque(parentOf(path), layer.index);
          else if (!name.startsWith(`${WHITEOUT}${WHITEOUT}`))
            this.fs.remove(`${parentOf(path) === '/' ? '' : parentOf(path)}/${name.slice(WHITEOUT.length)}`);
          continue;
        }
        const type = fileType(header);
        const entry: FileEntry = {
          path,
          type,
          mode: (header.mode ?? 0) & 0o7777,
          uid: header.uid ?? 0,
          gid: header.gid ?? 0,
          size: type === 'file' ? (header.size ?? 0) : 0,
          layerIndex: layer.index,
          layerDigest: layer.digest,
        };
        if (layer.createdBy !== undefined) entry.createdBy = layer.createdBy;
        if (type === 'symlink') entry.linkTarget = header.linkname ?? '';
        let target: string | undefined;
        if (type === 'hardlink') {
          target = normalizeEntryPath(
            header.linkname ?? '',
            `${label}: hard link target of ${printable(path)}`,
          );
          entry.linkTarget = target;
          entry.size = this.fs.lookup(target)?.size ?? 0;
        }
        this.stats.entries++;
        if (type === 'file') this.stats.bytes += entry.size;
        this.fs.put(entry);
        const wanting = this.wanting(entry);
        if (wanting.length === 0) {
          await drain(body);
          continue;
        }
        if (type === 'hardlink') {
          await drain(body);
          const hit = cache.get(target!);
          if (hit) await this.deliver(entry, wanting, hit.content, hit.truncated);
          else pending.push({ entry, analyzers: wanting, target: target! });
          continue;
        }
        const max = Math.max(...wanting.map((a) => this.maxBytes(a)));
        const { content, truncated } = await readUpTo(body, header.size ?? 0, max);
        this.stats.filesRead++;
        this.stats.bytesRead += content.length;
        this.garbage.add(content.length);
        if (content.length <= this.linkCacheBytes) {
          // The oldest contents make room (a Map iterates in insertion order).
          for (const [oldPath, old] of cache) {
            if (cached + content.length <= this.linkCacheBytes) break;
            cache.delete(oldPath);
            cached -= old.content.length;
          }
          const replaced = cache.get(path);
          if (replaced) cached -= replaced.content.length;
          cache.delete(path);
          cache.set(path, { content, truncated });
          cached += content.length;
        }
        await this.deliver(entry, wanting, content, truncated);
      }
      if (pending.length) await this.servePendingLinks(layer, pending);
    } catch (e) {
      throw layerError(e, label);
    }
  }

  /** Hard links whose target was not kept: read the layer again for just those targets. */
  private async servePendingLinks(layer: LayerInfo, pending: PendingLink<R>[]): Promise<void> {
    const byTarget = new Map<string, PendingLink<R>[]>();
    for (const p of pending) byTarget.set(p.target, [...(byTarget.get(p.target) ?? []), p]);
    const stream = await this.image.openLayer(layer.index);
    for await (const { header, body } of tarEntries(stream)) {
      const links = fileType(header) === 'file' ? byTarget.get(normalizeEntryPath(header.name)) : undefined;
      if (!links) {
        await drain(body);
        continue;
      }
      byTarget.delete(normalizeEntryPath(header.name));
      const max = Math.max(...links.flatMap((l) => l.analyzers.map((a) => this.maxBytes(a))));
      const { content, truncated } = await readUpTo(body, header.size ?? 0, max);
      for (const l of links) await this.deliver(l.entry, l.analyzers, content, truncated);
    }
    for (const [target, links] of byTarget)
      for (const l of links)
        this.warn(
          `${this.label(layer)}: hard link ${l.entry.path} points to ${target}, which this layer does not contain`,
        );
  }
}

/** Walks the image's layers once, lowest first, feeding the analyzers; returns their results and the final view. */
export async function walkImage<R>(
  image: OpenedImage,
  analyzers: readonly Analyzer<R>[],
  options: WalkOptions = {},
): Promise<WalkResult<R>> {
  return new Walker(image, analyzers, options).run();
}
