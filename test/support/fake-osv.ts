/**
 * A local stand-in for the OSV bucket and API on 127.0.0.1, serving the real fixture records:
 * `/<ecosystem>/all.zip` (zips made here, bucket file names), ETag/Last-Modified with 304 answers (for the
 * change listings too),
 * `POST /v1/querybatch` with pagination and `GET /v1/vulns/{id}`, plus scripted failures.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { OsvRecord } from '../../src/vuln/osv/types';
import { OSV_FIXTURES } from './vuln';

export interface Failure {
  /** Request path prefix the failure applies to. */
  path: string;
  status: number;
  /** How many requests fail before normal service resumes (Infinity: all). */
  times: number;
  retryAfter?: string;
}

export function fixtureRecords(dir: string): OsvRecord[] {
  return readdirSync(join(OSV_FIXTURES, dir)).map(
    (f) => JSON.parse(readFileSync(join(OSV_FIXTURES, dir, f), 'utf8')) as OsvRecord,
  );
}

/** A zip in the bucket's layout: one `<id>.json` per record. */
export function makeZip(records: OsvRecord[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const r of records) files[`${r.id}.json`] = new TextEncoder().encode(JSON.stringify(r, null, 2));
  return zipSync(files);
}

export class FakeOsv {
  private server!: Server;
  url = '';
  readonly requests: { method: string; path: string; headers: IncomingMessage['headers'] }[] = [];
  readonly archives = new Map<string, { body: Uint8Array; etag: string; lastModified: string }>();
  readonly records = new Map<string, OsvRecord>();
  failures: Failure[] = [];
  /** Serve `<ecosystem>/modified_id.csv` and `<ecosystem>/<id>.json` as the bucket does (off by default). */
  listings = false;
  /** Per ecosystem, the records the listing and per-record files are made from (setArchive fills it). */
  readonly current = new Map<string, OsvRecord[]>();
  /** Replaces the listing text of an ecosystem (to serve a broken one). */
  readonly rawListings = new Map<string, string>();
  /** Vulnerability ids per querybatch result page. */
  pageSize = 1;
  private version = 0;

  setArchive(ecosystem: string, records: OsvRecord[]): void {
    this.version++;
    this.archives.set(ecosystem, {
      body: makeZip(records),
      etag: `"${ecosystem}-${this.version}"`,
      lastModified: new Date(Date.UTC(2026, 0, this.version)).toUTCString(),
    });
    this.current.set(ecosystem, records);
    for (const r of records) this.records.set(r.id, r);
  }

  /** Changes records of an ecosystem without a new archive, as the bucket's per-record files change first. */
  updateRecords(ecosystem: string, changed: OsvRecord[]): void {
    const ids = new Set(changed.map((r) => r.id));
    this.current.set(ecosystem, [
      ...(this.current.get(ecosystem) ?? []).filter((r) => !ids.has(r.id)),
      ...changed,
    ]);
    for (const r of changed) this.records.set(r.id, r);
  }

  /** The bucket's modified_id.csv: `<modified>,<id>` per record, newest first. */
  listing(ecosystem: string): string {
    const records = [...(this.current.get(ecosystem) ?? [])].sort(
      (a, b) => Date.parse(b.modified ?? '') - Date.parse(a.modified ?? '') || (a.id < b.id ? -1 : 1),
    );
    return records.map((r) => `${r.modified},${r.id}\n`).join('');
  }

  setRawArchive(ecosystem: string, body: Uint8Array): void {
    this.version++;
    this.archives.set(ecosystem, {
      body,
      etag: `"raw-${this.version}"`,
      lastModified: new Date().toUTCString(),
    });
  }

  count(prefix: string): number {
    return this.requests.filter((r) => r.path.startsWith(prefix)).length;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const fail = this.failures.find((f) => path.startsWith(f.path) && f.times > 0);
    if (fail) {
      fail.times--;
      const headers: Record<string, string> = fail.retryAfter ? { 'retry-after': fail.retryAfter } : {};
      res.writeHead(fail.status, headers).end(`scripted ${fail.status}`);
      return;
    }
    const listing = /^\/(.+)\/modified_id\.csv$/.exec(path);
    if (req.method === 'GET' && listing && this.listings) {
      const text = this.rawListings.get(listing[1]!) ?? this.listing(listing[1]!);
      // As the bucket: an ETag per content, 304 for a matching If-None-Match.
      const etag = `"${createHash('md5').update(text).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      return void res.writeHead(200, { 'content-type': 'text/csv', etag }).end(text);
    }
    const one = /^\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (req.method === 'GET' && one && this.listings) {
      const r = this.current.get(one[1]!)?.find((x) => x.id === one[2]);
      if (!r) return void res.writeHead(404).end('not found');
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(r));
    }
    const m = /^\/(.+)\/all\.zip$/.exec(path);
    if (req.method === 'GET' && m) {
      const a = this.archives.get(m[1]!);
      if (!a) return void res.writeHead(404).end('not found');
      if (req.headers['if-none-match'] === a.etag) return void res.writeHead(304, { etag: a.etag }).end();
      res.writeHead(200, {
        etag: a.etag,
        'last-modified': a.lastModified,
        'content-type': 'application/zip',
      });
      res.end(Buffer.from(a.body));
      return;
    }
    if (req.method === 'POST' && path === '/v1/querybatch') {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        queries: { package: { ecosystem: string; name: string }; version: string; page_token?: string }[];
      };
      const results = body.queries.map((q) => {
        // Like the real API, answer by package; the client re-checks versions against the records.
        const ids = [...this.records.values()]
          .filter((r) =>
            r.affected?.some(
              (a) => a.package?.ecosystem === q.package.ecosystem && a.package.name === q.package.name,
            ),
          )
          .map((r) => r.id)
          .sort();
        const start = q.page_token ? Number(q.page_token) : 0;
        const page = ids.slice(start, start + this.pageSize);
        if (!page.length) return {};
        const out: { vulns: { id: string; modified: string }[]; next_page_token?: string } = {
          vulns: page.map((id) => ({ id, modified: '2026-01-01T00:00:00Z' })),
        };
        if (start + this.pageSize < ids.length) out.next_page_token = String(start + this.pageSize);
        return out;
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
      return;
    }
    const v = /^\/v1\/vulns\/(.+)$/.exec(path);
    if (req.method === 'GET' && v) {
      const r = this.records.get(v[1]!);
      if (!r) return void res.writeHead(404).end('{"code":5,"message":"Bug not found."}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(r));
      return;
    }
    res.writeHead(404).end('not found');
  }
}
