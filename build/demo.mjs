// `npm run demo`: lints the bundled example Dockerfiles and the demo's Kubernetes manifests, then runs the main
// job (Dockerfile + image scan + manifests + gate) on the demo image with offline vulnerability data, writing
// SARIF, JSON, a markdown summary and GitLab reports to out/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoImage } from './demo-image.mjs';
import { signingDemo } from './demo-sign.mjs';
import { runOnSupportedNode, supported } from './node-runtime.mjs';

if (!supported()) runOnSupportedNode(fileURLToPath(import.meta.url), process.argv.slice(2));

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run "npm run build" first');
  process.exit(3);
}
const out = join(root, 'out');
mkdirSync(out, { recursive: true });

function shipgate(title, args) {
  console.log(`\n$ shipgate ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
  });
  return r.status;
}

console.log('== 1. Dockerfile and Kubernetes manifest lint on the bundled examples');
const lint = shipgate('lint', [
  'lint',
  'examples/node-bad/Dockerfile',
  'examples/go-good/Dockerfile',
  'examples/python-app/Dockerfile',
  'examples/java-app/Dockerfile',
  'examples/demo/k8s',
  '--pss',
  'restricted',
  '--fail-on',
  'none',
  '--sarif',
  'out/lint.sarif',
]);

console.log(
  '\n== 2. The main job: Dockerfile + image scan + manifests + policy gate (demo image, offline OSV data)',
);
const { out: layout } = await buildDemoImage(join(out, 'demo-image'));
const scan = shipgate('scan', [
  'scan',
  '--dockerfile',
  'examples/demo/Dockerfile',
  '--image',
  `oci:${layout}`,
  '--vuln-db',
  'test/fixtures/osv',
  '--offline',
  '--sarif',
  'out/demo.sarif',
  '--json',
  'out/demo.json',
  '--summary',
  'out/demo.md',
  '--sbom',
  'out/demo.cdx.json',
  '--manifests',
  'examples/demo/k8s',
  '--pss',
  'restricted',
  '--gitlab-reports',
  'out/gitlab',
]);

console.log(
  '\nWrote out/lint.sarif, out/demo.sarif, out/demo.json, out/demo.md, out/demo.cdx.json and GitLab reports in out/gitlab.',
);
if (lint !== 0 || scan !== 1) {
  console.error(
    `unexpected exit codes: lint ${lint} (expected 0), scan ${scan} (expected 1: the demo image is not approved)`,
  );
  process.exit(1);
}
console.log('The demo image was refused by the gate, as expected (exit code 1 from "shipgate scan").');

console.log('\n== 3. An approved image: signed, attested and verified (a key made here, a local registry)');
if (!(await signingDemo({ out, shipgate }))) process.exit(1);
