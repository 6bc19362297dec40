/**
 * The OIDC identity of a GitHub Actions job: an ID token requested from the Actions runtime for the expected
 * audience (`shipgate` by default), verified against the issuer's keys (../verify-token.ts), its claims
 * compared with the GITHUB_* variables, and its event refused when the run can execute a fork's code.
 */
import type { JWTPayload } from 'jose';
import { ShipgateError } from '../../core/errors';
import { addSecret } from '../../core/logger';
import {
  checkPinnedProject,
  claimMismatches,
  identityError,
  MISMATCH_HINT,
  SHIPGATE_AUDIENCE,
  type CiIdentity,
  type CiPlatform,
  type IdentityOptions,
} from '../identity';
import { verifyIdToken } from '../verify-token';

/** The issuer of GitHub.com's Actions ID tokens (GitHub Enterprise Server: https://HOST/_services/token). */
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/**
 * Events whose runs carry the base repository's ref (and can get its ID token) while they may execute code
 * from a fork: refused unless allowed explicitly.
 */
export const FORK_CODE_EVENTS = ['pull_request_target', 'workflow_run', 'issue_comment'] as const;

/** GitHub's ID token claims shipgate reads, from a verified token. */
interface GithubIdClaims {
  sub: string;
  repository?: string | undefined;
  run_id?: string | undefined;
  sha?: string | undefined;
  ref?: string | undefined;
  workflow_ref?: string | undefined;
  job_workflow_ref?: string | undefined;
  event_name?: string | undefined;
}

/** The claims shipgate reads from a verified GitHub Actions ID token's payload. */
function githubClaims(payload: JWTPayload): GithubIdClaims {
  const s = (k: string): string | undefined =>
    typeof payload[k] === 'string'
      ? payload[k]
      : typeof payload[k] === 'number'
        ? String(payload[k])
        : undefined;
  return {
    sub: s('sub') ?? '',
    repository: s('repository'),
    run_id: s('run_id'),
    sha: s('sha'),
    ref: s('ref'),
    workflow_ref: s('workflow_ref'),
    job_workflow_ref: s('job_workflow_ref'),
    event_name: s('event_name'),
  };
}

/** The claims that disagree with the job's GITHUB_* variables, one phrase each. */
function githubMismatches(claims: GithubIdClaims, env: NodeJS.ProcessEnv): string[] {
  const pairs: [keyof GithubIdClaims, string][] = [
    ['repository', 'GITHUB_REPOSITORY'],
    ['run_id', 'GITHUB_RUN_ID'],
    ['sha', 'GITHUB_SHA'],
    ['ref', 'GITHUB_REF'],
    // workflow_ref names the workflow the run started (GITHUB_WORKFLOW_REF, also in reusable workflows);
    // job_workflow_ref names the file the job is defined in.
    ['workflow_ref', 'GITHUB_WORKFLOW_REF'],
    ['event_name', 'GITHUB_EVENT_NAME'],
  ];
  return claimMismatches(
    pairs.map(([claim, variable]) => ({
      claim,
      token: claims[claim],
      job: env[variable]?.trim(),
      required: true,
    })),
  );
}

/** Asks the Actions runtime for an ID token for the audience. */
async function requestGithubToken(
  env: NodeJS.ProcessEnv,
  audience: string = SHIPGATE_AUDIENCE,
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
  target.searchParams.set('audience', audience);
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

/**
 * A GitHub Actions job's identity: its ID token must verify for the pinned issuer and audience, its claims
 * must match its GITHUB_* variables, and its event must not run a fork's code unless allowed.
 */
async function githubJobIdentity(env: NodeJS.ProcessEnv, options: IdentityOptions = {}): Promise<CiIdentity> {
  const audience = options.audience ?? SHIPGATE_AUDIENCE;
  const issuer = options.issuer ?? GITHUB_ISSUER;
  const token = await requestGithubToken(env, audience, options.fetch);
  const payload = await verifyIdToken(token, {
    issuer,
    audience,
    label: 'the GitHub ID token',
    ...(options.now ? { now: options.now } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const claims = githubClaims(payload);
  checkPinnedProject('repository', claims.repository, options);
  const mismatches = githubMismatches(claims, env);
  if (mismatches.length) throw identityError(`ID token ${mismatches.join('; ')}`, MISMATCH_HINT);
  const event = claims.event_name!;
  if ((FORK_CODE_EVENTS as readonly string[]).includes(event) && !options.allowEvents?.includes(event))
    throw identityError(
      `the job runs for a ${event} event, whose runs can execute code from a fork with the base branch's identity`,
      `push from push, release or workflow_dispatch runs; to accept ${event} runs anyway, pass --oidc-allow-event ${event}`,
    );
  return {
    platform: 'github',
    project: claims.repository!,
    run: claims.run_id!,
    sha: claims.sha!,
    ref: claims.ref!,
    subject: claims.sub,
    issuer,
  };
}

export const githubPlatform: CiPlatform = {
  name: 'github',
  title: 'GitHub Actions',
  detect: (env) => env.GITHUB_ACTIONS === 'true',
  identity: (env, options = {}) => githubJobIdentity(env, options),
};
