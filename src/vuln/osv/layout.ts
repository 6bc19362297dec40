/**
 * The byte layout of a compiled ecosystem index. The body is a run of slots, each one JSON text: first one per
 * record, then one per package (its affected entries as a JSON array), packages sorted by the bytes of their
 * normalised name. After the slots come the names, then two tables of 4-byte little-endian offsets: where each
 * slot ends and where each name ends. A lookup binary-searches the names and decodes one slot, so only the
 * names and the tables (a few MB for the largest archive) are read when the index is opened; the slots stay
 * on disk until a package needs them.
 *
 * The writer appends each slot as soon as it is known, in 1 MiB chunks, and keeps only the packages' entries
 * as JSON text: a compile holds no decoded records, and the index is never copied whole while it grows.
 */
import { crc32 } from 'node:zlib';
import { ShipgateError } from '../../core/errors';

/** Version of the stored layout; a cache of another version is rebuilt. */
export const INDEX_FORMAT = 3;

export interface IndexHeader {
  format: number;
  /** The archive name: the ecosystem's base (before the first ':'). */
  ecosystem: string;
  builtAt: string;
  recordCount: number;
  packageCount: number;
  /** Body offset of the names (the slots end there). */
  names: number;
  /** Body offset of the offset tables (the names end there). */
  tables: number;
  /** Length of the body. */
  size: number;
  /** CRC-32 of the body. */
  crc: number;
}

/** A compiled index in memory: the header and the body in chunks, as the writer produced it. */
export interface BuiltIndex {
  header: IndexHeader;
  parts: Buffer[];
}

/**
 * Reads `length` bytes of the body at `offset`. The bytes may be a view of a buffer the next read
 * overwrites: use them before reading again.
 */
export type ReadBytes = (offset: number, length: number) => Buffer;

/** A package name as the index orders it: its UTF-8 bytes as a latin1 string, which sorts like the bytes. */
export function packageKey(name: string): string {
  return Buffer.from(name, 'utf8').toString('latin1');
}

const CHUNK = 1 << 20;
const MAX_SIZE = 2 ** 32 - 1;

/** Bytes appended in chunks, with their running CRC-32. */
class ByteSink {
  readonly parts: Buffer[] = [];
  private chunk = Buffer.alloc(0);
  private used = 0;
  size = 0;
  crc = 0;

  write(data: string | Uint8Array, encoding: 'utf8' | 'latin1' = 'utf8'): void {
    const n = typeof data === 'string' ? Buffer.byteLength(data, encoding) : data.length;
    if (this.used + n > this.chunk.length) {
      this.flush();
      if (n > CHUNK) {
        this.push(typeof data === 'string' ? Buffer.from(data, encoding) : Buffer.from(data));
        this.size += n;
        return;
      }
      this.chunk = Buffer.allocUnsafe(CHUNK);
    }
    if (typeof data === 'string') this.chunk.write(data, this.used, encoding);
    else this.chunk.set(data, this.used);
    this.used += n;
    this.size += n;
  }

  end(): Buffer[] {
    this.flush();
    return this.parts;
  }

  private flush(): void {
    // A chunk less than half full (the last one) is copied to its length: no unused tail stays allocated.
    if (this.used > 0)
      this.push(
        this.used < CHUNK / 2
          ? Buffer.from(this.chunk.subarray(0, this.used))
          : this.chunk.subarray(0, this.used),
      );
    this.chunk = Buffer.alloc(0);
    this.used = 0;
  }

  private push(b: Buffer): void {
    this.parts.push(b);
    this.crc = crc32(b, this.crc);
  }
}

/** Writes one archive's index: record slots as they come, then the packages, names and tables. */
export class IndexWriter {
  private readonly sink = new ByteSink();
  /** Body offset where each slot ends. */
  private readonly slotEnds: number[] = [];
  /** Package key (see packageKey) → its entries' JSON texts, comma-separated. */
  readonly packages = new Map<string, string>();

  constructor(
    readonly ecosystem: string,
    private readonly builtAt: string,
  ) {}

  /** Number of records written so far: the index the next record gets. */
  get records(): number {
    return this.slotEnds.length;
  }

  /** Appends a record slot (its JSON text, or those bytes copied from another index); returns its index. */
  addRecord(json: string | Uint8Array): number {
    this.sink.write(json);
    this.slotEnds.push(this.sink.size);
    return this.slotEnds.length - 1;
  }

  /** Adds one affected entry's JSON text to a package. */
  addEntry(key: string, json: string): void {
    const prev = this.packages.get(key);
    this.packages.set(key, prev === undefined ? json : `${prev},${json}`);
  }

  /** The packages added with addEntry, in index order. */
  *sortedPackages(): Generator<[key: string, entries: string]> {
    for (const key of [...this.packages.keys()].sort()) yield [key, this.packages.get(key)!];
  }

  /**
   * Writes the package slots (keys strictly increasing, entries comma-separated JSON texts), the names and the
   * tables; the writer is spent afterwards.
   */
  finish(packages: Iterable<readonly [key: string, entries: string]> = this.sortedPackages()): BuiltIndex {
    const recordCount = this.slotEnds.length;
    const keys: string[] = [];
    for (const [key, entries] of packages) {
      if (keys.length && key <= keys[keys.length - 1]!)
        throw new ShipgateError('INTERNAL', `OSV index: package "${key}" out of order`);
      this.sink.write(`[${entries}]`);
      this.slotEnds.push(this.sink.size);
      keys.push(key);
    }
    this.packages.clear();
    const names = this.sink.size;
    const nameEnds: number[] = [];
    for (const key of keys) {
      this.sink.write(key, 'latin1');
      nameEnds.push(this.sink.size);
    }
    const tables = this.sink.size;
    const table = Buffer.alloc(4 * (this.slotEnds.length + 1 + keys.length + 1));
    if (tables + table.length > MAX_SIZE)
      throw new ShipgateError('VULN_DB', `the OSV ${this.ecosystem} index would exceed 4 GiB`, {
        hint: 'use the OSV API mode (SHIPGATE_OSV_MODE=api) for this ecosystem',
      });
    let p = table.writeUInt32LE(0, 0);
    for (const end of this.slotEnds) p = table.writeUInt32LE(end, p);
    p = table.writeUInt32LE(names, p);
    for (const end of nameEnds) p = table.writeUInt32LE(end, p);
    this.sink.write(table);
    const parts = this.sink.end();
    return {
      header: {
        format: INDEX_FORMAT,
        ecosystem: this.ecosystem,
        builtAt: this.builtAt,
        recordCount,
        packageCount: keys.length,
        names,
        tables,
        size: this.sink.size,
        crc: this.sink.crc,
      },
      parts,
    };
  }
}

/** Reads across the chunks of a built body without joining them. */
function partsReader(parts: readonly Buffer[]): ReadBytes {
  const starts: number[] = [];
  let size = 0;
  for (const p of parts) {
    starts.push(size);
    size += p.length;
  }
  return (offset, length) => {
    let lo = 0;
    let hi = parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const at = offset - (starts[lo] ?? 0);
    const first = parts[lo];
    if (!first || at + length <= first.length) return (first ?? Buffer.alloc(0)).subarray(at, at + length);
    const out = Buffer.allocUnsafe(length);
    let got = first.copy(out, 0, at);
    for (let i = lo + 1; got < length && i < parts.length; i++)
      got += parts[i]!.copy(out, got, 0, length - got);
    return out.subarray(0, got);
  };
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** A header read from storage, checked field by field; undefined when it is not one of this format. */
export function asHeader(v: unknown): IndexHeader | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const h = v as Record<string, unknown>;
  if (h.format !== INDEX_FORMAT || typeof h.ecosystem !== 'string' || typeof h.builtAt !== 'string')
    return undefined;
  for (const k of ['recordCount', 'packageCount', 'names', 'tables', 'size', 'crc'])
    if (!isCount(h[k])) return undefined;
  return h as unknown as IndexHeader;
}

/** Read access to a compiled index: binary search over the names, slots decoded on demand. */
export class CompiledIndex {
  private constructor(
    readonly header: IndexHeader,
    private readonly read: ReadBytes,
    /** The names and the tables. */
    private readonly tail: Buffer,
  ) {}

  /** The built index, read from its chunks in memory. */
  static fromBuilt(built: BuiltIndex): CompiledIndex {
    const index = CompiledIndex.open(built.header, partsReader(built.parts));
    if (!index)
      throw new ShipgateError('INTERNAL', `OSV ${built.header.ecosystem} index: inconsistent tables`);
    return index;
  }

  /**
   * Opens an index over its body, checking that the tables are consistent: offsets in order and inside the
   * body. Undefined when they are not (the caller rebuilds). The body's checksum is the caller's to check.
   */
  static open(header: IndexHeader, read: ReadBytes): CompiledIndex | undefined {
    const slots = header.recordCount + header.packageCount;
    const { names, tables, size } = header;
    if (!(names <= tables && tables + 4 * (slots + header.packageCount + 2) === size)) return undefined;
    const tail = Buffer.from(read(names, size - names));
    if (tail.length !== size - names) return undefined;
    const index = new CompiledIndex(header, read, tail);
    let prev = 0;
    for (let k = 0; k <= slots; k++) {
      const o = index.slotEnd(k - 1);
      if (o < prev || (k === 0 && o !== 0)) return undefined;
      prev = o;
    }
    if (prev !== names) return undefined;
    for (let j = 0; j <= header.packageCount; j++) {
      const o = index.nameEnd(j - 1);
      if (o < prev || (j === 0 && o !== names)) return undefined;
      prev = o;
    }
    return prev === tables ? index : undefined;
  }

  get recordCount(): number {
    return this.header.recordCount;
  }

  get packageCount(): number {
    return this.header.packageCount;
  }

  /** End of slot k (k = -1: 0). */
  private slotEnd(k: number): number {
    return this.tail.readUInt32LE(this.header.tables - this.header.names + 4 * (k + 1));
  }

  /** End of name j (j = -1: where the names start). */
  private nameEnd(j: number): number {
    const slots = this.header.recordCount + this.header.packageCount;
    return this.tail.readUInt32LE(this.header.tables - this.header.names + 4 * (slots + 2 + j));
  }

  /** The bytes of a slot; see ReadBytes for how long they stay valid. */
  slotBytes(k: number): Buffer {
    const start = this.slotEnd(k - 1);
    return this.read(start, this.slotEnd(k) - start);
  }

  slotJson<T>(k: number): T {
    return JSON.parse(this.slotBytes(k).toString('utf8')) as T;
  }

  /** The key (see packageKey) of the j-th package. */
  packageKeyAt(j: number): string {
    const base = this.header.names;
    return this.tail.toString('latin1', this.nameEnd(j - 1) - base, this.nameEnd(j) - base);
  }

  /** The slot of a package by its normalised name, or undefined. */
  packageSlot(name: string): number | undefined {
    const key = Buffer.from(name, 'utf8');
    const base = this.header.names;
    let lo = 0;
    let hi = this.header.packageCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = Buffer.compare(
        this.tail.subarray(this.nameEnd(mid - 1) - base, this.nameEnd(mid) - base),
        key,
      );
      if (c === 0) return this.header.recordCount + mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}
