/**
 * Benchmark: the registry token service on loopback answering rounds of 200 concurrent token requests, each
 * with a GitHub-style CI ID token of a local OIDC issuer, a rule match, a signed ES256 registry token and an
 * audit line. The service runs in a child process (this file with `serve`), the client here on node:http
 * with keep-alive. The peer, measured the same way in the same run with the same requests, is a bare
 * node:http server answering a constant body of a token reply's size (`floor`): the machine's own limit for
 * this client, these messages and this concurrency.
 * Prints JSON { concurrency, requests, shipgate: {p50Ms, p99Ms, maxMs, errors, cpuMsPerRequest}, floor: {...} }.
 * Target: p99 < 50 ms, no error.   Run: npx tsx bench/registry-auth.ts
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger, setLogger } from '../src/core/logger';
import { startIssuer } from '../test/support/oidc-issuer';
import { basic, githubClaims, makeConfig, SERVICE, startAuth } from '../test/support/registry-auth';
import { makeTokenKeys } from '../test/support/token-keys';

const CONCURRENCY = 200;
const ROUNDS = 5;

interface Ready {
  url: string;
  token: string;
}

interface Figures {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  cpuMsPerRequest: number;
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

async function serveTokens(): Promise<void> {
  setLogger(new Logger([], 'warn'));
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-bench-rauth-'));
  const github = await startIssuer();
  const gitlab = await startIssuer();
  // Audit lines are formatted as in production and dropped, not written to a terminal.
  const auth = await startAuth(makeConfig(makeTokenKeys(dir), github, gitlab));
  answer(async () => {
    await auth.server.close();
    await Promise.all([github.stop(), gitlab.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });
  process.send!({ url: auth.server.url, token: await github.sign(githubClaims(github)) } satisfies Ready);
}

function serveFloor(): void {
  // A token reply carries the registry token twice (`token` and `access_token`), about 1.8 kB each.
  const body = Buffer.from(JSON.stringify({ token: 'x'.repeat(1800), access_token: 'x'.repeat(1800) }));
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    answer(() => new Promise((r) => server.close(() => r())));
    process.send!({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      token: 'x',
    } satisfies Ready);
  });
}

function ask<T>(child: ChildProcess, message?: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    if (message) child.send(message);
  });
}

async function measure(mode: 'serve' | 'floor', token?: string): Promise<Figures & { token: string }> {
  const child = fork(import.meta.filename, [mode], { execArgv: process.execArgv });
  const ready = await ask<Partial<Ready> & { url: string }>(child);
  const idToken = ready.token ?? token ?? '';
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = `${ready.url}/token?${new URLSearchParams({
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
    const cpu0 = (await ask<{ cpuMs: number }>(child, 'cpu')).cpuMs;
    const samples: { ms: number; ok: boolean }[] = [];
    for (let round = 0; round < ROUNDS; round++) samples.push(...(await burst()));
    const cpu1 = (await ask<{ cpuMs: number }>(child, 'cpu')).cpuMs;
    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
    const round1 = (v: number) => Math.round(v * 10) / 10;
    return {
      p50Ms: round1(at(0.5)),
      p99Ms: round1(at(0.99)),
      maxMs: round1(ms.at(-1)!),
      errors: samples.filter((s) => !s.ok).length,
      cpuMsPerRequest: Math.round(((cpu1 - cpu0) / samples.length) * 1000) / 1000,
      token: idToken,
    };
  } finally {
    agent.destroy();
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
  }
}

const mode = process.argv[2];
if (mode === 'serve') await serveTokens();
else if (mode === 'floor') serveFloor();
else {
  const { token, ...shipgate } = await measure('serve');
  const { token: _same, ...floor } = await measure('floor', token);
  process.stdout.write(
    `${JSON.stringify({
      concurrency: CONCURRENCY,
      requests: CONCURRENCY * ROUNDS,
      shipgate,
      floor,
      date: new Date().toISOString(),
      node: process.version,
      targets: { p99Ms: 50 },
      ok: shipgate.errors === 0 && shipgate.p99Ms < 50,
    })}\n`,
  );
}
