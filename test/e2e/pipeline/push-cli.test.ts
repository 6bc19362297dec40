/**
 * `shipgate push` end to end: the bundled CLI in a simulated GitLab job pushes an approved image to a real
 * registry; the image read back from the registry has the same layer contents. Refusals push nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { digestOf } from '../../../src/oci/digest';
import { openImage } from '../../../src/image/index';
import { ensureBundle, runCli } from '../../support/bundle';
import { LAYER_GZIP, LAYER_TAR, serialHeavySuite, tarOf, writeLayoutImage } from '../../support/images';
import { run } from '../../support/debian';
import { startIssuer, type TestIssuer } from '../../support/oidc-issuer';
import { freePort, REGISTRY_TOOLS, startRegistry, type TestRegistry } from '../../support/registry';
import { describeWithTools, FIXTURES } from '../../support/tools';

const SHA = '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d';

/**
 * This process's environment without any real CI variables, plus a simulated GitLab job whose ID token the
 * issuer signs, when one is given.
 */
async function jobEnv(issuer?: TestIssuer): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(CI|GITLAB_CI|GITHUB_.*|ACTIONS_.*|CI_.*|RUNNER_.*|SIGSTORE_ID_TOKEN|SHIPGATE_ID_TOKEN)$/.test(k))
      env[k] = v;
  env.NO_COLOR = '1';
  if (!issuer) return env;
  const now = Math.floor(Date.now() / 1000);
  const token = await issuer.sign({
    iss: issuer.url,
    sub: 'project_path:acme/app:ref_type:branch:ref:main',
    aud: 'shipgate',
    project_id: '42',
    project_path: 'acme/app',
    pipeline_id: '9001',
    job_id: '77001',
    ref: 'main',
    ref_type: 'branch',
    ref_protected: 'true',
    pipeline_source: 'push',
    sha: SHA,
    iat: now - 5,
    nbf: now - 10,
    exp: now + 600,
  });
  return {
    ...env,
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER_URL: 'https://gitlab.example',
    CI_PROJECT_ID: '42',
    CI_PROJECT_PATH: 'acme/app',
    CI_PIPELINE_ID: '9001',
    CI_PIPELINE_SOURCE: 'push',
    CI_JOB_ID: '77001',
    CI_COMMIT_SHA: SHA,
    CI_COMMIT_REF_NAME: 'main',
    CI_COMMIT_REF_PROTECTED: 'true',
    SHIPGATE_ID_TOKEN: token,
  };
}

const decode = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

const shipgate = runCli;

async function sha256Of(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return digestOf(Buffer.concat(chunks));
}

const LABELS = {
  'org.opencontainers.image.source': 'https://gitlab.example/acme/app',
  'org.opencontainers.image.revision': SHA,
  'org.opencontainers.image.version': '1.0.0',
  'org.opencontainers.image.title': 'app',
};

describeWithTools('shipgate push (real registry, simulated GitLab job)', REGISTRY_TOOLS, () => {
  serialHeavySuite();
  let registry: TestRegistry;
  let issuer: TestIssuer;
  let work: string;
  let good: string;
  let bad: string;
  const vulnDb = join(FIXTURES, 'osv');

  beforeAll(async () => {
    await ensureBundle();
    registry = await startRegistry();
    issuer = await startIssuer();
    work = mkdtempSync(join(tmpdir(), 'shipgate-push-'));
    // Runners have no ClamAV signature database; the push guard, not malware scanning, is under test here.
    writeFileSync(join(work, 'shipgate.yaml'), 'version: 1\nmalware:\n  mode: optional\n');
    // An approved scratch-style image: a static binary stand-in, a non-root user, a health check, OCI labels.
    const base = await tarOf([
      { name: 'etc/', type: 'directory' },
      {
        name: 'etc/passwd',
        content: 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1000:1000::/home/app:/sbin/nologin\n',
      },
      { name: 'etc/group', content: 'root:x:0:\napp:x:1000:\n' },
    ]);
    const app = await tarOf([
      { name: 'app/', type: 'directory' },
      { name: 'app/server', content: '#!/bin/true\n', mode: 0o755 },
      { name: 'app/README.txt', content: 'hello\n' },
    ]);
    const config = {
      created: '2026-11-25T00:00:00Z',
      config: {
        User: '1000',
        Entrypoint: ['/app/server'],
        WorkingDir: '/app',
        Labels: LABELS,
        Healthcheck: { Test: ['CMD', '/app/server', '--health'], Interval: 30_000_000_000 },
      },
    };
    good = join(work, 'good');
    writeLayoutImage(
      good,
      'v1',
      [
        { blob: gzipSync(base), mediaType: LAYER_GZIP, uncompressed: base, createdBy: 'COPY rootfs /' },
        { blob: app, mediaType: LAYER_TAR, createdBy: 'COPY app /app' },
      ],
      config,
    );
    // Not approved: runs as root and ships a private key.
    const leaky = await tarOf([
      { name: 'root/', type: 'directory' },
      {
        name: 'root/.aws/credentials',
        content:
          '[default]\naws_access_key_id = AKIAZ7VQ3XKD4LMNPQ2R\naws_secret_access_key = 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\n',
      },
    ]);
    bad = join(work, 'bad');
    writeLayoutImage(bad, 'v1', [{ blob: leaky, mediaType: LAYER_TAR, createdBy: 'COPY . /' }], {
      config: { User: 'root', Labels: LABELS },
    });
  }, 600_000);

  afterAll(async () => {
    await registry?.stop();
    await issuer?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const offline = ['--vuln-db', vulnDb, '--offline'];
  const oidc = (): string[] => ['--oidc-issuer', issuer.url];

  it('scan approves the good image and rejects the bad one (the oracle for push)', async () => {
    const ok = await shipgate(['scan', `oci:${good}:v1`, ...offline], work, await jobEnv());
    expect(ok.code, ok.stderr + ok.stdout).toBe(0);
    const no = await shipgate(['scan', `oci:${bad}:v1`, ...offline], work, await jobEnv());
    expect(no.code, no.stderr + no.stdout).toBe(1);
  });

  it('pushes the approved image from a verified GitLab job, and the registry holds the same layers', async () => {
    const dest = `${registry.host}/acme/app:1.0.0`;
    const env = await jobEnv(issuer);
    const r = await shipgate(['push', `oci:${good}:v1`, dest, ...offline, ...oidc()], work, env);
    expect(r.code, r.stderr).toBe(0);
    const pushed = r.stdout.trim();
    expect(pushed).toMatch(new RegExp(`^${registry.host.replace('.', '\\.')}/acme/app@sha256:[0-9a-f]{64}$`));
    expect(r.stderr).toContain(
      `gitlab job acme/app run 9001 at ${SHA.slice(0, 12)} (main): ID token verified (issuer ${issuer.url}) and its claims match the job`,
    );
    expect(r.stderr).toMatch(/layer 1\/2 .* uploaded/);
    expect(r.stderr).not.toContain(env.SHIPGATE_ID_TOKEN!.split('.')[2]);

    const src = await openImage(`oci:${good}:v1`);
    const dst = await openImage(pushed, { env: {} });
    const byTag = await openImage(dest, { env: {} });
    try {
      expect(dst.info.digest).toBe(pushed.split('@')[1]);
      expect(byTag.info.digest).toBe(dst.info.digest);
      expect(dst.info.config).toEqual(src.info.config);
      // The stored blobs are copied as they are: the gzip base layer stays gzip, with its digest.
      expect(dst.info.layers.map((l) => [l.mediaType, l.digest])).toEqual(
        src.info.layers.map((l) => [l.mediaType, l.digest]),
      );
      for (const layer of src.info.layers) {
        const [a, b] = await Promise.all([
          sha256Of(await src.openLayer(layer.index)),
          sha256Of(await dst.openLayer(layer.index)),
        ]);
        expect(b).toBe(a);
      }
    } finally {
      await Promise.all([src.close(), dst.close(), byTag.close()]);
    }

    // A second push uploads nothing new and yields the same digest.
    const again = await shipgate(
      ['push', `oci:${good}:v1`, dest, ...offline, ...oidc()],
      work,
      await jobEnv(issuer),
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe(pushed);
    expect(again.stderr).toMatch(/layer 2\/2 .* exists/);
  });

  it('pushes a docker-archive source (uncompressed layer tars) with the same layer contents', async () => {
    const archive = join(work, 'good-docker.tar');
    await run('skopeo', ['copy', '--quiet', `oci:${good}:v1`, `docker-archive:${archive}:acme/app:v1`]);
    const dest = `${registry.host}/acme/app-docker:1`;
    const r = await shipgate(
      ['push', `docker-archive:${archive}`, dest, ...offline, ...oidc()],
      work,
      await jobEnv(issuer),
    );
    expect(r.code, r.stderr).toBe(0);
    const src = await openImage(`oci:${good}:v1`);
    const dst = await openImage(r.stdout.trim(), { env: {} });
    try {
      expect(dst.info.layers.map((l) => l.mediaType)).toEqual([LAYER_TAR, LAYER_TAR]);
      expect(dst.info.layers.map((l) => l.digest)).toEqual(src.info.layers.map((l) => l.diffId));
      expect(dst.info.config.config).toEqual(src.info.config.config);
    } finally {
      await Promise.all([src.close(), dst.close()]);
    }
  });

  it('refuses the image that is not approved and pushes nothing', async () => {
    const r = await shipgate(
      ['push', `oci:${bad}:v1`, `${registry.host}/acme/bad:1`, ...offline, ...oidc()],
      work,
      await jobEnv(issuer),
    );
    expect(r.code).toBe(2);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('shipgate: error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/\[GUARD\]: push refused: .* is not approved: /);
    expect(r.stdout).toBe('');
    const res = await fetch(`${registry.url}/v2/acme/bad/manifests/1`, { method: 'HEAD' });
    expect(res.status).toBe(404);
  });

  it('takes the scan flags that change the decision, with shipgate scan as their oracle', async () => {
    // Without the secret and config scanners and below critical, nothing in the bad image blocks.
    const flags = ['--scanners', 'vuln', '--severity', 'CRITICAL,HIGH', '--fail-on', 'info'];
    const scan = await shipgate(['scan', `oci:${bad}:v1`, ...offline, ...flags], work, await jobEnv());
    expect(scan.code, scan.stderr + scan.stdout).toBe(0);
    const dest = `${registry.host}/acme/bad:flags`;
    const r = await shipgate(
      ['push', `oci:${bad}:v1`, dest, ...offline, ...flags, ...oidc()],
      work,
      await jobEnv(issuer),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/\/acme\/bad@sha256:[0-9a-f]{64}$/);
    // The bad image's config findings (root user) are below high: --fail-on info blocks on them, in scan and push alike.
    const codes: number[][] = [];
    for (const failOn of ['high', 'info']) {
      const only = ['--scanners', 'config', '--fail-on', failOn];
      const s = await shipgate(['scan', `oci:${bad}:v1`, ...offline, ...only], work, await jobEnv());
      const p = await shipgate(
        ['push', `oci:${bad}:v1`, `${registry.host}/acme/bad:${failOn}`, ...offline, ...only, ...oidc()],
        work,
        await jobEnv(issuer),
      );
      codes.push([s.code, p.code]);
    }
    expect(codes).toEqual([
      [0, 0],
      [1, 2],
    ]);
  });

  it('--exit-code is the exit code of a push the policy refuses, never 0', async () => {
    const dest = `${registry.host}/acme/bad:exit`;
    const r = await shipgate(
      ['push', `oci:${bad}:v1`, dest, ...offline, '--exit-code', '3', ...oidc()],
      work,
      await jobEnv(issuer),
    );
    expect(r.code).toBe(3);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('shipgate: error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/\[GUARD\]: push refused: .* is not approved: /);
    expect(r.stdout).toBe('');
    // A refusal of the job's identity is not the policy's: it keeps exit 2.
    const local = await shipgate(
      ['push', `oci:${bad}:v1`, dest, ...offline, '--exit-code', '3'],
      work,
      await jobEnv(),
    );
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/\[GUARD\]: push refused: not running in a CI job/);
    const zero = await shipgate(
      ['push', `oci:${bad}:v1`, dest, ...offline, '--exit-code', '0', ...oidc()],
      work,
      await jobEnv(issuer),
    );
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/\[USAGE\]: push: --exit-code 0 would pass a job that pushed nothing/);
    const res = await fetch(`${registry.url}/v2/acme/bad/manifests/exit`, { method: 'HEAD' });
    expect(res.status).toBe(404);
  });

  it('refuses a forged token, a GitLab job without a configured issuer, and fails with exit 4 when the issuer is down', async () => {
    const dest = `${registry.host}/acme/forged:1`;
    const env = await jobEnv(issuer);
    const [, payload] = env.SHIPGATE_ID_TOKEN!.split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const forged = await shipgate(['push', `oci:${good}:v1`, dest, ...offline, ...oidc()], work, {
      ...env,
      SHIPGATE_ID_TOKEN: unsigned,
    });
    expect(forged.code).toBe(2);
    expect(forged.stderr).toMatch(
      /shipgate: error \[GUARD\]: push refused: the ID token in SHIPGATE_ID_TOKEN is not signed with an accepted algorithm/,
    );

    const unpinned = await shipgate(['push', `oci:${good}:v1`, dest, ...offline], work, env);
    expect(unpinned.code).toBe(2);
    expect(unpinned.stderr).toMatch(
      /push refused: the issuer of GitLab ID tokens is not configured \(hint: pass --oidc-issuer /,
    );

    const down = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await shipgate(
      ['push', `oci:${good}:v1`, dest, ...offline, '--oidc-issuer', down],
      work,
      { ...env, SHIPGATE_ID_TOKEN: await issuer.sign({ ...decode(payload!), iss: down }) },
    );
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toMatch(
      /\[NETWORK\]: cannot fetch the OpenID configuration of the OIDC issuer/,
    );
    for (const r of [forged, unpinned, unreachable]) expect(r.stdout).toBe('');
    const res = await fetch(`${registry.url}/v2/acme/forged/manifests/1`, { method: 'HEAD' });
    expect(res.status).toBe(404);
  });

  it('refuses outside CI before scanning, and pushes nothing', async () => {
    const r = await shipgate(
      ['push', `oci:${good}:v1`, `${registry.host}/acme/local:1`, ...offline],
      work,
      await jobEnv(),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shipgate: error \[GUARD\]: push refused: not running in a CI job/);
    expect(r.stderr).not.toMatch(/finding/);
    const res = await fetch(`${registry.url}/v2/acme/local/manifests/1`, { method: 'HEAD' });
    expect(res.status).toBe(404);
  });
});
