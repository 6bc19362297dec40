/**
 * A small image builder for these suites: copies the cached Debian image (or starts from scratch), adds one
 * layer per spec with GNU tar + `umoci raw add-layer`, then sets the config with `umoci config`.
 * (`umoci insert` 0.4.7 writes truncated layer tars, so layers are packed here with tar instead.)
 */
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cachedFixture } from './cache';
import { run } from './debian';
import { debianImage, rewriteImage } from './images';

interface BuildFile {
  content?: string | Buffer;
  mode?: number;
  uid?: number;
  gid?: number;
  dir?: boolean;
}

interface BuildLayer {
  createdBy: string;
  files?: Record<string, string | Buffer | BuildFile>;
  /** Absolute paths deleted by this layer (whiteouts). */
  delete?: string[];
}

export interface BuildSpec {
  base: 'debian' | 'scratch';
  layers: BuildLayer[];
  /** Extra `umoci config` flags, e.g. ['--config.user', 'app']. */
  config?: string[];
  /** Healthcheck to patch into the config (umoci cannot set it). */
  healthcheck?: { Test: string[]; Interval?: number };
}

function stage(root: string, layer: BuildLayer): void {
  mkdirSync(root, { recursive: true });
  for (const [path, spec] of Object.entries(layer.files ?? {})) {
    const abs = join(root, path.replace(/^\/+/, ''));
    mkdirSync(dirname(abs), { recursive: true });
    const s: BuildFile = typeof spec === 'string' || Buffer.isBuffer(spec) ? { content: spec } : spec;
    if (s.dir) mkdirSync(abs, { recursive: true });
    else writeFileSync(abs, s.content ?? '');
    chownSync(abs, s.uid ?? 0, s.gid ?? 0);
    if (s.mode !== undefined) chmodSync(abs, s.mode);
  }
  for (const path of layer.delete ?? []) {
    const rel = path.replace(/^\/+/, '');
    const abs = join(root, dirname(rel), `.wh.${rel.slice(rel.lastIndexOf('/') + 1)}`);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, '');
  }
}

/** Builds once (cached by spec) and returns `oci:<layout>:latest`. */
export async function buildTestImage(name: string, spec: BuildSpec): Promise<string> {
  const hash = createHash('sha256')
    .update(JSON.stringify(spec, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)))
    .digest('hex')
    .slice(0, 16);
  const dir = await cachedFixture(`sg-img-${name}-${hash}`, async (tmp) => {
    const layout = join(tmp, 'oci');
    const image = `${layout}:latest`;
    if (spec.base === 'debian') {
      const base = await debianImage();
      await run('skopeo', ['copy', '--quiet', `oci:${base.ociLayout}:${base.tag}`, `oci:${layout}:latest`]);
    } else {
      await run('umoci', ['init', '--layout', layout]);
      await run('umoci', ['new', '--image', image]);
    }
    for (const [i, layer] of spec.layers.entries()) {
      const src = join(tmp, 'stage', String(i));
      stage(src, layer);
      const tarPath = join(tmp, `layer-${i}.tar`);
      await run('tar', ['--numeric-owner', '--sort=name', '-cf', tarPath, '-C', src, '.']);
      await run('umoci', [
        'raw',
        'add-layer',
        '--image',
        image,
        '--history.created_by',
        layer.createdBy,
        tarPath,
      ]);
    }
    await run('umoci', [
      'config',
      '--image',
      image,
      '--os',
      'linux',
      '--architecture',
      'amd64',
      ...(spec.config ?? []),
    ]);
    if (spec.healthcheck) {
      const hc = spec.healthcheck;
      rewriteImage(layout, 'latest', ({ config }) => {
        const c = config as { config?: Record<string, unknown> };
        c.config = { ...(c.config ?? {}), Healthcheck: hc };
      });
    }
  });
  return `oci:${join(dir, 'oci')}:latest`;
}
