/**
 * The GitLab CI/CD job context, read from GitLab's predefined variables
 * (docs.gitlab.com/ci/variables/predefined_variables). Pure: everything comes from the given environment.
 */
import { isShipgateError } from '../../core/errors';
import { addSecret } from '../../core/logger';
import { claimMismatches } from '../identity';
import { gitlabIdentity, type GitlabIdentity } from './oidc';

interface GitlabMergeRequest {
  iid: number;
  projectId?: string;
  sourceBranch?: string;
  targetBranch?: string;
  diffBaseSha?: string;
  /** The merge request comes from a fork (its source project differs). */
  fromFork: boolean;
}

interface GitlabRegistry {
  /** host[:port] of the project's container registry (CI_REGISTRY). */
  host: string;
  /** The project's image repository (CI_REGISTRY_IMAGE). */
  image?: string;
  user?: string;
  /** The job's registry password (registered as a secret). */
  password?: string;
}

export interface GitlabContext {
  serverUrl: string;
  /** host[:port], as components are addressed ($CI_SERVER_FQDN). */
  serverFqdn: string;
  apiUrl: string;
  project: {
    id: string;
    path: string;
    namespace?: string;
    url?: string;
    defaultBranch?: string;
    dir?: string;
  };
  pipeline: { id: string; iid?: string; url?: string; source?: string };
  job: { id: string; name?: string; stage?: string; url?: string; token?: string };
  commit: {
    sha: string;
    /** Branch or tag name (CI_COMMIT_REF_NAME). */
    ref: string;
    refSlug?: string;
    branch?: string;
    tag?: string;
    /** The ref is a protected branch or tag (CI_COMMIT_REF_PROTECTED). */
    refProtected: boolean;
  };
  mergeRequest?: GitlabMergeRequest;
  registry?: GitlabRegistry;
  /** The job's OIDC identity from `id_tokens` (SIGSTORE_ID_TOKEN or SHIPGATE_ID_TOKEN), when declared. */
  identity?: GitlabIdentity;
  /** Why a declared ID token could not be read (the token itself is never included). */
  identityProblem?: string;
}

/** Whether the process runs in a GitLab CI/CD job. */
export function isGitlabCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITLAB_CI === 'true';
}

function val(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function fqdn(env: NodeJS.ProcessEnv, serverUrl: string): string {
  const given = val(env, 'CI_SERVER_FQDN');
  if (given) return given;
  try {
    return new URL(serverUrl).host;
  } catch {
    return val(env, 'CI_SERVER_HOST') ?? 'gitlab.com';
  }
}

/** The job's context; undefined outside GitLab CI/CD (GITLAB_CI is not "true"). */
export function gitlabContext(env: NodeJS.ProcessEnv = process.env): GitlabContext | undefined {
  if (!isGitlabCi(env)) return undefined;
  for (const secret of ['CI_JOB_TOKEN', 'CI_REGISTRY_PASSWORD', 'CI_JOB_JWT', 'CI_JOB_JWT_V2'])
    addSecret(val(env, secret));

  const serverUrl = (val(env, 'CI_SERVER_URL') ?? 'https://gitlab.com').replace(/\/+$/, '');
  const ctx: GitlabContext = {
    serverUrl,
    serverFqdn: fqdn(env, serverUrl),
    apiUrl: (val(env, 'CI_API_V4_URL') ?? `${serverUrl}/api/v4`).replace(/\/+$/, ''),
    project: { id: val(env, 'CI_PROJECT_ID') ?? '', path: val(env, 'CI_PROJECT_PATH') ?? '' },
    pipeline: { id: val(env, 'CI_PIPELINE_ID') ?? '' },
    job: { id: val(env, 'CI_JOB_ID') ?? '' },
    commit: {
      sha: val(env, 'CI_COMMIT_SHA') ?? '',
      ref: val(env, 'CI_COMMIT_REF_NAME') ?? val(env, 'CI_COMMIT_TAG') ?? val(env, 'CI_COMMIT_BRANCH') ?? '',
      refProtected: env.CI_COMMIT_REF_PROTECTED === 'true',
    },
  };
  const opt = <T extends object>(target: T, key: keyof T & string, name: string): void => {
    const v = val(env, name);
    if (v !== undefined) (target as Record<string, unknown>)[key] = v;
  };
  opt(ctx.project, 'namespace', 'CI_PROJECT_NAMESPACE');
  opt(ctx.project, 'url', 'CI_PROJECT_URL');
  opt(ctx.project, 'defaultBranch', 'CI_DEFAULT_BRANCH');
  opt(ctx.project, 'dir', 'CI_PROJECT_DIR');
  opt(ctx.pipeline, 'iid', 'CI_PIPELINE_IID');
  opt(ctx.pipeline, 'url', 'CI_PIPELINE_URL');
  opt(ctx.pipeline, 'source', 'CI_PIPELINE_SOURCE');
  opt(ctx.job, 'name', 'CI_JOB_NAME');
  opt(ctx.job, 'stage', 'CI_JOB_STAGE');
  opt(ctx.job, 'url', 'CI_JOB_URL');
  opt(ctx.job, 'token', 'CI_JOB_TOKEN');
  opt(ctx.commit, 'refSlug', 'CI_COMMIT_REF_SLUG');
  opt(ctx.commit, 'branch', 'CI_COMMIT_BRANCH');
  opt(ctx.commit, 'tag', 'CI_COMMIT_TAG');

  const iid = Number(val(env, 'CI_MERGE_REQUEST_IID'));
  if (Number.isInteger(iid) && iid > 0) {
    const mr: GitlabMergeRequest = { iid, fromFork: false };
    opt(mr, 'projectId', 'CI_MERGE_REQUEST_PROJECT_ID');
    opt(mr, 'sourceBranch', 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME');
    opt(mr, 'targetBranch', 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME');
    opt(mr, 'diffBaseSha', 'CI_MERGE_REQUEST_DIFF_BASE_SHA');
    const source = val(env, 'CI_MERGE_REQUEST_SOURCE_PROJECT_ID');
    mr.fromFork = source !== undefined && mr.projectId !== undefined && source !== mr.projectId;
    ctx.mergeRequest = mr;
  }

  const host = val(env, 'CI_REGISTRY');
  if (host) {
    const registry: GitlabRegistry = { host };
    opt(registry, 'image', 'CI_REGISTRY_IMAGE');
    opt(registry, 'user', 'CI_REGISTRY_USER');
    opt(registry, 'password', 'CI_REGISTRY_PASSWORD');
    ctx.registry = registry;
  }

  try {
    const identity = gitlabIdentity(env);
    if (identity) ctx.identity = identity;
  } catch (e) {
    if (!isShipgateError(e)) throw e;
    ctx.identityProblem = e.message;
  }
  return ctx;
}

/**
 * Claims of the job's ID token that disagree with the job's own variables (project, pipeline, job, commit,
 * ref, protection): a token from another job or project. Empty when they all agree.
 */
export function identityMismatches(
  ctx: GitlabContext,
  identity: GitlabIdentity | undefined = ctx.identity,
): string[] {
  if (!identity) return [];
  const c = identity.claims;
  return claimMismatches([
    { claim: 'project_path', token: c.project_path, job: ctx.project.path },
    { claim: 'project_id', token: c.project_id, job: ctx.project.id },
    { claim: 'pipeline_id', token: c.pipeline_id, job: ctx.pipeline.id },
    { claim: 'job_id', token: c.job_id, job: ctx.job.id },
    { claim: 'sha', token: c.sha, job: ctx.commit.sha },
    { claim: 'ref', token: c.ref, job: ctx.commit.ref },
    { claim: 'ref_protected', token: c.ref_protected, job: ctx.commit.refProtected },
  ]);
}
