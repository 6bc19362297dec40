/**
 * Reading a compact JSON Web Token's header and payload. Nothing is verified here: callers say so wherever
 * the claims are used. The token is registered as a secret before anything else happens.
 */
import { addSecret } from '../core/logger';

export interface DecodedJwt {
  header: Record<string, unknown> & { alg: string };
  payload: unknown;
}

function json(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The token's header and payload, or a phrase saying why it is not a JWT ("not a JSON Web Token (...)",
 * "not a valid ID token: ..."); the phrase never contains the token.
 */
export function decodeJwt(token: string): DecodedJwt | string {
  addSecret(token);
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[0] || !parts[1])
    return 'not a JSON Web Token (expected three base64url parts)';
  const header = json(parts[0]);
  if (!header || typeof header !== 'object' || Array.isArray(header))
    return 'not a valid ID token: its header is not base64url JSON';
  if (typeof (header as { alg?: unknown }).alg !== 'string')
    return 'not a valid ID token: its header has no "alg"';
  const payload = json(parts[1]);
  if (payload === undefined) return 'not a valid ID token: its payload is not base64url JSON';
  return { header: header as DecodedJwt['header'], payload };
}
