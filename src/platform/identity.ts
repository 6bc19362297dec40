/**
 * The identity of the CI job shipgate runs in, as each CI platform proves it: an OIDC ID token verified
 * against its issuer's published keys (./verify-token.ts), for a pinned issuer and audience, whose claims
 * are then compared with the job's own environment.
 */
import { ShipgateError } from '../core/errors';

/** The audience shipgate asks GitHub for, and suggests for GitLab's `id_tokens:`. */
export const SHIPGATE_AUDIENCE = 'shipgate';

type CiPlatformName = 'github' | 'gitlab';

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
  /** The issuer whose signature the token carries. */
  issuer: string;
}

export interface IdentityOptions {
  now?: Date;
  /** How to fetch a token from the CI runtime and the issuer's keys (default global fetch). */
  fetch?: typeof fetch;
  /** The issuer the ID token must come from (GitHub: token.actions.githubusercontent.com by default; GitLab: required). */
  issuer?: string;
  /** The audience the ID token must be issued for (default `shipgate`). */
  audience?: string;
  /** The repository (owner/repo) or project path (group/project) the ID token must name, when pinned. */
  project?: string;
  /** GitHub events allowed to push although their runs can execute a fork's code (pull_request_target, ...). */
  allowEvents?: readonly string[];
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

/**
 * Refuses a token of another project than the pinned one. The job's variables cannot pin it: a job that
 * forges them can match any genuine token of the same issuer.
 */
export function checkPinnedProject(
  claim: string,
  project: string | undefined,
  options: IdentityOptions,
): void {
  if (options.project === undefined || project === options.project) return;
  throw identityError(
    `the ID token's ${claim} is "${project ?? ''}", not the configured "${options.project}"`,
    'push from the project --oidc-project names',
  );
}

export const MISMATCH_HINT =
  'the ID token must belong to this very job; do not pass tokens between jobs or projects';
