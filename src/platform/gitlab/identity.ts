/**
 * A GitLab CI job's identity: its ID token (SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN, declared with
 * `id_tokens:`) verified for the configured issuer and audience (../verify-token.ts), its claims compared
 * with the job's CI_* variables, and merge request pipelines from forks refused.
 */
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
import { gitlabContext, identityMismatches, isGitlabCi, type GitlabContext } from './context';
import { parseIdClaims, type GitlabIdClaims, type GitlabIdentity } from './oidc';

const REQUIRED_VARIABLES = [
  'CI_PROJECT_PATH',
  'CI_PIPELINE_ID',
  'CI_JOB_ID',
  'CI_COMMIT_SHA',
  'CI_COMMIT_REF_NAME',
];

/** The token variables the push reads, shipgate's own first. */
const TOKEN_VARIABLES = ['SHIPGATE_ID_TOKEN', 'SIGSTORE_ID_TOKEN'] as const;

/**
 * Why the pipeline is a merge request pipeline from a fork, or undefined. The token's `project_path` names
 * the merge request's source project and `job_project_path` the project the job runs in.
 */
function forkProblem(c: GitlabIdClaims, ctx: GitlabContext): string | undefined {
  if (c.pipeline_source !== 'merge_request_event') return undefined;
  if (c.job_project_path !== undefined && c.job_project_path !== c.project_path)
    return `the pipeline runs in ${c.job_project_path} for a merge request from the fork ${c.project_path ?? ''}`;
  if (ctx.mergeRequest?.fromFork) return 'the pipeline runs for a merge request from a fork';
  return undefined;
}

/** The job's identity, or a GUARD error saying which check failed. */
async function gitlabJobIdentity(env: NodeJS.ProcessEnv, options: IdentityOptions = {}): Promise<CiIdentity> {
  const ctx = gitlabContext(env);
  if (!ctx) throw identityError('not a GitLab CI job (GITLAB_CI is not "true")', 'run it in a CI job');
  const missing = REQUIRED_VARIABLES.filter((v) => !env[v]?.trim());
  if (missing.length)
    throw identityError(`the GitLab job environment lacks ${missing.join(', ')}`, 'run it in a CI job');
  const audience = options.audience ?? SHIPGATE_AUDIENCE;
  const variable = TOKEN_VARIABLES.find((v) => env[v]?.trim());
  if (!variable)
    throw identityError(
      'the GitLab job has no ID token (SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN)',
      `declare one in the job: id_tokens: { SHIPGATE_ID_TOKEN: { aud: ${audience} } }`,
    );
  // The issuer is pinned by the job's command, never taken from CI_SERVER_URL: the environment is what a
  // forged job would control.
  if (!options.issuer)
    throw identityError(
      'the issuer of GitLab ID tokens is not configured',
      'pass --oidc-issuer with your GitLab URL as the tokens\' "iss" claim names it (https://gitlab.com on GitLab.com)',
    );
  const token = env[variable]!.trim();
  const payload = await verifyIdToken(token, {
    issuer: options.issuer,
    audience,
    label: `the ID token in ${variable}`,
    ...(options.now ? { now: options.now } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let identity: GitlabIdentity;
  try {
    identity = { variable, token, claims: parseIdClaims(payload, variable) };
  } catch (e) {
    throw identityError((e as Error).message, 'use a GitLab job ID token');
  }
  const c = identity.claims;
  checkPinnedProject('project_path', c.project_path, options);
  const absent = (['project_path', 'pipeline_id', 'sha', 'ref', 'pipeline_source'] as const).filter(
    (k) => c[k] === undefined,
  );
  if (absent.length)
    throw identityError(`the ID token lacks the claim ${absent.join(', ')}`, 'use a GitLab job ID token');
  const mismatches = [
    ...identityMismatches(ctx, identity),
    ...claimMismatches([
      { claim: 'pipeline_source', token: c.pipeline_source, job: ctx.pipeline.source, required: true },
      { claim: 'environment', token: c.environment, job: env.CI_ENVIRONMENT_NAME?.trim() },
    ]),
  ];
  if (mismatches.length) throw identityError(`ID token ${mismatches.join('; ')}`, MISMATCH_HINT);
  const fork = forkProblem(c, ctx);
  if (fork)
    throw identityError(
      fork,
      'push from pipelines of the project itself (protected branches and tags), not from merge requests of forks',
    );
  return {
    platform: 'gitlab',
    project: c.project_path!,
    run: c.pipeline_id!,
    sha: c.sha!,
    ref: c.ref!,
    subject: c.sub,
    issuer: c.iss,
  };
}

export const gitlabPlatform: CiPlatform = {
  name: 'gitlab',
  title: 'GitLab CI',
  detect: (env) => isGitlabCi(env),
  identity: (env, options = {}) => gitlabJobIdentity(env, options),
};
