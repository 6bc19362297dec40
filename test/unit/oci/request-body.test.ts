/** Request bodies as the registry client sends them, against a real HTTP server on 127.0.0.1. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/oci/client';

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let server: Server;
let host: string;
const received: Received[] = [];

beforeAll(async () => {
  // The first attempt of each request gets a 503, the next one a 201.
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(parts) });
      res.writeHead(received.length % 2 === 1 ? 503 : 201).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

it('sends the whole body with its Content-Length on every attempt, a retry included', async () => {
  const client = new RegistryClient({
    registry: host,
    credentials: null,
    retry: { retries: 2, baseMs: 1, maxMs: 5 },
  });
  for (const body of [randomBytes(3 * 1024 * 1024 + 7), Buffer.alloc(0)]) {
    received.length = 0;
    const res = await client.request(
      { method: 'PUT', path: '/v2/app/blobs/uploads/1?digest=sha256:0', body },
      'upload',
    );
    expect(res.status).toBe(201);
    expect(received).toHaveLength(2);
    for (const r of received) {
      expect(r.headers['content-length']).toBe(String(body.length));
      expect(r.headers['transfer-encoding']).toBeUndefined();
      expect(r.body.equals(body)).toBe(true);
    }
  }
});

it('refuses a redirect answered to a request with a body, at once', async () => {
  let requests = 0;
  const redirecting = createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => res.writeHead(307, { location: '/elsewhere' }).end());
  });
  await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', r));
  const at = `127.0.0.1:${(redirecting.address() as AddressInfo).port}`;
  try {
    const client = new RegistryClient({ registry: at, credentials: null, retry: { baseMs: 1, maxMs: 5 } });
    await expect(
      client.request(
        { method: 'PUT', path: '/v2/app/blobs/uploads/1?digest=sha256:0', body: randomBytes(1024) },
        'upload',
      ),
    ).rejects.toThrow(`upload: ${at} answered with a redirect, which a request with a body does not follow`);
    expect(requests).toBe(1);
  } finally {
    redirecting.closeAllConnections();
    await new Promise<void>((r) => redirecting.close(() => r()));
  }
});

it('streams a body piece by piece, each piece restarting the timeout; a stalled body times out', async () => {
  const bodies: Buffer[] = [];
  const slow = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      bodies.push(Buffer.concat(parts));
      res.writeHead(201).end();
    });
    req.on('error', () => undefined);
  });
  await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
  const at = `127.0.0.1:${(slow.address() as AddressInfo).port}`;
  const pieces = [randomBytes(1000), randomBytes(2000), randomBytes(3000), randomBytes(4000)];
  const body = (gapMs: number[]) => ({
    length: 10_000,
    async *open() {
      for (const [i, piece] of pieces.entries()) {
        await sleep(gapMs[i]!);
        yield piece;
      }
    },
  });
  try {
    const client = new RegistryClient({
      registry: at,
      credentials: null,
      timeoutMs: 300,
      retry: { retries: 0 },
    });
    // 4 × 150 ms: twice the timeout in all, never 300 ms without a piece.
    const res = await client.request(
      { method: 'PUT', path: '/v2/app/blobs/uploads/1?digest=sha256:0', body: body([150, 150, 150, 150]) },
      'upload',
    );
    expect(res.status).toBe(201);
    expect(bodies).toEqual([Buffer.concat(pieces)]);
    await expect(
      client.request(
        { method: 'PUT', path: '/v2/app/blobs/uploads/2?digest=sha256:0', body: body([0, 0, 600, 0]) },
        'upload',
      ),
    ).rejects.toThrow('no answer within 300 ms');
  } finally {
    slow.closeAllConnections();
    await new Promise<void>((r) => slow.close(() => r()));
  }
});
