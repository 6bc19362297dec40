/**
 * Reads the values of a Berkeley DB hash database (rpm's `Packages` on RHEL/CentOS 7-8 and Amazon Linux 2).
 * Only what rpm needs: every data item of the hash pages, on-page or in overflow page chains.
 */
import { ShipgateError } from '../../core/errors';
const HASH_MAGIC = 0x061561;
const PAGE_HEADER = 26;
const P_HASH_UNSORTED = 2;
const P_HASH = 13;
const P_OVERFLOW = 7;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;

export function readBdbHashValues(db: Uint8Array): Uint8Array[] {
  const view = new DataView(db.buffer, db.byteOffset, db.byteLength);
  if (db.byteLength < 512) throw new ShipgateError('IMAGE_FORMAT', 'Berkeley DB file too short');
  let le = true;
  if (view.getUint32(12, true) !== HASH_MAGIC) {
    if (view.getUint32(12, false) !== HASH_MAGIC)
      throw new ShipgateError('IMAGE_FORMAT', 'not a Berkeley DB hash database');
    le = false;
  }
  const u32 = (at: number): number => view.getUint32(at, le);
  const u16 = (at: number): number => view.getUint16(at, le);
  const pageSize = u32(20);
  const lastPage = u32(32);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
    throw new ShipgateError('IMAGE_FORMAT', 'bad page size');
  if (view.getUint8(24) !== 0)
    throw new ShipgateError('IMAGE_FORMAT', 'encrypted Berkeley DB is not supported');

  const out: Uint8Array[] = [];
  for (let page = 1; page <= lastPage; page++) {
    const base = page * pageSize;
    if (base + pageSize > db.byteLength) break;
    const type = view.getUint8(base + 25);
    if (type !== P_HASH && type !== P_HASH_UNSORTED) continue;
    const entries = u16(base + 20);
    // Items are stored from the end of the page down; the index array after the header holds their offsets.
    for (let i = 1; i < entries; i += 2) {
      const off = u16(base + PAGE_HEADER + i * 2);
      const end = u16(base + PAGE_HEADER + (i - 1) * 2);
      const itemType = view.getUint8(base + off);
      if (itemType === H_KEYDATA) {
        out.push(db.subarray(base + off + 1, base + end));
      } else if (itemType === H_OFFPAGE) {
        out.push(readOverflow(db, view, le, pageSize, u32(base + off + 4), u32(base + off + 8)));
      }
    }
  }
  return out;
}

function readOverflow(
  db: Uint8Array,
  view: DataView,
  le: boolean,
  pageSize: number,
  first: number,
  length: number,
): Uint8Array {
  const out = new Uint8Array(length);
  let filled = 0;
  const seen = new Set<number>();
  for (let page = first; page !== 0 && filled < length;) {
    if (seen.has(page)) throw new ShipgateError('IMAGE_FORMAT', 'overflow page loop');
    seen.add(page);
    const base = page * pageSize;
    if (base + pageSize > db.byteLength)
      throw new ShipgateError('IMAGE_FORMAT', 'overflow page out of bounds');
    if (view.getUint8(base + 25) !== P_OVERFLOW)
      throw new ShipgateError('IMAGE_FORMAT', 'expected an overflow page');
    // On overflow pages the "free area offset" field holds the number of bytes used.
    const used = Math.min(view.getUint16(base + 22, le), pageSize - PAGE_HEADER, length - filled);
    out.set(db.subarray(base + PAGE_HEADER, base + PAGE_HEADER + used), filled);
    filled += used;
    page = view.getUint32(base + 16, le);
  }
  if (filled !== length) throw new ShipgateError('IMAGE_FORMAT', 'truncated overflow chain');
  return out;
}
