import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bashParser, locateWasm } from '../../../src/dockerfile/wasm';
import { ROOT } from '../../support/tools';

describe('locateWasm', () => {
  it('prefers the file next to the running module (the bundle in dist/)', () => {
    const bundle = pathToFileURL(join(ROOT, 'dist', 'cli.js')).href;
    const seen: string[] = [];
    const path = locateWasm('tree-sitter-bash.wasm', bundle, (p) => {
      seen.push(p);
      return true;
    });
    expect(path).toBe(join(ROOT, 'dist', 'tree-sitter-bash.wasm'));
    expect(seen).toEqual([path]);
  });

  it('falls back to the npm packages when running from source', () => {
    const here = pathToFileURL(join(ROOT, 'src', 'dockerfile', 'wasm.ts')).href;
    const bash = locateWasm('tree-sitter-bash.wasm', here, () => false);
    const runtime = locateWasm('web-tree-sitter.wasm', here, () => false);
    expect(bash).toBe(join(ROOT, 'node_modules', 'tree-sitter-bash', 'tree-sitter-bash.wasm'));
    expect(runtime).toBe(join(ROOT, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.wasm'));
    expect(existsSync(bash) && existsSync(runtime)).toBe(true);
  });

  it('loads the parser once', async () => {
    const a = await bashParser();
    const b = await bashParser();
    expect(a).toBe(b);
    expect(a.parse('echo hi | cat')?.rootNode.type).toBe('program');
    expect(dirname(fileURLToPath(import.meta.url))).toContain('test');
  });
});
