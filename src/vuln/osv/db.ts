/** The loaded vulnerability data the matcher reads: compiled indexes per ecosystem archive. */
import { ecosystemBase } from '../versions';
import { normalizeName, type CompactAffected, type CompactRecord, type EcosystemIndex } from './compact';

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

export class IndexedVulnDatabase implements VulnDatabase {
  constructor(
    private readonly indexes: ReadonlyMap<string, EcosystemIndex>,
    readonly source: string,
  ) {}

  ecosystems(): string[] {
    return [...this.indexes.keys()].sort();
  }

  lookup(ecosystem: string, name: string): readonly CompactAffected[] {
    const base = ecosystemBase(ecosystem);
    const idx = this.indexes.get(base);
    if (!idx) return NONE;
    return idx.packages[normalizeName(base, name)] ?? NONE;
  }

  record(ecosystem: string, index: number): CompactRecord {
    const r = this.indexes.get(ecosystemBase(ecosystem))?.records[index];
    if (!r) throw new RangeError(`no record ${index} in ${ecosystem}`);
    return r;
  }

  /** Total records across the loaded archives. */
  recordCount(): number {
    let n = 0;
    for (const i of this.indexes.values()) n += i.records.length;
    return n;
  }
}
