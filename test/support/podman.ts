/**
 * Podman's Docker-compatible API service on a private unix socket, for testing the docker: source.
 * Runs as root without systemd: vfs storage in a temporary root, cgroupfs, file events, no network setup.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { run } from './debian';

export const PODMAN_TOOLS = ['podman'];

export interface PodmanService {
  socket: string;
  /** DOCKER_HOST value for the socket. */
  dockerHost: string;
  /** `podman load -i archive` into this service's storage. */
  load(archive: string): Promise<void>;
  stop(): Promise<void>;
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

export async function startPodmanService(): Promise<PodmanService> {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-podman-'));
  const conf = join(dir, 'storage.conf');
  writeFileSync(
    conf,
    `[storage]\ndriver = "vfs"\nrunroot = "${join(dir, 'run')}"\ngraphroot = "${join(dir, 'root')}"\n`,
  );
  const env = { ...process.env, CONTAINERS_STORAGE_CONF: conf, XDG_RUNTIME_DIR: join(dir, 'xdg') };
  const base = [
    '--root',
    join(dir, 'root'),
    '--runroot',
    join(dir, 'run'),
    '--storage-driver',
    'vfs',
    '--cgroup-manager=cgroupfs',
    '--events-backend=file',
    '--tmpdir',
    join(dir, 'tmp'),
  ];
  const socket = join(dir, 'podman.sock');
  const child: ChildProcess = spawn(
    'podman',
    [...base, 'system', 'service', '--time=0', `unix://${socket}`],
    {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 200 && child.exitCode === null; i++) {
    if (await ping(socket)) {
      return {
        socket,
        dockerHost: `unix://${socket}`,
        load: async (archive) => {
          await run('podman', [...base, 'load', '-q', '-i', archive], { env });
        },
        stop,
      };
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`podman system service did not start: ${stderr}`);
}
