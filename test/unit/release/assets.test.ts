/**
 * The release assets: the SBOM of shipgate is valid CycloneDX 1.6 and lists every production package of the lock
 * file with its version, license and purl; the standalone CLI tarball and the whole asset set are byte-identical
 * when made twice, and SHA256SUMS matches the files.
 */
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extract, type Header } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTarball } from '../../../build/cli-tarball.mjs';
import { sourceCommit } from '../../../build/commit.mjs';
import { releaseAssets } from '../../../build/release-assets.mjs';
import { bundledPackages, shipgateSbom } from '../../../build/sbom.mjs';
import { ROOT } from '../../support/tools';

interface LockEntry {
  name?: string;
  version: string;
  license?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
}
interface Component {
  'bom-ref': string;
  name: string;
  group?: string;
  version: string;
  purl: string;
  licenses: { license?: { id: string }; expression?: string }[];
  hashes?: { alg: string; content: string }[];
  properties?: { name: string; value: string }[];
}
interface Bom {
  serialNumber: string;
  metadata: { timestamp: string; component: Component };
  components: Component[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const bundled = bundledPackages(readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8'));

async function tarEntries(gz: Buffer): Promise<Header[]> {
  const headers: Header[] = [];
  const x = extract();
  const done = new Promise<void>((resolve, reject) => {
    x.on('entry', (h, stream, next) => {
      headers.push(h);
      stream.on('end', next);
      stream.resume();
    });
    x.on('finish', resolve);
    x.on('error', reject);
  });
  x.end(gunzipSync(gz));
  await done;
  return headers;
}

describe('the SBOM of shipgate', () => {
  const json = shipgateSbom({ bundled });
  const bom = JSON.parse(json) as Bom;

  it('is valid CycloneDX 1.6', async () => {
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json)).toBeNull();
  });

  it('describes @shipgate/cli at its version and source commit', () => {
    const main = bom.metadata.component;
    expect([main.group, main.name, main.version]).toEqual(['@shipgate', 'cli', pkg.version]);
    expect(main.purl).toBe(`pkg:npm/%40shipgate/cli@${pkg.version}`);
    expect(main.licenses).toEqual([{ license: { id: 'Apache-2.0' } }]);
    expect(main.properties).toContainEqual({ name: 'shipgate:commit', value: sourceCommit(ROOT) });
    const direct = bom.dependencies.find((d) => d.ref === main['bom-ref'])?.dependsOn ?? [];
    expect(direct).toHaveLength(Object.keys(pkg.dependencies).length);
    expect(direct).toContain('pkg:npm/zod@' + lock.packages['node_modules/zod']!.version);
  });

  it('lists every production package of the lock file with version, license, purl and hash, and no dev one', () => {
    const byPurl = new Map(bom.components.map((c) => [c.purl, c]));
    const production = Object.entries(lock.packages).filter(
      ([k, e]) => k !== '' && !e.dev && !e.devOptional && !e.link,
    );
    expect(production.length).toBeGreaterThan(50);
    expect(bom.components).toHaveLength(production.length);
    for (const [key, e] of production) {
      const name = e.name ?? key.slice(key.lastIndexOf('node_modules/') + 13);
      const purl = `pkg:npm/${name.replace(/^@/, '%40')}@${e.version}`;
      const c = byPurl.get(purl);
      expect(c, purl).toBeDefined();
      expect(c!.licenses.map((l) => l.license?.id ?? l.expression)).toEqual([e.license]);
      const sha512 = Buffer.from(e.integrity!.replace(/^sha512-/, ''), 'base64').toString('hex');
      expect(c!.hashes).toEqual([{ alg: 'SHA-512', content: sha512 }]);
    }
    const devOnly = Object.entries(lock.packages).find(([, e]) => e.dev)!;
    expect(json).not.toContain(`pkg:npm/${devOnly[0].replace(/^.*node_modules\//, '')}@`);
  });

  it('marks the packages bundled into dist/, every one of them among the components', () => {
    expect(bundled.size).toBeGreaterThan(20);
    const marked = bom.components
      .filter((c) => c.properties?.some((p) => p.name === 'shipgate:bundled' && p.value === 'true'))
      .map((c) => `${c.group ? `${c.group}/` : ''}${c.name}@${c.version}`);
    expect(new Set(marked)).toEqual(bundled);
    expect(() => shipgateSbom({ bundled: new Set([...bundled, 'left-pad@1.3.0']) })).toThrow(
      /bundled packages missing from the lock file's production packages: left-pad@1\.3\.0/,
    );
  });

  it('is the same when made again, and takes its time from SOURCE_DATE_EPOCH', () => {
    expect(shipgateSbom({ bundled })).toBe(json);
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const again = JSON.parse(shipgateSbom({ bundled })) as Bom;
      expect(again.metadata.timestamp).toBe('2023-11-14T22:13:20.000Z');
      expect(again.serialNumber).toBe(bom.serialNumber);
      process.env.SOURCE_DATE_EPOCH = 'yesterday';
      expect(() => shipgateSbom({ bundled })).toThrow(/SOURCE_DATE_EPOCH must be a number of seconds/);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});

describe('the standalone CLI tarball', () => {
  it('is byte-identical when made twice, with sorted entries owned by 0:0 at one fixed time', async () => {
    const first = await cliTarball();
    expect((await cliTarball()).equals(first)).toBe(true);
    const headers = await tarEntries(first);
    const names = headers.map((h) => h.name);
    const top = `shipgate-${pkg.version}/`;
    expect(names[0]).toBe(top);
    expect(names).toContain(`${top}dist/cli.js`);
    for (const wasm of ['web-tree-sitter.wasm', 'tree-sitter-bash.wasm', 'sql-wasm.wasm', 'licenses.txt'])
      expect(names).toContain(`${top}dist/${wasm}`);
    expect(names).not.toContain(`${top}dist/index.js`);
    const files = names.filter((n) => n.startsWith(`${top}dist/`) && !n.endsWith('/'));
    expect(files).toEqual([...files].sort());
    expect(new Set(headers.map((h) => `${h.uid}:${h.gid}:${h.uname ?? ''}:${h.gname ?? ''}`))).toEqual(
      new Set(['0:0::']),
    );
    expect(new Set(headers.map((h) => h.mtime?.getTime())).size).toBe(1);
    expect(headers.find((h) => h.name === `${top}dist/cli.js`)?.mode).toBe(0o755);
    expect(headers.find((h) => h.name === `${top}dist/sql-wasm.wasm`)?.mode).toBe(0o644);
  });
});

describe('the standalone CLI, unpacked', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sg-standalone-'));
    writeFileSync(join(dir, 'cli.tar.gz'), await cliTarball());
    execFileSync('tar', ['-xzf', 'cli.tar.gz'], { cwd: dir });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs with node alone: --version, and a lint that loads the WebAssembly grammars', () => {
    const cli = join(dir, `shipgate-${pkg.version}`, 'dist', 'cli.js');
    expect(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' })).toMatch(
      new RegExp(`^shipgate ${pkg.version.replace(/\./g, '\\.')} \\(commit `),
    );
    writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n');
    const lint = spawnSync(process.execPath, [cli, 'lint', 'Dockerfile', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(lint.status, lint.stderr).toBe(1);
    const ids = (JSON.parse(lint.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(ids).toContain('SG-DF-001');
  });
});

describe('the release assets', () => {
  let a: string;
  let b: string;
  let names: string[];
  beforeAll(async () => {
    a = mkdtempSync(join(tmpdir(), 'sg-assets-a-'));
    b = mkdtempSync(join(tmpdir(), 'sg-assets-b-'));
    names = await releaseAssets({ outDir: a });
    await releaseAssets({ outDir: b });
  }, 120_000);
  afterAll(() => {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  });

  it('are the npm tarball, the CLI tarball, the SBOM and SHA256SUMS, the same bytes every time', () => {
    const v = pkg.version;
    expect(names).toEqual([
      `shipgate-cli-${v}.tgz`,
      `shipgate-${v}.tar.gz`,
      `shipgate-${v}.cdx.json`,
      'SHA256SUMS',
    ]);
    for (const n of names) expect(readFileSync(join(b, n)).equals(readFileSync(join(a, n))), n).toBe(true);
  });

  it('lists each asset in SHA256SUMS as sha256sum -c reads it', () => {
    const sums = readFileSync(join(a, 'SHA256SUMS'), 'utf8');
    const lines = sums.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const [hex, name] = line.split('  ') as [string, string];
      expect(
        createHash('sha256')
          .update(readFileSync(join(a, name)))
          .digest('hex'),
      ).toBe(hex);
    }
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: a, encoding: 'utf8' })).toMatch(
      /^(\S+: OK\n){3}$/,
    );
  });

  it('refuses a folder that already holds files', async () => {
    await expect(releaseAssets({ outDir: a })).rejects.toThrow(/is not empty/);
  });
});
