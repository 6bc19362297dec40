/**
 * Some image builders (umoci 0.4 among them) end layer tars right after the last file's bytes: without the
 * padding to 512 bytes and without the two zero blocks that close a tar. Docker and containerd read such
 * layers, so shipgate does too. This pass-through follows the tar block structure just enough to tell
 * "only the padding/trailer is missing" (completed here) from "a file was cut short" (left for the tar
 * reader to report as truncated).
 */
import { Transform, type TransformCallback } from 'node:stream';

const BLOCK = 512;

function headerSize(h: Buffer): number {
  if (h[124]! & 0x80) {
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + h[i]!;
    return n;
  }
  const s = h.subarray(124, 136).toString('latin1').replace(/\0.*$/s, '').trim();
  return s ? parseInt(s, 8) || 0 : 0;
}

function paxSize(data: Buffer): number | undefined {
  const m = /(?:^|\n)\d+ size=(\d+)\n/.exec(data.toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

export class TarTrailerGuard extends Transform {
  private header = Buffer.alloc(BLOCK);
  private headerFill = 0;
  /** Content bytes still to pass for the current entry. */
  private content = 0;
  /** Padding bytes after the content. */
  private padding = 0;
  /** Collects a pax header's records (small) to learn a size override for the next entry. */
  private pax: Buffer[] | undefined;
  private nextSize: number | undefined;
  private ended = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (!this.ended) this.track(chunk);
    cb(null, chunk);
  }

  private track(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && !this.ended) {
      if (this.content > 0) {
        const n = Math.min(this.content, chunk.length - i);
        if (this.pax) this.pax.push(chunk.subarray(i, i + n));
        this.content -= n;
        i += n;
        if (this.content === 0 && this.pax) {
          this.nextSize = paxSize(Buffer.concat(this.pax));
          this.pax = undefined;
        }
        continue;
      }
      if (this.padding > 0) {
        const n = Math.min(this.padding, chunk.length - i);
        this.padding -= n;
        i += n;
        continue;
      }
      const n = Math.min(BLOCK - this.headerFill, chunk.length - i);
      chunk.copy(this.header, this.headerFill, i, i + n);
      this.headerFill += n;
      i += n;
      if (this.headerFill < BLOCK) continue;
      this.headerFill = 0;
      if (this.header.every((b) => b === 0)) {
        this.ended = true; // the archive's own trailer: nothing to add
        return;
      }
      const flag = String.fromCharCode(this.header[156]!);
      let size = headerSize(this.header);
      if (flag === 'x') this.pax = [];
      else if (flag !== 'g' && flag !== 'L' && flag !== 'K') {
        if (this.nextSize !== undefined) size = this.nextSize;
        this.nextSize = undefined;
        // Directories, links and devices carry no content whatever their size field says.
        if (flag === '5' || flag === '1' || flag === '2' || flag === '3' || flag === '4' || flag === '6')
          size = 0;
      }
      this.content = size;
      this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    }
  }

  override _flush(cb: TransformCallback): void {
    if (!this.ended && this.content === 0 && this.headerFill === 0) {
      cb(null, Buffer.alloc(this.padding + 2 * BLOCK));
      return;
    }
    cb();
  }
}
