/**
 * Sigstore bundles next to an image, in the layout cosign's new bundle format and
 * `gh attestation verify --bundle-from-oci` read (cosign: specs/BUNDLE_SPEC.md, pkg/oci/remote/write.go
 * WriteAttestationNewBundleFormat): an OCI 1.1 artifact whose artifactType and only layer are the v0.3
 * bundle media type, `subject` the image, found by the referrers API or the fallback index; plus, unless
 * turned off, cosign's legacy `.sig`/`.att` tags that default admission policies read.
 */
import { ShipgateError } from '../core/errors';
import type { RegistryClient } from '../oci/client';
import { digestOf } from '../oci/digest';
import { attachArtifacts, subjectDescriptor, type AttachOptions } from '../oci/referrers';
import {
  appendLegacyLayers,
  legacyAttestationLayer,
  legacySignatureLayer,
  simpleSigningPayload,
  statementPredicateType,
} from './cosign-legacy';
import { manifestReference, type StoredArtifact } from './stored';
import { BUNDLE_V03_MEDIA_TYPE, PREDICATE, type SerializedBundle } from './types';

const BUNDLE_ANNOTATION = {
  content: 'dev.sigstore.bundle.content',
  predicateType: 'dev.sigstore.bundle.predicateType',
  created: 'org.opencontainers.image.created',
} as const;

export interface AttachBundleOptions extends AttachOptions {
  /** The creation time recorded in the manifest (default: now). */
  now?: Date;
}

/** The manifest annotations of a stored bundle; every fallback index entry carries the same. */
export function bundleAnnotations(bundle: SerializedBundle, now: Date = new Date()): Record<string, string> {
  if (bundle.mediaType !== BUNDLE_V03_MEDIA_TYPE)
    throw new ShipgateError(
      'SIGN',
      `store bundle: a ${bundle.mediaType || 'bundle without media type'} is not read from registries; v0.3 is`,
      { hint: 'cosign and gh read only v0.3 bundles from registries; sign with a v0.3 bundle' },
    );
  // RFC 3339 in seconds, as cosign writes it.
  const created = `${now.toISOString().slice(0, 19)}Z`;
  if (bundle.dsseEnvelope) {
    const predicateType = statementPredicateType(bundle);
    return {
      [BUNDLE_ANNOTATION.content]: 'dsse-envelope',
      ...(predicateType ? { [BUNDLE_ANNOTATION.predicateType]: predicateType } : {}),
      [BUNDLE_ANNOTATION.created]: created,
    };
  }
  if (bundle.messageSignature)
    return { [BUNDLE_ANNOTATION.content]: 'message-signature', [BUNDLE_ANNOTATION.created]: created };
  throw new ShipgateError(
    'SIGN',
    'store bundle: the bundle has neither a DSSE envelope nor a message signature',
  );
}

/** Stores a v0.3 bundle as an OCI artifact referring to `imageDigest`. */
export async function attachBundle(
  client: RegistryClient,
  repository: string,
  imageDigest: string,
  bundle: SerializedBundle,
  options: AttachBundleOptions = {},
): Promise<StoredArtifact> {
  const [stored] = await attachBundles(client, repository, imageDigest, [bundle], options);
  return stored!;
}

/** attachBundle for several bundles of one image, in order (the fallback index is updated once). */
async function attachBundles(
  client: RegistryClient,
  repository: string,
  imageDigest: string,
  bundles: SerializedBundle[],
  options: AttachBundleOptions = {},
): Promise<StoredArtifact[]> {
  const prepared = bundles.map((bundle) => ({
    annotations: bundleAnnotations(bundle, options.now),
    data: Buffer.from(JSON.stringify(bundle)),
  }));
  const subject = await subjectDescriptor(client, repository, imageDigest);
  const attached = await attachArtifacts(
    client,
    repository,
    subject,
    prepared.map(({ annotations, data }) => ({
      artifactType: BUNDLE_V03_MEDIA_TYPE,
      layers: [{ mediaType: BUNDLE_V03_MEDIA_TYPE, data }],
      annotations,
    })),
    options,
  );
  return attached.map(({ descriptor, manifest, via, tag }, i) => {
    const { annotations, data } = prepared[i]!;
    return {
      placement: {
        kind: via === 'api' ? 'referrers' : 'fallback-tag',
        reference: manifestReference(client.registry, repository, descriptor.digest),
        digest: descriptor.digest,
        ...(tag ? { tag } : {}),
      },
      repository,
      subject: imageDigest,
      manifest,
      layers: [{ mediaType: BUNDLE_V03_MEDIA_TYPE, digest: digestOf(data), data }],
      artifactType: BUNDLE_V03_MEDIA_TYPE,
      annotations,
    };
  });
}

export interface StoreInput {
  /** v0.3 bundles to store as referrers: the image signature and the attestations. */
  bundles: SerializedBundle[];
  /** A message-signature bundle over simpleSigningPayload(`reference`, digest), for the `.sig` tag. */
  legacySignature?: SerializedBundle;
  /** The docker-reference signed in the legacy payload (host/repository). */
  reference?: string;
  /** Whether to write cosign's legacy `.sig`/`.att` tags too (default true). */
  legacy?: boolean;
}

/**
 * Stores everything signed for an image: each bundle as a referrer, and (unless `legacy` is false) the
 * legacy signature in `.sig` and every attestation bundle in `.att`. Returns what was written, in order, for
 * read-back.
 */
export async function storeSignatures(
  client: RegistryClient,
  repository: string,
  imageDigest: string,
  input: StoreInput,
  options: AttachBundleOptions = {},
): Promise<StoredArtifact[]> {
  const legacy = input.legacy !== false;
  const reference = input.reference ?? `${client.registry}/${repository}`;
  const signatureLayers =
    legacy && input.legacySignature
      ? [legacySignatureLayer(input.legacySignature, simpleSigningPayload(reference, imageDigest))]
      : [];
  // cosign keeps image signatures in `.sig`; the DSSE form of one has no place among attestations.
  const attestationLayers = legacy
    ? input.bundles
        .filter((b) => {
          const predicateType = b.dsseEnvelope ? statementPredicateType(b) : undefined;
          return predicateType !== undefined && predicateType !== PREDICATE.signature;
        })
        .map(legacyAttestationLayer)
    : [];
  // Three different tags: each is updated once, and the three updates settle together.
  const [referrers, signatures, attestations] = await Promise.all([
    attachBundles(client, repository, imageDigest, input.bundles, options),
    signatureLayers.length
      ? appendLegacyLayers(client, repository, imageDigest, 'sig', signatureLayers, options)
      : [],
    attestationLayers.length
      ? appendLegacyLayers(client, repository, imageDigest, 'att', attestationLayers, options)
      : [],
  ]);
  return [...referrers, ...signatures, ...attestations];
}
