import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { beforeAll, expect, it } from 'vitest';
import { goBinaryAnalyzer } from '../../../src/inventory/analyzers/go';
import { parseElf } from '../../../src/inventory/binary/elf';
import { readGoBuildInfo, type GoModule } from '../../../src/inventory/binary/go-buildinfo';
import { collectInventory } from '../../../src/inventory/collect';
import { run } from '../../support/debian';
import { describeWithTools } from '../../support/tools';
import { feedDir } from '../../support/feed';

/** `go version -m` output → the same shape as our build info. */
function parseGoVersionM(out: string): {
  goVersion: string;
  path?: string;
  main?: GoModule;
  deps: GoModule[];
} {
  const lines = out.trim().split('\n');
  const goVersion = lines[0]!.split(': ')[1]!.trim();
  const info: { goVersion: string; path?: string; main?: GoModule; deps: GoModule[] } = {
    goVersion,
    deps: [],
  };
  let last: GoModule | undefined;
  for (const line of lines.slice(1)) {
    const f = line.trim().split('\t');
    const mod: GoModule = { path: f[1] ?? '', version: f[2] ?? '' };
    if (f[3]) mod.sum = f[3];
    if (f[0] === 'path') info.path = f[1];
    else if (f[0] === 'mod') info.main = last = mod;
    else if (f[0] === 'dep') info.deps.push((last = mod));
    else if (f[0] === '=>' && last) last.replace = mod;
  }
  return info;
}

describeWithTools('Go binaries built with the Debian Go toolchain', ['go'], () => {
  let root: string;
  let binary: string;
  let oracle: string;

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'sg-go-'));
    mkdirSync(join(work, 'lib'));
    mkdirSync(join(work, 'app'));
    writeFileSync(join(work, 'lib/go.mod'), 'module example.com/lib\n\ngo 1.19\n');
    writeFileSync(join(work, 'lib/lib.go'), 'package lib\n\nfunc Hello() string { return "hello" }\n');
    writeFileSync(
      join(work, 'app/go.mod'),
      'module example.com/app\n\ngo 1.19\n\nrequire example.com/lib v1.2.3\n\nreplace example.com/lib v1.2.3 => ../lib\n',
    );
    writeFileSync(
      join(work, 'app/main.go'),
      'package main\n\nimport (\n\t"fmt"\n\t"example.com/lib"\n)\n\nfunc main() { fmt.Println(lib.Hello()) }\n',
    );
    root = join(work, 'root');
    mkdirSync(join(root, 'usr/local/bin'), { recursive: true });
    binary = join(root, 'usr/local/bin/app');
    const env = {
      ...process.env,
      GOFLAGS: '-mod=mod',
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
      GOCACHE: join(work, 'cache'),
      GOPATH: join(work, 'gopath'),
      CGO_ENABLED: '0',
    };
    await run('go', ['build', '-o', binary, '.'], { cwd: join(work, 'app'), env });
    oracle = await run('go', ['version', '-m', binary], { env });
  }, 300_000);

  it('reads the same build info as go version -m', () => {
    const expected = parseGoVersionM(oracle);
    const info = readGoBuildInfo(readFileSync(binary))!;
    expect(info.goVersion).toBe(expected.goVersion);
    expect(info.path).toBe(expected.path);
    expect(info.main).toEqual(expected.main);
    expect(info.deps).toEqual(expected.deps);
    expect(info.deps[0]?.replace?.path).toBe('../lib');
  });

  it('lists the main module, the locally replaced dependency as unversioned local code, and stdlib', async () => {
    const expected = parseGoVersionM(oracle);
    const inv = collectInventory(await feedDir([goBinaryAnalyzer()], root));
    const go = expected.goVersion.replace(/^go/, 'v');
    expect(inv.packages.map((p) => [p.name, p.version]).sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual(
      [
        ['example.com/app', ''],
        // Replaced by ../lib at build time: v1.2.3's code (and its advisories) is not in the binary.
        ['example.com/lib', ''],
        ['stdlib', go],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    for (const p of inv.packages) {
      expect(p.binaryPath).toBe('/usr/local/bin/app');
      const parsed = PackageURL.fromString(p.purl);
      expect(parsed.type).toBe('golang');
      expect(`${parsed.namespace ? `${parsed.namespace}/` : ''}${parsed.name}`).toBe(p.name);
    }
  });

  it('reads the pre-Go 1.18 layout too: pointers to string headers instead of inline strings', () => {
    // Go 1.19 writes the inline layout. Move the same strings into .noptrdata and point the header at them
    // the way Go 1.13-1.17 did (ptrSize, flags=0, then the addresses of two Go string headers).
    const bin = Buffer.from(readFileSync(binary));
    const elf = parseElf(bin)!;
    const info = elf.sections.find((s) => s.name === '.go.buildinfo')!;
    const data = elf.sections.find((s) => s.name === '.noptrdata')!;
    const varint = (at: number): [number, number] => {
      let x = 0;
      for (let i = 0, s = 1; ; i++, s *= 128) {
        const b = bin[at + i]!;
        x += (b & 0x7f) * s;
        if (b < 0x80) return [x, at + i + 1];
      }
    };
    expect(bin[info.offset + 15]! & 2).toBe(2);
    const [vlen, vat] = varint(info.offset + 32);
    const version = bin.subarray(vat, vat + vlen);
    const [mlen, mat] = varint(vat + vlen);
    const modinfo = bin.subarray(mat, mat + mlen);
    const strings = Buffer.concat([Buffer.from(version), Buffer.from(modinfo)]);
    expect(data.size).toBeGreaterThan(32 + strings.length);
    const base = data.addr;
    const hdr = Buffer.alloc(32);
    hdr.writeBigUInt64LE(base + 32n, 0);
    hdr.writeBigUInt64LE(BigInt(version.length), 8);
    hdr.writeBigUInt64LE(base + 32n + BigInt(version.length), 16);
    hdr.writeBigUInt64LE(BigInt(modinfo.length), 24);
    Buffer.concat([hdr, strings]).copy(bin, data.offset);
    bin[info.offset + 14] = 8;
    bin[info.offset + 15] = 0;
    bin.writeBigUInt64LE(base, info.offset + 16);
    bin.writeBigUInt64LE(base + 16n, info.offset + 24);
    const expected = parseGoVersionM(oracle);
    const got = readGoBuildInfo(bin)!;
    expect([got.goVersion, got.path, got.main, got.deps]).toEqual([
      expected.goVersion,
      expected.path,
      expected.main,
      expected.deps,
    ]);
  });

  it('ignores executables that are not Go binaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-nogo-'));
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin/ls'), readFileSync('/bin/ls'), { mode: 0o755 });
    writeFileSync(join(dir, 'bin/script'), '#!/bin/sh\necho hi\n'.repeat(100), { mode: 0o755 });
    expect(collectInventory(await feedDir([goBinaryAnalyzer()], dir)).packages).toEqual([]);
  });
});
