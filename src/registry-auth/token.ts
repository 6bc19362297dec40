/**
 * The registry token, shaped as distribution 2.8.2 decodes it: `aud` a string, `exp`/`nbf`/`iat` integers,
 * `access` a list of `{type, name, actions}`; the header names the key by `x5c` and libtrust `kid`.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Scope } from './scope';
import type { SigningKey } from './signing-key';

/** How far `nbf` is set back, for registry clocks running behind. */
const NBF_BACKDATE_S = 10;

export interface TokenRequest {
  issuer: string;
  service: string;
  /** The requester, as the token's `sub` (the ID token's subject, or the account name, or empty). */
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

export async function signRegistryToken(key: SigningKey, req: TokenRequest): Promise<IssuedToken> {
  const now = req.now ?? new Date();
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({
    access: req.access.map((s) => ({ type: s.type, name: s.name, actions: s.actions })),
  })
    .setProtectedHeader({ alg: key.alg, typ: 'JWT', kid: key.kid, x5c: key.x5c })
    .setIssuer(req.issuer)
    .setSubject(req.subject)
    .setAudience(req.service)
    .setIssuedAt(iat)
    .setNotBefore(iat - NBF_BACKDATE_S)
    .setExpirationTime(iat + req.lifetimeS)
    .setJti(randomUUID())
    .sign(key.privateKey);
  return { token, expiresIn: req.lifetimeS, issuedAt: new Date(iat * 1000).toISOString() };
}
