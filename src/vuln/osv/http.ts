/**
 * HTTP for OSV data: timeouts on every request, retries with exponential backoff on network errors,
 * 429 and 5xx, honouring Retry-After (capped), and one-line NETWORK errors.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { redactUrl } from '../../core/redact';

export interface HttpOptions {
  /** Per-attempt timeout in ms (default 60 s; downloads of large archives pass more). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff delay in ms, doubled each retry (default 500). */
  backoffMs?: number;
  /** Upper bound for any wait, including Retry-After (default 30 s). */
  maxWaitMs?: number;
}

function retryAfterMs(h: string | null): number | undefined {
  if (!h) return undefined;
  const s = Number(h);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const t = Date.parse(h);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

function describe(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}

/**
 * fetch() with timeout and retries. Returns the final response for any status that is not retried
 * (the caller decides about 304/404/...); throws NETWORK after the last failed attempt.
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit = {},
  opts: HttpOptions = {},
): Promise<Response> {
  const retries = opts.retries ?? 4;
  const maxWait = opts.maxWaitMs ?? 30_000;
  let delay = opts.backoffMs ?? 500;
  let last: string;
  for (let attempt = 0; ; attempt++) {
    let wait = delay;
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000) });
      if (res.status !== 429 && res.status < 500) return res;
      last = `HTTP ${res.status}`;
      wait = retryAfterMs(res.headers.get('retry-after')) ?? delay;
      await res.body?.cancel();
    } catch (e) {
      last = describe(e);
    }
    if (attempt >= retries) break;
    wait = Math.min(wait, maxWait);
    logger().debug(
      `${redactUrl(url)}: ${last}, retrying in ${Math.round(wait)} ms (${attempt + 1}/${retries})`,
    );
    await sleep(wait);
    delay *= 2;
  }
  throw new ShipgateError('NETWORK', `${redactUrl(url)}: ${last} after ${retries + 1} attempts`, {
    hint: 'check the network or proxy, or use cached data with --offline / a local copy with --vuln-db',
  });
}
