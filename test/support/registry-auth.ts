/**
 * The registry token service for tests: a config whose trusted issuers are local OIDC issuers
 * (./oidc-issuer.ts), GitHub- and GitLab-style claims for valid CI ID tokens, and a server started
 * in-process with its audit lines collected in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWTPayload } from 'jose';
import { Logger, MemorySink } from '../../src/core/logger';
import { parseConfig, type RegistryAuthConfig } from '../../src/registry-auth/config';
import { loadSigningKey, startRegistryAuth, type RegistryAuthServer } from '../../src/registry-auth/index';
import { startIssuer, type TestIssuer } from './oidc-issuer';
import { makeTokenKeys, type TokenKeys } from './token-keys';

const AUDIENCE = 'registry.test';
export const SERVICE = 'test-registry';
export const TOKEN_ISSUER = 'shipgate-test-auth';

export function configText(
  keys: TokenKeys,
  github: TestIssuer,
  gitlab: TestIssuer,
  extra = 'defaultPull: everyone\n',
): string {
  return `listen: 127.0.0.1:0
service: ${SERVICE}
issuer: ${TOKEN_ISSUER}
key: ${keys.ecKey}
certificate: ${keys.ecCert}
${extra}trustedIssuers:
  - { name: github, kind: github, url: "${github.url}", audience: ${AUDIENCE} }
  - { name: gitlab, kind: gitlab, url: "${gitlab.url}", audience: ${AUDIENCE} }
rules:
  - name: app-main
    repositories: [team/app]
    issuer: github
    claims:
      repository_id: "1001"
      repository_owner_id: "77"
      ref: refs/heads/main
      event_name: push
      workflow_ref: team/app/.github/workflows/release.yml@refs/heads/main
    actions: [push]
  - name: gitlab-app
    repositories: [group/app, group/app/*]
    issuer: gitlab
    claims:
      project_id: 42
      ref_protected: true
      ref: [main, "release/*"]
    actions: [pull, push]
`;
}

export function makeConfig(
  keys: TokenKeys,
  github: TestIssuer,
  gitlab: TestIssuer,
  extra?: string,
): RegistryAuthConfig {
  return parseConfig(configText(keys, github, gitlab, extra), 'registry-auth.yaml', keys.dir);
}

function times(): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { iat: now, nbf: now - 5, exp: now + 300 };
}

/** A push-event GitHub Actions token of team/app on main, for `issuer`. */
export function githubClaims(issuer: TestIssuer, overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: issuer.url,
    aud: AUDIENCE,
    sub: 'repo:team/app:ref:refs/heads/main',
    repository: 'team/app',
    repository_id: '1001',
    repository_owner: 'team',
    repository_owner_id: '77',
    ref: 'refs/heads/main',
    ref_type: 'branch',
    event_name: 'push',
    workflow_ref: 'team/app/.github/workflows/release.yml@refs/heads/main',
    ...times(),
    ...overrides,
  };
}

/** A GitLab CI token of group/app on the protected branch main. */
export function gitlabClaims(issuer: TestIssuer, overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: issuer.url,
    aud: AUDIENCE,
    sub: 'project_path:group/app:ref_type:branch:ref:main',
    project_id: '42',
    project_path: 'group/app',
    ref: 'main',
    ref_type: 'branch',
    ref_protected: 'true',
    pipeline_source: 'push',
    ...times(),
    ...overrides,
  };
}

export interface RunningAuth {
  server: RegistryAuthServer;
  sink: MemorySink;
  /** The audit lines so far, parsed. */
  audit(): Record<string, unknown>[];
}

export async function startAuth(config: RegistryAuthConfig): Promise<RunningAuth> {
  const sink = new MemorySink();
  const server = await startRegistryAuth({
    config,
    key: loadSigningKey(config.key, config.certificate),
    log: new Logger([sink], 'info'),
  });
  return {
    server,
    sink,
    audit: () =>
      sink.lines
        .filter((l) => l.line.startsWith('{'))
        .map((l) => JSON.parse(l.line) as Record<string, unknown>)
        .filter((l) => l.audit === 'registry-auth'),
  };
}

/** The service in-process with the test config: fresh keys, a GitHub- and a GitLab-style issuer. */
export interface AuthFixture {
  keys: TokenKeys;
  github: TestIssuer;
  gitlab: TestIssuer;
  auth: RunningAuth;
  stop(): Promise<void>;
}

export async function startAuthFixture(prefix: string): Promise<AuthFixture> {
  const keys = makeTokenKeys(mkdtempSync(join(tmpdir(), prefix)));
  const github = await startIssuer();
  const gitlab = await startIssuer();
  const auth = await startAuth(makeConfig(keys, github, gitlab));
  return {
    keys,
    github,
    gitlab,
    auth,
    stop: async () => {
      await auth.server.close();
      await github.stop();
      await gitlab.stop();
      rmSync(keys.dir, { recursive: true, force: true });
    },
  };
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
