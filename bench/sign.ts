/**
 * Benchmark: signing and verification against a local sigstore (the @sigstore/mock Fulcio and Rekor on
 * loopback, with their trusted root) and a real docker-registry on loopback, with a small approved image
 * pushed from an OCI layout built in-process.
 *
 * shipgate, measured three ways:
 * - `shipgate sign REF` through the built CLI: the whole command (scan, decision, signing, storing, read-back),
 *   next to `shipgate scan REF` with the same inputs, so the difference is what signing adds;
 * - `signImage` through the library with the result of one scan: the image signature and four attestations
 *   (five DSSE bundles, one Fulcio certificate each), cosign's legacy signature, attaching everything next to
 *   the image and reading it back;
 * - `shipgate verify REF` through the built CLI, with the GitLab identity and every predicate required.
 * Each signing run writes into its own repository (a fresh copy of the image), as a release signs a digest once.
 *
 * The peer is `@sigstore/cli` (the `sigstore` command of sigstore-js) against the same Fulcio and Rekor:
 * `sigstore attest` of the same five in-toto statements, one process each as a job would call it. It neither
 * scans nor attaches to a registry, and `sigstore verify` trusts only a TUF-distributed root (no trusted-root
 * file), so the verification is compared with a local TUF repository serving the same trusted root
 * (bench/tuf-repo.ts), verifying the image signature bundle with the same issuer and identity.
 *
 * Prints JSON; `npm run bench -- sign` records it. Targets: sign + four attestations + attach + read-back
 * under 3 s, verify under 500 ms.   Run alone: npx tsx bench/sign.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Logger, setLogger } from '../src/core/logger';
import { RegistryClient } from '../src/oci/client';
import { runPipeline } from '../src/pipeline/run';
import { signImage, type SignOptions } from '../src/pipeline/sign';
import { fetchBundles } from '../src/sign/read-back';
import { run } from '../test/support/debian';
import { LAYER_GZIP, LAYER_TAR, tarOf, writeLayoutImage } from '../test/support/images';
import { startRegistry } from '../test/support/registry';
import { gitlabClaims, startSigstore, unsignedToken } from '../test/support/sigstore';
import { startTufRepository } from './tuf-repo';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SIGSTORE_CLI = join(
  dirname(fileURLToPath(import.meta.resolve('@sigstore/cli/package.json'))),
  'bin',
  'run',
);
const RUNS = 5;
const VERIFY_RUNS = 9;
const GITLAB = 'https://gitlab.example';
const PROJECT = 'acme/app';
const SHA = '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Figures {
  medianMs: number;
  minMs: number;
  peakRssMb?: number;
  runs: number;
}

function figures(times: number[], peakKb?: number): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  const round1 = (v: number) => Math.round(v * 10) / 10;
  return {
    medianMs: round1(sorted[Math.floor(sorted.length / 2)]!),
    minMs: round1(sorted[0]!),
    ...(peakKb !== undefined ? { peakRssMb: round1(peakKb / 1024) } : {}),
    runs: sorted.length,
  };
}

/** Runs a process without blocking this one, which serves the sigstore the process talks to. */
function exec(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

/** Runs `command(i)` for one warm-up and `runs` measured runs: wall time of the process, and its peak RSS. */
async function measureProcess(
  runs: number,
  command: (i: number) => Promise<{ cmd: string; args: string[]; env: NodeJS.ProcessEnv; cwd: string }>,
): Promise<Figures> {
  const times: number[] = [];
  let peakKb = 0;
  for (let i = 0; i <= runs; i++) {
    const c = await command(i);
    const [cmd, args] = TIME ? [TIME, ['-f', '%M', c.cmd, ...c.args]] : [c.cmd, c.args];
    const t0 = performance.now();
    const r = await exec(cmd, args, c.env, c.cwd);
    const ms = performance.now() - t0;
    if (r.code !== 0)
      throw new Error(`${c.cmd} ${c.args.join(' ')} exited ${r.code}: ${r.stderr.slice(-1500)}`);
    if (TIME) peakKb = Math.max(peakKb, Number(r.stderr.trim().split('\n').at(-1)) || 0);
    if (i > 0) times.push(ms);
  }
  return figures(times, TIME ? peakKb : undefined);
}

/** The GitLab job that signs: CI variables for the provenance and SIGSTORE_ID_TOKEN for Fulcio. */
function gitlabJob(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(CI|GITLAB_CI|GITHUB_.*|ACTIONS_.*|CI_.*|RUNNER_.*|SIGSTORE_ID_TOKEN)$/.test(k)) env[k] = v;
  return {
    ...env,
    NO_COLOR: '1',
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER_URL: GITLAB,
    CI_PROJECT_ID: '42',
    CI_PROJECT_PATH: PROJECT,
    CI_PROJECT_URL: `${GITLAB}/${PROJECT}`,
    CI_PIPELINE_ID: '9001',
    CI_PIPELINE_SOURCE: 'push',
    CI_PIPELINE_URL: `${GITLAB}/${PROJECT}/-/pipelines/9001`,
    CI_JOB_ID: '77001',
    CI_JOB_URL: `${GITLAB}/${PROJECT}/-/jobs/77001`,
    CI_COMMIT_SHA: SHA,
    CI_COMMIT_REF_NAME: 'main',
    CI_COMMIT_REF_PROTECTED: 'true',
    CI_CONFIG_PATH: '.gitlab-ci.yml',
    SIGSTORE_ID_TOKEN: unsignedToken(gitlabClaims({ project: PROJECT, server: GITLAB, ref: 'main' })),
  };
}

/** A small approved image: a base layer with users, an app layer, a non-root user and a health check. */
async function writeApprovedImage(layout: string): Promise<void> {
  const base = await tarOf([
    { name: 'etc/', type: 'directory' },
    {
      name: 'etc/passwd',
      content: 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1000:1000::/app:/sbin/nologin\n',
    },
    { name: 'etc/group', content: 'root:x:0:\napp:x:1000:\n' },
  ]);
  const app = await tarOf([
    { name: 'app/', type: 'directory' },
    { name: 'app/server', content: '#!/bin/true\n', mode: 0o755 },
  ]);
  writeLayoutImage(
    layout,
    'v1',
    [
      { blob: gzipSync(base), mediaType: LAYER_GZIP, uncompressed: base, createdBy: 'COPY rootfs /' },
      { blob: app, mediaType: LAYER_TAR, createdBy: 'COPY app /app' },
    ],
    {
      config: {
        User: '1000',
        Entrypoint: ['/app/server'],
        Labels: {
          'org.opencontainers.image.source': `${GITLAB}/${PROJECT}`,
          'org.opencontainers.image.revision': SHA,
        },
        Healthcheck: { Test: ['CMD', '/app/server', '--health'], Interval: 30_000_000_000 },
      },
    },
  );
}

setLogger(new Logger([], 'warn'));
const work = mkdtempSync(join(tmpdir(), 'shipgate-bench-sign-'));
const registry = await startRegistry();
const sigstore = await startSigstore();
const tuf = await startTufRepository(sigstore.trustedRoot, join(work, 'tuf'));
try {
  const trustedRoot = await sigstore.writeTrustedRoot(work);
  const layout = join(work, 'layout');
  await writeApprovedImage(layout);
  writeFileSync(join(work, 'shipgate.yaml'), 'version: 1\nmalware:\n  mode: optional\n');
  const env = gitlabJob();
  const offline = ['--vuln-db', join(ROOT, 'test', 'fixtures', 'osv'), '--offline'];
  const signing = [
    '--fulcio-url',
    sigstore.url,
    '--rekor-url',
    sigstore.url,
    // The mock log verifies intoto entries only (see test/support/sigstore.ts).
    '--rekor-entry-type',
    'intoto',
    '--identity-token-env',
    'SIGSTORE_ID_TOKEN',
  ];
  let copies = 0;
  /** A fresh repository holding the image, so that every signing run starts from an unsigned digest. */
  const pushCopy = async (): Promise<{ repository: string; ref: string }> => {
    const repository = `bench/app${++copies}`;
    const ref = `${registry.host}/${repository}:v1`;
    await run('skopeo', ['copy', '--dest-tls-verify=false', `oci:${layout}:v1`, `docker://${ref}`]);
    return { repository, ref };
  };
  const shipgate = (args: string[]) => ({ cmd: process.execPath, args: [CLI, ...args], env, cwd: work });

  const scan = await measureProcess(RUNS, async () => shipgate(['scan', (await pushCopy()).ref, ...offline]));
  const sign = await measureProcess(RUNS, async () =>
    shipgate(['sign', (await pushCopy()).ref, ...offline, ...signing]),
  );

  // The library: one scan, then signImage alone on fresh copies of the scanned digest.
  const scanned = await pushCopy();
  const result = await runPipeline({
    image: scanned.ref,
    dockerfiles: [],
    repoRoot: work,
    vulnDb: join(ROOT, 'test', 'fixtures', 'osv'),
    offline: true,
  });
  if (!result.decision?.approved || !result.image?.digest || !result.image.configDigest)
    throw new Error('the bench image was not approved');
  const { digest, configDigest } = result.image;
  const client = new RegistryClient({ registry: registry.host, credentials: null });
  const options: SignOptions = {
    signing: {
      identityToken: { kind: 'env', name: 'SIGSTORE_ID_TOKEN' },
      fulcioUrl: sigstore.url,
      rekorUrl: sigstore.url,
      rekorEntryType: 'intoto',
    },
    repoRoot: work,
    env,
  };
  const libraryTimes: number[] = [];
  let lastRepository = '';
  for (let i = 0; i <= RUNS; i++) {
    const { repository } = await pushCopy();
    const t0 = performance.now();
    const outcome = await signImage(
      { client, repository, digest, configDigest, origin: 'scanned' },
      result,
      options,
    );
    const ms = performance.now() - t0;
    if (outcome.artifacts.length !== 5) throw new Error(`signed ${outcome.artifacts.length} statements`);
    if (i > 0) libraryTimes.push(ms);
    lastRepository = repository;
  }
  const library = {
    ...figures(libraryTimes),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
  };

  const signed = `${registry.host}/${lastRepository}@${digest}`;
  const verify = await measureProcess(VERIFY_RUNS, async () =>
    shipgate([
      'verify',
      signed,
      '--gitlab-project',
      PROJECT,
      '--gitlab-server',
      GITLAB,
      '--trusted-root',
      trustedRoot,
      '--require-predicate',
      'slsa,cyclonedx,vuln',
    ]),
  );

  // The peer signs the very statements shipgate signed (read back from the registry).
  const bundles = await fetchBundles(client, lastRepository, digest);
  const statements = join(work, 'statements');
  mkdirSync(statements);
  const files = bundles.map((b, i) => {
    const payload = b.bundle.dsseEnvelope?.payload;
    if (!payload) throw new Error('a stored bundle holds no DSSE envelope');
    const file = join(statements, `${i}.json`);
    writeFileSync(file, Buffer.from(payload, 'base64'));
    return file;
  });
  if (files.length !== 5) throw new Error(`read back ${files.length} bundles`);
  const attestArgs = (file: string, out: string) => [
    SIGSTORE_CLI,
    'attest',
    file,
    '--fulcio-url',
    sigstore.url,
    '--rekor-url',
    sigstore.url,
    '-o',
    out,
  ];
  // One shell running the five `sigstore attest` processes in turn: their total wall time and peak RSS.
  const script = files
    .map(
      (f, i) =>
        `"$0" ${attestArgs(f, join(statements, `${i}.sigstore.json`))
          .map((a) => `'${a}'`)
          .join(' ')}`,
    )
    .join(' && ');
  const peerAttest = await measureProcess(RUNS, async () => ({
    cmd: 'sh',
    args: ['-c', script, process.execPath],
    env,
    cwd: work,
  }));
  const peerAttestOne = await measureProcess(RUNS, async () => ({
    cmd: process.execPath,
    args: attestArgs(files[0]!, join(statements, 'one.sigstore.json')),
    env,
    cwd: work,
  }));
  const identity = `https://${new URL(GITLAB).host}/${PROJECT}//.gitlab-ci.yml@refs/heads/main`;
  const peerVerify = await measureProcess(VERIFY_RUNS, async () => ({
    cmd: process.execPath,
    args: [
      SIGSTORE_CLI,
      'verify',
      join(statements, '0.sigstore.json'),
      '--certificate-issuer',
      GITLAB,
      '--certificate-identity-uri',
      identity,
      '--tuf-mirror-url',
      tuf.url,
      '--tuf-root-path',
      tuf.rootPath,
      '--tuf-cache-path',
      join(work, 'tuf-cache'),
    ],
    env,
    cwd: work,
  }));

  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({
      image: 'two layers (base files and an app), pushed to docker-registry 2.8 (no referrers API)',
      statements: 5,
      shipgate: { scan, sign, signOnly: library, verify },
      sigstoreCli: { attestFive: peerAttest, attestOne: peerAttestOne, verifyOne: peerVerify },
      signAddsMs: Math.round(sign.medianMs - scan.medianMs),
      attestVsPeer: ratio(library.medianMs, peerAttest.medianMs),
      verifyVsPeer: ratio(verify.medianMs, peerVerify.medianMs),
      date: new Date().toISOString(),
      node: process.version,
      targets: { signOnlyMs: 3000, verifyMs: 500 },
      ok: library.medianMs < 3000 && verify.medianMs < 500,
    })}\n`,
  );
} finally {
  await tuf.stop();
  await sigstore.stop();
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
}
