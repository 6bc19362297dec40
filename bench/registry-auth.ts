/**
 * Benchmark: the registry token service on loopback answering rounds of 200 concurrent token requests, each
 * with a GitHub-style CI ID token of a local OIDC issuer, a rule match, a signed ES256 registry token and an
 * audit line. The service runs in a child process (this file with `serve`), the client here on node:http
 * with keep-alive, so the figures are the service's. Prints JSON { concurrency, requests, p50Ms, p99Ms,
 * maxMs, errors, serverCpuMsPerRequest }.   Target: p99Ms < 50, no error.   Run: npx tsx bench/registry-auth.ts
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
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

/** Child: the issuers and the service; answers "cpu" with its CPU time so far (ms). */
async function serve(): Promise<void> {
  setLogger(new Logger([], 'warn'));
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-bench-rauth-'));
  const github = await startIssuer();
  const gitlab = await startIssuer();
  // Audit lines are formatted as in production and dropped, not written to a terminal.
  const auth = await startAuth(makeConfig(makeTokenKeys(dir), github, gitlab));
  const token = await github.sign(githubClaims(github));
  process.on('message', (m) => {
    if (m === 'cpu') {
      const u = process.cpuUsage();
      process.send!({ cpuMs: (u.user + u.system) / 1000 });
    } else if (m === 'stop')
      void auth.server
        .close()
        .then(() => Promise.all([github.stop(), gitlab.stop()]))
        .then(() => {
          rmSync(dir, { recursive: true, force: true });
          process.exit(0);
        });
  });
  process.send!({ url: auth.server.url, token } satisfies Ready);
}

function ask<T>(child: ChildProcess, message?: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    if (message) child.send(message);
  });
}

async function measure(): Promise<void> {
  const child = fork(import.meta.filename, ['serve'], { execArgv: process.execArgv });
  const ready = await ask<Ready>(child);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = `${ready.url}/token?${new URLSearchParams({
    service: SERVICE,
    scope: 'repository:team/app:pull,push',
    account: 'ci',
  })}`;
  const headers = { authorization: basic('ci', ready.token) };
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
    const p99Ms = round1(at(0.99));
    const errors = samples.filter((s) => !s.ok).length;
    process.stdout.write(
      `${JSON.stringify({
        concurrency: CONCURRENCY,
        requests: samples.length,
        p50Ms: round1(at(0.5)),
        p99Ms,
        maxMs: round1(ms.at(-1)!),
        errors,
        serverCpuMsPerRequest: Math.round(((cpu1 - cpu0) / samples.length) * 1000) / 1000,
        date: new Date().toISOString(),
        node: process.version,
        targets: { p99Ms: 50 },
        ok: errors === 0 && p99Ms < 50,
      })}\n`,
    );
  } finally {
    agent.destroy();
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
  }
}

await (process.argv[2] === 'serve' ? serve() : measure());
