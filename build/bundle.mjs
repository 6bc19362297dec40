// Bundles the GitHub Action (index.js) and the CLI (cli.js) with esbuild into one folder, copies the WebAssembly
// grammars they load at run time, and lists every bundled package with its license in licenses.txt. The output
// depends only on the checkout: no timestamps, no absolute paths, content-hashed chunk names.
import { build } from 'esbuild';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceCommit } from './commit.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// CommonJS dependencies bundled into ESM expect require, __filename and __dirname.
const BANNER = [
  "import { createRequire as __sgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __sgFileURLToPath } from 'node:url';",
  "import { dirname as __sgDirname } from 'node:path';",
  'const require = __sgCreateRequire(import.meta.url);',
  'const __filename = __sgFileURLToPath(import.meta.url);',
  'const __dirname = __sgDirname(__filename);',
].join('\n');

// The action is one file; the CLI is split so each command loads only what it needs (fast cold start).
const ENTRIES = [
  { entryPoints: { index: 'src/action/index.ts' }, shebang: false, splitting: false },
  {
    // The lint worker shares the CLI's chunks; the action finds it in the same folder.
    entryPoints: { cli: 'src/cli/index.ts', 'lint-worker': 'src/dockerfile/lint-worker.ts' },
    shebang: true,
    splitting: true,
  },
];

// WebAssembly grammars loaded next to the bundle.
const WASM = [
  ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'web-tree-sitter.wasm'],
  ['node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'tree-sitter-bash.wasm'],
  ['node_modules/sql.js/dist/sql-wasm.wasm', 'sql-wasm.wasm'],
];

const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

/** Refuses an output folder that would delete the checkout or a folder holding it. */
function checkOutdir(outdir) {
  const up = relative(outdir, ROOT);
  if (up === '' || (!up.startsWith('..') && !isAbsolute(up)))
    throw new Error(`refusing to build into ${outdir}: it contains the source tree`);
}

/** The package folder a bundled file belongs to: the innermost node_modules/<name> or node_modules/@scope/<name>. */
function packageDirOf(file) {
  const parts = resolve(ROOT, file).split(sep);
  const i = parts.lastIndexOf('node_modules');
  if (i < 0 || i + 1 >= parts.length) return undefined;
  const width = parts[i + 1].startsWith('@') ? 2 : 1;
  return parts.slice(0, i + 1 + width).join(sep);
}

function licenseOf(meta) {
  if (typeof meta.license === 'string') return meta.license;
  if (meta.license?.type) return meta.license.type;
  if (Array.isArray(meta.licenses)) return meta.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'UNKNOWN';
}

/** name, version, SPDX expression and license texts of the package in dir. */
function describePackage(dir) {
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const texts = readdirSync(dir)
    .filter((f) => LICENSE_FILE.test(f))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n').trimEnd() }));
  return { name: meta.name, version: meta.version, license: licenseOf(meta), texts };
}

function licensesText(packages) {
  const sorted = [...packages].sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name.localeCompare(b.name),
  );
  const index = sorted.map((p) => `${p.name}@${p.version}: ${p.license}`);
  const texts = sorted.map((p) => {
    const head = `${p.name}@${p.version} (${p.license})`;
    const body = p.texts.length
      ? p.texts.map((t) => `--- ${t.file}\n${t.text}`).join('\n\n')
      : '(the package ships no license file; its package.json declares the license above)';
    return `${'='.repeat(78)}\n${head}\n${'='.repeat(78)}\n${body}`;
  });
  return [
    'Third-party packages bundled in this directory, with their licenses.',
    '',
    ...index,
    '',
    ...texts,
    '',
  ].join('\n');
}

/**
 * Builds into outdir (replacing it). Returns the source files esbuild read (relative to the checkout) and the
 * packages listed in licenses.txt.
 */
export async function bundle(outdir) {
  checkOutdir(outdir);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const commit = sourceCommit(ROOT);

  const inputs = new Set();
  for (const b of ENTRIES) {
    const res = await build({
      entryPoints: Object.fromEntries(Object.entries(b.entryPoints).map(([k, v]) => [k, join(ROOT, v)])),
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      banner: { js: (b.shebang ? '#!/usr/bin/env node\n' : '') + BANNER },
      define: { __SHIPGATE_COMMIT__: JSON.stringify(commit) },
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
      absWorkingDir: ROOT,
      // Name bundled files by their path in the checkout even when node_modules is a link to elsewhere, so the
      // output does not depend on where the dependencies are stored.
      preserveSymlinks: true,
      outdir,
      splitting: b.splitting,
      chunkNames: 'chunk-[hash]', // beside the wasm files, which modules find next to themselves
      // Optional plugins of @cyclonedx/cyclonedx-library (XML output, schema validation) that shipgate does not
      // use at run time; the library loads them lazily and copes with their absence.
      // `debug` (under sigstore-js's HTTP client) tries supports-color in a try/catch: left out, so the bundle does
      // not change with whatever a development install happens to have.
      external: ['xmlbuilder2', 'libxmljs2', 'ajv', 'ajv-formats', 'ajv-formats-draft2019', 'supports-color'],
    });
    for (const file of Object.keys(res.metafile.inputs)) inputs.add(file);
  }

  for (const [from, to] of WASM) copyFileSync(join(ROOT, from), join(outdir, to));

  const dirs = new Set();
  for (const file of [...inputs, ...WASM.map(([from]) => from)]) {
    const dir = packageDirOf(file);
    if (dir) dirs.add(dir);
  }
  // One entry per name@version: a package can be reached through a symlinked and a resolved path.
  const packages = [
    ...new Map([...dirs].map(describePackage).map((p) => [`${p.name}@${p.version}`, p])).values(),
  ];
  writeFileSync(join(outdir, 'licenses.txt'), licensesText(packages));
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
  chmodSync(join(outdir, 'cli.js'), 0o755);
  return { commit, inputs: [...inputs].sort(), packages };
}
