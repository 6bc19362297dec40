/**
 * Every V8 setting a command makes is a flag this Node.js knows: V8 reports an unknown flag on the console
 * and goes on without it, so a flag renamed in a V8 upgrade would silently stop applying. Run in a process
 * of its own, since the flags are process-wide.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { ROOT } from '../../support/tools';

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const MODULE = pathToFileURL(join(ROOT, 'src', 'cli', 'v8-tuning.ts')).href;

it('every per-command V8 setting is a flag of this Node.js', () => {
  const script = `const m = await import(${JSON.stringify(MODULE)});
const names = Object.keys(m).filter((k) => k.startsWith('tuneFor'));
for (const k of names) m[k]();
console.log(JSON.stringify(names));`;
  const r = spawnSync(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const output = `${r.stdout}\n${r.stderr}`;
  expect(output).not.toMatch(/unrecognized flag|unknown flag|Error/i);
  expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toEqual(
    expect.arrayContaining(['tuneForLint', 'tuneForImages', 'tuneForService']),
  );
});
