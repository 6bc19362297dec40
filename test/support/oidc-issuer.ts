/**
 * A local OIDC issuer for tests: a node:http server on 127.0.0.1 serving the OpenID configuration and a
 * JWKS, with keys made by jose, and a signer for tokens as that issuer (or as anyone else).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** A compact RS256 JWT with the key's `kid`. */
export function signToken(claims: JWTPayload, key: SigningKey): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

export interface TestIssuer {
  /** http://127.0.0.1:PORT, what tokens name in `iss`. */
  url: string;
  /** The key the issuer publishes and signs with (replaced by rotate()). */
  key: SigningKey;
  /** Requests for the JWKS so far. */
  jwksFetches: number;
  sign(claims: JWTPayload): Promise<string>;
  /** Publishes a new key with a new `kid` instead of the current one. */
  rotate(kid: string): Promise<void>;
  /** Answers every request with this status from now on (undefined: serve normally). */
  failWith(status: number | undefined): void;
  stop(): Promise<void>;
}

export async function startIssuer(): Promise<TestIssuer> {
  let status: number | undefined;
  const server: Server = createServer((req, res) => {
    if (status !== undefined) {
      res.writeHead(status).end();
      return;
    }
    if (req.url === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          issuer: issuer.url,
          jwks_uri: `${issuer.url}/.well-known/jwks`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
      return;
    }
    if (req.url === '/.well-known/jwks') {
      issuer.jwksFetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [issuer.key.publicJwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer: TestIssuer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key: await signingKey('key-1'),
    jwksFetches: 0,
    sign: (claims) => signToken(claims, issuer.key),
    rotate: async (kid) => {
      issuer.key = await signingKey(kid);
    },
    failWith: (s) => {
      status = s;
    },
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return issuer;
}
