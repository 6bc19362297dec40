/**
 * Reads the package blobs of an rpm ndb database (`Packages.db`, SUSE): a header page with slots
 * (magic "Slot", package index, block offset, block count; little-endian), each pointing at a blob
 * (magic "BlbS", package index, generation, length) in 16-byte blocks.
 */
import { ShipgateError } from '../../core/errors';
const HEADER_MAGIC = 0x506d7052; // "RpmP"
const SLOT_MAGIC = 0x746f6c53; // "Slot"
const BLOB_MAGIC = 0x53626c42; // "BlbS"
const PAGE_SIZE = 4096;
const SLOT_SIZE = 16;
const BLOCK_SIZE = 16;

export function readNdbBlobs(db: Uint8Array): Uint8Array[] {
  const view = new DataView(db.buffer, db.byteOffset, db.byteLength);
  if (db.byteLength < PAGE_SIZE) throw new ShipgateError('IMAGE_FORMAT', 'ndb file too short');
  if (view.getUint32(0, true) !== HEADER_MAGIC)
    throw new ShipgateError('IMAGE_FORMAT', 'not an rpm ndb database');
  if (view.getUint32(4, true) !== 0) throw new ShipgateError('IMAGE_FORMAT', 'unsupported ndb version');
  const slotPages = view.getUint32(12, true);
  if (slotPages === 0 || slotPages > 2048 || slotPages * PAGE_SIZE > db.byteLength)
    throw new ShipgateError('IMAGE_FORMAT', 'bad ndb slot page count');
  const out: Uint8Array[] = [];
  // The first two slot-sized cells of page 0 hold the database header.
  for (let at = 2 * SLOT_SIZE; at < slotPages * PAGE_SIZE; at += SLOT_SIZE) {
    if (view.getUint32(at, true) !== SLOT_MAGIC) throw new ShipgateError('IMAGE_FORMAT', 'bad ndb slot');
    const pkgIndex = view.getUint32(at + 4, true);
    if (pkgIndex === 0) continue;
    const blob = view.getUint32(at + 8, true) * BLOCK_SIZE;
    if (blob + 16 > db.byteLength) throw new ShipgateError('IMAGE_FORMAT', 'ndb blob out of bounds');
    if (view.getUint32(blob, true) !== BLOB_MAGIC || view.getUint32(blob + 4, true) !== pkgIndex) {
      throw new ShipgateError('IMAGE_FORMAT', 'bad ndb blob header');
    }
    const len = view.getUint32(blob + 12, true);
    if (blob + 16 + len > db.byteLength) throw new ShipgateError('IMAGE_FORMAT', 'ndb blob out of bounds');
    out.push(db.subarray(blob + 16, blob + 16 + len));
  }
  return out;
}
