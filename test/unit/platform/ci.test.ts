import { createPublicKey, createVerify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { mask } from '../../../src/core/logger';
import { ciIdentity, detectPlatform } from '../../../src/platform/ci';
import type { IdentityOptions } from '../../../src/platform/identity';
import { startIssuer, type TestIssuer } from '../../support/oidc-issuer';

const NOW = new Date('2026-11-25T14:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);

// The tokens of both platforms come from one local issuer, which the identity options pin.
let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());

const signJwt = (claims: Record<string, unknown>): Promise<string> =>
  issuer.sign({ ...claims, ...(claims.iss === ISSUER ? { iss: issuer.url } : {}) });

/** Stands for the local issuer's URL in claims written before it is known. */
const ISSUER = 'https://issuer.under.test';

const pinned = (extra: Partial<IdentityOptions> = {}): IdentityOptions => ({
  now: NOW,
  issuer: issuer.url,
  ...extra,
});

// ---- GitLab ----

const SHA = '3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b';
const GITLAB_CLAIMS = {
  namespace_id: '72',
  namespace_path: 'acme',
  project_id: '4711',
  project_path: 'acme/web',
  user_id: '1001',
  user_login: 'jdoe',
  pipeline_id: '1520034567',
  pipeline_source: 'push',
  job_id: '8421337001',
  ref: 'main',
  ref_type: 'branch',
  ref_path: 'refs/heads/main',
  ref_protected: 'true',
  runner_id: 12270807,
  runner_environment: 'gitlab-hosted',
  sha: SHA,
  project_visibility: 'private',
  jti: '4b1c2d3e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  iat: T - 60,
  nbf: T - 65,
  exp: T + 3540,
  iss: ISSUER,
  sub: 'project_path:acme/web:ref_type:branch:ref:main',
  aud: 'shipgate',
};

/** The predefined variables of a branch pipeline job on gitlab.com. */
function gitlabEnv(token: string | undefined, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER_URL: 'https://gitlab.com',
    CI_PROJECT_ID: '4711',
    CI_PROJECT_PATH: 'acme/web',
    CI_PIPELINE_ID: '1520034567',
    CI_PIPELINE_SOURCE: 'push',
    CI_JOB_ID: '8421337001',
    CI_JOB_NAME: 'push',
    CI_COMMIT_SHA: SHA,
    CI_COMMIT_REF_NAME: 'main',
    CI_COMMIT_BRANCH: 'main',
    CI_COMMIT_REF_PROTECTED: 'true',
    ...(token ? { SHIPGATE_ID_TOKEN: token } : {}),
    ...extra,
  };
}

async function refusal(p: Promise<unknown>): Promise<ShipgateError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ShipgateError);
  const err = e as ShipgateError;
  expect(err.code).toBe('GUARD');
  expect(err.exitCode).toBe(2);
  expect(err.message).not.toContain('\n');
  return err;
}

describe('CI identity: picking the platform', () => {
  it('picks the platform from the environment', () => {
    expect(detectPlatform({ GITHUB_ACTIONS: 'true', CI: 'true' })?.name).toBe('github');
    expect(detectPlatform({ GITLAB_CI: 'true', CI: 'true' })?.name).toBe('gitlab');
    expect(detectPlatform({ GITHUB_ACTIONS: 'false', GITLAB_CI: 'false' })).toBeUndefined();
  });
});

describe('CI identity: outside CI', () => {
  it('refuses on a workstation and with CI=true from an unsupported system', async () => {
    expect(detectPlatform({ HOME: '/home/dev', CI: 'true' })).toBeUndefined();
    const err = await refusal(ciIdentity({ env: { HOME: '/home/dev', CI: 'true' }, ...pinned() }));
    expect(err.message).toMatch(/not running in a CI job/);
    expect(err.hint).toMatch(/shipgate scan/);
  });
});

describe('CI identity: GitLab CI', () => {
  it('accepts a job whose ID token matches its environment, and keeps the token out of logs', async () => {
    const token = await signJwt(GITLAB_CLAIMS);
    // A real RS256 JWT: it verifies with the key the issuer publishes.
    const [h, pl, sig] = token.split('.');
    const publicKey = createPublicKey({ key: issuer.key.publicJwk as never, format: 'jwk' });
    expect(createVerify('RSA-SHA256').update(`${h}.${pl}`).verify(publicKey, sig!, 'base64url')).toBe(true);
    const job = await ciIdentity({ env: gitlabEnv(token), ...pinned() });
    expect(job).toEqual({
      platform: 'gitlab',
      project: 'acme/web',
      run: '1520034567',
      sha: SHA,
      ref: 'main',
      subject: GITLAB_CLAIMS.sub,
      issuer: issuer.url,
    });
    expect(mask(`token=${token}`)).not.toContain(token);
  });

  it('reads SIGSTORE_ID_TOKEN too, for the audience it is configured with', async () => {
    const env = gitlabEnv(undefined, {
      SIGSTORE_ID_TOKEN: await signJwt({ ...GITLAB_CLAIMS, aud: 'sigstore' }),
    });
    expect((await ciIdentity({ env, ...pinned({ audience: 'sigstore' }) })).platform).toBe('gitlab');
    const err = await refusal(ciIdentity({ env, ...pinned() }));
    expect(err.message).toBe('the ID token in SIGSTORE_ID_TOKEN is for audience "sigstore", not "shipgate"');
  });

  it('refuses when the issuer is not configured, whatever the job environment says', async () => {
    const env = gitlabEnv(await signJwt(GITLAB_CLAIMS), { CI_SERVER_URL: issuer.url });
    const err = await refusal(ciIdentity({ env, now: NOW }));
    expect(err.message).toBe('the issuer of GitLab ID tokens is not configured');
    expect(err.hint).toMatch(/--oidc-issuer/);
  });

  it('refuses a token from another issuer than the configured one', async () => {
    const env = gitlabEnv(await signJwt(GITLAB_CLAIMS));
    const err = await refusal(ciIdentity({ env, now: NOW, issuer: 'https://gitlab.com' }));
    expect(err.message).toBe(
      `the ID token in SHIPGATE_ID_TOKEN was issued by "${issuer.url}", not https://gitlab.com`,
    );
  });

  it('refuses a genuine token of another project when the project is pinned', async () => {
    // A job that forges its variables to match a token of its own project passes the comparison...
    const other = { ...GITLAB_CLAIMS, project_path: 'mallory/app', project_id: '666' };
    const env = gitlabEnv(await signJwt(other), { CI_PROJECT_PATH: 'mallory/app', CI_PROJECT_ID: '666' });
    expect((await ciIdentity({ env, ...pinned() })).project).toBe('mallory/app');
    // ...but not the pin.
    const err = await refusal(ciIdentity({ env, ...pinned({ project: 'acme/web' }) }));
    expect(err.message).toBe('the ID token\'s project_path is "mallory/app", not the configured "acme/web"');
    const own = gitlabEnv(await signJwt(GITLAB_CLAIMS));
    expect((await ciIdentity({ env: own, ...pinned({ project: 'acme/web' }) })).project).toBe('acme/web');
  });

  it('refuses a token whose pipeline_source or environment differ from the job', async () => {
    const env = gitlabEnv(await signJwt({ ...GITLAB_CLAIMS, environment: 'staging' }), {
      CI_PIPELINE_SOURCE: 'schedule',
      CI_ENVIRONMENT_NAME: 'production',
    });
    const err = await refusal(ciIdentity({ env, ...pinned() }));
    expect(err.message).toBe(
      'ID token pipeline_source is "push" but the job has "schedule"; environment is "staging" but the job has "production"',
    );
  });

  it('refuses a merge request pipeline from a fork', async () => {
    const mr = {
      ...GITLAB_CLAIMS,
      pipeline_source: 'merge_request_event',
      ref: 'feature',
      ref_protected: 'false',
    };
    const mrEnv = {
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_COMMIT_REF_NAME: 'feature',
      CI_COMMIT_REF_PROTECTED: 'false',
      CI_MERGE_REQUEST_IID: '7',
      CI_MERGE_REQUEST_PROJECT_ID: '4711',
    };
    // The token names the fork as its project while the job runs in acme/web.
    const forkToken = await signJwt({
      ...mr,
      project_path: 'mallory/web',
      project_id: '9999',
      job_project_path: 'acme/web',
      job_project_id: '4711',
    });
    const viaProject = await refusal(ciIdentity({ env: gitlabEnv(forkToken, mrEnv), ...pinned() }));
    expect(viaProject.message).toContain('project_path is "mallory/web" but the job has "acme/web"');
    // A job whose variables follow the fork is refused too: the token's job project is acme/web.
    const forkEnv = gitlabEnv(forkToken, { ...mrEnv, CI_PROJECT_PATH: 'mallory/web', CI_PROJECT_ID: '9999' });
    const viaJob = await refusal(ciIdentity({ env: forkEnv, ...pinned() }));
    expect(viaJob.message).toBe(
      'the pipeline runs in acme/web for a merge request from the fork mallory/web',
    );
    expect(viaJob.hint).toMatch(/not from merge requests of forks/);
    // And so is one whose merge request variables name another source project.
    const plain = gitlabEnv(await signJwt(mr), { ...mrEnv, CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '9999' });
    const viaVariables = await refusal(ciIdentity({ env: plain, ...pinned() }));
    expect(viaVariables.message).toBe('the pipeline runs for a merge request from a fork');
    // A merge request pipeline of the project itself passes.
    const own = gitlabEnv(await signJwt(mr), { ...mrEnv, CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '4711' });
    expect((await ciIdentity({ env: own, ...pinned() })).ref).toBe('feature');
  });

  it('refuses a job without an ID token', async () => {
    const err = await refusal(ciIdentity({ env: gitlabEnv(undefined), ...pinned() }));
    expect(err.message).toMatch(/no ID token/);
    expect(err.hint).toMatch(/id_tokens/);
  });

  it.each([
    ['project_path', { project_path: 'evil/fork' }, 'acme/web'],
    ['sha', { sha: 'a'.repeat(40) }, SHA],
    ['ref', { ref: 'feature/x' }, 'main'],
    ['pipeline_id', { pipeline_id: '1' }, '1520034567'],
  ])('refuses a token whose %s differs from the job', async (claim, change, want) => {
    const env = gitlabEnv(await signJwt({ ...GITLAB_CLAIMS, ...change }));
    const err = await refusal(ciIdentity({ env, ...pinned() }));
    expect(err.message).toContain(`${claim} is "${Object.values(change)[0]}" but the job has "${want}"`);
  });

  it('refuses an expired token and one without expiry', async () => {
    const expired = gitlabEnv(await signJwt({ ...GITLAB_CLAIMS, iat: T - 4000, exp: T - 400 }));
    expect((await refusal(ciIdentity({ env: expired, ...pinned() }))).message).toMatch(/expired 400 s ago/);
    const { exp: _exp, ...noExp } = GITLAB_CLAIMS;
    const env = gitlabEnv(await signJwt(noExp));
    expect((await refusal(ciIdentity({ env, ...pinned() }))).message).toMatch(/no expiry/);
  });

  it('refuses a value that is not a JWT without echoing it', async () => {
    const err = await refusal(ciIdentity({ env: gitlabEnv('not-a-token-s3cret'), ...pinned() }));
    expect(err.message).not.toContain('s3cret');
  });
});

// ---- GitHub Actions ----

const GH_SHA = 'e5c2f1a0b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e4';
const WORKFLOW_REF = 'acme/web/.github/workflows/release.yml@refs/heads/main';
const GITHUB_CLAIMS = {
  jti: '8b3d9c1e-0f2a-4b5c-9d6e-7f8a9b0c1d2e',
  sub: 'repo:acme/web:ref:refs/heads/main',
  aud: 'shipgate',
  ref: 'refs/heads/main',
  sha: GH_SHA,
  repository: 'acme/web',
  repository_owner: 'acme',
  repository_id: '123456789',
  run_id: '9876543210',
  run_number: '42',
  run_attempt: '1',
  actor: 'jdoe',
  workflow: 'release',
  workflow_ref: WORKFLOW_REF,
  job_workflow_ref: WORKFLOW_REF,
  event_name: 'push',
  ref_type: 'branch',
  runner_environment: 'github-hosted',
  iss: ISSUER,
  nbf: T - 10,
  exp: T + 290,
  iat: T - 5,
};

const REQUEST_TOKEN = 'actions-runtime-request-token-x9';

describe('CI identity: GitHub Actions', () => {
  let server: Server;
  let base = '';
  let claims: Record<string, unknown> = GITHUB_CLAIMS;
  const requests: IncomingMessage[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req);
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) {
        res.writeHead(401).end();
        return;
      }
      const aud = url.searchParams.get('audience');
      void signJwt({ ...claims, aud: aud ?? 'https://github.com/acme' }).then((value) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ count: 1, value }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  function githubEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/web',
      GITHUB_RUN_ID: '9876543210',
      GITHUB_SHA: GH_SHA,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKFLOW_REF: WORKFLOW_REF,
      GITHUB_EVENT_NAME: 'push',
      ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/_apis/distributedtask/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
      ...extra,
    };
  }

  it('requests a token for audience shipgate with the runtime bearer and accepts matching claims', async () => {
    claims = GITHUB_CLAIMS;
    requests.length = 0;
    const job = await ciIdentity({ env: githubEnv(), ...pinned() });
    expect(job).toEqual({
      platform: 'github',
      project: 'acme/web',
      run: '9876543210',
      sha: GH_SHA,
      ref: 'refs/heads/main',
      subject: GITHUB_CLAIMS.sub,
      issuer: issuer.url,
    });
    expect(requests).toHaveLength(1);
    const url = new URL(requests[0]!.url!, base);
    expect(url.pathname).toBe('/_apis/distributedtask/token');
    expect(url.searchParams.get('api-version')).toBe('2.0');
    expect(url.searchParams.get('audience')).toBe('shipgate');
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${REQUEST_TOKEN}`);
    expect(mask(REQUEST_TOKEN)).not.toContain(REQUEST_TOKEN);
  });

  it('refuses a token for another repository', async () => {
    claims = { ...GITHUB_CLAIMS, repository: 'evil/web' };
    const err = await refusal(ciIdentity({ env: githubEnv(), ...pinned() }));
    expect(err.message).toContain('repository is "evil/web" but the job has "acme/web"');
  });

  it('refuses a token whose sha, ref or workflow differ', async () => {
    claims = {
      ...GITHUB_CLAIMS,
      sha: 'b'.repeat(40),
      ref: 'refs/heads/dev',
      workflow_ref: 'acme/web/.github/workflows/x.yml@refs/heads/dev',
    };
    const err = await refusal(ciIdentity({ env: githubEnv(), ...pinned() }));
    expect(err.message).toMatch(/sha is "b{40}".*ref is "refs\/heads\/dev".*workflow_ref is/);
  });

  it.each(['pull_request_target', 'workflow_run', 'issue_comment'])(
    'refuses a %s run unless that event is allowed',
    async (event) => {
      claims = { ...GITHUB_CLAIMS, event_name: event };
      const env = githubEnv({ GITHUB_EVENT_NAME: event });
      const err = await refusal(ciIdentity({ env, ...pinned() }));
      expect(err.message).toBe(
        `the job runs for a ${event} event, whose runs can execute code from a fork with the base branch's identity`,
      );
      expect(err.hint).toContain(`--oidc-allow-event ${event}`);
      const job = await ciIdentity({ env, ...pinned({ allowEvents: [event] }) });
      expect(job.project).toBe('acme/web');
    },
  );

  it('refuses a token of another repository than the pinned one', async () => {
    claims = GITHUB_CLAIMS;
    const err = await refusal(ciIdentity({ env: githubEnv(), ...pinned({ project: 'acme/api' }) }));
    expect(err.message).toBe('the ID token\'s repository is "acme/web", not the configured "acme/api"');
    expect((await ciIdentity({ env: githubEnv(), ...pinned({ project: 'acme/web' }) })).project).toBe(
      'acme/web',
    );
  });

  it('refuses a token whose event differs from the job', async () => {
    claims = { ...GITHUB_CLAIMS, event_name: 'pull_request_target' };
    const err = await refusal(ciIdentity({ env: githubEnv(), ...pinned() }));
    expect(err.message).toBe('ID token event_name is "pull_request_target" but the job has "push"');
  });

  it("expects GitHub's issuer unless another is configured", async () => {
    claims = GITHUB_CLAIMS;
    const err = await refusal(ciIdentity({ env: githubEnv(), now: NOW }));
    expect(err.message).toBe(
      `the GitHub ID token was issued by "${issuer.url}", not https://token.actions.githubusercontent.com`,
    );
  });

  it('requests and expects the configured audience', async () => {
    claims = GITHUB_CLAIMS;
    requests.length = 0;
    await ciIdentity({ env: githubEnv(), ...pinned({ audience: 'registry.example.com' }) });
    expect(new URL(requests[0]!.url!, base).searchParams.get('audience')).toBe('registry.example.com');
  });

  it('refuses an expired token', async () => {
    claims = { ...GITHUB_CLAIMS, exp: T - 30 };
    expect((await refusal(ciIdentity({ env: githubEnv(), ...pinned() }))).message).toMatch(
      /expired 30 s ago/,
    );
  });

  it('refuses when the job may not request tokens, or the runtime refuses the bearer', async () => {
    const env = githubEnv();
    delete env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const err = await refusal(ciIdentity({ env, ...pinned() }));
    expect(err.hint).toMatch(/id-token: write/);
    claims = GITHUB_CLAIMS;
    const bad = await refusal(
      ciIdentity({ env: githubEnv({ ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' }), ...pinned() }),
    );
    expect(bad.message).toMatch(/answered 401/);
  });
});
