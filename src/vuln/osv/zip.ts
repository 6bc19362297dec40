/**
 * Reads the entries of a zip archive one at a time, checking every entry's CRC-32 and size, so a
 * truncated or corrupted download is rejected instead of half-loaded. Inflating and CRC-32 are zlib's; this
 * file only walks the central directory (including Zip64, which large OSV archives need).
 */
import { fstatSync, readSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { ShipgateError } from '../../core/errors';

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** A zip that is truncated or corrupt: the vulnerability data cannot be trusted. */
function zipError(message: string): ShipgateError {
  const e = new ShipgateError('VULN_DB', message, {
    hint: 'download the archive again or remove the cached copy',
  });
  zipErrors.add(e);
  return e;
}
const zipErrors = new WeakSet<Error>();

/** True for the errors this reader throws (a broken archive), as opposed to errors of the records inside it. */
export function isZipError(e: unknown): e is ShipgateError {
  return e instanceof Error && zipErrors.has(e);
}

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function u64(view: DataView, off: number): number {
  const lo = view.getUint32(off, true);
  const hi = view.getUint32(off + 4, true);
  return hi * 2 ** 32 + lo;
}

/** Random access to the archive's bytes: a buffer, or a file read piece by piece. */
export interface ZipSource {
  size: number;
  /** The bytes may be a view of a buffer the next read overwrites: use them before reading again. */
  read(offset: number, length: number): Uint8Array;
}

const WINDOW = 1 << 20;

/**
 * Reads the archive from an open file, so a large download never has to sit in memory whole. Reads go
 * through one reused window: entries read in order cost one read a window, not two an entry.
 */
export function fileSource(fd: number): ZipSource {
  const window = Buffer.allocUnsafe(WINDOW);
  let from = 0;
  let to = 0;
  return {
    size: fstatSync(fd).size,
    read(o, n) {
      if (o >= from && o + n <= to) return window.subarray(o - from, o - from + n);
      if (n > WINDOW) {
        const out = Buffer.allocUnsafe(n);
        return out.subarray(0, readSync(fd, out, 0, n, o));
      }
      from = o;
      to = o + readSync(fd, window, 0, WINDOW, o);
      return window.subarray(0, Math.min(n, to - from));
    },
  };
}

function viewOf(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Lists the entries from the central directory. Throws a VULN_DB error when the archive is not a complete zip. */
function listZip(src: ZipSource): ZipEntry[] {
  const tailLen = Math.min(src.size, 22 + 0xffff + 20);
  const tailStart = src.size - tailLen;
  const tail = src.read(tailStart, tailLen);
  const tv = viewOf(tail);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw zipError('no end of central directory (truncated or not a zip)');
  let count = tv.getUint16(eocd + 10, true);
  let cdSize = tv.getUint32(eocd + 12, true);
  let cdOffset = tv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || tv.getUint32(loc, true) !== EOCD64_LOCATOR) throw zipError('missing Zip64 locator');
    const e64 = u64(tv, loc + 8);
    const rec = src.read(e64, 56);
    const rv = viewOf(rec);
    if (rec.length < 56 || rv.getUint32(0, true) !== EOCD64) throw zipError('bad Zip64 end record');
    count = u64(rv, 32);
    cdSize = u64(rv, 40);
    cdOffset = u64(rv, 48);
  }
  if (cdOffset + cdSize > src.size) throw zipError('central directory outside the file (truncated)');
  const cd = src.read(cdOffset, cdSize);
  const view = viewOf(cd);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || view.getUint32(p, true) !== CENTRAL)
      throw zipError('corrupt central directory');
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(cd.subarray(p + 46, p + 46 + nameLen));
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
function readZipEntry(src: ZipSource, e: ZipEntry): Uint8Array {
  const head = src.read(e.localOffset, 30);
  const hv = viewOf(head);
  if (head.length < 30 || hv.getUint32(0, true) !== LOCAL) throw zipError(`${e.name}: bad local header`);
  const start = e.localOffset + 30 + hv.getUint16(26, true) + hv.getUint16(28, true);
  if (start + e.compressedSize > src.size) throw zipError(`${e.name}: data past the end (truncated)`);
  const raw = src.read(start, e.compressedSize);
  let data: Uint8Array;
  if (e.method === 0) data = Buffer.from(raw);
  else if (e.method === 8) {
    try {
      // More output than the directory states is an error, not an allocation; an entry up to 1 MiB is
      // inflated into one buffer (zlib's default is 16 kB pieces joined).
      data = inflateRawSync(raw, {
        maxOutputLength: Math.max(1, e.size),
        chunkSize: Math.min(Math.max(64, e.size + 1), WINDOW),
      });
    } catch (err) {
      throw zipError(`${e.name}: ${(err as Error).message}`);
    }
  } else throw zipError(`${e.name}: unsupported compression method ${e.method}`);
  if (data.length !== e.size) throw zipError(`${e.name}: size mismatch`);
  if (crc32(data) !== e.crc) throw zipError(`${e.name}: CRC mismatch`);
  return data;
}

/** Iterates over the archive's files (directories skipped), verified. */
export function* zipFiles(src: ZipSource): Generator<{ name: string; data: Uint8Array }> {
  for (const e of listZip(src)) {
    if (e.name.endsWith('/')) continue;
    yield { name: e.name, data: readZipEntry(src, e) };
  }
}
