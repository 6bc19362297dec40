/**
 * The signing recipe end to end, with the bundled CLI in a simulated GitLab job: an image is built (an OCI
 * layout), `shipgate push --sign` scans it, pushes it to a real docker-registry and signs the pushed digest
 * keylessly against a local sigstore (Fulcio, Rekor, TSA on loopback); `shipgate verify` with the generated
 * identity accepts it and refuses every impostor. The digest scanned, pushed, signed and verified is one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openImage } from '../../../src/image/index';
import { ensureBundle, runCli } from '../../support/bundle';
import { run } from '../../support/debian';
import { LAYER_GZIP, LAYER_TAR, serialHeavySuite, tarOf, writeLayoutImage } from '../../support/images';
import { startIssuer, type TestIssuer } from '../../support/oidc-issuer';
import { REGISTRY_TOOLS, startRegistry, type TestRegistry } from '../../support/registry';
import { gitlabClaims, startSigstore, unsignedToken, type MockSigstore } from '../../support/sigstore';
import { describeWithTools, FIXTURES } from '../../support/tools';

const SHA = '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d';
const GITLAB = 'https://gitlab.example';

const shipgate = runCli;

describeWithTools(
  'signing recipe: push --sign, verify (real registry, local sigstore)',
  REGISTRY_TOOLS,
  () => {
    serialHeavySuite();
    let registry: TestRegistry;
    let issuer: TestIssuer;
    let sigstore: MockSigstore;
    let work: string;
    let root: string;
    let good: string;
    let bad: string;
    let env: NodeJS.ProcessEnv;
    const offline = ['--vuln-db', join(FIXTURES, 'osv'), '--offline'];
    const signing = (): string[] => [
      '--fulcio-url',
      sigstore.url,
      '--rekor-url',
      sigstore.url,
      '--tsa-url',
      sigstore.url,
      // The mock log verifies intoto entries only (see test/support/sigstore.ts).
      '--rekor-entry-type',
      'intoto',
    ];
    const identity = (project = 'acme/app'): string[] => [
      '--gitlab-project',
      project,
      '--gitlab-server',
      GITLAB,
      '--trusted-root',
      root,
    ];

    beforeAll(async () => {
      await ensureBundle();
      registry = await startRegistry();
      issuer = await startIssuer();
      sigstore = await startSigstore();
      work = mkdtempSync(join(tmpdir(), 'shipgate-sign-recipe-'));
      root = await sigstore.writeTrustedRoot(work);
      writeFileSync(join(work, 'shipgate.yaml'), 'version: 1\nmalware:\n  mode: optional\n');
      const base = await tarOf([
        { name: 'etc/', type: 'directory' },
        {
          name: 'etc/passwd',
          content: 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1000:1000::/app:/sbin/nologin\n',
        },
        { name: 'etc/group', content: 'root:x:0:\napp:x:1000:\n' },
      ]);
      const app = await tarOf([
        { name: 'app/', type: 'directory' },
        { name: 'app/server', content: '#!/bin/true\n', mode: 0o755 },
      ]);
      const labels = {
        'org.opencontainers.image.source': `${GITLAB}/acme/app`,
        'org.opencontainers.image.revision': SHA,
      };
      good = join(work, 'good');
      writeLayoutImage(
        good,
        'v1',
        [
          { blob: gzipSync(base), mediaType: LAYER_GZIP, uncompressed: base, createdBy: 'COPY rootfs /' },
          { blob: app, mediaType: LAYER_TAR, createdBy: 'COPY app /app' },
        ],
        {
          config: {
            User: '1000',
            Entrypoint: ['/app/server'],
            Labels: labels,
            Healthcheck: { Test: ['CMD', '/app/server', '--health'], Interval: 30_000_000_000 },
          },
        },
      );
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
        config: { User: 'root', Labels: labels },
      });

      // The GitLab job: an ID token for the push guard (verified against the local issuer) and the
      // SIGSTORE_ID_TOKEN Fulcio certifies (the mock Fulcio takes it unsigned).
      const now = Math.floor(Date.now() / 1000);
      const guardToken = await issuer.sign({
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
      env = {};
      for (const [k, v] of Object.entries(process.env))
        if (
          !/^(CI|GITLAB_CI|GITHUB_.*|ACTIONS_.*|CI_.*|RUNNER_.*|SIGSTORE_ID_TOKEN|SHIPGATE_ID_TOKEN)$/.test(k)
        )
          env[k] = v;
      Object.assign(env, {
        NO_COLOR: '1',
        CI: 'true',
        GITLAB_CI: 'true',
        CI_SERVER_URL: GITLAB,
        CI_PROJECT_ID: '42',
        CI_PROJECT_PATH: 'acme/app',
        CI_PROJECT_URL: `${GITLAB}/acme/app`,
        CI_PIPELINE_ID: '9001',
        CI_PIPELINE_SOURCE: 'push',
        CI_PIPELINE_URL: `${GITLAB}/acme/app/-/pipelines/9001`,
        CI_JOB_ID: '77001',
        CI_JOB_URL: `${GITLAB}/acme/app/-/jobs/77001`,
        CI_COMMIT_SHA: SHA,
        CI_COMMIT_REF_NAME: 'main',
        CI_COMMIT_REF_PROTECTED: 'true',
        CI_CONFIG_PATH: '.gitlab-ci.yml',
        SHIPGATE_ID_TOKEN: guardToken,
        SIGSTORE_ID_TOKEN: unsignedToken(gitlabClaims({ project: 'acme/app', server: GITLAB, ref: 'main' })),
      });
    }, 600_000);

    afterAll(async () => {
      await registry?.stop();
      await issuer?.stop();
      await sigstore?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    let pushed = '';

    it('push --sign: the digest scanned, pushed and signed is one, and every artifact is read back', async () => {
      const dest = `${registry.host}/acme/app:1.0.0`;
      const r = await shipgate(
        ['push', `oci:${good}:v1`, dest, ...offline, '--oidc-issuer', issuer.url, '--sign', ...signing()],
        work,
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      pushed = r.stdout.trim();
      expect(pushed).toMatch(/@sha256:[0-9a-f]{64}$/);
      expect(r.stderr).toContain(`signed ${pushed}`);
      for (const type of [
        'https://sigstore.dev/cosign/sign/v1',
        'https://slsa.dev/provenance/v1',
        'https://cyclonedx.org/bom',
        'https://cosign.sigstore.dev/attestation/vuln/v1',
        'https://shipgate.dev/attestation/approval/v1',
      ])
        expect(r.stderr).toMatch(new RegExp(`${type.replace(/[.]/g, '\\.')}: (fallback-tag|referrers) `));
      // docker-registry 2.8 has no referrers API: the tag-schema fallback, plus cosign's legacy tags.
      expect(r.stderr).toMatch(/legacy-sig/);
      expect(r.stderr).toMatch(/legacy-att/);
      // The pushed manifest names the very config the scan opened.
      const src = await openImage(`oci:${good}:v1`);
      const dst = await openImage(pushed, { env: {} });
      try {
        expect(dst.info.configDigest).toBe(src.info.configDigest);
        expect(dst.info.digest).toBe(pushed.split('@')[1]);
      } finally {
        await src.close();
        await dst.close();
      }
      // skopeo, as the oracle, finds cosign's .sig with a simple-signing layer.
      const hex = pushed.split('sha256:')[1]!;
      const sig = JSON.parse(
        await run('skopeo', [
          'inspect',
          '--raw',
          '--tls-verify=false',
          `docker://${registry.host}/acme/app:sha256-${hex}.sig`,
        ]),
      ) as { layers: { mediaType: string; annotations: Record<string, string> }[] };
      expect(sig.layers[0]!.mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
      expect(sig.layers[0]!.annotations['dev.sigstore.cosign/certificate']).toMatch(/BEGIN CERTIFICATE/);
    });

    it('verify accepts it with the generated identity and every required attestation', async () => {
      const out = join(work, 'verify.json');
      const r = await shipgate(
        [
          'verify',
          pushed,
          ...identity(),
          '--require-predicate',
          'slsa,cyclonedx,vuln',
          '--max-age',
          '1h',
          '-o',
          out,
        ],
        work,
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(`verified ${pushed}`);
      const report = JSON.parse(readFileSync(out, 'utf8')) as {
        verified: boolean;
        digest: string;
        report: {
          verified: { predicateType: string; signer: { subject: string } }[];
          approval: { approved: boolean };
        };
      };
      expect(report.verified).toBe(true);
      expect(report.digest).toBe(pushed.split('@')[1]);
      expect(report.report.approval.approved).toBe(true);
      expect(new Set(report.report.verified.map((v) => v.predicateType)).size).toBe(5);
      expect(report.report.verified[0]!.signer.subject).toBe(
        'https://gitlab.example/acme/app//.gitlab-ci.yml@refs/heads/main',
      );
    });

    it("attest adds a predicate of the user's own, which verify can require; an approval cannot be attested by hand", async () => {
      const predicate = join(work, 'tests.json');
      writeFileSync(predicate, JSON.stringify({ passed: 42, failed: 0 }));
      const type = 'https://example.com/test-result/v1';
      const r = await shipgate(
        ['attest', pushed, '--predicate', predicate, '--type', type, ...signing()],
        work,
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(`attested ${pushed}`);
      const v = await shipgate(['verify', pushed, ...identity(), '--require-predicate', type], work, env);
      expect(v.code, v.stderr).toBe(0);
      expect(v.stderr).toContain(`verified ${type} by`);
      const forged = await shipgate(
        [
          'attest',
          pushed,
          '--predicate',
          predicate,
          '--type',
          'https://shipgate.dev/attestation/approval/v1',
          ...signing(),
        ],
        work,
        env,
      );
      expect(forged.code).toBe(2);
      expect(forged.stderr).toMatch(/\[USAGE\].*written only by a scan in the same run/);
    });

    it('verify refuses another project, another ref, an unanchored impostor pattern, and an unsigned digest', async () => {
      const refused = async (args: string[], message: RegExp) => {
        const r = await shipgate(['verify', ...args], work, env);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toMatch(/\[VERIFY\]/);
        expect(r.stderr).toMatch(message);
        expect(r.stderr.trim().split('\n').at(-1)).not.toContain('    at ');
      };
      await refused([pushed, ...identity('acme/ap')], /no bundle verified/);
      await refused([pushed, ...identity(), '--ref', 'refs/heads/release'], /no bundle verified/);
      // A bare pattern is anchored: "acme/app" alone does not match the whole SAN.
      await refused(
        [
          pushed,
          '--certificate-oidc-issuer',
          GITLAB,
          '--certificate-identity-regexp',
          'acme/app',
          '--trusted-root',
          root,
        ],
        /no bundle verified/,
      );
      // The same image pushed elsewhere without --sign carries nothing.
      const other = `${registry.host}/acme/other:1.0.0`;
      const p = await shipgate(
        ['push', `oci:${good}:v1`, other, ...offline, '--oidc-issuer', issuer.url],
        work,
        env,
      );
      expect(p.code, p.stderr).toBe(0);
      await refused([p.stdout.trim(), ...identity()], /no signature or attestation found/);
    });

    it('sign refuses an image the policy refused; --force signs it as forced, which verify refuses', async () => {
      const dest = `${registry.host}/acme/bad:v1`;
      await run('skopeo', ['copy', '--dest-tls-verify=false', `oci:${bad}:v1`, `docker://${dest}`]);
      const refused = await shipgate(['sign', dest, ...offline, ...signing()], work, env);
      expect(refused.code, refused.stderr).toBe(1);
      expect(refused.stderr).toMatch(/not signed: the policy did not approve the image/);
      const forced = await shipgate(['sign', dest, ...offline, ...signing(), '--force'], work, env);
      expect(forced.code, forced.stderr).toBe(1);
      expect(forced.stderr).toMatch(/signed .*acme\/bad@sha256:/);
      const v = await shipgate(['verify', dest, ...identity()], work, env);
      expect(v.code, v.stderr).toBe(1);
      expect(v.stderr).toMatch(/signed with --force although the policy did not approve it/);
      const allowed = await shipgate(['verify', dest, ...identity(), '--allow-forced'], work, env);
      expect(allowed.code, allowed.stderr).toBe(0);
    });

    it('scan --sign signs the registry digest it scanned', async () => {
      const ref = `${registry.host}/acme/app:1.0.0`;
      const r = await shipgate(
        ['scan', ref, ...offline, '--sign', '--attest', 'approval', ...signing()],
        work,
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`signed ${pushed}`);
      const v = await shipgate(['verify', ref, ...identity()], work, env);
      expect(v.code, v.stderr).toBe(0);
      expect(v.stderr).toContain(`is ${pushed} (verifying the digest, not the tag)`);
    });
  },
);
