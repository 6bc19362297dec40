/**
 * ID token verification against a local OIDC issuer (discovery document and JWKS over http on 127.0.0.1):
 * what passes, and each way a token or an issuer is refused.
 */
import { createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { mask } from '../../../src/core/logger';
import { discoverIssuer, normalizeIssuer } from '../../../src/platform/issuer';
import { verifyIdToken, type VerifyOptions } from '../../../src/platform/verify-token';
import { freePort } from '../../support/registry';
import { signingKey, signToken, startIssuer, type TestIssuer } from '../../support/oidc-issuer';

const NOW = new Date();
const T = Math.floor(NOW.getTime() / 1000);

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());

/** GitHub-shaped claims for the local issuer. */
function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: issuer.url,
    aud: 'shipgate',
    sub: 'repo:acme/web:ref:refs/heads/main',
    repository: 'acme/web',
    ref: 'refs/heads/main',
    event_name: 'push',
    iat: T - 5,
    nbf: T - 10,
    exp: T + 300,
    ...extra,
  };
}

function options(extra: Partial<VerifyOptions> = {}): VerifyOptions {
  return { issuer: issuer.url, audience: 'shipgate', now: NOW, ...extra };
}

async function failure(p: Promise<unknown>, code = 'GUARD'): Promise<ShipgateError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ShipgateError);
  const err = e as ShipgateError;
  expect(err.code).toBe(code);
  expect(err.message).not.toContain('\n');
  expect(err.hint).toBeTruthy();
  return err;
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('ID token verification', () => {
  it('accepts a token signed by the issuer for the audience, and masks it', async () => {
    const token = await issuer.sign(claims());
    const payload = await verifyIdToken(token, options());
    expect(payload).toMatchObject({ iss: issuer.url, aud: 'shipgate', repository: 'acme/web' });
    expect(mask(`x ${token} y`)).toBe('x *** y');
  });

  it('accepts an audience list that contains the audience, and nbf/iat within the clock skew', async () => {
    const token = await issuer.sign(claims({ aud: ['other', 'shipgate'], nbf: T + 50, iat: T + 50 }));
    await expect(verifyIdToken(token, options())).resolves.toMatchObject({ repository: 'acme/web' });
  });

  it('refuses an expired token, one not valid yet, and one issued in the future', async () => {
    const expired = await issuer.sign(claims({ exp: T - 30 }));
    expect((await failure(verifyIdToken(expired, options()))).message).toBe('the ID token expired 30 s ago');
    const early = await issuer.sign(claims({ nbf: T + 120 }));
    expect((await failure(verifyIdToken(early, options()))).message).toMatch(/not valid yet \("nbf"/);
    const future = await issuer.sign(claims({ iat: T + 120 }));
    expect((await failure(verifyIdToken(future, options()))).message).toMatch(/issued in the future/);
  });

  it.each(['exp', 'nbf', 'iat'])('refuses a token without "%s"', async (claim) => {
    const { [claim]: _drop, ...rest } = claims();
    const err = await failure(verifyIdToken(await issuer.sign(rest), options()));
    expect(err.message).toMatch(claim === 'exp' ? /no expiry \("exp" claim\)/ : `no "${claim}" claim`);
  });

  it('refuses a token of another issuer without fetching anything for it', async () => {
    const before = issuer.jwksFetches;
    const err = await failure(
      verifyIdToken(await issuer.sign(claims({ iss: 'https://gitlab.evil.example' })), options()),
    );
    expect(err.message).toBe(`the ID token was issued by "https://gitlab.evil.example", not ${issuer.url}`);
    expect(issuer.jwksFetches).toBe(before);
    const hostile = await failure(
      verifyIdToken(await issuer.sign(claims({ iss: 'https://x\u001b[2J\nforged line' })), options()),
    );
    expect(hostile.message).toBe(
      `the ID token was issued by "https://x\\u001b[2J\\nforged line", not ${issuer.url}`,
    );
  });

  it('refuses a token for another audience', async () => {
    const err = await failure(verifyIdToken(await issuer.sign(claims({ aud: 'sigstore' })), options()));
    expect(err.message).toBe('the ID token is for audience "sigstore", not "shipgate"');
    expect(err.hint).toMatch(/--oidc-audience/);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    const err = await failure(verifyIdToken(token, options()));
    expect(err.message).toMatch(/not signed with an accepted algorithm \(RS256, /);
  });

  it("refuses an HMAC token keyed with the issuer's public key (algorithm confusion)", async () => {
    const jwk = issuer.key.publicJwk;
    const pem = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    for (const secret of [String(pem), JSON.stringify(jwk)]) {
      const token = await new SignJWT(claims())
        .setProtectedHeader({ alg: 'HS256', kid: jwk.kid!, typ: 'JWT' })
        .sign(new TextEncoder().encode(secret));
      const err = await failure(verifyIdToken(token, options()));
      expect(err.message).toMatch(/not signed with an accepted algorithm/);
    }
  });

  it('refuses a token signed by a foreign key that claims the issuer key id', async () => {
    const foreign = await signingKey(issuer.key.kid);
    const err = await failure(verifyIdToken(await signToken(claims(), foreign), options()));
    expect(err.message).toBe(`the ID token has a signature that no key of ${issuer.url} verifies`);
  });

  it('refuses a token with a key id the issuer does not publish', async () => {
    const stranger = await signingKey('not-published');
    const err = await failure(verifyIdToken(await signToken(claims(), stranger), options()));
    expect(err.message).toMatch(/no key of .* matches the ID token \(its "kid" is unknown\)/);
  });

  it('refuses something that is not a JWT without echoing it', async () => {
    const err = await failure(verifyIdToken('not-a-token-s3cret', options({ label: 'SHIPGATE_ID_TOKEN' })));
    expect(err.message).toBe('SHIPGATE_ID_TOKEN is not a JSON Web Token (expected three base64url parts)');
  });
});

describe('issuer keys', () => {
  it('refetches the key set when a token names a new key id (rotation), and caches it otherwise', async () => {
    const rotating = await startIssuer();
    try {
      const keys = await discoverIssuer(rotating.url, { cooldownMs: 0 });
      const opts = options({ issuer: rotating.url, keys });
      const first = await rotating.sign(claims({ iss: rotating.url }));
      await verifyIdToken(first, opts);
      await verifyIdToken(first, opts);
      expect(rotating.jwksFetches).toBe(1);
      await rotating.rotate('key-2');
      const second = await rotating.sign(claims({ iss: rotating.url }));
      await expect(verifyIdToken(second, opts)).resolves.toMatchObject({ iss: rotating.url });
      expect(rotating.jwksFetches).toBe(2);
      // The retired key is no longer published.
      await failure(verifyIdToken(first, opts));
    } finally {
      await rotating.stop();
    }
  });

  it('does not refetch for an unknown key id right after a fetch (cooldown)', async () => {
    const rotating = await startIssuer();
    try {
      const keys = await discoverIssuer(rotating.url);
      const opts = options({ issuer: rotating.url, keys });
      await verifyIdToken(await rotating.sign(claims({ iss: rotating.url })), opts);
      await rotating.rotate('key-2');
      const err = await failure(verifyIdToken(await rotating.sign(claims({ iss: rotating.url })), opts));
      expect(err.message).toMatch(/"kid" is unknown/);
      expect(rotating.jwksFetches).toBe(1);
    } finally {
      await rotating.stop();
    }
  });

  it('fails with a remote error (exit 4) when the issuer is down or its keys cannot be fetched', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const token = await issuer.sign(claims({ iss: down }));
    const err = await failure(verifyIdToken(token, options({ issuer: down })), 'NETWORK');
    expect(err.exitCode).toBe(4);
    expect(err.message).toMatch(
      new RegExp(`^cannot fetch the OpenID configuration of the OIDC issuer ${down}: ECONNREFUSED$`),
    );

    const failing = await startIssuer();
    try {
      failing.failWith(503);
      const e503 = await failure(discoverIssuer(failing.url), 'NETWORK');
      expect(e503.message).toMatch(/: HTTP 503$/);
      failing.failWith(undefined);
      const keys = await discoverIssuer(failing.url);
      failing.failWith(500);
      const t = await failing.sign(claims({ iss: failing.url }));
      const eKeys = await failure(verifyIdToken(t, options({ issuer: failing.url, keys })), 'NETWORK');
      expect(eKeys.exitCode).toBe(4);
      expect(eKeys.message).toMatch(
        /^cannot fetch the keys \(http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\)/,
      );
    } finally {
      await failing.stop();
    }
  });

  it('accepts only https issuers, or http on a loopback address', () => {
    expect(normalizeIssuer('https://gitlab.example.com/')).toBe('https://gitlab.example.com');
    expect(normalizeIssuer('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    for (const bad of [
      'http://gitlab.example.com',
      'gitlab.com',
      'https://u:p@gitlab.com',
      'https://x/?a=1',
    ]) {
      expect(() => normalizeIssuer(bad)).toThrow(ShipgateError);
      expect(() => normalizeIssuer(bad)).toThrow(/is not an https URL/);
    }
  });

  describe('a discovery document that does not fit', () => {
    let server: Server;
    let base = '';
    let doc: (url: string) => { status: number; headers?: Record<string, string>; body?: unknown };
    beforeAll(async () => {
      server = createServer((req, res) => {
        const r = doc(req.url ?? '/');
        res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
        res.end(r.body === undefined ? '' : JSON.stringify(r.body));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('refuses a document that names another issuer', async () => {
      doc = () => ({ status: 200, body: { issuer: 'https://elsewhere.example', jwks_uri: `${base}/k` } });
      const err = await failure(discoverIssuer(base));
      expect(err.message).toBe(
        `the OpenID configuration at ${base} names the issuer "https://elsewhere.example"`,
      );
    });

    it('refuses a plain-http key set of a remote host', async () => {
      doc = () => ({ status: 200, body: { issuer: base, jwks_uri: 'http://keys.example/jwks' } });
      expect((await failure(discoverIssuer(base))).message).toMatch(/has no https "jwks_uri"/);
    });

    it('follows a redirect on the same origin but not to another one', async () => {
      doc = (url) =>
        url === '/.well-known/openid-configuration'
          ? { status: 302, headers: { location: '/moved' } }
          : { status: 200, body: { issuer: base, jwks_uri: `${base}/k` } };
      await expect(discoverIssuer(base)).resolves.toMatchObject({ issuer: base, jwksUri: `${base}/k` });
      doc = () => ({ status: 302, headers: { location: 'https://attacker.example/openid-configuration' } });
      const err = await failure(discoverIssuer(base));
      expect(err.message).toMatch(
        /redirects its OpenID configuration to https:\/\/attacker\.example, which is not followed/,
      );
    });

    it('refuses an issuer without an OpenID configuration (not a network failure)', async () => {
      doc = () => ({ status: 404 });
      const err = await failure(discoverIssuer(base));
      expect(err.message).toBe(`the OIDC issuer ${base} serves no OpenID configuration (HTTP 404)`);
      expect(err.hint).toMatch(/--oidc-issuer/);
    });
  });
});
