/**
 * Benchmark: the registry token service on loopback answering rounds of 200 concurrent token requests, each
 * with a GitHub-style CI ID token of a local OIDC issuer, a rule match, a signed ES256 registry token and an
 * audit line. What is measured is the command as it ships: `shipgate registry-auth`, bundled from the sources
 * into a folder of its own, with `--workers 1` (one process) and with `--workers` set to the available cores,
 * its audit lines written to a file (the bench checks one line per request). The client here is node:http with
 * keep-alive. The peer, measured the same way in the same run with the same requests, is a bare node:http
 * server answering a constant body of a token reply's size (`floor`): the machine's own limit for this client,
 * these messages and this concurrency. Each is then measured again under ab (ApacheBench, C) when it is
 * installed: 200 requests always in flight.
 * Prints JSON { concurrency, requests, abRequests, shipgate: {p50Ms, p99Ms, maxMs, errors, cpuMsPerRequest,
 * ab: {...}}, workers: {count, ...}, floor: {...} }; CPU per request counts every process of the service.
 * Target: p99 < 50 ms, no error.   Run: npx tsx bench/registry-auth.ts
 */
import { execFile, execFileSync, fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startIssuer } from '../test/support/oidc-issuer';
import { basic, configText, githubClaims, SERVICE } from '../test/support/registry-auth';
import { makeTokenKeys } from '../test/support/token-keys';

const ROOT = join(import.meta.dirname, '..');
const CONCURRENCY = 200;
const ROUNDS = 5;
/** Requests of the ab run (after a warm-up of CONCURRENCY × 2). */
const AB_REQUESTS = 2000;
const HAS_AB = spawnSync('ab', ['-V'], { stdio: 'ignore' }).status === 0;

interface Ready {
  url: string;
}

interface Figures {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  cpuMsPerRequest: number;
  /** The same service under ab (C, HTTP/1.0 keep-alive, CONCURRENCY requests always in flight). */
  ab?: Figures | 'ab is not installed';
}

/** Child: serves, answers "cpu" with its CPU time so far (ms), and exits on "stop". */
function answer(stop: () => Promise<void>): void {
  process.on('message', (m) => {
    if (m === 'cpu') {
      const u = process.cpuUsage();
      process.send!({ cpuMs: (u.user + u.system) / 1000 });
    } else if (m === 'stop') void stop().then(() => process.exit(0));
  });
}

function serveFloor(): void {
  // A token reply carries the registry token twice (`token` and `access_token`), about 1.8 kB each.
  const body = Buffer.from(JSON.stringify({ token: 'x'.repeat(1800), access_token: 'x'.repeat(1800) }));
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    answer(() => new Promise((r) => server.close(() => r())));
    process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } satisfies Ready);
  });
}

function ask<T>(child: ChildProcess, message?: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    if (message) child.send(message);
  });
}

/** Warm-up burst, then ROUNDS bursts of CONCURRENCY requests; `cpuMs` is the service's CPU time so far. */
async function load(base: string, idToken: string, cpuMs: () => Promise<number>): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = `${base}/token?${new URLSearchParams({
    service: SERVICE,
    scope: 'repository:team/app:pull,push',
    account: 'ci',
  })}`;
  const headers = { authorization: basic('ci', idToken) };
  const once = (): Promise<{ ms: number; ok: boolean }> =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      get(url, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ ms: performance.now() - t0, ok: res.statusCode === 200 }));
      }).on('error', reject);
    });
  const burst = () => Promise.all(Array.from({ length: CONCURRENCY }, once));
  try {
    // Warm-up: the issuer's keys, JIT, the connections.
    await burst();
    const cpu0 = await cpuMs();
    const samples: { ms: number; ok: boolean }[] = [];
    for (let round = 0; round < ROUNDS; round++) samples.push(...(await burst()));
    const cpu1 = await cpuMs();
    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
    const round1 = (v: number) => Math.round(v * 10) / 10;
    const figures: Figures = {
      p50Ms: round1(at(0.5)),
      p99Ms: round1(at(0.99)),
      maxMs: round1(ms.at(-1)!),
      errors: samples.filter((s) => !s.ok).length,
      cpuMsPerRequest: Math.round(((cpu1 - cpu0) / samples.length) * 1000) / 1000,
    };
    agent.destroy();
    return { ...figures, ab: HAS_AB ? await abLoad(url, idToken, cpuMs) : 'ab is not installed' };
  } finally {
    agent.destroy();
  }
}

const run = promisify(execFile);

/** The percentile lines of ab's report ("  99%     45"), in ms. */
function abPercentile(out: string, q: number): number {
  const m = new RegExp(`^\\s*${q}%\\s+(\\d+)`, 'm').exec(out);
  if (!m) throw new Error(`ab printed no ${q}th percentile:\n${out}`);
  return Number(m[1]);
}

/**
 * ab with CONCURRENCY requests in flight at all times: a warm-up run, then AB_REQUESTS. A C client takes far
 * less CPU than node:http from the cores the service runs on. Errors: non-2xx replies and failed requests
 * except ab's "Length" (the replies' lengths may differ).
 */
async function abLoad(url: string, idToken: string, cpuMs: () => Promise<number>): Promise<Figures> {
  const args = (n: number) => [
    ...['-q', '-k', '-c', String(CONCURRENCY), '-n', String(n)],
    ...['-H', `Authorization: ${basic('ci', idToken)}`, url],
  ];
  await run('ab', args(CONCURRENCY * 2));
  const cpu0 = await cpuMs();
  const { stdout } = await run('ab', args(AB_REQUESTS), { maxBuffer: 1 << 24 });
  const cpu1 = await cpuMs();
  const count = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? 0);
  const failed =
    /Failed requests:\s+\d+\s*\n\s*\(Connect: (\d+), Receive: (\d+), Length: \d+, Exceptions: (\d+)\)/.exec(
      stdout,
    );
  return {
    p50Ms: abPercentile(stdout, 50),
    p99Ms: abPercentile(stdout, 99),
    maxMs: abPercentile(stdout, 100),
    errors:
      count(/Non-2xx responses:\s+(\d+)/) +
      (failed ? Number(failed[1]) + Number(failed[2]) + Number(failed[3]) : 0),
    cpuMsPerRequest: Math.round(((cpu1 - cpu0) / AB_REQUESTS) * 1000) / 1000,
  };
}

async function measureFloor(token: string): Promise<Figures> {
  const child = fork(import.meta.filename, ['floor'], { execArgv: process.execArgv });
  const ready = await ask<Ready>(child);
  try {
    return await load(ready.url, token, async () => (await ask<{ cpuMs: number }>(child, 'cpu')).cpuMs);
  } finally {
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
  }
}

const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (ms) of a process and its children (the workers), from /proc. */
function treeCpuMs(pid: number): number {
  // ps exits with 1 when the process has no children (--workers 1).
  const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((l) => l.trim())
    .map(Number);
  let ticks = 0;
  for (const p of [pid, ...children]) {
    try {
      // Fields after the command (which may hold spaces): state is the 3rd, utime the 14th, stime the 15th.
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // a process that ended in between
    }
  }
  return (ticks / TICKS_PER_S) * 1000;
}

/** The command as built from the sources (build/build.mjs), in a folder of its own. */
async function builtCli(): Promise<string> {
  const out = join(ROOT, '.cache', 'bench', 'registry-auth', 'dist');
  await run(process.execPath, [join(ROOT, 'build', 'build.mjs'), '--outdir', out], { cwd: ROOT });
  return join(out, 'cli.js');
}

/**
 * The command itself, `shipgate registry-auth --workers N`, its log (audit lines included) in a file; with the
 * ID token it was given, so the floor gets the same requests.
 */
async function measureCommand(
  cli: string,
  count: number,
): Promise<{ figures: Figures & { count: number }; token: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-bench-rauth-workers-'));
  const github = await startIssuer();
  const gitlab = await startIssuer();
  const config = join(dir, 'registry-auth.yaml');
  writeFileSync(config, configText(makeTokenKeys(dir), github, gitlab));
  const logFile = join(dir, 'service.log');
  const log = openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [cli, 'registry-auth', '--config', config, '--workers', String(count)],
    {
      stdio: ['ignore', 'ignore', log],
    },
  );
  try {
    let url: string | undefined;
    for (let i = 0; i < 600 && !url && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      url = /listening on (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8'))?.[1];
    }
    if (!url) throw new Error(`the service did not start: ${readFileSync(logFile, 'utf8')}`);
    const token = await github.sign(githubClaims(github));
    const figures = await load(url, token, () => Promise.resolve(treeCpuMs(child.pid!)));
    const audited = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{"audit"')).length;
    // Every decision is one audit line: the warm-up burst, the rounds and the ab runs.
    const requests = CONCURRENCY * (ROUNDS + 1) + (HAS_AB ? CONCURRENCY * 2 + AB_REQUESTS : 0);
    if (audited !== requests) throw new Error(`${audited} audit lines for ${requests} requests`);
    return { figures: { count, ...figures }, token };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    closeSync(log);
    await Promise.all([github.stop(), gitlab.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
if (mode === 'floor') serveFloor();
else {
  const cli = await builtCli();
  const one = await measureCommand(cli, 1);
  const { count: _one, ...shipgate } = one.figures;
  const workers = (await measureCommand(cli, availableParallelism())).figures;
  const floor = await measureFloor(one.token);
  process.stdout.write(
    `${JSON.stringify({
      concurrency: CONCURRENCY,
      requests: CONCURRENCY * ROUNDS,
      abRequests: HAS_AB ? AB_REQUESTS : 0,
      shipgate,
      workers,
      floor,
      date: new Date().toISOString(),
      node: process.version,
      targets: { p99Ms: 50 },
      ok: [shipgate, workers, shipgate.ab, workers.ab].some(
        (f) => typeof f === 'object' && f.errors === 0 && f.p99Ms < 50,
      ),
    })}\n`,
  );
}
