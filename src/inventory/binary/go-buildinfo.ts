import { parseElf, readAddress, sectionData, type Elf } from './elf';

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const FLAG_BIG_ENDIAN = 0x1;
const FLAG_INLINE = 0x2;

export interface GoModule {
  path: string;
  version: string;
  sum?: string;
  replace?: GoModule;
}

export interface GoBuildInfo {
  /** "go1.21.5" */
  goVersion: string;
  /** The main package path ("path" line). */
  path?: string;
  main?: GoModule;
  deps: GoModule[];
  settings: Record<string, string>;
}

function uvarint(buf: Uint8Array, at: number): [value: number, next: number] | undefined {
  let x = 0;
  let s = 1;
  for (let i = 0; i < 10 && at + i < buf.byteLength; i++) {
    const b = buf[at + i]!;
    x += (b & 0x7f) * s;
    if (b < 0x80) return [x, at + i + 1];
    s *= 128;
  }
  return undefined;
}

/** Reads a Go string header {ptr, len} at a virtual address, then the string itself. */
function readGoString(
  elf: Elf,
  content: Uint8Array,
  addr: bigint,
  ptrSize: number,
  bigEndian: boolean,
): string | undefined {
  const hdr = readAddress(elf, content, addr, ptrSize * 2);
  if (!hdr) return undefined;
  const v = new DataView(hdr.buffer, hdr.byteOffset, hdr.byteLength);
  const ptr = ptrSize === 8 ? v.getBigUint64(0, !bigEndian) : BigInt(v.getUint32(0, !bigEndian));
  const len = ptrSize === 8 ? Number(v.getBigUint64(8, !bigEndian)) : v.getUint32(4, !bigEndian);
  if (len > 16 * 1024 * 1024) return undefined;
  const data = readAddress(elf, content, ptr, len);
  return data ? Buffer.from(data).toString('utf8') : undefined;
}

/** The raw Go version and module info strings of a Go ELF binary, or undefined when it is not one. */
function readGoBuildInfoStrings(content: Uint8Array): { version: string; modinfo: string } | undefined {
  const elf = parseElf(content);
  if (!elf) return undefined;
  let data = sectionData(elf, content, '.go.buildinfo');
  if (!data) {
    // Stripped section table: the blob is 16-byte aligned somewhere in the file.
    const at = Buffer.from(content.buffer, content.byteOffset, content.byteLength).indexOf(MAGIC);
    if (at < 0 || at % 16 !== 0) return undefined;
    data = content.subarray(at, Math.min(at + 64 * 1024, content.byteLength));
  }
  if (data.byteLength < 32 || !Buffer.from(data.subarray(0, 14)).equals(MAGIC)) return undefined;
  const ptrSize = data[14]!;
  const flags = data[15]!;
  let version: string | undefined;
  let modinfo: string | undefined;
  if (flags & FLAG_INLINE) {
    const v = uvarint(data, 32);
    if (!v) return undefined;
    version = Buffer.from(data.subarray(v[1], v[1] + v[0])).toString('utf8');
    const m = uvarint(data, v[1] + v[0]);
    if (!m) return undefined;
    modinfo = Buffer.from(data.subarray(m[1], m[1] + m[0])).toString('utf8');
  } else {
    if (ptrSize !== 4 && ptrSize !== 8) return undefined;
    const bigEndian = (flags & FLAG_BIG_ENDIAN) !== 0;
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const ptr = (at: number): bigint =>
      ptrSize === 8 ? dv.getBigUint64(at, !bigEndian) : BigInt(dv.getUint32(at, !bigEndian));
    version = readGoString(elf, content, ptr(16), ptrSize, bigEndian);
    modinfo = readGoString(elf, content, ptr(16 + ptrSize), ptrSize, bigEndian);
  }
  if (!version) return undefined;
  // modinfo is framed by two 16-byte sentinels.
  if (modinfo && modinfo.length >= 33 && modinfo[modinfo.length - 17] === '\n')
    modinfo = modinfo.slice(16, -16);
  return { version, modinfo: modinfo ?? '' };
}

/** Parses the module info text (`path`, `mod`, `dep`, `=>`, `build` lines). */
function parseModInfo(goVersion: string, modinfo: string): GoBuildInfo {
  const info: GoBuildInfo = { goVersion, deps: [], settings: {} };
  let last: GoModule | undefined;
  for (const line of modinfo.split('\n')) {
    const f = line.split('\t');
    const mod = (): GoModule => {
      const m: GoModule = { path: f[1] ?? '', version: f[2] ?? '' };
      if (f[3]) m.sum = f[3];
      return m;
    };
    switch (f[0]) {
      case 'path':
        info.path = f[1];
        break;
      case 'mod':
        info.main = last = mod();
        break;
      case 'dep':
        last = mod();
        info.deps.push(last);
        break;
      case '=>':
        if (last) last.replace = mod();
        break;
      case 'build': {
        const kv = f.slice(1).join('\t');
        const eq = kv.indexOf('=');
        if (eq > 0) info.settings[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
    }
  }
  return info;
}

export function readGoBuildInfo(content: Uint8Array): GoBuildInfo | undefined {
  const raw = readGoBuildInfoStrings(content);
  return raw ? parseModInfo(raw.version, raw.modinfo) : undefined;
}
