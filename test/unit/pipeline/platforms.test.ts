/**
 * Every platform of a multi-platform index, scanned on its own from an OCI layout written in-process: the
 * run approves only when every platform does, names the refused one, skips attestation manifests, refuses a
 * nested index, and signing refuses before any signature when one platform is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { openImage } from '../../../src/image/index';
import { RegistryClient } from '../../../src/oci/client';
import { scanPlatforms, type IndexScan } from '../../../src/pipeline/platforms';
import { signIndex, type IndexSignTarget } from '../../../src/pipeline/sign';
import type { PipelineOptions } from '../../../src/pipeline/types';
import { toJson } from '../../../src/report/json';
import { toMarkdownSummary } from '../../../src/report/summary';
import { toText } from '../../../src/report/text';
import { LAYER_TAR, setTag, tarOf, writeBlob, writeLayoutImage, type Desc } from '../../support/images';

const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const AWS_KEY =
  '[default]\naws_access_key_id = AKIAZ7VQ3XKD4LMNPQ2R\naws_secret_access_key = 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\n';

const strip = (d: Desc): Desc => ({ mediaType: d.mediaType, digest: d.digest, size: d.size });

let dir: string;
let amd: Desc;
let arm: Desc;
let attestation: Desc;
let scan: IndexScan;

async function image(layout: string, tag: string, architecture: string, secret: boolean): Promise<Desc> {
  const layer = await tarOf([
    { name: 'app/', type: 'directory' },
    { name: 'app/run', content: `#!/bin/true\n# ${architecture}\n`, mode: 0o755 },
    ...(secret ? [{ name: 'app/credentials', content: AWS_KEY }] : []),
  ]);
  return writeLayoutImage(layout, tag, [{ blob: layer, mediaType: LAYER_TAR, createdBy: 'COPY app /app' }], {
    architecture,
    os: 'linux',
    config: { User: '1000' },
  });
}

function options(layout: string, tag: string): PipelineOptions {
  return { dockerfiles: [], repoRoot: dir, image: `oci:${layout}:${tag}`, scanners: ['secret'] };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shipgate-platforms-'));
  const layout = join(dir, 'multi');
  amd = await image(layout, 'amd64', 'amd64', false);
  arm = await image(layout, 'arm64', 'arm64', true);
  const config = writeBlob(
    layout,
    '{"architecture":"unknown","os":"unknown"}',
    'application/vnd.oci.image.config.v1+json',
  );
  attestation = writeBlob(
    layout,
    JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, config, layers: [] }),
    MANIFEST,
  );
  const index = writeBlob(
    layout,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [
        { ...strip(amd), platform: { os: 'linux', architecture: 'amd64' } },
        { ...strip(arm), platform: { os: 'linux', architecture: 'arm64' } },
        {
          ...strip(attestation),
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: {
            'vnd.docker.reference.type': 'attestation-manifest',
            'vnd.docker.reference.digest': amd.digest,
          },
        },
      ],
    }),
    INDEX,
  );
  setTag(layout, 'multi', index);
  // An index whose entry is another index.
  setTag(
    layout,
    'nested',
    writeBlob(
      layout,
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: [{ ...strip(index), platform: { os: 'linux', architecture: 'amd64' } }],
      }),
      INDEX,
    ),
  );
  const opened = await openImage(`oci:${layout}:multi`, { platform: 'linux/amd64' });
  try {
    scan = await scanPlatforms(options(layout, 'multi'), opened);
  } finally {
    await opened.close();
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanning every platform of an index', () => {
  it('decides each platform on its own and approves the index only when all are approved', () => {
    expect(scan.platforms.map((p) => [p.platform, p.digest, p.result.decision?.approved])).toEqual([
      ['linux/amd64', amd.digest, true],
      ['linux/arm64', arm.digest, false],
    ]);
    const { decision, index } = scan.result;
    expect(decision?.approved).toBe(false);
    const blocking = decision!.reasons.filter((r) => r.blocking);
    expect(blocking.length).toBeGreaterThan(0);
    for (const r of blocking)
      expect(r.message).toMatch(/^linux\/arm64: secret found: SG-SEC-\d+ in layer 0 \(\/app\/credentials\)/);
    expect(
      index?.platforms.map((p) => [p.platform, p.decision.approved, p.counts.critical + p.counts.high > 0]),
    ).toEqual([
      ['linux/amd64', true, false],
      ['linux/arm64', false, true],
    ]);
    expect(index?.skipped).toEqual([
      {
        digest: attestation.digest,
        reason: `attestation manifest for ${amd.digest} (unknown/unknown), not an image`,
      },
    ]);
    // The secret is the arm64 image's, named by its manifest digest.
    const secrets = scan.result.findings.filter((f) => f.kind === 'secret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const f of secrets) expect(f.image?.digest).toBe(arm.digest);
  });

  it('shows each platform in the text, summary and JSON reports', () => {
    const text = toText(scan.result, { color: false });
    expect(text).toContain(`  linux/amd64 ${amd.digest}: approved\n`);
    expect(text).toContain(`  linux/arm64 ${arm.digest}: not approved (`);
    expect(text).toContain(`  skipped ${attestation.digest}: attestation manifest`);
    const md = toMarkdownSummary(scan.result);
    expect(md).toContain(`| linux/arm64 | \`${arm.digest}\` | ❌ not approved`);
    const json = JSON.parse(toJson(scan.result)) as Record<string, unknown> & {
      index: { digest: string; platforms: Record<string, unknown>[] };
    };
    expect(Object.keys(json).indexOf('index')).toBe(Object.keys(json).indexOf('image') + 1);
    expect(Object.keys(json.index)).toEqual(['digest', 'platforms', 'skipped']);
    expect(Object.keys(json.index.platforms[0]!)).toEqual([
      'platform',
      'digest',
      'configDigest',
      'decision',
      'counts',
    ]);
  });

  it('refuses a nested index: its platforms could not be scanned one by one', async () => {
    const layout = join(dir, 'multi');
    const opened = await openImage(`oci:${layout}:nested`, { platform: 'linux/amd64' });
    try {
      const err = await scanPlatforms(options(layout, 'nested'), opened).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ShipgateError);
      expect((err as ShipgateError).code).toBe('UNSUPPORTED');
      expect((err as ShipgateError).message).toContain('lists another index');
    } finally {
      await opened.close();
    }
  });

  it('signing refuses before any signature when one platform is refused, or the digests are not the scanned ones', async () => {
    // A registry nobody listens on: a refusal must come before any request.
    const client = new RegistryClient({ registry: '127.0.0.1:9' });
    const at = { client, repository: 'acme/app', origin: 'scanned' as const };
    const target: IndexSignTarget = {
      index: { ...at, digest: scan.index.digest },
      platforms: scan.platforms.map((p) => ({
        target: { ...at, digest: p.digest, configDigest: p.image.info.configDigest },
        result: p.result,
      })),
    };
    const signing = { signing: { key: join(dir, 'no-such-key.pem') }, repoRoot: dir };
    const refused = await signIndex(target, scan.result, signing).catch((e: unknown) => e);
    expect((refused as ShipgateError).code).toBe('GUARD');
    expect((refused as ShipgateError).message).toMatch(
      new RegExp(
        `^signing refused: not every platform is approved: linux/arm64 \\(${arm.digest}\\): secret found`,
      ),
    );
    const swapped = { ...target, platforms: [...target.platforms].reverse() };
    const mismatch = await signIndex(swapped, scan.result, signing).catch((e: unknown) => e);
    expect((mismatch as ShipgateError).message).toContain(
      `${scan.index.digest} is not the index this run scanned`,
    );
  });
});
