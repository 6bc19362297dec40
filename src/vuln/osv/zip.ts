/**
 * Reads the entries of a zip archive one at a time, checking every entry's CRC-32 and size, so a
 * truncated or corrupted download is rejected instead of half-loaded. Inflating is fflate's; this file
 * only walks the central directory (including Zip64, which large OSV archives need).
 */
import { inflateSync } from 'fflate';

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u64(view: DataView, off: number): number {
  const lo = view.getUint32(off, true);
  const hi = view.getUint32(off + 4, true);
  return hi * 2 ** 32 + lo;
}

/** Lists the entries from the central directory. Throws ZipError when the archive is not a complete zip. */
export function listZip(buf: Uint8Array): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory (truncated or not a zip)');
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== EOCD64_LOCATOR) throw new ZipError('missing Zip64 locator');
    const e64 = u64(view, loc + 8);
    if (e64 + 56 > buf.length || view.getUint32(e64, true) !== EOCD64)
      throw new ZipError('bad Zip64 end record');
    count = u64(view, e64 + 32);
    cdSize = u64(view, e64 + 40);
    cdOffset = u64(view, e64 + 48);
  }
  if (cdOffset + cdSize > buf.length) throw new ZipError('central directory outside the file (truncated)');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== CENTRAL)
      throw new ZipError('corrupt central directory');
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen));
    let x = p + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff) {
          size = u64(view, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(view, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(view, q);
      }
      x += 4 + len;
    }
    entries.push({ name, method, crc, compressedSize, size, localOffset });
    p = extraEnd + commentLen;
  }
  return entries;
}

/** Returns the entry's bytes, inflated and checked against its CRC-32 and size. */
export function readZipEntry(buf: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (e.localOffset + 30 > buf.length || view.getUint32(e.localOffset, true) !== LOCAL)
    throw new ZipError(`${e.name}: bad local header`);
  const start =
    e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  if (start + e.compressedSize > buf.length) throw new ZipError(`${e.name}: data past the end (truncated)`);
  const raw = buf.subarray(start, start + e.compressedSize);
  let data: Uint8Array;
  if (e.method === 0) data = raw;
  else if (e.method === 8) {
    try {
      data = inflateSync(raw, { out: new Uint8Array(e.size) });
    } catch (err) {
      throw new ZipError(`${e.name}: ${(err as Error).message}`);
    }
  } else throw new ZipError(`${e.name}: unsupported compression method ${e.method}`);
  if (data.length !== e.size) throw new ZipError(`${e.name}: size mismatch`);
  if (crc32(data) !== e.crc) throw new ZipError(`${e.name}: CRC mismatch`);
  return data;
}

/** Iterates over the archive's files (directories skipped), verified. */
export function* zipFiles(buf: Uint8Array): Generator<{ name: string; data: Uint8Array }> {
  for (const e of listZip(buf)) {
    if (e.name.endsWith('/')) continue;
    yield { name: e.name, data: readZipEntry(buf, e) };
  }
}
