/** HTTP for OSV data: the shared HTTP layer with OSV's defaults (bounded downloads) and its hint. */
import { fetchWithRetry as fetchOci } from '../../oci/http';

export interface HttpOptions {
  /** Per-attempt timeout in ms, body included (default 60 s; downloads of large archives pass more). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff delay in ms, doubled each retry (default 500). */
  backoffMs?: number;
  /** Upper bound for any wait, including Retry-After (default 30 s). */
  maxWaitMs?: number;
}

/**
 * fetch() with timeout and retries. Returns the final response for any status that is not retried
 * (the caller decides about 304/404/...); throws NETWORK after the last failed attempt.
 */
export function fetchWithRetry(
  url: string,
  init: RequestInit = {},
  opts: HttpOptions = {},
): Promise<Response> {
  return fetchOci(url, init, {
    timeoutMs: opts.timeoutMs ?? 60_000,
    timeoutCoversBody: true,
    retry: { retries: opts.retries ?? 4, baseMs: opts.backoffMs ?? 500, maxMs: opts.maxWaitMs ?? 30_000 },
    hint: 'check the network or proxy, or use cached data with --offline / a local copy with --vuln-db',
  });
}
