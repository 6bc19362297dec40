/**
 * The identity of the CI job shipgate runs in, as each CI platform proves it: an OIDC ID token whose claims
 * are compared with the job's own environment. What is checked today: the token is a JWT, it is unexpired,
 * its audience (GitHub), and its claims equal the job's variables. What is not: its signature, its issuer and
 * (GitLab) its audience, so anyone who controls the process environment can forge a matching job.
 */
import { ShipgateError } from '../core/errors';

/** The audience shipgate asks GitHub for, and suggests for GitLab's `id_tokens:`. */
export const SHIPGATE_AUDIENCE = 'shipgate';

export type CiPlatformName = 'github' | 'gitlab';

export interface CiIdentity {
  platform: CiPlatformName;
  /** owner/repo or group/project. */
  project: string;
  /** Workflow run or pipeline id. */
  run: string;
  sha: string;
  ref: string;
  /** The token's subject, for the log. */
  subject: string;
}

export interface IdentityOptions {
  now?: Date;
  /** How to fetch a token from the CI runtime (default global fetch). */
  fetch?: typeof fetch;
}

/** One CI system: how to tell a job runs in it, and how to establish that job's identity. */
export interface CiPlatform {
  readonly name: CiPlatformName;
  /** The product name, for messages ("GitHub Actions"). */
  readonly title: string;
  /** Whether the environment is one of this platform's jobs. */
  detect(env: NodeJS.ProcessEnv): boolean;
  /** The job's identity, or a GUARD error saying why it cannot be established. */
  identity(env: NodeJS.ProcessEnv, options?: IdentityOptions): Promise<CiIdentity>;
}

/** A claim of the ID token next to the value the job's environment has for it. */
export interface ClaimPair {
  claim: string;
  token: string | boolean | undefined;
  job: string | boolean | undefined;
  /** A required claim must be in the token, and the job must have a value for it. */
  required?: boolean;
}

/**
 * The claims that disagree with the job, one phrase each ("sha is "…" but the job has "…""). Optional
 * claims are compared only when both sides have a value.
 */
export function claimMismatches(pairs: readonly ClaimPair[]): string[] {
  const out: string[] = [];
  for (const { claim, token, job, required } of pairs) {
    if (token === undefined) {
      if (required) out.push(`${claim} is missing`);
      continue;
    }
    if ((job === undefined || job === '') && !required) continue;
    if (token !== job) out.push(`${claim} is "${String(token)}" but the job has "${String(job ?? '')}"`);
  }
  return out;
}

/** A GUARD error: the job's identity could not be established. */
export function identityError(message: string, hint: string): ShipgateError {
  return new ShipgateError('GUARD', message, { hint });
}

/** Nothing a clock on a CI runner can be expected to beat. */
const CLOCK_SKEW_S = 60;

/** Refuses a token without expiry, an expired one, or one not valid yet. */
export function checkTokenTimes(
  claims: { exp?: number | undefined; nbf?: number | undefined },
  now: Date,
): void {
  const t = Math.floor(now.getTime() / 1000);
  if (claims.exp === undefined)
    throw identityError('the ID token has no expiry ("exp" claim)', 'use the token your CI issues');
  if (claims.exp <= t)
    throw identityError(
      `the ID token expired ${t - claims.exp} s ago`,
      'use the token in the job that requested it, soon after it starts',
    );
  if (claims.nbf !== undefined && claims.nbf > t + CLOCK_SKEW_S)
    throw identityError('the ID token is not valid yet ("nbf" claim)', 'check the runner clock');
}

export const MISMATCH_HINT =
  'the ID token must belong to this very job; do not pass tokens between jobs or projects';
