/**
 * A referrers API in front of a real registry that lacks one (`docker-registry` 2.8): a reverse proxy on
 * 127.0.0.1 that forwards every request, records the manifests with a `subject` pushed through it (and
 * answers their PUT with `OCI-Subject`, as the distribution spec asks), and serves
 * `GET /v2/<name>/referrers/<digest>[?artifactType=]` as an image index, with `OCI-Filters-Applied` when it
 * filtered and `Link` pages when a page size is set. It can also alter what GETs return, to play a registry
 * that serves other content than it was given.
 */
import { createHash } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ReferrerEntry {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface ReferrersProxy {
  /** host:port to give the client instead of the registry's. */
  host: string;
  /** Recorded referrers per `<name>@<subject digest>`. */
  referrers: Map<string, ReferrerEntry[]>;
  /** Serve the referrers API in pages of this many entries (default: one page). */
  pageSize: number | undefined;
  /**
   * `serve` (default): the referrers API; `absent`: forward to the registry (404); `false-200`: answer 200
   * with a page that is not an index, as some registries do for any path.
   */
  referrersApi: 'serve' | 'absent' | 'false-200';
  /** Whether to answer manifest PUTs with `OCI-Subject` (default true; ECR sends it without an API). */
  announceSubject: boolean;
  /**
   * Runs after the registry stored a manifest PUT through the proxy and before the client hears of it: a
   * concurrent writer whose write lands just after the client's.
   */
  afterManifestPut: ((name: string, reference: string) => Promise<void>) | undefined;
  /** Changes the body of GET responses whose path matches; return undefined to leave it. */
  alter: ((path: string, body: Buffer) => Buffer | undefined) | undefined;
  stop(): Promise<void>;
}

const MANIFEST_PUT = /^\/v2\/(.+)\/manifests\/([^/]+)$/;
const REFERRERS = /^\/v2\/(.+)\/referrers\/(sha256:[a-f0-9]{64})$/;
const INDEX = 'application/vnd.oci.image.index.v1+json';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startReferrersProxy(upstream: string): Promise<ReferrersProxy> {
  const [upstreamHost, upstreamPort] = upstream.split(':') as [string, string];
  const referrers = new Map<string, ReferrerEntry[]>();

  const record = (name: string, body: Buffer, contentType: string, digest: string): string | undefined => {
    let doc: {
      artifactType?: string;
      config?: { mediaType?: string };
      subject?: { digest?: string };
      annotations?: Record<string, string>;
    };
    try {
      doc = JSON.parse(body.toString('utf8')) as typeof doc;
    } catch {
      return undefined;
    }
    const subject = doc.subject?.digest;
    if (!subject) return undefined;
    const key = `${name}@${subject}`;
    const list = referrers.get(key) ?? [];
    const artifactType = doc.artifactType ?? doc.config?.mediaType;
    if (!list.some((e) => e.digest === digest))
      list.push({
        mediaType: contentType,
        digest,
        size: body.length,
        ...(artifactType ? { artifactType } : {}),
        ...(doc.annotations ? { annotations: doc.annotations } : {}),
      });
    referrers.set(key, list);
    return subject;
  };

  const answerReferrers = (res: ServerResponse, url: URL, name: string, digest: string): void => {
    const artifactType = url.searchParams.get('artifactType');
    let list = referrers.get(`${name}@${digest}`) ?? [];
    if (artifactType) list = list.filter((e) => e.artifactType === artifactType);
    const headers: Record<string, string> = { 'content-type': INDEX };
    if (artifactType) headers['oci-filters-applied'] = 'artifactType';
    const size = proxy.pageSize;
    if (size) {
      const last = url.searchParams.get('last');
      const start = last ? list.findIndex((e) => e.digest === last) + 1 : 0;
      const page = list.slice(start, start + size);
      if (start + size < list.length) {
        const next = new URLSearchParams(url.searchParams);
        next.set('last', page[page.length - 1]!.digest);
        headers.link = `<${url.pathname}?${next.toString()}>; rel="next"`;
      }
      list = page;
    }
    const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: list }));
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(body);
  };

  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer | undefined,
    path: string,
  ): void => {
    const out = request(
      {
        host: upstreamHost,
        port: Number(upstreamPort),
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        const status = up.statusCode ?? 502;
        const putManifest = req.method === 'PUT' && MANIFEST_PUT.exec(path);
        const alter = req.method === 'GET' ? proxy.alter : undefined;
        if (!(putManifest && status === 201 && body) && !alter) {
          res.writeHead(status, up.headers);
          up.pipe(res);
          return;
        }
        void readBody(up).then(async (upBody) => {
          const headers = { ...up.headers };
          if (putManifest && body) await proxy.afterManifestPut?.(putManifest[1]!, putManifest[2]!);
          if (putManifest && body && proxy.announceSubject) {
            const digest =
              (up.headers['docker-content-digest'] as string | undefined) ??
              `sha256:${createHash('sha256').update(body).digest('hex')}`;
            const subject = record(putManifest[1]!, body, String(req.headers['content-type'] ?? ''), digest);
            if (subject) headers['oci-subject'] = subject;
          }
          const changed = alter?.(path, upBody);
          const sent = changed ?? upBody;
          if (changed) headers['content-length'] = String(changed.length);
          res.writeHead(status, headers);
          res.end(sent);
        });
      },
    );
    out.on('error', () => res.destroy());
    out.end(body);
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const ref = REFERRERS.exec(url.pathname);
    if (req.method === 'GET' && ref && proxy.referrersApi === 'serve') {
      answerReferrers(res, url, ref[1]!, ref[2]!);
      return;
    }
    if (req.method === 'GET' && ref && proxy.referrersApi === 'false-200') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Welcome</body></html>');
      return;
    }
    if (req.method === 'PUT' && MANIFEST_PUT.test(url.pathname)) {
      void readBody(req).then((body) => forward(req, res, body, url.pathname));
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') {
      forward(req, res, undefined, url.pathname);
      return;
    }
    void readBody(req).then((body) => forward(req, res, body, url.pathname));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: ReferrersProxy = {
    host: `127.0.0.1:${port}`,
    referrers,
    pageSize: undefined,
    referrersApi: 'serve',
    announceSubject: true,
    afterManifestPut: undefined,
    alter: undefined,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
