import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import type { Package } from '../../../src/core/package';
import type { Analyzer } from '../../../src/image/types';
import { cargoLockAnalyzer, parseCargoLock } from '../../../src/inventory/analyzers/cargo';
import { composerLockAnalyzer, parseComposerLock } from '../../../src/inventory/analyzers/composer';
import {
  dotnetDepsAnalyzer,
  nugetLockAnalyzer,
  parseDepsJson,
  parsePackagesConfig,
  parsePackagesLock,
} from '../../../src/inventory/analyzers/dotnet';
import { goModAnalyzer, parseGoMod } from '../../../src/inventory/analyzers/gomod';
import { collectInventory } from '../../../src/inventory/collect';
import { toCycloneDx } from '../../../src/inventory/sbom/cyclonedx';
import { targetFor } from '../../../src/vuln/ecosystem';
import { feedDir, feedLayers } from '../../support/feed';

const FIXTURES = join(import.meta.dirname, '../../fixtures/inventory/lockfiles');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const nv = (ps: Package[]): string[] => ps.map((p) => `${p.name}@${p.version}`).sort();

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sg-lock-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('Cargo.lock', () => {
  it('lists every registry crate, both versions of a crate, and leaves out the workspace crate', () => {
    const ps = parseCargoLock(fixture('Cargo.lock'));
    expect(nv(ps)).toEqual([
      'aho-corasick@0.7.20',
      'libc@0.2.140',
      'memchr@1.0.2',
      'memchr@2.5.0',
      'regex-syntax@0.5.6',
      'regex-syntax@0.6.29',
      'regex@1.7.3',
      'ucd-util@0.1.10',
    ]);
    expect(ps.find((p) => p.name === 'regex')!.purl).toBe('pkg:cargo/regex@1.7.3');
    expect(targetFor(ps[0]!, undefined)).toMatchObject({ base: 'crates.io', name: 'aho-corasick' });
  });

  it('rejects a file that is not a Cargo lockfile', () => {
    expect(() => parseCargoLock('[[package]]\nname = "a"\n')).toThrow(/line 1: \[\[package\]\] without/);
    expect(() => parseCargoLock('<html>\n')).toThrow(/line 1: not a TOML key = value line/);
    expect(() => parseCargoLock('[[package]]\nname = "a"\ndependencies = [\n "b",\n')).toThrow(
      /unterminated array/,
    );
  });
});

describe('composer.lock', () => {
  it('lists the runtime packages, not packages-dev, with Packagist names and licenses', () => {
    const ps = parseComposerLock(fixture('composer.lock'));
    expect(nv(ps)).toEqual([
      'guzzlehttp/guzzle@6.5.8',
      'guzzlehttp/promises@1.5.2',
      'guzzlehttp/psr7@1.9.0',
      'psr/http-message@1.0.1',
      'ralouphie/getallheaders@3.0.3',
      'symfony/polyfill-intl-idn@v1.27.0',
      'symfony/polyfill-intl-normalizer@v1.27.0',
      'symfony/polyfill-php72@v1.27.0',
    ]);
    const guzzle = ps.find((p) => p.name === 'guzzlehttp/guzzle')!;
    expect(guzzle).toMatchObject({ purl: 'pkg:composer/guzzlehttp/guzzle@6.5.8', licenses: ['MIT'] });
    expect(targetFor(guzzle, undefined)).toMatchObject({ base: 'Packagist', name: 'guzzlehttp/guzzle' });
  });

  it('takes a license written as a string as well as an array', () => {
    const ps = parseComposerLock(
      '{"packages": [{"name": "symfony/polyfill-php72", "version": "v1.27.0", "license": "MIT"}]}',
    );
    expect(ps[0]!.licenses).toEqual(['MIT']);
  });

  it('rejects JSON without a packages array', () => {
    expect(() => parseComposerLock('{"_readme": []}')).toThrow(/no "packages" array/);
    expect(() => parseComposerLock('{"packages": [')).toThrow(SyntaxError);
  });
});

describe('.NET deps.json', () => {
  it('lists the NuGet packages and leaves out the project itself', () => {
    const ps = parseDepsJson(fixture('ExampleApp1.deps.json'));
    expect(ps).toEqual([
      { name: 'Newtonsoft.Json', version: '13.0.1', type: 'nuget', purl: 'pkg:nuget/Newtonsoft.Json@13.0.1' },
    ]);
    expect(targetFor(ps[0]!, undefined)).toMatchObject({ base: 'NuGet', name: 'Newtonsoft.Json' });
  });

  it('rejects JSON without libraries, and a library key without a version', () => {
    expect(() => parseDepsJson('{"targets": {}}')).toThrow(/no "libraries" object/);
    expect(() => parseDepsJson('{"libraries": {"Newtonsoft.Json": {"type": "package"}}}')).toThrow(
      /not name\/version/,
    );
  });
});

describe('NuGet packages.lock.json and packages.config', () => {
  it('lists direct and transitive packages of packages.lock.json once each', () => {
    const ps = parsePackagesLock(fixture('packages.lock.json'));
    expect(nv(ps)).toEqual([
      'Microsoft.Extensions.ApiDescription.Server@3.0.0',
      'Microsoft.OpenApi@1.1.4',
      'Newtonsoft.Json@12.0.3',
      'NuGet.Frameworks@5.7.0',
      'Swashbuckle.AspNetCore.Swagger@5.5.1',
      'Swashbuckle.AspNetCore.SwaggerGen@5.5.1',
      'Swashbuckle.AspNetCore.SwaggerUI@5.5.1',
      'Swashbuckle.AspNetCore@5.5.1',
    ]);
    const twoFrameworks = JSON.stringify({
      version: 1,
      dependencies: {
        'net6.0': { 'Newtonsoft.Json': { type: 'Direct', resolved: '13.0.1' }, Lib: { type: 'Project' } },
        'net8.0': { 'Newtonsoft.Json': { type: 'Direct', resolved: '13.0.1' } },
      },
    });
    expect(nv(parsePackagesLock(twoFrameworks))).toEqual(['Newtonsoft.Json@13.0.1']);
    expect(() => parsePackagesLock('{"version": 1}')).toThrow(/no "dependencies" object/);
  });

  it('lists packages.config packages except development dependencies', () => {
    expect(parsePackagesConfig(fixture('packages.config'))).toEqual([
      { name: 'Newtonsoft.Json', version: '8.0.3', type: 'nuget', purl: 'pkg:nuget/Newtonsoft.Json@8.0.3' },
    ]);
    expect(() => parsePackagesConfig('<configuration />')).toThrow(/no <packages> element/);
    expect(() => parsePackagesConfig('<packages><package id="A" /></packages>')).toThrow(
      /without id and version/,
    );
    expect(parsePackagesConfig('<packages><!-- <package id="Old" version="1.0" /> --></packages>')).toEqual(
      [],
    );
  });
});

describe('go.mod', () => {
  it('lists required modules; one replaced by a local directory is local code, without a version', () => {
    const ps = parseGoMod(fixture('go.mod'));
    expect(nv(ps)).toEqual([
      'github.com/aquasecurity/go-dep-parser@v0.0.0-20211224170007-df43bca6b6ff',
      'golang.org/x/xerrors@',
      'gopkg.in/yaml.v3@v3.0.0-20210107192922-496545a6307b',
    ]);
    const yaml = ps.find((p) => p.name === 'gopkg.in/yaml.v3')!;
    expect(PackageURL.fromString(yaml.purl)).toMatchObject({
      type: 'golang',
      namespace: 'gopkg.in',
      name: 'yaml.v3',
    });
    expect(targetFor(yaml, undefined)).toMatchObject({ base: 'Go', name: 'gopkg.in/yaml.v3' });
  });

  it('applies a replacement by another module version, the versioned replace before the wildcard one', () => {
    const ps = parseGoMod(
      'module example.com/app\n\ngo 1.21\n\nrequire (\n\tgolang.org/x/net v0.7.0\n\texample.com/a v1.0.0\n)\n\n' +
        'replace golang.org/x/net => golang.org/x/net v0.17.0\n' +
        'replace (\n\texample.com/a => example.com/fork v1.1.0\n\texample.com/a v1.0.0 => example.com/b v2.0.0\n)\n',
    );
    expect(nv(ps)).toEqual(['example.com/b@v2.0.0', 'golang.org/x/net@v0.17.0']);
  });

  it('rejects what is not a go.mod', () => {
    expect(() => parseGoMod('require (\n\tgolang.org/x/net v0.7.0\n')).toThrow(/unterminated require/);
    expect(() => parseGoMod('go 1.21\n')).toThrow(/no module directive/);
    expect(() => parseGoMod('module a\nreplace a b\n')).toThrow(/line 2: replace is not/);
    expect(() => parseGoMod('{"module": 1}\n')).toThrow(/line 1: not a go.mod directive/);
  });
});

describe('lockfile analyzers in an image', () => {
  const analyzers = (): Analyzer[] => [
    cargoLockAnalyzer(),
    composerLockAnalyzer(),
    dotnetDepsAnalyzer(),
    goModAnalyzer(),
    nugetLockAnalyzer(),
  ];

  it('list each package at the lockfile path and layer, into the CycloneDX SBOM', async () => {
    const root = tree({
      'srv/rust/Cargo.lock': fixture('Cargo.lock'),
      'var/www/composer.lock': fixture('composer.lock'),
      'app/ExampleApp1.deps.json': fixture('ExampleApp1.deps.json'),
      'src/app/go.mod': fixture('go.mod'),
      'app/legacy/packages.config': fixture('packages.config'),
      'app/api/packages.lock.json': fixture('packages.lock.json'),
      // A library's own lockfile inside vendor/ describes its development, not what is installed.
      'var/www/vendor/guzzlehttp/guzzle/composer.lock': '{"packages": [{"name": "x/y", "version": "1.0.0"}]}',
    });
    const inv = collectInventory(await feedDir(analyzers(), root));
    expect(inv.packages).toHaveLength(8 + 8 + 1 + 3 + 1 + 8);
    const at = (name: string): Package => inv.packages.find((p) => p.name === name)!;
    expect(at('regex').path).toBe('/srv/rust/Cargo.lock');
    expect(at('psr/http-message').path).toBe('/var/www/composer.lock');
    const byPurl = (purl: string): string | undefined => inv.packages.find((p) => p.purl === purl)?.path;
    expect(byPurl('pkg:nuget/Newtonsoft.Json@13.0.1')).toBe('/app/ExampleApp1.deps.json');
    expect(at('gopkg.in/yaml.v3').path).toBe('/src/app/go.mod');
    expect(at('Microsoft.OpenApi').path).toBe('/app/api/packages.lock.json');
    expect(byPurl('pkg:nuget/Newtonsoft.Json@8.0.3')).toBe('/app/legacy/packages.config');
    expect(inv.packages.every((p) => p.layerIndex === 0 && p.layerDigest?.startsWith('sha256:'))).toBe(true);
    const image = {
      ref: 'registry.example/app:1',
      layers: [{ index: 0, digest: inv.packages[0]!.layerDigest! }],
    };
    const sbom = JSON.parse(toCycloneDx(inv, image)) as { components: { purl?: string }[] };
    const purls = sbom.components.map((c) => c.purl);
    expect(purls).toEqual(
      expect.arrayContaining([
        'pkg:cargo/regex@1.7.3',
        'pkg:composer/guzzlehttp/guzzle@6.5.8',
        'pkg:nuget/Newtonsoft.Json@13.0.1',
        'pkg:golang/gopkg.in/yaml.v3@v3.0.0-20210107192922-496545a6307b',
      ]),
    );
  });

  it('fail closed on a visible lockfile that cannot be read, and forget one a later layer replaced', async () => {
    const broken = tree({ 'app/ExampleApp1.deps.json': '{"libraries": {' });
    await expect(feedDir([dotnetDepsAnalyzer()], broken)).rejects.toThrow(ShipgateError);
    await expect(feedDir([dotnetDepsAnalyzer()], broken)).rejects.toThrow(
      /\/app\/ExampleApp1\.deps\.json \(layer 0\): cannot read the \.NET deps\.json/,
    );
    const fixed = tree({ 'app/ExampleApp1.deps.json': fixture('ExampleApp1.deps.json') });
    const inv = collectInventory(await feedLayers([dotnetDepsAnalyzer()], [{ dir: broken }, { dir: fixed }]));
    expect(nv(inv.packages)).toEqual(['Newtonsoft.Json@13.0.1']);
    expect(inv.packages[0]!.layerIndex).toBe(1);
  });

  it('fail closed on a lockfile larger than the analyzer reads', async () => {
    const root = tree({ 'src/go.mod': `module a\n${'// padding\n'.repeat(500_000)}` });
    await expect(feedDir([goModAnalyzer()], root)).rejects.toThrow(
      /cannot read the go.mod: larger than 4 MiB/,
    );
  });
});
