/**
 * cosign's legacy storage, the only one Kyverno's default `verifyImages` and policy-controller's default
 * read: the tags `sha256-<hex>.sig` (simple-signing payloads, signature in an annotation) and
 * `sha256-<hex>.att` (DSSE envelopes), one image manifest each, one layer per signature or attestation,
 * verification material in layer annotations. Formats follow cosign: pkg/oci/static/signature.go and
 * options.go (annotations), pkg/oci/internal/signature/layer.go (reading), pkg/oci/empty/empty.go and
 * go-containerregistry mutate (manifest and config), cmd/cosign/cli/signcommon/common.go (bundle → SET),
 * cmd/cosign/cli/sign/sign.go and attest/attest.go (what goes where); the payload is
 * sigstore/sigstore pkg/signature/payload/payload.go.
 */
import { createHash } from 'node:crypto';
import { ShipgateError } from '../core/errors';
import { compareText } from '../core/order';
import type { Descriptor, RegistryClient } from '../oci/client';
import { digestOf, parseDigest } from '../oci/digest';
import { MT } from '../oci/media-types';
import { updateTag, type TagUpdateOptions, type TaggedDocument } from '../oci/referrers';
import { manifestReference, type StoredArtifact } from './stored';
import { IN_TOTO_PAYLOAD_TYPE, type SerializedBundle } from './types';

const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
const DSSE_ENVELOPE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
const COSIGN_SIGNATURE_TYPE = 'cosign container image signature';

export const COSIGN_ANNOTATION = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  rfc3161Timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
  predicateType: 'predicateType',
} as const;

/** cosign refuses signature manifests with more layers (pkg/oci/mutate/signatures.go). */
const MAX_LAYERS = 1000;
/** Message digest algorithms of a bundle (protobuf-specs HashAlgorithm) → node:crypto names. */
const HASHES: Record<string, string> = { SHA2_256: 'sha256', SHA2_384: 'sha384', SHA2_512: 'sha512' };
/** go-containerregistry's zero time, which cosign leaves in its configs unless asked to record one. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

export type LegacyKind = 'sig' | 'att';

/** A layer for a legacy tag: the payload blob and its descriptor annotations. */
export interface LegacyLayer {
  mediaType: string;
  payload: Buffer;
  annotations: Record<string, string>;
}

/** The Rekor SET cosign keeps in `dev.sigstore.cosign/bundle` (pkg/cosign/bundle/rekor.go). */
export interface RekorSet {
  SignedEntryTimestamp: string;
  Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
}

/** The tag cosign stores signatures (`sig`) or attestations (`att`) of `digest` under. */
export function legacyTag(digest: string, kind: LegacyKind): string {
  const { algorithm, hex } = parseDigest(digest, 'image digest');
  return `${algorithm}-${hex}.${kind}`;
}

/**
 * The simple-signing payload cosign signs for an image, byte for byte as Go's encoding/json writes it:
 * `reference` is the repository (host/path), `digest` the manifest digest.
 */
export function simpleSigningPayload(reference: string, digest: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': reference },
        image: { 'docker-manifest-digest': digest },
        type: COSIGN_SIGNATURE_TYPE,
      },
      optional: null,
    }),
  );
}

function b64(s: string | undefined, what: string): Buffer {
  if (!s) throw new ShipgateError('SIGN', `legacy cosign layer: the bundle has no ${what}`);
  return Buffer.from(s, 'base64');
}

function pem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Sorted keys, as Go's encoding/json writes a map. */
function sorted(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => compareText(a, b)));
}

/** The certificate, chain, SET and RFC 3161 annotations from a bundle's verification material. */
export function verificationAnnotations(bundle: SerializedBundle): Record<string, string> {
  const vm = bundle.verificationMaterial;
  const out: Record<string, string> = {};
  const certs = vm.x509CertificateChain
    ? vm.x509CertificateChain.certificates.map((c) => c.rawBytes)
    : vm.certificate
      ? [vm.certificate.rawBytes]
      : [];
  if (certs.length) {
    out[COSIGN_ANNOTATION.certificate] = pem(b64(certs[0], 'certificate'));
    out[COSIGN_ANNOTATION.chain] = certs
      .slice(1)
      .map((c) => pem(b64(c, 'certificate')))
      .join('');
  }
  // Bundle JSON leaves out empty repeated fields (protobuf JSON): no timestamp or no log entry is no array.
  const ts = vm.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp;
  if (ts)
    out[COSIGN_ANNOTATION.rfc3161Timestamp] = JSON.stringify({
      SignedRFC3161Timestamp: b64(ts, 'RFC 3161 timestamp').toString('base64'),
    });
  const entry = vm.tlogEntries?.[0];
  // Only a Rekor v1 entry has a SET; without one, verifiers of this format have nothing to check.
  if (entry?.inclusionPromise) {
    const set: RekorSet = {
      SignedEntryTimestamp: b64(entry.inclusionPromise.signedEntryTimestamp, 'SET').toString('base64'),
      Payload: {
        body: b64(entry.canonicalizedBody, 'transparency log body').toString('base64'),
        integratedTime: Number(entry.integratedTime),
        logIndex: Number(entry.logIndex),
        logID: b64(entry.logId.keyId, 'log ID').toString('hex'),
      },
    };
    out[COSIGN_ANNOTATION.bundle] = JSON.stringify(set);
  }
  return out;
}

/**
 * The `.sig` layer for a message-signature bundle over `payload` (a simple-signing payload): the payload
 * blob, the signature, certificate, chain, SET and timestamp as annotations.
 */
export function legacySignatureLayer(bundle: SerializedBundle, payload: Buffer): LegacyLayer {
  const ms = bundle.messageSignature;
  if (!ms)
    throw new ShipgateError('SIGN', 'legacy cosign signature: the bundle is not a message signature', {
      hint: 'the `.sig` tag holds signatures over the simple-signing payload (signMessage)',
    });
  const algorithm = ms.messageDigest && HASHES[ms.messageDigest.algorithm];
  if (
    ms.messageDigest &&
    (!algorithm ||
      !Buffer.from(ms.messageDigest.digest, 'base64').equals(createHash(algorithm).update(payload).digest()))
  )
    throw new ShipgateError('SIGN', 'legacy cosign signature: the bundle signs another payload');
  return {
    mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
    payload,
    annotations: sorted({
      ...verificationAnnotations(bundle),
      [COSIGN_ANNOTATION.signature]: b64(ms.signature, 'signature').toString('base64'),
    }),
  };
}

/** The predicate type of the in-toto statement in a DSSE bundle, when it carries one. */
export function statementPredicateType(bundle: SerializedBundle): string | undefined {
  const env = bundle.dsseEnvelope;
  if (env?.payloadType !== IN_TOTO_PAYLOAD_TYPE) return undefined;
  try {
    const statement = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as {
      predicateType?: unknown;
    };
    return typeof statement.predicateType === 'string' ? statement.predicateType : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `.att` layer for a DSSE bundle: the envelope JSON as cosign marshals it, `predicateType`, and the
 * verification material annotations; the signature annotation is empty, the signature being in the envelope.
 */
export function legacyAttestationLayer(bundle: SerializedBundle): LegacyLayer {
  const env = bundle.dsseEnvelope;
  if (!env) throw new ShipgateError('SIGN', 'legacy cosign attestation: the bundle has no DSSE envelope');
  const predicateType = statementPredicateType(bundle);
  if (!predicateType)
    throw new ShipgateError('SIGN', 'legacy cosign attestation: the envelope holds no in-toto statement');
  const envelope = {
    payload: env.payload,
    payloadType: env.payloadType,
    signatures: env.signatures.map((s) => ({ sig: s.sig, ...(s.keyid ? { keyid: s.keyid } : {}) })),
  };
  return {
    mediaType: DSSE_ENVELOPE_MEDIA_TYPE,
    payload: Buffer.from(JSON.stringify(envelope)),
    annotations: sorted({
      ...verificationAnnotations(bundle),
      [COSIGN_ANNOTATION.predicateType]: predicateType,
      [COSIGN_ANNOTATION.signature]: '',
    }),
  };
}

/** The image config cosign writes: go-containerregistry's empty image with one history entry per layer. */
export function legacyConfig(layerDigests: string[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: '',
      created: ZERO_TIME,
      history: layerDigests.map(() => ({ created: ZERO_TIME })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layerDigests },
      config: {},
    }),
  );
}

/** The `.sig`/`.att` manifest over `layers` (payloads are stored uncompressed: digest = diff ID). */
export function legacyManifest(config: Descriptor, layers: Descriptor[]): Buffer {
  const desc = (d: Descriptor) => ({
    mediaType: d.mediaType,
    size: d.size,
    digest: d.digest,
    ...(d.annotations ? { annotations: d.annotations } : {}),
  });
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      config: desc(config),
      layers: layers.map(desc),
    }),
  );
}

/** The layers of a manifest read from a legacy tag. */
export function manifestLayers(doc: TaggedDocument, where: string): Descriptor[] {
  let parsed: { layers?: unknown };
  try {
    parsed = JSON.parse(doc.bytes.toString('utf8')) as { layers?: unknown };
  } catch {
    parsed = {};
  }
  if (!Array.isArray(parsed.layers))
    throw new ShipgateError(
      'SIGN',
      `${where}: the tag holds a ${doc.mediaType || 'document'} that is not an image manifest`,
      {
        hint: 'this tag is reserved for cosign signatures and attestations; delete or rename what is there',
      },
    );
  return parsed.layers as Descriptor[];
}

function sameAnnotations(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  const x = Object.entries(a ?? {});
  return x.length === Object.keys(b).length && x.every(([k, v]) => b[k] === v);
}

/** Whether `layers` already hold this payload with these annotations. */
export function holdsLayer(
  layers: Descriptor[],
  digest: string,
  annotations: Record<string, string>,
): boolean {
  return layers.some((l) => l.digest === digest && sameAnnotations(l.annotations, annotations));
}

/**
 * Adds a signature (`sig`) or attestation (`att`) layer to the legacy tag of `imageDigest`, keeping the
 * layers already there (cosign appends) and not repeating an identical layer.
 */
export async function appendLegacyLayer(
  client: RegistryClient,
  repository: string,
  imageDigest: string,
  kind: LegacyKind,
  layer: LegacyLayer,
  options: TagUpdateOptions = {},
): Promise<StoredArtifact> {
  const [stored] = await appendLegacyLayers(client, repository, imageDigest, kind, [layer], options);
  return stored!;
}

/** appendLegacyLayer for several layers, in order, in one update of the tag; one stored artifact per layer. */
export async function appendLegacyLayers(
  client: RegistryClient,
  repository: string,
  imageDigest: string,
  kind: LegacyKind,
  layers: LegacyLayer[],
  options: TagUpdateOptions = {},
): Promise<StoredArtifact[]> {
  const tag = legacyTag(imageDigest, kind);
  const where = `${client.registry}/${repository}:${tag}`;
  const wanted = layers.map((layer) => ({ layer, digest: digestOf(layer.payload) }));
  const doc = await updateTag(
    client,
    repository,
    tag,
    {
      what: kind === 'sig' ? 'cosign signatures' : 'cosign attestations',
      apply: async (current) => {
        const existing = current ? manifestLayers(current, where) : [];
        const missing = wanted.filter((w) => !holdsLayer(existing, w.digest, w.layer.annotations));
        if (missing.length === 0) return undefined;
        if (existing.length + missing.length > MAX_LAYERS)
          throw new ShipgateError(
            'SIGN',
            `${where}: already ${existing.length} layers, cosign reads at most ${MAX_LAYERS}`,
          );
        const all = [...existing];
        for (const { layer } of missing) {
          const added = await client.pushBlob(repository, layer.payload, layer.mediaType);
          all.push({ ...added, annotations: layer.annotations });
        }
        const config = await client.pushBlob(
          repository,
          legacyConfig(all.map((l) => l.digest)),
          MT.ociConfig,
        );
        return { bytes: legacyManifest(config, all), mediaType: MT.ociManifest };
      },
      holds: (current) => {
        const held = current ? manifestLayers(current, where) : undefined;
        return held ? wanted.every((w) => holdsLayer(held, w.digest, w.layer.annotations)) : false;
      },
    },
    options,
  );
  return wanted.map(({ layer, digest }) => ({
    placement: {
      kind: kind === 'sig' ? 'legacy-sig' : 'legacy-att',
      reference: manifestReference(client.registry, repository, doc.digest),
      digest: doc.digest,
      tag,
    },
    repository,
    subject: imageDigest,
    manifest: doc.bytes,
    layers: [{ mediaType: layer.mediaType, digest, data: layer.payload, annotations: layer.annotations }],
  }));
}
