/**
 * The pure parts of registry storage: cosign's simple-signing payload, bundle → legacy layer annotations,
 * cosign's config and manifest, the bundle manifest annotations, and the fallback index merge.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import type { SerializedBundle } from '@sigstore/bundle';
import { beforeAll, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { digestOf } from '../../../src/oci/digest';
import { nextLink } from '../../../src/oci/link';
import {
  artifactManifest,
  mergeIndex,
  parseIndex,
  referrerDescriptor,
  type OciIndex,
} from '../../../src/oci/referrers';
import {
  COSIGN_ANNOTATION,
  legacyAttestationLayer,
  legacyConfig,
  legacyManifest,
  legacySignatureLayer,
  legacyTag,
  simpleSigningPayload,
  verificationAnnotations,
} from '../../../src/sign/cosign-legacy';
import { signMessage, signStatement } from '../../../src/sign/bundle';
import { loadSigningKey } from '../../../src/sign/keys';
import { keySigner } from '../../../src/sign/signer';
import { bundleAnnotations } from '../../../src/sign/store';
import { BUNDLE_V03_MEDIA_TYPE, PREDICATE } from '../../../src/sign/types';
import { statement, testSigner, type TestSigner } from '../../support/sign-fixtures';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const INDEX = 'application/vnd.oci.image.index.v1+json';

function thrown(f: () => unknown): ShipgateError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ShipgateError);
    return e as ShipgateError;
  }
  throw new Error('expected a ShipgateError');
}

describe('cosign legacy formats', () => {
  let signer: TestSigner;
  let message: SerializedBundle;
  let dsse: SerializedBundle;
  const payload = simpleSigningPayload('registry.example/acme/app', DIGEST);
  beforeAll(async () => {
    signer = await testSigner();
    message = await signer.message(payload);
    dsse = await signer.dsse(statement(DIGEST, PREDICATE.slsa, { buildDefinition: { buildType: 'x' } }));
  });

  it('writes the .sig and .att layers of key-based bundles made without a log or timestamp (air-gapped)', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const key = loadSigningKey({
      pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      where: 'test key',
    });
    const offline = { kind: 'key' as const, signer: keySigner(key), witnesses: [] };
    const sig = legacySignatureLayer(await signMessage(payload, offline), payload);
    expect(sig.annotations?.[COSIGN_ANNOTATION.signature]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(sig.annotations).not.toHaveProperty(COSIGN_ANNOTATION.certificate);
    expect(sig.annotations).not.toHaveProperty(COSIGN_ANNOTATION.bundle);
    const att = legacyAttestationLayer(
      await signStatement(statement(DIGEST, PREDICATE.approval, { approved: true }), offline),
    );
    expect(att.annotations?.predicateType).toBe(PREDICATE.approval);
  });

  it('writes the simple-signing payload byte for byte as sigstore/sigstore marshals it', () => {
    expect(payload.toString()).toBe(
      `{"critical":{"identity":{"docker-reference":"registry.example/acme/app"},"image":{"docker-manifest-digest":"${DIGEST}"},"type":"cosign container image signature"},"optional":null}`,
    );
    expect(legacyTag(DIGEST, 'sig')).toBe(`sha256-${'ab'.repeat(32)}.sig`);
    expect(legacyTag(DIGEST, 'att')).toBe(`sha256-${'ab'.repeat(32)}.att`);
  });

  it('turns a message-signature bundle into the .sig layer annotations', () => {
    expect(message.mediaType).toBe('application/vnd.dev.sigstore.bundle+json;version=0.2');
    const layer = legacySignatureLayer(message, payload);
    expect(layer.mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
    expect(layer.payload.equals(payload)).toBe(true);
    expect(Object.keys(layer.annotations)).toEqual([
      'dev.cosignproject.cosign/signature',
      'dev.sigstore.cosign/bundle',
      'dev.sigstore.cosign/certificate',
      'dev.sigstore.cosign/chain',
      'dev.sigstore.cosign/rfc3161timestamp',
    ]);
    const a = layer.annotations;
    expect(a[COSIGN_ANNOTATION.signature]).toBe(message.messageSignature!.signature);
    expect(a[COSIGN_ANNOTATION.certificate]).toBe(signer.certificate);
    expect(a[COSIGN_ANNOTATION.chain]).toBe('');
    const entry = message.verificationMaterial.tlogEntries[0]!;
    const set = JSON.parse(a[COSIGN_ANNOTATION.bundle]!) as Record<string, unknown>;
    expect(set).toEqual({
      SignedEntryTimestamp: entry.inclusionPromise!.signedEntryTimestamp,
      Payload: {
        body: entry.canonicalizedBody,
        integratedTime: Number(entry.integratedTime),
        logIndex: Number(entry.logIndex),
        logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
      },
    });
    expect(Object.keys(set)).toEqual(['SignedEntryTimestamp', 'Payload']);
    expect(Object.keys(set.Payload as object)).toEqual(['body', 'integratedTime', 'logIndex', 'logID']);
    expect(JSON.parse(a[COSIGN_ANNOTATION.rfc3161Timestamp]!)).toEqual({
      SignedRFC3161Timestamp:
        message.verificationMaterial.timestampVerificationData!.rfc3161Timestamps[0]!.signedTimestamp,
    });
  });

  it('refuses a bundle over another payload, and a DSSE bundle for .sig', () => {
    const other = simpleSigningPayload('registry.example/acme/other', DIGEST);
    expect(thrown(() => legacySignatureLayer(message, other)).code).toBe('SIGN');
    expect(thrown(() => legacySignatureLayer(dsse, payload)).message).toContain('not a message signature');
  });

  it('reads bundles whose JSON leaves out empty timestamp and log entry lists, as protobuf JSON does', () => {
    const { tlogEntries: _entries, ...rest } = message.verificationMaterial;
    const bare = {
      ...message,
      verificationMaterial: { ...rest, timestampVerificationData: {} },
    } as unknown as SerializedBundle;
    const a = verificationAnnotations(bare);
    expect(a[COSIGN_ANNOTATION.certificate]).toBe(signer.certificate);
    expect(a[COSIGN_ANNOTATION.rfc3161Timestamp]).toBeUndefined();
    expect(a[COSIGN_ANNOTATION.bundle]).toBeUndefined();
    expect(legacySignatureLayer(bare, payload).annotations[COSIGN_ANNOTATION.certificate]).toBe(
      signer.certificate,
    );
  });

  it('puts certificates after the leaf into the chain annotation', () => {
    const leaf = message.verificationMaterial.x509CertificateChain!.certificates[0]!;
    const withChain = {
      ...message,
      verificationMaterial: {
        ...message.verificationMaterial,
        x509CertificateChain: { certificates: [leaf, { rawBytes: signer.root.toString('base64') }] },
      },
    } as SerializedBundle;
    const a = verificationAnnotations(withChain);
    expect(a[COSIGN_ANNOTATION.certificate]).toBe(signer.certificate);
    expect(a[COSIGN_ANNOTATION.chain]).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/,
    );
    const der = a[COSIGN_ANNOTATION.chain]!.replace(/-----[A-Z ]+-----|\n/g, '');
    expect(Buffer.from(der, 'base64').equals(signer.root)).toBe(true);
  });

  it('turns a DSSE bundle into the .att layer: the envelope as cosign marshals it, predicateType, empty signature', () => {
    const layer = legacyAttestationLayer(dsse);
    expect(layer.mediaType).toBe('application/vnd.dsse.envelope.v1+json');
    const env = dsse.dsseEnvelope!;
    expect(layer.payload.toString()).toBe(
      JSON.stringify({
        payload: env.payload,
        payloadType: 'application/vnd.in-toto+json',
        signatures: [{ sig: env.signatures[0]!.sig }],
      }),
    );
    expect(layer.annotations.predicateType).toBe(PREDICATE.slsa);
    expect(layer.annotations[COSIGN_ANNOTATION.signature]).toBe('');
    expect(layer.annotations[COSIGN_ANNOTATION.certificate]).toBe(signer.certificate);
    expect(layer.annotations[COSIGN_ANNOTATION.bundle]).toContain('"SignedEntryTimestamp"');
    expect(thrown(() => legacyAttestationLayer(message)).code).toBe('SIGN');
  });

  it("writes go-containerregistry's empty-image config and an OCI manifest over the layers", () => {
    const d1 = digestOf(Buffer.from('one'));
    const d2 = digestOf(Buffer.from('two'));
    expect(legacyConfig([d1, d2]).toString()).toBe(
      `{"architecture":"","created":"0001-01-01T00:00:00Z","history":[{"created":"0001-01-01T00:00:00Z"},{"created":"0001-01-01T00:00:00Z"}],"os":"","rootfs":{"type":"layers","diff_ids":["${d1}","${d2}"]},"config":{}}`,
    );
    const config = { mediaType: 'application/vnd.oci.image.config.v1+json', digest: d1, size: 3 };
    const layer = {
      mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
      digest: d2,
      size: 3,
      annotations: { a: 'b' },
    };
    expect(JSON.parse(legacyManifest(config, [layer]).toString())).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config,
      layers: [layer],
    });
  });
});

describe('bundle manifest annotations', () => {
  it('names the content, the predicate type and the creation time in seconds', async () => {
    const signer = await testSigner();
    const dsse = await signer.dsse(statement(DIGEST, PREDICATE.signature));
    expect(dsse.mediaType).toBe(BUNDLE_V03_MEDIA_TYPE);
    expect(bundleAnnotations(dsse, new Date('2026-03-04T05:06:07.890Z'))).toEqual({
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': PREDICATE.signature,
      'org.opencontainers.image.created': '2026-03-04T05:06:07Z',
    });
    const message = await signer.message(Buffer.from('hello'));
    const err = thrown(() => bundleAnnotations(message));
    expect(err.code).toBe('SIGN');
    expect(err.message).toContain('v0.3');
    const v03 = { ...message, mediaType: BUNDLE_V03_MEDIA_TYPE } as SerializedBundle;
    expect(bundleAnnotations(v03, new Date(0))).toEqual({
      'dev.sigstore.bundle.content': 'message-signature',
      'org.opencontainers.image.created': '1970-01-01T00:00:00Z',
    });
  });
});

describe('referrers index and artifact manifest', () => {
  const d = (n: number) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: `sha256:${createHash('sha256').update(String(n)).digest('hex')}`,
    size: n,
  });

  it('adds an entry, keeps every existing one and other fields, collapses duplicates', () => {
    const fresh = mergeIndex(undefined, d(1));
    expect(fresh).toEqual({
      index: { schemaVersion: 2, mediaType: INDEX, manifests: [d(1)] },
      changed: true,
    });
    const existing: OciIndex = {
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [d(1), d(2), d(1)],
      annotations: { keep: 'me' },
    };
    const added = mergeIndex(existing, d(3));
    expect(added.changed).toBe(true);
    expect(added.index.manifests).toEqual([d(1), d(2), d(3)]);
    expect(added.index.annotations).toEqual({ keep: 'me' });
    expect(mergeIndex(existing, d(2))).toMatchObject({ changed: true, index: { manifests: [d(1), d(2)] } });
    expect(mergeIndex(added.index, d(2))).toEqual({ index: added.index, changed: false });
  });

  it('parses only image indexes', () => {
    expect(parseIndex(Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [] })))?.mediaType).toBe(
      INDEX,
    );
    expect(parseIndex(Buffer.from('<html>ok</html>'))).toBeUndefined();
    expect(parseIndex(Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [] })))).toBeUndefined();
    expect(
      parseIndex(
        Buffer.from(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            manifests: [],
          }),
        ),
      ),
    ).toBeUndefined();
  });

  it('follows a next link only on the same origin', () => {
    const base = 'http://127.0.0.1:5000';
    expect(nextLink('</v2/a/referrers/sha256:x?last=y>; rel="next"', base)).toBe(
      'http://127.0.0.1:5000/v2/a/referrers/sha256:x?last=y',
    );
    expect(nextLink('<https://evil.example/v2/a>; rel="next"', base)).toBeUndefined();
    expect(nextLink('</v2/a?x>; rel="prev"', base)).toBeUndefined();
    expect(nextLink(null, base)).toBeUndefined();
  });

  it('builds a v1.1 artifact manifest and the descriptor an index lists for it', () => {
    const empty = {
      mediaType: 'application/vnd.oci.empty.v1+json',
      digest: digestOf(Buffer.from('{}')),
      size: 2,
    };
    const layer = { ...d(7), mediaType: BUNDLE_V03_MEDIA_TYPE };
    const subject = { ...d(9), annotations: { dropped: 'yes' } };
    const bytes = artifactManifest(BUNDLE_V03_MEDIA_TYPE, empty, [layer], subject, { a: '1' });
    expect(JSON.parse(bytes.toString())).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: BUNDLE_V03_MEDIA_TYPE,
      config: empty,
      layers: [layer],
      subject: d(9),
      annotations: { a: '1' },
    });
    expect(empty.digest).toBe('sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(referrerDescriptor(bytes)).toEqual({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: digestOf(bytes),
      size: bytes.length,
      artifactType: BUNDLE_V03_MEDIA_TYPE,
      annotations: { a: '1' },
    });
    const noType = Buffer.from(
      JSON.stringify({ schemaVersion: 2, config: { mediaType: 'application/x.cfg' }, layers: [] }),
    );
    expect(referrerDescriptor(noType).artifactType).toBe('application/x.cfg');
  });
});
