/**
 * The layering of src/ (build/layers.cjs, enforced by dependency-cruiser in `npm run lint`): the real tree is
 * clean, a copy of it with an upward import or an import cycle added fails, the layer graph itself is acyclic,
 * and docs/architecture.md shows the same table.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { LAYERS } = require(join(ROOT, 'build', 'layers.cjs')) as { LAYERS: Record<string, string[]> };
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function cruise(cwd: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', '.dependency-cruiser.cjs'], {
    cwd,
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A throwaway copy of the sources and the layering config, with node_modules linked in. */
function copyTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-layers-'));
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'build'));
  cpSync(join(ROOT, 'build', 'layers.cjs'), join(dir, 'build', 'layers.cjs'));
  for (const f of ['.dependency-cruiser.cjs', 'tsconfig.json', 'package.json'])
    cpSync(join(ROOT, f), join(dir, f));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  copies.push(dir);
  return dir;
}
const copies: string[] = [];
afterAll(() => {
  for (const d of copies) rmSync(d, { recursive: true, force: true });
});

describe('layering of src/', () => {
  it('the tree as it is has no upward import and no cycle', () => {
    const r = cruise(ROOT);
    expect(r.out).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  }, 60_000);

  it('fails on an upward import (core/ importing pipeline/) and on an import cycle', () => {
    const dir = copyTree();
    writeFileSync(
      join(dir, 'src', 'core', 'upward.ts'),
      "import { runPipeline } from '../pipeline/run';\nexport const x = runPipeline;\n",
    );
    writeFileSync(
      join(dir, 'src', 'oci', 'cycle-a.ts'),
      "import { b } from './cycle-b';\nexport const a = b;\n",
    );
    writeFileSync(
      join(dir, 'src', 'oci', 'cycle-b.ts'),
      "import { a } from './cycle-a';\nexport const b = a;\n",
    );
    const r = cruise(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/error layer-core: src\/core\/upward\.ts → src\/pipeline\/run\.ts/);
    expect(r.out).toMatch(/error no-circular: src\/oci\/cycle-a\.ts → /);
  }, 60_000);

  it('the layer table is acyclic and names every folder of src/', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders.filter((f) => !(f in LAYERS))).toEqual([]);
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') throw new Error(`layer cycle: ${[...path, f].join(' → ')}`);
      state.set(f, 'visiting');
      for (const d of LAYERS[f] ?? []) visit(d, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of Object.keys(LAYERS)) visit(f, []);
    expect(LAYERS.core).toEqual([]);
    expect(LAYERS.oci).toEqual(['core']);
  });

  it('docs/architecture.md shows the same table', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const rows = new Map<string, string[]>();
    for (const m of doc.matchAll(/^\| `([a-z-]+)\/` *\|([^|]*)\|/gm)) {
      const deps = [...m[2]!.matchAll(/`([a-z-]+)\/`/g)].map((d) => d[1]!);
      rows.set(m[1]!, deps);
    }
    for (const [folder, allowed] of Object.entries(LAYERS))
      expect(rows.get(folder)?.sort(), folder).toEqual([...allowed].sort());
    expect([...rows.keys()].sort()).toEqual(Object.keys(LAYERS).sort());
  });

  it('every folder of src/ has an index.ts that opens with a one-line comment saying what it owns', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory());
    const missing = folders
      .map((f) => f.name)
      .filter((f) => {
        const path = join(ROOT, 'src', f, 'index.ts');
        return !existsSync(path) || !/^\/\*\* [^\n]+ \*\/\n/.test(readFileSync(path, 'utf8'));
      });
    expect(missing).toEqual([]);
  });
});
