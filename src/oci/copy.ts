/**
 * Copies an image to a registry in two steps: upload every blob, then put the manifest. Each layer is read
 * as its uncompressed tar (the source verifies it against its stored digest while it streams) and uploaded
 * as an uncompressed OCI tar layer, so its digest is the config's diff_id; the config is uploaded byte for
 * byte as stored, so the pushed image has the config digest that was scanned. Never re-compressing keeps the
 * copy the same for every source (compression output differs between zlib builds); the pushed manifest
 * therefore has a digest of its own, known before it is put: the digest to sign and admit.
 */
import type { Readable } from 'node:stream';
import { ShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import { RegistryClient, type Descriptor } from './client';
import { digestOf } from './digest';
import { MT } from './media-types';
import { parseImageRef, repositoryName, type RegistryRef } from './ref';

/** An image as the copy reads it. */
export interface CopySource {
  /** Names the image in messages. */
  readonly name: string;
  /** The config exactly as stored, and the digest the source's manifest gives it. */
  readonly config: { bytes: Buffer; digest: string };
  readonly layers: readonly CopyLayer[];
}

interface CopyLayer {
  /** The digest the uncompressed tar must have (the config's rootfs.diff_ids entry), when known. */
  readonly diffId?: string | undefined;
  /** The layer as an uncompressed tar, verified against its stored digest while it streams. */
  open(): Promise<Readable>;
}

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

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export interface CopyOptions {
  env?: NodeJS.ProcessEnv;
  insecureRegistries?: string[];
}

/** A distribution client for the destination's registry. */
export function destinationClient(destination: RegistryRef, options: CopyOptions = {}): RegistryClient {
  return new RegistryClient({
    registry: destination.registry,
    ...(options.env ? { env: options.env } : {}),
    ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
  });
}

/**
 * Uploads the layers (one at a time, each held in memory while it uploads) and the config, and computes the
 * manifest without putting it. Blobs the registry already holds are not uploaded again.
 */
export async function uploadBlobs(
  client: RegistryClient,
  source: CopySource,
  destination: RegistryRef,
): Promise<UploadedImage> {
  const log = logger();
  const repository = destination.repository;
  if (digestOf(source.config.bytes) !== source.config.digest)
    throw new ShipgateError(
      'DIGEST_MISMATCH',
      `${source.name}: the config does not match its digest ${source.config.digest}`,
    );
  const layers: Descriptor[] = [];
  for (const [index, layer] of source.layers.entries()) {
    const tar = await readAll(await layer.open());
    const digest = digestOf(tar);
    if (layer.diffId && layer.diffId !== digest)
      throw new ShipgateError(
        'DIGEST_MISMATCH',
        `${source.name}: layer ${index} unpacks to ${digest}, but the config says ${layer.diffId}`,
      );
    const exists = await client.hasBlob(repository, digest, 'push');
    if (!exists) await client.pushBlob(repository, tar, MT.ociLayerTar);
    log.info(
      `push: layer ${index + 1}/${source.layers.length} ${digest.slice(0, 19)} (${tar.length} bytes) ${exists ? 'exists' : 'uploaded'}`,
    );
    layers.push({ mediaType: MT.ociLayerTar, digest, size: tar.length });
  }
  const config = await client.pushBlob(repository, source.config.bytes, MT.ociConfig);
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
