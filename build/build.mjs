// npm run build: bundles the action and the CLI into dist/, or into the folder given as `--outdir DIR` or in
// SHIPGATE_DIST_DIR (the reproducibility check builds a second copy that way).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundle, ROOT } from './bundle.mjs';

const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(ROOT, values.outdir ?? process.env.SHIPGATE_DIST_DIR ?? 'dist');
try {
  await bundle(outdir);
} catch (e) {
  process.stderr.write(`build failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
