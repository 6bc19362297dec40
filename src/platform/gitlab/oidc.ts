/**
 * OIDC identity of a GitLab job, from the ID tokens the job declares with `id_tokens:`. The claims are
 * decoded here, not verified: the job context only describes them, `shipgate push` verifies the token first
 * (../verify-token.ts) and Fulcio does when it is used for keyless signing. The token itself is registered
 * as a secret at once.
 */
import * as z from 'zod';
import { ShipgateError } from '../../core/errors';
import { decodeJwt } from '../jwt';

/** The environment variables shipgate reads ID tokens from, in order of preference. */
const ID_TOKEN_VARIABLES = ['SIGSTORE_ID_TOKEN', 'SHIPGATE_ID_TOKEN'] as const;
export type IdTokenVariable = (typeof ID_TOKEN_VARIABLES)[number];

const str = z.string().optional();
const num = z.number().optional();
// GitLab writes booleans in its ID token claims as the strings "true"/"false".
const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === true || v === 'true'));

const ClaimsSchema = z.looseObject({
  iss: z.string().min(1),
  sub: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]).transform((a) => (Array.isArray(a) ? a : [a])),
  exp: num,
  iat: num,
  nbf: num,
  jti: str,
  namespace_id: str,
  namespace_path: str,
  project_id: str,
  project_path: str,
  // The project the job runs in, which differs from project_* in a merge request pipeline from a fork.
  job_project_id: str,
  job_project_path: str,
  user_id: str,
  user_login: str,
  pipeline_id: str,
  pipeline_source: str,
  job_id: str,
  ref: str,
  ref_type: str,
  ref_path: str,
  ref_protected: flag,
  environment: str,
  environment_protected: flag,
  runner_id: z.union([z.number(), z.string()]).optional(),
  runner_environment: str,
  sha: str,
  ci_config_ref_uri: str,
  ci_config_sha: str,
  project_visibility: str,
});

export type GitlabIdClaims = z.output<typeof ClaimsSchema>;

export interface GitlabIdentity {
  /** The variable the token came from. */
  variable: IdTokenVariable;
  /** The raw JWT (registered as a secret; never log it). */
  token: string;
  claims: GitlabIdClaims;
}

/** Decodes an ID token's claims without verifying its signature. Throws INPUT for anything that is not a JWT. */
export function decodeIdToken(
  token: string,
  variable: IdTokenVariable = 'SIGSTORE_ID_TOKEN',
): GitlabIdentity {
  const raw = token.trim();
  const decoded = decodeJwt(raw);
  if (typeof decoded === 'string')
    throw new ShipgateError('INPUT', `${variable} is ${decoded}`, { hint: declareHint(variable) });
  return { variable, token: raw, claims: parseIdClaims(decoded.payload, variable) };
}

function declareHint(variable: IdTokenVariable): string {
  return `declare it in the job with id_tokens: ${variable}: aud: ...`;
}

/** The claims shipgate reads from an ID token's payload. Throws INPUT when one has the wrong type. */
export function parseIdClaims(payload: unknown, variable: IdTokenVariable): GitlabIdClaims {
  const parsed = ClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'payload';
    throw new ShipgateError(
      'INPUT',
      `${variable} is not a valid ID token: claim "${where}" ${issue?.message ?? 'is invalid'}`,
      { hint: declareHint(variable) },
    );
  }
  return parsed.data;
}

/**
 * The job's OIDC identity: the first of SIGSTORE_ID_TOKEN and SHIPGATE_ID_TOKEN that is set (or the one asked
 * for), decoded. Undefined when none is set.
 */
export function gitlabIdentity(
  env: NodeJS.ProcessEnv = process.env,
  variable?: IdTokenVariable,
): GitlabIdentity | undefined {
  for (const v of variable ? [variable] : ID_TOKEN_VARIABLES) {
    const token = env[v]?.trim();
    if (token) return decodeIdToken(token, v);
  }
  return undefined;
}

/** Seconds until the token expires (negative once expired); undefined without an `exp` claim. */
export function secondsUntilExpiry(identity: GitlabIdentity, now: Date = new Date()): number | undefined {
  const exp = identity.claims.exp;
  return exp === undefined ? undefined : exp - Math.floor(now.getTime() / 1000);
}

/** Whether the token was issued for the given audience. */
export function hasAudience(identity: GitlabIdentity, audience: string): boolean {
  return identity.claims.aud.includes(audience);
}
