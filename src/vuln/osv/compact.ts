/**
 * The compiled index: per OSV ecosystem archive (Debian, npm, ...), a map from normalised package
 * name to the affected entries that name it, each pointing at a compact copy of its record (what a
 * finding needs: ids, summary, severity, references). Events are sorted in the ecosystem's order at
 * compile time, and explicit `versions` already covered by the ranges are dropped, so matching does
 * only a few comparisons per entry. How the index is laid out in bytes: layout.ts.
 */
import { comparatorFor, ecosystemBase, semverComparator, type Comparator } from '../versions';
import { CompiledIndex, IndexWriter, packageKey, type BuiltIndex } from './layout';
import type { OsvAffected, OsvRecord, OsvSeverity } from './types';

/** One event: [kind, version] with kind i(ntroduced), f(ixed), l(ast_affected), x (limit). */
type CompactEvent = [kind: 'i' | 'f' | 'l' | 'x', version: string];

export interface CompactRange {
  /** E = ECOSYSTEM, S = SEMVER. GIT ranges say nothing about package versions and are not kept. */
  t: 'E' | 'S';
  ev: CompactEvent[];
}

export interface CompactAffected {
  /** Index of the record in its archive's index. */
  r: number;
  /** The full ecosystem string, e.g. "Debian:12", "Ubuntu:Pro:22.04:LTS". */
  e: string;
  ranges: CompactRange[];
  /** Explicitly listed affected versions not already inside the ranges. */
  v?: string[];
  /** Per-affected severity (OSV 1.6 allows it here as well). */
  sev?: OsvSeverity[];
  /** Distro rating: Debian urgency, Ubuntu priority, Red Hat severity. */
  rating?: string;
  /** rpm module stream "name:stream" the entry is limited to. */
  module?: string;
}

export interface CompactRecord {
  id: string;
  aliases?: string[];
  upstream?: string[];
  related?: string[];
  summary?: string;
  published?: string;
  modified?: string;
  withdrawn?: string;
  severity?: OsvSeverity[];
  /** GHSA database_specific.severity (CRITICAL, HIGH, MODERATE, LOW). */
  dbSeverity?: string;
  references?: string[];
}

/** Package names as OSV writes them, made comparable (PEP 503 for PyPI, case-folded where names are). */
export function normalizeName(ecosystem: string, name: string): string {
  const base = ecosystemBase(ecosystem);
  if (base === 'PyPI') return name.toLowerCase().replace(/[-_.]+/g, '-');
  if (base === 'crates.io' || base === 'Debian' || base === 'Ubuntu' || base === 'Alpine')
    return name.toLowerCase();
  return name;
}

const MAX_REFERENCES = 20;
const MAX_SUMMARY = 300;

function summaryOf(r: OsvRecord): string | undefined {
  const s = r.summary?.trim() || r.details?.trim().split('\n')[0]?.trim();
  if (!s) return undefined;
  return s.length > MAX_SUMMARY ? `${s.slice(0, MAX_SUMMARY - 1)}…` : s;
}

function compactRecord(r: OsvRecord): CompactRecord {
  const c: CompactRecord = { id: r.id };
  if (r.aliases?.length) c.aliases = r.aliases;
  if (r.upstream?.length) c.upstream = r.upstream;
  if (r.related?.length) c.related = r.related;
  const summary = summaryOf(r);
  if (summary) c.summary = summary;
  if (r.published) c.published = r.published;
  if (r.modified) c.modified = r.modified;
  if (r.withdrawn) c.withdrawn = r.withdrawn;
  if (r.severity?.length) c.severity = r.severity;
  const dbs = r.database_specific?.severity;
  if (typeof dbs === 'string') c.dbSeverity = dbs;
  const refs = (r.references ?? []).map((x) => x.url).filter((u): u is string => typeof u === 'string');
  if (refs.length) c.references = refs.slice(0, MAX_REFERENCES);
  return c;
}

function eventOf(e: Record<string, unknown>): CompactEvent | undefined {
  if (typeof e.introduced === 'string') return ['i', e.introduced];
  if (typeof e.fixed === 'string') return ['f', e.fixed];
  if (typeof e.last_affected === 'string') return ['l', e.last_affected];
  if (typeof e.limit === 'string') return ['x', e.limit];
  return undefined;
}

function isZero(v: string): boolean {
  return v === '0';
}

/** Sorts events by version in the comparator's order ("0" and unparseable ones keep their place first). */
function sortEvents(ev: CompactEvent[], cmp: Comparator): CompactEvent[] {
  const safe = (a: string, b: string): number => {
    if (isZero(a)) return isZero(b) ? 0 : -1;
    if (isZero(b)) return 1;
    if (a === '*' || b === '*') return a === b ? 0 : a === '*' ? 1 : -1;
    try {
      return cmp.compare(a, b);
    } catch {
      return 0;
    }
  };
  return ev
    .map((e, i) => ({ e, i }))
    .sort((x, y) => safe(x.e[1], y.e[1]) || x.i - y.i)
    .map((x) => x.e);
}

function ratingOf(a: OsvAffected): string | undefined {
  const es = a.ecosystem_specific;
  const ds = a.database_specific;
  for (const v of [es?.urgency, es?.priority, es?.severity, ds?.severity, ds?.urgency])
    if (typeof v === 'string' && v.trim()) return v.trim();
  return undefined;
}

function moduleOf(a: OsvAffected): string | undefined {
  const es = a.ecosystem_specific;
  if (es && typeof es.module === 'string') return es.module;
  const purl = a.package?.purl;
  const m = purl ? /[?&]rpmmod=([^&#]+)/.exec(purl) : null;
  return m ? decodeURIComponent(m[1]!) : undefined;
}

function compactAffected(a: OsvAffected, recordIndex: number): CompactAffected | undefined {
  const pkg = a.package;
  if (!pkg) return undefined;
  const cmp = comparatorFor(pkg.ecosystem);
  const ranges: CompactRange[] = [];
  for (const r of a.ranges ?? []) {
    if (r.type !== 'ECOSYSTEM' && r.type !== 'SEMVER') continue;
    const ev = r.events
      .map((e) => eventOf(e as Record<string, unknown>))
      .filter((e): e is CompactEvent => !!e);
    if (!ev.length) continue;
    const c = r.type === 'SEMVER' ? semverComparator : cmp;
    ranges.push({ t: r.type === 'SEMVER' ? 'S' : 'E', ev: c ? sortEvents(ev, c) : ev });
  }
  const out: CompactAffected = { r: recordIndex, e: pkg.ecosystem, ranges };
  if (a.versions?.length) {
    // Keep only listed versions the ranges do not already cover: exact OSV semantics, less to load.
    const extra = a.versions.filter((v) => !inRanges(ranges, v, cmp));
    if (extra.length) out.v = extra;
  }
  if (!ranges.length && !out.v) return undefined;
  if (a.severity?.length) out.sev = a.severity;
  const rating = ratingOf(a);
  if (rating) out.rating = rating;
  const mod = moduleOf(a);
  if (mod) out.module = mod;
  return out;
}

export interface RangeHit {
  /** The fixed version closing the interval that contains the version, if any. */
  fixed?: string;
  /** The interval ends with last_affected (a fix exists but its version is not named). */
  lastAffected?: string;
}

/**
 * Evaluates OSV ranges for one version, as the OSV schema's pseudo-code does: walk the sorted events,
 * `introduced` opens (at "0" or when version >= it), `fixed` closes at version >= fixed,
 * `last_affected` closes at version > it; `limit`s cap the range from above.
 * Returns undefined when the version is not affected.
 */
export function evaluateRange(range: CompactRange, version: string, cmp: Comparator): RangeHit | undefined {
  let affected = false;
  let hit: RangeHit = {};
  const limits: string[] = [];
  for (const [kind, v] of range.ev) {
    if (kind === 'x') {
      limits.push(v);
      continue;
    }
    const c = isZero(v) && kind === 'i' ? 1 : cmp.compare(version, v);
    if (kind === 'i') {
      if (c >= 0) {
        affected = true;
        hit = {};
      }
    } else if (kind === 'f') {
      if (c >= 0) affected = false;
      else if (affected && hit.fixed === undefined && hit.lastAffected === undefined) hit = { fixed: v };
    } else if (kind === 'l') {
      if (c > 0) affected = false;
      else if (affected && hit.fixed === undefined && hit.lastAffected === undefined)
        hit = { lastAffected: v };
    }
  }
  if (!affected) return undefined;
  if (limits.length && !limits.some((l) => l === '*' || cmp.compare(version, l) < 0)) return undefined;
  return hit;
}

function inRanges(ranges: CompactRange[], version: string, cmp: Comparator | undefined): boolean {
  for (const r of ranges) {
    const c = r.t === 'S' ? semverComparator : cmp;
    if (!c) continue;
    try {
      if (c.valid(version) && evaluateRange(r, version, c)) return true;
    } catch {
      /* an unparseable event version: keep the listed version */
    }
  }
  return false;
}

/**
 * Adds a record's entries for one archive to its index (the record itself only when an entry can be matched);
 * false when none can.
 */
export function addToIndex(
  writer: IndexWriter,
  record: OsvRecord,
  affected: readonly OsvAffected[],
): boolean {
  const ri = writer.records;
  let used = false;
  for (const a of affected) {
    const c = compactAffected(a, ri);
    if (!c) continue;
    writer.addEntry(packageKey(normalizeName(writer.ecosystem, a.package!.name)), JSON.stringify(c));
    used = true;
  }
  if (used) writer.addRecord(JSON.stringify(compactRecord(record)));
  return used;
}

/** The affected entries of a record that belong to an archive (by ecosystem base), with a package named. */
export function affectedIn(record: OsvRecord, base: string): OsvAffected[] {
  return (record.affected ?? []).filter(
    (a) => !!a.package?.ecosystem && !!a.package.name && ecosystemBase(a.package.ecosystem) === base,
  );
}

/** Builds per-archive indexes from OSV records, each record compiled and written as it is added. */
export class IndexBuilder {
  private readonly writers = new Map<string, IndexWriter>();
  private readonly builtAt = new Date().toISOString();
  /** Records skipped because they were withdrawn. */
  withdrawn = 0;
  /** The newest `modified` time of every record added (withdrawn ones too): what the data is current to. */
  newestModified: string | undefined;
  /** The ids of the records modified at exactly newestModified. */
  readonly newestIds = new Set<string>();

  /** @param only archive names (ecosystem bases) to keep; undefined keeps all. */
  constructor(private readonly only?: ReadonlySet<string>) {}

  add(record: OsvRecord): void {
    if (record.modified) {
      const at = Date.parse(record.modified);
      const newest = Date.parse(this.newestModified ?? '1970-01-01T00:00:00Z');
      if (at > newest) {
        this.newestModified = record.modified;
        this.newestIds.clear();
      }
      if (at >= newest) this.newestIds.add(record.id);
    }
    if (record.withdrawn) {
      this.withdrawn++;
      return;
    }
    const byBase = new Map<string, OsvAffected[]>();
    for (const a of record.affected ?? []) {
      if (!a.package?.ecosystem || !a.package.name) continue;
      const base = ecosystemBase(a.package.ecosystem);
      if (this.only && !this.only.has(base)) continue;
      const list = byBase.get(base) ?? [];
      list.push(a);
      byBase.set(base, list);
    }
    for (const [base, affected] of byBase) addToIndex(this.writer(base), record, affected);
  }

  private writer(base: string): IndexWriter {
    let w = this.writers.get(base);
    if (!w) {
      w = new IndexWriter(base, this.builtAt);
      this.writers.set(base, w);
    }
    return w;
  }

  /**
   * The built indexes, one per archive; archives asked for but without records get an empty index.
   * Finishes the builder: add no records afterwards.
   */
  result(): Map<string, BuiltIndex> {
    for (const b of this.only ?? []) this.writer(b);
    return new Map([...this.writers].map(([base, w]) => [base, w.finish()]));
  }

  /** The built indexes, read from memory. Finishes the builder. */
  compiled(): Map<string, CompiledIndex> {
    return new Map([...this.result()].map(([base, b]) => [base, CompiledIndex.fromBuilt(b)]));
  }
}
