/**
 * Copies an image to a registry in two steps: upload every blob, then put the manifest. Each layer is
 * streamed as the source stores it (compressed layers stay compressed and keep their digests), verified
 * against its stored digest while it flows into the upload; only a source that cannot name a layer's
 * stored digest gives its uncompressed tar instead, whose digest is the config's diff_id. The config is
 * uploaded byte for byte as stored, so the pushed image has the config digest that was scanned. Blobs go up
 * several at a time (see upload.ts for skipping, mounting, chunks and resuming); the manifest, whose digest
 * is known before it is put, goes last.
 */
import { Readable } from 'node:stream';
import { mapConcurrent } from '../core/concurrency';
import { ShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import { RegistryClient, type Descriptor } from './client';
import { digestOf } from './digest';
import { MT } from './media-types';
import { parseImageRef, repositoryName, type RegistryRef } from './ref';
import { DEFAULT_UPLOAD_TUNING, uploadBlob, type BlobToUpload, type UploadTuning } from './upload';

/** An image as the copy reads it. */
export interface CopySource {
  /** Names the image in messages. */
  readonly name: string;
  /** The config exactly as stored, and the digest the source's manifest gives it. */
  readonly config: { bytes: Buffer; digest: string };
  readonly layers: readonly CopyLayer[];
}

/** A blob exactly as the source stores it, verified against `digest` and `size` while it streams. */
interface StoredBlob {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  open(): Promise<Readable>;
}

interface CopyLayer {
  /** The digest the uncompressed tar must have (the config's rootfs.diff_ids entry), when known. */
  readonly diffId?: string | undefined;
  /** The blob as stored, when the source can give it: copied byte for byte. */
  readonly stored?: StoredBlob | undefined;
  /** The layer as an uncompressed tar, verified against its stored digest while it streams. */
  open(): Promise<Readable>;
}

/** Docker's layer media types and their OCI equivalents (same bytes) for the OCI manifest. */
const OCI_LAYER_TYPE: Record<string, string> = {
  [MT.dockerLayerGzip]: MT.ociLayerGzip,
  [MT.dockerLayerTar]: MT.ociLayerTar,
};

/** A registry reference to push to; transports (oci:, docker-archive:, ...) are not destinations. */
export function parseDestination(dest: string): RegistryRef {
  const ref = parseImageRef(dest);
  if (ref.transport !== 'registry')
    throw new ShipgateError('USAGE', `push: "${dest}" is not a registry reference`, {
      hint: 'give DEST as host/repository[:tag], e.g. registry.gitlab.com/group/app:1.2',
    });
  return ref;
}

/** The OCI manifest the copy pushes, as bytes (deterministic for a given config and layers). */
function ociManifest(config: Descriptor, layers: Descriptor[]): Buffer {
  const strip = (d: Descriptor) => ({ mediaType: d.mediaType, digest: d.digest, size: d.size });
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      config: strip(config),
      layers: layers.map(strip),
    }),
  );
}

/** Every blob is in the registry; only the manifest is missing. */
export interface UploadedImage {
  destination: RegistryRef;
  /** host/repository@sha256:… of the manifest once it is put. */
  reference: string;
  /** The manifest's digest. */
  digest: string;
  manifest: Buffer;
  config: Descriptor;
  layers: Descriptor[];
}

export interface CopyOptions {
  env?: NodeJS.ProcessEnv;
  insecureRegistries?: string[];
}

export interface UploadOptions extends Partial<UploadTuning> {
  /** Blobs uploading at once (default 4). */
  concurrency?: number;
  /** A repository on the destination's registry holding the image: its blobs are mounted, not sent. */
  mountFrom?: string | undefined;
}

const DEFAULT_UPLOAD_CONCURRENCY = 4;

/** A distribution client for the destination's registry. */
export function destinationClient(destination: RegistryRef, options: CopyOptions = {}): RegistryClient {
  return new RegistryClient({
    registry: destination.registry,
    ...(options.env ? { env: options.env } : {}),
    ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
  });
}

interface Blob {
  label: string;
  mediaType: string;
  upload: Omit<BlobToUpload, 'repository' | 'mountFrom'>;
}

function layerBlob(source: CopySource, layer: CopyLayer, index: number): Blob {
  const label = `layer ${index + 1}/${source.layers.length}`;
  const { stored } = layer;
  if (stored)
    return {
      label,
      mediaType: OCI_LAYER_TYPE[stored.mediaType] ?? stored.mediaType,
      upload: {
        what: `${source.name} ${label}`,
        digest: stored.digest,
        size: stored.size,
        open: stored.open,
        verifies: true,
      },
    };
  return {
    label,
    mediaType: MT.ociLayerTar,
    upload: {
      what: `${source.name} ${label} (uncompressed)`,
      digest: layer.diffId,
      open: () => layer.open(),
    },
  };
}

/**
 * Uploads the layers and the config (a few at a time, each streamed) and computes the manifest without
 * putting it. Blobs the registry already holds are not uploaded again.
 */
export async function uploadBlobs(
  client: RegistryClient,
  source: CopySource,
  destination: RegistryRef,
  options: UploadOptions = {},
): Promise<UploadedImage> {
  const log = logger();
  const repository = destination.repository;
  if (digestOf(source.config.bytes) !== source.config.digest)
    throw new ShipgateError(
      'DIGEST_MISMATCH',
      `${source.name}: the config does not match its digest ${source.config.digest}`,
    );
  const tuning: UploadTuning = {
    chunkThreshold: options.chunkThreshold ?? DEFAULT_UPLOAD_TUNING.chunkThreshold,
    chunkSize: options.chunkSize ?? DEFAULT_UPLOAD_TUNING.chunkSize,
    resumes: options.resumes ?? DEFAULT_UPLOAD_TUNING.resumes,
  };
  const configBytes = source.config.bytes;
  const blobs: Blob[] = [
    ...source.layers.map((layer, index) => layerBlob(source, layer, index)),
    {
      label: 'config',
      mediaType: MT.ociConfig,
      upload: {
        what: `${source.name} config`,
        digest: source.config.digest,
        size: configBytes.length,
        open: async () => Readable.from([configBytes]),
        // Checked against its digest above.
        verifies: true,
      },
    },
  ];
  const descriptors = await mapConcurrent(
    blobs,
    options.concurrency ?? DEFAULT_UPLOAD_CONCURRENCY,
    async (blob): Promise<Descriptor> => {
      const done = await uploadBlob(
        client,
        { ...blob.upload, repository, mountFrom: options.mountFrom },
        tuning,
      );
      log.info(`push: ${blob.label} ${done.digest.slice(0, 19)} (${done.size} bytes) ${done.how}`);
      return { mediaType: blob.mediaType, digest: done.digest, size: done.size };
    },
  );
  const config = descriptors.pop()!;
  const layers = descriptors;
  const manifest = ociManifest(config, layers);
  const digest = digestOf(manifest);
  if (destination.digest && destination.digest !== digest)
    throw new ShipgateError(
      'DIGEST_MISMATCH',
      `push: the destination names ${destination.digest}, but the image to push is ${digest}`,
      { hint: 'give DEST with a tag, or with the digest shipgate printed for this image' },
    );
  return {
    destination,
    reference: `${repositoryName(destination)}@${digest}`,
    digest,
    manifest,
    config,
    layers,
  };
}

/** Puts the manifest of uploaded blobs under the destination's tag (or its digest), last. */
export async function putManifest(client: RegistryClient, image: UploadedImage): Promise<void> {
  const { destination, digest } = image;
  await client.putManifest(destination.repository, destination.tag ?? digest, image.manifest, MT.ociManifest);
  logger().info(
    `push: ${repositoryName(destination)}${destination.tag ? `:${destination.tag}` : ''} is ${digest}`,
  );
}

/** A platform image whose manifest is in the registry, as a multi-platform index lists it. */
export interface IndexedManifest {
  digest: string;
  size: number;
  platform: { os: string; architecture: string; variant?: string };
}

/** An index ready to put: its bytes and digest (deterministic for the given manifests). */
export interface UploadedIndex {
  destination: RegistryRef;
  reference: string;
  digest: string;
  manifest: Buffer;
}

/** The OCI index over pushed platform manifests; a digest in the destination must be this index's. */
export function ociIndex(destination: RegistryRef, manifests: readonly IndexedManifest[]): UploadedIndex {
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociIndex,
      manifests: manifests.map((m) => ({
        mediaType: MT.ociManifest,
        digest: m.digest,
        size: m.size,
        platform: {
          architecture: m.platform.architecture,
          os: m.platform.os,
          ...(m.platform.variant ? { variant: m.platform.variant } : {}),
        },
      })),
    }),
  );
  const digest = digestOf(manifest);
  if (destination.digest && destination.digest !== digest)
    throw new ShipgateError(
      'DIGEST_MISMATCH',
      `push: the destination names ${destination.digest}, but the index to push is ${digest}`,
      { hint: 'give DEST with a tag, or with the digest shipgate printed for this image' },
    );
  return { destination, reference: `${repositoryName(destination)}@${digest}`, digest, manifest };
}

/** Puts an index under the destination's tag (or its digest); its platform manifests must be there already. */
export async function putIndex(client: RegistryClient, index: UploadedIndex): Promise<void> {
  const { destination, digest } = index;
  await client.putManifest(destination.repository, destination.tag ?? digest, index.manifest, MT.ociIndex);
  logger().info(
    `push: ${repositoryName(destination)}${destination.tag ? `:${destination.tag}` : ''} is the index ${digest}`,
  );
}
