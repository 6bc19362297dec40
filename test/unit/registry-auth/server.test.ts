/**
 * The token service over HTTP on loopback, with local OIDC issuers: protocol details, grants and refusals,
 * the audit trail, health and metrics. (The registry enforcing the tokens is in test/e2e/registry-auth.)
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startIssuer, type TestIssuer } from '../../support/oidc-issuer';
import {
  basic,
  githubClaims,
  gitlabClaims,
  makeConfig,
  SERVICE,
  startAuth,
  startAuthFixture,
  type AuthFixture,
  type RunningAuth,
} from '../../support/registry-auth';
import { TOKEN_KEY_TOOLS, type TokenKeys } from '../../support/token-keys';
import { describeWithTools } from '../../support/tools';

describeWithTools('registry-auth server', TOKEN_KEY_TOOLS, () => {
  let fixture: AuthFixture;
  let keys: TokenKeys;
  let github: TestIssuer;
  let gitlab: TestIssuer;
  let auth: RunningAuth;

  beforeAll(async () => {
    fixture = await startAuthFixture('shipgate-rauth-server-');
    ({ keys, github, gitlab, auth } = fixture);
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  async function tokenRequest(
    scopes: string[],
    authorization?: string,
    params: Record<string, string> = { service: SERVICE, account: 'ci' },
  ): Promise<{ status: number; body: Record<string, unknown>; access?: unknown }> {
    const q = new URLSearchParams(params);
    for (const s of scopes) q.append('scope', s);
    const res = await fetch(`${auth.server.url}/token?${q}`, {
      headers: authorization ? { authorization } : {},
    });
    const body = (await res.json()) as Record<string, unknown>;
    const access = typeof body.token === 'string' ? decodeJwt(body.token).access : undefined;
    return { status: res.status, body, access };
  }

  const lastAudit = () => auth.audit().at(-1)!;

  it('is healthy once the issuers were reached', async () => {
    let res: Response | undefined;
    for (let i = 0; i < 100; i++) {
      res = await fetch(`${auth.server.url}/healthz`);
      if (res.status === 200) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const body = (await res!.json()) as { status: string; signingKey: { alg: string }; issuers: unknown[] };
    expect(res!.status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.signingKey.alg).toBe('ES256');
    expect(body.issuers).toEqual([
      { name: 'github', url: github.url, reachable: true },
      { name: 'gitlab', url: gitlab.url, reachable: true },
    ]);
  });

  it('grants push to a CI token matching a rule, and audits it without the token', async () => {
    const token = await github.sign(githubClaims(github));
    const r = await tokenRequest(['repository:team/app:pull,push'], basic('ci', token));
    expect(r.status).toBe(200);
    expect(r.body.access_token).toBe(r.body.token);
    expect(r.body.expires_in).toBe(300);
    expect(typeof r.body.issued_at).toBe('string');
    expect(r.access).toEqual([{ type: 'repository', name: 'team/app', actions: ['pull', 'push'] }]);
    expect(decodeJwt(r.body.token as string).sub).toBe('repo:team/app:ref:refs/heads/main');
    const line = lastAudit();
    expect(line).toMatchObject({
      account: 'ci',
      client: '127.0.0.1',
      requested: ['repository:team/app:pull,push'],
      granted: ['repository:team/app:pull,push'],
      outcome: 'granted',
      status: 200,
      token: {
        issuer: github.url,
        subject: 'repo:team/app:ref:refs/heads/main',
        repository: 'team/app',
        ref: 'refs/heads/main',
        verified: true,
      },
    });
    expect(line.reason).toMatch(/ID token verified \(github\); team\/app: rule app-main/);
    expect(auth.sink.text()).not.toContain(token);
    expect(auth.sink.text()).not.toContain(token.split('.')[2]);
  });

  it('grants requested ∩ allowed: a partial grant is not an error', async () => {
    const token = await github.sign(githubClaims(github));
    const r = await tokenRequest(
      ['repository:team/app:pull,push,delete', 'repository:team/other:pull,push'],
      basic('ci', token),
    );
    expect(r.status).toBe(200);
    expect(r.access).toEqual([
      { type: 'repository', name: 'team/app', actions: ['pull', 'push'] },
      { type: 'repository', name: 'team/other', actions: ['pull'] },
    ]);
    expect(lastAudit()).toMatchObject({ outcome: 'partial' });
    expect(lastAudit().reason).toMatch(/team\/other: no rule for this repository and issuer/);
  });

  it('`*` asks for everything allowed', async () => {
    const token = await github.sign(githubClaims(github));
    const r = await tokenRequest(['repository:team/app:*'], basic('ci', token));
    expect(r.access).toEqual([{ type: 'repository', name: 'team/app', actions: ['pull', 'push'] }]);
  });

  it.each([
    [
      'a pull_request_target event',
      { event_name: 'pull_request_target' },
      /event_name is "pull_request_target"/,
    ],
    ['another repository', { repository_id: '999', repository: 'evil/app' }, /repository_id is "999"/],
    ['another branch', { ref: 'refs/heads/dev' }, /ref is "refs\/heads\/dev"/],
    [
      'another workflow',
      { workflow_ref: 'team/app/.github/workflows/x.yml@refs/heads/main' },
      /workflow_ref/,
    ],
  ])('a GitHub token from %s gets pull only', async (_what, overrides, reason) => {
    const r = await tokenRequest(
      ['repository:team/app:pull,push'],
      basic('ci', await github.sign(githubClaims(github, overrides))),
    );
    expect(r.access).toEqual([{ type: 'repository', name: 'team/app', actions: ['pull'] }]);
    expect(lastAudit()).toMatchObject({ outcome: 'partial', token: { verified: true } });
    expect(lastAudit().reason).toMatch(reason);
  });

  it.each([
    ['expired', (i: TestIssuer) => githubClaims(i, { exp: Math.floor(Date.now() / 1000) - 120 }), /expired/],
    ['for another audience', (i: TestIssuer) => githubClaims(i, { aud: 'other' }), /audience "other"/],
  ])('a token %s is not verified', async (_what, claims, reason) => {
    const token = await github.sign(claims(github));
    const r = await tokenRequest(['repository:team/app:pull,push'], basic('ci', token));
    expect(r.status).toBe(200);
    expect(r.access).toEqual([{ type: 'repository', name: 'team/app', actions: ['pull'] }]);
    expect(lastAudit()).toMatchObject({ token: { verified: false, repository: 'team/app' } });
    expect(lastAudit().reason).toMatch(reason);
    expect(auth.sink.text()).not.toContain(token);
  });

  it('a token of an untrusted issuer, signed by the right key, is not verified', async () => {
    const token = await github.sign(githubClaims(github, { iss: 'https://evil.example' }));
    await tokenRequest(['repository:team/app:push'], basic('ci', token));
    expect(lastAudit()).toMatchObject({ outcome: 'refused', granted: [] });
    expect(lastAudit().reason).toBe('the ID token\'s issuer "https://evil.example" is not trusted');
  });

  it('GitLab: a protected ref gets push, an unprotected one does not', async () => {
    const ok = await tokenRequest(
      ['repository:group/app/sub:pull,push'],
      basic('ci', await gitlab.sign(gitlabClaims(gitlab, { ref: 'release/1.0' }))),
    );
    expect(ok.access).toEqual([{ type: 'repository', name: 'group/app/sub', actions: ['pull', 'push'] }]);
    const no = await tokenRequest(
      ['repository:group/app:pull,push'],
      basic('ci', await gitlab.sign(gitlabClaims(gitlab, { ref_protected: 'false' }))),
    );
    expect(no.access).toEqual([{ type: 'repository', name: 'group/app', actions: ['pull'] }]);
    expect(lastAudit().reason).toMatch(/ref_protected is "false"/);
  });

  it('a password that is not a token: pull per the default policy, never an error, never logged', async () => {
    const password = 'hunter2-developer-password';
    const params = { service: SERVICE, account: 'dev' };
    const r = await tokenRequest(['repository:team/app:pull,push'], basic('dev', password), params);
    expect(r.status).toBe(200);
    expect(r.access).toEqual([{ type: 'repository', name: 'team/app', actions: ['pull'] }]);
    expect(lastAudit()).toMatchObject({ account: 'dev', reason: 'the password is not a CI ID token' });
    // A login (no scope) with such credentials is refused, so `docker login` says so.
    const login = await tokenRequest([], basic('dev', password), params);
    expect(login.status).toBe(401);
    expect(JSON.stringify(login.body)).not.toContain(password);
    expect(lastAudit()).toMatchObject({ outcome: 'unauthorized', status: 401 });
    expect(auth.sink.text()).not.toContain(password);
  });

  it('anonymous requests get pull per the default policy; a login with a valid token succeeds', async () => {
    const r = await tokenRequest(['repository:team/app:pull,push']);
    expect(r.access).toEqual([{ type: 'repository', name: 'team/app', actions: ['pull'] }]);
    expect(decodeJwt(r.body.token as string).sub).toBe('');
    const login = await tokenRequest([], basic('ci', await github.sign(githubClaims(github))));
    expect(login.status).toBe(200);
    expect(login.access).toEqual([]);
  });

  it('the catalog is refused by default', async () => {
    const r = await tokenRequest(
      ['registry:catalog:*'],
      basic('ci', await github.sign(githubClaims(github))),
    );
    expect(r.access).toEqual([]);
    expect(lastAudit()).toMatchObject({ outcome: 'refused' });
  });

  it('names with a registry host:port are parsed, not refused', async () => {
    const r = await tokenRequest(['repository:127.0.0.1:5000/team/app:pull']);
    expect(r.access).toEqual([{ type: 'repository', name: '127.0.0.1:5000/team/app', actions: ['pull'] }]);
  });

  it('a wrong or missing service and a malformed scope are 400', async () => {
    const wrong = await tokenRequest([], undefined, { service: 'other' });
    expect(wrong.status).toBe(400);
    expect(lastAudit()).toMatchObject({
      outcome: 'bad_request',
      reason: 'service "other" is not "test-registry"',
    });
    expect((await tokenRequest([], undefined, {})).status).toBe(400);
    const bad = await tokenRequest(['repository:team/app'], undefined);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/INVALID_SCOPE/);
  });

  it('answers the OAuth2 password grant, and refuses other grants', async () => {
    const post = (form: Record<string, string>) =>
      fetch(`${auth.server.url}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
      });
    const token = await github.sign(githubClaims(github));
    const res = await post({
      grant_type: 'password',
      client_id: 'docker',
      service: SERVICE,
      username: 'ci',
      password: token,
      scope: 'repository:team/app:pull,push repository:team/lib:pull',
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(body.token).toBeUndefined();
    expect(body.scope).toBe('repository:team/app:pull,push repository:team/lib:pull');
    expect(decodeJwt(body.access_token as string).access).toHaveLength(2);
    expect((await post({ grant_type: 'refresh_token', client_id: 'x', service: SERVICE })).status).toBe(400);
    expect((await post({ grant_type: 'password', service: SERVICE, password: 'x' })).status).toBe(400);
    expect(auth.sink.text()).not.toContain(token);
  });

  it('unknown paths are 404, other methods 405', async () => {
    expect((await fetch(`${auth.server.url}/v2/`)).status).toBe(404);
    expect((await fetch(`${auth.server.url}/token`, { method: 'DELETE' })).status).toBe(405);
  });

  it('every token request produced one audit line', () => {
    const lines = auth.audit();
    expect(lines.length).toBeGreaterThanOrEqual(20);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(
        expect.arrayContaining(['time', 'client', 'requested', 'granted', 'outcome']),
      );
      expect(JSON.stringify(l)).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
    }
  });

  it('exposes Prometheus metrics', async () => {
    const res = await fetch(`${auth.server.url}/metrics`);
    const text = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(/^shipgate_registry_auth_requests_total\{outcome="granted"\} \d+$/m);
    expect(text).toMatch(/^shipgate_registry_auth_requests_total\{outcome="bad_request"\} \d+$/m);
    expect(text).toMatch(/^shipgate_registry_auth_request_duration_seconds_bucket\{le="\+Inf"\} \d+$/m);
    expect(text).toMatch(/^shipgate_registry_auth_jwks_fetches_total\{issuer="github"\} [1-9]\d*$/m);
  });

  it('is not ready while an issuer cannot be reached, and says which', async () => {
    const down = await startIssuer();
    down.failWith(503);
    const other = await startAuth(makeConfig(keys, github, down));
    try {
      let body:
        { status: string; issuers: { name: string; reachable: boolean; problem?: string }[] } | undefined;
      for (let i = 0; i < 100; i++) {
        const res = await fetch(`${other.server.url}/healthz`);
        expect(res.status).toBe(503);
        body = (await res.json()) as typeof body;
        if (body!.issuers[1]!.problem) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(body!.status).toBe('not ready');
      expect(body!.issuers[1]).toMatchObject({ name: 'gitlab', reachable: false });
      expect(body!.issuers[1]!.problem).toMatch(/503/);
      // A token of that issuer cannot be verified now: 503, so the client retries, rather than a pull-only grant.
      const q = new URLSearchParams({ service: SERVICE, scope: 'repository:group/app:pull,push' });
      const res = await fetch(`${other.server.url}/token?${q}`, {
        headers: { authorization: basic('ci', await down.sign(gitlabClaims(down))) },
      });
      expect(res.status).toBe(503);
      expect(other.audit().at(-1)).toMatchObject({ outcome: 'unavailable', status: 503 });
      expect(String(other.audit().at(-1)!.reason)).toMatch(/cannot fetch the OpenID configuration/);
      const metrics = await (await fetch(`${other.server.url}/metrics`)).text();
      expect(metrics).toMatch(/^shipgate_registry_auth_jwks_fetch_errors_total\{issuer="gitlab"\} [1-9]/m);
    } finally {
      await other.server.close();
      await down.stop();
    }
  });
});
