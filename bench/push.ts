/**
 * Push benchmark: the same OCI layout (gzip layers) pushed to a local `docker-registry` by `skopeo copy` and by
 * shipgate, cold (a fresh, empty registry for every run) and warm (every blob already in the repository: HEAD
 * skips them), with the peak memory of each process. shipgate is measured three ways:
 * - `shipgate push` as a CI job runs it: a simulated GitLab job whose ID token a local OIDC issuer on loopback
 *   signs, verified, scanned, gated and pushed;
 * - the upload alone (bench/push-upload.ts, bundled from the sources): uploadBlobs and putManifest on the
 *   opened image, timed inside the process: the part to compare with skopeo;
 * - `shipgate scan` of the same image with the same policy: the scan and gate part of the push.
 * The tools run in turn, round after round; `uploadVsSkopeo` is the median of the rounds' ratios (each round
 * sees about the same load for both), `uploadVsSkopeoOfMedians` the ratio of the medians.
 * Run by bench/run.mjs with one JSON argument { big: OCI layout dir of the 1 GB image } ({ only: "debian" }
 * for the small image alone); prints JSON last.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { debianImage } from '../test/support/images';
import { startIssuer, type TestIssuer } from '../test/support/oidc-issuer';
import { startRegistry, type TestRegistry } from '../test/support/registry';

const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, '.cache', 'bench', 'push');
const NODE = process.execPath;
const SHA = '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d';

interface Run {
  ms: number;
  rssKb: number;
  stdout: string;
}

interface Figures {
  medianMs: number;
  minMs: number;
  peakRssMb: number;
  runs: number;
}

/** Runs one command under /usr/bin/time (peak RSS) without blocking this process, which serves the issuer. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', cmd, ...args], { env, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) {
        reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr.slice(-1500)}`));
        return;
      }
      const lines = stderr.trim().split('\n');
      resolve({ ms, rssKb: Number(lines[lines.length - 1]), stdout });
    });
  });
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

function figures(times: number[], rssKb: number[]): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    medianMs: round(sorted[Math.floor(sorted.length / 2)]!),
    minMs: round(sorted[0]!),
    peakRssMb: Math.round(Math.max(...rssKb) / 102.4) / 10,
    runs: times.length,
  };
}

/** A command to time against a registry; `ms` reads the time from its output instead of the wall clock. */
interface Pusher {
  command(registry: TestRegistry): { cmd: string; args: string[]; env: NodeJS.ProcessEnv };
  ms?(stdout: string): number;
}

interface Timed {
  ms: number;
  /** The process from start to exit (differs from `ms` when the time is read from its output). */
  wallMs: number;
  rssKb: number;
}

async function once(pusher: Pusher, registry: TestRegistry, cwd: string): Promise<Timed> {
  const { cmd, args, env } = pusher.command(registry);
  const run = await timed(cmd, args, env, cwd);
  return { ms: pusher.ms ? pusher.ms(run.stdout) : run.ms, wallMs: run.ms, rssKb: run.rssKb };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The pushers in turn, round after round, so a change in the machine's load falls on all of them alike: cold,
 * each run into its own empty registry; warm, each pusher into its own registry it filled once, untimed.
 */
async function interleaved(
  pushers: Record<string, Pusher>,
  runs: number,
  cwd: string,
  mode: 'cold' | 'warm',
): Promise<Record<string, Timed[]>> {
  const names = Object.keys(pushers);
  const out: Record<string, Timed[]> = Object.fromEntries(names.map((n) => [n, []]));
  const kept = new Map<string, TestRegistry>();
  try {
    if (mode === 'warm')
      for (const name of names) {
        const registry = await startRegistry();
        kept.set(name, registry);
        await once(pushers[name]!, registry, cwd);
      }
    for (let i = 0; i < runs; i++)
      for (const name of names) {
        const registry = kept.get(name) ?? (await startRegistry());
        try {
          out[name]!.push(await once(pushers[name]!, registry, cwd));
        } finally {
          if (!kept.has(name)) await registry.stop();
        }
      }
  } finally {
    for (const registry of kept.values()) await registry.stop();
  }
  return out;
}

function figuresOf(runs: Timed[]): Figures {
  return figures(
    runs.map((r) => r.ms),
    runs.map((r) => r.rssKb),
  );
}

/** The median of the per-round ratios a / b, and the ratio of the medians. */
function ratios(a: Timed[], b: Timed[]): { perRound: number; ofMedians: number } {
  return {
    perRound: ratio(median(a.map((r, i) => r.ms / b[i]!.ms)), 1),
    ofMedians: ratio(median(a.map((r) => r.ms)), median(b.map((r) => r.ms))),
  };
}

/** This environment without real CI variables, as a simulated GitLab job on a protected branch. */
async function gitlabJob(issuer: TestIssuer): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(CI|GITLAB_CI|GITHUB_.*|ACTIONS_.*|CI_.*|RUNNER_.*|SIGSTORE_ID_TOKEN|SHIPGATE_ID_TOKEN)$/.test(k))
      env[k] = v;
  const now = Math.floor(Date.now() / 1000);
  const token = await issuer.sign({
    iss: issuer.url,
    sub: 'project_path:bench/app:ref_type:branch:ref:main',
    aud: 'shipgate',
    project_id: '42',
    project_path: 'bench/app',
    pipeline_id: '9001',
    job_id: '77001',
    ref: 'main',
    ref_type: 'branch',
    ref_protected: 'true',
    pipeline_source: 'push',
    sha: SHA,
    iat: now - 5,
    nbf: now - 10,
    exp: now + 3 * 3600,
  });
  return {
    ...env,
    NO_COLOR: '1',
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER_URL: 'https://gitlab.example',
    CI_PROJECT_ID: '42',
    CI_PROJECT_PATH: 'bench/app',
    CI_PIPELINE_ID: '9001',
    CI_PIPELINE_SOURCE: 'push',
    CI_JOB_ID: '77001',
    CI_COMMIT_SHA: SHA,
    CI_COMMIT_REF_NAME: 'main',
    CI_COMMIT_REF_PROTECTED: 'true',
    SHIPGATE_ID_TOKEN: token,
  };
}

/** The CLI and the upload script bundled from the sources, so the figures are those of the code they ship with. */
async function bundles(): Promise<{ cli: string; upload: string }> {
  const dist = join(WORK, 'dist');
  await timed(NODE, [join(ROOT, 'build', 'build.mjs'), '--outdir', dist], process.env, ROOT);
  const upload = join(WORK, 'push-upload.mjs');
  await build({
    entryPoints: [join(ROOT, 'bench', 'push-upload.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: upload,
    logLevel: 'error',
    // Optional plugins of @cyclonedx/cyclonedx-library, left out as build/bundle.mjs does.
    external: ['xmlbuilder2', 'libxmljs2', 'ajv', 'ajv-formats', 'ajv-formats-draft2019'],
    // CommonJS dependencies bundled into ESM expect require.
    banner: {
      js: "import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);",
    },
  });
  return { cli: join(dist, 'cli.js'), upload };
}

interface Subject {
  label: string;
  source: string;
  runs: number;
}

async function benchImage(
  subject: Subject,
  tools: { cli: string; upload: string; issuer: TestIssuer; cwd: string },
): Promise<Record<string, unknown>> {
  const { cli, upload, issuer, cwd } = tools;
  const offline = ['--vuln-db', join(ROOT, 'test', 'fixtures', 'osv'), '--offline'];
  const dest = (r: TestRegistry): string => `${r.host}/bench/app:1`;
  const skopeo: Pusher = {
    command: (r) => {
      // skopeo remembers where it saw blobs (blob-info cache under HOME) and would mount them from there.
      const home = mkdtempSync(join(cwd, 'skopeo-home-'));
      return {
        cmd: 'skopeo',
        args: ['copy', '--quiet', '--dest-tls-verify=false', subject.source, `docker://${dest(r)}`],
        env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data') },
      };
    },
  };
  const env = await gitlabJob(issuer);
  const push: Pusher = {
    command: (r) => ({
      cmd: NODE,
      args: [cli, 'push', subject.source, dest(r), ...offline, '--oidc-issuer', issuer.url],
      env,
    }),
  };
  const uploadOnly: Pusher = {
    command: (r) => ({ cmd: NODE, args: [upload, subject.source, dest(r)], env }),
    ms: (stdout) => (JSON.parse(stdout.trim().split('\n').pop()!) as { uploadMs: number }).uploadMs,
  };
  const scan: Pusher = {
    command: () => ({
      cmd: NODE,
      args: [cli, 'scan', subject.source, ...offline, '--format', 'json', '-o', '/dev/null', '-q'],
      env,
    }),
  };
  const { runs } = subject;
  process.stderr.write(`push bench: ${subject.label}\n`);
  const pushers = { skopeo, push, upload: uploadOnly };
  const cold = await interleaved(pushers, runs, cwd, 'cold');
  const warm = await interleaved({ ...pushers, scan }, runs, cwd, 'warm');
  const both = (name: keyof typeof pushers) => ({
    cold: figuresOf(cold[name]!),
    warm: figuresOf(warm[name]!),
  });
  return {
    image: subject.label,
    skopeo: both('skopeo'),
    shipgatePush: both('push'),
    shipgateUpload: {
      ...both('upload'),
      // The upload's process from start to exit, opening the image included: skopeo's figure is that too.
      processMs: {
        cold: round(median(cold.upload!.map((r) => r.wallMs))),
        warm: round(median(warm.upload!.map((r) => r.wallMs))),
      },
    },
    shipgateScan: figuresOf(warm.scan!),
    // The median of the per-round ratios (each round runs both under the same load).
    uploadVsSkopeo: {
      cold: ratios(cold.upload!, cold.skopeo!).perRound,
      warm: ratios(warm.upload!, warm.skopeo!).perRound,
    },
    uploadVsSkopeoOfMedians: {
      cold: ratios(cold.upload!, cold.skopeo!).ofMedians,
      warm: ratios(warm.upload!, warm.skopeo!).ofMedians,
    },
  };
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

// `only: "debian"` leaves the 1 GB image out (a quicker run while working on the upload).
const { big, only } = JSON.parse(process.argv[2] ?? '{}') as { big?: string; only?: 'debian' };
if (!big && only !== 'debian')
  throw new Error('usage: push.ts {"big":"OCI layout of the 1 GB image"} or {"only":"debian"}');
mkdirSync(WORK, { recursive: true });
const cwd = mkdtempSync(join(tmpdir(), 'shipgate-bench-push-'));
const issuer = await startIssuer();
try {
  // The gate must approve both images (a root Debian base, random data): the bench times the push, not the policy.
  writeFileSync(
    join(cwd, 'shipgate.yaml'),
    'version: 1\ngate:\n  fail-on: none\nmalware:\n  mode: optional\n',
  );
  const tools = { ...(await bundles()), issuer, cwd };
  const debian = await debianImage();
  const results = {
    debian: await benchImage(
      {
        label: 'debian bookworm minbase, OCI layout',
        source: `oci:${debian.ociLayout}:${debian.tag}`,
        runs: 5,
      },
      tools,
    ),
    ...(big && only !== 'debian'
      ? {
          bigImage: {
            sizeGb: 1,
            ...(await benchImage(
              { label: '1 GB single-layer image, OCI layout', source: `oci:${big}:big`, runs: 2 },
              tools,
            )),
          },
        }
      : {}),
  };
  process.stdout.write(`${JSON.stringify(results)}\n`);
} finally {
  await issuer.stop();
  rmSync(cwd, { recursive: true, force: true });
}
