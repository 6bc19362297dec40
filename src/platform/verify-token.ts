/**
 * Verifying a CI job's OIDC ID token with jose: the signature against the issuer's published keys, an
 * asymmetric algorithm, the pinned issuer and audience, and the token's times. Every refusal is one GUARD
 * line naming the failed check; a failure to reach the issuer is a NETWORK error. The token is registered as
 * a secret before anything else and never appears in a message.
 */
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { isShipgateError, type ShipgateError } from '../core/errors';
import { identityError } from './identity';
import { issuerKeys, normalizeIssuer, type IssuerKeys, type IssuerOptions } from './issuer';
import { decodeJwt } from './jwt';

/** Asymmetric signatures only: `none` and HMAC (whose key would be the issuer's public key) are refused. */
const ALLOWED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] as const;

/** What a runner clock may be off by, for `nbf` and `iat`. `exp` gets no leeway. */
const CLOCK_SKEW_S = 60;

export interface VerifyOptions extends IssuerOptions {
  /** The issuer the token must name in `iss`, pinned by configuration. */
  issuer: string;
  /** The audience the token must be issued for. */
  audience: string;
  now?: Date;
  /** The token as messages name it ("the ID token in SHIPGATE_ID_TOKEN"). */
  label?: string;
  /** The issuer's keys; default: discovered once per issuer and process. */
  keys?: IssuerKeys;
}

const TOKEN_HINT = 'use the ID token the CI issues to this job';

/** A claim value for a message: JSON-quoted, so control characters in an untrusted token show escaped. */
function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? 'nothing';
  return json.length > 120 ? `${json.slice(0, 120)}…` : json;
}

/** One GUARD line for a jose refusal. */
function refusal(e: unknown, label: string, options: VerifyOptions, issuer: string): ShipgateError {
  if (e instanceof errors.JWTExpired) {
    const exp = Number(e.payload.exp);
    const ago = Math.floor((options.now ?? new Date()).getTime() / 1000) - exp;
    return identityError(
      `${label} expired ${ago} s ago`,
      'use the token in the job that requested it, soon after it starts',
    );
  }
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.reason === 'missing')
      return e.claim === 'exp'
        ? identityError(`${label} has no expiry ("exp" claim)`, TOKEN_HINT)
        : identityError(`${label} has no "${e.claim}" claim`, TOKEN_HINT);
    if (e.claim === 'nbf')
      return identityError(`${label} is not valid yet ("nbf" claim)`, 'check the runner clock');
    if (e.claim === 'aud')
      return identityError(
        `${label} is for audience ${shown(e.payload.aud)}, not "${options.audience}"`,
        `request the token for audience "${options.audience}" (GitLab: id_tokens: ... aud: ${options.audience}), or change the expected audience with --oidc-audience`,
      );
    if (e.claim === 'iss')
      return identityError(`${label} was issued by ${shown(e.payload.iss)}, not ${issuer}`, TOKEN_HINT);
    return identityError(`${label} fails the "${e.claim}" check: ${e.message}`, TOKEN_HINT);
  }
  if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported)
    return identityError(
      `${label} is not signed with an accepted algorithm (${ALLOWED_ALGORITHMS.join(', ')})`,
      TOKEN_HINT,
    );
  if (e instanceof errors.JWSSignatureVerificationFailed)
    return identityError(`${label} has a signature that no key of ${issuer} verifies`, TOKEN_HINT);
  if (e instanceof errors.JWKSNoMatchingKey)
    return identityError(`no key of ${issuer} matches ${label} (its "kid" is unknown)`, TOKEN_HINT);
  if (e instanceof errors.JWKSMultipleMatchingKeys)
    return identityError(`${label} names no "kid" and ${issuer} has several keys`, TOKEN_HINT);
  if (e instanceof errors.JWSInvalid || e instanceof errors.JWTInvalid)
    return identityError(`${label} is not a valid signed JSON Web Token: ${e.message}`, TOKEN_HINT);
  throw e;
}

/**
 * The verified claims of an ID token: signed by a key the issuer publishes, with an allowed algorithm,
 * naming the issuer and audience, with `exp`, `nbf` and `iat`, unexpired and not issued or valid in the
 * future (60 s leeway for `nbf`/`iat`).
 */
export async function verifyIdToken(token: string, options: VerifyOptions): Promise<JWTPayload> {
  const label = options.label ?? 'the ID token';
  const decoded = decodeJwt(token);
  if (typeof decoded === 'string') throw identityError(`${label} is ${decoded}`, TOKEN_HINT);
  const issuer = normalizeIssuer(options.issuer);
  const named = (decoded.payload as { iss?: unknown } | null)?.iss;
  // A token of another issuer is refused before anything is fetched on its behalf.
  if (named !== issuer)
    throw identityError(
      named === undefined
        ? `${label} has no "iss" claim`
        : `${label} was issued by ${shown(named)}, not ${issuer}`,
      TOKEN_HINT,
    );

  const keys = options.keys ?? (await issuerKeys(issuer, options));
  const now = options.now ?? new Date();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys.getKey, {
      issuer,
      audience: options.audience,
      algorithms: [...ALLOWED_ALGORITHMS],
      requiredClaims: ['exp', 'nbf', 'iat'],
      clockTolerance: CLOCK_SKEW_S,
      currentDate: now,
    }));
  } catch (e) {
    if (isShipgateError(e)) throw e;
    throw refusal(e, label, options, issuer);
  }
  const t = Math.floor(now.getTime() / 1000);
  if (payload.exp! <= t)
    throw identityError(
      `${label} expired ${t - payload.exp!} s ago`,
      'use the token in the job that requested it, soon after it starts',
    );
  if (payload.iat! > t + CLOCK_SKEW_S)
    throw identityError(`${label} is issued in the future ("iat" claim)`, 'check the runner clock');
  return payload;
}
