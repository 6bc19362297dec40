/**
 * The trusted CI issuers at run time: each one's key set (discovered through ./platform, cached and rotated
 * by jose), whether its keys were reachable at least once (for /healthz), and its fetches counted for
 * /metrics. Issuers unreachable at start are retried in the background; a token of such an issuer tries once
 * more on its own.
 */
import { discoverIssuer, type IssuerKeys } from '../platform/issuer';
import { errors } from 'jose';
import type { TrustedIssuer } from './config';
import type { Metrics } from './metrics';

const RETRY_MS = 30_000;

export interface IssuerState {
  config: TrustedIssuer;
  keys?: Promise<IssuerKeys>;
  /** The issuer's keys were fetched successfully at least once. */
  reachable: boolean;
  /** Why the last attempt failed, while unreachable. */
  problem?: string;
}

export interface IssuerPoolOptions {
  fetch?: typeof fetch;
  /** Time after a key fetch during which an unknown `kid` does not trigger another (jose default 30 s). */
  cooldownMs?: number;
}

export class IssuerPool {
  private readonly states: IssuerState[];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    issuers: readonly TrustedIssuer[],
    private readonly metrics: Metrics,
    private readonly options: IssuerPoolOptions = {},
  ) {
    this.states = issuers.map((config) => ({ config, reachable: false }));
  }

  /** The trusted issuer a token's `iss` names, if any. */
  byUrl(iss: unknown): IssuerState | undefined {
    return this.states.find((s) => s.config.url === iss);
  }

  all(): readonly IssuerState[] {
    return this.states;
  }

  /** The issuer's keys, discovering them first if that has not succeeded yet (once for concurrent callers). */
  keys(state: IssuerState): Promise<IssuerKeys> {
    state.keys ??= discoverIssuer(state.config.url, {
      fetch: this.countingFetch(state),
      ...(this.options.cooldownMs !== undefined ? { cooldownMs: this.options.cooldownMs } : {}),
    });
    const keys = state.keys;
    keys.catch((e: unknown) => {
      state.problem = (e as Error).message;
      // A failed discovery is tried again by the next caller.
      if (state.keys === keys) delete state.keys;
    });
    return keys;
  }

  /** Discovers every issuer and loads its keys; failures are kept for /healthz and retried later. */
  async warmUp(): Promise<void> {
    await Promise.all(
      this.states
        .filter((s) => !s.reachable)
        .map(async (s) => {
          try {
            const keys = await this.keys(s);
            // Loads jose's cached key set; no key has this id, so the expected answer is "no matching key".
            await keys.getKey({ alg: 'RS256', kid: 'shipgate-warm-up' }, { payload: '', signature: '' });
          } catch (e) {
            if (!(e instanceof errors.JWKSNoMatchingKey)) s.problem = (e as Error).message;
          }
        }),
    );
  }

  /** Retries unreachable issuers every 30 s until all were reached once. */
  startRetries(): void {
    this.timer = setInterval(() => {
      if (this.states.every((s) => s.reachable)) {
        this.stopRetries();
        return;
      }
      void this.warmUp();
    }, RETRY_MS);
    this.timer.unref();
  }

  stopRetries(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private countingFetch(state: IssuerState): typeof fetch {
    const doFetch = this.options.fetch ?? fetch;
    const name = state.config.name;
    return async (input, init) => {
      const isKeys = !String(input instanceof Request ? input.url : input).endsWith(
        '/.well-known/openid-configuration',
      );
      try {
        const res = await doFetch(input, init);
        this.metrics.jwksFetch(name, res.ok);
        if (!res.ok) state.problem = `the issuer answered HTTP ${res.status}`;
        else if (isKeys) {
          state.reachable = true;
          delete state.problem;
        }
        return res;
      } catch (e) {
        this.metrics.jwksFetch(name, false);
        state.problem = (e as Error).message;
        throw e;
      }
    };
  }
}
