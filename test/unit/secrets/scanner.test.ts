import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding';
import { clearSecrets } from '../../../src/core/logger';
import type { FileEntry, FinalView, ImageInfo } from '../../../src/image/types';
import {
  DockerIgnore,
  isBinary,
  isPlaceholder,
  redact,
  scanText,
  secretsAnalyzer,
  shannonEntropy,
} from '../../../src/secrets';
import { ROOT } from '../../support/tools';
import { rand } from '../../support/secret-samples';

afterAll(() => clearSecrets());

describe('redaction', () => {
  it('shows at most 4+4 characters and never more than 30% of the value', () => {
    for (const len of [16, 20, 24, 40, 93, 400]) {
      const v = rand(len);
      const r = redact(v);
      const shown = r.replace(/\*/g, '');
      expect(shown.length).toBeLessThanOrEqual(Math.min(8, Math.floor(len * 0.3)));
      expect(v.startsWith(r.slice(0, r.indexOf('*')))).toBe(true);
    }
  });
  it('shows nothing of short values', () => {
    expect(redact('hunter2pass')).toMatch(/^\*+$/);
    expect(redact('abc')).toBe('***');
  });
});

describe('helpers', () => {
  it('computes Shannon entropy', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    expect(shannonEntropy(rand(64))).toBeGreaterThan(4.5);
  });
  it('recognises placeholders and published examples', () => {
    for (const p of [
      'changeme',
      '${NPM_TOKEN}',
      '$TOKEN',
      '{{ .Values.token }}',
      'xxxxxxxx',
      '<password>',
      'AKIAIOSFODNN7EXAMPLE',
      'your_api_key_here',
    ]) {
      expect(isPlaceholder(p), p).toBe(true);
    }
    expect(isPlaceholder(rand(24))).toBe(false);
  });
  it('sniffs binary content by NUL bytes and magic numbers', () => {
    expect(isBinary(Buffer.from('plain text\n'))).toBe(false);
    expect(isBinary(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 1]))).toBe(true);
    expect(isBinary(Buffer.from([0x1f, 0x8b, 8, 0]))).toBe(true);
    expect(isBinary(Buffer.concat([Buffer.from('text'), Buffer.alloc(1)]))).toBe(true);
  });
});

describe('scanText', () => {
  it('keeps program source strict: unquoted generic assignments only count in config files', () => {
    const v = rand(24);
    expect(scanText(`api_key=${v}\n`, { kind: 'file', path: '/app/app.js' }).map((m) => m.ruleId)).toEqual(
      [],
    );
    expect(scanText(`api_key=${v}\n`, { kind: 'file', path: '/app/.env' }).map((m) => m.ruleId)).toEqual([
      'SG-SEC-060',
    ]);
    expect(
      scanText(`const api_key = "${v}";\n`, { kind: 'file', path: '/app/app.js' }).map((m) => m.ruleId),
    ).toEqual(['SG-SEC-060']);
  });
  it('reports a value once: the specific rule wins over the generic one', () => {
    const t = `ghp_${rand(36)}`;
    expect(scanText(`token = "${t}"`, { kind: 'file', path: '/a.ini' }).map((m) => m.ruleId)).toEqual([
      'SG-SEC-003',
    ]);
  });
  it('gives 1-based line and column of the value', () => {
    const t = `ghp_${rand(36)}`;
    const [m] = scanText(`a\nbb\n  x=${t}\n`, { kind: 'env' });
    expect(m).toMatchObject({ line: 3, column: 5, endColumn: 5 + t.length });
  });
  // Speed is measured in bench/, not here; this checks large keyword-free text is handled and yields nothing.
  it('finds nothing in a large text without any rule keyword', () => {
    const filler = 'lorem ipsum dolor sit amet consectetur adipiscing elit\n'.repeat(200_000); // ~11 MB
    expect(scanText(filler, { kind: 'file', path: '/big.txt' })).toEqual([]);
  });
});

describe('.dockerignore matching', () => {
  const di = new DockerIgnore('# comment\n*.log\nsecrets\n**/node_modules\n!keep.log\nbuild/*/tmp\n/abs\n');
  it.each([
    ['app.log', true],
    ['keep.log', false],
    ['sub/app.log', false], // "*" does not cross directories, unlike .gitignore
    ['secrets/token', true],
    ['secrets', true],
    ['a/b/node_modules/x.js', true],
    ['node_modules/x.js', true],
    ['build/x/tmp/file', true],
    ['build/tmp/file', false],
    ['abs/file', true],
    ['src/index.ts', false],
  ])('%s → %s', (path, ignored) => {
    expect(di.ignores(path)).toBe(ignored);
  });
});

/** A FinalView over one directory tree where every entry is visible (a single-layer image). */
function treeView(entries: FileEntry[]): FinalView {
  const byPath = new Map(entries.map((e) => [e.path, e]));
  return {
    visibleLayer: (p) => (byPath.has(p) ? 0 : undefined),
    isHidden: () => false,
    resolve: (p) => p,
    stat: (p) => byPath.get(p),
    entries: () => byPath.values(),
  };
}

function* walkTree(root: string, dir = root): Generator<{ abs: string; entry: FileEntry }> {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    const st = lstatSync(abs);
    if (st.isDirectory()) yield* walkTree(root, abs);
    else if (st.isFile()) {
      const path = `/usr/lib/node_modules/${abs.slice(root.length + 1)}`;
      yield {
        abs,
        entry: {
          path,
          type: 'file',
          mode: st.mode & 0o7777,
          uid: 0,
          gid: 0,
          size: st.size,
          layerIndex: 0,
          layerDigest: 'sha256:tree',
        },
      };
    }
  }
}

describe('no false positives on the repository node_modules tree', () => {
  it('reports nothing, apart from the allow-listed fixtures of peer packages', async () => {
    const an = secretsAnalyzer();
    const entries: FileEntry[] = [];
    for (const { abs, entry } of walkTree(join(ROOT, 'node_modules'))) {
      entries.push(entry);
      if (!an.wants(entry)) continue;
      const buf = readFileSync(abs);
      await an.analyze(entry, buf.subarray(0, an.maxBytes), buf.length > (an.maxBytes ?? Infinity));
    }
    const image: ImageInfo = {
      ref: 'dir:node_modules',
      configDigest: 'sha256:0',
      platform: { os: 'linux', architecture: 'amd64' },
      config: {},
      layers: [],
      size: 0,
    };
    const found = (await an.finish(treeView(entries), image)) as Finding[];
    expect(entries.length).toBeGreaterThan(1000);
    // True positives, not false ones: real private keys that peer packages ship on purpose.
    const shipped = new Set([
      // @sigstore/cli's StaticSigner: a hard-coded EC private key (dev dependency, for the signing bench).
      'SG-SEC-023 /usr/lib/node_modules/@sigstore/cli/dist/signer.js',
    ]);
    const reported = found.map((f) => `${f.ruleId} ${f.image?.path}`);
    for (const s of shipped) expect(reported, `${s} is still found`).toContain(s);
    expect(reported.filter((r) => !shipped.has(r))).toEqual([]);
  }, 120_000);
});
