/**
 * Real test images, built once and cached under .cache/test:
 * - debianImage(): the debootstrapped Debian rootfs as an OCI image (umoci), converted with skopeo to
 *   docker-archive and oci-archive.
 * - buildImage(name, spec): a multi-layer image on Debian or scratch, one umoci command per layer (files,
 *   whiteouts, opaque directories), config set with umoci config, in the same four forms.
 * - Layout helpers to derive variants (zstd layers, broken digests, multi-platform indexes) by hand.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  lchownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { cachedFixture, withLock } from './cache';
import { debianRootfs, run } from './debian';

export const IMAGE_TOOLS = ['umoci', 'skopeo', 'debootstrap', 'dpkg-query'];

export interface TestImage {
  /** Root filesystem directory the image was made from (debianImage only; '' for buildImage). */
  rootfs: string;
  /** OCI image layout directory; reference it as `oci:${ociLayout}:${tag}`. */
  ociLayout: string;
  /** `docker save`-style tar (skopeo); reference it as `docker-archive:${dockerArchive}`. */
  dockerArchive: string;
  /** Tar of an OCI layout; reference it as `oci-archive:${ociArchive}`. */
  ociArchive: string;
  tag: string;
}

const DEBIAN_TAG = 'bookworm';
export const DEBIAN_ROOTFS_CREATED_BY = '/bin/sh -c #(nop) ADD debootstrap --variant=minbase bookworm /';

async function umoci(args: string[]): Promise<void> {
  await run('umoci', args);
}

async function exportForms(
  dir: string,
  tag: string,
  repo: string,
): Promise<{ dockerArchive: string; ociArchive: string }> {
  const layout = join(dir, 'oci');
  const dockerArchive = join(dir, 'docker-archive.tar');
  const ociArchive = join(dir, 'oci-archive.tar');
  await run('skopeo', [
    'copy',
    '--quiet',
    `oci:${layout}:${tag}`,
    `docker-archive:${dockerArchive}:${repo}:${tag}`,
  ]);
  await run('skopeo', ['copy', '--quiet', `oci:${layout}:${tag}`, `oci-archive:${ociArchive}:${tag}`]);
  return { dockerArchive, ociArchive };
}

/** The Debian minbase image in four forms. */
export async function debianImage(): Promise<TestImage> {
  const rootfs = await debianRootfs();
  const dir = await cachedFixture('image-debian-bookworm', async (tmp) => {
    const layout = join(tmp, 'oci');
    const image = `${layout}:${DEBIAN_TAG}`;
    await umoci(['init', '--layout', layout]);
    await umoci(['new', '--image', image]);
    await umoci(['insert', '--image', image, '--history.created_by', DEBIAN_ROOTFS_CREATED_BY, rootfs, '/']);
    await umoci([
      'config',
      '--image',
      image,
      '--os',
      'linux',
      '--architecture',
      'amd64',
      '--config.env',
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      '--config.cmd',
      'bash',
      '--history.created_by',
      '/bin/sh -c #(nop)  CMD ["bash"]',
    ]);
    await exportForms(tmp, DEBIAN_TAG, 'shipgate-test/debian');
  });
  return {
    rootfs,
    ociLayout: join(dir, 'oci'),
    dockerArchive: join(dir, 'docker-archive.tar'),
    ociArchive: join(dir, 'oci-archive.tar'),
    tag: DEBIAN_TAG,
  };
}

type FileSpec =
  | string
  | Buffer
  | {
      content?: string | Buffer;
      mode?: number;
      uid?: number;
      gid?: number;
      /** Makes a symlink with this target instead of a file. */
      symlink?: string;
      /** Makes a hard link to this other path (absolute, same layer) instead of a file. */
      hardlink?: string;
      /** Makes an (empty) directory. */
      dir?: boolean;
    };

/** One layer: files to add, or one path to delete (a whiteout), or a directory replaced opaquely. */
interface LayerSpec {
  createdBy?: string;
  /** Absolute path → content. With `opaque`, every path must lie below the opaque directory. */
  files?: Record<string, FileSpec>;
  /** Deletes this path (and what is below it) with a whiteout; the layer then has no files. */
  whiteout?: string;
  /** Makes this directory opaque: lower layers' content below it disappears, `files` replace it. */
  opaque?: string;
}

export interface ImageSpec {
  base: 'debian' | 'scratch';
  layers: LayerSpec[];
  config?: {
    User?: string;
    Env?: string[];
    Labels?: Record<string, string>;
    Cmd?: string[];
    Entrypoint?: string[];
    ExposedPorts?: string[];
    Volumes?: string[];
    WorkingDir?: string;
    StopSignal?: string;
    /** umoci cannot set it: patched into the config JSON afterwards. */
    Healthcheck?: { Test: string[]; Interval?: number; Timeout?: number; Retries?: number };
    architecture?: string;
    os?: string;
    variant?: string;
    createdBy?: string;
  };
}

function stage(root: string, files: Record<string, FileSpec>, under = '/'): void {
  mkdirSync(root, { recursive: true });
  const links: [string, string][] = [];
  for (const [path, spec] of Object.entries(files)) {
    if (!path.startsWith(under)) throw new Error(`${path} is not below ${under}`);
    const rel = path.slice(under.length).replace(/^\/+/, '');
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    const s = typeof spec === 'string' || Buffer.isBuffer(spec) ? { content: spec } : spec;
    if (s.hardlink) {
      links.push([abs, join(root, s.hardlink.slice(under.length).replace(/^\/+/, ''))]);
      continue;
    }
    if (s.symlink) symlinkSync(s.symlink, abs);
    else if (s.dir) mkdirSync(abs, { recursive: true });
    else writeFileSync(abs, s.content ?? '');
    if (!s.symlink) {
      chownSync(abs, s.uid ?? 0, s.gid ?? 0); // before chmod: chown clears setuid/setgid bits
      if (s.mode !== undefined) chmodSync(abs, s.mode);
    } else lchownSync(abs, s.uid ?? 0, s.gid ?? 0); // symlinks carry their own owner
  }
  for (const [link, target] of links) linkSync(target, link);
}

function specHash(name: string, spec: ImageSpec): string {
  const json = JSON.stringify(spec, (_k, v: unknown) =>
    Buffer.isBuffer(v) ? `base64:${v.toString('base64')}` : (v as object),
  );
  return createHash('sha256').update(`v2\0${name}\0${json}`).digest('hex').slice(0, 16);
}

/** Builds (once) the image `spec` describes; layers come out exactly one per LayerSpec. */
export async function buildImage(name: string, spec: ImageSpec): Promise<TestImage> {
  const tag = 'latest';
  const base = spec.base === 'debian' ? await debianImage() : undefined;
  const dir = await cachedFixture(`image-${name}-${specHash(name, spec)}`, async (tmp) => {
    const layout = join(tmp, 'oci');
    const image = `${layout}:${tag}`;
    if (base) {
      await run('skopeo', ['copy', '--quiet', `oci:${base.ociLayout}:${base.tag}`, `oci:${layout}:${tag}`]);
    } else {
      await umoci(['init', '--layout', layout]);
      await umoci(['new', '--image', image]);
    }
    for (const [i, layer] of spec.layers.entries()) {
      const createdBy = layer.createdBy ?? `layer ${i}`;
      if (layer.whiteout) {
        await umoci([
          'insert',
          '--image',
          image,
          '--history.created_by',
          createdBy,
          '--whiteout',
          layer.whiteout,
        ]);
        continue;
      }
      const src = join(tmp, 'stage', String(i));
      stage(src, layer.files ?? {}, layer.opaque ?? '/');
      const args = ['insert', '--image', image, '--history.created_by', createdBy];
      if (layer.opaque) args.push('--opaque');
      await umoci([...args, src, layer.opaque ?? '/']);
    }
    const c = spec.config ?? {};
    const args = ['config', '--image', image, '--history.created_by', c.createdBy ?? 'config'];
    if (c.User !== undefined) args.push('--config.user', c.User);
    for (const e of c.Env ?? []) args.push('--config.env', e);
    for (const [k, v] of Object.entries(c.Labels ?? {})) args.push('--config.label', `${k}=${v}`);
    for (const a of c.Cmd ?? []) args.push('--config.cmd', a);
    for (const a of c.Entrypoint ?? []) args.push('--config.entrypoint', a);
    for (const p of c.ExposedPorts ?? []) args.push('--config.exposedports', p);
    for (const v of c.Volumes ?? []) args.push('--config.volume', v);
    if (c.WorkingDir) args.push('--config.workingdir', c.WorkingDir);
    if (c.StopSignal) args.push('--config.stopsignal', c.StopSignal);
    args.push('--os', c.os ?? 'linux', '--architecture', c.architecture ?? 'amd64');
    await umoci(args);
    if (c.Healthcheck || c.variant) {
      rewriteImage(layout, tag, ({ config }) => {
        const cfg = config as { config?: Record<string, unknown>; variant?: string };
        if (c.Healthcheck) cfg.config = { ...(cfg.config ?? {}), Healthcheck: c.Healthcheck };
        if (c.variant) cfg.variant = c.variant;
      });
    }
    await exportForms(tmp, tag, `shipgate-test/${name}`);
    rmSync(join(tmp, 'stage'), { recursive: true, force: true });
  });
  return {
    rootfs: '',
    ociLayout: join(dir, 'oci'),
    dockerArchive: join(dir, 'docker-archive.tar'),
    ociArchive: join(dir, 'oci-archive.tar'),
    tag,
  };
}

// ---- OCI layout helpers (for deriving variants by hand) ----

export interface Desc {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string; variant?: string };
  annotations?: Record<string, string>;
}

export interface Manifest {
  schemaVersion: 2;
  mediaType?: string;
  config: Desc;
  layers: Desc[];
}

export function blobPath(layout: string, digest: string): string {
  return join(layout, 'blobs', ...digest.split(':'));
}

export function readBlob(layout: string, digest: string): Buffer {
  return readFileSync(blobPath(layout, digest));
}

export function writeBlob(layout: string, data: Buffer | string, mediaType: string): Desc {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data);
  const digest = `sha256:${createHash('sha256').update(buf).digest('hex')}`;
  mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(blobPath(layout, digest), buf);
  return { mediaType, digest, size: buf.length };
}

function readIndex(layout: string): { schemaVersion: 2; manifests: Desc[] } {
  return JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
    schemaVersion: 2;
    manifests: Desc[];
  };
}

function manifestDesc(layout: string, tag: string): Desc {
  const d = readIndex(layout).manifests.find(
    (m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag,
  );
  if (!d) throw new Error(`no tag ${tag} in ${layout}`);
  return d;
}

export function readManifest(layout: string, tag: string): Manifest {
  return JSON.parse(readBlob(layout, manifestDesc(layout, tag).digest).toString()) as Manifest;
}

/**
 * Rewrites the image tagged `tag` in place: `edit` may change the manifest and the config objects (and
 * write new blobs); the config and manifest are re-serialised, re-hashed and re-tagged.
 */
export function rewriteImage(
  layout: string,
  tag: string,
  edit: (img: { manifest: Manifest; config: Record<string, unknown> }) => void,
): Desc {
  const manifest = readManifest(layout, tag);
  const config = JSON.parse(readBlob(layout, manifest.config.digest).toString()) as Record<string, unknown>;
  edit({ manifest, config });
  manifest.config = writeBlob(layout, JSON.stringify(config), manifest.config.mediaType);
  const desc = writeBlob(layout, JSON.stringify(manifest), 'application/vnd.oci.image.manifest.v1+json');
  setTag(layout, tag, desc);
  return desc;
}

/** Points `tag` in index.json at `desc`. */
export function setTag(layout: string, tag: string, desc: Desc): void {
  const index = readIndex(layout);
  const named = {
    ...desc,
    annotations: { ...(desc.annotations ?? {}), 'org.opencontainers.image.ref.name': tag },
  };
  index.manifests = [
    ...index.manifests.filter((m) => m.annotations?.['org.opencontainers.image.ref.name'] !== tag),
    named,
  ];
  writeFileSync(join(layout, 'index.json'), JSON.stringify(index));
}

/** True when the path exists (lstat: links are not followed). */
function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

// ---- Hand-made images (crafted tars: escapes, hard links, broken data) ----

export interface TarEntrySpec {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  content?: string | Buffer;
  linkname?: string;
  mode?: number;
  uid?: number;
  gid?: number;
}

/** A tar archive in memory, written by tar-stream exactly as given (names are not sanitised). */
export async function tarOf(entries: TarEntrySpec[]): Promise<Buffer> {
  const { pack } = await import('tar-stream');
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((r) => p.on('end', () => r()));
  for (const e of entries) {
    const type = e.type ?? 'file';
    const body =
      e.content === undefined ? undefined : Buffer.isBuffer(e.content) ? e.content : Buffer.from(e.content);
    const header = {
      name: e.name,
      type,
      mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644),
      uid: e.uid ?? 0,
      gid: e.gid ?? 0,
      ...(e.linkname ? { linkname: e.linkname } : {}),
      ...(type === 'file' ? { size: body?.length ?? 0 } : {}),
    };
    if (type === 'file') p.entry(header, body ?? Buffer.alloc(0));
    else p.entry(header);
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

export const LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
export const LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';

/**
 * Writes an OCI layout at `layout` holding one image tagged `tag` whose layers are the given blobs
 * (already compressed as their media type says). diffIds are computed from `uncompressed` when given.
 */
export function writeLayoutImage(
  layout: string,
  tag: string,
  layers: { blob: Buffer; mediaType: string; uncompressed?: Buffer; createdBy?: string }[],
  config: Record<string, unknown> = {},
): Desc {
  mkdirSync(layout, { recursive: true });
  writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  if (!exists(join(layout, 'index.json')))
    writeFileSync(join(layout, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [] }));
  const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
  const cfg = {
    architecture: 'amd64',
    os: 'linux',
    config: {},
    rootfs: { type: 'layers', diff_ids: layers.map((l) => sha(l.uncompressed ?? l.blob)) },
    history: layers.map((l, i) => ({ created_by: l.createdBy ?? `layer ${i}` })),
    ...config,
  };
  const manifest: Manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: writeBlob(layout, JSON.stringify(cfg), 'application/vnd.oci.image.config.v1+json'),
    layers: layers.map((l) => writeBlob(layout, l.blob, l.mediaType)),
  };
  const desc = writeBlob(layout, JSON.stringify(manifest), 'application/vnd.oci.image.manifest.v1+json');
  setTag(layout, tag, desc);
  return desc;
}

/** A tiny scratch image for a second platform (linux/arm64/v8) and an index over it and Debian (linux/amd64). */
export const ARM_TINY_SPEC: ImageSpec = {
  base: 'scratch',
  layers: [
    {
      createdBy: 'COPY arm-marker /',
      files: { '/etc/arm-marker': 'arm64 image\n', '/bin/tool': { content: 'ELF?', mode: 0o755 } },
    },
  ],
  config: { architecture: 'arm64', variant: 'v8', Cmd: ['/bin/tool'] },
};

/** An OCI layout whose tag `multi` is an index over Debian (linux/amd64) and a tiny linux/arm64/v8 image. */
export async function multiPlatformImage(): Promise<{ ociLayout: string; tag: string; indexDigest: string }> {
  const debian = await debianImage();
  const arm = await buildImage('arm-tiny', ARM_TINY_SPEC);
  const inputs = createHash('sha256')
    .update(
      `${manifestDesc(debian.ociLayout, debian.tag).digest} ${manifestDesc(arm.ociLayout, arm.tag).digest}`,
    )
    .digest('hex')
    .slice(0, 16);
  const dir = await cachedFixture(`image-multi-platform-${inputs}`, async (tmp) => {
    const layout = join(tmp, 'oci');
    await run('skopeo', ['copy', '--quiet', `oci:${debian.ociLayout}:${debian.tag}`, `oci:${layout}:amd64`]);
    await run('skopeo', ['copy', '--quiet', `oci:${arm.ociLayout}:${arm.tag}`, `oci:${layout}:arm64`]);
    const amd = manifestDesc(layout, 'amd64');
    const armd = manifestDesc(layout, 'arm64');
    const strip = (d: Desc): Desc => ({ mediaType: d.mediaType, digest: d.digest, size: d.size });
    const index = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { ...strip(amd), platform: { os: 'linux', architecture: 'amd64' } },
        { ...strip(armd), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      ],
    };
    setTag(layout, 'multi', writeBlob(layout, JSON.stringify(index), index.mediaType));
  });
  const ociLayout = join(dir, 'oci');
  return { ociLayout, tag: 'multi', indexDigest: manifestDesc(ociLayout, 'multi').digest };
}

/**
 * Makes the calling test file hold the cross-process "heavy-e2e" lock from its first hook to its last, so
 * heavy end-to-end files (real registries, daemons, big images) never run at the same time.
 */
export function serialHeavySuite(): void {
  let release: (() => void) | undefined;
  let held: Promise<void> | undefined;
  beforeAll(async () => {
    await new Promise<void>((acquired) => {
      held = withLock('heavy-e2e', () => {
        acquired();
        return new Promise<void>((r) => (release = r));
      });
    });
  });
  afterAll(async () => {
    release?.();
    await held;
  });
}
