import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from '../../../src/registry-auth/verified-tokens';

describe('verified ID tokens cache', () => {
  const now = 1_800_000_000_000;
  const claims = (expS: number) => ({ sub: 'x', exp: expS });

  it('keys by hash, never by the token', () => {
    const key = VerifiedTokens.key('header.payload.signature');
    expect(key).not.toContain('payload');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('keeps a verified token at most 60 s, and never past its expiry', () => {
    const cache = new VerifiedTokens();
    cache.set('long', 'github', claims(now / 1000 + 3600), now);
    cache.set('short', 'github', claims(now / 1000 + 5), now);
    cache.set('expired', 'github', claims(now / 1000 - 1), now);
    expect(cache.get('long', now + 59_000)?.issuer).toBe('github');
    expect(cache.get('long', now + 60_000)).toBeUndefined();
    expect(cache.get('short', now + 4_000)?.claims.sub).toBe('x');
    expect(cache.get('short', now + 5_000)).toBeUndefined();
    expect(cache.get('expired', now)).toBeUndefined();
    expect(cache.get('unknown', now)).toBeUndefined();
  });

  it('runs one verification for concurrent requests with the same token, and a new one after it ends', async () => {
    const cache = new VerifiedTokens();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const work = async () => {
      runs++;
      await gate;
      return `verified ${runs}`;
    };
    const concurrent = Array.from({ length: 50 }, () => cache.once('k', work));
    const other = cache.once('other', work);
    release();
    expect(new Set(await Promise.all(concurrent))).toEqual(new Set(['verified 2']));
    expect(await other).toBe('verified 2');
    expect(runs).toBe(2);
    expect(await cache.once('k', work)).toBe('verified 3');
  });

  it('shares a failed verification with the requests waiting for it, then forgets it', async () => {
    const cache = new VerifiedTokens();
    let runs = 0;
    const failing = () => {
      runs++;
      return Promise.reject(new Error(`bad signature ${runs}`));
    };
    const results = await Promise.allSettled([cache.once('k', failing), cache.once('k', failing)]);
    expect(results.map((r) => (r as PromiseRejectedResult).reason.message)).toEqual([
      'bad signature 1',
      'bad signature 1',
    ]);
    await expect(cache.once('k', failing)).rejects.toThrow('bad signature 2');
  });
});
