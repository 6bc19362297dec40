/** The shared HTTP layer against a real HTTP server on 127.0.0.1. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { fetchWithRetry, isRetryableStatus } from '../../../src/oci/http';
import { withRetries } from '../../../src/oci/retry';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

let server: Server;
let base: string;
let handler: Handler;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res, ++hits));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

beforeEach(() => {
  hits = 0;
});

/** Answers `status` with `headers` for the first `times` requests, then 200 "ok". */
function failThen(times: number, status: number, headers: Record<string, string> = {}): Handler {
  return (_req, res, n) => {
    if (n <= times) res.writeHead(status, headers).end('busy');
    else res.writeHead(200).end('ok');
  };
}

async function rejection(p: Promise<unknown>): Promise<ShipgateError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ShipgateError);
  return e as ShipgateError;
}

const FAST = { retries: 3, baseMs: 1, maxMs: 20 };

describe('fetchWithRetry', () => {
  it('retries a 503 and returns the 200 that follows', async () => {
    handler = failThen(1, 503);
    const res = await fetchWithRetry(`${base}/x`, {}, { retry: FAST });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect(hits).toBe(2);
  });

  it('returns statuses that are not retried, such as 404 and 501, at once', async () => {
    handler = failThen(1, 404);
    expect((await fetchWithRetry(`${base}/x`, {}, { retry: FAST })).status).toBe(404);
    hits = 0;
    handler = failThen(1, 501);
    expect((await fetchWithRetry(`${base}/x`, {}, { retry: FAST })).status).toBe(501);
    expect(hits).toBe(1);
  });

  it('honours Retry-After in seconds over its own backoff', async () => {
    handler = failThen(1, 429, { 'retry-after': '1' });
    const t0 = Date.now();
    const res = await fetchWithRetry(`${base}/x`, {}, { retry: { retries: 1, baseMs: 1, maxMs: 5_000 } });
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date', async () => {
    handler = failThen(1, 503, { 'retry-after': new Date(Date.now() + 2_000).toUTCString() });
    const t0 = Date.now();
    const res = await fetchWithRetry(`${base}/x`, {}, { retry: { retries: 1, baseMs: 1, maxMs: 5_000 } });
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it('caps a long Retry-After', async () => {
    handler = failThen(1, 503, { 'retry-after': '3600' });
    const t0 = Date.now();
    const res = await fetchWithRetry(`${base}/x`, {}, { retry: { retries: 1, baseMs: 1, maxMs: 50 } });
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('gives up after N retries with a NETWORK error naming the host, not the query or credentials', async () => {
    handler = failThen(Infinity, 502);
    const e = await rejection(
      fetchWithRetry(
        `${base}/path?token=hunter2`,
        { headers: { authorization: 'Basic c2VjcmV0' } },
        { retry: FAST },
      ),
    );
    expect(hits).toBe(4);
    expect(e.code).toBe('NETWORK');
    expect(e.exitCode).toBe(4);
    expect(e.message).toBe(`${base}/path: HTTP 502 after 4 attempts`);
    const userinfo = await rejection(
      fetchWithRetry(
        `http://user:secret@${base.slice(7)}/p?token=hunter2`,
        {},
        { retry: { ...FAST, retries: 0 } },
      ),
    );
    expect(userinfo.message).toContain(`${base}/p`);
    expect(userinfo.message).not.toMatch(/secret|hunter2|c2VjcmV0/);
    expect(e.message).not.toMatch(/secret|hunter2|c2VjcmV0/);
  });

  it('turns an unreachable host into NETWORK after the retries', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await rejection(
      fetchWithRetry(`http://127.0.0.1:${port}/`, {}, { retry: { ...FAST, retries: 1 } }),
    );
    expect(e.code).toBe('NETWORK');
    expect(e.message).toBe(`http://127.0.0.1:${port}/: ECONNREFUSED after 2 attempts`);
  });

  it('times out a server that does not answer, on every attempt', async () => {
    handler = () => undefined;
    const e = await rejection(
      fetchWithRetry(`${base}/hang`, {}, { timeoutMs: 100, retry: { ...FAST, retries: 1 } }),
    );
    expect(hits).toBe(2);
    expect(e.message).toBe(`${base}/hang: no answer within 100 ms after 2 attempts`);
  });

  it('lets the caller build the final error', async () => {
    handler = failThen(Infinity, 500);
    const e = await rejection(
      fetchWithRetry(
        `${base}/x`,
        {},
        {
          what: 'manifest app:1',
          retry: { ...FAST, retries: 0 },
          giveUp: (f) =>
            new ShipgateError('REGISTRY', `${f.what}: ${f.host} answered ${f.status} (${f.attempts})`),
        },
      ),
    );
    expect(e.code).toBe('REGISTRY');
    expect(e.message).toBe(`manifest app:1: ${base.slice(7)} answered 500 (1)`);
  });

  it('stops at once when aborted, during a request or while waiting to retry', async () => {
    handler = () => undefined;
    const during = new AbortController();
    setTimeout(() => during.abort(), 50);
    const t0 = Date.now();
    const e1 = await rejection(
      fetchWithRetry(`${base}/hang`, {}, { signal: during.signal, timeoutMs: 10_000 }),
    );
    expect(e1.message).toBe(`${base}/hang: cancelled`);
    expect(Date.now() - t0).toBeLessThan(5_000);

    hits = 0;
    handler = failThen(Infinity, 503, { 'retry-after': '30' });
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 100);
    const e2 = await rejection(
      fetchWithRetry(
        `${base}/x`,
        {},
        { signal: waiting.signal, retry: { retries: 5, baseMs: 1, maxMs: 60_000 } },
      ),
    );
    expect(e2.code).toBe('NETWORK');
    expect(hits).toBe(1);
  });

  it('classifies statuses: 408, 429 and 5xx except 501 and 505 are retried', () => {
    expect([408, 429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 401, 403, 404, 501, 505].some(isRetryableStatus)).toBe(false);
  });
});

describe('withRetries', () => {
  it('rethrows permanent failures without retrying and throws the last error when retries run out', async () => {
    let calls = 0;
    await expect(
      withRetries(
        () => {
          calls++;
          throw new Error('permanent');
        },
        { what: 'op', retry: FAST },
      ),
    ).rejects.toThrow('permanent');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withRetries(
        () =>
          Promise.resolve({ transient: `try ${++calls}`, giveUp: () => new Error(`gave up after ${calls}`) }),
        { what: 'op', retry: FAST },
      ),
    ).rejects.toThrow('gave up after 4');
  });
});
