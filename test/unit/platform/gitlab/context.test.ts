import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { isShipgateError } from '../../../../src/core/errors';
import { clearSecrets, Logger, mask, MemorySink } from '../../../../src/core/logger';
import {
  decodeIdToken,
  gitlabContext,
  gitlabIdentity,
  hasAudience,
  identityMismatches,
  isGitlabCi,
  secondsUntilExpiry,
} from '../../../../src/platform/gitlab/index';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** A JWT signed like GitLab's ID tokens (RS256, kid header). */
function signJwt(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc({ kid: 'pw6gVp2K9ud2s8hZGhNfVKvCCP7MDH3N9Emt1eqRkXo', typ: 'JWT', alg: 'RS256' })}.${enc(claims)}`;
  const sig = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
  return `${input}.${sig}`;
}

const NOW = Math.floor(Date.parse('2026-11-25T14:00:00Z') / 1000);

/** Claims as gitlab.com issues them for a job with `id_tokens: SIGSTORE_ID_TOKEN: aud: sigstore`. */
const CLAIMS = {
  namespace_id: '72',
  namespace_path: 'acme',
  project_id: '4711',
  project_path: 'acme/web',
  user_id: '1001',
  user_login: 'jdoe',
  user_email: 'jdoe@example.com',
  user_access_level: 'developer',
  pipeline_id: '1520034567',
  pipeline_source: 'merge_request_event',
  job_id: '8421337001',
  ref: 'feature/login',
  ref_type: 'branch',
  ref_path: 'refs/heads/feature/login',
  ref_protected: 'false',
  runner_id: 12270807,
  runner_environment: 'gitlab-hosted',
  sha: '3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b',
  project_visibility: 'private',
  ci_config_ref_uri: 'gitlab.com/acme/web//.gitlab-ci.yml@refs/heads/feature/login',
  ci_config_sha: '3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b',
  jti: '4b1c2d3e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  iat: NOW - 60,
  nbf: NOW - 65,
  exp: NOW + 3540,
  iss: 'https://gitlab.com',
  sub: 'project_path:acme/web:ref_type:branch:ref:feature/login',
  aud: 'sigstore',
};

/** The predefined variables of a merge request pipeline job on gitlab.com. */
function jobEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER_URL: 'https://gitlab.com',
    CI_SERVER_HOST: 'gitlab.com',
    CI_SERVER_FQDN: 'gitlab.com',
    CI_API_V4_URL: 'https://gitlab.com/api/v4',
    CI_PROJECT_ID: '4711',
    CI_PROJECT_PATH: 'acme/web',
    CI_PROJECT_NAMESPACE: 'acme',
    CI_PROJECT_URL: 'https://gitlab.com/acme/web',
    CI_PROJECT_DIR: '/builds/acme/web',
    CI_DEFAULT_BRANCH: 'main',
    CI_PIPELINE_ID: '1520034567',
    CI_PIPELINE_IID: '982',
    CI_PIPELINE_URL: 'https://gitlab.com/acme/web/-/pipelines/1520034567',
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_JOB_ID: '8421337001',
    CI_JOB_NAME: 'shipgate-scan',
    CI_JOB_STAGE: 'test',
    CI_JOB_URL: 'https://gitlab.com/acme/web/-/jobs/8421337001',
    CI_JOB_TOKEN: 'glcbt-64_xYz0123456789abcdefghij',
    CI_COMMIT_SHA: '3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b',
    CI_COMMIT_REF_NAME: 'feature/login',
    CI_COMMIT_REF_SLUG: 'feature-login',
    CI_COMMIT_REF_PROTECTED: 'false',
    CI_MERGE_REQUEST_IID: '57',
    CI_MERGE_REQUEST_PROJECT_ID: '4711',
    CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '4711',
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_MERGE_REQUEST_DIFF_BASE_SHA: 'aa01bb02cc03dd04ee05ff0600a1b2c3d4e5f607',
    CI_REGISTRY: 'registry.gitlab.com',
    CI_REGISTRY_IMAGE: 'registry.gitlab.com/acme/web',
    CI_REGISTRY_USER: 'gitlab-ci-token',
    CI_REGISTRY_PASSWORD: 'glcbt-64_registryPassword0123456789',
    ...extra,
  };
}

afterEach(() => clearSecrets());

describe('gitlabContext', () => {
  it('is undefined outside GitLab CI', () => {
    expect(isGitlabCi({ CI: 'true', GITHUB_ACTIONS: 'true' })).toBe(false);
    expect(gitlabContext({ CI: 'true', GITHUB_ACTIONS: 'true' })).toBeUndefined();
  });

  it('reads project, pipeline, job, merge request, commit and registry', () => {
    const ctx = gitlabContext(jobEnv())!;
    expect(ctx.serverUrl).toBe('https://gitlab.com');
    expect(ctx.serverFqdn).toBe('gitlab.com');
    expect(ctx.apiUrl).toBe('https://gitlab.com/api/v4');
    expect(ctx.project).toEqual({
      id: '4711',
      path: 'acme/web',
      namespace: 'acme',
      url: 'https://gitlab.com/acme/web',
      defaultBranch: 'main',
      dir: '/builds/acme/web',
    });
    expect(ctx.pipeline).toEqual({
      id: '1520034567',
      iid: '982',
      url: 'https://gitlab.com/acme/web/-/pipelines/1520034567',
      source: 'merge_request_event',
    });
    expect(ctx.job.url).toBe('https://gitlab.com/acme/web/-/jobs/8421337001');
    expect(ctx.mergeRequest).toEqual({
      iid: 57,
      projectId: '4711',
      sourceBranch: 'feature/login',
      targetBranch: 'main',
      diffBaseSha: 'aa01bb02cc03dd04ee05ff0600a1b2c3d4e5f607',
      fromFork: false,
    });
    expect(ctx.commit).toMatchObject({ sha: CLAIMS.sha, ref: 'feature/login', refProtected: false });
    expect(ctx.registry).toMatchObject({
      host: 'registry.gitlab.com',
      image: 'registry.gitlab.com/acme/web',
    });
    expect(ctx.identity).toBeUndefined();
  });

  it('reads a protected tag pipeline on a self-managed instance with a port', () => {
    const env = jobEnv({
      CI_SERVER_URL: 'https://git.example.org:8443/',
      CI_SERVER_FQDN: '',
      CI_API_V4_URL: '',
      CI_COMMIT_REF_NAME: 'v1.4.2',
      CI_COMMIT_TAG: 'v1.4.2',
      CI_COMMIT_REF_PROTECTED: 'true',
      CI_PIPELINE_SOURCE: 'push',
      CI_MERGE_REQUEST_IID: '',
    });
    const ctx = gitlabContext(env)!;
    expect(ctx.serverFqdn).toBe('git.example.org:8443');
    expect(ctx.apiUrl).toBe('https://git.example.org:8443/api/v4');
    expect(ctx.commit).toMatchObject({ ref: 'v1.4.2', tag: 'v1.4.2', refProtected: true });
    expect(ctx.mergeRequest).toBeUndefined();
  });

  it('marks merge requests from forks', () => {
    const ctx = gitlabContext(jobEnv({ CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '9999' }))!;
    expect(ctx.mergeRequest?.fromFork).toBe(true);
  });

  it('registers the job token and registry password as secrets', () => {
    gitlabContext(jobEnv());
    expect(mask('login glcbt-64_registryPassword0123456789 / glcbt-64_xYz0123456789abcdefghij')).toBe(
      'login *** / ***',
    );
  });
});

describe('ID token identity', () => {
  it('decodes the claims of a signed GitLab ID token and keeps the token out of logs', () => {
    const token = signJwt(CLAIMS);
    // The token is a real RS256 JWT: its signature verifies with the key it was signed with.
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(
      createVerify('RSA-SHA256').update(`${h}.${p}`).verify(publicKey, Buffer.from(s, 'base64url')),
    ).toBe(true);

    const ctx = gitlabContext(jobEnv({ SIGSTORE_ID_TOKEN: token }))!;
    const id = ctx.identity!;
    expect(id.variable).toBe('SIGSTORE_ID_TOKEN');
    expect(id.claims).toMatchObject({
      iss: 'https://gitlab.com',
      aud: ['sigstore'],
      project_path: 'acme/web',
      ref: 'feature/login',
      ref_protected: false,
      pipeline_source: 'merge_request_event',
      ci_config_ref_uri: 'gitlab.com/acme/web//.gitlab-ci.yml@refs/heads/feature/login',
      runner_id: 12270807,
    });
    expect(hasAudience(id, 'sigstore')).toBe(true);
    expect(secondsUntilExpiry(id, new Date(NOW * 1000))).toBe(3540);
    expect(identityMismatches(ctx)).toEqual([]);

    const sink = new MemorySink();
    new Logger([sink]).info(`token: ${token}`);
    expect(sink.text()).toBe('info: token: ***');
  });

  it('prefers SIGSTORE_ID_TOKEN, falls back to SHIPGATE_ID_TOKEN, and can pick one', () => {
    const sig = signJwt(CLAIMS);
    const own = signJwt({ ...CLAIMS, aud: ['shipgate', 'https://shipgate.example'] });
    expect(gitlabIdentity({ SHIPGATE_ID_TOKEN: own })!.claims.aud).toEqual([
      'shipgate',
      'https://shipgate.example',
    ]);
    expect(gitlabIdentity({ SIGSTORE_ID_TOKEN: sig, SHIPGATE_ID_TOKEN: own })!.variable).toBe(
      'SIGSTORE_ID_TOKEN',
    );
    expect(
      gitlabIdentity({ SIGSTORE_ID_TOKEN: sig, SHIPGATE_ID_TOKEN: own }, 'SHIPGATE_ID_TOKEN')!.variable,
    ).toBe('SHIPGATE_ID_TOKEN');
    expect(gitlabIdentity({})).toBeUndefined();
  });

  it('reports claims that disagree with the job, such as a token from another project or ref', () => {
    const token = signJwt({ ...CLAIMS, project_path: 'evil/fork', ref_protected: 'true' });
    const ctx = gitlabContext(jobEnv({ SIGSTORE_ID_TOKEN: token }))!;
    expect(identityMismatches(ctx)).toEqual([
      'project_path is "evil/fork" but the job has "acme/web"',
      'ref_protected is "true" but the job has "false"',
    ]);
  });

  it('tells an expired token by its exp claim', () => {
    const id = decodeIdToken(signJwt({ ...CLAIMS, exp: NOW - 10 }));
    expect(secondsUntilExpiry(id, new Date(NOW * 1000))).toBe(-10);
  });

  it('rejects malformed tokens with an input error that never contains the token', () => {
    const cases = [
      'not-a-jwt-value',
      `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.bm90IGpzb24.c2ln`,
      signJwt({ ...CLAIMS, iss: undefined }),
      signJwt({ ...CLAIMS, aud: 42 }),
    ];
    for (const token of cases) {
      let err: unknown;
      try {
        decodeIdToken(token);
      } catch (e) {
        err = e;
      }
      expect(isShipgateError(err) && err.code).toBe('INPUT');
      const e = err as Error & { hint?: string };
      expect(e.message).not.toContain(token);
      expect(e.hint).toContain('id_tokens');
    }
  });

  it('keeps the job context usable when the declared token is broken', () => {
    const ctx = gitlabContext(jobEnv({ SIGSTORE_ID_TOKEN: 'a.b' }))!;
    expect(ctx.identity).toBeUndefined();
    expect(ctx.identityProblem).toMatch(/^SIGSTORE_ID_TOKEN is not a JSON Web Token/);
  });
});
