// Bundles the GitHub Action (dist/index.js) and the CLI (dist/cli.js) with esbuild, copies the WebAssembly
// grammars they load at run time, and lists the licenses of everything bundled in dist/licenses.txt.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// CommonJS dependencies bundled into ESM expect require, __filename and __dirname.
const banner = [
  "import { createRequire as __sgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __sgFileURLToPath } from 'node:url';",
  "import { dirname as __sgDirname } from 'node:path';",
  'const require = __sgCreateRequire(import.meta.url);',
  'const __filename = __sgFileURLToPath(import.meta.url);',
  'const __dirname = __sgDirname(__filename);',
].join('\n');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: banner },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: root,
  // Optional plugins of @cyclonedx/cyclonedx-library (XML output, schema validation) that shipgate does not use
  // at run time; the library loads them lazily and copes with their absence.
  external: ['xmlbuilder2', 'libxmljs2', 'ajv', 'ajv-formats', 'ajv-formats-draft2019'],
};

// The action is one file; the CLI is split so each command loads only what it needs (fast cold start).
const builds = [
  { entryPoints: { index: 'src/action/index.ts' }, shebang: false, splitting: false },
  { entryPoints: { cli: 'src/cli/index.ts' }, shebang: true, splitting: true },
];

const inputs = new Set();
for (const b of builds) {
  const res = await build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(b.entryPoints).map(([k, v]) => [k, join(root, v)])),
    outdir: dist,
    splitting: b.splitting,
    chunkNames: 'chunk-[hash]', // beside the wasm files, which modules find next to themselves
    banner: { js: (b.shebang ? '#!/usr/bin/env node\n' : '') + banner },
  });
  for (const file of Object.keys(res.metafile.inputs)) inputs.add(file);
}

// WebAssembly grammars loaded next to the bundle.
const wasm = [
  ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'web-tree-sitter.wasm'],
  ['node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'tree-sitter-bash.wasm'],
  ['node_modules/sql.js/dist/sql-wasm.wasm', 'sql-wasm.wasm'],
];
for (const [from, to] of wasm)
  if (existsSync(join(root, from))) copyFileSync(join(root, from), join(dist, to));

// Licenses of bundled packages.
const pkgs = new Map();
for (const file of inputs) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (!m) continue;
  const name = m[1];
  if (pkgs.has(name)) continue;
  const dir = join(root, 'node_modules', name);
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkgs.set(name, {
    version: meta.version,
    license: typeof meta.license === 'string' ? meta.license : JSON.stringify(meta.license ?? 'UNKNOWN'),
  });
}
for (const [, name] of wasm.map(([f]) => [f, /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)[1]])) {
  if (pkgs.has(name)) continue;
  const meta = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  pkgs.set(name, { version: meta.version, license: meta.license });
}
const lines = [...pkgs.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, p]) => `${name}@${p.version}: ${p.license}`);
writeFileSync(
  join(dist, 'licenses.txt'),
  `Third-party packages bundled in this directory, with their licenses (full texts in each package on npm).\n\n${lines.join('\n')}\n`,
);
writeFileSync(join(dist, 'package.json'), '{ "type": "module" }\n');
chmodSync(join(dist, 'cli.js'), 0o755);
