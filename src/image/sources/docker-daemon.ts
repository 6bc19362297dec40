/**
 * `docker:NAME` / `docker-daemon:NAME`: an image in a Docker Engine (or Podman's Docker-compatible) API,
 * reached over its unix socket. GET /images/{name}/get streams a docker-archive, which is spooled to a
 * private temporary file (random access is needed to read it), then removed on close().
 */
import { createWriteStream } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ShipgateError } from '../../core/errors';
import type { OpenOptions, OpenedImage } from '../options';
import { tempDir } from '../temp';
import { openDockerArchive } from './docker-archive';

/** The socket path from DOCKER_HOST (unix:// only) or the default. */
function dockerSocket(env: NodeJS.ProcessEnv = process.env): string {
  const host = env.DOCKER_HOST;
  if (!host) return '/var/run/docker.sock';
  if (host.startsWith('unix://')) return host.slice('unix://'.length);
  throw new ShipgateError('UNSUPPORTED', `DOCKER_HOST=${host}: only unix:// sockets are supported`, {
    hint: 'save the image with `docker save -o image.tar NAME` and scan docker-archive:image.tar',
  });
}

function get(socketPath: string, path: string, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: 'GET', headers: { Host: 'docker' } }, resolve);
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

async function readText(res: IncomingMessage): Promise<string> {
  let s = '';
  for await (const c of res as AsyncIterable<Buffer>) if (s.length < 4096) s += c.toString();
  return s;
}

export async function openDockerDaemon(
  name: string,
  ref: string,
  options: OpenOptions,
): Promise<OpenedImage> {
  const socketPath = dockerSocket(options.env);
  const timeoutMs = options.timeoutMs ?? 120_000;
  let res: IncomingMessage;
  try {
    res = await get(socketPath, `/images/${encodeURIComponent(name)}/get`, timeoutMs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ShipgateError(
      'NETWORK',
      `${ref}: cannot reach the Docker API at ${socketPath} (${code ?? (e as Error).message})`,
      {
        hint: 'is the Docker daemon running and DOCKER_HOST right? Or save the image and use docker-archive:',
      },
    );
  }
  if (res.statusCode !== 200) {
    const body = await readText(res);
    let message = body.trim();
    try {
      message = (JSON.parse(body) as { message?: string }).message ?? message;
    } catch {
      /* not JSON */
    }
    const code = res.statusCode === 404 ? 'NOT_FOUND' : 'REGISTRY';
    throw new ShipgateError(
      code,
      `${ref}: the Docker API answered ${res.statusCode}: ${message.slice(0, 300)}`,
    );
  }
  const { dir, cleanup } = await tempDir('shipgate-daemon-', options.tmpDir);
  try {
    const file = join(dir, 'image.tar');
    await pipeline(res, createWriteStream(file, { mode: 0o600 }));
    return await openDockerArchive(file, undefined, ref, options, cleanup);
  } catch (e) {
    await cleanup();
    throw e;
  }
}
