/**
 * `shipgate registry-auth` as a process: --check prints the effective rules, start-up errors are one line with
 * an exit code, and a served instance answers /healthz and stops cleanly on SIGTERM; with --workers, every
 * worker answers, the primary writes one audit line per decision, /metrics adds the workers up, and a
 * worker that dies is replaced.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { get, type ClientRequest } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startIssuer, type TestIssuer } from '../../support/oidc-issuer';
import { basic, configText, githubClaims, SERVICE } from '../../support/registry-auth';
import { makeTokenKeys, TOKEN_KEY_TOOLS, type TokenKeys } from '../../support/token-keys';
import { describeWithTools, ROOT } from '../../support/tools';

const CLI = join(ROOT, 'src', 'cli', 'index.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describeWithTools('shipgate registry-auth', TOKEN_KEY_TOOLS, () => {
  let keys: TokenKeys;
  let github: TestIssuer;
  let gitlab: TestIssuer;
  let config: string;

  beforeAll(async () => {
    keys = makeTokenKeys(mkdtempSync(join(tmpdir(), 'shipgate-rauth-cli-')));
    github = await startIssuer();
    gitlab = await startIssuer();
    config = join(keys.dir, 'registry-auth.yaml');
    writeFileSync(config, configText(keys, github, gitlab));
  });
  // A test that fails half-way leaves no service behind: SIGTERM, so a primary stops its workers too.
  const running = new Set<ChildProcess>();
  afterAll(async () => {
    for (const child of running) child.kill('SIGTERM');
    await github?.stop();
    await gitlab?.stop();
    rmSync(keys.dir, { recursive: true, force: true });
  });

  function cli(
    args: string[],
    onStderr?: (text: string, kill: (s: NodeJS.Signals) => void, pid: number) => void,
  ): Promise<Run> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], {
        env: { ...process.env, TSX_DISABLE_CACHE: '1' },
      });
      running.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        onStderr?.(stderr, (s) => child.kill(s), child.pid!);
      });
      child.on('close', (code) => {
        running.delete(child);
        resolve({ code, stdout, stderr });
      });
    });
  }

  it('--check prints the effective rules without serving', async () => {
    const r = await cli(['registry-auth', '--config', config, '--check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('service test-registry, issuer shipgate-test-auth, listen 127.0.0.1:0');
    expect(r.stdout).toMatch(/signing key ES256, kid ([A-Z2-7]{4}:){11}[A-Z2-7]{4}; tokens valid 300 s/);
    expect(r.stdout).toContain(
      'rule app-main: pull,push on team/app for github when repository_id=1001 repository_owner_id=77 workflow_ref=team/app/.github/workflows/release.yml@refs/heads/main event_name=push ref=refs/heads/main',
    );
    expect(r.stdout).toContain(
      'rule gitlab-app: pull,push on group/app, group/app/* for gitlab when project_id=42 ref_protected=true ref=main|release/*',
    );
  });

  it('start-up errors are one line with an exit code', async () => {
    const bad = join(keys.dir, 'bad.yaml');
    writeFileSync(
      bad,
      configText(keys, github, gitlab).replace('event_name: push', 'event_name: pull_request_target'),
    );
    const r1 = await cli(['registry-auth', '--config', bad, '--check']);
    expect(r1.code).toBe(2);
    expect(r1.stderr.trim().split('\n')).toHaveLength(1);
    expect(r1.stderr).toMatch(
      /^shipgate: error \[CONFIG_INVALID\]: .*bad\.yaml: rules\[0\] \(app-main\) must not grant push to event_name pull_request_target/,
    );

    const ed = join(keys.dir, 'ed.yaml');
    writeFileSync(
      ed,
      configText(keys, github, gitlab).replace(keys.ecKey, keys.edKey).replace(keys.ecCert, keys.edCert),
    );
    const r2 = await cli(['registry-auth', '--config', ed]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/^shipgate: error \[UNSUPPORTED\]: the token signing key .* is a ed25519 key/);

    const r3 = await cli(['registry-auth']);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/\[USAGE\]: registry-auth: --config FILE is required/);
  });

  it('--schema prints the JSON Schema', async () => {
    const r = await cli(['registry-auth', '--schema']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { title: string }).title).toBe('shipgate registry-auth configuration');
  });

  it('serves until SIGTERM, then stops cleanly', async () => {
    let health: number | undefined;
    let asked = false;
    const r = await cli(['registry-auth', '--config', config], (stderr, kill) => {
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (!m || asked) return;
      asked = true;
      void (async () => {
        for (let i = 0; i < 100 && health !== 200; i++) {
          health = (await fetch(`${m[1]}/healthz`)).status;
          if (health !== 200) await new Promise((res) => setTimeout(res, 50));
        }
        kill('SIGTERM');
      })();
    });
    expect(health).toBe(200);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('registry-auth: SIGTERM, finishing requests in flight');
  });

  it('--workers: bad counts are usage errors', async () => {
    for (const n of ['0', '65', 'two']) {
      const r = await cli(['registry-auth', '--config', config, '--workers', n]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`registry-auth: --workers: "${n}" is not a number from 1 to 64`);
    }
  });

  it('--workers 2: one audit line per decision from the primary, /metrics of both, a dead worker replaced', async () => {
    const token = await github.sign(githubClaims(github));
    const requests = 60;
    let outcome: { statuses: number[]; metrics: string; workers: number[]; afterKill: number[] } | undefined;
    let asked = false;
    let log = '';
    const r = await cli(['registry-auth', '--config', config, '--workers', '2'], (stderr, kill, pid) => {
      log = stderr;
      const m = /2 workers listening on (http:\/\/\S+)/.exec(stderr);
      if (!m || asked) return;
      asked = true;
      const url = `${m[1]}/token?${new URLSearchParams({ service: SERVICE, scope: 'repository:team/app:pull,push' })}`;
      // A connection each: none rides a dead worker's socket.
      const once = () =>
        new Promise<number>((resolve, reject) => {
          get(
            url,
            { agent: false, timeout: 10_000, headers: { authorization: basic('ci', token) } },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          )
            .on('timeout', function (this: ClientRequest) {
              this.destroy(new Error('no answer in 10 s'));
            })
            .on('error', reject);
        });
      const burst = () => Promise.all(Array.from({ length: requests / 2 }, once));
      void (async () => {
        const statuses = await burst();
        const metrics = await (await fetch(`${m[1]}/metrics`)).text();
        const pids = (): number[] =>
          // The primary's children that run the command (not tsx's esbuild service).
          execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
            .split('\n')
            .filter((l) => l.includes('registry-auth'))
            .map((l) => Number(l.trim().split(/\s+/)[0]));
        const workers = pids();
        process.kill(workers[0]!, 'SIGKILL');
        // Once the primary knows (a connection handed to a dying worker is lost, as with any crash), the
        // survivor answers everything while the primary starts another worker.
        for (let i = 0; i < 100 && !log.includes('starting another'); i++)
          await new Promise((res) => setTimeout(res, 50));
        statuses.push(...(await burst()));
        let afterKill = pids();
        for (let i = 0; i < 200 && afterKill.length < 2; i++) {
          await new Promise((res) => setTimeout(res, 100));
          afterKill = pids();
        }
        outcome = { statuses, metrics, workers, afterKill };
      })().finally(() => kill('SIGTERM'));
    });
    expect(outcome, r.stderr).toBeDefined();
    expect(r.code, r.stderr).toBe(0);
    expect(outcome!.statuses).toEqual(Array.from({ length: requests }, () => 200));
    expect(outcome!.metrics).toContain(
      `shipgate_registry_auth_requests_total{outcome="granted"} ${requests / 2}`,
    );
    expect(outcome!.workers).toHaveLength(2);
    expect(outcome!.afterKill).toHaveLength(2);
    expect(outcome!.afterKill).not.toContain(outcome!.workers[0]);
    const audit = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { audit: string; outcome: string; worker: number });
    expect(audit).toHaveLength(requests);
    expect(audit.every((a) => a.audit === 'registry-auth' && a.outcome === 'granted')).toBe(true);
    // Each line names the worker that decided. Workers accept from the shared socket, so the kernel picks
    // which one takes a connection: how a burst splits between them is not fixed.
    const first = new Set(audit.slice(0, requests / 2).map((a) => a.worker));
    expect(first.size).toBeGreaterThan(0);
    expect([...first].every((w) => w === 1 || w === 2)).toBe(true);
    expect(r.stderr).toMatch(/registry-auth: worker [12] stopped \(signal SIGKILL\); starting another/);
  }, 60_000);

  it('--workers: a replacement worker refuses a configuration changed since the start; the others serve on', async () => {
    const own = join(keys.dir, 'changing.yaml');
    writeFileSync(own, configText(keys, github, gitlab));
    let status: number | undefined;
    let asked = false;
    let log = '';
    const r = await cli(['registry-auth', '--config', own, '--workers', '2'], (stderr, kill, pid) => {
      log = stderr;
      const m = /2 workers listening on (http:\/\/\S+)/.exec(stderr);
      if (!m || asked) return;
      asked = true;
      void (async () => {
        writeFileSync(own, configText(keys, github, gitlab, 'defaultPull: authenticated\n'));
        const [first] = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
          .split('\n')
          .filter((l) => l.includes('registry-auth'));
        process.kill(Number(first!.trim().split(/\s+/)[0]), 'SIGKILL');
        for (let i = 0; i < 300 && !log.includes('[CONFIG_INVALID]'); i++)
          await new Promise((res) => setTimeout(res, 50));
        status = (await fetch(`${m[1]}/healthz`)).status;
      })().finally(() => kill('SIGTERM'));
    });
    expect(r.stderr).toContain(
      'shipgate: error [CONFIG_INVALID]: registry-auth: the configuration or signing key changed since the service started; this worker does not serve',
    );
    expect(status).toBe(200);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);
});
