/**
 * Reads rpm header blobs as stored in the rpm database (all three backends store the same blob): a count of
 * index entries, the data length, 16-byte index entries (tag, type, offset, count; big-endian) and the data.
 */
import { ShipgateError } from '../../core/errors';
const RPMTAG = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  LICENSE: 1014,
  ARCH: 1022,
  SOURCERPM: 1044,
  MODULARITYLABEL: 5096,
} as const;

const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;

export interface RpmHeader {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  sourceRpm?: string;
  license?: string;
  modularityLabel?: string;
}

const WANTED = new Set<number>(Object.values(RPMTAG));

/** Parses one header blob; throws on a malformed blob. */
export function parseRpmHeader(blob: Uint8Array): RpmHeader {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.byteLength < 8) throw new ShipgateError('IMAGE_FORMAT', 'rpm header too short');
  const il = view.getUint32(0);
  const dl = view.getUint32(4);
  const dataStart = 8 + il * 16;
  if (il > 0xffff || dataStart + dl > blob.byteLength)
    throw new ShipgateError('IMAGE_FORMAT', 'rpm header index out of bounds');
  const strings = new Map<number, string>();
  let epoch: number | undefined;
  const decoder = new TextDecoder();
  for (let i = 0; i < il; i++) {
    const at = 8 + i * 16;
    const tag = view.getUint32(at);
    if (!WANTED.has(tag)) continue;
    const type = view.getUint32(at + 4);
    const offset = view.getInt32(at + 8);
    if (offset < 0 || offset >= dl) continue;
    const start = dataStart + offset;
    if (type === TYPE_INT32) {
      if (start + 4 <= dataStart + dl) epoch = view.getInt32(start);
    } else if (type === TYPE_STRING || type === TYPE_I18NSTRING || type === TYPE_STRING_ARRAY) {
      let end = start;
      while (end < dataStart + dl && blob[end] !== 0) end++;
      strings.set(tag, decoder.decode(blob.subarray(start, end)));
    }
  }
  const name = strings.get(RPMTAG.NAME);
  const version = strings.get(RPMTAG.VERSION);
  if (!name || version === undefined)
    throw new ShipgateError('IMAGE_FORMAT', 'rpm header without name or version');
  const h: RpmHeader = { name, version, release: strings.get(RPMTAG.RELEASE) ?? '' };
  if (epoch !== undefined) h.epoch = epoch;
  const arch = strings.get(RPMTAG.ARCH);
  if (arch) h.arch = arch;
  const src = strings.get(RPMTAG.SOURCERPM);
  if (src && src !== '(none)') h.sourceRpm = src;
  const license = strings.get(RPMTAG.LICENSE);
  if (license) h.license = license;
  const mod = strings.get(RPMTAG.MODULARITYLABEL);
  if (mod) h.modularityLabel = mod;
  return h;
}

/** "bash-5.2.15-1.fc39.src.rpm" → name "bash", version "5.2.15-1.fc39". */
export function splitSourceRpm(file: string): { name: string; version: string } | undefined {
  const base = file.replace(/\.(no)?src\.rpm$/, '');
  const rel = base.lastIndexOf('-');
  const ver = rel > 0 ? base.lastIndexOf('-', rel - 1) : -1;
  if (ver <= 0) return undefined;
  return { name: base.slice(0, ver), version: base.slice(ver + 1) };
}
