/**
 * API mode: `POST /v1/querybatch` (≤ 1000 queries a batch, following next_page_token), then
 * `GET /v1/vulns/{id}` for each distinct id with limited concurrency. The full records are compiled
 * into the same in-memory index as database mode, so both modes match identically.
 */
import { ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { ecosystemBase } from '../versions';
import { IndexBuilder } from './compact';
import { IndexedVulnDatabase } from './db';
import { redactUrl } from '../../core/redact';
import { fetchWithRetry, type HttpOptions } from './http';
import { osvShapeError, type OsvRecord } from './types';

export const DEFAULT_OSV_API_URL = 'https://api.osv.dev';

export interface OsvQuery {
  ecosystem: string;
  name: string;
  version: string;
}

export interface ApiOptions {
  /** API base URL (default SHIPGATE_OSV_API_URL, then https://api.osv.dev). */
  apiUrl?: string;
  http?: HttpOptions;
  /** Queries per batch (at most 1000). */
  batchSize?: number;
  /** Parallel record downloads (default 8). */
  concurrency?: number;
}

interface BatchResult {
  vulns?: { id: string; modified?: string }[];
  next_page_token?: string;
}

async function postJson(url: string, body: unknown, http: HttpOptions | undefined): Promise<unknown> {
  const res = await fetchWithRetry(
    url,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    http,
  );
  if (!res.ok) {
    const text = (await res.text()).slice(0, 200);
    throw new ShipgateError('VULN_DB', `OSV API ${redactUrl(url)} answered HTTP ${res.status}: ${text}`, {
      hint: 'check SHIPGATE_OSV_API_URL',
    });
  }
  return res.json();
}

/** Ids of the vulnerabilities the API reports for each query (all pages). */
async function queryBatch(queries: OsvQuery[], options: ApiOptions = {}): Promise<string[][]> {
  const api = (options.apiUrl ?? process.env.SHIPGATE_OSV_API_URL ?? DEFAULT_OSV_API_URL).replace(/\/+$/, '');
  const size = Math.min(1000, Math.max(1, options.batchSize ?? 1000));
  const out: string[][] = queries.map(() => []);
  let pending = queries.map((q, i) => ({ i, q, token: undefined as string | undefined }));
  while (pending.length) {
    const next: typeof pending = [];
    for (let s = 0; s < pending.length; s += size) {
      const chunk = pending.slice(s, s + size);
      const body = {
        queries: chunk.map(({ q, token }) => ({
          package: { ecosystem: q.ecosystem, name: q.name },
          version: q.version,
          ...(token ? { page_token: token } : {}),
        })),
      };
      const json = (await postJson(`${api}/v1/querybatch`, body, options.http)) as {
        results?: BatchResult[];
      };
      const results = json.results;
      if (!Array.isArray(results) || results.length !== chunk.length)
        throw new ShipgateError(
          'VULN_DB',
          `OSV API returned ${results?.length ?? 'no'} results for ${chunk.length} queries`,
        );
      results.forEach((r, k) => {
        const item = chunk[k]!;
        for (const v of r.vulns ?? []) if (typeof v.id === 'string') out[item.i]!.push(v.id);
        if (r.next_page_token) next.push({ ...item, token: r.next_page_token });
      });
    }
    pending = next;
  }
  return out;
}

async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let k = 0;
  const worker = async (): Promise<void> => {
    while (k < items.length) {
      const i = k++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}

/** Fetches one full record. */
async function fetchVuln(id: string, options: ApiOptions = {}): Promise<OsvRecord> {
  const api = (options.apiUrl ?? process.env.SHIPGATE_OSV_API_URL ?? DEFAULT_OSV_API_URL).replace(/\/+$/, '');
  const url = `${api}/v1/vulns/${encodeURIComponent(id)}`;
  const res = await fetchWithRetry(url, {}, options.http);
  if (!res.ok) {
    await res.body?.cancel();
    throw new ShipgateError(
      'VULN_DB',
      `OSV API has no record ${id} (HTTP ${res.status} from ${redactUrl(url)})`,
    );
  }
  const rec: unknown = await res.json();
  const err = osvShapeError(rec);
  if (err) throw new ShipgateError('VULN_DB', `OSV API record ${id} is malformed: ${err}`);
  return rec as OsvRecord;
}

/** Queries the API for the packages and compiles the returned records into an in-memory database. */
export async function loadApiDatabase(
  queries: OsvQuery[],
  options: ApiOptions = {},
): Promise<IndexedVulnDatabase> {
  const log = logger();
  const unique = [
    ...new Map(queries.map((q) => [`${q.ecosystem}\u0000${q.name}\u0000${q.version}`, q])).values(),
  ];
  log.info(`querying the OSV API for ${unique.length} package versions`);
  const ids = [...new Set((await queryBatch(unique, options)).flat())].sort();
  log.info(`OSV API: ${ids.length} vulnerability records to fetch`);
  const records = await pool(ids, options.concurrency ?? 8, (id) => fetchVuln(id, options));
  const builder = new IndexBuilder(new Set(unique.map((q) => ecosystemBase(q.ecosystem))));
  for (const r of records) builder.add(r);
  return new IndexedVulnDatabase(
    builder.compiled(),
    `osv api (${redactUrl(options.apiUrl ?? process.env.SHIPGATE_OSV_API_URL ?? DEFAULT_OSV_API_URL)})`,
  );
}
