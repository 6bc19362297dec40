/**
 * `docker-archive:PATH[:name:tag]`: the tar `docker save` writes (manifest.json, a config, layer tars,
 * plain or compressed), including the newer form with an OCI layout inside. Read in place, never extracted.
 */
import { ShipgateError } from '../../core/errors';
import { AutoDecompress, sniffCompression } from '../decompress';
import { imageLimits } from '../limits';
import { DigestVerifier, digestOf, isDigest, verifyBytes } from '../../oci/digest';
import { Fields, badField, isObject } from '../format';
import { layerHistory, parseConfig, parseJson } from '../manifest';
import { MT } from '../../oci/media-types';
import type { OpenOptions, OpenedImage } from '../options';
import { MAX_MANIFEST_BYTES, chain } from '../store';
import { TarIndex, type TarMember } from '../tar-index';
import { plainArchive } from './archive-file';
import type { ImageInfo, LayerInfo } from '../types';
import { splitReference } from '../../oci/ref';

interface SaveEntry {
  Config: string;
  RepoTags?: string[] | null;
  Layers: string[];
  LayerSources?: Record<string, { mediaType?: string; size?: number; digest?: string }>;
}

/** Checks one entry of manifest.json field by field (rules in ../format). */
function checkSaveEntry(v: unknown, what: string, i: number): SaveEntry {
  const path = `manifest.json[${i}]`;
  if (!isObject(v)) badField(what, path, 'an object', v);
  const f = new Fields(v, what, path);
  f.string('Config');
  f.strings('Layers');
  if (typeof v.Config !== 'string') badField(what, `${path}.Config`, 'a string', v.Config);
  if (!Array.isArray(v.Layers)) badField(what, `${path}.Layers`, 'an array of strings', v.Layers);
  f.strings('RepoTags', true);
  const sources = f.object('LayerSources');
  for (const key of Object.keys(sources?.obj ?? {})) {
    const source = sources!.object(key);
    source?.string('mediaType');
    source?.integer('size');
    source?.string('digest');
  }
  return v as unknown as SaveEntry;
}

/** "blobs/sha256/<hex>" or "<hex>.json" names carry the content digest. */
function digestFromPath(path: string): string | undefined {
  const m = /\/blobs\/(sha256)\/([a-f0-9]{64})$/.exec(path) ?? /\/()([a-f0-9]{64})\.json$/.exec(path);
  if (!m) return undefined;
  return `sha256:${m[2]}`;
}

/** Picks the save entry for `name` (a RepoTag) or the only one. */
function pickEntry(entries: SaveEntry[], name: string | undefined, what: string): SaveEntry {
  if (name) {
    const wanted = splitReference(name).tag !== undefined ? name : `${name}:latest`;
    const e = entries.find((x) =>
      x.RepoTags?.some((t) => t === wanted || t === `docker.io/${wanted}` || t === `localhost/${wanted}`),
    );
    if (!e)
      throw new ShipgateError('NOT_FOUND', `${what}: no image named ${wanted} in the archive`, {
        hint: `images present: ${entries.flatMap((x) => x.RepoTags ?? []).join(', ') || 'untagged'}`,
      });
    return e;
  }
  if (entries.length !== 1)
    throw new ShipgateError(
      'USAGE',
      `${what}: the archive holds ${entries.length} images; name one with docker-archive:PATH:name:tag`,
      {
        hint: `images present: ${entries.flatMap((x) => x.RepoTags ?? []).join(', ') || 'untagged'}`,
      },
    );
  return entries[0]!;
}

export async function openDockerArchive(
  file: string,
  name: string | undefined,
  ref: string,
  options: OpenOptions,
  onClose?: () => Promise<void>,
): Promise<OpenedImage> {
  const what = ref;
  const plain = await plainArchive(file, what, options.tmpDir);
  const done = async () => {
    await plain.cleanup();
    await onClose?.();
  };
  try {
    return await readDockerArchive(plain.path, name, ref, options, done);
  } catch (e) {
    await done();
    throw e;
  }
}

async function readDockerArchive(
  file: string,
  name: string | undefined,
  ref: string,
  options: OpenOptions,
  onClose: () => Promise<void>,
): Promise<OpenedImage> {
  const what = ref;
  const tar = await TarIndex.open(file, what);
  const manifestMember = tar.get('manifest.json');
  if (!manifestMember)
    throw new ShipgateError('IMAGE_FORMAT', `${what}: not a docker-archive (no manifest.json)`, {
      hint: tar.get('index.json') ? 'this looks like an OCI archive; use oci-archive:' : undefined,
    });
  const doc = parseJson(await tar.read(manifestMember, MAX_MANIFEST_BYTES), `${what}: manifest.json`);
  if (!Array.isArray(doc) || doc.length === 0)
    throw new ShipgateError('IMAGE_FORMAT', `${what}: manifest.json is not a docker save manifest`);
  const entry = pickEntry(
    doc.map((e, i) => checkSaveEntry(e, what, i)),
    name,
    what,
  );

  const need = (path: string, kind: string): TarMember => {
    const m = tar.get(path);
    if (!m) throw new ShipgateError('NOT_FOUND', `${what}: ${kind} ${path} is missing from the archive`);
    return m;
  };
  const configMember = need(entry.Config, 'config');
  const configBytes = await tar.read(configMember, MAX_MANIFEST_BYTES);
  const configDigestFromName = digestFromPath(configMember.path);
  if (configDigestFromName) verifyBytes(configBytes, configDigestFromName, `${what}: config`);
  const config = parseConfig(configBytes, `${what}: config`);
  const configDigest = configDigestFromName ?? digestOf(configBytes);
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== entry.Layers.length)
    throw new ShipgateError(
      'IMAGE_FORMAT',
      `${what}: manifest.json lists ${entry.Layers.length} layers but the config has ${diffIds.length} diff_ids`,
    );
  const history = layerHistory(config, entry.Layers.length);

  const members: TarMember[] = [];
  const verifyRawWith: (string | undefined)[] = [];
  const layers: LayerInfo[] = [];
  for (let index = 0; index < entry.Layers.length; index++) {
    const m = need(entry.Layers[index]!, 'layer');
    const diffId = diffIds[index]!;
    if (!isDigest(diffId))
      throw new ShipgateError('IMAGE_FORMAT', `${what}: invalid diff_id "${diffId.slice(0, 80)}"`);
    const compression = sniffCompression(await tar.head(m, 4));
    const named = digestFromPath(m.path);
    const source = entry.LayerSources?.[diffId];
    // Uncompressed layers are checked against their diff-ID as they stream; compressed ones too, after decompression.
    const digest = named ?? source?.digest ?? diffId;
    const layer: LayerInfo = {
      index,
      digest: compression === 'none' ? (named ?? diffId) : digest,
      diffId,
      mediaType:
        source?.mediaType ??
        (compression === 'gzip'
          ? MT.ociLayerGzip
          : compression === 'zstd'
            ? MT.ociLayerZstd
            : MT.ociLayerTar),
      size: m.size,
    };
    if (history[index] !== undefined) layer.createdBy = history[index];
    members.push(m);
    verifyRawWith.push(named ?? (compression === 'none' ? diffId : undefined));
    layers.push(layer);
  }

  const info: ImageInfo = {
    ref,
    configDigest,
    platform: {
      os: config.os ?? 'linux',
      architecture: config.architecture ?? 'unknown',
      ...(config.variant ? { variant: config.variant } : {}),
    },
    config,
    layers,
    size: members.reduce((n, m) => n + m.size, 0),
  };
  const repoTag = entry.RepoTags?.[0];
  if (repoTag) {
    const { name, tag } = splitReference(repoTag);
    info.repository = name;
    if (tag !== undefined) info.tag = tag;
  }
  return {
    info,
    configBytes,
    async openLayer(index: number) {
      const m = members[index];
      const layer = layers[index];
      if (!m || !layer) throw new ShipgateError('INTERNAL', `${what}: no layer ${index}`);
      const label = `${what}: layer ${index} (${layer.digest.slice(0, 19)})`;
      const raw = verifyRawWith[index];
      const streams: NodeJS.ReadWriteStream[] = [];
      if (raw) streams.push(new DigestVerifier(raw, label, m.size));
      streams.push(new AutoDecompress({ limits: imageLimits(), what: label }));
      if (!raw || (options.verifyDiffIds && raw !== layer.diffId))
        streams.push(new DigestVerifier(layer.diffId!, `${label} uncompressed`));
      return chain(tar.stream(m), ...streams);
    },
    storedLayer(index: number) {
      const m = members[index];
      const layer = layers[index];
      const raw = verifyRawWith[index];
      if (!m || !layer || !raw) return undefined;
      const label = `${what}: layer ${index} (${raw.slice(0, 19)})`;
      return {
        mediaType: layer.mediaType,
        digest: raw,
        size: m.size,
        open: async () => chain(tar.stream(m), new DigestVerifier(raw, label, m.size)),
      };
    },
    close: onClose,
  };
}
