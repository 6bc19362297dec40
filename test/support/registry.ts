/**
 * A real registry for tests: the `docker-registry` binary (Debian's distribution build) listening on
 * 127.0.0.1 with storage in a temporary directory, optionally behind htpasswd basic auth or token auth.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { run } from './debian';

export const REGISTRY_TOOLS = ['docker-registry', 'skopeo', 'htpasswd'];

export interface TestRegistry {
  /** host:port, e.g. 127.0.0.1:41234 */
  host: string;
  url: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** distribution's `auth.token` settings: the token service at `realm` signs with a key `rootCertBundle` holds. */
export interface TokenAuth {
  realm: string;
  service: string;
  issuer: string;
  /** PEM file of the certificates (or CAs) whose keys may sign tokens. */
  rootCertBundle: string;
}

export async function startRegistry(
  opts: { htpasswd?: { user: string; password: string }; tokenAuth?: TokenAuth } = {},
): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  let auth = '';
  if (opts.htpasswd) {
    const line = await run('htpasswd', ['-Bbn', opts.htpasswd.user, opts.htpasswd.password]);
    writeFileSync(join(dir, 'htpasswd'), line);
    auth = `auth:\n  htpasswd:\n    realm: shipgate-test\n    path: ${join(dir, 'htpasswd')}\n`;
  }
  if (opts.tokenAuth) {
    const t = opts.tokenAuth;
    auth = `auth:\n  token:\n    realm: ${t.realm}\n    service: ${t.service}\n    issuer: ${t.issuer}\n    rootcertbundle: ${t.rootCertBundle}\n`;
  }
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${host}\n${auth}`,
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const url = `http://${host}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 200 || res.status === 401) return { host, url, stop };
    } catch {
      /* not up yet */
    }
    await sleep(50);
  }
  await stop();
  throw new Error(`docker-registry did not start on ${host}: ${stderr}`);
}

/** Pushes `oci:${ociLayout}:${tag}` to `ref` (host/repo:tag) with skopeo. */
export async function pushImage(
  ociLayout: string,
  tag: string,
  ref: string,
  creds?: { user: string; password: string },
): Promise<void> {
  const args = ['copy', '--quiet', '--dest-tls-verify=false'];
  if (creds) args.push('--dest-creds', `${creds.user}:${creds.password}`);
  await run('skopeo', [...args, `oci:${ociLayout}:${tag}`, `docker://${ref}`]);
}
