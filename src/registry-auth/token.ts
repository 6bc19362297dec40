/**
 * The registry token, shaped as distribution 2.8.2 decodes it: `aud` a string, `exp`/`nbf`/`iat` integers,
 * `access` a list of `{type, name, actions}`; the header names the key by `x5c` and libtrust `kid`. Signed
 * with node:crypto directly (ECDSA as raw r‖s, as JWS and libtrust expect): it is several times cheaper than
 * going through WebCrypto, and every token request signs one.
 */
import { randomUUID, sign } from 'node:crypto';
import type { Scope } from './scope';
import type { SigningAlgorithm, SigningKey } from './signing-key';

/** How far `nbf` is set back, for registry clocks running behind. */
const NBF_BACKDATE_S = 10;

const HASHES: Record<SigningAlgorithm, string> = {
  ES256: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
  RS256: 'sha256',
};

export interface TokenRequest {
  issuer: string;
  service: string;
  /** The requester, as the token's `sub` (the verified ID token's subject, or empty). */
  subject: string;
  access: readonly Scope[];
  lifetimeS: number;
  now?: Date;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
  issuedAt: string;
}

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

// The header is the same for every token of a key: encoded once.
const headers = new WeakMap<SigningKey, string>();

function headerOf(key: SigningKey): string {
  let header = headers.get(key);
  if (!header) {
    header = part({ alg: key.alg, typ: 'JWT', kid: key.kid, x5c: key.x5c });
    headers.set(key, header);
  }
  return header;
}

export function signRegistryToken(key: SigningKey, req: TokenRequest): IssuedToken {
  const iat = Math.floor((req.now ?? new Date()).getTime() / 1000);
  const header = headerOf(key);
  const payload = part({
    iss: req.issuer,
    sub: req.subject,
    aud: req.service,
    exp: iat + req.lifetimeS,
    nbf: iat - NBF_BACKDATE_S,
    iat,
    jti: randomUUID(),
    access: req.access.map((s) => ({ type: s.type, name: s.name, actions: s.actions })),
  });
  const input = `${header}.${payload}`;
  const signature = sign(HASHES[key.alg], Buffer.from(input), {
    key: key.privateKey,
    ...(key.alg === 'RS256' ? {} : { dsaEncoding: 'ieee-p1363' as const }),
  });
  return {
    token: `${input}.${signature.toString('base64url')}`,
    expiresIn: req.lifetimeS,
    issuedAt: new Date(iat * 1000).toISOString(),
  };
}
