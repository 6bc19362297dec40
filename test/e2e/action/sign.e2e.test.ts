/**
 * The action's signing path end to end: the action's main with its real engine, in a simulated GitHub
 * Actions job (INPUT_* and GITHUB_* variables, an Actions ID token service on loopback that hands out the
 * guard's token signed by a local issuer and the signing token for the local sigstore), against a real
 * docker-registry and the @sigstore/mock Fulcio, Rekor and TSA. A single-platform image and a two-platform
 * index are signed from the registry (`sign`) and pushed and signed from an OCI layout (`push` + `sign`);
 * the outputs and the job summary name every signed digest, and the bundled `shipgate verify` accepts the
 * index and each platform. A refused platform signs nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ENGINE } from '../../../src/action/engine';
import { run as runAction, type Engine } from '../../../src/action/main';
import type { SignOptions } from '../../../src/pipeline/sign';
import { ensureBundle, runCli, type CliRun } from '../../support/bundle';
import { captureStdout } from '../../support/action-source';
import { run } from '../../support/debian';
import { serialHeavySuite } from '../../support/images';
import { LEAKY_FILES, twoPlatformLayout, type Layout } from '../../support/multiplatform';
import { startIssuer, type TestIssuer } from '../../support/oidc-issuer';
import { REGISTRY_TOOLS, startRegistry, type TestRegistry } from '../../support/registry';
import { githubClaims, startSigstore, unsignedToken, type MockSigstore } from '../../support/sigstore';
import { describeWithTools, FIXTURES } from '../../support/tools';

const SHA = '2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e';
const REPOSITORY = 'acme/app';
const REF = 'refs/heads/main';
const WORKFLOW_REF = `${REPOSITORY}/.github/workflows/release.yml@${REF}`;
const REQUEST_TOKEN = 'actions-runtime-request-token-e2e';
const SIGNATURE = 'https://sigstore.dev/cosign/sign/v1';
const APPROVAL = 'https://shipgate.dev/attestation/approval/v1';

/**
 * The action's engine, but with Rekor entries of kind `intoto`: the @sigstore/mock log stores `dsse`
 * entries in a form that does not verify (docs/signing.md), and the action has no input for the entry kind.
 */
const engine: Engine = {
  ...ENGINE,
  signScanned: (ref, scanned, options) => ENGINE.signScanned!(ref, scanned, intoto(options)),
  signingPush: (options, onSigned) => ENGINE.signingPush!(intoto(options), onSigned),
};

function intoto(options: SignOptions): SignOptions {
  return { ...options, signing: { ...options.signing, rekorEntryType: 'intoto' } };
}

interface Attestation {
  digest: string;
  platform?: string;
  predicateType: string;
  placements: { kind: string; digest: string }[];
}

interface ActionRun {
  code: number;
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the GITHUB_OUTPUT file (name<<delimiter ... delimiter blocks, as @actions/core writes them). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

function shipgate(args: string[], cwd: string): Promise<CliRun> {
  return runCli(args, cwd, { PATH: process.env.PATH });
}

describeWithTools(
  "the action's sign and push + sign (real registry, local sigstore, simulated GitHub job)",
  REGISTRY_TOOLS,
  () => {
    serialHeavySuite();
    let registry: TestRegistry;
    let issuer: TestIssuer;
    let sigstore: MockSigstore;
    let tokens: Server;
    let tokenUrl: string;
    let work: string;
    let root: string;
    let good: Layout;
    let bad: Layout;
    let runs = 0;

    /** Runs the action in this process as the runner would, with these inputs; restores process state after. */
    async function action(inputs: Record<string, string>): Promise<ActionRun> {
      const ws = join(work, `ws${++runs}`);
      mkdirSync(ws, { recursive: true });
      writeFileSync(join(ws, 'shipgate.yaml'), 'version: 1\nmalware:\n  mode: optional\n');
      const outputFile = join(ws, 'github-output');
      const summaryFile = join(ws, 'github-summary.md');
      const eventFile = join(ws, 'event.json');
      writeFileSync(outputFile, '');
      writeFileSync(summaryFile, '');
      writeFileSync(eventFile, JSON.stringify({ ref: REF, after: SHA }));
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_REPOSITORY_ID: '123456',
        GITHUB_REPOSITORY_OWNER: 'acme',
        GITHUB_REPOSITORY_OWNER_ID: '654321',
        GITHUB_REF: REF,
        GITHUB_SHA: SHA,
        GITHUB_WORKFLOW: 'release',
        GITHUB_WORKFLOW_REF: WORKFLOW_REF,
        GITHUB_WORKFLOW_SHA: SHA,
        GITHUB_RUN_ID: '4242',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: 'http://127.0.0.1:9',
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_ENVIRONMENT: 'github-hosted',
        RUNNER_TEMP: ws,
        ACTIONS_ID_TOKEN_REQUEST_URL: `${tokenUrl}/_apis/distributedtask/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
        INPUT_CONFIG: 'shipgate.yaml',
        'INPUT_VULN-DB': join(FIXTURES, 'osv'),
        INPUT_OFFLINE: 'true',
        'INPUT_UPLOAD-SARIF': 'false',
        INPUT_ANNOTATIONS: 'false',
        INPUT_SUMMARY: 'true',
        'INPUT_FULCIO-URL': sigstore.url,
        'INPUT_REKOR-URL': sigstore.url,
        'INPUT_TSA-URL': sigstore.url,
        ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      };
      // @actions/core reads these from the process (setOutput, getIDToken), the way the runner sets them.
      const processKeys = ['GITHUB_OUTPUT', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
      const saved = processKeys.map((k) => [k, process.env[k]] as const);
      for (const k of processKeys) process.env[k] = env[k];
      try {
        const { value: code, out: log } = await captureStdout(() => runAction(engine, env));
        return {
          code,
          log,
          outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
          summary: readFileSync(summaryFile, 'utf8'),
        };
      } finally {
        process.exitCode = 0;
        for (const [k, v] of saved)
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
      }
    }

    const verify = (ref: string, ...more: string[]) =>
      shipgate(['verify', ref, '--github-repository', REPOSITORY, '--trusted-root', root, ...more], work);
    const copyAll = (from: string, dest: string) =>
      run('skopeo', [
        'copy',
        '--all',
        '--preserve-digests',
        '--dest-tls-verify=false',
        from,
        `docker://${dest}`,
      ]);
    const attestations = (r: ActionRun) => JSON.parse(r.outputs.attestations!) as Attestation[];

    beforeAll(async () => {
      await ensureBundle();
      registry = await startRegistry();
      issuer = await startIssuer();
      sigstore = await startSigstore();
      work = mkdtempSync(join(tmpdir(), 'shipgate-action-sign-'));
      root = await sigstore.writeTrustedRoot(work);
      good = await twoPlatformLayout(join(work, 'good'), []);
      bad = await twoPlatformLayout(join(work, 'bad'), LEAKY_FILES);
      // The Actions ID token service: the push guard's token (audience shipgate) is signed by the local
      // issuer and verified against its keys; the signing token (audience sigstore) goes to the Fulcio mock.
      tokens = createServer((req, res) => {
        if (req.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) {
          res.writeHead(401).end();
          return;
        }
        const audience = new URL(req.url ?? '/', 'http://x').searchParams.get('audience');
        const now = Math.floor(Date.now() / 1000);
        const claims = githubClaims({ repository: REPOSITORY, ref: REF, sha: SHA });
        const token =
          audience === 'sigstore'
            ? Promise.resolve(unsignedToken(claims))
            : issuer.sign({
                ...claims,
                iss: issuer.url,
                aud: audience ?? '',
                run_id: '4242',
                iat: now - 5,
                nbf: now - 10,
                exp: now + 600,
              });
        void token.then((value) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ count: 1, value }));
        });
      });
      await new Promise<void>((r) => tokens.listen(0, '127.0.0.1', r));
      tokenUrl = `http://127.0.0.1:${(tokens.address() as AddressInfo).port}`;
    }, 600_000);

    afterAll(async () => {
      await registry?.stop();
      await issuer?.stop();
      await sigstore?.stop();
      if (tokens) await new Promise<void>((r) => tokens.close(() => r()));
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('sign on a single-platform registry image: its digest signed, the outputs say where, verify passes', async () => {
      const ref = `${registry.host}/acme/single:1.0.0`;
      await copyAll(`oci:${good.dir}:amd64`, ref);
      const r = await action({ image: ref, sign: 'true' });
      expect(r.code, r.log).toBe(0);
      expect(r.outputs.approved).toBe('true');
      expect(r.outputs.digest).toBe(good.amd64);
      expect(r.outputs.platforms).toBe('[]');
      expect(r.outputs['signed-digest']).toBe(good.amd64);
      expect(r.outputs.pushed).toBe('');
      const atts = attestations(r);
      expect(new Set(atts.map((a) => a.digest))).toEqual(new Set([good.amd64]));
      expect(atts.map((a) => a.predicateType)).toEqual(
        expect.arrayContaining([SIGNATURE, APPROVAL, 'https://slsa.dev/provenance/v1']),
      );
      expect(atts).toHaveLength(5);
      for (const a of atts) expect(a.platform).toBeUndefined();
      for (const a of atts) expect(a.placements.length).toBeGreaterThan(0);
      expect(r.summary).toContain(`### Signed\n\n\`${registry.host}/acme/single@${good.amd64}\` (keyless)`);
      expect(r.summary).toContain(`| image \`${good.amd64}\` | \`${APPROVAL}\` |`);
      const v = await verify(ref, '--require-predicate', 'slsa,cyclonedx,vuln');
      expect(v.code, v.stderr).toBe(0);
      expect(v.stdout.trim()).toBe(`verified ${registry.host}/acme/single@${good.amd64}`);
    });

    it('sign on a two-platform index: every platform gated, each platform and the index signed, verify passes on all', async () => {
      const ref = `${registry.host}/acme/multi:1.0.0`;
      await copyAll(`oci:${good.dir}:multi`, ref);
      const r = await action({ image: ref, sign: 'true' });
      expect(r.code, r.log).toBe(0);
      expect(r.log).toContain(`scanning all 2 platforms of the index ${good.index}`);
      expect(r.log).toContain(`skipping ${good.attestation} of the index`);
      expect(r.outputs['signed-digest']).toBe(good.index);
      expect(r.outputs.digest).toBe(good.index);
      expect(JSON.parse(r.outputs.platforms!)).toEqual([
        { platform: 'linux/amd64', digest: good.amd64, approved: true },
        { platform: 'linux/arm64/v8', digest: good.arm64, approved: true },
      ]);
      const atts = attestations(r);
      const byDigest = (d: string) => atts.filter((a) => a.digest === d).map((a) => a.predicateType);
      // The SBOM and vulnerabilities are each platform's; the index carries signature, provenance, approval.
      expect(new Set(byDigest(good.index))).toEqual(
        new Set([SIGNATURE, 'https://slsa.dev/provenance/v1', APPROVAL]),
      );
      expect(byDigest(good.amd64)).toHaveLength(5);
      expect(byDigest(good.arm64)).toHaveLength(5);
      expect(byDigest(good.attestation)).toEqual([]);
      expect(new Set(atts.filter((a) => a.digest === good.arm64).map((a) => a.platform))).toEqual(
        new Set(['linux/arm64/v8']),
      );
      expect(r.summary).toContain(`the index of 2 platforms, each signed too`);
      expect(r.summary).toContain(`| linux/amd64 \`${good.amd64}\` | \`${SIGNATURE}\` |`);
      expect(r.summary).toContain(`| linux/arm64/v8 \`${good.arm64}\` | \`${SIGNATURE}\` |`);
      expect(r.summary).toContain(`| index \`${good.index}\` | \`${APPROVAL}\` |`);
      const v = await verify(ref, '--require-predicate', 'slsa,cyclonedx,vuln');
      expect(v.code, v.stderr).toBe(0);
      const name = `${registry.host}/acme/multi`;
      expect(v.stdout.trim().split('\n')).toEqual([
        `verified ${name}@${good.index}`,
        `verified ${name}@${good.amd64} (linux/amd64)`,
        `verified ${name}@${good.arm64} (linux/arm64/v8)`,
      ]);
    });

    it('push + sign of a single-platform layout: the pushed digest is the signed one, verify passes', async () => {
      const dest = `${registry.host}/acme/pushed-one:1.0.0`;
      const r = await action({
        image: `oci:${good.dir}:amd64`,
        push: dest,
        sign: 'true',
        'oidc-issuer': issuer.url,
      });
      expect(r.code, r.log).toBe(0);
      expect(r.outputs.pushed).toBe(`${registry.host}/acme/pushed-one@${good.amd64}`);
      expect(r.outputs['signed-digest']).toBe(good.amd64);
      expect(new Set(attestations(r).map((a) => a.digest))).toEqual(new Set([good.amd64]));
      const v = await verify(dest);
      expect(v.code, v.stderr).toBe(0);
      expect(v.stdout.trim()).toBe(`verified ${r.outputs.pushed}`);
    });

    it('push + sign of a two-platform layout: both platforms and an index pushed and signed, verify passes on the tag', async () => {
      const dest = `${registry.host}/acme/pushed:2.0.0`;
      const r = await action({
        image: `oci:${good.dir}:multi`,
        push: dest,
        sign: 'true',
        'oidc-issuer': issuer.url,
      });
      expect(r.code, r.log).toBe(0);
      const pushed = r.outputs.pushed!;
      const digest = r.outputs['signed-digest']!;
      expect(pushed).toBe(`${registry.host}/acme/pushed@${digest}`);
      // The pushed index is the push's own (the attestation manifest is left out), not the layout's.
      expect(digest).not.toBe(good.index);
      const atts = attestations(r);
      const platforms = [...new Set(atts.filter((a) => a.platform).map((a) => `${a.platform} ${a.digest}`))];
      expect(platforms).toEqual([`linux/amd64 ${good.amd64}`, `linux/arm64/v8 ${good.arm64}`]);
      expect(r.summary).toContain(`### Pushed\n\n\`${pushed}\``);
      const v = await verify(dest);
      expect(v.code, v.stderr).toBe(0);
      expect(v.stdout.trim().split('\n')).toEqual([
        `verified ${pushed}`,
        `verified ${registry.host}/acme/pushed@${good.amd64} (linux/amd64)`,
        `verified ${registry.host}/acme/pushed@${good.arm64} (linux/arm64/v8)`,
      ]);
    });

    it('sign on an index with one refused platform: exit 1, nothing signed, the outputs say so', async () => {
      const ref = `${registry.host}/acme/leaky:1.0.0`;
      await copyAll(`oci:${bad.dir}:multi`, ref);
      const r = await action({ image: ref, sign: 'true' });
      expect(r.code, r.log).toBe(1);
      expect(r.outputs.approved).toBe('false');
      expect(r.outputs['signed-digest']).toBe('');
      expect(r.outputs.attestations).toBe('[]');
      expect(r.outputs.digest).toBe(bad.index);
      expect(JSON.parse(r.outputs.platforms!)).toEqual([
        { platform: 'linux/amd64', digest: bad.amd64, approved: true },
        { platform: 'linux/arm64/v8', digest: bad.arm64, approved: false },
      ]);
      expect(r.log).toMatch(
        /not signed: the policy did not approve every platform \(refused: linux\/arm64\/v8 sha256:[0-9a-f]{64}\), so nothing was signed/,
      );
      expect(r.summary).not.toContain('### Signed');
      for (const digest of [bad.index, bad.amd64, bad.arm64]) {
        const v = await verify(`${registry.host}/acme/leaky@${digest}`);
        expect(v.code, v.stderr).toBe(1);
        expect(v.stderr).toMatch(/no signature or attestation found/);
      }
    });

    it('push + sign with one refused platform: nothing pushed, nothing signed', async () => {
      const dest = `${registry.host}/acme/leaky-push:1.0.0`;
      const r = await action({
        image: `oci:${bad.dir}:multi`,
        push: dest,
        sign: 'true',
        'oidc-issuer': issuer.url,
      });
      expect(r.code, r.log).toBe(1);
      expect(r.outputs.pushed).toBe('');
      expect(r.outputs['signed-digest']).toBe('');
      const tags = await fetch(`http://${registry.host}/v2/acme/leaky-push/tags/list`);
      expect(tags.status).toBe(404);
    });
  },
);
