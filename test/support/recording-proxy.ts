/**
 * An HTTP proxy on 127.0.0.1 in front of a test registry that records every exchange (method, path, the
 * Content-Range sent, the Range answered, when it started and ended). It can drop the connection in the
 * middle of a PATCH body, before forwarding any of it, or in the middle of any body, once the registry has
 * received its first half, as a network failure would; and it can refuse bodies over a size with a 413, as a
 * reverse proxy with a body limit does.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  path: string;
  contentRange?: string | undefined;
  status?: number;
  /** The Range header of the answer. */
  range?: string | undefined;
  dropped?: boolean;
  start: number;
  end?: number;
}

export interface RecordingProxy {
  /** host:port to give the client instead of the registry's. */
  host: string;
  exchanges: Exchange[];
  /** Drops the connection of the nth PATCH from now (1 = the next one) halfway through its body. */
  dropPatch(nth: number): void;
  /** Forwards the first half of the body of the nth `method` request from now, then drops both connections. */
  cut(method: string, nth: number): void;
  /** Answers 413 to requests with a Content-Length over `bytes` (undefined: no limit). */
  limitBody(bytes: number | undefined): void;
  stop(): Promise<void>;
}

export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const [upstreamHost, upstreamPort] = upstream.split(':') as [string, string];
  const exchanges: Exchange[] = [];
  let patchesUntilDrop = 0;
  let cutMethod = '';
  let untilCut = 0;
  let bodyLimit: number | undefined;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const exchange: Exchange = {
      method: req.method ?? '',
      path: req.url ?? '',
      contentRange: req.headers['content-range'],
      start: performance.now(),
    };
    exchanges.push(exchange);
    const length = Number(req.headers['content-length'] ?? 0);
    if (bodyLimit !== undefined && length > bodyLimit) {
      exchange.status = 413;
      req.resume();
      req.on('end', () => {
        res.writeHead(413).end();
        exchange.end = performance.now();
      });
      return;
    }
    if (req.method === 'PATCH' && patchesUntilDrop > 0 && --patchesUntilDrop === 0) {
      let received = 0;
      req.on('data', (d: Buffer) => {
        received += d.length;
        if (received >= length / 2 && !exchange.dropped) {
          exchange.dropped = true;
          exchange.end = performance.now();
          req.socket.destroy();
        }
      });
      return;
    }
    const out = request(
      {
        host: upstreamHost,
        port: Number(upstreamPort),
        method: req.method,
        path: req.url,
        // The Host header passes unchanged, so the registry's upload locations point at the proxy.
        headers: req.headers,
      },
      (up) => {
        exchange.status = up.statusCode ?? 0;
        exchange.range = up.headers.range;
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        up.on('end', () => (exchange.end = performance.now()));
      },
    );
    out.on('error', () => res.destroy());
    if (req.method === cutMethod && untilCut > 0 && --untilCut === 0) {
      let forwarded = 0;
      req.on('data', (d: Buffer) => {
        if (exchange.dropped) return;
        const piece = d.subarray(0, Math.max(0, Math.floor(length / 2) - forwarded));
        forwarded += piece.length;
        if (piece.length < d.length) {
          exchange.dropped = true;
          exchange.end = performance.now();
          // The half is written before the connections drop, so the registry holds part of the upload.
          out.write(piece, () =>
            setTimeout(() => {
              out.destroy();
              req.socket.destroy();
            }, 200),
          );
          return;
        }
        out.write(piece);
      });
      return;
    }
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    exchanges,
    dropPatch(nth: number) {
      patchesUntilDrop = nth;
    },
    cut(method: string, nth: number) {
      cutMethod = method;
      untilCut = nth;
    },
    limitBody(bytes: number | undefined) {
      bodyLimit = bytes;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
