/**
 * What a misbehaving registry gets: a small distribution-API server on 127.0.0.1 that serves tampered
 * blobs, schema 1 manifests, artifacts, and stalls. Each case ends in one line with the right code.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShipgateError, formatError } from '../../../src/core/errors';
import { digestOf } from '../../../src/oci/digest';
import { openImage, walkImage, type OpenOptions } from '../../../src/image/index';
import { tarOf } from '../../support/images';

interface Blob {
  body: Buffer;
  type: string;
}

const manifests = new Map<string, Blob>();
const blobs = new Map<string, Buffer>();
const stalls = new Set<string>();
let server: Server;
let host = '';

function image(name: string, layer: Buffer, opts: { tamper?: boolean; layerType?: string } = {}): void {
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
  );
  blobs.set(digestOf(config), config);
  const layerDigest = digestOf(layer);
  const served = Buffer.from(layer);
  if (opts.tamper) served[served.length - 30] = served[served.length - 30]! ^ 0x55;
  blobs.set(layerDigest, served);
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: digestOf(config),
      size: config.length,
    },
    layers: [
      {
        mediaType: opts.layerType ?? 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: layerDigest,
        size: layer.length,
      },
    ],
  };
  manifests.set(name, { body: Buffer.from(JSON.stringify(manifest)), type: manifest.mediaType });
}

function send(res: ServerResponse, status: number, body: Buffer | string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body);
}

beforeAll(async () => {
  const layer = gzipSync(
    await tarOf([{ name: 'etc/hello', content: 'hello from a layer with enough bytes to tamper with\n' }]),
  );
  image('ok', layer);
  const other = gzipSync(
    await tarOf([{ name: 'etc/other', content: 'another layer, served with one byte changed\n' }]),
  );
  image('tampered', other, { tamper: true });
  image('artifact', layer, { layerType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip' });
  manifests.set('schema1', {
    body: Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'app', tag: 'schema1', fsLayers: [] })),
    type: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
  });
  manifests.set('garbage', {
    body: Buffer.from('<html>not json</html>'),
    type: 'application/vnd.oci.image.manifest.v1+json',
  });
  const slow = gzipSync(
    await tarOf([{ name: 'etc/slow', content: 'a layer the server stops sending halfway\n' }]),
  );
  image('stall-blob', slow);
  stalls.add(digestOf(slow));
  server = createServer((req, res) => {
    const m = /^\/v2\/app\/(manifests|blobs)\/(.+)$/.exec(req.url ?? '');
    if (!m) return send(res, 404, '{"errors":[{"code":"NAME_UNKNOWN"}]}');
    if (m[1] === 'manifests') {
      if (m[2] === 'hang') return; // never answers
      const mf = manifests.get(m[2]!);
      return mf
        ? send(res, 200, mf.body, mf.type)
        : send(res, 404, '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
    }
    const b = blobs.get(m[2]!);
    if (!b) return send(res, 404, '{"errors":[{"code":"BLOB_UNKNOWN"}]}');
    if (stalls.has(m[2]!)) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': b.length });
      res.write(b.subarray(0, 10)); // then nothing more
      return;
    }
    send(res, 200, b, 'application/octet-stream');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  host = `127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

async function failure(ref: string, opts: OpenOptions = {}): Promise<ShipgateError> {
  const run = async () => {
    const img = await openImage(`${host}/app${ref}`, { env: {}, registryRetry: { retries: 0 }, ...opts });
    try {
      await walkImage(img, []);
    } finally {
      await img.close();
    }
  };
  const e = await run().then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ShipgateError);
  expect(formatError(e as ShipgateError)).not.toContain('\n');
  return e as ShipgateError;
}

describe('misbehaving registries', () => {
  it('serves the good image', async () => {
    const img = await openImage(`${host}/app:ok`, { env: {} });
    const seen: string[] = [];
    await walkImage(img, [
      {
        name: 'r',
        wants: () => true,
        analyze: (e, c) => void seen.push(`${e.path}:${c.length}`),
        finish: () => 0,
      },
    ]);
    await img.close();
    expect(seen).toEqual(['/etc/hello:52']);
  });

  it('a tampered blob is DIGEST_MISMATCH', async () => {
    const err = await failure(':tampered');
    expect(err.code).toBe('DIGEST_MISMATCH');
  });

  it('schema 1 and non-image artifacts are UNSUPPORTED, garbage IMAGE_FORMAT, absent NOT_FOUND', async () => {
    expect((await failure(':schema1')).code).toBe('UNSUPPORTED');
    const art = await failure(':artifact');
    expect(art.code).toBe('UNSUPPORTED');
    expect(art.message).toContain('helm');
    expect((await failure(':garbage')).code).toBe('IMAGE_FORMAT');
    const absent = await failure(':absent');
    expect(absent.code).toBe('NOT_FOUND');
    expect(absent.message).toContain('manifest unknown');
    const wrongDigest = await failure(`@sha256:${'1'.repeat(64)}`);
    expect(wrongDigest.code).toBe('NOT_FOUND');
  });

  it('a registry that never answers, or stalls mid-blob, times out as NETWORK', async () => {
    const hang = await failure(':hang', { timeoutMs: 300 });
    expect(hang.code).toBe('NETWORK');
    expect(hang.message).toContain('no answer within 300 ms');
    const stall = await failure(':stall-blob', { timeoutMs: 300 });
    expect(stall.code).toBe('NETWORK');
    expect(stall.message).toContain('no data for 300 ms');
  });
});
