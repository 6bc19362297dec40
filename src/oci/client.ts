/**
 * A client for the OCI distribution API over fetch: manifests and blobs (pull), uploads and manifests
 * (push), the referrers API with its tag-schema fallback. It answers WWW-Authenticate challenges (anonymous
 * and credentialed bearer tokens, basic auth), retries 429/5xx with backoff honouring Retry-After, and
 * speaks plain http only to loopback or registries listed as insecure. Credentials and tokens go only to
 * the registry's own origin and to token realms origin.ts allows.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ShipgateError, oneLine } from '../core/errors';
import { addSecret, logger } from '../core/logger';
import { digestOf } from './digest';
import { MANIFEST_ACCEPT, MT } from './media-types';
import { parseChallenge } from './challenge';
import { findCredentials, type Credentials } from './credentials';
import { fetchWithRetry, type AttemptHooks } from './http';
import { nextLink } from './link';
import { isLoopback, realmAccess } from './origin';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';

export interface RegistryClientOptions {
  /** host[:port] as used on the wire. */
  registry: string;
  insecureRegistries?: string[];
  /** Credentials to use; default: found with findCredentials() on first need. */
  credentials?: Credentials | null;
  env?: NodeJS.ProcessEnv;
  /** Time to wait for response headers (ms). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  userAgent?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

type Action = 'pull' | 'push';

interface RequestSpec {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** Path starting with /v2/ or a full URL (upload locations). */
  path: string;
  repository?: string;
  action?: Action;
  headers?: Record<string, string>;
  body?: Buffer | StreamedBody;
  /** Statuses returned to the caller instead of raising (e.g. 404 for HEAD). */
  accept?: number[];
  followRedirects?: boolean;
  /** Retries after the first attempt; 0 where the caller recovers itself (upload chunks resume instead). */
  retries?: number;
}

/** A request body of `length` bytes read from a source while it is sent. */
export interface StreamedBody {
  length: number;
  /** The bytes, from the start; called for every attempt, since sending consumes them. */
  open(): AsyncIterable<Uint8Array>;
}

/**
 * A request body as a stream of the pieces it is given, sent with its Content-Length: fetch sends them as
 * they are (an iterable body would be copied piece by piece). Each piece read restarts the attempt's timeout.
 */
function bodyStream(body: Buffer | StreamedBody, hooks: AttemptHooks): ReadableStream<Uint8Array> {
  if (Buffer.isBuffer(body))
    return new ReadableStream({
      start(controller) {
        controller.enqueue(body);
        controller.close();
      },
    });
  const pieces = body.open()[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) {
        controller.close();
        return;
      }
      hooks.progress();
      controller.enqueue(next.value);
    },
    cancel() {
      // Not awaited: a source waiting for its next bytes ends its iteration once they come.
      pieces.return?.().catch(() => undefined);
    },
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export class RegistryClient {
  readonly registry: string;
  readonly baseUrl: string;
  private readonly origin: string;
  private readonly options: RegistryClientOptions;
  private readonly retry: RetryPolicy;
  private credentials: Credentials | null | undefined;
  /** Authorization header per scope ("repository:x:pull"), or for the whole registry with basic auth. */
  private readonly authByScope = new Map<string, string>();
  private basicAuth: string | undefined;

  constructor(options: RegistryClientOptions) {
    this.options = options;
    this.registry = options.registry;
    const insecure =
      isLoopback(options.registry) || (options.insecureRegistries ?? []).includes(options.registry);
    this.baseUrl = `${insecure ? 'http' : 'https'}://${options.registry}`;
    this.origin = new URL(this.baseUrl).origin;
    this.retry = { ...DEFAULT_RETRY, ...(options.retry ?? {}) };
    this.credentials = options.credentials;
  }

  private async creds(): Promise<Credentials | null> {
    if (this.credentials === undefined)
      this.credentials = (await findCredentials(this.registry, this.options.env ?? process.env)) ?? null;
    return this.credentials;
  }

  private scope(spec: RequestSpec): string {
    return spec.repository
      ? `repository:${spec.repository}:${spec.action === 'push' ? 'pull,push' : 'pull'}`
      : '';
  }

  /** One HTTP exchange with retries for transient failures; no auth handling. */
  private fetchWithRetry(
    url: string,
    init: RequestInit | ((hooks: AttemptHooks) => RequestInit),
    what: string,
    retries?: number,
  ): Promise<Response> {
    return fetchWithRetry(url, init, {
      what,
      retry: retries === undefined ? this.retry : { ...this.retry, retries },
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
      giveUp: (f) => {
        const tries = `${f.attempts} attempt${f.attempts > 1 ? 's' : ''}`;
        if (f.status !== undefined)
          return new ShipgateError(
            'REGISTRY',
            `${what}: ${f.host} answered ${`${f.status} ${f.statusText ?? ''}`.trim()} (after ${tries})`,
            { hint: 'the registry is failing or rate-limiting; try again later' },
          );
        return new ShipgateError(
          'NETWORK',
          `${what}: cannot reach ${f.host}: ${oneLine(f.reason)} (after ${tries})`,
          {
            hint: 'check the network, the registry address, and proxies',
          },
        );
      },
    });
  }

  /** Gets a token (or basic header) answering `challenge` for `scope`. */
  private async authorize(header: string | null, scope: string, what: string): Promise<string> {
    const challenge = parseChallenge(header);
    const creds = await this.creds();
    if (!challenge || challenge.scheme === 'basic') {
      if (!creds?.password)
        throw new ShipgateError('AUTH', `${what}: ${this.registry} requires credentials`, {
          hint: 'log in with `docker login`, or set SHIPGATE_REGISTRY_USERNAME and SHIPGATE_REGISTRY_PASSWORD',
        });
      const basic = `Basic ${Buffer.from(`${creds.username ?? ''}:${creds.password}`).toString('base64')}`;
      addSecret(basic.slice(6));
      this.basicAuth = basic;
      return basic;
    }
    if (challenge.scheme !== 'bearer')
      throw new ShipgateError(
        'UNSUPPORTED',
        `${what}: ${this.registry} asks for unsupported auth "${challenge.scheme}"`,
      );
    const realm = challenge.params.realm;
    if (!realm)
      throw new ShipgateError('REGISTRY', `${what}: ${this.registry} sent a bearer challenge without realm`);
    let realmUrl: URL;
    try {
      realmUrl = new URL(realm);
    } catch {
      throw new ShipgateError('REGISTRY', `${what}: ${this.registry} named an invalid token realm`);
    }
    const access = realmAccess(realmUrl, new URL(this.baseUrl));
    if (access === 'refused')
      throw new ShipgateError(
        'AUTH',
        `${what}: ${this.registry} names a token service over plain http on another host (${realmUrl.host}); refusing it`,
        { hint: 'a token service must use https (or be this machine, or the registry itself)' },
      );
    if (access === 'anonymous' && creds)
      logger().warn(
        `${what}: the token service ${realmUrl.host} is not trusted with the credentials for ${this.registry}; asking it anonymously`,
      );
    const tokenCreds = access === 'credentials' ? creds : null;
    const wantedScope = challenge.params.scope ?? scope;
    const service = challenge.params.service;
    let res: Response;
    if (tokenCreds?.identityToken) {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokenCreds.identityToken,
        client_id: 'shipgate',
      });
      if (service) form.set('service', service);
      if (wantedScope) form.set('scope', wantedScope);
      res = await this.fetchWithRetry(
        realm,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        },
        `${what} (token)`,
      );
    } else {
      const url = new URL(realmUrl);
      if (service) url.searchParams.set('service', service);
      for (const s of wantedScope.split(' ').filter(Boolean)) url.searchParams.append('scope', s);
      const headers: Record<string, string> = {};
      if (tokenCreds?.password) {
        const b = Buffer.from(`${tokenCreds.username ?? ''}:${tokenCreds.password}`).toString('base64');
        addSecret(b);
        headers.authorization = `Basic ${b}`;
      }
      res = await this.fetchWithRetry(url.toString(), { headers }, `${what} (token)`);
    }
    if (res.status === 401 || res.status === 403)
      throw new ShipgateError(
        'AUTH',
        `${what}: ${this.registry} refused the credentials${creds ? ` from ${creds.source}` : ''} (${res.status})`,
        {
          hint: creds
            ? 'check the username and token, and that the token may read this repository'
            : 'this repository needs credentials; log in with `docker login`',
        },
      );
    if (!res.ok) throw new ShipgateError('REGISTRY', `${what}: token endpoint answered ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new ShipgateError('REGISTRY', `${what}: the token endpoint returned no token`);
    addSecret(token);
    const auth = `Bearer ${token}`;
    this.authByScope.set(scope, auth);
    return auth;
  }

  /** Sends a request, answering an auth challenge once; raises ShipgateErrors for failures. */
  async request(spec: RequestSpec, what: string): Promise<Response> {
    const url = new URL(spec.path.startsWith('http') ? spec.path : `${this.baseUrl}${spec.path}`);
    const own = url.origin === this.origin;
    const scope = this.scope(spec);
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent ?? 'shipgate',
      ...(spec.headers ?? {}),
    };
    // An upload location on another origin (storage behind the registry) never sees the registry's auth.
    const known = own ? (this.authByScope.get(scope) ?? this.basicAuth) : undefined;
    if (known) headers.authorization = known;
    const { body } = spec;
    // A fresh body for every attempt, since a stream is consumed by sending it.
    const init = (hooks: AttemptHooks): RequestInit => ({
      method: spec.method,
      headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
      ...(body ? { body: bodyStream(body, hooks), duplex: 'half' } : {}),
      // fetch keeps a copy of a request body to send it again after a redirect (all of a stream, as it is
      // sent): a request with a body refuses redirects instead, and nothing is kept.
      ...(body ? { redirect: 'error', window: null } : { redirect: 'manual' }),
    });
    let res = await this.fetchWithRetry(url.toString(), init, what, spec.retries);
    if (res.status === 401 && own) {
      const challenge = res.headers.get('www-authenticate');
      await res.body?.cancel().catch(() => undefined);
      headers.authorization = await this.authorize(challenge, scope, what);
      res = await this.fetchWithRetry(url.toString(), init, what, spec.retries);
      if (res.status === 401 || res.status === 403) {
        await res.body?.cancel().catch(() => undefined);
        throw new ShipgateError('AUTH', `${what}: ${this.registry} refused access (${res.status})`, {
          hint: 'check the credentials and that they may access this repository',
        });
      }
    }
    if (spec.followRedirects !== false)
      res = await this.followRedirects(res, url, spec.method, headers, what);
    if (res.ok || spec.accept?.includes(res.status)) return res;
    throw await this.errorFor(res, what);
  }

  /** Follows redirects; blob storage on another origin has its own signed URL and gets no Authorization. */
  private async followRedirects(
    first: Response,
    from: URL,
    method: RequestSpec['method'],
    headers: Record<string, string>,
    what: string,
  ): Promise<Response> {
    let res = first;
    let url = from;
    for (let hops = 0; REDIRECTS.has(res.status); hops++) {
      const location = res.headers.get('location');
      await res.body?.cancel().catch(() => undefined);
      if (!location) throw new ShipgateError('REGISTRY', `${what}: redirect without a location`);
      if (hops === MAX_REDIRECTS)
        throw new ShipgateError('REGISTRY', `${what}: more than ${MAX_REDIRECTS} redirects`);
      url = new URL(location, url);
      const { authorization, ...rest } = headers;
      const sent = url.origin === this.origin && authorization ? { ...rest, authorization } : rest;
      res = await this.fetchWithRetry(url.toString(), { method, headers: sent, redirect: 'manual' }, what);
    }
    return res;
  }

  private async errorFor(res: Response, what: string): Promise<ShipgateError> {
    let detail = '';
    try {
      const text = await res.text();
      const doc = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
      detail = (doc.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
    } catch {
      /* no JSON body */
    }
    const msg = `${what}: ${this.registry} answered ${res.status}${detail ? ` (${oneLine(detail).slice(0, 300)})` : ''}`;
    if (res.status === 404) return new ShipgateError('NOT_FOUND', msg);
    if (res.status === 401 || res.status === 403) return new ShipgateError('AUTH', msg);
    return new ShipgateError('REGISTRY', msg);
  }

  /** GET a manifest or index by tag or digest; the digest is checked when asked by digest. */
  async getManifest(
    repository: string,
    reference: string,
  ): Promise<{ bytes: Buffer; mediaType: string; digest: string }> {
    const what = `${this.registry}/${repository}:${reference}`;
    const res = await this.request(
      {
        method: 'GET',
        path: `/v2/${repository}/manifests/${reference}`,
        repository,
        headers: { accept: [...MANIFEST_ACCEPT, MT.dockerSchema1Signed, MT.dockerSchema1].join(', ') },
      },
      `manifest ${what}`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    const digest = digestOf(bytes);
    if (reference.includes(':') && reference !== digest && reference.startsWith('sha256:'))
      throw new ShipgateError(
        'DIGEST_MISMATCH',
        `manifest ${what}: the registry sent content with digest ${digest}`,
      );
    return { bytes, mediaType: (res.headers.get('content-type') ?? '').split(';')[0]!.trim(), digest };
  }

  /** HEAD a manifest: its descriptor, or undefined when absent. */
  async headManifest(repository: string, reference: string): Promise<Descriptor | undefined> {
    const res = await this.request(
      {
        method: 'HEAD',
        path: `/v2/${repository}/manifests/${reference}`,
        repository,
        headers: { accept: MANIFEST_ACCEPT.join(', ') },
        accept: [404],
      },
      `manifest ${this.registry}/${repository}:${reference}`,
    );
    if (res.status === 404) return undefined;
    return {
      mediaType: (res.headers.get('content-type') ?? '').split(';')[0]!.trim(),
      digest: res.headers.get('docker-content-digest') ?? (reference.startsWith('sha256:') ? reference : ''),
      size: Number(res.headers.get('content-length') ?? -1),
    };
  }

  /** GET a blob as a stream (unverified: callers check the digest as it flows). */
  async getBlob(repository: string, digest: string): Promise<Readable> {
    const res = await this.request(
      { method: 'GET', path: `/v2/${repository}/blobs/${digest}`, repository },
      `blob ${this.registry}/${repository}@${digest}`,
    );
    if (!res.body) return Readable.from([]);
    return Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>, {
      highWaterMark: 256 * 1024,
    });
  }

  async getBlobBytes(repository: string, digest: string, max = 8 * 1024 * 1024): Promise<Buffer> {
    const res = await this.request(
      { method: 'GET', path: `/v2/${repository}/blobs/${digest}`, repository },
      `blob ${this.registry}/${repository}@${digest}`,
    );
    const len = Number(res.headers.get('content-length') ?? 0);
    if (len > max) {
      await res.body?.cancel().catch(() => undefined);
      throw new ShipgateError('IMAGE_FORMAT', `blob ${digest}: ${len} bytes is too large here`);
    }
    return Buffer.from(await res.arrayBuffer());
  }

  async hasBlob(repository: string, digest: string, action: Action = 'pull'): Promise<boolean> {
    return (await this.blobSize(repository, digest, action)) !== undefined;
  }

  /** The size of a blob the registry holds (HEAD), or undefined when it does not hold it. */
  async blobSize(repository: string, digest: string, action: Action = 'pull'): Promise<number | undefined> {
    const res = await this.request(
      { method: 'HEAD', path: `/v2/${repository}/blobs/${digest}`, repository, action, accept: [404] },
      `blob ${this.registry}/${repository}@${digest}`,
    );
    if (res.status === 404) return undefined;
    return Number(res.headers.get('content-length') ?? -1);
  }

  /**
   * Uploads a blob in one piece: POST to open an upload and PUT it with its digest, or (monolithic) the
   * whole blob in the POST. Skipped when the registry has it already.
   */
  async pushBlob(
    repository: string,
    data: Buffer,
    mediaType = 'application/octet-stream',
    options: { monolithic?: boolean } = {},
  ): Promise<Descriptor> {
    const digest = digestOf(data);
    const desc: Descriptor = { mediaType, digest, size: data.length };
    if (await this.hasBlob(repository, digest, 'push')) return desc;
    const what = `upload ${this.registry}/${repository}@${digest}`;
    // Monolithic: the whole blob in the POST (201 when the registry supports it); otherwise POST then PUT.
    const start = await this.request(
      {
        method: 'POST',
        path: `/v2/${repository}/blobs/uploads/${options.monolithic ? `?digest=${digest}` : ''}`,
        repository,
        action: 'push',
        accept: [201, 202],
        followRedirects: false,
        ...(options.monolithic
          ? {
              headers: { 'content-type': 'application/octet-stream', 'content-length': String(data.length) },
              body: data,
            }
          : {}),
      },
      what,
    );
    await start.body?.cancel().catch(() => undefined);
    if (start.status === 201) return desc;
    const location = start.headers.get('location');
    if (!location) throw new ShipgateError('REGISTRY', `${what}: the registry gave no upload location`);
    const url = new URL(location, `${this.baseUrl}/`);
    url.searchParams.set('digest', digest);
    const res = await this.request(
      {
        method: 'PUT',
        path: url.toString(),
        repository,
        action: 'push',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(data.length) },
        body: data,
        followRedirects: false,
      },
      what,
    );
    await res.body?.cancel().catch(() => undefined);
    return desc;
  }

  /** PUT a manifest under a tag or its digest; returns its descriptor. */
  async putManifest(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string,
  ): Promise<Descriptor> {
    const digest = digestOf(bytes);
    const res = await this.request(
      {
        method: 'PUT',
        path: `/v2/${repository}/manifests/${reference}`,
        repository,
        action: 'push',
        headers: { 'content-type': mediaType },
        body: bytes,
        followRedirects: false,
      },
      `push manifest ${this.registry}/${repository}:${reference}`,
    );
    await res.body?.cancel().catch(() => undefined);
    const sent = res.headers.get('docker-content-digest');
    if (sent && sent !== digest)
      throw new ShipgateError(
        'DIGEST_MISMATCH',
        `push manifest: the registry stored ${sent}, expected ${digest}`,
      );
    return { mediaType, digest, size: bytes.length };
  }

  /** Every tag of a repository, following the `Link` pages; `pageSize` sets `n=` (the registry's default otherwise). */
  async listTags(repository: string, pageSize?: number): Promise<string[]> {
    const first = `/v2/${repository}/tags/list${pageSize ? `?n=${pageSize}` : ''}`;
    return this.listPages(first, 'tags', `tags of ${this.registry}/${repository}`, repository);
  }

  /** Every repository of the registry (`/v2/_catalog`, paginated); registries may refuse it (AUTH, NOT_FOUND). */
  async listRepositories(pageSize?: number): Promise<string[]> {
    const first = `/v2/_catalog${pageSize ? `?n=${pageSize}` : ''}`;
    return this.listPages(first, 'repositories', `catalog of ${this.registry}`);
  }

  private async listPages(
    first: string,
    field: 'tags' | 'repositories',
    what: string,
    repository?: string,
  ): Promise<string[]> {
    const out: string[] = [];
    const seen = new Set<string>();
    for (let path: string | undefined = first; path;) {
      // A registry whose next page links back to one already read would otherwise loop for ever.
      if (seen.has(path))
        throw new ShipgateError('REGISTRY', `${what}: the registry's pages link back to ${path}`);
      seen.add(path);
      const res = await this.request({ method: 'GET', path, ...(repository ? { repository } : {}) }, what);
      let page: unknown;
      try {
        page = ((await res.json()) as Record<string, unknown>)[field];
      } catch {
        throw new ShipgateError('REGISTRY', `${what}: the registry answered a page that is not JSON`);
      }
      // distribution answers `"tags": null` for a repository whose tags were all deleted.
      if (page !== null && page !== undefined) {
        if (!Array.isArray(page) || page.some((t) => typeof t !== 'string'))
          throw new ShipgateError('REGISTRY', `${what}: "${field}" is not a list of names`);
        out.push(...(page as string[]));
      }
      path = nextLink(res.headers.get('link'), this.baseUrl);
    }
    return out;
  }

  /**
   * Manifests that refer to `digest` (signatures, attestations, SBOMs): the referrers API, or the
   * `sha256-<hex>` tag index where the registry does not have that API.
   */
  async referrers(
    repository: string,
    digest: string,
    artifactType?: string,
  ): Promise<{ manifests: Descriptor[]; via: 'api' | 'tag' }> {
    const q = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
    const res = await this.request(
      {
        method: 'GET',
        path: `/v2/${repository}/referrers/${digest}${q}`,
        repository,
        accept: [404, 400, 405],
        headers: { accept: MT.ociIndex },
      },
      `referrers of ${this.registry}/${repository}@${digest}`,
    );
    let manifests: Descriptor[];
    let via: 'api' | 'tag' = 'api';
    const type = res.headers.get('content-type') ?? '';
    if (res.ok && type.includes(MT.ociIndex)) {
      manifests = ((await res.json()) as { manifests?: Descriptor[] }).manifests ?? [];
    } else {
      await res.body?.cancel().catch(() => undefined);
      via = 'tag';
      const tag = referrersTag(digest);
      const head = await this.headManifest(repository, tag);
      if (!head) return { manifests: [], via };
      const { bytes } = await this.getManifest(repository, tag);
      manifests = (JSON.parse(bytes.toString()) as { manifests?: Descriptor[] }).manifests ?? [];
    }
    if (artifactType) manifests = manifests.filter((m) => m.artifactType === artifactType);
    return { manifests, via };
  }
}

/** The tag under which the referrers of `digest` are listed on registries without the referrers API. */
export function referrersTag(digest: string): string {
  return digest.replace(':', '-');
}
