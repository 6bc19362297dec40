/**
 * Database mode: per-ecosystem archives `<base>/<ecosystem>/all.zip` from the OSV bucket (or a mirror),
 * compiled into one index file per ecosystem in a cache directory and refreshed with conditional GETs
 * (If-None-Match / If-Modified-Since) once older than the maximum age. Works offline from the cache.
 */
import {
  closeSync,
  createWriteStream,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { shipgateCacheDir } from '../../core/cache-dir';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ShipgateError, isShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { IndexBuilder } from './compact';
import { IndexedVulnDatabase } from './db';
import { asHeader, CompiledIndex, INDEX_FORMAT, type BuiltIndex, type ReadBytes } from './layout';
import { redactUrl } from '../../core/redact';
import { fetchWithRetry, type HttpOptions } from './http';
import { addZipFile } from './local';
import { applyChanges, changesSince, fetchRecords, listingUrl, UNCHANGED } from './incremental';
import { mapConcurrent } from '../../core/concurrency';

const ECOSYSTEM_CONCURRENCY = 3;

export const DEFAULT_OSV_URL = 'https://osv-vulnerabilities.storage.googleapis.com';
export const DEFAULT_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export interface RemoteDbOptions {
  /** Bucket or mirror base URL (default SHIPGATE_OSV_URL, then the public OSV bucket). */
  baseUrl?: string;
  /** Cache directory (default: see defaultCacheDir). */
  cacheDir?: string;
  /** Refresh archives older than this (default 12 h). */
  maxAgeMs?: number;
  /** Use only the cache; never touch the network. */
  offline?: boolean;
  http?: HttpOptions;
  /** Clock, for tests of refresh. */
  now?: () => number;
}

export interface CacheMeta {
  format: number;
  url: string;
  etag?: string;
  lastModified?: string;
  /** When the archive was last downloaded or confirmed unchanged (ISO time). */
  checkedAt: string;
  records: number;
  /** The newest `modified` time among the records: changes from then on are fetched on refresh. */
  modifiedThrough?: string;
  /** When the whole archive was last downloaded; past FULL_REFRESH_MS it is downloaded again. */
  fullAt?: string;
  /** The ids of the records modified at exactly modifiedThrough: a refresh need not fetch them again. */
  newestIds?: string[];
  /** The ETag of the change listing last applied: an unchanged listing is then one 304. */
  listingEtag?: string;
}

/** Incremental refreshes rebuild from the cached index; a whole download at least weekly bounds any drift. */
export const FULL_REFRESH_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The OSV cache directory: SHIPGATE_CACHE_DIR/osv, else $XDG_CACHE_HOME/shipgate/osv,
 * else ~/.cache/shipgate/osv.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return shipgateCacheDir('osv', env);
}

export function archiveUrl(baseUrl: string, ecosystem: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(ecosystem)}/all.zip`;
}

function fileBaseName(ecosystem: string): string {
  return ecosystem.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The cache files of one ecosystem: the compiled index and the download metadata. */
export function cachePaths(cacheDir: string, ecosystem: string): CachePaths {
  const b = fileBaseName(ecosystem);
  return {
    index: join(cacheDir, `${b}.index`),
    meta: join(cacheDir, `${b}.meta.json`),
    legacy: [join(cacheDir, `${b}.index.json`), join(cacheDir, `${b}.data`)],
  };
}

interface CachePaths {
  index: string;
  meta: string;
  /** Files of earlier index formats, removed when the index is written. */
  legacy: string[];
}

function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Closes an index file once its index is no longer referenced. */
const closeWhenCollected = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
});

const HEADER_MAX = 64 * 1024;
const READ_WINDOW = 64 * 1024;
const CHECK_CHUNK = 1 << 20;

/** Reads up to buf.length bytes at position; fewer only at the end of the file. */
function readAt(fd: number, buf: Buffer, position: number): number {
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, position + got);
    if (n <= 0) break;
    got += n;
  }
  return got;
}

/**
 * Reads an index body from its file through one reused window, so slots read in order (a refresh copying
 * them) cost one read per window, not one per slot.
 */
function fileReader(fd: number, base: number): ReadBytes {
  const window = Buffer.allocUnsafe(READ_WINDOW);
  let from = 0;
  let to = 0;
  return (offset, length) => {
    if (offset >= from && offset + length <= to)
      return window.subarray(offset - from, offset - from + length);
    if (length > READ_WINDOW) {
      const out = Buffer.allocUnsafe(length);
      return out.subarray(0, readAt(fd, out, base + offset));
    }
    from = offset;
    to = offset + readAt(fd, window, base + offset);
    return window.subarray(0, Math.min(length, to - from));
  };
}

/**
 * Opens the index file: the header line, then the body, whose length and CRC-32 must match the header's.
 * The file stays open and slots are read on demand; undefined when it is missing, of another format or
 * damaged, so the caller rebuilds it.
 */
function openIndexFile(path: string, ecosystem: string): CompiledIndex | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  let index: CompiledIndex | undefined;
  try {
    const fileSize = fstatSync(fd).size;
    const head = Buffer.allocUnsafe(Math.min(HEADER_MAX, fileSize));
    const nl = head.subarray(0, readAt(fd, head, 0)).indexOf(0x0a);
    const header = nl < 0 ? undefined : asHeader(JSON.parse(head.toString('utf8', 0, nl)));
    if (header && header.ecosystem === ecosystem && fileSize === nl + 1 + header.size) {
      const chunk = Buffer.allocUnsafe(CHECK_CHUNK);
      let crc = 0;
      let o = 0;
      while (o < header.size) {
        const n = readAt(fd, chunk.subarray(0, Math.min(CHECK_CHUNK, header.size - o)), nl + 1 + o);
        if (n === 0) break;
        crc = crc32(chunk.subarray(0, n), crc);
        o += n;
      }
      if (o === header.size && crc === header.crc) index = CompiledIndex.open(header, fileReader(fd, nl + 1));
    }
  } catch {
    index = undefined;
  }
  if (!index) {
    closeSync(fd);
    return undefined;
  }
  closeWhenCollected.register(index, fd);
  return index;
}

/** Writes a compiled index to the cache (atomically) and opens it from there. */
export function writeCachedIndex(
  paths: Pick<CachePaths, 'index' | 'legacy'>,
  built: BuiltIndex,
): CompiledIndex {
  const tmp = `${paths.index}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      const parts = [Buffer.from(`${JSON.stringify(built.header)}\n`), ...built.parts];
      for (const part of parts) for (let o = 0; o < part.length;) o += writeSync(fd, part, o);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, paths.index);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ShipgateError('VULN_DB', `cannot write the OSV index ${paths.index}: ${(e as Error).message}`, {
      hint: 'check that the cache directory is writable and has space (SHIPGATE_CACHE_DIR)',
    });
  }
  for (const old of paths.legacy) rmSync(old, { force: true });
  const index = openIndexFile(paths.index, built.header.ecosystem);
  if (!index)
    throw new ShipgateError('VULN_DB', `the OSV index ${paths.index} did not read back as written`, {
      hint: 'check the cache directory (SHIPGATE_CACHE_DIR) and its disk',
    });
  return index;
}

interface Loaded {
  index: CompiledIndex;
  meta: CacheMeta;
  from: 'cache' | 'download' | 'stale cache';
}

/** The cache's metadata when it is of this index format and for this archive URL, else undefined. */
function usableMeta(paths: { meta: string }, url: string): CacheMeta | undefined {
  const meta = readJson<CacheMeta>(paths.meta);
  return meta && meta.format === INDEX_FORMAT && meta.url === url ? meta : undefined;
}

/** The bucket or mirror the archives come from: the option, else SHIPGATE_OSV_URL, else the public bucket. */
function baseUrlOf(options: RemoteDbOptions): string {
  return options.baseUrl ?? process.env.SHIPGATE_OSV_URL ?? DEFAULT_OSV_URL;
}

async function loadOne(
  ecosystem: string,
  opts: Required<Pick<RemoteDbOptions, 'baseUrl' | 'cacheDir' | 'maxAgeMs'>> & RemoteDbOptions,
): Promise<Loaded> {
  const log = logger();
  const url = archiveUrl(opts.baseUrl, ecosystem);
  const paths = cachePaths(opts.cacheDir, ecosystem);
  const now = opts.now?.() ?? Date.now();
  const meta = usableMeta(paths, url);
  const cached = meta ? openIndexFile(paths.index, ecosystem) : undefined;
  const age = cached && meta ? now - Date.parse(meta.checkedAt) : Infinity;
  /** On a failed refresh, the cached copy (with a warning) when there is one. */
  const staleCopy = (e: unknown): Loaded | undefined => {
    if (!cached || !meta || !isShipgateError(e)) return undefined;
    log.warn(
      `could not refresh OSV ${ecosystem} data (${e.message}); using the cached copy from ${meta.checkedAt}`,
    );
    return { index: cached, meta, from: 'stale cache' };
  };

  if (cached && meta && age < opts.maxAgeMs) return { index: cached, meta, from: 'cache' };
  if (opts.offline) {
    if (cached && meta) {
      log.warn(`OSV ${ecosystem} data is ${Math.round(age / 3_600_000)} h old (offline: not refreshed)`);
      return { index: cached, meta, from: 'stale cache' };
    }
    throw new ShipgateError('VULN_DB', `no cached OSV data for ${ecosystem} in ${opts.cacheDir} (offline)`, {
      hint: 'run once with network access to fill the cache, or pass OSV files with --vuln-db',
    });
  }

  if (cached && meta?.modifiedThrough && meta.fullAt && now - Date.parse(meta.fullAt) < FULL_REFRESH_MS) {
    try {
      const updated = await refreshIncrementally(ecosystem, cached, meta, meta.modifiedThrough, opts, now);
      if (updated) return updated;
    } catch (e) {
      const stale = staleCopy(e);
      if (stale) return stale;
      throw e;
    }
  }

  const headers: Record<string, string> = {};
  if (cached && meta?.etag) headers['If-None-Match'] = meta.etag;
  if (cached && meta?.lastModified) headers['If-Modified-Since'] = meta.lastModified;
  let res: Response;
  try {
    log.info(`${cached ? 'refreshing' : 'downloading'} OSV ${ecosystem} data from ${redactUrl(url)}`);
    res = await fetchWithRetry(url, { headers }, { timeoutMs: 300_000, ...opts.http });
  } catch (e) {
    const stale = staleCopy(e);
    if (stale) return stale;
    throw e;
  }

  if (res.status === 304 && cached && meta) {
    await res.body?.cancel();
    const fresh: CacheMeta = { ...meta, checkedAt: new Date(now).toISOString() };
    writeAtomic(paths.meta, JSON.stringify(fresh));
    log.info(`OSV ${ecosystem} data unchanged since ${meta.lastModified ?? meta.checkedAt}`);
    return { index: cached, meta: fresh, from: 'cache' };
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    if (cached && meta) {
      log.warn(
        `OSV ${ecosystem} archive answered HTTP ${res.status}; using the cached copy from ${meta.checkedAt}`,
      );
      return { index: cached, meta, from: 'stale cache' };
    }
    throw new ShipgateError(
      'VULN_DB',
      `cannot get OSV ${ecosystem} data: HTTP ${res.status} from ${redactUrl(url)}`,
      {
        hint:
          res.status === 404
            ? 'the mirror must use the OSV bucket layout <base>/<ecosystem>/all.zip (check SHIPGATE_OSV_URL)'
            : 'try again later, or use --vuln-db with a local copy',
      },
    );
  }

  // Stream the archive to a file next to the cache and read it entry by entry from there.
  mkdirSync(opts.cacheDir, { recursive: true });
  const tmpZip = join(opts.cacheDir, `${fileBaseName(ecosystem)}.${process.pid}.zip.tmp`);
  let count: number;
  let bytes: number;
  const builder = new IndexBuilder(new Set([ecosystem]));
  try {
    if (!res.body) throw new ShipgateError('NETWORK', `${redactUrl(url)}: empty response`);
    const length = Number(res.headers.get('content-length'));
    const progress = log.progress(`downloading OSV ${ecosystem} data`, {
      ...(Number.isFinite(length) && length > 0 ? { total: length } : {}),
    });
    try {
      await pipeline(
        Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            progress.add(chunk.length);
            done(null, chunk);
          },
        }),
        createWriteStream(tmpZip),
      );
      progress.done();
    } catch (e) {
      throw new ShipgateError(
        'NETWORK',
        `${redactUrl(url)}: download interrupted (${(e as Error).message})`,
        {
          hint: 'try again; a cached copy is used when one exists',
        },
      );
    }
    bytes = statSync(tmpZip).size;
    count = addZipFile(builder, tmpZip, redactUrl(url));
  } catch (e) {
    const stale = staleCopy(e);
    if (stale) return stale;
    throw e;
  } finally {
    rmSync(tmpZip, { force: true });
  }
  const index = writeCachedIndex(paths, builder.result().get(ecosystem)!);
  const fresh: CacheMeta = {
    format: INDEX_FORMAT,
    url,
    checkedAt: new Date(now).toISOString(),
    records: index.recordCount,
    fullAt: new Date(now).toISOString(),
  };
  if (builder.newestModified) {
    fresh.modifiedThrough = builder.newestModified;
    fresh.newestIds = [...builder.newestIds].sort();
  }
  const etag = res.headers.get('etag');
  const lm = res.headers.get('last-modified');
  if (etag) fresh.etag = etag;
  if (lm) fresh.lastModified = lm;
  writeAtomic(paths.meta, JSON.stringify(fresh));
  log.info(
    `OSV ${ecosystem}: ${count} records (${index.recordCount} with package ranges), ${(bytes / 1e6).toFixed(1)} MB`,
  );
  return { index, meta: fresh, from: 'download' };
}

/** Applies the records changed since the cache's newest one; undefined when the whole archive is needed. */
async function refreshIncrementally(
  ecosystem: string,
  cached: CompiledIndex,
  meta: CacheMeta,
  since: string,
  opts: Required<Pick<RemoteDbOptions, 'baseUrl' | 'cacheDir' | 'maxAgeMs'>> & RemoteDbOptions,
  now: number,
): Promise<Loaded | undefined> {
  const log = logger();
  const paths = cachePaths(opts.cacheDir, ecosystem);
  const changes = await changesSince(
    listingUrl(opts.baseUrl, ecosystem),
    since,
    opts.http,
    meta.listingEtag,
    new Set(meta.newestIds ?? []),
  );
  if (changes === UNCHANGED) {
    const fresh: CacheMeta = { ...meta, checkedAt: new Date(now).toISOString() };
    writeAtomic(paths.meta, JSON.stringify(fresh));
    log.info(`OSV ${ecosystem} data unchanged since ${meta.modifiedThrough ?? meta.checkedAt}`);
    return { index: cached, meta: fresh, from: 'cache' };
  }
  if (!changes) return undefined;
  const records = changes.ids.length
    ? await fetchRecords(opts.baseUrl, ecosystem, changes.ids, opts.http)
    : [];
  if (!records) return undefined;
  const index = writeCachedIndex(paths, applyChanges(cached, records));
  const { listingEtag: _previous, ...rest } = meta;
  const fresh: CacheMeta = {
    ...rest,
    checkedAt: new Date(now).toISOString(),
    records: index.recordCount,
    modifiedThrough: changes.newest,
    newestIds: [...new Set(changes.newestIds)].sort(),
    ...(changes.etag ? { listingEtag: changes.etag } : {}),
  };
  writeAtomic(paths.meta, JSON.stringify(fresh));
  const withdrawn = records.filter((r) => r.withdrawn).length;
  log.info(
    `OSV ${ecosystem}: ${records.length} record${records.length === 1 ? '' : 's'} changed since ${since}${withdrawn ? ` (${withdrawn} withdrawn)` : ''}; ${index.recordCount} records`,
  );
  return { index, meta: fresh, from: 'download' };
}

/**
 * How old the cached index of an ecosystem is (ms since it was last downloaded or confirmed), without
 * reading it; undefined when there is none for this base URL and index format.
 */
export function cachedIndexAge(ecosystem: string, options: RemoteDbOptions = {}): number | undefined {
  const paths = cachePaths(options.cacheDir ?? defaultCacheDir(), ecosystem);
  const meta = usableMeta(paths, archiveUrl(baseUrlOf(options), ecosystem));
  if (!meta) return undefined;
  if (!existsSync(paths.index)) return undefined;
  const at = Date.parse(meta.checkedAt);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, (options.now?.() ?? Date.now()) - at);
}

/** Loads (downloading or refreshing as needed) the compiled indexes of the given ecosystem archives. */
export async function loadRemoteDatabase(
  ecosystems: readonly string[],
  options: RemoteDbOptions = {},
): Promise<IndexedVulnDatabase> {
  const opts = {
    ...options,
    baseUrl: baseUrlOf(options),
    cacheDir: options.cacheDir ?? defaultCacheDir(),
    maxAgeMs: options.maxAgeMs ?? DEFAULT_MAX_AGE_MS,
  };
  const indexes = new Map<string, CompiledIndex>();
  const froms = new Set<string>();
  const names = [...new Set(ecosystems)].sort();
  // A few ecosystems at a time: the downloads overlap, the compiled indexes stay few in memory.
  const loaded = await mapConcurrent(names, ECOSYSTEM_CONCURRENCY, (eco) => loadOne(eco, opts));
  names.forEach((eco, i) => {
    indexes.set(eco, loaded[i]!.index);
    froms.add(loaded[i]!.from);
  });
  return new IndexedVulnDatabase(
    indexes,
    `osv database (${[...froms].join(', ') || 'empty'}; ${opts.cacheDir})`,
  );
}
