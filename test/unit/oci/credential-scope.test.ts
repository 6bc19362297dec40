/**
 * Credentials stay with their registry: a hostile registry on 127.0.0.1 names token realms on other
 * origins and hands out upload locations and blob redirects elsewhere; the credential must never reach them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { Logger, MemorySink, setLogger } from '../../../src/core/logger';
import { RegistryClient } from '../../../src/oci/client';
import { findCredentials } from '../../../src/oci/credentials';
import { realmAccess } from '../../../src/oci/origin';

const USER = 'ci';
const PASSWORD = 'pw-7c1e9a';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const TOKEN = 'tok-41d2';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

interface Srv {
  server: Server;
  port: number;
  seen: Seen[];
}

async function listen(
  handle: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<Srv> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body,
      });
      handle(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

/** Whether any request to `srv` carried the password, in any form. */
function leaked(srv: Srv): boolean {
  return srv.seen.some(
    (s) =>
      s.authorization !== undefined ||
      `${s.url} ${s.body}`.includes(PASSWORD) ||
      `${s.url} ${s.body}`.includes(BASIC.slice(6)),
  );
}

const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [],
});

let registry: Srv;
let foreign: Srv;
/** The WWW-Authenticate the registry sends; set per test. */
let challenge = '';

beforeAll(async () => {
  foreign = await listen((req, res) => {
    if (req.url?.startsWith('/token')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: TOKEN }));
      return;
    }
    if (req.method === 'PUT') {
      res.writeHead(201).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('blob');
  });
  registry = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/token') {
      const ok = req.headers.authorization === BASIC;
      res
        .writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ token: TOKEN }));
      return;
    }
    const auth = req.headers.authorization;
    if (auth !== `Bearer ${TOKEN}` && auth !== BASIC) {
      res.writeHead(401, { 'www-authenticate': challenge }).end();
      return;
    }
    if (req.method === 'HEAD' && url.pathname.includes('/blobs/')) {
      res.writeHead(404).end();
      return;
    }
    if (req.method === 'POST' && url.pathname.endsWith('/blobs/uploads/')) {
      res.writeHead(202, { location: `http://localhost:${foreign.port}/upload/abc?state=1` }).end();
      return;
    }
    if (req.method === 'GET' && url.pathname.includes('/blobs/')) {
      res.writeHead(307, { location: `http://localhost:${foreign.port}/storage${url.pathname}` }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }).end(MANIFEST);
  });
});

afterAll(async () => {
  for (const s of [registry, foreign]) {
    s.server.closeAllConnections();
    await new Promise<void>((r) => s.server.close(() => r()));
  }
});

beforeEach(() => {
  registry.seen.length = 0;
  foreign.seen.length = 0;
});

function client(): RegistryClient {
  return new RegistryClient({
    registry: `127.0.0.1:${registry.port}`,
    credentials: { username: USER, password: PASSWORD, source: 'test' },
    retry: { retries: 0 },
  });
}

describe('token realms', () => {
  it('sends the credentials to a realm on the registry itself', async () => {
    challenge = `Bearer realm="http://127.0.0.1:${registry.port}/token",service="reg"`;
    await client().getManifest('app', '1');
    expect(registry.seen.some((s) => s.url.startsWith('/token') && s.authorization === BASIC)).toBe(true);
  });

  it('asks a plain-http realm on another port anonymously', async () => {
    challenge = `Bearer realm="http://127.0.0.1:${foreign.port}/token",service="reg"`;
    const m = await client().getManifest('app', '1');
    expect(m.bytes.toString()).toBe(MANIFEST);
    expect(foreign.seen.some((s) => s.url.startsWith('/token'))).toBe(true);
    expect(leaked(foreign)).toBe(false);
  });

  it('asks a realm under another host name anonymously', async () => {
    challenge = `Bearer realm="http://localhost:${foreign.port}/token",service="reg"`;
    await client().getManifest('app', '1');
    expect(foreign.seen).not.toHaveLength(0);
    expect(leaked(foreign)).toBe(false);
  });

  it('refuses a plain-http realm on another machine without contacting it', async () => {
    challenge = 'Bearer realm="http://auth.example.invalid/token",service="reg"';
    const e = await client()
      .getManifest('app', '1')
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ShipgateError);
    expect((e as ShipgateError).code).toBe('AUTH');
    expect((e as ShipgateError).message).toContain('auth.example.invalid');
    expect((e as ShipgateError).message).not.toContain(PASSWORD);
  });

  it('follows the rule: https realms (Docker Hub, GitLab) get them, http only on the same origin', () => {
    const hub = new URL('https://registry-1.docker.io');
    expect(realmAccess(new URL('https://auth.docker.io/token'), hub)).toBe('credentials');
    expect(realmAccess(new URL('https://ghcr.io/token'), new URL('https://ghcr.io'))).toBe('credentials');
    expect(realmAccess(new URL('http://auth.docker.io/token'), hub)).toBe('refused');
    const insecure = new URL('http://reg.internal:5000');
    expect(realmAccess(new URL('http://reg.internal:5000/auth'), insecure)).toBe('credentials');
    expect(realmAccess(new URL('https://reg.internal/auth'), insecure)).toBe('credentials');
    expect(realmAccess(new URL('https://evil.example/auth'), insecure)).toBe('anonymous');
    expect(realmAccess(new URL('http://reg.internal:6000/auth'), insecure)).toBe('refused');
    expect(realmAccess(new URL('ftp://reg.internal/auth'), insecure)).toBe('refused');
  });
});

describe('other origins', () => {
  it('an upload location on another origin gets no Authorization', async () => {
    challenge = 'Basic realm="reg"';
    await client().pushBlob('app', Buffer.from('layer'));
    expect(registry.seen.some((s) => s.method === 'POST' && s.authorization === BASIC)).toBe(true);
    const put = foreign.seen.find((s) => s.method === 'PUT');
    expect(put?.url).toMatch(/^\/upload\/abc\?state=1&digest=sha256%3A/);
    expect(leaked(foreign)).toBe(false);
  });

  it('a blob redirect to another origin gets no Authorization', async () => {
    challenge = `Bearer realm="http://127.0.0.1:${registry.port}/token",service="reg"`;
    const bytes = await client().getBlobBytes('app', `sha256:${'a'.repeat(64)}`);
    expect(bytes.toString()).toBe('blob');
    expect(foreign.seen.some((s) => s.url.startsWith('/storage/'))).toBe(true);
    expect(leaked(foreign)).toBe(false);
  });
});

describe('SHIPGATE_REGISTRY_USERNAME/PASSWORD', () => {
  const env = {
    DOCKER_CONFIG: '/nonexistent',
    SHIPGATE_REGISTRY_USERNAME: 'me',
    SHIPGATE_REGISTRY_PASSWORD: 'pw-x',
  };

  it('belong to the registry SHIPGATE_REGISTRY names and no other', async () => {
    const scoped = { ...env, SHIPGATE_REGISTRY: 'https://GHCR.io/' };
    expect(await findCredentials('ghcr.io', scoped)).toMatchObject({ username: 'me', password: 'pw-x' });
    expect(await findCredentials('registry.example.com', scoped)).toBeUndefined();
    const hub = { ...env, SHIPGATE_REGISTRY: 'docker.io' };
    expect(await findCredentials('registry-1.docker.io', hub)).toMatchObject({ username: 'me' });
  });

  it('are sent nowhere, with one warning, when SHIPGATE_REGISTRY is unset', async () => {
    const sink = new MemorySink();
    setLogger(new Logger([sink], 'debug'));
    expect(await findCredentials('ghcr.io', env)).toBeUndefined();
    expect(await findCredentials('registry.example.com', env)).toBeUndefined();
    const warnings = sink.lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.line).toContain('set SHIPGATE_REGISTRY to the registry host');
  });
});
