/**
 * A fake GitHub REST API on 127.0.0.1 for the code scanning and issue comment endpoints. It decodes and
 * validates SARIF uploads the way GitHub does (required fields, ref and SHA format, gzip size, SARIF schema
 * and GitHub's rule kinds, runs, categories, results and locations limits) and simulates processing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { Log } from 'sarif';
import { validateSarif } from './sarif-validate';

type FakeMode =
  | 'ok'
  /** 403 as for a fork pull request or a token without security-events: write. */
  | 'forbidden'
  /** 404 as when code scanning is not enabled. */
  | 'disabled'
  /** `failures` 5xx answers, then normal behaviour. */
  | 'flaky'
  /** 5xx forever. */
  | 'down';

export interface FakeGitHubOptions {
  token?: string;
  mode?: FakeMode;
  failures?: number;
  /** Status checks answered `pending` before the final status (default 1). */
  pendingPolls?: number;
  /** Run the SARIF schema and multitool validation on uploads (default true). */
  validate?: boolean;
}

export interface ReceivedUpload {
  id: string;
  owner: string;
  repo: string;
  body: Record<string, unknown>;
  sarif?: Log;
  gzipBytes: number;
  /** Why processing failed (empty when it succeeded). */
  errors: string[];
  polls: number;
}

export interface FakeComment {
  id: number;
  body: string;
  issue: number;
}

const MAX_GZIP = 10 * 1000 * 1000;

export class FakeGitHub {
  readonly uploads: ReceivedUpload[] = [];
  readonly comments: FakeComment[] = [];
  /** Every request: method, path, status answered. */
  readonly requests: { method: string; path: string; status: number }[] = [];
  private server?: Server;
  private failuresLeft: number;
  private nextComment = 1;
  url = '';

  constructor(readonly options: FakeGitHubOptions = {}) {
    this.failuresLeft = options.failures ?? 2;
  }

  get token(): string {
    return this.options.token ?? 'ghs_faketoken1234567890';
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => this.send(req, res, 500, { message: String(e) }));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    this.requests.push({ method: req.method ?? '', path: req.url ?? '', status });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`)
      return this.send(req, res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });

    const mode = this.options.mode ?? 'ok';
    if (mode === 'down' || (mode === 'flaky' && this.failuresLeft > 0)) {
      this.failuresLeft--;
      return this.send(req, res, 502, { message: 'Server Error' });
    }

    const url = new URL(req.url ?? '/', 'http://x');
    const p = url.pathname;
    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs$/.exec(p)) && req.method === 'POST') {
      if (mode === 'forbidden')
        return this.send(req, res, 403, { message: 'Resource not accessible by integration', status: '403' });
      if (mode === 'disabled')
        return this.send(req, res, 404, {
          message: 'Code scanning is not enabled for this repository',
          status: '404',
        });
      return this.upload(req, res, m[1]!, m[2]!, raw);
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs\/([^/]+)$/.exec(p)) && req.method === 'GET') {
      const u = this.uploads.find((x) => x.id === m![3]);
      if (!u) return this.send(req, res, 404, { message: 'Not Found' });
      u.polls++;
      const pending = u.polls <= (this.options.pendingPolls ?? 1);
      return this.send(req, res, 200, {
        processing_status: pending ? 'pending' : u.errors.length ? 'failed' : 'complete',
        analyses_url:
          pending || u.errors.length
            ? null
            : `${this.url}/repos/${u.owner}/${u.repo}/code-scanning/analyses?sarif_id=${u.id}`,
        errors: pending ? null : u.errors,
      });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(p))) {
      const issue = Number(m[1]);
      if (mode === 'forbidden' && req.method !== 'GET')
        return this.send(req, res, 403, { message: 'Resource not accessible by integration' });
      if (req.method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const all = this.comments.filter((c) => c.issue === issue);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length)
          headers.link = `<${this.url}${p}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
        return this.send(
          req,
          res,
          200,
          slice.map((c) => ({ id: c.id, body: c.body })),
          headers,
        );
      }
      if (req.method === 'POST') {
        const body = JSON.parse(raw) as { body?: unknown };
        if (typeof body.body !== 'string') return this.send(req, res, 422, { message: 'body is required' });
        const c = { id: this.nextComment++, body: body.body, issue };
        this.comments.push(c);
        return this.send(req, res, 201, { id: c.id, body: c.body, html_url: `${this.url}/c/${c.id}` });
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(p)) && req.method === 'PATCH') {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return this.send(req, res, 404, { message: 'Not Found' });
      c.body = (JSON.parse(raw) as { body: string }).body;
      return this.send(req, res, 200, { id: c.id, body: c.body, html_url: `${this.url}/c/${c.id}` });
    }
    return this.send(req, res, 404, { message: `Not Found: ${req.method} ${p}` });
  }

  private async upload(req: IncomingMessage, res: ServerResponse, owner: string, repo: string, raw: string) {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return this.send(req, res, 400, { message: 'Problems parsing JSON' });
    }
    for (const k of ['commit_sha', 'ref', 'sarif'])
      if (typeof body[k] !== 'string' || !body[k])
        return this.send(req, res, 422, { message: `Invalid request. "${k}" wasn't supplied.` });
    if (!/^[0-9a-f]{40}$/.test(body.commit_sha as string))
      return this.send(req, res, 422, { message: 'Invalid request. commit_sha is not a valid SHA' });
    if (!/^refs\/(heads|tags)\/.+$|^refs\/pull\/\d+\/(merge|head)$/.test(body.ref as string))
      return this.send(req, res, 422, {
        message: `Invalid request. ref "${String(body.ref)}" is not a valid ref`,
      });
    if (body.started_at !== undefined && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(String(body.started_at)))
      return this.send(req, res, 422, { message: 'Invalid request. started_at is not a valid timestamp' });
    const gz = Buffer.from(body.sarif as string, 'base64');
    if (gz.length > MAX_GZIP) return this.send(req, res, 413, { message: 'Payload Too Large' });
    let sarif: Log;
    try {
      sarif = JSON.parse(gunzipSync(gz).toString('utf8')) as Log;
    } catch {
      return this.send(req, res, 400, {
        message: 'Invalid request. The sarif field is not gzip-compressed, base64-encoded JSON',
      });
    }
    const errors = await this.check(sarif);
    const id = `sarif-${this.uploads.length + 1}`;
    this.uploads.push({ id, owner, repo, body, sarif, gzipBytes: gz.length, errors, polls: 0 });
    return this.send(req, res, 202, {
      id,
      url: `${this.url}/repos/${owner}/${repo}/code-scanning/sarifs/${id}`,
    });
  }

  /** GitHub's processing checks: limits reject the whole analysis. */
  private async check(log: Log): Promise<string[]> {
    const errors: string[] = [];
    if (log.version !== '2.1.0') errors.push(`unsupported SARIF version ${String(log.version)}`);
    const runs = Array.isArray(log.runs) ? log.runs : [];
    if (runs.length > 20) errors.push(`SARIF file contains more runs than allowed (${runs.length} > 20)`);
    const seen = new Set<string>();
    for (const run of runs) {
      const key = `${run.tool?.driver?.name ?? ''}\u0000${run.automationDetails?.id ?? ''}`;
      if (seen.has(key)) errors.push('A delivery cannot contain multiple runs with the same category');
      seen.add(key);
      const results = run.results ?? [];
      if (results.length > 25_000)
        errors.push(`more results per run than allowed (${results.length} > 25000)`);
      for (const r of results) {
        if ((r.locations?.length ?? 0) > 1000)
          errors.push(`more locations per result than allowed (${r.locations!.length} > 1000)`);
        if ((r.relatedLocations?.length ?? 0) > 1000)
          errors.push(
            `more related locations per result than allowed (${r.relatedLocations!.length} > 1000)`,
          );
      }
      for (const rule of run.tool?.driver?.rules ?? []) {
        const s = rule.properties?.['security-severity'];
        if (s !== undefined && !Number.isFinite(Number(s)))
          errors.push('could not convert rules: invalid security severity value, is not a number');
      }
    }
    if (this.options.validate !== false && errors.length === 0) {
      const v = await validateSarif(log);
      errors.push(...v.schemaErrors.map((e) => `schema: ${e}`), ...v.multitoolErrors);
    }
    return [...new Set(errors)];
  }
}
