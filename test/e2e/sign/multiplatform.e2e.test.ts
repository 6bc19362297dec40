/**
 * Signing a multi-platform image end to end, with the bundled CLI in a simulated GitLab job against a real
 * docker-registry and a local sigstore: a two-platform OCI layout (linux/amd64, linux/arm64/v8, plus a buildx
 * attestation manifest) is scanned platform by platform; each platform digest and the index are signed only
 * when every platform is approved, and `shipgate verify` checks the index, its approval's platform list and
 * each platform. One platform with a secret in a layer refuses the whole image: nothing is signed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBundle, runCli } from '../../support/bundle';
import { run } from '../../support/debian';
import { serialHeavySuite } from '../../support/images';
import { LEAKY_FILES, twoPlatformLayout, type Layout } from '../../support/multiplatform';
import { startIssuer, type TestIssuer } from '../../support/oidc-issuer';
import { REGISTRY_TOOLS, startRegistry, type TestRegistry } from '../../support/registry';
import { gitlabClaims, startSigstore, unsignedToken, type MockSigstore } from '../../support/sigstore';
import { describeWithTools, FIXTURES } from '../../support/tools';

const SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const GITLAB = 'https://gitlab.example';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

const shipgate = runCli;

describeWithTools(
  'signing a multi-platform image: every platform and the index (real registry, local sigstore)',
  REGISTRY_TOOLS,
  () => {
    serialHeavySuite();
    let registry: TestRegistry;
    let issuer: TestIssuer;
    let sigstore: MockSigstore;
    let work: string;
    let root: string;
    let good: Layout;
    let bad: Layout;
    let env: NodeJS.ProcessEnv;
    const offline = ['--vuln-db', join(FIXTURES, 'osv'), '--offline'];
    const signing = (): string[] => [
      '--fulcio-url',
      sigstore.url,
      '--rekor-url',
      sigstore.url,
      '--tsa-url',
      sigstore.url,
      '--rekor-entry-type',
      'intoto',
    ];
    const identity = (): string[] => [
      '--gitlab-project',
      'acme/app',
      '--gitlab-server',
      GITLAB,
      '--trusted-root',
      root,
    ];
    const copyAll = (layout: Layout, dest: string) =>
      run('skopeo', [
        'copy',
        '--all',
        '--preserve-digests',
        '--dest-tls-verify=false',
        `oci:${layout.dir}:multi`,
        `docker://${dest}`,
      ]);
    const rawManifest = async (ref: string) =>
      JSON.parse(await run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`])) as {
        mediaType: string;
        manifests: { digest: string; platform: { architecture: string } }[];
      };

    beforeAll(async () => {
      await ensureBundle();
      registry = await startRegistry();
      issuer = await startIssuer();
      sigstore = await startSigstore();
      work = mkdtempSync(join(tmpdir(), 'shipgate-sign-multi-'));
      root = await sigstore.writeTrustedRoot(work);
      writeFileSync(join(work, 'shipgate.yaml'), 'version: 1\nmalware:\n  mode: optional\n');
      good = await twoPlatformLayout(join(work, 'good'), []);
      bad = await twoPlatformLayout(join(work, 'bad'), LEAKY_FILES);
      const now = Math.floor(Date.now() / 1000);
      const guardToken = await issuer.sign({
        iss: issuer.url,
        sub: 'project_path:acme/app:ref_type:branch:ref:main',
        aud: 'shipgate',
        project_id: '42',
        project_path: 'acme/app',
        pipeline_id: '9002',
        job_id: '77002',
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
        CI_PIPELINE_ID: '9002',
        CI_PIPELINE_SOURCE: 'push',
        CI_PIPELINE_URL: `${GITLAB}/acme/app/-/pipelines/9002`,
        CI_JOB_ID: '77002',
        CI_JOB_URL: `${GITLAB}/acme/app/-/jobs/77002`,
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

    it('sign: scans both platforms, skips the attestation manifest, signs each platform and the index', async () => {
      const ref = `${registry.host}/acme/multi:1.0.0`;
      await copyAll(good, ref);
      const json = join(work, 'sign.json');
      const r = await shipgate(['sign', ref, ...offline, ...signing(), '--json', json], work, env);
      expect(r.code, r.stderr).toBe(0);
      const name = `${registry.host}/acme/multi`;
      expect(r.stderr).toContain(
        `skipping ${good.attestation} of the index: attestation manifest for ${good.amd64}`,
      );
      expect(r.stderr).toContain(`signed ${name}@${good.amd64}\n`);
      expect(r.stderr).toContain(`signed ${name}@${good.arm64}\n`);
      expect(r.stderr).toContain(`signed ${name}@${good.index} (the index of 2 platforms)`);
      // The attestation manifest was neither scanned nor signed.
      expect(r.stderr).not.toContain(`signed ${name}@${good.attestation}`);
      expect(r.stdout).toContain(`platforms of the index ${good.index}:`);
      expect(r.stdout).toContain(`linux/arm64/v8 ${good.arm64}: approved`);
      const report = JSON.parse(readFileSync(json, 'utf8')) as {
        decision: { approved: boolean };
        index: {
          digest: string;
          platforms: { platform: string; digest: string }[];
          skipped: { digest: string }[];
        };
      };
      expect(report.decision.approved).toBe(true);
      expect(report.index.digest).toBe(good.index);
      expect(report.index.platforms.map((p) => [p.platform, p.digest])).toEqual([
        ['linux/amd64', good.amd64],
        ['linux/arm64/v8', good.arm64],
      ]);
      expect(report.index.skipped.map((s) => s.digest)).toEqual([good.attestation]);
    });

    it('verify: the tag is the index; its approval lists both platforms; each platform verifies', async () => {
      const ref = `${registry.host}/acme/multi:1.0.0`;
      const out = join(work, 'verify.json');
      const r = await shipgate(
        ['verify', ref, ...identity(), '--require-predicate', 'slsa,cyclonedx,vuln', '-o', out],
        work,
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      const name = `${registry.host}/acme/multi`;
      expect(r.stdout.trim().split('\n')).toEqual([
        `verified ${name}@${good.index}`,
        `verified ${name}@${good.amd64} (linux/amd64)`,
        `verified ${name}@${good.arm64} (linux/arm64/v8)`,
      ]);
      const report = JSON.parse(readFileSync(out, 'utf8')) as {
        digest: string;
        report: {
          approval: {
            approved: boolean;
            platforms: { platform: string; digest: string; approved: boolean }[];
          };
          verified: { predicateType: string }[];
        };
        platforms: { platform: string; digest: string; report: { verified: { predicateType: string }[] } }[];
      };
      expect(report.digest).toBe(good.index);
      expect(report.report.approval.approved).toBe(true);
      expect(report.report.approval.platforms).toEqual([
        { platform: 'linux/amd64', digest: good.amd64, approved: true, blocking: [] },
        { platform: 'linux/arm64/v8', digest: good.arm64, approved: true, blocking: [] },
      ]);
      // The index carries the signature, provenance and approval; the SBOM and vulnerabilities are per platform.
      expect(new Set(report.report.verified.map((v) => v.predicateType))).toEqual(
        new Set([
          'https://sigstore.dev/cosign/sign/v1',
          'https://slsa.dev/provenance/v1',
          'https://shipgate.dev/attestation/approval/v1',
        ]),
      );
      expect(report.platforms.map((p) => p.digest)).toEqual([good.amd64, good.arm64]);
      for (const p of report.platforms)
        expect(new Set(p.report.verified.map((v) => v.predicateType)).size).toBe(5);
      const indexOnly = await shipgate(['verify', ref, ...identity(), '--index-only'], work, env);
      expect(indexOnly.code, indexOnly.stderr).toBe(0);
      expect(indexOnly.stdout.trim()).toBe(`verified ${name}@${good.index}`);
    });

    it('scan --sign, what the GitLab component runs, signs every platform and the index too', async () => {
      const ref = `${registry.host}/acme/component:1.0.0`;
      await copyAll(good, ref);
      const r = await shipgate(['scan', ref, '--sign', ...offline, ...signing()], work, env);
      expect(r.code, r.stderr).toBe(0);
      const name = `${registry.host}/acme/component`;
      expect(r.stderr).toContain(`signed ${name}@${good.index} (the index of 2 platforms)`);
      const v = await shipgate(['verify', ref, ...identity()], work, env);
      expect(v.code, v.stderr).toBe(0);
      expect(v.stdout.trim().split('\n')).toEqual([
        `verified ${name}@${good.index}`,
        `verified ${name}@${good.amd64} (linux/amd64)`,
        `verified ${name}@${good.arm64} (linux/arm64/v8)`,
      ]);
    });

    it('one platform refused: nothing is signed, the report names the platform and why, exit 1', async () => {
      const ref = `${registry.host}/acme/leaky:1.0.0`;
      await copyAll(bad, ref);
      const summary = join(work, 'refused.md');
      const r = await shipgate(['sign', ref, ...offline, ...signing(), '--summary', summary], work, env);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        /not signed: the policy did not approve every platform \(refused: linux\/arm64\/v8 sha256:[0-9a-f]{64}\), so nothing was signed/,
      );
      expect(r.stderr).not.toMatch(/^signed /m);
      expect(r.stdout).toContain(`linux/amd64 ${bad.amd64}: approved`);
      expect(r.stdout).toContain(`linux/arm64/v8 ${bad.arm64}: not approved`);
      expect(r.stdout).toMatch(/BLOCKING: linux\/arm64\/v8: .*secret/i);
      const md = readFileSync(summary, 'utf8');
      expect(md).toContain(`| linux/arm64/v8 | \`${bad.arm64}\` | ❌ not approved`);
      expect(md).toContain(`| linux/amd64 | \`${bad.amd64}\` | ✅ approved |`);
      // Neither the index nor the approved platform carries anything.
      for (const digest of [bad.index, bad.amd64]) {
        const v = await shipgate(
          ['verify', `${registry.host}/acme/leaky@${digest}`, ...identity()],
          work,
          env,
        );
        expect(v.code, v.stderr).toBe(1);
        expect(v.stderr).toMatch(/no signature or attestation found/);
      }
    });

    it('push --sign of a refused multi-platform layout pushes nothing', async () => {
      const dest = `${registry.host}/acme/leaky-push:1.0.0`;
      const r = await shipgate(
        [
          'push',
          `oci:${bad.dir}:multi`,
          dest,
          ...offline,
          '--oidc-issuer',
          issuer.url,
          '--sign',
          ...signing(),
        ],
        work,
        env,
      );
      // A refused push is a GUARD error, exit 2, as for one image.
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(
        /\[GUARD\]: push refused: not every platform of .* is approved: linux\/arm64\/v8 \(sha256:[0-9a-f]{64}\): /,
      );
      const tags = await fetch(`http://${registry.host}/v2/acme/leaky-push/tags/list`);
      expect(tags.status).toBe(404);
    });

    it('push --sign of a multi-platform layout: both platforms and an index pushed, signed, tagged last', async () => {
      const dest = `${registry.host}/acme/pushed:2.0.0`;
      const r = await shipgate(
        [
          'push',
          `oci:${good.dir}:multi`,
          dest,
          ...offline,
          '--oidc-issuer',
          issuer.url,
          '--sign',
          ...signing(),
        ],
        work,
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      const pushed = r.stdout.trim();
      const digest = pushed.split('@')[1]!;
      const index = await rawManifest(dest);
      expect(index.mediaType).toBe(OCI_INDEX);
      // The attestation manifest was not scanned, so it is not pushed: the index lists the two platforms.
      expect(index.manifests.map((m) => m.platform.architecture)).toEqual(['amd64', 'arm64']);
      for (const m of index.manifests)
        expect(r.stderr).toContain(`signed ${registry.host}/acme/pushed@${m.digest}\n`);
      expect(r.stderr).toContain(`signed ${pushed}\n`);
      const v = await shipgate(['verify', dest, ...identity()], work, env);
      expect(v.code, v.stderr).toBe(0);
      expect(v.stdout.split('\n')[0]).toBe(`verified ${pushed}`);
      expect(v.stderr).toContain(
        `is ${registry.host}/acme/pushed@${digest} (verifying the digest, not the tag)`,
      );
    });

    it('--platform with --sign signs that platform alone: the index stays unsigned', async () => {
      const ref = `${registry.host}/acme/one:1.0.0`;
      await copyAll(good, ref);
      const r = await shipgate(
        ['sign', ref, '--platform', 'linux/amd64', ...offline, ...signing(), '--attest', 'approval'],
        work,
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`the index ${good.index} stays unsigned`);
      expect(r.stderr).toContain(`signed ${registry.host}/acme/one@${good.amd64}\n`);
      const tag = await shipgate(['verify', ref, ...identity()], work, env);
      expect(tag.code, tag.stderr).toBe(1);
      expect(tag.stderr).toMatch(/no signature or attestation found for sha256:/);
      const one = await shipgate(
        ['verify', `${registry.host}/acme/one@${good.amd64}`, ...identity()],
        work,
        env,
      );
      expect(one.code, one.stderr).toBe(0);
    });

    it("verify refuses the tag when a platform's signatures are gone; --index-only checks what admission checks", async () => {
      const ref = `${registry.host}/acme/multi:1.0.0`;
      const hex = good.arm64.split(':')[1]!;
      // Delete everything stored for the arm64 digest: the referrers fallback index and cosign's tags.
      for (const tag of [`sha256-${hex}`, `sha256-${hex}.sig`, `sha256-${hex}.att`]) {
        const url = `${registry.url}/v2/acme/multi/manifests/${tag}`;
        const accept = { accept: `${OCI_INDEX}, ${OCI_MANIFEST}` };
        const head = await fetch(url, { method: 'HEAD', headers: accept });
        expect(head.status, tag).toBe(200);
        const digest = head.headers.get('docker-content-digest')!;
        const del = await fetch(`${registry.url}/v2/acme/multi/manifests/${digest}`, { method: 'DELETE' });
        expect(del.status, tag).toBe(202);
      }
      const r = await shipgate(['verify', ref, ...identity()], work, env);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `\\[VERIFY\\]: platform linux/arm64/v8 \\(${good.arm64}\\): no signature or attestation found`,
        ),
      );
      const admission = await shipgate(['verify', ref, ...identity(), '--index-only'], work, env);
      expect(admission.code, admission.stderr).toBe(0);
    });
  },
);
