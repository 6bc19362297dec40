/**
 * Random access to the members of a tar file on disk (docker-archive, oci-archive) without extracting it:
 * one pass over the 512-byte headers records where each member's data lies.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { ShipgateError } from '../core/errors';
import { checkEntries, checkPathLength, imageLimits } from './limits';
import { normalizeEntryPath } from './paths';

export interface TarMember {
  /** Absolute normalised path inside the archive ("/manifest.json"). */
  path: string;
  offset: number;
  size: number;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  linkTarget?: string;
}

function str(buf: Buffer, start: number, len: number): string {
  const slice = buf.subarray(start, start + len);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul === -1 ? slice.length : nul).toString('utf8');
}

function octal(buf: Buffer, start: number, len: number): number {
  const field = buf.subarray(start, start + len);
  if (field[0]! & 0x80) {
    // GNU base-256 for large sizes.
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i]!;
    return n;
  }
  const s = str(buf, start, len).trim();
  return s ? parseInt(s, 8) : 0;
}

function checksumOk(h: Buffer): boolean {
  const stored = octal(h, 148, 8);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === stored;
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp === -1) break;
    const len = parseInt(data.subarray(i, sp).toString(), 10);
    if (!len) break;
    const rec = data.subarray(sp + 1, i + len - 1).toString('utf8');
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

const TYPES: Record<string, TarMember['type']> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '5': 'dir',
  '2': 'symlink',
  '1': 'hardlink',
};

/** Opens an archive file for reading, with one-line errors for a missing file or a directory. */
export async function openArchive(file: string, what: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ShipgateError('NOT_FOUND', `${what}: no such file`);
    if (code === 'EISDIR')
      throw new ShipgateError('INPUT', `${what}: is a directory, expected a tar archive`);
    throw new ShipgateError('INPUT', `${what}: cannot open (${code ?? 'error'})`);
  }
}

export class TarIndex {
  private constructor(
    readonly file: string,
    readonly members: Map<string, TarMember>,
  ) {}

  /** Reads the headers of the tar at `file`. Malformed headers are IMAGE_FORMAT errors. */
  static async open(file: string, what = file): Promise<TarIndex> {
    const fh = await openArchive(file, what);
    try {
      const { size: fileSize } = await fh.stat();
      const members = new Map<string, TarMember>();
      const limits = imageLimits();
      let entries = 0;
      const header = Buffer.alloc(512);
      let offset = 0;
      let longName: string | undefined;
      let longLink: string | undefined;
      let pax: Record<string, string> = {};
      let sawEnd = false;
      while (offset + 512 <= fileSize) {
        await fh.read(header, 0, 512, offset);
        if (header.every((b) => b === 0)) {
          sawEnd = true;
          break;
        }
        if (!checksumOk(header))
          throw new ShipgateError(
            'IMAGE_FORMAT',
            `${what}: not a tar archive (bad header at byte ${offset})`,
          );
        const flag = String.fromCharCode(header[156]!);
        const dataOffset = offset + 512;
        const isMeta = flag === 'L' || flag === 'K' || flag === 'x' || flag === 'g';
        // A pax size overrides the header's (files over 8 GiB); it must be a plain decimal number.
        if (!isMeta && pax.size !== undefined && !/^\d{1,15}$/.test(pax.size))
          throw new ShipgateError(
            'IMAGE_FORMAT',
            `${what}: invalid pax size "${pax.size.slice(0, 40)}" at byte ${offset}`,
          );
        const size = !isMeta && pax.size !== undefined ? Number(pax.size) : octal(header, 124, 12);
        if (dataOffset + size > fileSize)
          throw new ShipgateError('IMAGE_FORMAT', `${what}: truncated tar archive`, {
            hint: 'the archive is incomplete; save or copy it again',
          });
        const next = dataOffset + Math.ceil(size / 512) * 512;
        if (isMeta) {
          const data = Buffer.alloc(size);
          await fh.read(data, 0, size, dataOffset);
          if (flag === 'L') longName = str(data, 0, size);
          else if (flag === 'K') longLink = str(data, 0, size);
          else if (flag === 'x') pax = parsePax(data);
          offset = next;
          continue;
        }
        const magic = str(header, 257, 6);
        const prefix = magic.startsWith('ustar') ? str(header, 345, 155) : '';
        let name =
          longName ?? pax.path ?? (prefix ? `${prefix}/${str(header, 0, 100)}` : str(header, 0, 100));
        const link = longLink ?? pax.linkpath ?? str(header, 157, 100);
        checkPathLength(limits, what, name);
        name = normalizeEntryPath(name, `${what}: member`);
        const type = TYPES[flag] ?? 'other';
        const member: TarMember = { path: name, offset: dataOffset, size, type };
        if (type === 'symlink' || type === 'hardlink') member.linkTarget = link;
        members.set(name, member);
        checkEntries(limits, what, ++entries);
        longName = longLink = undefined;
        pax = {};
        offset = next;
      }
      if (!sawEnd && members.size === 0)
        throw new ShipgateError('IMAGE_FORMAT', `${what}: empty or not a tar archive`);
      return new TarIndex(file, members);
    } finally {
      await fh.close();
    }
  }

  /** The member at `path`, following symlinks and hard links inside the archive (docker save uses them). */
  get(path: string): TarMember | undefined {
    let p = normalizeEntryPath(path);
    for (let hops = 0; hops < 16; hops++) {
      const m = this.members.get(p);
      if (!m) return undefined;
      if (m.type === 'file') return m;
      if (m.type === 'hardlink' && m.linkTarget) p = normalizeEntryPath(m.linkTarget);
      else if (m.type === 'symlink' && m.linkTarget)
        p = normalizeEntryPath(m.linkTarget.startsWith('/') ? m.linkTarget : `${p}/../${m.linkTarget}`);
      else return undefined;
    }
    return undefined;
  }

  stream(m: TarMember): Readable {
    if (m.size === 0) return createReadStream(this.file, { start: 1, end: 0 });
    return createReadStream(this.file, {
      start: m.offset,
      end: m.offset + m.size - 1,
      highWaterMark: 256 * 1024,
    });
  }

  async read(m: TarMember, max = 64 * 1024 * 1024): Promise<Buffer> {
    if (m.size > max)
      throw new ShipgateError('IMAGE_FORMAT', `${this.file}: ${m.path} is too large (${m.size} bytes)`);
    const fh = await open(this.file, 'r');
    try {
      const buf = Buffer.alloc(m.size);
      await fh.read(buf, 0, m.size, m.offset);
      return buf;
    } finally {
      await fh.close();
    }
  }

  async head(m: TarMember, n: number): Promise<Buffer> {
    const fh = await open(this.file, 'r');
    try {
      const buf = Buffer.alloc(Math.min(n, m.size));
      await fh.read(buf, 0, buf.length, m.offset);
      return buf;
    } finally {
      await fh.close();
    }
  }
}
