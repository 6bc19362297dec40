/**
 * The registry client and the registry image source against the real `docker-registry` (anonymous and
 * htpasswd), a bearer-token front written here (token service, blob redirect to another origin), and a
 * failing server for retries. One registry of each kind for the whole file.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ShipgateError, formatError } from '../../../src/core/errors';
import { mask } from '../../../src/core/logger';
import { digestOf } from '../../../src/oci/digest';
import { openImage, walkImage, type FinalView, type OpenOptions } from '../../../src/image/index';
import { RegistryClient, referrersTag } from '../../../src/oci/index';
import {
  debianImage,
  multiPlatformImage,
  readManifest,
  serialHeavySuite,
  tarOf,
  type TestImage,
} from '../../support/images';
import {
  REGISTRY_TOOLS,
  freePort,
  pushImage,
  startRegistry,
  type TestRegistry,
} from '../../support/registry';
import { describeWithTools } from '../../support/tools';

serialHeavySuite();

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-registry-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const USER = 'shipper';
const PASSWORD = 'pw-Zq81-unique-secret';

function listing(view: FinalView): string[] {
  return [...view.entries()].map((e) => `${e.path} ${e.type} ${e.mode} ${e.size} ${e.layerDigest}`).sort();
}

async function walkRef(ref: string, options: OpenOptions = {}) {
  const img = await openImage(ref, options);
  try {
    const r = await walkImage(img, []);
    return { info: img.info, view: r.view };
  } finally {
    await img.close();
  }
}

async function failure(p: Promise<unknown>): Promise<ShipgateError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ShipgateError);
  const line = formatError(e as ShipgateError);
  expect(line).not.toContain('\n');
  expect(line).not.toContain(PASSWORD);
  return e as ShipgateError;
}

function emptyDockerConfig(name: string, config?: object): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  if (config) writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; url: string; port: number }> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}`, port });
    });
  });
}

const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));

describeWithTools('registry source and client on a real registry', REGISTRY_TOOLS, () => {
  let reg: TestRegistry;
  let debian: TestImage;
  let ociListing: string[];
  beforeAll(async () => {
    debian = await debianImage();
    reg = await startRegistry();
    await pushImage(debian.ociLayout, debian.tag, `${reg.host}/shipgate/debian:bookworm`);
    ociListing = listing((await walkRef(`oci:${debian.ociLayout}:${debian.tag}`)).view);
  });
  afterAll(async () => reg?.stop());

  it('pulls by tag and by digest the same layers and files as the OCI layout', async () => {
    const byTag = await walkRef(`${reg.host}/shipgate/debian:bookworm`);
    expect(listing(byTag.view)).toEqual(ociListing);
    const manifest = readManifest(debian.ociLayout, debian.tag);
    expect(byTag.info.layers.map((l) => l.digest)).toEqual(manifest.layers.map((l) => l.digest));
    expect(byTag.info.repository).toBe(`${reg.host}/shipgate/debian`);
    expect(byTag.info.tag).toBe('bookworm');
    const byDigest = await walkRef(`${reg.host}/shipgate/debian@${byTag.info.digest}`);
    expect(byDigest.info.digest).toBe(byTag.info.digest);
    expect(listing(byDigest.view)).toEqual(ociListing);
  });

  it('picks a platform from a pushed multi-platform index', async () => {
    const multi = await multiPlatformImage();
    const { run } = await import('../../support/debian');
    await run('skopeo', [
      'copy',
      '--quiet',
      '--all',
      '--dest-tls-verify=false',
      `oci:${multi.ociLayout}:${multi.tag}`,
      `docker://${reg.host}/shipgate/multi:1`,
    ]);
    const arm = await openImage(`${reg.host}/shipgate/multi:1`, { platform: 'linux/arm64/v8' });
    expect(arm.info.platform).toMatchObject({ os: 'linux', architecture: 'arm64' });
    expect(arm.info.otherPlatforms).toEqual([{ os: 'linux', architecture: 'amd64' }]);
    expect(arm.info.indexDigest).toMatch(/^sha256:/);
    await arm.close();
    const err = await failure(openImage(`${reg.host}/shipgate/multi:1`, { platform: 'windows/amd64' }));
    expect(err.code).toBe('UNSUPPORTED');
    expect(err.message).toContain('available: linux/amd64, linux/arm64/v8');
  });

  it('unknown tags and repositories are NOT_FOUND', async () => {
    expect((await failure(openImage(`${reg.host}/shipgate/debian:nope`))).code).toBe('NOT_FOUND');
    expect((await failure(openImage(`${reg.host}/shipgate/absent:1`))).code).toBe('NOT_FOUND');
  });

  it('pushes blobs and manifests, reads them back, and lists referrers through the tag fallback', async () => {
    const client = new RegistryClient({ registry: reg.host, credentials: null });
    const repo = 'shipgate/pushed';
    const layerTar = await tarOf([{ name: 'hello.txt', content: 'pushed by shipgate\n' }]);
    const layer = await client.pushBlob(repo, layerTar, 'application/vnd.oci.image.layer.v1.tar');
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [digestOf(layerTar)] },
        history: [{ created_by: 'COPY hello.txt /' }],
      }),
    );
    const cfg = await client.pushBlob(repo, config, 'application/vnd.oci.image.config.v1+json', {
      monolithic: true,
    });
    expect(await client.hasBlob(repo, cfg.digest)).toBe(true);
    const stored = await fetch(`${reg.url}/v2/${repo}/blobs/${cfg.digest}`);
    expect(Buffer.from(await stored.arrayBuffer()).equals(config)).toBe(true);
    expect(await client.hasBlob(repo, layer.digest)).toBe(true);
    // pushing again is a no-op (HEAD finds it)
    expect(await client.pushBlob(repo, layerTar, layer.mediaType)).toEqual(layer);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: cfg,
        layers: [layer],
      }),
    );
    const m = await client.putManifest(repo, 'v1', manifest, 'application/vnd.oci.image.manifest.v1+json');
    expect((await client.headManifest(repo, 'v1'))?.digest).toBe(m.digest);
    const pulled = await openImage(`${reg.host}/${repo}:v1`);
    const seen: string[] = [];
    await walkImage(pulled, [
      {
        name: 'read',
        wants: () => true,
        analyze: (e, c) => void seen.push(`${e.path}=${c.toString()}`),
        finish: () => 0,
      },
    ]);
    expect(seen).toEqual(['/hello.txt=pushed by shipgate\n']);
    expect(pulled.info.layers[0]!.createdBy).toBe('COPY hello.txt /');

    // an artifact referring to the image, listed under the sha256-<hex> tag (this registry has no referrers API)
    const empty = await client.pushBlob(repo, Buffer.from('{}'), 'application/vnd.oci.empty.v1+json');
    const artifactType = 'application/vnd.example.sbom+json';
    const sbom = await client.pushBlob(repo, Buffer.from('{"sbom":true}'), artifactType);
    const artifact = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType,
        config: empty,
        layers: [sbom],
        subject: m,
      }),
    );
    const a = await client.putManifest(
      repo,
      digestOf(artifact),
      artifact,
      'application/vnd.oci.image.manifest.v1+json',
    );
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [{ ...a, artifactType }],
      }),
    );
    await client.putManifest(repo, referrersTag(m.digest), index, 'application/vnd.oci.image.index.v1+json');
    const refs = await client.referrers(repo, m.digest, artifactType);
    expect(refs.via).toBe('tag');
    expect(refs.manifests.map((d) => d.digest)).toEqual([a.digest]);
    expect((await client.referrers(repo, m.digest, 'application/other')).manifests).toEqual([]);
    expect((await client.referrers(repo, layer.digest)).manifests).toEqual([]);
  });
});

describeWithTools('registry credentials on a real htpasswd registry', REGISTRY_TOOLS, () => {
  let reg: TestRegistry;
  let ref: string;
  let expected: string[];
  beforeAll(async () => {
    const debian = await debianImage();
    reg = await startRegistry({ htpasswd: { user: USER, password: PASSWORD } });
    await pushImage(debian.ociLayout, debian.tag, `${reg.host}/private/debian:1`, {
      user: USER,
      password: PASSWORD,
    });
    ref = `${reg.host}/private/debian:1`;
    expected = listing((await walkRef(`oci:${debian.ociLayout}:${debian.tag}`)).view);
  });
  afterAll(async () => reg?.stop());

  it('refuses without credentials with AUTH and a hint', async () => {
    const res = await fetch(`${reg.url}/v2/private/debian/manifests/1`);
    expect(res.status).toBe(401);
    const err = await failure(
      openImage(ref, { env: { DOCKER_CONFIG: emptyDockerConfig('none'), PATH: process.env.PATH } }),
    );
    expect(err.code).toBe('AUTH');
    expect(err.hint).toMatch(/docker login|SHIPGATE_REGISTRY/);
  });

  it('uses auths from DOCKER_CONFIG and masks the password', async () => {
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const env = { DOCKER_CONFIG: emptyDockerConfig('auths', { auths: { [reg.host]: { auth } } }) };
    expect(listing((await walkRef(ref, { env })).view)).toEqual(expected);
    expect(mask(`user ${USER} password ${PASSWORD}`)).toBe(`user ${USER} password ***`);
    const wrong = Buffer.from(`${USER}:wrong-password`).toString('base64');
    const bad = {
      DOCKER_CONFIG: emptyDockerConfig('wrong', { auths: { [`https://${reg.host}`]: { auth: wrong } } }),
    };
    expect((await failure(openImage(ref, { env: bad }))).code).toBe('AUTH');
  });

  it('runs credential helpers (credHelpers and credsStore) with the registry on stdin', async () => {
    const bin = join(tmp, 'bin');
    mkdirSync(bin, { recursive: true });
    const log = join(tmp, 'helper.log');
    const helper = join(bin, 'docker-credential-shipgate-test');
    writeFileSync(
      helper,
      `#!/bin/sh\n[ "$1" = get ] || exit 1\nread server\necho "$server" >> ${log}\nif [ "$server" = "${reg.host}" ]; then\n  printf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASSWORD}"}' "$server"\nelse\n  echo "credentials not found in native keychain"; exit 1\nfi\n`,
    );
    chmodSync(helper, 0o755);
    const PATH = `${bin}:${process.env.PATH}`;
    const viaHelpers = {
      PATH,
      DOCKER_CONFIG: emptyDockerConfig('helpers', { credHelpers: { [reg.host]: 'shipgate-test' } }),
    };
    expect(listing((await walkRef(ref, { env: viaHelpers })).view)).toEqual(expected);
    const viaStore = { PATH, DOCKER_CONFIG: emptyDockerConfig('store', { credsStore: 'shipgate-test' }) };
    expect(listing((await walkRef(ref, { env: viaStore })).view)).toEqual(expected);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([reg.host, reg.host]);
    const missing = { PATH, DOCKER_CONFIG: emptyDockerConfig('nohelper', { credsStore: 'not-installed' }) };
    const err = await failure(openImage(ref, { env: missing }));
    expect(err.code).toBe('AUTH');
    expect(err.message).toContain('docker-credential-not-installed');
  });

  it('uses SHIPGATE_REGISTRY_USERNAME/PASSWORD and the GitLab CI variables', async () => {
    const DOCKER_CONFIG = emptyDockerConfig('none2');
    const explicit = {
      DOCKER_CONFIG,
      SHIPGATE_REGISTRY_USERNAME: USER,
      SHIPGATE_REGISTRY_PASSWORD: PASSWORD,
    };
    expect(listing((await walkRef(ref, { env: { ...explicit, SHIPGATE_REGISTRY: reg.host } })).view)).toEqual(
      expected,
    );
    // without SHIPGATE_REGISTRY they belong to no registry and are not sent
    expect((await failure(openImage(ref, { env: explicit }))).code).toBe('AUTH');
    const ci = {
      DOCKER_CONFIG,
      CI_REGISTRY: reg.host,
      CI_REGISTRY_USER: USER,
      CI_REGISTRY_PASSWORD: PASSWORD,
    };
    expect(listing((await walkRef(ref, { env: ci })).view)).toEqual(expected);
    // variables for another registry do not apply
    const other = {
      DOCKER_CONFIG,
      CI_REGISTRY: 'registry.example.com',
      CI_REGISTRY_USER: USER,
      CI_REGISTRY_PASSWORD: PASSWORD,
    };
    expect((await failure(openImage(ref, { env: other }))).code).toBe('AUTH');
  });
});

/**
 * A bearer-token front for the anonymous registry, as Docker Hub and GHCR work: /v2/ answers 401 with a
 * Bearer challenge, the token service hands out tokens (anonymously, for basic credentials, or for a
 * refresh token), and blob GETs are redirected to a separate "storage" origin that must not see the token.
 */
describeWithTools('bearer token flows', REGISTRY_TOOLS, () => {
  let reg: TestRegistry;
  let front: { server: Server; url: string; port: number };
  let storage: { server: Server; url: string };
  let requireCreds = false;
  const stats = { tokens: 0, storageGets: 0, storageWithAuth: 0 };
  const TOKEN = 'tok-bearer-9f3a1c';
  beforeAll(async () => {
    const debian = await debianImage();
    reg = await startRegistry();
    await pushImage(debian.ociLayout, debian.tag, `${reg.host}/org/app:1`);
    storage = await listen(async (req, res) => {
      stats.storageGets++;
      if (req.headers.authorization) stats.storageWithAuth++;
      const upstream = await fetch(`${reg.url}${req.url}`);
      res.writeHead(upstream.status, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    front = await listen(async (req, res) => {
      const url = new URL(req.url ?? '/', `http://127.0.0.1`);
      if (url.pathname === '/token') {
        let body = '';
        for await (const c of req) body += String(c);
        const basic =
          req.headers.authorization === `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
        const refresh =
          req.method === 'POST' && new URLSearchParams(body).get('refresh_token') === 'refresh-abc';
        const scope = url.searchParams.get('scope') ?? new URLSearchParams(body).get('scope');
        if ((requireCreds && !basic && !refresh) || scope !== 'repository:org/app:pull') {
          res.writeHead(401).end();
          return;
        }
        stats.tokens++;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(refresh ? { access_token: TOKEN } : { token: TOKEN }));
        return;
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="${front.url}/token",service="test",scope="repository:org/app:pull"`,
          })
          .end('{"errors":[{"code":"UNAUTHORIZED"}]}');
        return;
      }
      if (url.pathname.includes('/blobs/')) {
        res.writeHead(307, { location: `${storage.url}${url.pathname}` }).end();
        return;
      }
      const upstream = await fetch(`${reg.url}${req.url}`, {
        headers: { accept: String(req.headers.accept ?? '') },
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? '' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  afterAll(async () => {
    if (front) await close(front.server);
    if (storage) await close(storage.server);
    await reg?.stop();
  });

  it('gets an anonymous token, follows blob redirects without leaking it', async () => {
    const env = { DOCKER_CONFIG: emptyDockerConfig('bearer-anon') };
    const { info } = await walkRef(`127.0.0.1:${front.port}/org/app:1`, { env });
    expect(info.layers).toHaveLength(1);
    expect(stats.tokens).toBe(1); // one token per scope, reused for every request
    expect(stats.storageGets).toBeGreaterThanOrEqual(2); // config and layer
    expect(stats.storageWithAuth).toBe(0);
    expect(mask(`Bearer ${TOKEN}`)).toBe('Bearer ***');
  });

  it('exchanges basic credentials or a refresh token for a token when the service requires them', async () => {
    requireCreds = true;
    const refApp = `127.0.0.1:${front.port}/org/app:1`;
    expect(
      (await failure(openImage(refApp, { env: { DOCKER_CONFIG: emptyDockerConfig('bearer-none') } }))).code,
    ).toBe('AUTH');
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const withBasic = {
      DOCKER_CONFIG: emptyDockerConfig('bearer-basic', { auths: { [`127.0.0.1:${front.port}`]: { auth } } }),
    };
    const opened = await openImage(refApp, { env: withBasic });
    expect(opened.info.layers).toHaveLength(1);
    await opened.close();
    const withRefresh = {
      DOCKER_CONFIG: emptyDockerConfig('bearer-refresh', {
        auths: { [`127.0.0.1:${front.port}`]: { identitytoken: 'refresh-abc' } },
      }),
    };
    const viaRefresh = await openImage(refApp, { env: withRefresh });
    expect(viaRefresh.info.config.config?.Cmd).toEqual(['bash']);
    await viaRefresh.close();
  });
});

describeWithTools('retries', [], () => {
  it('retries 500s with backoff and ends in one line naming the status and attempts', async () => {
    let hits = 0;
    const srv = await listen((_req, res) => {
      hits++;
      res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
    });
    try {
      const err = await failure(
        openImage(`127.0.0.1:${srv.port}/app:1`, { registryRetry: { retries: 2, baseMs: 10 }, env: {} }),
      );
      expect(err.code).toBe('REGISTRY');
      expect(err.message).toBe(
        `manifest 127.0.0.1:${srv.port}/app:1: 127.0.0.1:${srv.port} answered 500 Internal Server Error (after 3 attempts)`,
      );
      expect(hits).toBe(3);
    } finally {
      await close(srv.server);
    }
  });

  it('honours Retry-After on 429, then succeeds', async () => {
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [],
    });
    const times: number[] = [];
    const srv = await listen((_req, res) => {
      times.push(Date.now());
      if (times.length <= 2) res.writeHead(429, { 'retry-after': '1' }).end();
      else res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }).end(body);
    });
    try {
      const client = new RegistryClient({
        registry: `127.0.0.1:${srv.port}`,
        credentials: null,
        retry: { baseMs: 10 },
      });
      const m = await client.getManifest('app', 'latest');
      expect(m.bytes.toString()).toBe(body);
      expect(m.digest).toBe(digestOf(Buffer.from(body)));
      expect(times).toHaveLength(3);
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
      expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(950);
    } finally {
      await close(srv.server);
    }
  });

  it('a closed port is a NETWORK error after retries; https is used off loopback', async () => {
    const port = await freePort();
    const err = await failure(
      openImage(`127.0.0.1:${port}/app:1`, { registryRetry: { retries: 1, baseMs: 10 }, env: {} }),
    );
    expect(err.code).toBe('NETWORK');
    expect(err.message).toContain('ECONNREFUSED');
    expect(new RegistryClient({ registry: 'ghcr.io' }).baseUrl).toBe('https://ghcr.io');
    expect(
      new RegistryClient({ registry: 'reg.internal:5000', insecureRegistries: ['reg.internal:5000'] })
        .baseUrl,
    ).toBe('http://reg.internal:5000');
    expect(existsSync(tmp)).toBe(true);
  });
});
