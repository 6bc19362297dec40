/**
 * Layer decompression chosen by the content's magic bytes (media types lie, and docker-archive has none):
 * gzip, zstd or a plain tar. zstd uses Node's zlib where it exists (Node 22.15+/24) and fzstd otherwise.
 */
import { Transform, type TransformCallback, type Duplex } from 'node:stream';
import * as zlib from 'node:zlib';
import { Decompress as FzstdDecompress } from 'fzstd';
import { checkExpansion, type ImageLimits } from './limits';

export type Compression = 'gzip' | 'zstd' | 'none';

const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];

export function sniffCompression(head: Uint8Array): Compression {
  if (head[0] === GZIP[0] && head[1] === GZIP[1]) return 'gzip';
  if (ZSTD.every((b, i) => head[i] === b)) return 'zstd';
  return 'none';
}

type ZstdFactory = () => Duplex;

function nodeZstd(): ZstdFactory | undefined {
  const z = zlib as unknown as { createZstdDecompress?: () => Duplex };
  return typeof z.createZstdDecompress === 'function' ? () => z.createZstdDecompress!() : undefined;
}

/** fzstd's streaming decoder as a Node transform (Node 20 has no zstd in zlib). */
class FzstdTransform extends Transform {
  private readonly dec: FzstdDecompress;
  constructor() {
    super();
    this.dec = new FzstdDecompress((chunk) => {
      // Copied: the decoder may reuse its window buffer for the next block.
      this.push(Buffer.from(chunk));
    });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.dec.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      cb();
    } catch (e) {
      cb(e instanceof Error ? e : new Error(String(e)));
    }
  }
  override _flush(cb: TransformCallback): void {
    try {
      this.dec.push(new Uint8Array(0), true);
      cb();
    } catch (e) {
      cb(e instanceof Error ? e : new Error(String(e)));
    }
  }
}

function createDecompressor(kind: Compression, opts: { forceFzstd?: boolean } = {}): Duplex | undefined {
  if (kind === 'gzip') return zlib.createGunzip();
  if (kind === 'zstd') {
    const native = opts.forceFzstd ? undefined : nodeZstd();
    return native ? native() : new FzstdTransform();
  }
  return undefined;
}

/**
 * A transform that looks at the first bytes and then routes everything through the matching decoder
 * (or passes it through), so callers get a plain tar whatever the layer's compression.
 */
export class AutoDecompress extends Transform {
  private head: Buffer[] = [];
  private headLen = 0;
  private inner: Duplex | undefined;
  private decided = false;
  /** The compression seen, once known. */
  compression: Compression | undefined;

  private compressedBytes = 0;
  private expandedBytes = 0;

  /** With `limits`, the stream fails with a LIMIT error once the output outgrows them (see ./limits). */
  constructor(private readonly opts: { forceFzstd?: boolean; limits?: ImageLimits; what?: string } = {}) {
    super();
  }

  /** Counts output against the limits; false (and the stream destroyed) when past them. */
  private within(bytes: number): boolean {
    const limits = this.opts.limits;
    if (!limits) return true;
    this.expandedBytes += bytes;
    try {
      checkExpansion(limits, this.opts.what ?? 'archive', this.compressedBytes, this.expandedBytes);
      return true;
    } catch (e) {
      this.destroy(e as Error);
      return false;
    }
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.compressedBytes += chunk.length;
    if (!this.decided) {
      this.head.push(chunk);
      this.headLen += chunk.length;
      if (this.headLen < 4) {
        cb();
        return;
      }
      this.decide();
      const buffered = Buffer.concat(this.head);
      this.head = [];
      this.forward(buffered, cb);
      return;
    }
    this.forward(chunk, cb);
  }

  override _flush(cb: TransformCallback): void {
    if (!this.decided) {
      this.decide();
      const buffered = Buffer.concat(this.head);
      this.head = [];
      if (buffered.length) {
        this.forward(buffered, (err) => (err ? cb(err) : this.finishInner(cb)));
        return;
      }
    }
    this.finishInner(cb);
  }

  private decide(): void {
    this.decided = true;
    this.compression = sniffCompression(Buffer.concat(this.head).subarray(0, 4));
    this.inner = createDecompressor(this.compression, this.opts);
    if (this.inner) {
      this.inner.on('data', (d: Buffer) => {
        if (!this.within(d.length)) return;
        if (!this.push(d)) this.inner!.pause();
      });
      this.inner.on('error', (e) => this.destroy(e));
    }
  }

  override _read(size: number): void {
    this.inner?.resume();
    super._read(size);
  }

  private forward(chunk: Buffer, cb: TransformCallback): void {
    if (!this.inner) {
      if (this.within(chunk.length)) cb(null, chunk);
      return;
    }
    if (this.inner.write(chunk)) cb();
    else this.inner.once('drain', () => cb());
  }

  override _destroy(err: Error | null, cb: (error?: Error | null) => void): void {
    this.inner?.destroy();
    cb(err);
  }

  private finishInner(cb: TransformCallback): void {
    if (!this.inner) {
      cb();
      return;
    }
    this.inner.once('end', () => cb());
    this.inner.end();
  }
}
