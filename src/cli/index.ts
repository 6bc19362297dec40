/** The CLI's entry point: checks the Node.js version, turns on Node's compile cache, then loads the CLI. */
// The cache is on before anything else loads: the code a command loads (about 2 MB for a lint) is then
// compiled once and reused by later runs, which start faster. The namespace import links on any Node, so an
// old one gets the version check's message rather than a missing-export error.
import * as nodeModule from 'node:module';
import { formatError } from '../core/errors';
import { shipgateCacheDir } from '../core/cache-dir';
import { nodeTooOld } from './node-version';

const tooOld = nodeTooOld();
if (tooOld) {
  process.stderr.write(`${formatError(tooOld)}\n`);
  process.exit(tooOld.exitCode);
}

try {
  // Node honours NODE_DISABLE_COMPILE_CACHE; a folder it cannot write only costs the speed-up.
  nodeModule.enableCompileCache(shipgateCacheDir('node-compile-cache'));
} catch {
  // An unusable cache must never stop the command.
}

await import('./start');
