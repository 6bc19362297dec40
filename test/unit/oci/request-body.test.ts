/** Request bodies as the registry client sends them, against a real HTTP server on 127.0.0.1. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
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
