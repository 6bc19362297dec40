/**
 * Incremental refresh of a cached ecosystem index: OSV publishes `<ecosystem>/modified_id.csv`, every record's
 * id with its modification time, newest first. Only the records modified since the cache's newest record are
 * fetched (`<ecosystem>/<id>.json`), their old entries replaced and withdrawn ones dropped. Anything that
 * makes the listing untrustworthy (missing, unordered, malformed, too many changes, a record that cannot be
 * fetched or does not match) answers undefined, and the caller downloads the whole archive instead.
 */
import { mapConcurrent } from '../../core/concurrency';
import { ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { redactUrl } from '../../core/redact';
import { addToIndex, affectedIn, type CompactAffected, type CompactRecord } from './compact';
import { IndexWriter, type BuiltIndex, type CompiledIndex } from './layout';
import { fetchWithRetry, type HttpOptions } from './http';
import { parseOsvRecord, type OsvRecord } from './types';

/** Past this many changed records, one archive download is cheaper than that many requests. */
export const MAX_INCREMENTAL_RECORDS = 2000;
const FETCH_CONCURRENCY = 8;
const LINE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z),([A-Za-z0-9][A-Za-z0-9._:-]*)$/;

export function listingUrl(baseUrl: string, ecosystem: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(ecosystem)}/modified_id.csv`;
}

function recordUrl(baseUrl: string, ecosystem: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(ecosystem)}/${encodeURIComponent(id)}.json`;
}

export interface Changes {
  /** Ids modified at or after the watermark, newest first, without repeats. */
  ids: string[];
  /** The newest modification time the listing names. */
  newest: string;
  /** The ids the listing names at exactly `newest`. */
  newestIds: string[];
  /** The listing's ETag, for a conditional read next time. */
  etag?: string;
}

/** The listing is the one read last time (HTTP 304): nothing changed. */
export const UNCHANGED = 'unchanged';

/**
 * Reads the listing up to the first line older than `since`. Records modified at exactly `since` are fetched
 * again (same-second changes are not lost) unless `known` names them: the cache holds those ids at that very
 * modification time, so they are current. With the ETag of the listing read last time the request
 * is conditional, and an unchanged listing costs one 304. Undefined when the listing cannot be trusted.
 */
export async function changesSince(
  url: string,
  since: string,
  http: HttpOptions | undefined,
  etag?: string,
  known: ReadonlySet<string> = new Set(),
): Promise<Changes | typeof UNCHANGED | undefined> {
  const log = logger();
  const sinceMs = Date.parse(since);
  const res = await fetchWithRetry(url, etag ? { headers: { 'If-None-Match': etag } } : {}, {
    timeoutMs: 120_000,
    ...http,
  });
  if (res.status === 304 && etag) {
    await res.body?.cancel();
    return UNCHANGED;
  }
  const listingEtag = res.headers.get('etag') ?? undefined;
  if (res.status !== 200 || !res.body) {
    await res.body?.cancel();
    log.info(`no change listing at ${redactUrl(url)} (HTTP ${res.status}): refreshing the whole archive`);
    return undefined;
  }
  const ids: string[] = [];
  const seen = new Set<string>();
  let newest: string | undefined;
  const newestIds: string[] = [];
  let previous = Infinity;
  let rest = '';
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  const untrusted = async (why: string): Promise<undefined> => {
    await reader.cancel();
    log.warn(`OSV change listing ${redactUrl(url)} ${why}: refreshing the whole archive`);
    return undefined;
  };
  for (;;) {
    const { done, value } = await reader.read();
    rest += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const lines = rest.split('\n');
    rest = done ? '' : lines.pop()!;
    for (const raw of lines) {
      const line = raw.trim();
      if (line === '') continue;
      const m = LINE.exec(line);
      if (!m) return untrusted(`has a malformed line "${line.slice(0, 80)}"`);
      const at = Date.parse(m[1]!);
      if (Number.isNaN(at)) return untrusted(`has an invalid time "${m[1]}"`);
      if (at > previous) return untrusted('is not sorted newest first');
      previous = at;
      newest ??= m[1]!;
      if (at < sinceMs) {
        await reader.cancel();
        return { ids, newest, newestIds, ...(listingEtag ? { etag: listingEtag } : {}) };
      }
      if (at === Date.parse(newest)) newestIds.push(m[2]!);
      if (at === sinceMs && known.has(m[2]!)) continue;
      if (!seen.has(m[2]!)) {
        seen.add(m[2]!);
        ids.push(m[2]!);
        if (ids.length > MAX_INCREMENTAL_RECORDS) {
          await reader.cancel();
          log.info(`more than ${MAX_INCREMENTAL_RECORDS} OSV records changed: refreshing the whole archive`);
          return undefined;
        }
      }
    }
    if (done) break;
  }
  // The listing ended without a line older than the cache: it may be truncated, or the cache older than it.
  return untrusted(newest === undefined ? 'is empty' : 'does not reach back to the cached data');
}

/** Fetches the changed records; undefined if any cannot be fetched or is not the record asked for. */
export async function fetchRecords(
  baseUrl: string,
  ecosystem: string,
  ids: readonly string[],
  http: HttpOptions | undefined,
): Promise<OsvRecord[] | undefined> {
  const log = logger();
  const progress = log.progress(`fetching ${ids.length} changed OSV ${ecosystem} records`, {
    total: ids.length,
    unit: 'items',
  });
  const records = await mapConcurrent(ids, FETCH_CONCURRENCY, async (id) => {
    const url = recordUrl(baseUrl, ecosystem, id);
    const res = await fetchWithRetry(url, {}, { timeoutMs: 60_000, ...http });
    if (res.status !== 200) {
      await res.body?.cancel();
      log.warn(`OSV record ${id}: HTTP ${res.status} from ${redactUrl(url)}; refreshing the whole archive`);
      return undefined;
    }
    let record: OsvRecord;
    try {
      record = parseOsvRecord(await res.text());
    } catch (e) {
      log.warn(`OSV record ${id} is not valid (${(e as Error).message}); refreshing the whole archive`);
      return undefined;
    }
    progress.add(1);
    if (record.id !== id) {
      log.warn(`OSV record ${id} names itself ${record.id}; refreshing the whole archive`);
      return undefined;
    }
    return record;
  });
  progress.done();
  return records.every((r) => r !== undefined) ? (records as OsvRecord[]) : undefined;
}

const ID_PREFIX = Buffer.from('{"id":"');

/** The id of a stored record, read from the front of its slot (a record's slot starts with its id). */
function recordId(slot: Buffer): string {
  if (slot.subarray(0, ID_PREFIX.length).equals(ID_PREFIX)) {
    const end = slot.indexOf(0x22, ID_PREFIX.length);
    // An id with an escape in it is decoded the long way.
    if (end > 0 && !slot.subarray(ID_PREFIX.length, end).includes(0x5c))
      return slot.toString('utf8', ID_PREFIX.length, end);
  }
  return (JSON.parse(slot.toString('utf8')) as CompactRecord).id;
}

/**
 * The cached index with the changed records applied, as a compile of the new archive would have it: every
 * entry of a changed record is removed, then the new versions are added (withdrawn records are not, which
 * drops them). Unchanged records are copied as they are stored; package slots are decoded one at a time to
 * drop and renumber entries, so memory holds the new index and one slot, never the old index decoded.
 */
export function applyChanges(cached: CompiledIndex, changed: readonly OsvRecord[]): BuiltIndex {
  const base = cached.header.ecosystem;
  const replaced = new Set(changed.map((r) => r.id));
  const writer = new IndexWriter(base, new Date().toISOString());
  // Old record number → new one, -1 for a record replaced or dropped.
  const renumber = new Int32Array(cached.recordCount);
  for (let i = 0; i < cached.recordCount; i++) {
    const slot = cached.slotBytes(i);
    renumber[i] = replaced.has(recordId(slot)) ? -1 : writer.addRecord(slot);
  }
  for (const r of changed) if (!r.withdrawn) addToIndex(writer, r, affectedIn(r, base));
  const added = [...writer.sortedPackages()];
  return writer.finish(merge(keptPackages(cached, renumber), added));
}

/** The cached packages in order, each with its entries of kept records, renumbered. */
function* keptPackages(cached: CompiledIndex, renumber: Int32Array): Generator<[string, string]> {
  for (let j = 0; j < cached.packageCount; j++) {
    const slot = cached.recordCount + j;
    const text = cached.slotBytes(slot).toString('utf8');
    const entries = JSON.parse(text) as CompactAffected[];
    let same = true;
    const kept: CompactAffected[] = [];
    for (const e of entries) {
      if (!(Number.isInteger(e.r) && e.r >= 0 && e.r < renumber.length))
        throw new ShipgateError(
          'VULN_DB',
          `the cached OSV ${cached.header.ecosystem} index is inconsistent`,
          {
            hint: 'remove the cache directory (SHIPGATE_CACHE_DIR) to download the data again',
          },
        );
      const r = renumber[e.r]!;
      if (r !== e.r) same = false;
      if (r >= 0) kept.push(r === e.r ? e : { ...e, r });
    }
    if (kept.length === 0) continue;
    // Untouched slots are copied as text.
    yield [cached.packageKeyAt(j), same ? text.slice(1, -1) : JSON.stringify(kept).slice(1, -1)];
  }
}

/** Two package lists in key order merged into one; a key in both gets the entries of both. */
function* merge(a: Iterable<[string, string]>, b: readonly [string, string][]): Generator<[string, string]> {
  let i = 0;
  for (const [key, entries] of a) {
    while (i < b.length && b[i]![0] < key) yield b[i++]!;
    if (i < b.length && b[i]![0] === key) yield [key, `${entries},${b[i++]![1]}`];
    else yield [key, entries];
  }
  while (i < b.length) yield b[i++]!;
}
