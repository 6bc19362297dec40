/**
 * `shipgate audit` end to end with the bundled CLI: a real docker-registry with a few repositories, images
 * signed in-process by the signing pipeline against a local sigstore (so the registry holds the referrers
 * fallback index and cosign's .sig/.att tags, as after `push --sign`), and images that got in otherwise:
 * unsigned (copied with skopeo), signed by another identity, signed with --force, signed without an
 * approval, an image hidden under a signature-like tag. The audit finds exactly those, with their reasons,
 * in text, JSON and SARIF (validated); the cache makes the next run verify only failures and what is new; a
 * registry answering 500 gives one line and exit 4.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Log } from 'sarif';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Logger, setLogger } from '../../../src/core/logger';
import type { ScanResult } from '../../../src/core/result';
import { RegistryClient } from '../../../src/oci/client';
import { signImage } from '../../../src/pipeline/sign';
import { ensureBundle, runCli, type CliRun } from '../../support/bundle';
import { run } from '../../support/debian';
import { serialHeavySuite, tarOf } from '../../support/images';
import { REGISTRY_TOOLS, startRegistry, type TestRegistry } from '../../support/registry';
import { imageOnlyResult } from '../../support/report-fixtures';
import { validateSarif } from '../../support/sarif-validate';
import { githubClaims, startSigstore, unsignedToken, type MockSigstore } from '../../support/sigstore';
import { describeWithTools } from '../../support/tools';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

interface AuditJson {
  repositories: string[];
  summary: { images: number; failed: number; fromCache: number; signatureTags: number };
  images: {
    repository: string;
    digest: string;
    uri: string;
    tags: string[];
    status: 'pass' | 'fail';
    checked: 'verified' | 'cache';
    rule?: string;
    reason?: string;
    message?: string;
  }[];
}

function shipgate(args: string[], cwd: string): Promise<CliRun> {
  return runCli(args, cwd, { ...process.env, NO_COLOR: '1' });
}

/** Pushes a one-layer image in-process; its content is unique to `label`. */
async function pushImage(
  client: RegistryClient,
  repository: string,
  tag: string,
  label: string,
): Promise<{ digest: string; configDigest: string }> {
  const layerTar = await tarOf([{ name: 'app.txt', content: `${label}\n` }]);
  const layer = await client.pushBlob(repository, layerTar, 'application/vnd.oci.image.layer.v1.tar');
  const config = await client.pushBlob(
    repository,
    Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [layer.digest] },
      }),
    ),
    'application/vnd.oci.image.config.v1+json',
  );
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [layer] }),
  );
  const { digest } = await client.putManifest(repository, tag, manifest, OCI_MANIFEST);
  return { digest, configDigest: config.digest };
}

/** A scan of exactly this image, approved or refused. */
function scanOf(image: { digest: string; configDigest: string }, approved: boolean): ScanResult {
  const base = imageOnlyResult();
  return {
    ...base,
    image: { ...base.image!, digest: image.digest, configDigest: image.configDigest },
    decision: approved
      ? { approved: true, policy: 'default policy', reasons: [] }
      : {
          approved: false,
          policy: 'default policy',
          reasons: [{ code: 'secret', blocking: true, message: 'a secret in the image' }],
        },
  };
}

/** A proxy in front of the registry that answers 500 to every tag listing. */
function failingTagsProxy(upstream: string): Promise<Server> {
  const [host, port] = upstream.split(':') as [string, string];
  const server = createServer((req, res) => {
    if (req.url?.includes('/tags/list')) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"errors":[{"code":"UNKNOWN","message":"storage backend down"}]}');
      return;
    }
    const up = request({ host, port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describeWithTools('shipgate audit (real registry, local sigstore)', REGISTRY_TOOLS, () => {
  serialHeavySuite();
  let registry: TestRegistry;
  let sigstore: MockSigstore;
  let client: RegistryClient;
  let work: string;
  let root: string;
  const digests: Record<string, string> = {};
  const signer = (): string[] => ['--github-repository', 'acme/app', '--trusted-root', root];
  const repo = (name: string): string => `${registry.host}/${name}`;

  async function sign(
    repository: string,
    image: { digest: string; configDigest: string },
    options: { claims?: Record<string, unknown>; approved?: boolean; attest?: 'approval'[] } = {},
  ): Promise<void> {
    const claims = options.claims ?? githubClaims({ repository: 'acme/app' });
    await signImage(
      { client, repository, digest: image.digest, configDigest: image.configDigest, origin: 'scanned' },
      scanOf(image, options.approved ?? true),
      {
        signing: {
          identityToken: { kind: 'env', name: 'TEST_ID_TOKEN' },
          fulcioUrl: sigstore.url,
          rekorUrl: sigstore.url,
          rekorEntryType: 'intoto',
          tsaUrl: sigstore.url,
        },
        attestations: options.attest ?? ['approval'],
        ...(options.approved === false ? { force: true } : {}),
        repoRoot: work,
        env: { TEST_ID_TOKEN: unsignedToken(claims) },
      },
    );
  }

  beforeAll(async () => {
    setLogger(new Logger([], 'warn'));
    await ensureBundle();
    registry = await startRegistry();
    sigstore = await startSigstore();
    work = mkdtempSync(join(tmpdir(), 'shipgate-audit-'));
    root = await sigstore.writeTrustedRoot(work);
    client = new RegistryClient({ registry: registry.host });

    // acme/app: the release (two tags), and images that got in other ways.
    const release = await pushImage(client, 'acme/app', 'v1', 'release');
    await client.putManifest(
      'acme/app',
      'latest',
      (await client.getManifest('acme/app', 'v1')).bytes,
      OCI_MANIFEST,
    );
    await sign('acme/app', release);
    digests.release = release.digest;

    await pushImage(client, 'scratch/dev', 'dev', 'a developer build');
    await run('skopeo', [
      'copy',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${registry.host}/scratch/dev:dev`,
      `docker://${registry.host}/acme/app:dev`,
    ]);
    // skopeo rewrites the manifest on the way: the digest is what the registry now holds.
    digests.unsigned = (await client.headManifest('acme/app', 'dev'))!.digest;

    const fork = await pushImage(client, 'acme/app', 'fork', 'a fork build');
    await sign('acme/app', fork, { claims: githubClaims({ repository: 'evil/app' }) });
    digests.fork = fork.digest;

    const forced = await pushImage(client, 'acme/app', 'hotfix', 'a refused build');
    await sign('acme/app', forced, { approved: false });
    digests.forced = forced.digest;

    const bare = await pushImage(client, 'acme/app', 'bare', 'signed without approval');
    await sign('acme/app', bare, { attest: [] });
    digests.bare = bare.digest;

    // An unsigned image under a name that looks like a cosign signature tag.
    const hidden = await pushImage(client, 'acme/app', `sha256-${'e'.repeat(64)}.sig`, 'hidden');
    digests.hidden = hidden.digest;

    // acme/api: everything signed and approved.
    const api = await pushImage(client, 'acme/api', '1.0', 'api');
    await sign('acme/api', api);
    digests.api = api.digest;
  }, 600_000);

  afterAll(async () => {
    await registry?.stop();
    await sigstore?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const byDigest = (report: AuditJson) => new Map(report.images.map((i) => [i.digest, i]));

  it('finds exactly the images that got in another way, with their reasons (JSON, every tag over small pages)', async () => {
    const out = join(work, 'audit.json');
    const r = await shipgate(
      ['audit', repo('acme/app'), repo('acme/api'), ...signer(), '--page-size', '2', '-f', 'json', '-o', out],
      work,
    );
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as AuditJson;
    const images = byDigest(report);
    const failing = Object.fromEntries(
      report.images.filter((i) => i.status === 'fail').map((i) => [i.digest, i.reason]),
    );
    expect(failing).toEqual({
      [digests.unsigned!]: 'unsigned',
      [digests.fork!]: 'wrong-signer',
      [digests.forced!]: 'forced',
      [digests.bare!]: 'no-approval',
      [digests.hidden!]: 'unsigned',
    });
    expect(images.get(digests.release!)).toMatchObject({ status: 'pass', tags: ['latest', 'v1'] });
    expect(images.get(digests.api!)).toMatchObject({ status: 'pass', tags: ['1.0'] });
    expect(images.get(digests.unsigned!)).toMatchObject({
      tags: ['dev'],
      rule: 'SG-AUDIT-001',
      uri: `oci://${registry.host}/acme/app@${digests.unsigned}`,
    });
    expect(images.get(digests.forced!)?.rule).toBe('SG-AUDIT-003');
    expect(images.get(digests.fork!)?.message).toMatch(
      /certificate identity "https:\/\/github\.com\/evil\/app/,
    );
    // Every tag was listed although pages held two: the images' tags and the signature tags add up.
    const listed = (await client.listTags('acme/app')).length + (await client.listTags('acme/api')).length;
    const imageTags = report.images.reduce((n, i) => n + i.tags.length, 0);
    expect(imageTags + report.summary.signatureTags).toBe(listed);
    // A fallback index and a .sig for each of the five signed images, and an .att for the four attested.
    expect(report.summary.signatureTags).toBe(14);
    expect(report.summary).toMatchObject({ images: 7, failed: 5, fromCache: 0 });
  });

  it('text: one line per failing image and a summary; SARIF validates with one result per failing image', async () => {
    const sarifPath = join(work, 'audit.sarif');
    const r = await shipgate(['audit', repo('acme/app'), ...signer(), '--sarif', sarifPath], work);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes(digests.unsigned!))).toMatch(
      /\(dev\): unsigned: no signature or attestation found/,
    );
    expect(lines.find((l) => l.includes(digests.forced!))).toMatch(/\(hotfix\): forced: .*--force/);
    expect(lines.at(-1)).toBe(
      '6 images in 1 repository audited (0 from the cache, 11 signature tags skipped): 5 images got in without approval',
    );
    const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as Log;
    const v = await validateSarif(log);
    expect(v.schemaErrors).toEqual([]);
    expect(v.multitoolErrors).toEqual([]);
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(5);
    expect(new Set(results.map((x) => x.ruleId))).toEqual(
      new Set(['SG-AUDIT-001', 'SG-AUDIT-002', 'SG-AUDIT-003', 'SG-AUDIT-004']),
    );
    const unsigned = results.find((x) => x.message.text?.includes(digests.unsigned!))!;
    expect(unsigned.locations![0]!.logicalLocations![0]!.fullyQualifiedName).toBe(
      `oci://${registry.host}/acme/app@${digests.unsigned}`,
    );
  });

  it('exit 0 when every image is signed and approved', async () => {
    const r = await shipgate(['audit', repo('acme/api'), ...signer()], work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(
      '1 image in 1 repository audited (0 from the cache, 3 signature tags skipped): every image is signed and approved',
    );
  });

  it('--cache: the next run verifies only failures and what is new; other flags verify everything again', async () => {
    const cache = join(work, 'cache.json');
    const out = join(work, 'incremental.json');
    const audit = async (extra: string[] = []): Promise<AuditJson> => {
      const r = await shipgate(
        ['audit', repo('acme/app'), ...signer(), '--cache', cache, '-f', 'json', '-o', out, ...extra],
        work,
      );
      expect(r.code, r.stderr).toBe(1);
      return JSON.parse(readFileSync(out, 'utf8')) as AuditJson;
    };
    const first = await audit();
    expect(first.summary.fromCache).toBe(0);
    const second = await audit();
    expect(second.summary.fromCache).toBe(1);
    expect(byDigest(second).get(digests.release!)?.checked).toBe('cache');
    expect(second.images.filter((i) => i.checked === 'verified')).toHaveLength(5);

    const late = await pushImage(client, 'acme/app', 'late', 'pushed around the gate');
    const third = await audit();
    expect(byDigest(third).get(late.digest)).toMatchObject({
      status: 'fail',
      reason: 'unsigned',
      checked: 'verified',
    });
    expect(third.summary).toMatchObject({ images: 7, failed: 6, fromCache: 1 });

    // Another age limit is another meaning of "passed": everything is verified again, and all is too old.
    await sleep(2000);
    const aged = await audit(['--max-age', '1s']);
    expect(aged.summary.fromCache).toBe(0);
    expect(byDigest(aged).get(digests.release!)).toMatchObject({ status: 'fail', reason: 'too-old' });
    expect(byDigest(aged).get(digests.fork!)?.reason).toBe('wrong-signer');

    // A corrupt cache is ignored with a warning, never trusted.
    writeFileSync(cache, '{"version":1,"fingerprint":');
    const r = await shipgate(['audit', repo('acme/app'), ...signer(), '--cache', cache, '-f', 'json'], work);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/is not a shipgate audit cache \(corrupt\?\); ignoring it/);
    expect((JSON.parse(r.stdout) as AuditJson).summary.fromCache).toBe(0);
    expect(JSON.parse(readFileSync(cache, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('a registry alone: its repositories from the catalog', async () => {
    const r = await shipgate(['audit', registry.host, ...signer(), '-f', 'json'], work);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as AuditJson;
    expect(report.repositories).toEqual([repo('acme/api'), repo('acme/app'), repo('scratch/dev')]);
  });

  it('a registry answering 500 to the tag listing: one line, exit 4', async () => {
    const proxy = await failingTagsProxy(registry.host);
    try {
      const host = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const r = await shipgate(['audit', `${host}/acme/app`, ...signer()], work);
      expect(r.code, r.stderr).toBe(4);
      const errors = r.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('shipgate: error'));
      expect(errors).toEqual([
        expect.stringMatching(/^shipgate: error \[REGISTRY\]: tags of .*acme\/app: .* answered 500/),
      ]);
      expect(r.stdout).toBe('');
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  }, 120_000);

  it('refuses a tag or digest where a repository is expected', async () => {
    const r = await shipgate(['audit', `${repo('acme/app')}:v1`, ...signer()], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[USAGE\]: audit: .*names a tag or digest/);
  });
});
