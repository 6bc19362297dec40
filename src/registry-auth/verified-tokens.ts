/**
 * Claims of ID tokens verified recently, by the token's SHA-256. One push asks for a registry token several
 * times with the same ID token (one per repository and blob mount), often at once; verifying its signature
 * once is enough, and concurrent requests wait for that one verification.
 * An entry lasts until the token expires, at most 60 s, so a key the issuer withdraws stops working within
 * a minute. Only hashes are kept, never tokens.
 */
import { createHash } from 'node:crypto';

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  issuer: string;
  claims: Record<string, unknown>;
  until: number;
}

export class VerifiedTokens {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  /** The verification of `key` under way, or `work` started as it; concurrent requests share one. */
  once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = work().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  static key(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  get(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && e.until > now) return e;
    if (e) this.entries.delete(key);
    return undefined;
  }

  set(key: string, issuer: string, claims: Record<string, unknown>, now: number): void {
    const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : now;
    const until = Math.min(exp, now + MAX_AGE_MS);
    if (until <= now) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { issuer, claims, until });
  }
}
