/**
 * Copies an opened image to a registry. Each layer is read through openLayer() — checked against its stored
 * digest while it streams — and uploaded as an uncompressed OCI tar layer, so its digest is the config's
 * diff_id and the config travels unchanged. This works alike for every source (OCI layouts, archives, the
 * Docker daemon) and never re-compresses (compression output differs between zlib builds); the pushed
 * manifest therefore has a digest of its own, which is the digest printed and the one to sign and admit.
 */
import type { Readable } from 'node:stream';
import { ShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import { digestOf } from '../oci/digest';
import { MT } from '../oci/media-types';
import type { OpenedImage } from '../image/options';
import { parseImageRef, repositoryName, type RegistryRef } from '../oci/ref';
import { RegistryClient, type Descriptor } from '../oci/client';

export const LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';
const CONFIG = 'application/vnd.oci.image.config.v1+json';

/** A registry reference to push to; transports (oci:, docker-archive:, ...) are not destinations. */
export function parseDestination(dest: string): RegistryRef {
  const ref = parseImageRef(dest);
  if (ref.transport !== 'registry')
    throw new ShipgateError('USAGE', `push: "${dest}" is not a registry reference`, {
      hint: 'give DEST as host/repository[:tag], e.g. registry.gitlab.com/group/app:1.2',
    });
  return ref;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export interface PushResult {
  /** host/repository@sha256:... */
  reference: string;
  digest: string;
  layers: Descriptor[];
}

/** The OCI manifest the copy pushes, as bytes (deterministic for a given config and layers). */
export function ociManifest(config: Descriptor, layers: Descriptor[]): Buffer {
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

export async function pushImage(
  image: OpenedImage,
  dest: string,
  options: { env?: NodeJS.ProcessEnv; insecureRegistries?: string[] } = {},
): Promise<PushResult> {
  const log = logger();
  const ref = parseDestination(dest);
  const repository = ref.repository;
  const client = new RegistryClient({
    registry: ref.registry,
    ...(options.env ? { env: options.env } : {}),
    ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
  });
  const { info } = image;
  const layers: Descriptor[] = [];
  for (const layer of info.layers) {
    const tar = await readAll(await image.openLayer(layer.index));
    const digest = digestOf(tar);
    if (layer.diffId && layer.diffId !== digest)
      throw new ShipgateError(
        'DIGEST_MISMATCH',
        `${info.ref}: layer ${layer.index} unpacks to ${digest}, but the config says ${layer.diffId}`,
      );
    const exists = await client.hasBlob(repository, digest, 'push');
    if (!exists) await client.pushBlob(repository, tar, LAYER_TAR);
    log.info(
      `push: layer ${layer.index + 1}/${info.layers.length} ${digest.slice(0, 19)} (${tar.length} bytes) ${exists ? 'exists' : 'uploaded'}`,
    );
    layers.push({ mediaType: LAYER_TAR, digest, size: tar.length });
  }
  const config = await client.pushBlob(repository, Buffer.from(JSON.stringify(info.config)), CONFIG);
  const manifest = ociManifest(config, layers);
  const digest = digestOf(manifest);
  await client.putManifest(repository, ref.tag ?? digest, manifest, MT.ociManifest);
  if (ref.digest && ref.digest !== digest)
    throw new ShipgateError(
      'DIGEST_MISMATCH',
      `push: ${dest} names ${ref.digest}, but the image is ${digest}`,
    );
  const base = repositoryName(ref);
  log.info(`push: ${base}${ref.tag ? `:${ref.tag}` : ''} is ${digest}`);
  return { reference: `${base}@${digest}`, digest, layers };
}
