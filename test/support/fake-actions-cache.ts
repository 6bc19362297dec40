/**
 * A local stand-in for GitHub's cache service (v2) on 127.0.0.1, checking what the real one checks:
 * - the twirp JSON API at `/twirp/github.actions.results.api.v1.CacheService/<method>` (proto field names,
 *   bearer runtime token, JSON content type): `GetCacheEntryDownloadURL` (exact key, then the newest entry
 *   whose key starts with a restore key, same version only), `CreateCacheEntry` (a key and version are
 *   written once) and `FinalizeCacheEntryUpload` (the uploaded size must be the declared one);
 * - the Azure block-blob endpoint behind the signed URLs: `Put Blob` (`x-ms-blob-type: BlockBlob`), or
 *   `Put Block` + `Put Block List` for large archives, and a plain GET to download.
 * As read from @actions/cache 6.3.0 (lib/internal/shared/cacheTwirpClient.js, lib/cache.js saveCacheV2 and
 * restoreCacheV2, lib/internal/uploadUtils.js uploadCacheArchiveSDK).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

interface Entry {
  id: number;
  key: string;
  version: string;
  blob?: Buffer;
  blocks: Map<string, Buffer>;
  finalized: boolean;
  /** Order of finalization: restore keys pick the newest. */
  at: number;
}

export class FakeActionsCache {
  private server!: Server;
  url = '';
  readonly token = 'runtime-token-for-tests';
  readonly entries: Entry[] = [];
  /** Every call, method name or `PUT blob`/`GET blob`, for assertions. */
  readonly calls: string[] = [];
  /** Twirp methods answering with an error status (429: rate limited, not retried by the client). */
  readonly failing = new Map<string, number>();
  private seq = 0;

  /** The variables a runner gives a JavaScript action for this service. */
  env(): Record<string, string> {
    return {
      ACTIONS_RESULTS_URL: `${this.url}/`,
      ACTIONS_RUNTIME_TOKEN: this.token,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        res.writeHead(500).end(String(e));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname.startsWith(SERVICE))
      return this.twirp(url.pathname.slice(SERVICE.length), req, body, res);
    const blob = /^\/devstoreaccount1\/actions-cache\/(\d+)$/.exec(url.pathname);
    if (!blob) return void res.writeHead(404).end();
    const entry = this.entries.find((e) => e.id === Number(blob[1]));
    if (!entry || url.searchParams.get('sig') !== `sig-${entry.id}`)
      return void res.writeHead(403).end('AuthenticationFailed');
    if (req.method === 'GET') {
      this.calls.push('GET blob');
      if (!entry.finalized || !entry.blob) return void res.writeHead(404).end('BlobNotFound');
      return void res
        .writeHead(200, { 'content-length': entry.blob.length, 'content-type': 'application/octet-stream' })
        .end(entry.blob);
    }
    if (req.method !== 'PUT') return void res.writeHead(405).end();
    this.calls.push('PUT blob');
    if (entry.finalized) return void res.writeHead(409).end('BlobAlreadyExists');
    if (!req.headers['x-ms-version'])
      return void res.writeHead(400).end('MissingRequiredHeader x-ms-version');
    if (Number(req.headers['content-length']) !== body.length)
      return void res.writeHead(400).end('content-length does not match the body');
    const comp = url.searchParams.get('comp');
    const ok = { etag: `"0x${entry.id}"`, 'last-modified': new Date().toUTCString(), 'x-ms-request-id': '1' };
    if (comp === 'block') {
      const id = url.searchParams.get('blockid');
      if (!id) return void res.writeHead(400).end('InvalidQueryParameterValue blockid');
      entry.blocks.set(id, body);
      return void res.writeHead(201, ok).end();
    }
    if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map(
        (m) => m[1]!,
      );
      if (!ids.length || ids.some((id) => !entry.blocks.has(id)))
        return void res.writeHead(400).end('InvalidBlockList');
      entry.blob = Buffer.concat(ids.map((id) => entry.blocks.get(id)!));
      return void res.writeHead(201, ok).end();
    }
    if (comp) return void res.writeHead(400).end(`unsupported comp=${comp}`);
    if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
      return void res.writeHead(400).end('x-ms-blob-type must be BlockBlob');
    entry.blob = body;
    res.writeHead(201, ok).end();
  }

  private twirp(method: string, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    this.calls.push(method);
    const error = (status: number, code: string, msg: string): void =>
      void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code, msg }));
    if (req.method !== 'POST') return error(404, 'bad_route', 'twirp routes are POST');
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return error(401, 'unauthenticated', 'invalid runtime token');
    if (!String(req.headers['content-type']).startsWith('application/json'))
      return error(404, 'bad_route', 'unexpected content type');
    const failure = this.failing.get(method);
    if (failure) return error(failure, 'resource_exhausted', 'scripted failure');
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return error(400, 'malformed', 'body is not JSON');
    }
    const key = input.key;
    const version = input.version;
    if (typeof key !== 'string' || !key || key.length > 512 || key.includes(','))
      return error(400, 'invalid_argument', 'key');
    if (typeof version !== 'string' || !/^[0-9a-f]{64}$/.test(version))
      return error(400, 'invalid_argument', 'version');
    const json = (v: object): void =>
      void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(v));
    const done = this.entries.filter((e) => e.finalized && e.version === version);
    if (method === 'GetCacheEntryDownloadURL') {
      const restoreKeys = input.restore_keys ?? [];
      if (!Array.isArray(restoreKeys) || restoreKeys.some((k) => typeof k !== 'string'))
        return error(400, 'invalid_argument', 'restore_keys');
      const newest = (prefix: string) =>
        done.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.at - a.at)[0];
      const hit =
        done.find((e) => e.key === key) ??
        (restoreKeys as string[]).map((k) => newest(k)).find((e) => e !== undefined);
      if (!hit) return json({ ok: false, signed_download_url: '', matched_key: '' });
      return json({ ok: true, signed_download_url: this.blobUrl(hit), matched_key: hit.key });
    }
    if (method === 'CreateCacheEntry') {
      if (this.entries.some((e) => e.key === key && e.version === version))
        return error(409, 'already_exists', 'cache entry with the same key and version already exists');
      const entry: Entry = { id: ++this.seq, key, version, blocks: new Map(), finalized: false, at: 0 };
      this.entries.push(entry);
      return json({ ok: true, signed_upload_url: this.blobUrl(entry) });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = this.entries.find((e) => e.key === key && e.version === version && !e.finalized);
      if (!entry) return error(404, 'not_found', 'no pending cache entry');
      if (!entry.blob || String(entry.blob.length) !== input.size_bytes)
        return json({ ok: false, entry_id: '0', message: 'uploaded size does not match size_bytes' });
      entry.finalized = true;
      entry.at = ++this.seq;
      return json({ ok: true, entry_id: String(entry.id) });
    }
    return error(404, 'bad_route', `no method ${method}`);
  }

  private blobUrl(e: Entry): string {
    return `${this.url}/devstoreaccount1/actions-cache/${e.id}?sv=2024-11-04&sr=b&sp=rcw&sig=sig-${e.id}`;
  }
}
