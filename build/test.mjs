// `npm test`: vitest on a Node that meets engines.node (fetched when the system Node is older; see node-runtime.mjs).
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { runOnSupportedNode } from './node-runtime.mjs';

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
runOnSupportedNode(vitest, ['run', ...process.argv.slice(2)]);
