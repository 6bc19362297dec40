/**
 * The token service in front of a real `docker-registry` 2.8 configured for token auth (key and certificate
 * made with openssl), with local OIDC issuers signing CI ID tokens. Pushes go through skopeo as a CI job would
 * (`--dest-creds ci:$TOKEN`); refusals are the registry's own answers to uploads with the token it was given.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LAYER_TAR, serialHeavySuite, tarOf, writeLayoutImage } from '../../support/images';
import { startIssuer, type TestIssuer } from '../../support/oidc-issuer';
import { parseConfig } from '../../../src/registry-auth/config';
import {
  basic,
  configText,
  githubClaims,
  gitlabClaims,
  makeConfig,
  SERVICE,
  startAuth,
  TOKEN_ISSUER,
  type RunningAuth,
} from '../../support/registry-auth';
import { pushImage, REGISTRY_TOOLS, startRegistry, type TestRegistry } from '../../support/registry';
import { makeTokenKeys, TOKEN_KEY_TOOLS, type TokenKeys } from '../../support/token-keys';
import { describeWithTools } from '../../support/tools';

serialHeavySuite();

describeWithTools(
  'registry-auth in front of docker-registry',
  [...REGISTRY_TOOLS, ...TOKEN_KEY_TOOLS],
  () => {
    let dir: string;
    let keys: TokenKeys;
    let github: TestIssuer;
    let gitlab: TestIssuer;
    let auth: RunningAuth;
    let registry: TestRegistry;
    let layout: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'shipgate-rauth-e2e-'));
      keys = makeTokenKeys(mkdtempSync(join(dir, 'keys-')));
      github = await startIssuer();
      gitlab = await startIssuer();
      auth = await startAuth(makeConfig(keys, github, gitlab));
      registry = await startRegistry({
        tokenAuth: {
          realm: `${auth.server.url}/token`,
          service: SERVICE,
          issuer: TOKEN_ISSUER,
          rootCertBundle: keys.ecCert,
        },
      });
      layout = join(dir, 'oci');
      const layer = await tarOf([{ name: 'hello.txt', content: 'pushed by a CI job\n' }]);
      writeLayoutImage(layout, 'v1', [{ blob: layer, mediaType: LAYER_TAR }]);
    });

    afterAll(async () => {
      await registry?.stop();
      await auth?.server.close();
      await github?.stop();
      await gitlab?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    /** skopeo's push as `ci` with the password; resolves to the error text, or undefined when it succeeded. */
    async function push(repo: string, password: string, tag = 'v1'): Promise<string | undefined> {
      try {
        await pushImage(layout, 'v1', `${registry.host}/${repo}:${tag}`, { user: 'ci', password });
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    }

    /** The registry token the service issues for the password and scope, as a registry client gets it. */
    async function registryToken(password: string | undefined, scope: string): Promise<string> {
      const q = new URLSearchParams({ service: SERVICE, scope, account: 'ci' });
      const res = await fetch(`${auth.server.url}/token?${q}`, {
        headers: password === undefined ? {} : { authorization: basic('ci', password) },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { access_token: string }).access_token;
    }

    /** The registry's status for starting a blob upload to `repo` with what the service grants `password`. */
    async function uploadStatus(repo: string, password: string | undefined): Promise<number> {
      const token = await registryToken(password, `repository:${repo}:pull,push`);
      const res = await fetch(`${registry.url}/v2/${repo}/blobs/uploads/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      await res.body?.cancel();
      return res.status;
    }

    async function pullStatus(repo: string, password: string | undefined): Promise<number> {
      const token = await registryToken(password, `repository:${repo}:pull`);
      const res = await fetch(`${registry.url}/v2/${repo}/manifests/v1`, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/vnd.oci.image.manifest.v1+json',
        },
      });
      await res.body?.cancel();
      return res.status;
    }

    it('the registry itself demands a token', async () => {
      const res = await fetch(`${registry.url}/v2/`);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain(`realm="${auth.server.url}/token"`);
    });

    it('a push with a valid GitHub CI token succeeds, and the image can be pulled back', async () => {
      const token = await github.sign(githubClaims(github));
      expect(await push('team/app', token)).toBeUndefined();
      expect(await uploadStatus('team/app', token)).toBe(202);
      expect(await pullStatus('team/app', token)).toBe(200);
    });

    it('a push with a valid GitLab CI token from a protected ref succeeds', async () => {
      expect(await push('group/app', await gitlab.sign(gitlabClaims(gitlab)))).toBeUndefined();
    });

    const refusals: [string, (g: TestIssuer, l: TestIssuer) => Promise<string>, string, RegExp][] = [
      [
        'a developer password',
        async () => 'dev-password-Qx81',
        'team/app',
        /the password is not a CI ID token/,
      ],
      [
        'an expired token',
        (g) => g.sign(githubClaims(g, { exp: Math.floor(Date.now() / 1000) - 120 })),
        'team/app',
        /expired/,
      ],
      [
        'a token for another audience',
        (g) => g.sign(githubClaims(g, { aud: 'other-registry' })),
        'team/app',
        /audience/,
      ],
      [
        "another repository's token",
        (g) => g.sign(githubClaims(g, { repository: 'evil/app', repository_id: '666' })),
        'team/app',
        /repository_id is "666"/,
      ],
      [
        'a token from a non-protected ref',
        (_g, l) => l.sign(gitlabClaims(l, { ref: 'feature', ref_protected: 'false' })),
        'group/app',
        /ref_protected is "false"/,
      ],
      [
        'a GitHub pull_request_target run',
        (g) => g.sign(githubClaims(g, { event_name: 'pull_request_target' })),
        'team/app',
        /event_name is "pull_request_target"/,
      ],
    ];

    it.each(refusals)(
      '%s: the registry refuses the push, pull still works',
      async (_what, make, repo, reason) => {
        const password = await make(github, gitlab);
        const before = auth.audit().length;
        const error = await push(repo, password, 'refused');
        expect(error).toBeDefined();
        expect(error).toMatch(/unauthorized|denied|authentication required/i);
        const status = await uploadStatus(repo, password);
        expect([401, 403]).toContain(status);
        // The default policy lets everyone pull: the image pushed earlier is still readable.
        expect(await pullStatus(repo, password)).toBe(200);
        const lines = auth.audit().slice(before);
        expect(lines.length).toBeGreaterThan(0);
        const decisive = lines.find((l) => (l.requested as string[]).some((s) => s.includes('push')));
        expect(decisive?.granted).not.toEqual(expect.arrayContaining([expect.stringContaining('push')]));
        expect(String(decisive?.reason)).toMatch(reason);
        expect(JSON.stringify(lines)).not.toContain(password);
      },
    );

    it('every decision produced one JSON audit line, none carrying a token', async () => {
      const lines = auth.audit();
      // The service counted as many token requests as it wrote audit lines.
      const metrics = await (await fetch(`${auth.server.url}/metrics`)).text();
      const counted = [...metrics.matchAll(/^shipgate_registry_auth_requests_total\{[^}]*\} (\d+)$/gm)]
        .map((m) => Number(m[1]))
        .reduce((a, b) => a + b, 0);
      expect(counted).toBe(lines.length);
      expect(lines.length).toBeGreaterThan(10);
      const text = auth.sink.text();
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\./);
      expect(text).not.toContain('dev-password-Qx81');
      for (const l of lines) expect(typeof l.outcome).toBe('string');
    });

    it('200 concurrent token requests are all answered 200', async () => {
      const token = await github.sign(githubClaims(github));
      const q = new URLSearchParams({
        service: SERVICE,
        scope: 'repository:team/app:pull,push',
        account: 'ci',
      });
      const statuses = await Promise.all(
        Array.from({ length: 200 }, async () => {
          const res = await fetch(`${auth.server.url}/token?${q}`, {
            headers: { authorization: basic('ci', token) },
          });
          await res.arrayBuffer();
          return res.status;
        }),
      );
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
    });

    it('a key signed by a CA the registry trusts works through x5c (signing certificate first)', async () => {
      const text = configText(keys, github, gitlab)
        .replace(keys.ecKey, keys.leafKey)
        .replace(keys.ecCert, keys.leafChain);
      const chained = await startAuth(parseConfig(text, 'chain.yaml', keys.dir));
      const behindCa = await startRegistry({
        tokenAuth: {
          realm: `${chained.server.url}/token`,
          service: SERVICE,
          issuer: TOKEN_ISSUER,
          rootCertBundle: keys.caCert,
        },
      });
      try {
        const token = await github.sign(githubClaims(github));
        await pushImage(layout, 'v1', `${behindCa.host}/team/app:v1`, { user: 'ci', password: token });
        expect(chained.audit().at(-1)).toMatchObject({ outcome: 'granted' });
      } finally {
        await behindCa.stop();
        await chained.server.close();
      }
    });
  },
);
