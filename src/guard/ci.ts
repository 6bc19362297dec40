/**
 * The push guard: shipgate pushes only from a CI job that proves who it is with an OIDC ID token whose
 * claims match the job's environment. The token's signature cannot be checked offline, so this is a guard
 * against mistakes (pushing from a laptop, from another project's job), not a security boundary: the real
 * control is registry credentials scoped to the CI identity plus admission policies.
 */
import { ShipgateError } from '../core/errors';
import { addSecret } from '../core/logger';
import { decodeIdToken, type GitlabIdentity, type IdTokenVariable } from '../platform/gitlab/oidc';
import { gitlabContext, identityMismatches } from '../platform/gitlab/context';

/** The audience shipgate asks GitHub for, and suggests for GitLab's `id_tokens:`. */
export const GUARD_AUDIENCE = 'shipgate';

export interface VerifiedJob {
  platform: 'github' | 'gitlab';
  /** owner/repo or group/project. */
  project: string;
  /** Workflow run or pipeline id. */
  run: string;
  sha: string;
  ref: string;
  /** The token's subject, for the log. */
  subject: string;
}

export interface GuardOptions {
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /** How to fetch the GitHub ID token (default global fetch). */
  fetch?: typeof fetch;
}

/** Where a CI job runs, from its environment alone; undefined outside a supported CI. */
export function detectCi(env: NodeJS.ProcessEnv): 'github' | 'gitlab' | undefined {
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.GITLAB_CI === 'true') return 'gitlab';
  return undefined;
}

function refuse(message: string, hint: string): ShipgateError {
  return new ShipgateError('GUARD', message, { hint });
}

function checkTimes(claims: { exp?: number | undefined; nbf?: number | undefined }, now: Date): void {
  const t = Math.floor(now.getTime() / 1000);
  if (claims.exp === undefined)
    throw refuse('push refused: the ID token has no expiry ("exp" claim)', 'use the token your CI issues');
  if (claims.exp <= t)
    throw refuse(
      `push refused: the ID token expired ${t - claims.exp} s ago`,
      'run the push in the job that requested the token, soon after it starts',
    );
  if (claims.nbf !== undefined && claims.nbf > t + 60)
    throw refuse('push refused: the ID token is not valid yet ("nbf" claim)', 'check the runner clock');
}

const mismatchHint = 'the ID token must belong to this very job; do not pass tokens between jobs or projects';

/** Verifies a GitLab job: its ID token (SIGSTORE_ID_TOKEN or SHIPGATE_ID_TOKEN) must match CI_* variables. */
export function verifyGitlabJob(env: NodeJS.ProcessEnv, now: Date = new Date()): VerifiedJob {
  const ctx = gitlabContext(env);
  if (!ctx) throw refuse('push refused: not a GitLab CI job (GITLAB_CI is not "true")', 'push from CI');
  const required = ['CI_PROJECT_PATH', 'CI_PIPELINE_ID', 'CI_JOB_ID', 'CI_COMMIT_SHA', 'CI_COMMIT_REF_NAME'];
  const missing = required.filter((v) => !env[v]?.trim());
  if (missing.length)
    throw refuse(
      `push refused: the GitLab job environment lacks ${missing.join(', ')}`,
      'push from a CI job',
    );
  const variable = (['SHIPGATE_ID_TOKEN', 'SIGSTORE_ID_TOKEN'] as const).find((v) => env[v]?.trim());
  if (!variable)
    throw refuse(
      'push refused: the GitLab job has no ID token (SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN)',
      `declare one in the job: id_tokens: { SHIPGATE_ID_TOKEN: { aud: ${GUARD_AUDIENCE} } }`,
    );
  let identity: GitlabIdentity;
  try {
    identity = decodeIdToken(env[variable]!, variable as IdTokenVariable);
  } catch (e) {
    throw refuse(`push refused: ${(e as Error).message}`, 'declare the token with id_tokens: in the job');
  }
  const c = identity.claims;
  const absent = (['project_path', 'pipeline_id', 'sha', 'ref'] as const).filter((k) => c[k] === undefined);
  if (absent.length)
    throw refuse(
      `push refused: the ID token lacks the claim ${absent.join(', ')}`,
      'use a GitLab job ID token',
    );
  const mismatches = identityMismatches(ctx, identity);
  if (mismatches.length) throw refuse(`push refused: ID token ${mismatches.join('; ')}`, mismatchHint);
  checkTimes(c, now);
  return {
    platform: 'gitlab',
    project: c.project_path!,
    run: c.pipeline_id!,
    sha: c.sha!,
    ref: c.ref!,
    subject: c.sub,
  };
}

/** GitHub's ID token claims the guard reads (decoded, unverified). */
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
  addSecret(token);
  const parts = token.split('.');
  let payload: Record<string, unknown> | undefined;
  try {
    if (parts.length === 3)
      payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as never;
  } catch {
    payload = undefined;
  }
  if (!payload || typeof payload !== 'object' || typeof payload.sub !== 'string')
    throw refuse('push refused: GitHub returned an ID token that is not a JSON Web Token', 'retry the job');
  const s = (k: string): string | undefined =>
    typeof payload[k] === 'string'
      ? (payload[k] as string)
      : typeof payload[k] === 'number'
        ? String(payload[k])
        : undefined;
  const n = (k: string): number | undefined =>
    typeof payload[k] === 'number' ? (payload[k] as number) : undefined;
  const aud = payload.aud;
  return {
    sub: payload.sub,
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
  const out: string[] = [];
  for (const [claim, variable] of pairs) {
    const got = claims[claim];
    const want = env[variable]?.trim();
    if (got === undefined) out.push(`${claim} is missing`);
    else if (got !== want) out.push(`${claim} is "${String(got)}" but the job has "${want ?? ''}"`);
  }
  return out;
}

/** Asks the Actions runtime for an ID token with audience `shipgate`. */
export async function requestGithubToken(
  env: NodeJS.ProcessEnv,
  doFetch: typeof fetch = fetch,
): Promise<string> {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim();
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim();
  if (!url || !bearer)
    throw refuse(
      'push refused: the GitHub job cannot request an ID token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
      'give the job "permissions: id-token: write"',
    );
  addSecret(bearer);
  const target = new URL(url);
  target.searchParams.set('audience', GUARD_AUDIENCE);
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
    throw refuse(
      `push refused: the Actions ID token service answered ${res.status}`,
      'give the job "permissions: id-token: write"',
    );
  const body = (await res.json().catch(() => ({}))) as { value?: unknown };
  if (typeof body.value !== 'string' || !body.value)
    throw refuse('push refused: the Actions ID token service returned no token', 'retry the job');
  addSecret(body.value);
  return body.value;
}

/** Verifies a GitHub Actions job: requests its ID token and checks the claims against GITHUB_* variables. */
export async function verifyGithubJob(
  env: NodeJS.ProcessEnv,
  now: Date = new Date(),
  doFetch: typeof fetch = fetch,
): Promise<VerifiedJob> {
  const claims = decodeGithubToken(await requestGithubToken(env, doFetch));
  if (!claims.aud.includes(GUARD_AUDIENCE))
    throw refuse(`push refused: the ID token is not for audience "${GUARD_AUDIENCE}"`, mismatchHint);
  const mismatches = githubMismatches(claims, env);
  if (mismatches.length) throw refuse(`push refused: ID token ${mismatches.join('; ')}`, mismatchHint);
  checkTimes(claims, now);
  return {
    platform: 'github',
    project: claims.repository!,
    run: claims.run_id!,
    sha: claims.sha!,
    ref: claims.ref!,
    subject: claims.sub,
  };
}

/** The guard: the verified CI job, or a GUARD error saying why not. */
export async function verifyCiJob(options: GuardOptions = {}): Promise<VerifiedJob> {
  const env = options.env ?? process.env;
  const now = options.now ?? new Date();
  switch (detectCi(env)) {
    case 'github':
      return verifyGithubJob(env, now, options.fetch ?? fetch);
    case 'gitlab':
      return verifyGitlabJob(env, now);
    default:
      throw refuse(
        'push refused: not running in a CI job (GitHub Actions or GitLab CI)',
        'shipgate pushes only from a verified CI job; build and scan locally with "shipgate scan"',
      );
  }
}
