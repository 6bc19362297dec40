// The standalone CLI, a release asset: `shipgate-<version>.tar.gz` holding `shipgate-<version>/dist/` (cli.js, its
// chunks, the WebAssembly files it loads, licenses.txt; not the action's index.js) and the README. Run it with
// `node shipgate-<version>/dist/cli.js`. The archive is reproducible: entries sorted, one fixed time (see
// sourceDate in commit.mjs), owner 0:0 without names, modes that do not depend on the checkout (0755 for cli.js, 0644 for the rest), and gzip without a name or time, so
// SHA256SUMS stays the same when the release is rebuilt from the same commit.
//
//   node build/cli-tarball.mjs [--dist DIR] --output FILE
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { ROOT } from './bundle.mjs';
import { sourceDate } from './commit.mjs';

/** The action's entry point, which the standalone CLI does not need. */
const ACTION_ONLY = new Set(['index.js']);

/** Relative paths of the regular files below dir, sorted. */
function filesBelow(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) return filesBelow(join(dir, e.name), rel);
      if (!e.isFile()) throw new Error(`${join(dir, e.name)} is neither a file nor a folder`);
      return [rel];
    })
    .sort();
}

/** The archive's name without extension, `shipgate-<version>`. */
export function cliTarballName(version) {
  return `shipgate-${version}`;
}

/** The gzipped tar of the standalone CLI made from the built distDir. */
export async function cliTarball({ root = ROOT, distDir = join(root, 'dist') } = {}) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const top = cliTarballName(version);
  const mtime = sourceDate(root);
  const entries = [
    ...filesBelow(distDir)
      .filter((f) => !ACTION_ONLY.has(f))
      .map((f) => ({ name: `dist/${f}`, path: join(distDir, f) })),
    { name: 'README.md', path: join(root, 'README.md') },
  ];
  if (!entries.some((e) => e.name === 'dist/cli.js'))
    throw new Error(`${distDir} holds no cli.js: build it first`);

  const tar = pack();
  const chunks = [];
  tar.on('data', (c) => chunks.push(c));
  const ended = new Promise((res, rej) => {
    tar.on('end', res);
    tar.on('error', rej);
  });
  const owner = { uid: 0, gid: 0, uname: '', gname: '', mtime };
  const dirs = [...new Set(entries.map((e) => e.name.split('/').slice(0, -1).join('/')))]
    .filter(Boolean)
    .sort();
  tar.entry({ ...owner, name: `${top}/`, type: 'directory', mode: 0o755 });
  for (const d of dirs) tar.entry({ ...owner, name: `${top}/${d}/`, type: 'directory', mode: 0o755 });
  for (const e of entries) {
    const mode = e.name === 'dist/cli.js' ? 0o755 : 0o644;
    tar.entry({ ...owner, name: `${top}/${e.name}`, mode }, readFileSync(e.path));
  }
  tar.finalize();
  await ended;
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, output: { type: 'string' } } });
  try {
    if (!values.output) throw new Error('--output FILE is required');
    const distDir = resolve(values.dist ?? join(ROOT, 'dist'));
    writeFileSync(resolve(values.output), await cliTarball({ distDir }));
  } catch (e) {
    process.stderr.write(`cli-tarball failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
