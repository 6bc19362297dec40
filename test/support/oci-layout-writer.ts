/**
 * Writes a one-layer OCI image layout in-process (no tools): the files given, an uncompressed layer, an
 * amd64 config and an index with the tag. For unit tests that need an image with a known package database.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import tar from 'tar-stream';

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

async function layerTar(files: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.replace(/^\/+/, '').split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const d of [...dirs].sort()) pack.entry({ name: `${d}/`, type: 'directory', mode: 0o755 });
  for (const [path, text] of Object.entries(files))
    pack.entry({ name: path.replace(/^\/+/, ''), mode: 0o644 }, text);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Writes the layout into `dir`; reference it as `oci:${dir}:${tag}`. */
export async function writeOciLayout(dir: string, tag: string, files: Record<string, string>): Promise<void> {
  const blobs = join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const put = (data: Buffer | string): { digest: string; size: number } => {
    const hex = sha256(data);
    writeFileSync(join(blobs, hex), data);
    return { digest: `sha256:${hex}`, size: Buffer.byteLength(data) };
  };
  const layer = await layerTar(files);
  const layerBlob = put(layer);
  const config = put(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Cmd: ['sh'] },
      rootfs: { type: 'layers', diff_ids: [layerBlob.digest] },
      history: [{ created_by: 'COPY . /' }],
    }),
  );
  const manifest = put(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layerBlob }],
    }),
  );
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...manifest,
          annotations: { 'org.opencontainers.image.ref.name': tag },
        },
      ],
    }),
  );
}

/** A dpkg status database entry. */
export function dpkgEntry(name: string, version: string, source?: string): string {
  return [
    `Package: ${name}`,
    'Status: install ok installed',
    'Architecture: amd64',
    ...(source ? [`Source: ${source}`] : []),
    `Version: ${version}`,
    '',
    '',
  ].join('\n');
}
