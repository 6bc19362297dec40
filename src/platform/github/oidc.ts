/**
 * The OIDC identity of a GitHub Actions job: an ID token requested from the Actions runtime for audience
 * `shipgate`, its claims decoded (not verified: see ../identity.ts) and compared with the GITHUB_* variables.
 */
import { ShipgateError } from '../../core/errors';
import { addSecret } from '../../core/logger';
import {
  checkTokenTimes,
  claimMismatches,
  identityError,
  MISMATCH_HINT,
  SHIPGATE_AUDIENCE,
  type CiIdentity,
  type CiPlatform,
} from '../identity';
import { decodeJwt } from '../jwt';

/** GitHub's ID token claims shipgate reads (decoded, unverified). */
export interface GithubIdClaims {
  sub: string;
  aud: string[];
  exp?: number | undefined;
  nbf?: number | undefined;
  repository?: string | undefined;
  run_id?: string | undefined;
  sha?: string | undefined;
  ref?: string | undefined;
  workflow_ref?: string | undefined;
  job_workflow_ref?: string | undefined;
}

/** Decodes a GitHub Actions ID token's claims without verifying the signature. */
export function decodeGithubToken(token: string): GithubIdClaims {
  const decoded = decodeJwt(token);
  const payload = typeof decoded === 'string' ? undefined : decoded.payload;
  if (!payload || typeof payload !== 'object' || typeof (payload as { sub?: unknown }).sub !== 'string')
    throw identityError(
      `GitHub returned an ID token that is ${typeof decoded === 'string' ? decoded : 'not a valid ID token: it has no "sub" claim'}`,
      'retry the job',
    );
  const p = payload as Record<string, unknown> & { sub: string };
  const s = (k: string): string | undefined =>
    typeof p[k] === 'string' ? p[k] : typeof p[k] === 'number' ? String(p[k]) : undefined;
  const n = (k: string): number | undefined => (typeof p[k] === 'number' ? p[k] : undefined);
  const aud = p.aud;
  return {
    sub: p.sub,
    aud: Array.isArray(aud) ? aud.map(String) : typeof aud === 'string' ? [aud] : [],
    exp: n('exp'),
    nbf: n('nbf'),
    repository: s('repository'),
    run_id: s('run_id'),
    sha: s('sha'),
    ref: s('ref'),
    workflow_ref: s('workflow_ref'),
    job_workflow_ref: s('job_workflow_ref'),
  };
}

/** The claims that disagree with the job's GITHUB_* variables, one phrase each. */
export function githubMismatches(claims: GithubIdClaims, env: NodeJS.ProcessEnv): string[] {
  const pairs: [keyof GithubIdClaims, string][] = [
    ['repository', 'GITHUB_REPOSITORY'],
    ['run_id', 'GITHUB_RUN_ID'],
    ['sha', 'GITHUB_SHA'],
    ['ref', 'GITHUB_REF'],
    // workflow_ref names the workflow the run started (GITHUB_WORKFLOW_REF, also in reusable workflows);
    // job_workflow_ref names the file the job is defined in.
    ['workflow_ref', 'GITHUB_WORKFLOW_REF'],
  ];
  return claimMismatches(
    pairs.map(([claim, variable]) => ({
      claim,
      token: claims[claim] as string | undefined,
      job: env[variable]?.trim(),
      required: true,
    })),
  );
}

/** Asks the Actions runtime for an ID token with audience `shipgate`. */
export async function requestGithubToken(
  env: NodeJS.ProcessEnv,
  doFetch: typeof fetch = fetch,
): Promise<string> {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim();
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim();
  if (!url || !bearer)
    throw identityError(
      'the GitHub job cannot request an ID token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
      'give the job "permissions: id-token: write"',
    );
  addSecret(bearer);
  const target = new URL(url);
  target.searchParams.set('audience', SHIPGATE_AUDIENCE);
  let res: Response;
  try {
    res = await doFetch(target, {
      headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new ShipgateError('NETWORK', `cannot reach the Actions ID token service: ${cause}`, {
      hint: 'retry the job',
    });
  }
  if (!res.ok)
    throw identityError(
      `the Actions ID token service answered ${res.status}`,
      'give the job "permissions: id-token: write"',
    );
  const body = (await res.json().catch(() => ({}))) as { value?: unknown };
  if (typeof body.value !== 'string' || !body.value)
    throw identityError('the Actions ID token service returned no token', 'retry the job');
  addSecret(body.value);
  return body.value;
}

/** A GitHub Actions job's identity: its ID token's claims must match its GITHUB_* variables. */
export async function githubJobIdentity(
  env: NodeJS.ProcessEnv,
  now: Date = new Date(),
  doFetch: typeof fetch = fetch,
): Promise<CiIdentity> {
  const claims = decodeGithubToken(await requestGithubToken(env, doFetch));
  if (!claims.aud.includes(SHIPGATE_AUDIENCE))
    throw identityError(`the ID token is not for audience "${SHIPGATE_AUDIENCE}"`, MISMATCH_HINT);
  const mismatches = githubMismatches(claims, env);
  if (mismatches.length) throw identityError(`ID token ${mismatches.join('; ')}`, MISMATCH_HINT);
  checkTokenTimes(claims, now);
  return {
    platform: 'github',
    project: claims.repository!,
    run: claims.run_id!,
    sha: claims.sha!,
    ref: claims.ref!,
    subject: claims.sub,
  };
}

export const githubPlatform: CiPlatform = {
  name: 'github',
  title: 'GitHub Actions',
  detect: (env) => env.GITHUB_ACTIONS === 'true',
  identity: (env, options = {}) => githubJobIdentity(env, options.now, options.fetch),
};
