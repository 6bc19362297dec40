/**
 * The one retry loop: exponential backoff with jitter, or the server's Retry-After (capped), for any
 * operation that can tell a transient failure from a result. Cancellable through an AbortSignal.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ShipgateError } from '../core/errors';
import { logger } from '../core/logger';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff delay; doubles each retry. */
  baseMs: number;
  /** Cap for any one wait, Retry-After included. */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseMs: 500, maxMs: 30_000 };

/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date), capped. */
export function retryAfterMs(
  header: string | null | undefined,
  maxMs: number,
  now = Date.now(),
): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Math.min(Number(s) * 1000, maxMs);
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  return Math.min(Math.max(0, t - now), maxMs);
}

/** Exponential backoff with jitter: a random wait in [half, all] of baseMs·2^attempt, capped. */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const exp = policy.baseMs * 2 ** attempt;
  return Math.min(policy.maxMs, exp / 2 + Math.random() * (exp / 2));
}

/** What one attempt gave: a result, or a transient failure to retry. */
export type Attempt<T> =
  | { value: T }
  | {
      /** Why it failed, one line, for the log. */
      transient: string;
      /** The Retry-After header the server sent with the failure. */
      retryAfter?: string | null | undefined;
      /** The error to throw when no retry is left. */
      giveUp: () => unknown;
    };

export interface RetryOptions {
  /** The operation, for log lines. */
  what: string;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  /** Level of the "retrying" log line (default debug). */
  logLevel?: 'debug' | 'warn';
}

/** The error for an operation cancelled through its AbortSignal. */
export function abortError(what: string, signal: AbortSignal): ShipgateError {
  if (signal.reason instanceof ShipgateError) return signal.reason;
  return new ShipgateError('NETWORK', `${what}: cancelled`, { cause: signal.reason });
}

/** Runs `attempt` until it gives a value, throws, or the retries are used up. */
export async function withRetries<T>(
  attempt: (n: number) => Promise<Attempt<T>>,
  options: RetryOptions,
): Promise<T> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...(options.retry ?? {}) };
  const { signal, what } = options;
  for (let n = 0; ; n++) {
    if (signal?.aborted) throw abortError(what, signal);
    const out = await attempt(n);
    if ('value' in out) return out.value;
    if (n >= policy.retries) throw out.giveUp();
    const wait = retryAfterMs(out.retryAfter, policy.maxMs) ?? backoffMs(n, policy);
    logger()[options.logLevel ?? 'debug'](
      `${what}: ${out.transient}; retrying in ${Math.round(wait)} ms (attempt ${n + 2} of ${policy.retries + 1})`,
    );
    try {
      await sleep(wait, undefined, signal ? { signal } : {});
    } catch (e) {
      if (signal?.aborted) throw abortError(what, signal);
      throw e;
    }
  }
}
