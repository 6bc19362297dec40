/**
 * The HTTP front of the token service: `GET /token` (distribution token protocol, Basic auth whose
 * password is the CI ID token), `POST /token` (the OAuth2 password grant), `/healthz` and `/metrics`. Every
 * token request is answered with one JSON audit line through the logger; tokens and passwords are never in it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ShipgateError } from '../core/errors';
import { forgetSecret, logger, type Logger } from '../core/logger';
import { decide, type Decision } from './authorize';
import type { RegistryAuthConfig } from './config';
import { IssuerPool } from './issuers';
import { Metrics, type Outcome } from './metrics';
import { formatScope, parseScopes } from './scope';
import type { SigningKey } from './signing-key';
import { VerifiedTokens } from './verified-tokens';
import { signRegistryToken } from './token';
import { TurnQueue } from './turn-queue';

const MAX_BODY_BYTES = 64 * 1024;
const MAX_SCOPES = 50;
const SHUTDOWN_GRACE_MS = 10_000;

export interface ServeOptions {
  config: RegistryAuthConfig;
  key: SigningKey;
  /** Where audit and service lines go (default: the process logger). */
  log?: Logger;
  /** HTTP client for the issuers (default global fetch). */
  fetch?: typeof fetch;
  /** jose's refetch cooldown for unknown key ids. */
  cooldownMs?: number;
  /** /metrics of a worker: every worker's counters, from the primary (default: this server's own). */
  metricsText?: () => Promise<string>;
  /** The worker's number, recorded in its audit lines (`--workers`). */
  worker?: number;
}

export interface RegistryAuthServer {
  /** http://host:port */
  url: string;
  metrics: Metrics;
  /** Stops accepting connections and waits for requests in flight (at most 10 s). */
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface TokenCall {
  service: string | undefined;
  scopes: string[];
  account: string | undefined;
  password: string | undefined;
  /** The OAuth2 form: the reply names `scope` and omits `token`. */
  oauth: boolean;
}

interface AuditFields {
  requested: string[];
  outcome: Outcome;
  status: number;
  reason: string;
  account?: string;
  granted?: string[];
  token?: Decision['token'];
}

function splitHostPort(listen: string): { host: string; port: number } {
  const i = listen.lastIndexOf(':');
  return { host: listen.slice(0, i).replace(/^\[(.*)\]$/, '$1'), port: Number(listen.slice(i + 1)) };
}

function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function oauthError(error: string, description: string): Answer {
  return { status: 400, body: { error, error_description: description } };
}

export async function startRegistryAuth(options: ServeOptions): Promise<RegistryAuthServer> {
  const { config, key } = options;
  const log = options.log ?? logger();
  const metrics = new Metrics();
  const pool = new IssuerPool(config.trustedIssuers, metrics, {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.cooldownMs !== undefined ? { cooldownMs: options.cooldownMs } : {}),
  });

  const context = { config, pool, verified: new VerifiedTokens() };

  const audit = (req: IncomingMessage, fields: AuditFields): void => {
    const forwarded = req.headers['x-forwarded-for'];
    log.info(
      JSON.stringify({
        audit: 'registry-auth',
        time: new Date().toISOString(),
        client: req.socket.remoteAddress ?? '',
        ...(forwarded ? { forwardedFor: String(forwarded).slice(0, 200) } : {}),
        account: fields.account ?? '',
        requested: fields.requested,
        granted: fields.granted ?? [],
        outcome: fields.outcome,
        status: fields.status,
        reason: fields.reason,
        ...(fields.token ? { token: fields.token } : {}),
        ...(options.worker !== undefined ? { worker: options.worker } : {}),
      }),
    );
  };

  async function token(call: TokenCall): Promise<{ answer: Answer; audit: AuditFields }> {
    const requested = call.scopes
      .flatMap((s) => s.split(' '))
      .filter(Boolean)
      .slice(0, MAX_SCOPES);
    const account = call.account?.slice(0, 200);
    const fail = (status: number, outcome: Outcome, reason: string, body: unknown) => ({
      answer: { status, body },
      audit: { requested, outcome, status, reason, ...(account !== undefined ? { account } : {}) },
    });
    if (call.service !== config.service) {
      const reason = `service ${JSON.stringify(call.service?.slice(0, 200) ?? null)} is not ${JSON.stringify(config.service)}`;
      return fail(400, 'bad_request', reason, { errors: [{ code: 'INVALID_SERVICE', message: reason }] });
    }
    if (call.scopes.length > MAX_SCOPES)
      return fail(400, 'bad_request', `more than ${MAX_SCOPES} scopes`, {
        errors: [{ code: 'INVALID_SCOPE', message: `at most ${MAX_SCOPES} scopes` }],
      });
    const parsed = parseScopes(call.scopes);
    if ('error' in parsed)
      return fail(400, 'bad_request', parsed.error, {
        errors: [{ code: 'INVALID_SCOPE', message: parsed.error }],
      });
    let decision: Decision;
    try {
      decision = await decide(context, {
        scopes: parsed.scopes,
        ...(call.password !== undefined ? { password: call.password } : {}),
      });
    } finally {
      forgetSecret(call.password);
    }
    const base = {
      requested,
      outcome: decision.outcome,
      reason: decision.reason,
      ...(account !== undefined ? { account } : {}),
      ...(decision.token ? { token: decision.token } : {}),
    };
    if (decision.outcome === 'unavailable')
      return {
        answer: {
          status: 503,
          body: {
            errors: [{ code: 'UNAVAILABLE', message: 'the CI issuer cannot be reached; retry later' }],
          },
        },
        audit: { ...base, status: 503 },
      };
    if (decision.outcome === 'unauthorized')
      return {
        answer: {
          status: 401,
          body: {
            errors: [{ code: 'UNAUTHORIZED', message: 'the credentials are not a valid CI ID token' }],
          },
          headers: { 'www-authenticate': `Basic realm=${JSON.stringify(config.service)}` },
        },
        audit: { ...base, status: 401 },
      };
    const issued = signRegistryToken(key, {
      issuer: config.issuer,
      service: config.service,
      subject: decision.subject,
      access: decision.granted,
      lifetimeS: config.tokenLifetime,
    });
    const granted = decision.granted.map(formatScope);
    const body = call.oauth
      ? {
          access_token: issued.token,
          scope: granted.join(' '),
          expires_in: issued.expiresIn,
          issued_at: issued.issuedAt,
        }
      : {
          token: issued.token,
          access_token: issued.token,
          expires_in: issued.expiresIn,
          issued_at: issued.issuedAt,
        };
    return { answer: { status: 200, body }, audit: { ...base, status: 200, granted } };
  }

  async function tokenCall(req: IncomingMessage, url: URL): Promise<TokenCall | Answer> {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const creds = basicCredentials(req.headers.authorization);
      const account = url.searchParams.get('account') ?? creds?.user;
      return {
        service: url.searchParams.get('service') ?? undefined,
        scopes: url.searchParams.getAll('scope'),
        account: account || undefined,
        // A header that is not Basic credentials is a password that is not a token.
        password: creds?.password ?? (req.headers.authorization ? '' : undefined),
        oauth: false,
      };
    }
    const form = await readForm(req);
    if (!form) return oauthError('invalid_request', `the form is larger than ${MAX_BODY_BYTES} bytes`);
    const grant = form.get('grant_type');
    if (grant !== 'password')
      return oauthError('unsupported_grant_type', 'only grant_type=password (the CI ID token) is supported');
    if (!form.get('client_id')) return oauthError('invalid_request', 'client_id is required');
    return {
      service: form.get('service') ?? undefined,
      scopes: form.getAll('scope'),
      account: form.get('username') || undefined,
      password: form.get('password') ?? '',
      oauth: true,
    };
  }

  function health(): Answer {
    const issuers = pool.all().map((s) => ({
      name: s.config.name,
      url: s.config.url,
      reachable: s.reachable,
      ...(s.problem && !s.reachable ? { problem: s.problem } : {}),
    }));
    const ready = issuers.every((i) => i.reachable);
    return {
      status: ready ? 200 : 503,
      body: {
        status: ready ? 'ready' : 'not ready',
        signingKey: { alg: key.alg, kid: key.kid, certificateExpires: key.notAfter.toISOString() },
        issuers,
      },
    };
  }

  /** `t0`: when the request was read, so its duration counts the wait for its turn. */
  async function handle(req: IncomingMessage, res: ServerResponse, t0: number): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let answer: Answer;
    if (url.pathname === '/healthz') answer = health();
    else if (url.pathname === '/metrics') {
      let text: string;
      try {
        text = options.metricsText ? await options.metricsText() : metrics.render();
      } catch (e) {
        log.warn(`registry-auth: /metrics: ${(e as Error).message}`);
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics unavailable\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(text);
      return;
    } else if (url.pathname !== '/token') answer = { status: 404, body: { errors: [{ code: 'NOT_FOUND' }] } };
    else if (!['GET', 'HEAD', 'POST'].includes(req.method ?? ''))
      answer = {
        status: 405,
        body: { errors: [{ code: 'METHOD_NOT_ALLOWED' }] },
        headers: { allow: 'GET, POST' },
      };
    else {
      let fields: AuditFields;
      try {
        const call = await tokenCall(req, url);
        if ('status' in call) {
          answer = call;
          fields = {
            requested: [],
            outcome: 'bad_request',
            status: call.status,
            reason: 'invalid OAuth2 request',
          };
        } else ({ answer, audit: fields } = await token(call));
      } catch (e) {
        answer = { status: 500, body: { errors: [{ code: 'INTERNAL', message: 'internal error' }] } };
        fields = { requested: [], outcome: 'error', status: 500, reason: (e as Error).message };
      }
      audit(req, fields);
      metrics.request(fields.outcome, (performance.now() - t0) / 1000);
    }
    const body = Buffer.from(JSON.stringify(answer.body));
    res.writeHead(answer.status, {
      'content-type': 'application/json',
      'content-length': body.length,
      'cache-control': 'no-store',
      ...answer.headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const turns = new TurnQueue();
  const server: Server = createServer((req, res) => {
    const t0 = performance.now();
    turns.push(() => {
      handle(req, res, t0).catch((e: unknown) => {
        log.error(`registry-auth: ${(e as Error).message}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  });
  server.on('connection', () => turns.connectionAccepted());
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;

  const { host, port } = splitHostPort(config.listen);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new ShipgateError('NETWORK', `cannot listen on ${config.listen}: ${e.code ?? e.message}`, {
          hint: 'choose a free port and an address of this machine in "listen"',
        }),
      ),
    );
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostPart}:${address.port}`;
  log.info(`registry-auth: listening on ${url} for service ${JSON.stringify(config.service)}`);

  void pool.warmUp().then(() => {
    for (const s of pool.all())
      if (!s.reachable)
        log.warn(
          `registry-auth: the keys of issuer ${s.config.name} are not reachable: ${s.problem ?? 'unknown'}`,
        );
  });
  pool.startRetries();

  return {
    url,
    metrics,
    close: async () => {
      pool.stopRetries();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(timer);
    },
  };
}
