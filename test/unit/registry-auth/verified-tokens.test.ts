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
});
