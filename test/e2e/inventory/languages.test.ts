import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import type { Package } from '../../../src/core/package';
import { composerAnalyzer } from '../../../src/inventory/analyzers/composer';
import { gemAnalyzer } from '../../../src/inventory/analyzers/gem';
import { javaAnalyzer, parseJavaArchive } from '../../../src/inventory/analyzers/java';
import { npmAnalyzer } from '../../../src/inventory/analyzers/npm';
import { pythonAnalyzer } from '../../../src/inventory/analyzers/python';
import { rustBinaryAnalyzer } from '../../../src/inventory/analyzers/rust';
import { collectInventory } from '../../../src/inventory/collect';
import { run } from '../../support/debian';
import { describeWithTools } from '../../support/tools';
import { feedDir } from '../../support/feed';

function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'sg-lang-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const rows = (pkgs: Package[]): string[][] => pkgs.map((p) => [p.name, p.version, p.purl, p.path ?? '']);

function expectRoundTrip(pkgs: Package[]): void {
  for (const p of pkgs) expect(PackageURL.fromString(p.purl).toString()).toBe(p.purl);
}

describe('npm', () => {
  it('lists installed packages (scoped too), skips nested fixtures, and adds lockfile packages not installed', async () => {
    const pj = (o: object): string => JSON.stringify(o);
    const root = tree({
      'app/package.json': pj({ name: 'my-app', version: '1.0.0' }),
      'app/node_modules/express/package.json': pj({ name: 'express', version: '4.18.2', license: 'MIT' }),
      'app/node_modules/@babel/core/package.json': pj({
        name: '@babel/core',
        version: '7.23.0',
        license: 'MIT',
      }),
      'app/node_modules/express/node_modules/debug/package.json': pj({ name: 'debug', version: '2.6.9' }),
      'app/node_modules/express/test/fixtures/pkg/package.json': pj({ name: 'fixture', version: '0.0.1' }),
      'app/node_modules/nameless/package.json': pj({ private: true }),
      'app/package-lock.json': pj({
        lockfileVersion: 3,
        packages: {
          '': { name: 'my-app', version: '1.0.0' },
          'node_modules/express': { version: '4.18.2' },
          'node_modules/lodash': { version: '4.17.21', license: 'MIT' },
          'node_modules/vitest': { version: '1.0.0', dev: true },
          'node_modules/local': { resolved: '../local', link: true },
        },
      }),
      'old/package-lock.json': pj({
        lockfileVersion: 1,
        dependencies: {
          minimist: { version: '1.2.5', dependencies: { inner: { version: '0.1.0' } } },
          mocha: { version: '10.0.0', dev: true },
          gitdep: { version: 'github:user/repo#abc' },
        },
      }),
    });
    const pkgs = collectInventory(await feedDir([npmAnalyzer()], root)).packages;
    expect(rows(pkgs)).toEqual([
      ['@babel/core', '7.23.0', 'pkg:npm/%40babel/core@7.23.0', '/app/node_modules/@babel/core/package.json'],
      ['debug', '2.6.9', 'pkg:npm/debug@2.6.9', '/app/node_modules/express/node_modules/debug/package.json'],
      ['express', '4.18.2', 'pkg:npm/express@4.18.2', '/app/node_modules/express/package.json'],
      ['inner', '0.1.0', 'pkg:npm/inner@0.1.0', '/old/package-lock.json'],
      ['lodash', '4.17.21', 'pkg:npm/lodash@4.17.21', '/app/package-lock.json'],
      ['minimist', '1.2.5', 'pkg:npm/minimist@1.2.5', '/old/package-lock.json'],
    ]);
    expect(pkgs.find((p) => p.name === '@babel/core')!.licenses).toEqual(['MIT']);
    expectRoundTrip(pkgs);
  });
});

describe('Python', () => {
  it('reads dist-info METADATA and egg-info PKG-INFO with PEP 503 purl names and licenses', async () => {
    const sp = 'usr/lib/python3/dist-packages';
    const root = tree({
      [`${sp}/Flask_SQLAlchemy-3.1.1.dist-info/METADATA`]:
        'Metadata-Version: 2.1\nName: Flask_SQLAlchemy\nVersion: 3.1.1\nLicense-Expression: BSD-3-Clause\n\nbody\nName: nope\n',
      [`${sp}/requests-2.31.0.dist-info/METADATA`]:
        'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\nLicense: Apache 2.0\nClassifier: License :: OSI Approved :: Apache Software License\n',
      [`${sp}/zope.interface-5.5.2.egg-info/PKG-INFO`]:
        'Metadata-Version: 1.2\nName: zope.interface\nVersion: 5.5.2\nLicense: UNKNOWN\nClassifier: License :: OSI Approved :: Zope Public License\n',
      [`${sp}/oldstyle-0.1.egg-info`]: 'Metadata-Version: 1.0\nName: oldstyle\nVersion: 0.1\n',
      [`${sp}/requests-2.31.0.dist-info/RECORD`]: 'requests/__init__.py,,\n',
    });
    const pkgs = collectInventory(await feedDir([pythonAnalyzer()], root)).packages;
    expect(pkgs.map((p) => [p.name, p.version, p.purl, p.licenses])).toEqual([
      ['Flask_SQLAlchemy', '3.1.1', 'pkg:pypi/flask-sqlalchemy@3.1.1', ['BSD-3-Clause']],
      ['oldstyle', '0.1', 'pkg:pypi/oldstyle@0.1', undefined],
      ['requests', '2.31.0', 'pkg:pypi/requests@2.31.0', ['Apache 2.0']],
      ['zope.interface', '5.5.2', 'pkg:pypi/zope-interface@5.5.2', ['Zope Public License']],
    ]);
    expectRoundTrip(pkgs);
  });
});

describe('Ruby and PHP', () => {
  it('reads installed gemspecs (also default gems)', async () => {
    const spec = `# -*- encoding: utf-8 -*-
# stub: rack 3.0.8 ruby lib

Gem::Specification.new do |s|
  s.name = "rack".freeze
  s.version = "3.0.8"
  s.licenses = ["MIT".freeze]
  s.summary = "A modular Ruby webserver interface".freeze
end
`;
    const root = tree({
      'usr/local/bundle/specifications/rack-3.0.8.gemspec': spec,
      'usr/local/lib/ruby/gems/3.2.0/specifications/default/json-2.6.3.gemspec':
        'Gem::Specification.new do |s|\n  s.name = %q{json}\n  s.version = "2.6.3"\n  s.license = "Ruby"\nend\n',
      'usr/local/lib/ruby/gems/3.2.0/specifications/net-http-0.4.1.gemspec': 'broken',
    });
    const pkgs = collectInventory(await feedDir([gemAnalyzer()], root)).packages;
    expect(pkgs.map((p) => [p.name, p.version, p.purl, p.licenses])).toEqual([
      ['json', '2.6.3', 'pkg:gem/json@2.6.3', ['Ruby']],
      ['net-http', '0.4.1', 'pkg:gem/net-http@0.4.1', undefined],
      ['rack', '3.0.8', 'pkg:gem/rack@3.0.8', ['MIT']],
    ]);
  });

  it('reads composer installed.json in both formats', async () => {
    const v2 = {
      packages: [
        { name: 'monolog/monolog', version: '3.5.0', version_normalized: '3.5.0.0', license: ['MIT'] },
        { name: 'symfony/console', version: 'v6.4.1', license: ['MIT'] },
      ],
      dev: true,
      'dev-package-names': [],
    };
    const v1 = [{ name: 'guzzlehttp/guzzle', version: '6.5.8', license: ['MIT'] }];
    const root = tree({
      'var/www/app/vendor/composer/installed.json': JSON.stringify(v2),
      'srv/legacy/vendor/composer/installed.json': JSON.stringify(v1),
    });
    const pkgs = collectInventory(await feedDir([composerAnalyzer()], root)).packages;
    expect(rows(pkgs)).toEqual([
      [
        'guzzlehttp/guzzle',
        '6.5.8',
        'pkg:composer/guzzlehttp/guzzle@6.5.8',
        '/srv/legacy/vendor/composer/installed.json',
      ],
      [
        'monolog/monolog',
        '3.5.0',
        'pkg:composer/monolog/monolog@3.5.0',
        '/var/www/app/vendor/composer/installed.json',
      ],
      [
        'symfony/console',
        'v6.4.1',
        'pkg:composer/symfony/console@v6.4.1',
        '/var/www/app/vendor/composer/installed.json',
      ],
    ]);
    expectRoundTrip(pkgs);
  });
});

describe('Java archives', () => {
  const pom = (g: string, a: string, v: string): Uint8Array =>
    strToU8(
      `#Generated by Maven\n#Tue Jan 01 00:00:00 UTC 2024\ngroupId=${g}\nartifactId=${a}\nversion=${v}\n`,
    );

  it('reads pom.properties in nested jars and MANIFEST.MF as a fallback', async () => {
    const inner = zipSync({
      'META-INF/MANIFEST.MF': strToU8('Manifest-Version: 1.0\r\n\r\n'),
      'META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties': pom(
        'org.apache.logging.log4j',
        'log4j-core',
        '2.14.1',
      ),
      'org/apache/logging/log4j/core/Logger.class': new Uint8Array([0xca, 0xfe, 0xba, 0xbe]),
    });
    const manifestOnly = zipSync({
      'META-INF/MANIFEST.MF': strToU8(
        'Manifest-Version: 1.0\r\nImplementation-Title: commons-lang\r\nImplementation-Version: 2.6\r\nImplementation-Vendor-Id: commons-lang\r\n\r\n',
      ),
    });
    const deeper = zipSync({ 'lib/inner.jar': inner });
    const war = zipSync({
      'META-INF/maven/com.example/shop/pom.properties': pom('com.example', 'shop', '1.4.0'),
      'WEB-INF/lib/log4j-core-2.14.1.jar': inner,
      'WEB-INF/lib/commons-lang-2.6.jar': manifestOnly,
      'WEB-INF/lib/wrapper.jar': zipSync({ 'lib/deeper.jar': deeper }),
    });
    const root = tree({
      'opt/app/shop.war': war,
      'opt/app/not-a-zip.jar': 'hello there, this is not a zip file',
    });
    const pkgs = collectInventory(await feedDir([javaAnalyzer({ maxJarDepth: 2 })], root)).packages;
    expect(pkgs.map((p) => [p.namespace, p.name, p.version, p.purl, p.path])).toEqual([
      ['com.example', 'shop', '1.4.0', 'pkg:maven/com.example/shop@1.4.0', '/opt/app/shop.war'],
      [
        'commons-lang',
        'commons-lang',
        '2.6',
        'pkg:maven/commons-lang/commons-lang@2.6',
        '/opt/app/shop.war!/WEB-INF/lib/commons-lang-2.6.jar',
      ],
      [
        'org.apache.logging.log4j',
        'log4j-core',
        '2.14.1',
        'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        '/opt/app/shop.war!/WEB-INF/lib/log4j-core-2.14.1.jar',
      ],
    ]);
    // depth 3 reaches wrapper.jar → deeper.jar → inner.jar as well
    const deep = collectInventory(await feedDir([javaAnalyzer({ maxJarDepth: 3 })], root)).packages;
    expect(deep.map((p) => p.path)).toContain(
      '/opt/app/shop.war!/WEB-INF/lib/wrapper.jar!/lib/deeper.jar!/lib/inner.jar',
    );
    // Nested archives share one inflate budget: with none left only the outer coordinates are read.
    expect(parseJavaArchive(war, '/opt/app/shop.war', 3, 0, { bytes: 10 }).map((p) => p.name)).toEqual([
      'shop',
    ]);
    expectRoundTrip(deep);
  });
});

describeWithTools('Rust binaries built with cargo-auditable', ['objcopy'], () => {
  it('reads the crates of the .dep-v0 section', async () => {
    const deps = {
      packages: [
        { name: 'myapp', version: '0.1.0', source: 'local', dependencies: [1, 2], root: true },
        { name: 'serde', version: '1.0.193', source: 'crates.io' },
        { name: 'cc', version: '1.0.83', source: 'crates.io', kind: 'build' },
      ],
    };
    const dir = mkdtempSync(join(tmpdir(), 'sg-rust-'));
    writeFileSync(join(dir, 'dep-v0'), deflateSync(Buffer.from(JSON.stringify(deps))));
    const root = join(dir, 'root');
    mkdirSync(join(root, 'usr/local/bin'), { recursive: true });
    const bin = join(root, 'usr/local/bin/myapp');
    copyFileSync('/bin/true', bin);
    // cargo-auditable links the same section into the binary; objcopy adds it to a real ELF here.
    await run('objcopy', ['--add-section', `.dep-v0=${join(dir, 'dep-v0')}`, bin]);
    const pkgs = collectInventory(await feedDir([rustBinaryAnalyzer()], root)).packages;
    expect(pkgs.map((p) => [p.name, p.version, p.purl, p.binaryPath])).toEqual([
      ['myapp', '0.1.0', 'pkg:cargo/myapp@0.1.0', '/usr/local/bin/myapp'],
      ['serde', '1.0.193', 'pkg:cargo/serde@1.0.193', '/usr/local/bin/myapp'],
    ]);
  });
});
