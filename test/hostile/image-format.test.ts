/**
 * Wrongly typed fields in an image config, manifest or index: a one-line IMAGE_FORMAT error naming the image
 * and the field (exit 2), or normalised where the field is optional and harmless; never a crash in an analyzer.
 */
import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../../src/core/errors';
import { openImage, walkImage, type Analyzer } from '../../src/image/index';
import { parseManifest } from '../../src/image/manifest';
import { shipgate, suiteTmp, writeArchive } from './support';

const tmp = suiteTmp('format');
const LAYER = [{ name: 'app', content: 'binary' }];

async function openError(name: string, config: (valid: Record<string, unknown>) => unknown) {
  const ref = await writeArchive(tmp, name, { layers: [LAYER], config });
  const err = await openImage(ref).then(
    async (img) => {
      await img.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ShipgateError);
  expect((err as ShipgateError).code).toBe('IMAGE_FORMAT');
  expect((err as ShipgateError).message).toContain(ref);
  return (err as ShipgateError).message;
}

const withConfig = (patch: Record<string, unknown>) => (v: Record<string, unknown>) => ({
  ...v,
  config: { ...(v.config as object), ...patch },
});

describe('hostile image config: wrongly typed fields are refused by name', () => {
  it('a numeric history[].created_by', async () => {
    const msg = await openError('created-by', (v) => ({ ...v, history: [{ created_by: 42 }] }));
    expect(msg).toMatch(/history\[0\]\.created_by must be a string, not a number$/);
  });

  it('Cmd as a string', async () => {
    const msg = await openError('cmd', withConfig({ Cmd: '/bin/sh -c evil' }));
    expect(msg).toMatch(/config\.Cmd must be an array of strings, not a string$/);
  });

  it('a non-string Env entry', async () => {
    const msg = await openError('env', withConfig({ Env: ['A=1', { B: 2 }] }));
    expect(msg).toMatch(/config\.Env\[1\] must be a string, not an object$/);
  });

  it('diff_ids holding an object', async () => {
    const msg = await openError('diff-ids', (v) => ({
      ...v,
      rootfs: { type: 'layers', diff_ids: [{ digest: 'sha256:00' }] },
    }));
    expect(msg).toMatch(/rootfs\.diff_ids\[0\] must be a string, not an object$/);
  });

  it('history: [null]', async () => {
    const msg = await openError('history-null', (v) => ({ ...v, history: [null] }));
    expect(msg).toMatch(/history\[0\] must be an object, not null$/);
  });

  it('a numeric User', async () => {
    const msg = await openError('user', withConfig({ User: 0 }));
    expect(msg).toMatch(/config\.User must be a string, not a number$/);
  });

  it('labels with a non-string value, and a key that tries to forge the message', async () => {
    const msg = await openError('labels', withConfig({ Labels: { 'a\nb': ['x'] } }));
    expect(msg).toContain('config.Labels."a\\nb" must be a string, not an array');
    expect(msg).not.toContain('\n');
  });

  it('a config that is not an object', async () => {
    const msg = await openError('not-object', () => ['config']);
    expect(msg).toMatch(/the image config must be a JSON object, not an array$/);
  });

  it('the CLI prints one line and exits 2', async () => {
    const ref = await writeArchive(tmp, 'cli', { layers: [LAYER], config: withConfig({ Cmd: 'x' }) });
    const r = await shipgate(['scan', '--image', ref, '--scanners', 'secret']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^shipgate: error \[IMAGE_FORMAT\]: .*config\.Cmd must be an array of strings/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('hostile image config: optional fields are normalised, never passed on wrongly typed', () => {
  it('null Env, Shell, history and a numeric comment read as absent', async () => {
    const ref = await writeArchive(tmp, 'normalised', {
      layers: [LAYER],
      config: (v) => ({
        ...v,
        author: 7,
        config: { ...(v.config as object), Env: null, Shell: null, Cmd: null },
        history: [{ created_by: 'COPY app /', comment: { x: 1 } }],
      }),
    });
    const img = await openImage(ref);
    try {
      const cfg = img.info.config;
      expect(cfg.config).toEqual({ User: '1000', Cmd: null });
      expect(cfg.history).toEqual([{ created_by: 'COPY app /' }]);
      expect('author' in cfg).toBe(false);
      const seen: string[] = [];
      const a: Analyzer<number> = {
        name: 'probe',
        wants: () => true,
        analyze: (e) => void seen.push(e.path),
        finish: () => seen.length,
      };
      await walkImage(img, [a]);
      expect(seen).toEqual(['/app']);
    } finally {
      await img.close();
    }
  });
});

describe('hostile manifests and indexes: descriptor fields are typed', () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  const parse = (doc: unknown) => () =>
    parseManifest(Buffer.from(JSON.stringify(doc)), 'oci:evil: index.json');
  const index = (m: Record<string, unknown>) => ({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 10, ...m }],
  });

  it('a numeric annotation value', () => {
    expect(parse(index({ annotations: { 'org.opencontainers.image.ref.name': 5 } }))).toThrow(
      /^oci:evil: index\.json manifests\[0\]: annotations\."org\.opencontainers\.image\.ref\.name" must be a string, not a number$/,
    );
  });

  it('a platform whose os is not a string', () => {
    expect(parse(index({ platform: { os: ['linux'], architecture: 'amd64' } }))).toThrow(
      /manifests\[0\]: platform\.os must be a string, not an array$/,
    );
  });

  it('a negative or textual size', () => {
    expect(parse(index({ size: -1 }))).toThrow(/manifests\[0\]: size must be a non-negative integer/);
    expect(parse(index({ size: '10' }))).toThrow(/size must be a non-negative integer, not a string$/);
  });

  it('a non-string media type', () => {
    expect(parse({ ...index({}), mediaType: 3 })).toThrow(/index\.json: mediaType must be a string/);
  });

  it('docker save manifest.json with a numeric RepoTag', async () => {
    const ref = await writeArchive(tmp, 'repotags', {
      layers: [LAYER],
      manifest: (e) => [{ ...e, RepoTags: [7] }],
    });
    await expect(openImage(ref)).rejects.toThrow(
      /manifest\.json\[0\]\.RepoTags\[0\] must be a string, not a number$/,
    );
  });
});
