/**
 * dist/ as CI checks it: two builds from one checkout are byte-identical and carry no machine path,
 * licenses.txt lists every bundled package, and the recorded commit is the last one that changed the sources,
 * so committing dist/ on its own does not make dist/ stale.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parseSpdx from 'spdx-expression-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, ROOT } from '../../../build/bundle.mjs';
import { BUILD_INPUTS, sourceCommit } from '../../../build/commit.mjs';
import { indicators } from '../../../src/malware/heuristics';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

describe('the recorded commit', () => {
  let repo: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'sg-commit-'));
    git(repo, 'init', '-q');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('is the last commit that changed the sources, whatever was committed after it', () => {
    expect(sourceCommit(repo)).toBe('unknown'); // no commit yet
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, 'src', 'a.ts'), 'export const a = 1;\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'source');
    const source = git(repo, 'rev-parse', 'HEAD');
    expect(sourceCommit(repo)).toBe(source);

    mkdirSync(join(repo, 'dist'));
    writeFileSync(join(repo, 'dist', 'cli.js'), 'built\n');
    writeFileSync(join(repo, 'README.md'), 'docs\n');
    mkdirSync(join(repo, 'build'));
    writeFileSync(
      join(repo, 'build', 'peers-trivy.mjs'),
      '// a fixture transcriber, not part of the bundle\n',
    );
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'dist, docs and a script the build does not run');
    expect(git(repo, 'rev-parse', 'HEAD')).not.toBe(source);
    expect(sourceCommit(repo)).toBe(source);
  });

  it('is marked dirty while the sources have uncommitted changes, and moves when they are committed', () => {
    writeFileSync(join(repo, 'package.json'), '{}\n');
    const before = sourceCommit(repo);
    expect(sourceCommit(repo)).toBe(`${git(repo, 'log', '-1', '--format=%H', '--', 'src')}-dirty`);
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'package');
    expect(sourceCommit(repo)).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(sourceCommit(repo)).not.toBe(before.replace(/-dirty$/, ''));
  });

  it('covers every build script the bundling imports, so a change to one moves the recorded commit', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/from '(\.\/[^']+)'/g)) visit(join('build', m[1]!.slice(2)));
    };
    visit('build/build.mjs');
    expect([...seen].sort()).toEqual(BUILD_INPUTS.filter((p) => p.startsWith('build/')).sort());
  });

  it('cannot be told in a shallow clone, and is unknown outside git', () => {
    const shallow = mkdtempSync(join(tmpdir(), 'sg-shallow-'));
    const plain = mkdtempSync(join(tmpdir(), 'sg-plain-'));
    try {
      git(tmpdir(), 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);
      expect(() => sourceCommit(shallow)).toThrow(/shallow clone: run "git fetch --unshallow"/);
      expect(sourceCommit(plain)).toBe('unknown');
    } finally {
      rmSync(shallow, { recursive: true, force: true });
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('the bundle', () => {
  let first: string;
  let second: string;
  let built: Awaited<ReturnType<typeof bundle>>;
  beforeAll(async () => {
    first = mkdtempSync(join(tmpdir(), 'sg-dist-a-'));
    second = mkdtempSync(join(tmpdir(), 'sg-dist-b-'));
    built = await bundle(first);
    await bundle(second);
  }, 120_000);
  afterAll(() => {
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  it('is byte-identical when built twice, with content-hashed chunk names and no machine paths', () => {
    const files = readdirSync(first).sort();
    expect(readdirSync(second).sort()).toEqual(files);
    for (const f of files)
      expect(readFileSync(join(second, f)).equals(readFileSync(join(first, f))), f).toBe(true);
    expect(files.filter((f) => f.startsWith('chunk-')).every((f) => /^chunk-[A-Z0-9]{8}\.js$/.test(f))).toBe(
      true,
    );
    for (const f of files.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(first, f), 'utf8');
      expect(text.includes(ROOT), f).toBe(false);
      expect(text.includes(first), f).toBe(false);
    }
  });

  it('lists every package esbuild read, each version of a nested package too, with its license', () => {
    const licenses = readFileSync(join(first, 'licenses.txt'), 'utf8');
    const expected = new Set<string>();
    for (const input of built.inputs) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (!m) continue;
      const meta = JSON.parse(readFileSync(join(ROOT, m[1]!, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
      };
      expected.add(`${meta.name}@${meta.version}`);
    }
    expect(expected.size).toBeGreaterThan(20);
    const listed = new Set(built.packages.map((p) => `${p.name}@${p.version}`));
    for (const p of expected) expect(listed.has(p), p).toBe(true);
    for (const p of built.packages) {
      expect(licenses, p.name).toContain(`\n${p.name}@${p.version}: ${p.license}\n`);
      // A valid SPDX expression, by the SPDX parser (parenthesised ones such as "(Apache-2.0 AND BSD-3-Clause)" too).
      expect(() => parseSpdx(p.license), `${p.name}: ${p.license}`).not.toThrow();
    }
    // Packages whose license requires keeping its text ship one; the build copies it.
    expect(built.packages.find((p) => p.name === 'zod')?.texts.length).toBeGreaterThan(0);
    expect(licenses).toContain('Permission is hereby granted, free of charge');
  });

  it('prints the version and the recorded commit', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(built.commit).toBe(sourceCommit(ROOT));
    expect(built.commit).toMatch(/^[0-9a-f]{40}(-dirty)?$/);
    const out = execFileSync(process.execPath, [join(first, 'cli.js'), '--version'], { encoding: 'utf8' });
    expect(out).toBe(`shipgate ${pkg.version} (commit ${built.commit})\n`);
    expect(existsSync(join(first, 'index.js'))).toBe(true);
  });

  it("matches none of shipgate's own malware indicators, so an image with shipgate installed is not refused", () => {
    for (const f of readdirSync(first)) expect(indicators(f, readFileSync(join(first, f))), f).toEqual([]);
  });

  it('refuses to build into a folder that holds the checkout', async () => {
    await expect(bundle(ROOT)).rejects.toThrow(/contains the source tree/);
    await expect(bundle(join(ROOT, '..'))).rejects.toThrow(/contains the source tree/);
    expect(existsSync(join(ROOT, 'src', 'cli', 'index.ts'))).toBe(true);
  });
});
