/**
 * Reading signatures back from a registry: every sigstore bundle stored as a referrer of an image, cosign's
 * legacy `.sig`/`.att` layers in structured form, and the check after storing that what was written is what
 * the registry now serves (registries have answered success for writes that never landed, or landed
 * elsewhere). Reads are bounded like Kyverno's (50 referrers, 10 MB each) and every blob is digest-checked.
 */
import { ShipgateError, isShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import type { Descriptor, RegistryClient } from '../oci/client';
import { verifyBytes } from '../oci/digest';
import { EMPTY_MEDIA_TYPE, listReferrers, parseIndex, readTagged } from '../oci/referrers';
import {
  COSIGN_ANNOTATION,
  holdsLayer,
  legacyTag,
  manifestLayers,
  type LegacyKind,
  type RekorSet,
} from './cosign-legacy';
import { manifestReference, type StoredArtifact } from './stored';
import type { Placement, SerializedBundle } from './types';

const BUNDLE_MEDIA_TYPE_PREFIX = 'application/vnd.dev.sigstore.bundle';
const MAX_REFERRERS = 50;
const MAX_BUNDLE_BYTES = 10 * 1024 * 1024;

export interface ReadLimits {
  /** Artifacts read at most (default 50). */
  maxCount?: number;
  /** Size of one bundle or payload at most (default 10 MB). */
  maxBytes?: number;
}

export interface FetchedBundle {
  bundle: SerializedBundle;
  /** The layer as stored. */
  bytes: Buffer;
  annotations: Record<string, string>;
  placement: Placement;
}

/** A legacy cosign layer: the payload and the verification material from its annotations. */
export interface LegacyEntry {
  kind: LegacyKind;
  mediaType: string;
  payload: Buffer;
  /** Base64 signature over the payload (empty for attestations: the envelope holds it). */
  signature: string;
  /** PEM leaf certificate. */
  certificate?: string;
  /** PEM intermediate and root certificates. */
  chain?: string;
  /** The Rekor SET. */
  set?: RekorSet;
  /** Base64 DER RFC 3161 timestamp response. */
  rfc3161Timestamp?: string;
  predicateType?: string;
  placement: Placement;
}

interface Manifest {
  artifactType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  annotations?: Record<string, string>;
}

function parseManifest(bytes: Buffer): Manifest {
  try {
    const doc = JSON.parse(bytes.toString('utf8')) as unknown;
    return typeof doc === 'object' && doc !== null ? (doc as Manifest) : {};
  } catch {
    return {};
  }
}

/** The blob of a descriptor, bounded and digest-checked. */
async function readLayer(
  client: RegistryClient,
  repository: string,
  layer: Descriptor,
  maxBytes: number,
): Promise<Buffer> {
  const what = `${manifestReference(client.registry, repository, layer.digest)}`;
  if (layer.size > maxBytes)
    throw new ShipgateError('VERIFY', `${what}: ${layer.size} bytes is more than the ${maxBytes} read`);
  const bytes = await client.getBlobBytes(repository, layer.digest, maxBytes);
  verifyBytes(bytes, layer.digest, what);
  return bytes;
}

function mayBeBundle(d: Descriptor): boolean {
  // Fallback indexes written by go-containerregistry before #2441 name the config type instead.
  return (
    d.artifactType === undefined ||
    d.artifactType === EMPTY_MEDIA_TYPE ||
    d.artifactType.startsWith(BUNDLE_MEDIA_TYPE_PREFIX)
  );
}

/** Every sigstore bundle stored as a referrer of `imageDigest`, with where each was found. */
export async function fetchBundles(
  client: RegistryClient,
  repository: string,
  imageDigest: string,
  limits: ReadLimits = {},
): Promise<FetchedBundle[]> {
  const maxCount = limits.maxCount ?? MAX_REFERRERS;
  const maxBytes = limits.maxBytes ?? MAX_BUNDLE_BYTES;
  const where = manifestReference(client.registry, repository, imageDigest);
  const listed = await listReferrers(client, repository, imageDigest);
  let candidates = listed.manifests.filter(mayBeBundle);
  if (candidates.length > maxCount) {
    logger().warn(
      `referrers of ${where}: ${candidates.length} may be bundles; reading the first ${maxCount}`,
    );
    candidates = candidates.slice(0, maxCount);
  }
  const out: FetchedBundle[] = [];
  for (const d of candidates) {
    const ref = manifestReference(client.registry, repository, d.digest);
    const got = await client.getManifest(repository, d.digest).catch((e: unknown) => {
      // An index entry whose manifest was deleted hides no other bundle.
      if (isShipgateError(e) && e.code === 'NOT_FOUND') return undefined;
      throw e;
    });
    if (!got) {
      logger().warn(`bundle ${ref}: listed as a referrer but not in the registry; skipped`);
      continue;
    }
    const m = parseManifest(got.bytes);
    const layer = m.layers?.[0];
    if (
      !m.artifactType?.startsWith(BUNDLE_MEDIA_TYPE_PREFIX) ||
      !layer?.mediaType.startsWith(BUNDLE_MEDIA_TYPE_PREFIX)
    )
      continue;
    if (layer.size > maxBytes) {
      logger().warn(`bundle ${ref}: ${layer.size} bytes; skipped (limit ${maxBytes})`);
      continue;
    }
    const data = await readLayer(client, repository, layer, maxBytes);
    let bundle: SerializedBundle;
    try {
      bundle = JSON.parse(data.toString('utf8')) as SerializedBundle;
    } catch {
      throw new ShipgateError('VERIFY', `bundle ${ref}: not JSON`);
    }
    if (typeof bundle.mediaType !== 'string' || !bundle.mediaType.startsWith(BUNDLE_MEDIA_TYPE_PREFIX))
      throw new ShipgateError('VERIFY', `bundle ${ref}: not a sigstore bundle`);
    out.push({
      bundle,
      bytes: data,
      annotations: m.annotations ?? {},
      placement: {
        kind: listed.via === 'api' ? 'referrers' : 'fallback-tag',
        reference: ref,
        digest: d.digest,
        ...(listed.tag ? { tag: listed.tag } : {}),
      },
    });
  }
  return out;
}

function parseSet(text: string | undefined, what: string): RekorSet | undefined {
  if (!text) return undefined;
  try {
    const set = JSON.parse(text) as RekorSet;
    if (typeof set.SignedEntryTimestamp === 'string' && typeof set.Payload?.body === 'string') return set;
  } catch {
    /* reported below */
  }
  throw new ShipgateError('VERIFY', `${what}: the ${COSIGN_ANNOTATION.bundle} annotation is not a Rekor SET`);
}

function parseTimestamp(text: string | undefined, what: string): string | undefined {
  if (!text) return undefined;
  try {
    const ts = JSON.parse(text) as { SignedRFC3161Timestamp?: unknown };
    if (typeof ts.SignedRFC3161Timestamp === 'string') return ts.SignedRFC3161Timestamp;
  } catch {
    /* reported below */
  }
  throw new ShipgateError(
    'VERIFY',
    `${what}: the ${COSIGN_ANNOTATION.rfc3161Timestamp} annotation is not a timestamp`,
  );
}

/** The layers of the legacy `.sig` or `.att` tag of `imageDigest`, empty when the tag does not exist. */
export async function readLegacy(
  client: RegistryClient,
  repository: string,
  imageDigest: string,
  kind: LegacyKind,
  limits: ReadLimits = {},
): Promise<LegacyEntry[]> {
  const maxCount = limits.maxCount ?? MAX_REFERRERS;
  const maxBytes = limits.maxBytes ?? MAX_BUNDLE_BYTES;
  const tag = legacyTag(imageDigest, kind);
  const where = `${client.registry}/${repository}:${tag}`;
  const doc = await readTagged(client, repository, tag);
  if (!doc) return [];
  let layers = manifestLayers(doc, where);
  if (layers.length > maxCount) {
    logger().warn(`${where}: ${layers.length} layers; reading the first ${maxCount}`);
    layers = layers.slice(0, maxCount);
  }
  const placement: Placement = {
    kind: kind === 'sig' ? 'legacy-sig' : 'legacy-att',
    reference: manifestReference(client.registry, repository, doc.digest),
    digest: doc.digest,
    tag,
  };
  const out: LegacyEntry[] = [];
  for (const layer of layers) {
    const what = `${where} layer ${layer.digest}`;
    const a = layer.annotations ?? {};
    const set = parseSet(a[COSIGN_ANNOTATION.bundle], what);
    const rfc3161Timestamp = parseTimestamp(a[COSIGN_ANNOTATION.rfc3161Timestamp], what);
    out.push({
      kind,
      mediaType: layer.mediaType,
      payload: await readLayer(client, repository, layer, maxBytes),
      signature: a[COSIGN_ANNOTATION.signature] ?? '',
      ...(a[COSIGN_ANNOTATION.certificate] ? { certificate: a[COSIGN_ANNOTATION.certificate] } : {}),
      ...(a[COSIGN_ANNOTATION.chain] ? { chain: a[COSIGN_ANNOTATION.chain] } : {}),
      ...(set ? { set } : {}),
      ...(rfc3161Timestamp ? { rfc3161Timestamp } : {}),
      ...(a[COSIGN_ANNOTATION.predicateType] ? { predicateType: a[COSIGN_ANNOTATION.predicateType] } : {}),
      placement,
    });
  }
  return out;
}

function sameAnnotations(
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): boolean {
  const x = Object.entries(a ?? {});
  const y = b ?? {};
  return x.length === Object.keys(y).length && x.every(([k, v]) => y[k] === v);
}

/** Runs a read, turning "not there" and "not what it says" into a VERIFY failure naming the placement. */
async function expectThere<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (isShipgateError(e) && (e.code === 'NOT_FOUND' || e.code === 'DIGEST_MISMATCH'))
      throw new ShipgateError('VERIFY', `read back ${what}: ${e.message}`, { cause: e });
    throw e;
  }
}

async function checkLayers(client: RegistryClient, s: StoredArtifact, what: string): Promise<void> {
  for (const l of s.layers) {
    const data = await expectThere(what, () =>
      readLayer(
        client,
        s.repository,
        { mediaType: l.mediaType, digest: l.digest, size: l.data.length },
        Infinity,
      ),
    );
    if (!data.equals(l.data))
      throw new ShipgateError('VERIFY', `read back ${what}: layer ${l.digest} differs from what was written`);
  }
}

async function readBackReferrer(client: RegistryClient, s: StoredArtifact): Promise<Placement> {
  const p = s.placement;
  const what = p.reference;
  const { bytes } = await expectThere(what, () => client.getManifest(s.repository, p.digest));
  if (!bytes.equals(s.manifest))
    throw new ShipgateError(
      'VERIFY',
      `read back ${what}: the registry serves another manifest than was written`,
    );
  await checkLayers(client, s, what);
  let listed: Descriptor[];
  if (p.kind === 'referrers') {
    const got = await listReferrers(client, s.repository, s.subject);
    if (got.via !== 'api')
      throw new ShipgateError('VERIFY', `read back ${what}: the registry no longer serves the referrers API`);
    listed = got.manifests;
  } else {
    const doc = await readTagged(client, s.repository, p.tag ?? '');
    listed = (doc && parseIndex(doc.bytes)?.manifests) || [];
  }
  const entry = listed.find((m) => m.digest === p.digest);
  if (!entry)
    throw new ShipgateError(
      'VERIFY',
      `read back ${what}: not listed among the referrers of ${s.subject}${p.tag ? ` (index tag ${p.tag})` : ''}`,
      { hint: 'another writer may have replaced the index; store the signatures again' },
    );
  if (entry.artifactType !== s.artifactType || !sameAnnotations(entry.annotations, s.annotations))
    throw new ShipgateError(
      'VERIFY',
      `read back ${what}: the referrers listing shows another artifactType or annotations than were written`,
    );
  return p;
}

async function readBackLegacy(client: RegistryClient, s: StoredArtifact): Promise<Placement> {
  const p = s.placement;
  const where = `${client.registry}/${s.repository}:${p.tag ?? ''}`;
  const doc = await readTagged(client, s.repository, p.tag ?? '');
  if (!doc) throw new ShipgateError('VERIFY', `read back ${where}: the tag does not exist`);
  const layers = manifestLayers(doc, where);
  for (const l of s.layers)
    if (!holdsLayer(layers, l.digest, l.annotations ?? {}))
      throw new ShipgateError('VERIFY', `read back ${where}: layer ${l.digest} is not there as written`, {
        hint: 'another writer may have replaced the tag; store the signatures again',
      });
  await checkLayers(client, s, where);
  // The tag's manifest changes as others append, so the placement names what it is now.
  return {
    ...p,
    digest: doc.digest,
    reference: manifestReference(client.registry, s.repository, doc.digest),
  };
}

/**
 * Re-reads everything that was stored and checks it is there as written (manifest bytes, layer content,
 * listings and annotations); returns the placements to report. Throws VERIFY on the first difference.
 */
export async function readBack(
  client: RegistryClient,
  stored: readonly StoredArtifact[],
): Promise<Placement[]> {
  const out: Placement[] = [];
  for (const s of stored)
    out.push(
      s.placement.kind === 'legacy-sig' || s.placement.kind === 'legacy-att'
        ? await readBackLegacy(client, s)
        : await readBackReferrer(client, s),
    );
  return out;
}
