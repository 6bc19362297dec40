/**
 * A two-platform OCI layout for the multi-platform signing tests: linux/amd64 and linux/arm64/v8 images and a
 * buildx-style attestation manifest, under an index tagged `multi` (each image is also tagged on its own:
 * `amd64`, `arm64`).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LAYER_GZIP, LAYER_TAR, setTag, tarOf, writeBlob, writeLayoutImage, type Desc } from './images';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** AWS credentials in a layer: a secret finding that refuses the platform holding them. */
export const LEAKY_FILES = [
  {
    name: 'app/.aws-credentials',
    content:
      '[default]\naws_access_key_id = AKIAZ7VQ3XKD4LMNPQ2R\naws_secret_access_key = 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\n',
  },
];

export interface Layout {
  dir: string;
  index: string;
  amd64: string;
  arm64: string;
  attestation: string;
}

/**
 * Two images and a buildx-style attestation manifest for the amd64 one, under an index tagged `multi`.
 * `armFiles` are added to the arm64 image's own layer.
 */
export async function twoPlatformLayout(
  dir: string,
  armFiles: { name: string; content: string }[],
): Promise<Layout> {
  const base = await tarOf([
    { name: 'etc/', type: 'directory' },
    {
      name: 'etc/passwd',
      content: 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1000:1000::/app:/sbin/nologin\n',
    },
    { name: 'etc/group', content: 'root:x:0:\napp:x:1000:\n' },
  ]);
  const config = {
    User: '1000',
    Entrypoint: ['/app/server'],
    Healthcheck: { Test: ['CMD', '/app/server', '--health'], Interval: 30_000_000_000 },
  };
  const image = async (tag: string, platform: Record<string, string>, files: typeof armFiles) => {
    const app = await tarOf([
      { name: 'app/', type: 'directory' },
      { name: 'app/server', content: `#!/bin/true\n# ${tag}\n`, mode: 0o755 },
      ...files.map((f) => ({ ...f, mode: 0o600 })),
    ]);
    return writeLayoutImage(
      dir,
      tag,
      [
        { blob: gzipSync(base), mediaType: LAYER_GZIP, uncompressed: base, createdBy: 'COPY rootfs /' },
        { blob: app, mediaType: LAYER_TAR, createdBy: 'COPY app /app' },
      ],
      { ...platform, config },
    );
  };
  const amd = await image('amd64', { architecture: 'amd64', os: 'linux' }, []);
  const arm = await image('arm64', { architecture: 'arm64', variant: 'v8', os: 'linux' }, armFiles);
  // What buildx attaches for --provenance: an "image" of unknown/unknown holding an in-toto statement.
  const statement = Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://slsa.dev/provenance/v0.2',
    }),
  );
  const attConfig = writeBlob(
    dir,
    JSON.stringify({
      architecture: 'unknown',
      os: 'unknown',
      config: {},
      rootfs: { type: 'layers', diff_ids: [`sha256:${sha256(statement)}`] },
    }),
    'application/vnd.oci.image.config.v1+json',
  );
  const attLayer = {
    ...writeBlob(dir, statement, 'application/vnd.in-toto+json'),
    annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' },
  };
  const att = writeBlob(
    dir,
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: attConfig, layers: [attLayer] }),
    OCI_MANIFEST,
  );
  const strip = (d: Desc): Desc => ({ mediaType: d.mediaType, digest: d.digest, size: d.size });
  const index = writeBlob(
    dir,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        { ...strip(amd), platform: { architecture: 'amd64', os: 'linux' } },
        { ...strip(arm), platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } },
        {
          ...strip(att),
          platform: { architecture: 'unknown', os: 'unknown' },
          annotations: {
            'vnd.docker.reference.digest': amd.digest,
            'vnd.docker.reference.type': 'attestation-manifest',
          },
        },
      ],
    }),
    OCI_INDEX,
  );
  setTag(dir, 'multi', index);
  return { dir, index: index.digest, amd64: amd.digest, arm64: arm.digest, attestation: att.digest };
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}
