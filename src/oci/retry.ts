/** Backoff for registry calls: exponential with jitter, and the server's Retry-After when it gives one. */
export const RETRY_STATUS: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseMs: 500, maxMs: 30_000 };

/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date), capped. */
export function retryAfterMs(header: string | null, maxMs: number, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Math.min(Number(s) * 1000, maxMs);
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  return Math.min(Math.max(0, t - now), maxMs);
}

export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const exp = policy.baseMs * 2 ** attempt;
  return Math.min(policy.maxMs, exp / 2 + Math.random() * (exp / 2));
}
