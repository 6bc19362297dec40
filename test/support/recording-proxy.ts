/**
 * An HTTP proxy on 127.0.0.1 in front of a test registry that records every exchange (method, path, the
 * Content-Range sent, when it started and ended) and can drop the connection in the middle of a PATCH
 * body, before forwarding any of it, as a network failure would.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  path: string;
  contentRange?: string | undefined;
  status?: number;
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
  stop(): Promise<void>;
}

export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const [upstreamHost, upstreamPort] = upstream.split(':') as [string, string];
  const exchanges: Exchange[] = [];
  let patchesUntilDrop = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const exchange: Exchange = {
      method: req.method ?? '',
      path: req.url ?? '',
      contentRange: req.headers['content-range'],
      start: performance.now(),
    };
    exchanges.push(exchange);
    if (req.method === 'PATCH' && patchesUntilDrop > 0 && --patchesUntilDrop === 0) {
      const length = Number(req.headers['content-length'] ?? 0);
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
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        up.on('end', () => (exchange.end = performance.now()));
      },
    );
    out.on('error', () => res.destroy());
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
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
