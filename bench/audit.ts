/**
 * Benchmark: `shipgate audit` of one repository with 1,000 tags on a local docker-registry. The tags point at
 * 25 images: 24 signed and approved (keyless, against a local sigstore, as `push --sign` stores them) and
 * one unsigned, so the audit resolves 1,000 tags and the signature tags, skips the latter and verifies 25
 * digests.
 * Cold: no cache. Incremental: with the cache of the previous run, only the failing digest is verified again.
 * The peer is `skopeo list-tags` of the same repository: listing alone, without resolving or verifying.
 * Prints JSON { tags, images, cold, incremental, skopeoListTags } (median wall ms, peak RSS).
 * Run: npx tsx bench/audit.ts (after npm run build)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger, setLogger } from '../src/core/logger';
import type { ScanResult } from '../src/core/result';
import { RegistryClient } from '../src/oci/client';
import { mapConcurrent } from '../src/core/concurrency';
import { signImage } from '../src/pipeline/sign';
import { tarOf } from '../test/support/images';
import { startRegistry } from '../test/support/registry';
import { imageOnlyResult } from '../test/support/report-fixtures';
import { githubClaims, startSigstore, unsignedToken } from '../test/support/sigstore';
// @ts-expect-error: the benchmark helpers are plain JavaScript modules
import { measure, ROOT } from './lib.mjs';

const TAGS = 1000;
const SIGNED = 24;
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

interface Measured {
  medianMs: number;
  minMs: number;
  peakRssMb?: number;
  runs: number;
}

async function pushImage(client: RegistryClient, label: string) {
  const layerTar = await tarOf([{ name: 'app.txt', content: `${label}\n` }]);
  const layer = await client.pushBlob('bench/app', layerTar, 'application/vnd.oci.image.layer.v1.tar');
  const config = await client.pushBlob(
    'bench/app',
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
  const { digest } = await client.putManifest('bench/app', label, manifest, OCI_MANIFEST);
  return { digest, configDigest: config.digest, manifest };
}

function approved(image: { digest: string; configDigest: string }): ScanResult {
  const base = imageOnlyResult();
  return {
    ...base,
    image: { ...base.image!, digest: image.digest, configDigest: image.configDigest },
    decision: { approved: true, policy: 'default policy', reasons: [] },
  };
}

setLogger(new Logger([], 'warn'));
const work = mkdtempSync(join(tmpdir(), 'shipgate-bench-audit-'));
const registry = await startRegistry();
const sigstore = await startSigstore();
try {
  const root = await sigstore.writeTrustedRoot(work);
  const client = new RegistryClient({ registry: registry.host });
  const images: Awaited<ReturnType<typeof pushImage>>[] = [];
  for (let i = 0; i <= SIGNED; i++) images.push(await pushImage(client, `image-${i}`));
  for (const image of images.slice(0, SIGNED))
    await signImage(
      {
        client,
        repository: 'bench/app',
        digest: image.digest,
        configDigest: image.configDigest,
        origin: 'scanned',
      },
      approved(image),
      {
        signing: {
          identityToken: { kind: 'env', name: 'TOKEN' },
          fulcioUrl: sigstore.url,
          rekorUrl: sigstore.url,
          rekorEntryType: 'intoto',
          tsaUrl: sigstore.url,
        },
        attestations: ['approval'],
        repoRoot: work,
        env: { TOKEN: unsignedToken(githubClaims({ repository: 'acme/app' })) },
      },
    );
  // The remaining tags, spread over the five images (each already has one tag).
  const extra = Array.from({ length: TAGS - images.length }, (_, i) => i);
  await mapConcurrent(extra, 16, (i) =>
    client.putManifest('bench/app', `v${i}`, images[i % images.length]!.manifest, OCI_MANIFEST),
  );
  const tags = await client.listTags('bench/app');
  const cache = join(work, 'audit-cache.json');
  const cli = join(ROOT as string, 'dist', 'cli.js');
  const audit = [
    cli,
    'audit',
    `${registry.host}/bench/app`,
    '--github-repository',
    'acme/app',
    '--trusted-root',
    root,
    '-f',
    'json',
    '-q',
  ];
  const run = (args: string[], options: Record<string, unknown>): Measured =>
    (measure as (cmd: string, args: string[], o: Record<string, unknown>) => Measured)(
      process.execPath,
      args,
      {
        okCodes: [1],
        ...options,
      },
    );
  const cold = run(audit, { runs: 3, warmup: 0 });
  // The warm-up run fills the cache; every measured run then starts from it.
  const incremental = run([...audit, '--cache', cache], { runs: 5, warmup: 1 });
  const skopeoListTags = (measure as (cmd: string, args: string[], o: Record<string, unknown>) => Measured)(
    'skopeo',
    ['list-tags', '--tls-verify=false', `docker://${registry.host}/bench/app`],
    { runs: 5, warmup: 1, okCodes: [0] },
  );
  process.stdout.write(
    `${JSON.stringify({
      tags: tags.length,
      imageTags: TAGS,
      images: images.length,
      signed: SIGNED,
      cold,
      incremental,
      skopeoListTags,
      date: new Date().toISOString(),
      node: process.version,
    })}\n`,
  );
} finally {
  await registry.stop();
  await sigstore.stop();
  rmSync(work, { recursive: true, force: true });
}
