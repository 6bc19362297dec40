/**
 * Resuming a blob sent in one streamed PATCH from the offset the registry holds, against an upload server on
 * 127.0.0.1 that keeps the bytes of a PATCH whose connection drops (as resumable registries do; the
 * distribution registry the e2e tests run drops such an upload, and the blob starts over there instead).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/oci/client';
import { uploadBlob } from '../../../src/oci/upload';

const MiB = 1024 * 1024;

interface Seen {
  method: string;
  contentRange?: string | undefined;
  status: number;
  /** The Range answered. */
  range?: string | undefined;
}

let server: Server;
let host: string;
const seen: Seen[] = [];
let held = Buffer.alloc(0);
let cutNextPatch = false;
let stored: { digest: string; bytes: Buffer } | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const answer = (status: number, headers: Record<string, string> = {}): void => {
      seen.push({
        method: req.method ?? '',
        contentRange: req.headers['content-range'],
        status,
        range: headers.range,
      });
      res.writeHead(status, { 'content-length': '0', ...headers }).end();
    };
    const upload = { location: '/v2/app/blobs/uploads/1', range: `0-${Math.max(0, held.length - 1)}` };
    if (req.method === 'HEAD') return answer(404);
    if (req.method === 'POST') {
      held = Buffer.alloc(0);
      return answer(202, { location: upload.location });
    }
    if (req.method === 'GET') return answer(204, { location: upload.location, range: upload.range });
    const parts: Buffer[] = [];
    if (req.method === 'PATCH') {
      const start = Number(/^(\d+)-/.exec(req.headers['content-range'] ?? '')?.[1]);
      if (start !== held.length) {
        req.resume();
        return answer(416);
      }
      const length = Number(req.headers['content-length']);
      const cut = cutNextPatch;
      cutNextPatch = false;
      req.on('data', (d: Buffer) => {
        parts.push(d);
        const got = parts.reduce((n, p) => n + p.length, 0);
        if (cut && got >= length / 2) {
          // Keeps what arrived, then the connection drops before any answer.
          held = Buffer.concat([held, ...parts]);
          parts.length = 0;
          seen.push({ method: 'PATCH', contentRange: req.headers['content-range'], status: 0 });
          req.socket.destroy();
        }
      });
      req.on('end', () => {
        if (cut) return;
        held = Buffer.concat([held, ...parts]);
        answer(202, { location: upload.location, range: `0-${held.length - 1}` });
      });
      return;
    }
    if (req.method === 'PUT') {
      req.on('data', (d: Buffer) => parts.push(d));
      req.on('end', () => {
        const bytes = Buffer.concat([held, ...parts]);
        const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
        if (digest !== url.searchParams.get('digest')) return answer(400);
        stored = { digest, bytes };
        answer(201);
      });
      return;
    }
    answer(405);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

it('sends again only the bytes the registry does not hold, reading the source from the start', async () => {
  const data = randomBytes(3 * MiB + 5);
  const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
  let opened = 0;
  const client = new RegistryClient({ registry: host, credentials: null });
  cutNextPatch = true;
  const done = await uploadBlob(
    client,
    {
      repository: 'app',
      digest,
      size: data.length,
      what: 'layer',
      open: async () => {
        opened++;
        return Readable.from([data.subarray(0, MiB), data.subarray(MiB, 2 * MiB), data.subarray(2 * MiB)]);
      },
    },
    { chunkSize: MiB, chunkThreshold: 8 * MiB, resumes: 1 },
  );
  expect(done).toEqual({ digest, size: data.length, how: 'uploaded' });
  const last = data.length - 1;
  const cut = seen.find((s) => s.status === 0)!;
  expect(cut.contentRange).toBe(`0-${last}`);
  const status = seen.find((s) => s.method === 'GET')!;
  const kept = Number(/^0-(\d+)$/.exec(status.range ?? '')?.[1]) + 1;
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(data.length);
  expect(seen.filter((s) => s.status !== 0).map((s) => [s.method, s.status, s.contentRange])).toEqual([
    ['HEAD', 404, undefined],
    ['POST', 202, undefined],
    ['GET', 204, undefined],
    ['PATCH', 202, `${kept}-${last}`],
    ['PUT', 201, undefined],
  ]);
  expect(opened).toBe(2);
  expect(stored!.digest).toBe(digest);
  expect(stored!.bytes.equals(data)).toBe(true);
});
