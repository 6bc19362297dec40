/**
 * A GitLab CI job's identity: its ID token (SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN, declared with
 * `id_tokens:`) decoded and compared with the job's CI_* variables. Not verified: see ../identity.ts.
 */
import {
  checkTokenTimes,
  identityError,
  MISMATCH_HINT,
  SHIPGATE_AUDIENCE,
  type CiIdentity,
  type CiPlatform,
} from '../identity';
import { gitlabContext, identityMismatches, isGitlabCi } from './context';
import { decodeIdToken, type GitlabIdentity } from './oidc';

const REQUIRED_VARIABLES = [
  'CI_PROJECT_PATH',
  'CI_PIPELINE_ID',
  'CI_JOB_ID',
  'CI_COMMIT_SHA',
  'CI_COMMIT_REF_NAME',
];

/** The token variables the push reads, shipgate's own first. */
const TOKEN_VARIABLES = ['SHIPGATE_ID_TOKEN', 'SIGSTORE_ID_TOKEN'] as const;

/** The job's identity, or a GUARD error saying which check failed. */
export function gitlabJobIdentity(env: NodeJS.ProcessEnv, now: Date = new Date()): CiIdentity {
  const ctx = gitlabContext(env);
  if (!ctx) throw identityError('not a GitLab CI job (GITLAB_CI is not "true")', 'run it in a CI job');
  const missing = REQUIRED_VARIABLES.filter((v) => !env[v]?.trim());
  if (missing.length)
    throw identityError(`the GitLab job environment lacks ${missing.join(', ')}`, 'run it in a CI job');
  const variable = TOKEN_VARIABLES.find((v) => env[v]?.trim());
  if (!variable)
    throw identityError(
      'the GitLab job has no ID token (SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN)',
      `declare one in the job: id_tokens: { SHIPGATE_ID_TOKEN: { aud: ${SHIPGATE_AUDIENCE} } }`,
    );
  let identity: GitlabIdentity;
  try {
    identity = decodeIdToken(env[variable]!, variable);
  } catch (e) {
    throw identityError((e as Error).message, 'declare the token with id_tokens: in the job');
  }
  const c = identity.claims;
  const absent = (['project_path', 'pipeline_id', 'sha', 'ref'] as const).filter((k) => c[k] === undefined);
  if (absent.length)
    throw identityError(`the ID token lacks the claim ${absent.join(', ')}`, 'use a GitLab job ID token');
  const mismatches = identityMismatches(ctx, identity);
  if (mismatches.length) throw identityError(`ID token ${mismatches.join('; ')}`, MISMATCH_HINT);
  checkTokenTimes(c, now);
  return {
    platform: 'gitlab',
    project: c.project_path!,
    run: c.pipeline_id!,
    sha: c.sha!,
    ref: c.ref!,
    subject: c.sub,
  };
}

export const gitlabPlatform: CiPlatform = {
  name: 'gitlab',
  title: 'GitLab CI',
  detect: (env) => isGitlabCi(env),
  identity: async (env, options = {}) => gitlabJobIdentity(env, options.now),
};
