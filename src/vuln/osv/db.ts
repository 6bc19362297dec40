/** The loaded vulnerability data the matcher reads: compiled indexes per ecosystem archive. */
import { ecosystemBase } from '../versions';
import { ShipgateError } from '../../core/errors';
import { normalizeName, type CompactAffected, type CompactRecord } from './compact';
import type { CompiledIndex } from './layout';

export interface VulnDatabase {
  /** Where the data came from, for logs and reports ("osv database (cache, 2026-11-25T10:00:00Z)"). */
  readonly source: string;
  /** Archive names (ecosystem bases) present. */
  ecosystems(): string[];
  /** Affected entries naming this package in any release of the ecosystem's archive. */
  lookup(ecosystem: string, name: string): readonly CompactAffected[];
  /** The record an affected entry points at. */
  record(ecosystem: string, index: number): CompactRecord;
}

const NONE: readonly CompactAffected[] = Object.freeze([]);

/** One archive's index, decoding entries and records on first use. */
class IndexView {
  private readonly entries = new Map<string, readonly CompactAffected[]>();
  private readonly records = new Map<number, CompactRecord>();

  constructor(private readonly index: CompiledIndex) {}

  get recordCount(): number {
    return this.index.recordCount;
  }

  lookup(key: string): readonly CompactAffected[] {
    let e = this.entries.get(key);
    if (e) return e;
    const k = this.index.packageSlot(key);
    e = k === undefined ? NONE : this.index.slotJson<CompactAffected[]>(k);
    this.entries.set(key, e);
    return e;
  }

  record(i: number): CompactRecord | undefined {
    let r = this.records.get(i);
    if (r) return r;
    if (!Number.isInteger(i) || i < 0 || i >= this.index.recordCount) return undefined;
    r = this.index.slotJson<CompactRecord>(i);
    this.records.set(i, r);
    return r;
  }
}

export class IndexedVulnDatabase implements VulnDatabase {
  private readonly views = new Map<string, IndexView>();

  constructor(
    indexes: ReadonlyMap<string, CompiledIndex>,
    readonly source: string,
  ) {
    for (const [k, v] of indexes) this.views.set(k, new IndexView(v));
  }

  ecosystems(): string[] {
    return [...this.views.keys()].sort();
  }

  lookup(ecosystem: string, name: string): readonly CompactAffected[] {
    const base = ecosystemBase(ecosystem);
    return this.views.get(base)?.lookup(normalizeName(base, name)) ?? NONE;
  }

  record(ecosystem: string, index: number): CompactRecord {
    const r = this.views.get(ecosystemBase(ecosystem))?.record(index);
    if (!r) throw new ShipgateError('INTERNAL', `no record ${index} in ${ecosystem}`);
    return r;
  }

  /** Total records across the loaded archives. */
  recordCount(): number {
    let n = 0;
    for (const v of this.views.values()) n += v.recordCount;
    return n;
  }
}

/** Several databases side by side, each answering for the archives it holds (archive and API parts). */
export class ComposedVulnDatabase implements VulnDatabase {
  private readonly byBase = new Map<string, VulnDatabase>();

  constructor(
    parts: readonly VulnDatabase[],
    readonly source: string,
  ) {
    for (const p of parts) for (const e of p.ecosystems()) this.byBase.set(e, p);
  }

  ecosystems(): string[] {
    return [...this.byBase.keys()].sort();
  }

  lookup(ecosystem: string, name: string): readonly CompactAffected[] {
    return this.byBase.get(ecosystemBase(ecosystem))?.lookup(ecosystem, name) ?? NONE;
  }

  record(ecosystem: string, index: number): CompactRecord {
    const part = this.byBase.get(ecosystemBase(ecosystem));
    if (!part) throw new ShipgateError('INTERNAL', `no record ${index} in ${ecosystem}`);
    return part.record(ecosystem, index);
  }
}
