/**
 * Storing sigstore bundles next to an image on a real `docker-registry` (no referrers API: the tag-schema
 * fallback) and behind a spec-conformant referrers proxy (the API), cosign's legacy tags, concurrent
 * writers, reading everything back, and read-back catching what did not land as written. skopeo is the
 * oracle that the manifests are well-formed and retrievable.
 */
import { createServer, type Server } from 'node:http';
import type { SerializedBundle } from '@sigstore/bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShipgateError, formatError } from '../../../src/core/errors';
import { Logger, MemorySink, logger, setLogger } from '../../../src/core/logger';
import { RegistryClient, referrersTag } from '../../../src/oci/client';
import { digestOf } from '../../../src/oci/digest';
import { listReferrers, readTagged } from '../../../src/oci/referrers';
import {
  COSIGN_ANNOTATION,
  appendLegacyLayer,
  legacyAttestationLayer,
  legacyConfig,
  legacyTag,
  simpleSigningPayload,
} from '../../../src/sign/cosign-legacy';
import { fetchBundles, readBack, readLegacy } from '../../../src/sign/read-back';
import { attachBundle, storeSignatures } from '../../../src/sign/store';
import type { StoredArtifact } from '../../../src/sign/stored';
import { BUNDLE_V03_MEDIA_TYPE, PREDICATE } from '../../../src/sign/types';
import { run } from '../../support/debian';
import { serialHeavySuite, tarOf } from '../../support/images';
import { startReferrersProxy, type ReferrersProxy } from '../../support/referrers-proxy';
import { REGISTRY_TOOLS, startRegistry, type TestRegistry } from '../../support/registry';
import { statement, testSigner, type TestSigner } from '../../support/sign-fixtures';
import { describeWithTools } from '../../support/tools';

serialHeavySuite();

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** Pushes a one-layer image in-process and returns its manifest digest. */
async function pushTestImage(client: RegistryClient, repository: string, tag: string): Promise<string> {
  const layerTar = await tarOf([{ name: 'app.txt', content: `${repository}:${tag}\n` }]);
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
  return (await client.putManifest(repository, tag, manifest, OCI_MANIFEST)).digest;
}

async function skopeoRaw(host: string, repository: string, reference: string): Promise<Buffer> {
  const sep = reference.startsWith('sha256:') ? '@' : ':';
  const out = await run('skopeo', [
    'inspect',
    '--raw',
    '--tls-verify=false',
    `docker://${host}/${repository}${sep}${reference}`,
  ]);
  return Buffer.from(out);
}

async function failure(p: Promise<unknown>): Promise<ShipgateError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ShipgateError);
  const line = formatError(e as ShipgateError);
  expect(line).not.toContain('\n');
  expect(line).not.toMatch(/\bat .*\.ts:\d+/);
  return e as ShipgateError;
}

describeWithTools('sigstore bundles stored next to an image', REGISTRY_TOOLS, () => {
  let reg: TestRegistry;
  let proxy: ReferrersProxy;
  let signer: TestSigner;
  let direct: RegistryClient;
  let viaProxy: RegistryClient;
  beforeAll(async () => {
    reg = await startRegistry();
    proxy = await startReferrersProxy(reg.host);
    signer = await testSigner();
    direct = new RegistryClient({ registry: reg.host, credentials: null });
    viaProxy = new RegistryClient({ registry: proxy.host, credentials: null });
  });
  afterAll(async () => {
    await proxy?.stop();
    await reg?.stop();
  });

  async function signedSet(client: RegistryClient, repository: string, digest: string) {
    const signature = await signer.dsse(statement(digest, PREDICATE.signature));
    const slsa = await signer.dsse(
      statement(digest, PREDICATE.slsa, { buildDefinition: { buildType: 'b' } }),
    );
    const legacySignature = await signer.message(
      simpleSigningPayload(`${client.registry}/${repository}`, digest),
    );
    return { bundles: [signature, slsa], legacySignature };
  }

  it('uses the referrers API where the registry serves it: no fallback tag, every placement read back', async () => {
    const repo = 'acme/api';
    const digest = await pushTestImage(viaProxy, repo, 'v1');
    const input = await signedSet(viaProxy, repo, digest);
    const stored = await storeSignatures(viaProxy, repo, digest, input);
    expect(stored.map((s) => s.placement.kind)).toEqual([
      'referrers',
      'referrers',
      'legacy-sig',
      'legacy-att',
    ]);
    expect(stored[0]!.placement.reference).toBe(`${proxy.host}/${repo}@${stored[0]!.placement.digest}`);
    expect(stored[0]!.placement.tag).toBeUndefined();
    expect((await fetch(`${reg.url}/v2/${repo}/manifests/${referrersTag(digest)}`)).status).toBe(404);
    expect(proxy.referrers.get(`${repo}@${digest}`)?.map((e) => e.digest)).toEqual(
      stored.slice(0, 2).map((s) => s.placement.digest),
    );

    expect(await readBack(viaProxy, stored)).toEqual(stored.map((s) => s.placement));
    const fetched = await fetchBundles(viaProxy, repo, digest);
    expect(fetched.map((f) => f.placement)).toEqual(stored.slice(0, 2).map((s) => s.placement));
    expect(fetched.map((f) => f.bundle)).toEqual(input.bundles);
    expect(fetched[1]!.annotations).toMatchObject({
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': PREDICATE.slsa,
    });

    // The manifest cosign and gh read, as skopeo sees it.
    const raw = await skopeoRaw(reg.host, repo, stored[1]!.placement.digest);
    expect(raw.equals(stored[1]!.manifest)).toBe(true);
    const m = JSON.parse(raw.toString()) as Record<string, unknown>;
    expect(m).toMatchObject({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: BUNDLE_V03_MEDIA_TYPE,
      config: {
        mediaType: 'application/vnd.oci.empty.v1+json',
        size: 2,
        digest: digestOf(Buffer.from('{}')),
      },
      layers: [
        { mediaType: BUNDLE_V03_MEDIA_TYPE, digest: digestOf(Buffer.from(JSON.stringify(input.bundles[1]))) },
      ],
      subject: { mediaType: OCI_MANIFEST, digest },
    });
    expect(Object.keys(m.annotations as object).sort()).toEqual([
      'dev.sigstore.bundle.content',
      'dev.sigstore.bundle.predicateType',
      'org.opencontainers.image.created',
    ]);
  });

  it('lists referrers over several API pages and filters by artifactType', async () => {
    const repo = 'acme/pages';
    const digest = await pushTestImage(viaProxy, repo, 'v1');
    const stored: StoredArtifact[] = [];
    for (const p of [PREDICATE.signature, PREDICATE.slsa, PREDICATE.vuln])
      stored.push(await attachBundle(viaProxy, repo, digest, await signer.dsse(statement(digest, p))));
    proxy.pageSize = 1;
    try {
      const all = await listReferrers(viaProxy, repo, digest);
      expect(all.via).toBe('api');
      expect(all.manifests.map((d) => d.digest)).toEqual(stored.map((s) => s.placement.digest));
      expect(
        (await listReferrers(viaProxy, repo, digest, { artifactType: 'application/other' })).manifests,
      ).toEqual([]);
      expect((await fetchBundles(viaProxy, repo, digest)).length).toBe(3);
    } finally {
      proxy.pageSize = undefined;
    }
  });

  it('falls back to the tag schema when OCI-Subject comes without an API, or the API answers a false 200', async () => {
    try {
      for (const mode of ['absent', 'false-200'] as const) {
        proxy.referrersApi = mode;
        const repo = `acme/pitfall-${mode}`;
        const digest = await pushTestImage(viaProxy, repo, 'v1');
        const stored = await attachBundle(
          viaProxy,
          repo,
          digest,
          await signer.dsse(statement(digest, PREDICATE.slsa)),
        );
        expect(stored.placement).toMatchObject({ kind: 'fallback-tag', tag: referrersTag(digest) });
        // The proxy did announce the subject, as ECR does.
        expect(proxy.referrers.get(`${repo}@${digest}`)).toHaveLength(1);
        const listed = await listReferrers(viaProxy, repo, digest);
        expect(listed).toEqual({
          manifests: [expect.objectContaining({ digest: stored.placement.digest })],
          via: 'tag',
          tag: referrersTag(digest),
        });
        expect(await readBack(viaProxy, [stored])).toEqual([stored.placement]);
      }
    } finally {
      proxy.referrersApi = 'serve';
    }
  });

  it('gives up with one clear line when every update of a tag is overwritten', async () => {
    const repo = 'acme/contested';
    const digest = await pushTestImage(direct, repo, 'v1');
    const tag = referrersTag(digest);
    const empty = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] }));
    proxy.referrersApi = 'absent';
    proxy.afterManifestPut = async (name, reference) => {
      if (name === repo && reference === tag) await direct.putManifest(repo, tag, empty, OCI_INDEX);
    };
    try {
      const bundle = await signer.dsse(statement(digest, PREDICATE.slsa));
      const err = await failure(
        attachBundle(viaProxy, repo, digest, bundle, { attempts: 3, baseMs: 1, settleMs: 0 }),
      );
      expect(err.code).toBe('REGISTRY');
      expect(err.message).toBe(
        `referrers index ${proxy.host}/${repo}:${tag}: the registry did not keep the update after 3 attempts`,
      );
    } finally {
      proxy.referrersApi = 'serve';
      proxy.afterManifestPut = undefined;
    }
  });

  it('keeps the fallback index where the registry has no referrers API', async () => {
    const repo = 'acme/fallback';
    const digest = await pushTestImage(direct, repo, 'v1');
    const input = await signedSet(direct, repo, digest);
    const stored = await storeSignatures(direct, repo, digest, input);
    const tag = referrersTag(digest);
    expect(stored.slice(0, 2).map((s) => s.placement)).toEqual(
      stored.slice(0, 2).map((s) => ({
        kind: 'fallback-tag',
        reference: `${reg.host}/${repo}@${s.placement.digest}`,
        digest: s.placement.digest,
        tag,
      })),
    );
    const index = JSON.parse((await skopeoRaw(reg.host, repo, tag)).toString()) as {
      mediaType: string;
      manifests: { digest: string; artifactType: string; annotations: Record<string, string> }[];
    };
    expect(index.mediaType).toBe(OCI_INDEX);
    expect(index.manifests.map((e) => e.digest)).toEqual(stored.slice(0, 2).map((s) => s.placement.digest));
    for (const [i, e] of index.manifests.entries()) {
      expect(e.artifactType).toBe(BUNDLE_V03_MEDIA_TYPE);
      expect(e.annotations).toEqual(stored[i]!.annotations);
    }
    expect(await readBack(direct, stored)).toEqual(stored.map((s) => s.placement));
    const fetched = await fetchBundles(direct, repo, digest);
    expect(fetched.map((f) => f.placement.kind)).toEqual(['fallback-tag', 'fallback-tag']);
    expect(fetched.map((f) => f.bundle)).toEqual(input.bundles);
    // Storing the same bundle again adds nothing.
    await attachBundle(direct, repo, digest, input.bundles[0]!, {
      now: new Date(stored[0]!.annotations!['org.opencontainers.image.created']!),
    });
    expect((await listReferrers(direct, repo, digest)).manifests.length).toBe(2);
    // A listed bundle whose manifest was deleted is skipped; the others are still found.
    const gone = await fetch(`${reg.url}/v2/${repo}/manifests/${stored[0]!.placement.digest}`, {
      method: 'DELETE',
    });
    expect(gone.status).toBe(202);
    expect((await fetchBundles(direct, repo, digest)).map((f) => f.bundle)).toEqual([input.bundles[1]]);
  });

  it('updates the fallback index and each legacy tag once for all the bundles of a signing', async () => {
    const repo = 'acme/batched';
    const digest = await pushTestImage(direct, repo, 'v1');
    const puts: string[] = [];
    class CountingClient extends RegistryClient {
      override request(spec: Parameters<RegistryClient['request']>[0], what: string): Promise<Response> {
        if (spec.method === 'PUT' && spec.path.includes('/manifests/'))
          puts.push(spec.path.split('/').pop()!);
        return super.request(spec, what);
      }
    }
    const counting = new CountingClient({ registry: reg.host, credentials: null });
    const bundles = [
      await signer.dsse(statement(digest, PREDICATE.signature)),
      await signer.dsse(statement(digest, PREDICATE.slsa, { buildDefinition: { buildType: 'b' } })),
      await signer.dsse(statement(digest, PREDICATE.vuln, { scanner: { uri: 'x' } })),
      await signer.dsse(statement(digest, PREDICATE.approval, { approved: true })),
    ];
    const legacySignature = await signer.message(simpleSigningPayload(`${reg.host}/${repo}`, digest));
    const stored = await storeSignatures(counting, repo, digest, { bundles, legacySignature });
    const hex = digest.slice('sha256:'.length);
    // Four bundle manifests by digest, then one write of each tag.
    expect(puts.filter((p) => p.startsWith('sha256:'))).toHaveLength(4);
    expect(puts.filter((p) => !p.startsWith('sha256:')).sort()).toEqual(
      [`sha256-${hex}`, `sha256-${hex}.att`, `sha256-${hex}.sig`].sort(),
    );
    expect(stored.map((s) => s.placement.kind)).toEqual([
      ...Array<string>(4).fill('fallback-tag'),
      'legacy-sig',
      'legacy-att',
      'legacy-att',
      'legacy-att',
    ]);
    const index = JSON.parse((await skopeoRaw(reg.host, repo, referrersTag(digest))).toString()) as {
      manifests: { digest: string }[];
    };
    expect(index.manifests.map((e) => e.digest)).toEqual(stored.slice(0, 4).map((s) => s.placement.digest));
    const att = JSON.parse((await skopeoRaw(reg.host, repo, `sha256-${hex}.att`)).toString()) as {
      layers: { annotations: Record<string, string> }[];
    };
    expect(att.layers.map((l) => l.annotations.predicateType)).toEqual([
      PREDICATE.slsa,
      PREDICATE.vuln,
      PREDICATE.approval,
    ]);
    expect(await readBack(direct, stored)).toEqual(stored.map((s) => s.placement));
  });

  it('keeps every one of 8 concurrent writers to one digest, in the index and in .att', async () => {
    const repo = 'acme/concurrent';
    const digest = await pushTestImage(direct, repo, 'v1');
    const bundles: SerializedBundle[] = [];
    for (let i = 0; i < 8; i++)
      bundles.push(await signer.dsse(statement(digest, PREDICATE.vuln, { run: i })));
    // Separate clients, as separate jobs would be.
    const client = () => new RegistryClient({ registry: reg.host, credentials: null });
    const [referrers, legacy] = await Promise.all([
      Promise.all(bundles.map((b) => attachBundle(client(), repo, digest, b))),
      Promise.all(
        bundles.map((b) => appendLegacyLayer(client(), repo, digest, 'att', legacyAttestationLayer(b))),
      ),
    ]);
    const listed = (await listReferrers(direct, repo, digest)).manifests.map((d) => d.digest);
    expect(listed.sort()).toEqual(referrers.map((s) => s.placement.digest).sort());
    const atts = await readLegacy(direct, repo, digest, 'att');
    expect(atts.length).toBe(8);
    expect(atts.map((a) => a.payload.toString()).sort()).toEqual(
      bundles.map((b) => legacyAttestationLayer(b).payload.toString()).sort(),
    );
    const placements = await readBack(direct, [...referrers, ...legacy]);
    expect(new Set(placements.slice(8).map((p) => p.digest)).size).toBe(1);
  });

  it('redoes an update that a concurrent writer in another process overwrote, dropping none of its entries', async () => {
    const repo = 'acme/lost-update';
    const digest = await pushTestImage(direct, repo, 'v1');
    // What the other writer read before this one wrote: the index with its own artifact only.
    const theirs = await attachBundle(
      direct,
      repo,
      digest,
      await signer.dsse(statement(digest, PREDICATE.vuln)),
    );
    const tag = referrersTag(digest);
    const stale = (await readTagged(direct, repo, tag))!.bytes;
    const sigTag = legacyTag(digest, 'sig');
    const log = new MemorySink();
    const previous = logger();
    setLogger(new Logger([log], 'debug'), [log]);
    proxy.referrersApi = 'absent';
    proxy.announceSubject = false;
    const overwritten = new Set<string>();
    proxy.afterManifestPut = async (name, reference) => {
      if (name !== repo || overwritten.has(reference) || (reference !== tag && reference !== sigTag)) return;
      overwritten.add(reference);
      if (reference === tag) await direct.putManifest(repo, tag, stale, OCI_INDEX);
      else
        await direct.request(
          {
            method: 'DELETE',
            path: `/v2/${repo}/manifests/${(await direct.headManifest(repo, sigTag))!.digest}`,
            repository: repo,
            action: 'push',
          },
          'delete',
        );
    };
    try {
      const bundle = await signer.dsse(statement(digest, PREDICATE.slsa));
      const legacySignature = await signer.message(simpleSigningPayload(`${proxy.host}/${repo}`, digest));
      const stored = await storeSignatures(viaProxy, repo, digest, { bundles: [bundle], legacySignature });
      expect([...overwritten].sort()).toEqual([tag, sigTag].sort());
      expect(stored.map((s) => s.placement.kind)).toEqual(['fallback-tag', 'legacy-sig', 'legacy-att']);
      const listed = await listReferrers(direct, repo, digest);
      expect(listed.manifests.map((d) => d.digest)).toEqual([
        theirs.placement.digest,
        stored[0]!.placement.digest,
      ]);
      expect(await readBack(viaProxy, stored)).toHaveLength(3);
    } finally {
      proxy.referrersApi = 'serve';
      proxy.announceSubject = true;
      proxy.afterManifestPut = undefined;
      setLogger(previous);
    }
    const redone = log.lines.filter((l) => l.line.includes('was overwritten; retrying')).map((l) => l.line);
    expect(redone.some((l) => l.startsWith(`referrers index ${proxy.host}/${repo}:${tag}`))).toBe(true);
    expect(redone.some((l) => l.startsWith(`cosign signatures ${proxy.host}/${repo}:${sigTag}`))).toBe(true);
  });

  it("writes cosign's legacy .sig and .att: media types, annotations, payload, config; appends and de-duplicates", async () => {
    const repo = 'acme/legacy';
    const digest = await pushTestImage(direct, repo, 'v1');
    const input = await signedSet(direct, repo, digest);
    await storeSignatures(direct, repo, digest, input);
    const payload = simpleSigningPayload(`${reg.host}/${repo}`, digest);

    const sigManifest = JSON.parse(
      (await skopeoRaw(reg.host, repo, legacyTag(digest, 'sig'))).toString(),
    ) as {
      mediaType: string;
      config: { mediaType: string; digest: string };
      layers: { mediaType: string; digest: string; size: number; annotations: Record<string, string> }[];
    };
    expect(sigManifest.mediaType).toBe(OCI_MANIFEST);
    expect(sigManifest.config.mediaType).toBe('application/vnd.oci.image.config.v1+json');
    expect(sigManifest.layers).toHaveLength(1);
    const [sigLayer] = sigManifest.layers;
    expect(sigLayer).toMatchObject({
      mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
      digest: digestOf(payload),
      size: payload.length,
    });
    expect(Object.keys(sigLayer!.annotations)).toEqual([
      COSIGN_ANNOTATION.signature,
      COSIGN_ANNOTATION.bundle,
      COSIGN_ANNOTATION.certificate,
      COSIGN_ANNOTATION.chain,
      COSIGN_ANNOTATION.rfc3161Timestamp,
    ]);
    const config = await (
      await fetch(`${reg.url}/v2/${repo}/blobs/${sigManifest.config.digest}`)
    ).arrayBuffer();
    expect(Buffer.from(config).equals(legacyConfig([digestOf(payload)]))).toBe(true);
    const blob = await (await fetch(`${reg.url}/v2/${repo}/blobs/${digestOf(payload)}`)).text();
    expect(blob).toBe(
      `{"critical":{"identity":{"docker-reference":"${reg.host}/${repo}"},"image":{"docker-manifest-digest":"${digest}"},"type":"cosign container image signature"},"optional":null}`,
    );

    const [sig] = await readLegacy(direct, repo, digest, 'sig');
    expect(sig!.payload.equals(payload)).toBe(true);
    expect(sig!.signature).toBe(input.legacySignature.messageSignature!.signature);
    expect(sig!.certificate).toBe(signer.certificate);
    expect(sig!.set?.Payload.logIndex).toBe(
      Number(input.legacySignature.verificationMaterial.tlogEntries[0]!.logIndex),
    );
    expect(sig!.rfc3161Timestamp).toBe(
      input.legacySignature.verificationMaterial.timestampVerificationData!.rfc3161Timestamps[0]!
        .signedTimestamp,
    );
    const [att] = await readLegacy(direct, repo, digest, 'att');
    expect(att!.mediaType).toBe('application/vnd.dsse.envelope.v1+json');
    expect(att!.predicateType).toBe(PREDICATE.slsa);
    expect(att!.signature).toBe('');
    expect(JSON.parse(att!.payload.toString())).toEqual({
      payload: input.bundles[1]!.dsseEnvelope!.payload,
      payloadType: 'application/vnd.in-toto+json',
      signatures: [{ sig: input.bundles[1]!.dsseEnvelope!.signatures[0]!.sig }],
    });

    // A second signature of the same payload appends a layer; the same signature again does not.
    const second = await signer.message(payload);
    await storeSignatures(direct, repo, digest, { bundles: [], legacySignature: second });
    await storeSignatures(direct, repo, digest, { bundles: [], legacySignature: second });
    const sigs = await readLegacy(direct, repo, digest, 'sig');
    expect(sigs.map((s) => s.signature)).toEqual([
      input.legacySignature.messageSignature!.signature,
      second.messageSignature!.signature,
    ]);
    const doc = await readTagged(direct, repo, legacyTag(digest, 'sig'));
    const cfgDigest = (JSON.parse(doc!.bytes.toString()) as { config: { digest: string } }).config.digest;
    const cfg = await (await fetch(`${reg.url}/v2/${repo}/blobs/${cfgDigest}`)).arrayBuffer();
    expect(Buffer.from(cfg).equals(legacyConfig([digestOf(payload), digestOf(payload)]))).toBe(true);
  });

  it('writes no legacy tags when they are turned off', async () => {
    const repo = 'acme/nolegacy';
    const digest = await pushTestImage(direct, repo, 'v1');
    const stored = await storeSignatures(direct, repo, digest, {
      ...(await signedSet(direct, repo, digest)),
      legacy: false,
    });
    expect(stored.map((s) => s.placement.kind)).toEqual(['fallback-tag', 'fallback-tag']);
    expect(await readTagged(direct, repo, legacyTag(digest, 'sig'))).toBeUndefined();
    expect(await readTagged(direct, repo, legacyTag(digest, 'att'))).toBeUndefined();
  });

  describe('read back catches what did not land as written', () => {
    it('a registry serving altered bundle content', async () => {
      const repo = 'acme/altered';
      const digest = await pushTestImage(viaProxy, repo, 'v1');
      const stored = await attachBundle(
        viaProxy,
        repo,
        digest,
        await signer.dsse(statement(digest, PREDICATE.slsa)),
      );
      const layer = stored.layers[0]!.digest;
      proxy.alter = (path, body) =>
        path.endsWith(`/blobs/${layer}`) ? Buffer.from(body.toString().replace('"', "'")) : undefined;
      try {
        const err = await failure(readBack(viaProxy, [stored]));
        expect(err.code).toBe('VERIFY');
        expect(err.message).toContain(layer);
        expect((await failure(fetchBundles(viaProxy, repo, digest))).code).toBe('DIGEST_MISMATCH');
      } finally {
        proxy.alter = undefined;
      }
      expect(await readBack(viaProxy, [stored])).toEqual([stored.placement]);
    });

    it('a fallback index or legacy tag overwritten by another writer', async () => {
      const repo = 'acme/overwritten';
      const digest = await pushTestImage(direct, repo, 'v1');
      const stored = await storeSignatures(direct, repo, digest, await signedSet(direct, repo, digest));
      const tag = referrersTag(digest);
      // Another writer that read the index before these entries were added puts back an empty one.
      const empty = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] }));
      await direct.putManifest(repo, tag, empty, OCI_INDEX);
      const err = await failure(readBack(direct, stored.slice(0, 1)));
      expect(err.code).toBe('VERIFY');
      expect(err.message).toContain(`not listed among the referrers of ${digest} (index tag ${tag})`);
      // The same for the .sig tag, replaced by a manifest without this signature.
      const sig = stored.find((s) => s.placement.kind === 'legacy-sig')!;
      const foreign = await pushTestImage(direct, repo, 'foreign');
      const foreignManifest = await direct.getManifest(repo, foreign);
      await direct.putManifest(repo, legacyTag(digest, 'sig'), foreignManifest.bytes, OCI_MANIFEST);
      const sigErr = await failure(readBack(direct, [sig]));
      expect(sigErr.code).toBe('VERIFY');
      expect(sigErr.message).toContain('is not there as written');
    });
  });

  it('reports a failing registry in one line, with no success claimed', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'storage driver failed' }] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const failing = new RegistryClient({
        registry: `127.0.0.1:${port}`,
        credentials: null,
        retry: { retries: 1, baseMs: 1, maxMs: 5 },
      });
      const digest = `sha256:${'1'.repeat(64)}`;
      const bundle = await signer.dsse(statement(digest, PREDICATE.slsa));
      const err = await failure(attachBundle(failing, 'acme/app', digest, bundle));
      expect(err.code).toBe('REGISTRY');
      expect(err.message).toMatch(/answered 500/);
      const stored: StoredArtifact = {
        placement: { kind: 'referrers', reference: `127.0.0.1:${port}/acme/app@${digest}`, digest },
        repository: 'acme/app',
        subject: digest,
        manifest: Buffer.from('{}'),
        layers: [],
      };
      expect((await failure(readBack(failing, [stored]))).code).toBe('REGISTRY');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
