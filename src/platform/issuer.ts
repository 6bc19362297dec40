/**
 * An OIDC issuer's signing keys: the issuer URL is checked (https, or http on a loopback address), its
 * OpenID configuration is fetched from `<issuer>/.well-known/openid-configuration` and must name the same
 * issuer, and its `jwks_uri` becomes a jose remote key set, which caches the keys and refetches them when a
 * token names a `kid` the cached set lacks (key rotation).
 */
import { createRemoteJWKSet, customFetch, errors, type JWTVerifyGetKey } from 'jose';
import { ShipgateError } from '../core/errors';
import { identityError } from './identity';

export interface IssuerOptions {
  /** HTTP client (default global fetch). */
  fetch?: typeof fetch;
  /** Time after a key fetch during which an unknown `kid` does not trigger another (default 30 s). */
  cooldownMs?: number;
  /** Time per request (default 10 s). */
  timeoutMs?: number;
}

export interface IssuerKeys {
  issuer: string;
  jwksUri: string;
  /** Resolves a token's key; fetch failures are NETWORK errors. */
  getKey: JWTVerifyGetKey;
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 10_000;

/** Whether a URL may be fetched for a token's keys: https, or plain http to this machine (tests). */
function secureUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

/**
 * The issuer as a token's `iss` must spell it: an https URL (http only on a loopback address), without
 * credentials, query or fragment, trailing slashes removed. Throws USAGE for anything else.
 */
export function normalizeIssuer(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  if (!url || !secureUrl(url) || url.username || url.password || url.search || url.hash)
    throw new ShipgateError('USAGE', `the OIDC issuer "${trimmed}" is not an https URL`, {
      hint: 'give the issuer exactly as the ID token\'s "iss" claim names it, e.g. https://gitlab.example.com',
    });
  return trimmed;
}

function networkError(issuer: string, what: string, e: unknown): ShipgateError {
  const cause =
    (e as { cause?: { code?: string } }).cause?.code ??
    ((e as Error).name === 'TimeoutError' || e instanceof errors.JWKSTimeout
      ? 'timed out'
      : (e as Error).message);
  return new ShipgateError('NETWORK', `cannot fetch ${what} of the OIDC issuer ${issuer}: ${cause}`, {
    hint: 'check that the issuer is reachable from the job, then retry it',
    cause: e,
  });
}

/** GET with no redirect to another origin (a same-origin one is followed, up to three times). */
async function getJson(url: URL, issuer: string, options: IssuerOptions): Promise<unknown> {
  const doFetch = options.fetch ?? fetch;
  let target = url;
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await doFetch(target, {
        redirect: 'manual',
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
      });
    } catch (e) {
      throw networkError(issuer, 'the OpenID configuration', e);
    }
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location');
      const next = location ? new URL(location, target) : undefined;
      if (!next || next.origin !== url.origin || hop >= MAX_REDIRECTS)
        throw identityError(
          `the OIDC issuer ${issuer} redirects its OpenID configuration to ${next?.origin ?? 'nowhere'}, which is not followed`,
          'give the issuer URL that serves /.well-known/openid-configuration itself',
        );
      target = next;
      continue;
    }
    if (res.status >= 500 || res.status === 429)
      throw networkError(issuer, 'the OpenID configuration', new Error(`HTTP ${res.status}`));
    if (!res.ok)
      throw identityError(
        `the OIDC issuer ${issuer} serves no OpenID configuration (HTTP ${res.status})`,
        'check the issuer URL (--oidc-issuer): it must be the "iss" claim of the ID tokens',
      );
    try {
      return (await res.json()) as unknown;
    } catch (e) {
      if ((e as Error).name === 'TimeoutError') throw networkError(issuer, 'the OpenID configuration', e);
      throw identityError(
        `the OpenID configuration of ${issuer} is not JSON`,
        'check the issuer URL (--oidc-issuer)',
      );
    }
  }
}

/** Fetches the issuer's OpenID configuration and returns a cached, rotating resolver for its keys. */
export async function discoverIssuer(issuer: string, options: IssuerOptions = {}): Promise<IssuerKeys> {
  const normalized = normalizeIssuer(issuer);
  const doc = await getJson(new URL(`${normalized}/.well-known/openid-configuration`), normalized, options);
  const { issuer: named, jwks_uri: jwksUri } = (doc ?? {}) as { issuer?: unknown; jwks_uri?: unknown };
  if (named !== normalized)
    throw identityError(
      `the OpenID configuration at ${normalized} names the issuer "${String(named)}"`,
      'give the issuer exactly as the ID token\'s "iss" claim names it',
    );
  let jwks: URL | undefined;
  try {
    jwks = typeof jwksUri === 'string' ? new URL(jwksUri) : undefined;
  } catch {
    jwks = undefined;
  }
  if (!jwks || !secureUrl(jwks) || (jwks.protocol === 'http:' && new URL(normalized).protocol !== 'http:'))
    throw identityError(
      `the OpenID configuration of ${normalized} has no https "jwks_uri"`,
      'check the issuer URL (--oidc-issuer)',
    );
  const remote = createRemoteJWKSet(jwks, {
    timeoutDuration: options.timeoutMs ?? TIMEOUT_MS,
    ...(options.cooldownMs !== undefined ? { cooldownDuration: options.cooldownMs } : {}),
    ...(options.fetch ? { [customFetch]: options.fetch } : {}),
  });
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remote(header, token);
    } catch (e) {
      // Which key fits the token is the verifier's business; anything else is the fetch failing.
      if (
        e instanceof errors.JWKSNoMatchingKey ||
        e instanceof errors.JWKSMultipleMatchingKeys ||
        e instanceof errors.JOSENotSupported
      )
        throw e;
      if (e instanceof errors.JWKSInvalid)
        throw identityError(
          `the key set of the OIDC issuer ${normalized} is malformed`,
          'check the issuer URL (--oidc-issuer)',
        );
      throw networkError(normalized, `the keys (${jwks.href})`, e);
    }
  };
  return { issuer: normalized, jwksUri: jwks.href, getKey };
}

const cache = new Map<string, Promise<IssuerKeys>>();

/**
 * discoverIssuer(), once per issuer and process: later tokens of the same issuer reuse its key set (and its
 * rotation). A failed discovery is not kept.
 */
export function issuerKeys(issuer: string, options: IssuerOptions = {}): Promise<IssuerKeys> {
  const key = normalizeIssuer(issuer);
  let keys = cache.get(key);
  if (!keys) {
    keys = discoverIssuer(key, options);
    cache.set(key, keys);
    void keys.catch(() => cache.delete(key));
  }
  return keys;
}
