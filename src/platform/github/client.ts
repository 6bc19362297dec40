/** The REST client (Octokit from @actions/github) with shipgate's retry policy and error wording. */
import { getOctokit } from '@actions/github';
import { ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { isRetryableStatus } from '../../oci/http';
import { withRetries } from '../../oci/retry';

type Octokit = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** REST API base URL (GITHUB_API_URL). */
  baseUrl: string;
  /** Attempts for a request that fails with 5xx, 429 or a network error (default 4). */
  attempts?: number;
  /** First backoff delay; doubles each retry (default 1000 ms). */
  backoffMs?: number;
  /** Cap for one wait, also for Retry-After (default 30 s). */
  maxDelayMs?: number;
  /** Per-request timeout (default 60 s). */
  timeoutMs?: number;
}

export interface GitHubClient {
  octokit: Octokit;
  /** Runs one request with retries on 5xx, 429 and network errors. */
  call<T>(what: string, fn: () => Promise<T>): Promise<T>;
}

/** An HTTP failure as Octokit reports it. */
export interface HttpFailure {
  status?: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function createClient(token: string, options: ClientOptions): GitHubClient {
  const log = logger();
  const octokit = getOctokit(token, {
    baseUrl: options.baseUrl,
    request: { timeout: options.timeoutMs ?? 60_000 },
    log: {
      debug: (m: string) => log.debug(m),
      info: (m: string) => log.debug(m),
      warn: (m: string) => log.debug(m),
      error: (m: string) => log.debug(m),
    },
  });
  const retry = {
    retries: (options.attempts ?? 4) - 1,
    baseMs: options.backoffMs ?? 1000,
    maxMs: options.maxDelayMs ?? 30_000,
  };
  return {
    octokit,
    call<T>(what: string, fn: () => Promise<T>): Promise<T> {
      return withRetries<T>(
        async () => {
          try {
            return { value: await fn() };
          } catch (e) {
            const f = e as HttpFailure;
            const retryable = f.status === undefined || isRetryableStatus(f.status);
            if (!retryable) throw e;
            const after = f.response?.headers?.['retry-after'];
            return {
              transient: describeFailure(f),
              retryAfter: after === undefined ? undefined : String(after),
              giveUp: () => e,
            };
          }
        },
        { what, retry, logLevel: 'warn' },
      );
    },
  };
}

/** "HTTP 503: Service Unavailable" or the network error, one line. */
export function describeFailure(f: HttpFailure): string {
  const data = f.response?.data as { message?: unknown } | undefined;
  const msg = typeof data?.message === 'string' ? data.message : f.message;
  const text = msg.replace(/\s+/g, ' ').trim().slice(0, 300);
  return f.status ? `HTTP ${f.status}: ${text}` : `network error: ${text}`;
}

/** A GitHub failure as a ShipgateError with a one-line message. */
export function gitHubError(what: string, e: unknown, hint?: string): ShipgateError {
  const f = e as HttpFailure;
  const code = f.status === 401 ? 'AUTH' : f.status === undefined ? 'NETWORK' : 'GITHUB_API';
  return new ShipgateError(code, `${what} failed: ${describeFailure(f)}`, {
    cause: e,
    ...(hint ? { hint } : f.status === 401 ? { hint: 'the token is invalid or expired' } : {}),
  });
}
