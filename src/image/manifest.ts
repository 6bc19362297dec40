/**
 * Manifests and indexes: parsing with clear errors, platform selection, and turning a manifest plus its
 * config into ImageInfo with the layers' history mapped on. Field types are checked by ./format.
 */
import { ShipgateError } from '../core/errors';
import { oneLine } from '../core/text';
import { isDigest, parseDigest } from '../oci/digest';
import { INDEX_TYPES, MANIFEST_TYPES, MT, isLayerMediaType } from '../oci/media-types';
import { formatPlatform, parsePlatform } from '../oci/platform';
import { Fields, checkDescriptorFields, checkImageConfig, isObject } from './format';
import { defaultPlatform } from './options';
import type { ImageConfig, ImageIndex, LayerInfo, Platform } from './types';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform & { 'os.version'?: string };
  annotations?: Record<string, string>;
  artifactType?: string;
  urls?: string[];
}

export interface IndexDoc {
  kind: 'index';
  mediaType: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ManifestDoc {
  kind: 'manifest';
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new ShipgateError('IMAGE_FORMAT', `${what}: not valid JSON`);
  }
}

function descriptor(v: unknown, what: string): Descriptor {
  if (!isObject(v) || typeof v.digest !== 'string' || typeof v.mediaType !== 'string')
    throw new ShipgateError('IMAGE_FORMAT', `${what}: descriptor without mediaType or digest`);
  parseDigest(v.digest, what);
  checkDescriptorFields(new Fields(v, what));
  const size = typeof v.size === 'number' ? v.size : -1;
  return { ...(v as object), mediaType: v.mediaType, digest: v.digest, size } as Descriptor;
}

/** Parses a manifest or an index; Docker schema 1 and unknown types are refused with UNSUPPORTED. */
export function parseManifest(
  bytes: Uint8Array,
  what: string,
  mediaTypeHint?: string,
): IndexDoc | ManifestDoc {
  const doc = parseJson(bytes, what);
  if (!isObject(doc)) throw new ShipgateError('IMAGE_FORMAT', `${what}: expected a JSON object`);
  const fields = new Fields(doc, what);
  fields.string('mediaType');
  fields.stringMap('annotations');
  const hint = mediaTypeHint?.split(';')[0]?.trim();
  const mediaType =
    typeof doc.mediaType === 'string'
      ? doc.mediaType
      : hint && hint !== 'application/json'
        ? hint
        : Array.isArray(doc.manifests)
          ? MT.ociIndex
          : MT.ociManifest;
  if (doc.schemaVersion === 1 || mediaType === MT.dockerSchema1 || mediaType === MT.dockerSchema1Signed)
    throw new ShipgateError('UNSUPPORTED', `${what}: Docker image manifest schema 1 is not supported`, {
      hint: 'push the image again with a current Docker or buildah, which write schema 2 / OCI manifests',
    });
  if (INDEX_TYPES.has(mediaType) || (Array.isArray(doc.manifests) && !doc.layers)) {
    if (!Array.isArray(doc.manifests))
      throw new ShipgateError('IMAGE_FORMAT', `${what}: index without manifests`);
    return {
      kind: 'index',
      mediaType,
      manifests: doc.manifests.map((m, i) => descriptor(m, `${what} manifests[${i}]`)),
      ...(doc.annotations !== undefined ? { annotations: doc.annotations as Record<string, string> } : {}),
    };
  }
  if (MANIFEST_TYPES.has(mediaType) || (isObject(doc.config) && Array.isArray(doc.layers))) {
    if (!isObject(doc.config) || !Array.isArray(doc.layers))
      throw new ShipgateError('IMAGE_FORMAT', `${what}: manifest without config or layers`);
    const out: ManifestDoc = {
      kind: 'manifest',
      mediaType,
      config: descriptor(doc.config, `${what} config`),
      layers: doc.layers.map((l, i) => descriptor(l, `${what} layers[${i}]`)),
    };
    if (doc.subject !== undefined && doc.subject !== null)
      out.subject = descriptor(doc.subject, `${what} subject`);
    if (doc.annotations !== undefined) out.annotations = doc.annotations as Record<string, string>;
    return out;
  }
  throw new ShipgateError(
    'UNSUPPORTED',
    `${what}: unsupported manifest media type "${mediaType.slice(0, 100)}"`,
  );
}

function isAttestation(d: Descriptor): boolean {
  return (
    d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown')
  );
}

/**
 * What an index lists, split into the images (one per platform; a nested index stays an entry, for the
 * caller to refuse or follow) and the entries that are no image, each with the reason it is skipped.
 */
export function indexEntries(doc: IndexDoc, digest: string): ImageIndex {
  const out: ImageIndex = { digest, mediaType: doc.mediaType, platforms: [], skipped: [] };
  for (const d of doc.manifests) {
    if (isAttestation(d)) {
      // Annotations and platforms are the index author's text: only a well-formed digest is repeated.
      const of = d.annotations?.['vnd.docker.reference.digest'];
      out.skipped.push({
        digest: d.digest,
        reason: `attestation manifest${of !== undefined && isDigest(of) ? ` for ${of}` : ''} (${d.platform ? oneLine(formatPlatform(d.platform)).slice(0, 100) : 'no platform'}), not an image`,
      });
    } else if (MANIFEST_TYPES.has(d.mediaType) || INDEX_TYPES.has(d.mediaType))
      out.platforms.push({
        digest: d.digest,
        mediaType: d.mediaType,
        size: d.size,
        ...(d.platform ? { platform: platformOf(d.platform) } : {}),
      });
    else
      out.skipped.push({
        digest: d.digest,
        reason: `${oneLine(d.mediaType).slice(0, 100)} is not an image manifest`,
      });
  }
  return out;
}

function variantMatches(want: Platform, have: Platform | undefined, strict: boolean): boolean {
  if (!want.variant) return true;
  if (!have?.variant) return !strict && (want.variant === 'v8' || want.architecture !== 'arm');
  return have.variant === want.variant;
}

/**
 * Picks the manifest for `wanted` (default the runner's) from an index's descriptors. An arm64 request
 * without variant matches "v8" and vice versa. A missing platform is UNSUPPORTED, listing the ones there are,
 * unless `anyPlatform` takes the first image when none was asked for and the runner's is not there.
 */
export function selectPlatform(
  manifests: Descriptor[],
  wanted: string | undefined,
  what: string,
  anyPlatform = false,
): { chosen: Descriptor; others: Platform[] } {
  const images = manifests.filter(
    (d) => !isAttestation(d) && (MANIFEST_TYPES.has(d.mediaType) || INDEX_TYPES.has(d.mediaType)),
  );
  if (images.length === 0)
    throw new ShipgateError('IMAGE_FORMAT', `${what}: the index lists no image manifests`);
  const want = wanted ? parsePlatform(wanted) : defaultPlatform();
  const withPlatform = images.filter((d) => d.platform);
  if (withPlatform.length === 0 && images.length === 1 && !wanted) return { chosen: images[0]!, others: [] };
  const candidates = withPlatform.filter(
    (d) => d.platform!.os === want.os && d.platform!.architecture === want.architecture,
  );
  const chosen =
    candidates.find((d) => variantMatches(want, d.platform, true)) ??
    candidates.find((d) => variantMatches(want, d.platform, false)) ??
    (!wanted && !want.variant ? candidates[0] : undefined) ??
    (!wanted && anyPlatform ? images[0] : undefined);
  if (!chosen) {
    const available = withPlatform.map((d) => formatPlatform(d.platform!));
    throw new ShipgateError(
      'UNSUPPORTED',
      `${what}: no image for platform ${formatPlatform(want)}; available: ${available.join(', ') || 'none'}`,
      { hint: 'choose one of the available platforms with --platform os/arch[/variant]' },
    );
  }
  const others = withPlatform.filter((d) => d !== chosen).map((d) => platformOf(d.platform!));
  return { chosen, others };
}

function platformOf(p: Platform): Platform {
  const out: Platform = { os: p.os, architecture: p.architecture };
  if (p.variant) out.variant = p.variant;
  return out;
}

/** Validates an image config field by field (see ./format) and returns it typed. */
export function parseConfig(bytes: Uint8Array, what: string): ImageConfig {
  return checkImageConfig(parseJson(bytes, what), what);
}

/** The `created_by` of each layer: history entries marked empty_layer made no layer and are skipped. */
export function layerHistory(config: ImageConfig, layerCount: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const h of config.history ?? []) {
    if (h.empty_layer) continue;
    out.push(h.created_by);
  }
  // History shorter than the layers happens (squashed images); pad so indexes stay aligned.
  while (out.length < layerCount) out.push(undefined);
  return out.slice(0, layerCount);
}

/** LayerInfo for each layer descriptor, refusing media types that are not tar layers. */
export function layerInfos(manifest: ManifestDoc, config: ImageConfig, what: string): LayerInfo[] {
  const history = layerHistory(config, manifest.layers.length);
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length && diffIds.length !== manifest.layers.length)
    throw new ShipgateError(
      'IMAGE_FORMAT',
      `${what}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length} diff_ids`,
    );
  return manifest.layers.map((l, index) => {
    if (!isLayerMediaType(l.mediaType))
      throw new ShipgateError(
        'UNSUPPORTED',
        `${what}: layer ${index} has unsupported media type "${l.mediaType}"`,
        {
          hint: 'shipgate reads container image layers (tar, tar+gzip, tar+zstd); is this an artifact rather than an image?',
        },
      );
    const info: LayerInfo = { index, digest: l.digest, mediaType: l.mediaType, size: l.size };
    if (diffIds[index]) info.diffId = diffIds[index];
    const createdBy = history[index];
    if (createdBy !== undefined) info.createdBy = createdBy;
    return info;
  });
}
