/**
 * The part every manifest-based source shares (OCI layout, oci-archive, registry): resolve an index to
 * one platform's manifest, read and verify the config, and open layers as verified, decompressed tars.
 */
import { pipeline, type Readable } from 'node:stream';
import { ShipgateError } from '../core/errors';
import { AutoDecompress } from './decompress';
import { imageLimits } from './limits';
import { DigestVerifier, digestOf, verifyBytes } from '../oci/digest';
import {
  indexEntries,
  layerInfos,
  parseConfig,
  parseManifest,
  selectPlatform,
  type Descriptor,
  type ManifestDoc,
} from './manifest';
import type { OpenOptions, OpenedImage } from './options';
import type { ImageIndex, ImageInfo, Platform } from './types';
import { GarbageBound } from '../core/garbage';

/** Where the blobs of one image live. */
export interface ContentStore {
  /** Names the image in messages ("oci:./layout"). */
  readonly what: string;
  /** A small blob (manifest, config) fully in memory, not yet verified. */
  readBlob(desc: Descriptor): Promise<Buffer>;
  /** A manifest by descriptor when manifests are not plain blobs (registries); default readBlob. */
  readManifest?(desc: Descriptor): Promise<Buffer>;
  /** A blob as a stream, not yet verified. */
  streamBlob(desc: Descriptor): Promise<Readable>;
  close(): Promise<void>;
}

export interface ImageMeta {
  ref: string;
  repository?: string;
  tag?: string;
}

export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/** Reads a small blob and checks its digest. */
async function readVerified(
  store: ContentStore,
  desc: Descriptor,
  what: string,
  kind: 'manifest' | 'blob' = 'blob',
): Promise<Buffer> {
  if (desc.size > MAX_MANIFEST_BYTES)
    throw new ShipgateError(
      'IMAGE_FORMAT',
      `${what}: ${desc.size} bytes is too large for a manifest or config`,
    );
  const bytes =
    kind === 'manifest' && store.readManifest ? await store.readManifest(desc) : await store.readBlob(desc);
  verifyBytes(bytes, desc.digest, what);
  return bytes;
}

/** Chains streams and makes the last one fail with the first error of any of them. */
export function chain(first: Readable, ...rest: NodeJS.ReadWriteStream[]): Readable {
  if (rest.length === 0) return first;
  const last = rest[rest.length - 1] as unknown as Readable;
  pipeline([first, ...rest] as unknown as [Readable, NodeJS.WritableStream], (err) => {
    if (err && !last.destroyed) last.destroy(err);
  });
  return last;
}

/** Opens a verified, decompressed layer stream. */
function openLayerStream(
  raw: Readable,
  layer: { digest: string; size: number; diffId?: string; index: number },
  what: string,
  opts: { verifyDiffId?: boolean },
): Readable {
  const label = `${what}: layer ${layer.index} (${layer.digest.slice(0, 19)})`;
  const streams: NodeJS.ReadWriteStream[] = [
    new DigestVerifier(layer.digest, label, layer.size),
    new AutoDecompress({ limits: imageLimits(), what: label }),
  ];
  if (opts.verifyDiffId && layer.diffId && layer.diffId !== layer.digest)
    streams.push(new DigestVerifier(layer.diffId, `${label} uncompressed`));
  return chain(raw, ...streams);
}

/**
 * Resolves `top` (a manifest or an index) to one image for the wanted platform and returns it opened.
 * Nested indexes are followed a few levels deep; the top-level index is kept in `info.index`, and
 * `openPlatform` opens any other of its platforms from the same store.
 */
export async function openFromManifest(
  store: ContentStore,
  top: { bytes: Buffer; mediaType?: string; digest: string },
  meta: ImageMeta,
  options: OpenOptions = {},
): Promise<OpenedImage> {
  const what = store.what;
  let doc = parseManifest(top.bytes, `${what}: manifest`, top.mediaType);
  let digest = top.digest;
  let index: ImageIndex | undefined;
  let others: Platform[] | undefined;
  let platformHint: Platform | undefined;
  for (let depth = 0; doc.kind === 'index'; depth++) {
    if (depth > 4) throw new ShipgateError('IMAGE_FORMAT', `${what}: indexes nested too deeply`);
    const { chosen, others: rest } = selectPlatform(
      doc.manifests,
      options.platform,
      what,
      options.anyPlatform,
    );
    index ??= indexEntries(doc, digest);
    others ??= rest;
    if (chosen.platform) platformHint = chosen.platform;
    const bytes = await readVerified(store, chosen, `${what}: manifest ${chosen.digest}`, 'manifest');
    doc = parseManifest(bytes, `${what}: manifest ${chosen.digest}`, chosen.mediaType);
    digest = chosen.digest;
  }
  const image = await openManifest(store, doc, digest, platformHint, meta, options);
  if (!index) return { ...image, close: () => store.close() };
  const listed = index;
  image.info.indexDigest = listed.digest;
  image.info.index = listed;
  if (others) image.info.otherPlatforms = others;
  return {
    ...image,
    async openPlatform(platformDigest: string) {
      const entry = listed.platforms.find((e) => e.digest === platformDigest);
      if (!entry)
        throw new ShipgateError(
          'INPUT',
          `${what}: the index ${listed.digest} lists no image ${platformDigest}`,
        );
      const label = `${what}: manifest ${entry.digest}`;
      const other = parseManifest(
        await readVerified(store, entry, label, 'manifest'),
        label,
        entry.mediaType,
      );
      if (other.kind === 'index')
        throw new ShipgateError('UNSUPPORTED', `${label} is a nested index, not one platform's image`, {
          hint: "flatten the index (e.g. skopeo copy --all) so that it lists each platform's manifest",
        });
      const opened = await openManifest(store, other, entry.digest, entry.platform, meta, options);
      opened.info.indexDigest = listed.digest;
      return opened;
    },
    close: () => store.close(),
  };
}

/** One image manifest opened from `store`; its close() does nothing (the caller owns the store). */
async function openManifest(
  store: ContentStore,
  manifest: ManifestDoc,
  digest: string,
  platformHint: Platform | undefined,
  meta: ImageMeta,
  options: OpenOptions,
): Promise<OpenedImage> {
  const what = store.what;
  const configBytes = await readVerified(store, manifest.config, `${what}: config`);
  const config = parseConfig(configBytes, `${what}: config`);
  const layers = layerInfos(manifest, config, what);
  const platform: Platform = {
    os: config.os ?? platformHint?.os ?? 'linux',
    architecture: config.architecture ?? platformHint?.architecture ?? 'unknown',
  };
  const variant = config.variant ?? platformHint?.variant;
  if (variant) platform.variant = variant;
  const info: ImageInfo = {
    ref: meta.ref,
    digest,
    configDigest: manifest.config.digest,
    platform,
    config,
    layers,
    size: manifest.layers.reduce((n, l) => n + Math.max(0, l.size), 0),
  };
  if (meta.repository) info.repository = meta.repository;
  if (meta.tag) info.tag = meta.tag;
  return {
    info,
    configBytes,
    async openLayer(index: number) {
      const layer = layers[index];
      const desc = manifest.layers[index];
      if (!layer || !desc) throw new ShipgateError('INTERNAL', `${what}: no layer ${index}`);
      const raw = await store.streamBlob(desc);
      return openLayerStream(raw, layer, what, { verifyDiffId: options.verifyDiffIds === true });
    },
    storedLayer(index: number) {
      const desc = manifest.layers[index];
      if (!desc) return undefined;
      const label = `${what}: layer ${index} (${desc.digest.slice(0, 19)})`;
      return {
        mediaType: desc.mediaType,
        digest: desc.digest,
        size: desc.size,
        open: async () =>
          chain(
            await store.streamBlob(desc),
            new DigestVerifier(desc.digest, label, desc.size, new GarbageBound('young')),
          ),
      };
    },
    close: async () => {},
  };
}

/** Digest of manifest bytes as the registry or layout would name them. */
export function manifestDigest(bytes: Uint8Array): string {
  return digestOf(bytes);
}
