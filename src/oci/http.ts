/**
 * The one HTTP layer: fetch with a per-attempt timeout, retries (see retry.ts) on network errors, 408, 429
 * and 5xx, cancellation through an AbortSignal, and one-line ShipgateErrors that name the host, never
 * credentials or query strings.
 */
import { ShipgateError } from '../core/errors';
import { redactUrl } from '../core/redact';
import { abortError, withRetries, type RetryPolicy } from './retry';

/** 501 and 505 are 5xx but say the request will never work: they are not retried. */
export function isRetryableStatus(status: number): boolean {
  return (
    status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505)
  );
}

/** The last failure of a request that was given up on. */
export interface GiveUp {
  /** What the request was for (default: the URL without query string). */
  what: string;
  /** host[:port] of the URL. */
  host: string;
  /** `HTTP 503` or the network error (`ECONNREFUSED`, `no answer within 60000 ms`). */
  reason: string;
  status?: number;
  statusText?: string;
  attempts: number;
}

export interface HttpOptions {
  /** What the request is for, in messages (default: the URL without query string). */
  what?: string;
  /**
   * Time to wait for the response headers of one attempt (default 60 s). A streamed request body restarts it
   * with every piece it sends (see AttemptHooks), so it bounds a stall, not the length of an upload.
   */
  timeoutMs?: number;
  /** Whether the timeout also bounds reading the body (bounded downloads); default: headers only. */
  timeoutCoversBody?: boolean;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  logLevel?: 'debug' | 'warn';
  /** The error for a request given up on; default: NETWORK "<what>: <reason> after N attempts". */
  giveUp?: (failure: GiveUp) => ShipgateError;
  /** Shown with the default error. */
  hint?: string;
}

/** The network error in one line; URLs in it (undici quotes the request URL) lose credentials and query. */
function networkReason(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const text = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return text.replace(/\b[a-z][\w+.-]*:\/\/\S+/gi, (u) => redactUrl(u));
}

/** fetch's failure for a redirect answered to a request made with `redirect: 'error'`: no retry helps. */
function refusedRedirect(e: unknown): boolean {
  return (e as { cause?: { message?: string } })?.cause?.message === 'unexpected redirect';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '<invalid url>';
  }
}

function defaultGiveUp(hint: string | undefined): (f: GiveUp) => ShipgateError {
  return (f) =>
    new ShipgateError('NETWORK', `${f.what}: ${f.reason} after ${f.attempts} attempts`, hint ? { hint } : {});
}

/** Given to a per-attempt `init`. */
export interface AttemptHooks {
  /** Restarts the attempt's timeout: a streamed request body calls it as it sends each piece. */
  progress(): void;
}

/**
 * fetch() with timeout and retries. Returns the response for any status that is not retried (the caller
 * decides about 304, 404, ...); throws after the last failed attempt or when cancelled. `init` may be a
 * function, called for every attempt, where the body is a stream (sending consumes it).
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit | ((hooks: AttemptHooks) => RequestInit) = {},
  options: HttpOptions = {},
): Promise<Response> {
  const what = options.what ?? redactUrl(url);
  const host = hostOf(url);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const giveUp = options.giveUp ?? defaultGiveUp(options.hint);
  const { signal } = options;
  return withRetries<Response>(
    async (n) => {
      const ac = new AbortController();
      const onAbort = (): void => ac.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => ac.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
      const fail = (reason: string, res?: Response) => ({
        transient: reason,
        retryAfter: res?.headers.get('retry-after'),
        giveUp: () =>
          giveUp({
            what,
            host,
            reason,
            attempts: n + 1,
            ...(res ? { status: res.status, statusText: res.statusText } : {}),
          }),
      });
      let res: Response;
      try {
        const hooks: AttemptHooks = {
          progress: () => {
            timer.refresh();
          },
        };
        res = await fetch(url, { ...(typeof init === 'function' ? init(hooks) : init), signal: ac.signal });
      } catch (e) {
        clearTimeout(timer);
        if (signal?.aborted) throw abortError(what, signal);
        if (refusedRedirect(e))
          throw new ShipgateError(
            'NETWORK',
            `${what}: ${host} answered with a redirect, which a request with a body does not follow`,
            { hint: 'use the address the service redirects to' },
          );
        return fail(networkReason(e));
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
      if (!options.timeoutCoversBody) clearTimeout(timer);
      if (!isRetryableStatus(res.status)) return { value: res };
      clearTimeout(timer);
      await res.body?.cancel().catch(() => undefined);
      return fail(`HTTP ${res.status}`, res);
    },
    {
      what,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(signal ? { signal } : {}),
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    },
  );
}
