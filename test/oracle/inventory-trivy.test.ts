/**
 * Oracle: the real Trivy (SBOM mode, offline) lists the packages of real images: Debian (dpkg), Alpine (apk),
 * Rocky Linux (an rpm sqlite database written by rpm) and a multi-language image (npm, Python, Go, Rust, Java,
 * Ruby, PHP, .NET, with real Cargo.lock, composer.lock, deps.json, packages.lock.json, packages.config
 * and go.mod files, plus dpkg edge cases). shipgate, reading the same image through the real walker, must list every
 * one of them with the same purl type, namespace, name and version, from the same layer, and OS packages with
 * the same source package, or an allow-list entry below names why not. What shipgate lists beyond Trivy is
 * checked too: each extra must be allow-listed as a real package planted in the image, with the reason.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { PackageURL } from 'packageurl-js';
import { beforeAll, expect, it } from 'vitest';
import { openImage, walkImage } from '../../src/image/index';
import type { Package } from '../../src/core/package';
import type { InventoryResult } from '../../src/image/types';
import { collectInventory, inventoryAnalyzers } from '../../src/inventory/index';
import { pep503 } from '../../src/inventory/purl';
import { cachedFixture } from '../support/cache';
import { debianRootfs, run } from '../support/debian';
import { buildRpms, installIntoRpmDb } from '../support/rpm';
import {
  IMAGE_TOOLS,
  buildImage,
  debianImage,
  serialHeavySuite,
  type ImageSpec,
  type TestImage,
} from '../support/images';
import { describeWith, missingTools } from '../support/tools';
import { TRIVY_UNMET, trivyImage } from '../support/trivy';

/** A package identity both tools can agree on: purl type, namespace, name and version, no qualifiers. */
function key(type: string, namespace: string | undefined, name: string, version: string): string {
  // This Trivy release writes crates found in Rust binaries as `pkg:rustbinary/...`; the purl type is cargo.
  if (type === 'rustbinary') type = 'cargo';
  let ns = namespace ?? '';
  let n = name;
  let v = version;
  if (type === 'pypi') n = pep503(n);
  if (type === 'golang') {
    // Both tools split a module path at its last slash; compare the whole path and the version without `v`.
    n = ns ? `${ns}/${n}` : n;
    ns = '';
    v = v.replace(/^v/, '');
  }
  return `pkg:${type}/${ns ? `${ns}/` : ''}${n}@${v}`;
}

/**
 * A purl → key. An epoch may sit in the version (`E:V`, as shipgate writes deb purls) or in an `epoch`
 * qualifier (as both tools write rpm purls, and Trivy deb purls); the key always puts it in the version.
 * Other qualifiers (arch, distro: Trivy writes `debian-12.15` from /etc/debian_version, shipgate
 * `debian-12` from os-release) do not identify the package and are left out.
 */
function purlKey(purl: string): string {
  const p = PackageURL.fromString(purl);
  let version = p.version ?? '';
  const epoch = p.qualifiers?.epoch;
  if (epoch && epoch !== '0' && (p.type === 'deb' || p.type === 'rpm')) version = `${epoch}:${version}`;
  return key(p.type, p.namespace ?? undefined, p.name, version);
}

interface CdxComponent {
  type: string;
  name: string;
  purl?: string;
  properties?: { name: string; value: string }[];
  components?: CdxComponent[];
}

/** A package as Trivy's SBOM describes it. */
interface TrivyPackage {
  purl: string;
  key: string;
  /** Diff ID of the layer the package came from. */
  layer?: string;
  /** OS packages: the source package, "name version". */
  source?: string;
}

function trivySource(type: string, props: Map<string, string>): string | undefined {
  const name = props.get('aquasecurity:trivy:SrcName');
  if (!name) return undefined;
  const epoch = props.get('aquasecurity:trivy:SrcEpoch');
  const release = props.get('aquasecurity:trivy:SrcRelease');
  // An rpm source package is known by its file name, which carries no epoch.
  const e = epoch && epoch !== '0' && type !== 'rpm' ? `${epoch}:` : '';
  return `${name} ${e}${props.get('aquasecurity:trivy:SrcVersion') ?? ''}${release ? `-${release}` : ''}`;
}

/** Packages of a Trivy CycloneDX SBOM (components with a purl at any depth; the OS and apps have none). */
async function trivyPackages(
  archive: string,
): Promise<{ keys: Set<string>; purls: string[]; packages: TrivyPackage[] }> {
  const sbom = JSON.parse(await trivyImage(archive, ['--format', 'cyclonedx'])) as {
    components?: CdxComponent[];
  };
  const packages: TrivyPackage[] = [];
  const walk = (list: CdxComponent[] | undefined): void => {
    for (const c of list ?? []) {
      if (c.purl) {
        const props = new Map((c.properties ?? []).map((p) => [p.name, p.value]));
        const type = PackageURL.fromString(c.purl).type;
        const p: TrivyPackage = { purl: c.purl, key: purlKey(c.purl) };
        const layer = props.get('aquasecurity:trivy:LayerDiffID');
        if (layer) p.layer = layer;
        const source = trivySource(type, props);
        if (source && ['deb', 'rpm', 'apk'].includes(type)) p.source = source;
        packages.push(p);
      }
      walk(c.components);
    }
  };
  walk(sbom.components);
  const purls = packages.map((p) => p.purl);
  return { keys: new Set(packages.map((p) => p.key)), purls, packages };
}

/**
 * For every package both list: the same layer (diff ID) and, for OS packages, the same source package (what
 * Debian, Alpine and Red Hat advisories are keyed by). Returns the disagreements.
 */
function detailMismatches(trivy: TrivyPackage[], ours: Package[]): string[] {
  const byKey = new Map<string, Package[]>();
  for (const p of ours) byKey.set(purlKey(p.purl), [...(byKey.get(purlKey(p.purl)) ?? []), p]);
  const out: string[] = [];
  for (const t of trivy) {
    const candidates = byKey.get(t.key);
    if (!candidates) continue;
    if (t.layer && !candidates.some((p) => p.layerDigest === t.layer))
      out.push(`${t.key}: layer ${t.layer} (Trivy) vs ${candidates.map((p) => p.layerDigest).join(', ')}`);
    if (t.source) {
      const src = (p: Package): string =>
        `${p.sourceName ?? p.name} ${p.type === 'rpm' ? (p.sourceVersion ?? '') : (p.sourceVersion ?? p.version)}`;
      if (!candidates.some((p) => src(p) === t.source))
        out.push(`${t.key}: source ${t.source} (Trivy) vs ${candidates.map(src).join(', ')}`);
    }
  }
  return out;
}

async function shipgateInventory(archive: string): Promise<InventoryResult> {
  const image = await openImage(`docker-archive:${archive}`);
  try {
    const { results } = await walkImage(image, inventoryAnalyzers());
    return collectInventory(results);
  } finally {
    await image.close();
  }
}

// ---- The multi-language image ----

const SITE = '/usr/local/lib/python3.11/site-packages';
const GEMS = '/usr/local/lib/ruby/gems/3.1.0/specifications';
const pj = (o: object): string => JSON.stringify(o, null, 2);
const pyMeta = (name: string, version: string): string =>
  `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: a package\nLicense: MIT\n\n`;
const pom = (g: string, a: string, v: string): Uint8Array =>
  strToU8(`#Generated by Maven\ngroupId=${g}\nartifactId=${a}\nversion=${v}\n`);
const gemspec = (name: string, version: string): string =>
  `# -*- encoding: utf-8 -*-\n# stub: ${name} ${version} ruby lib\n\nGem::Specification.new do |s|\n` +
  `  s.name = "${name}".freeze\n  s.version = "${version}"\n  s.licenses = ["MIT".freeze]\n` +
  `  s.summary = "a gem".freeze\nend\n`;

/** A module in a file:// GOPROXY directory (the module proxy protocol), so `go build` resolves it offline. */
function writeGoProxyModule(
  proxy: string,
  path: string,
  version: string,
  files: Record<string, string>,
): void {
  const dir = join(proxy, path, '@v');
  mkdirSync(dir, { recursive: true });
  const zip: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) zip[`${path}@${version}/${name}`] = strToU8(text);
  writeFileSync(join(dir, 'list'), `${version}\n`);
  writeFileSync(
    join(dir, `${version}.info`),
    JSON.stringify({ Version: version, Time: '2023-11-01T00:00:00Z' }),
  );
  writeFileSync(join(dir, `${version}.mod`), files['go.mod']!);
  writeFileSync(join(dir, `${version}.zip`), zipSync(zip));
}

const lockfile = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../fixtures/inventory/lockfiles', name), 'utf8');

const STRIPPED_PIE = ['-trimpath', '-buildmode=pie', '-ldflags=-s -w'];

/**
 * A Go program built offline with the Debian toolchain: one dependency fetched from a local module proxy (the
 * usual case, a versioned module) and one replaced by a local directory.
 */
async function goBinaries(): Promise<{ server: Buffer; stripped: Buffer }> {
  const sources: Record<string, string> = {
    'lib/go.mod': 'module example.com/greeting\n\ngo 1.19\n',
    'lib/greeting.go': 'package greeting\n\nfunc Hello() string { return "hello" }\n',
    'app/go.mod':
      'module example.com/server\n\ngo 1.19\n\nrequire (\n\texample.com/greeting v1.4.2\n' +
      '\texample.org/units v0.3.1\n)\n\nreplace example.com/greeting v1.4.2 => ../lib\n',
    'app/main.go':
      'package main\n\nimport (\n\t"fmt"\n\t"example.com/greeting"\n\t"example.org/units"\n)\n\n' +
      'func main() { fmt.Println(greeting.Hello(), units.Bytes(2048)) }\n',
  };
  const units = {
    'go.mod': 'module example.org/units\n\ngo 1.19\n',
    'units.go':
      'package units\n\nimport "fmt"\n\nfunc Bytes(n int) string { return fmt.Sprintf("%d KiB", n/1024) }\n',
  };
  const hash = createHash('sha256')
    .update(JSON.stringify([sources, units, STRIPPED_PIE]))
    .digest('hex')
    .slice(0, 16);
  const dir = await cachedFixture(`oracle-go-server-${hash}`, async (tmp) => {
    const work = join(tmp, 'src');
    for (const [path, text] of Object.entries(sources)) {
      mkdirSync(join(work, path, '..'), { recursive: true });
      writeFileSync(join(work, path), text);
    }
    writeGoProxyModule(join(tmp, 'proxy'), 'example.org/units', 'v0.3.1', units);
    const env = {
      ...process.env,
      GOFLAGS: '-mod=mod',
      GOTOOLCHAIN: 'local',
      GOPROXY: `file://${join(tmp, 'proxy')}`,
      GOSUMDB: 'off',
      GOCACHE: join(tmp, 'gocache'),
      GOPATH: join(tmp, 'gopath'),
      CGO_ENABLED: '0',
    };
    await run('go', ['build', '-trimpath', '-o', join(tmp, 'server'), '.'], { cwd: join(work, 'app'), env });
    // The same program stripped of symbols and built position-independent, as release builds often are.
    await run('go', ['build', ...STRIPPED_PIE, '-o', join(tmp, 'server-stripped'), '.'], {
      cwd: join(work, 'app'),
      env,
    });
    await run('chmod', ['-R', 'u+w', tmp]); // Go writes its module cache read-only
    for (const d of ['src', 'proxy', 'gocache', 'gopath'])
      rmSync(join(tmp, d), { recursive: true, force: true });
  });
  return { server: readFileSync(join(dir, 'server')), stripped: readFileSync(join(dir, 'server-stripped')) };
}

/**
 * A Rust binary as cargo-auditable builds it: the crate graph, zlib-compressed JSON, in a `.dep-v0` ELF section.
 * objcopy adds the same section to a real ELF here (no Rust toolchain needed).
 */
async function rustBinary(): Promise<Buffer> {
  const deps = {
    packages: [
      {
        name: 'orders-sync',
        version: '0.4.0',
        source: 'local',
        kind: 'runtime',
        dependencies: [1, 2, 3],
        root: true,
      },
      { name: 'serde', version: '1.0.193', source: 'crates.io', kind: 'runtime' },
      { name: 'tokio', version: '1.35.1', source: 'crates.io', kind: 'runtime' },
      { name: 'cc', version: '1.0.83', source: 'crates.io', kind: 'build' },
    ],
  };
  const hash = createHash('sha256').update(JSON.stringify(deps)).digest('hex').slice(0, 16);
  const dir = await cachedFixture(`oracle-rust-auditable-${hash}`, async (tmp) => {
    writeFileSync(join(tmp, 'dep-v0'), deflateSync(Buffer.from(JSON.stringify(deps))));
    copyFileSync(join(await debianRootfs(), 'usr/bin/true'), join(tmp, 'orders-sync'));
    await run('objcopy', ['--add-section', `.dep-v0=${join(tmp, 'dep-v0')}`, join(tmp, 'orders-sync')]);
  });
  return readFileSync(join(dir, 'orders-sync'));
}

/** A distroless-style dpkg entry: one package per file under status.d (next to Debian's own status file). */
const STATUS_D_LIBSSL = `Package: libssl3
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 6165
Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>
Architecture: amd64
Multi-Arch: same
Source: openssl
Version: 3.0.11-1~deb12u2
Depends: libc6 (>= 2.34)
Description: Secure Sockets Layer toolkit - shared libraries
`;

/** dpkg status paragraphs in states other than plain "installed", as interrupted or partial installs leave them. */
const DPKG_STATES: [string, string][] = [
  ['orders-unpacked', 'install ok unpacked'],
  ['orders-half-configured', 'install ok half-configured'],
  ['orders-half-installed', 'install ok half-installed'],
  ['orders-triggers-pending', 'install ok triggers-pending'],
  ['orders-triggers-awaited', 'install ok triggers-awaited'],
  ['orders-removal-pending', 'deinstall ok installed'],
  ['orders-config-files', 'deinstall ok config-files'],
  ['orders-purged', 'purge ok not-installed'],
];

const dpkgParagraph = (name: string, status: string): string =>
  `Package: ${name}\nStatus: ${status}\nPriority: optional\nSection: misc\nInstalled-Size: 20\n` +
  `Maintainer: Orders Team <orders@example.test>\nArchitecture: amd64\nSource: orders-base (1.0-1)\n` +
  `Version: 1.0-1+b1\nDescription: ${name}\n`;

function multiLanguageSpec(
  go: { server: Buffer; stripped: Buffer },
  rust: Buffer,
  debianStatus: string,
): ImageSpec {
  const appJar = zipSync({
    'META-INF/MANIFEST.MF': strToU8('Manifest-Version: 1.0\nCreated-By: Maven\n\n'),
    'META-INF/maven/com.example/orders/pom.properties': pom('com.example', 'orders', '2.3.1'),
    // A Spring Boot style fat jar: dependencies as nested jars.
    'BOOT-INF/lib/commons-lang3-3.12.0.jar': zipSync({
      // Windows line endings, as some build tools write them.
      'META-INF/MANIFEST.MF': strToU8('Manifest-Version: 1.0\r\n\r\n'),
      'META-INF/maven/org.apache.commons/commons-lang3/pom.properties': pom(
        'org.apache.commons',
        'commons-lang3',
        '3.12.0',
      ),
    }),
  });
  const guava = zipSync({
    'META-INF/maven/com.google.guava/guava/pom.properties': pom('com.google.guava', 'guava', '32.1.3-jre'),
  });
  const manifestOnly = zipSync({
    'META-INF/MANIFEST.MF': strToU8(
      'Manifest-Version: 1.0\nImplementation-Title: jackson-core\nImplementation-Version: 2.15.3\n' +
        'Implementation-Vendor-Id: com.fasterxml.jackson.core\n\n',
    ),
  });
  const war = zipSync({
    'META-INF/MANIFEST.MF': strToU8('Manifest-Version: 1.0\n\n'),
    'WEB-INF/lib/slf4j-api-2.0.9.jar': zipSync({
      'META-INF/maven/org.slf4j/slf4j-api/pom.properties': pom('org.slf4j', 'slf4j-api', '2.0.9'),
    }),
    // A jar nested two levels down (an uber-jar inside the war).
    'WEB-INF/lib/reports-1.0.jar': zipSync({
      'META-INF/maven/com.example/reports/pom.properties': pom('com.example', 'reports', '1.0'),
      'lib/jfreechart-1.5.4.jar': zipSync({
        'META-INF/maven/org.jfree/jfreechart/pom.properties': strToU8(
          'groupId=org.jfree\r\nartifactId=jfreechart\r\nversion=1.5.4\r\n',
        ),
      }),
    }),
  });
  return {
    base: 'debian',
    layers: [
      {
        createdBy: 'COPY --from=build /app/node_modules /app/node_modules # buildkit',
        files: {
          '/app/package.json': pj({ name: 'orders-web', version: '1.0.0', private: true }),
          '/app/node_modules/express/test/fixtures/pkg/package.json': pj({
            name: 'fixture-pkg',
            version: '0.0.1',
          }),
          '/app/node_modules/express/package.json': pj({
            name: 'express',
            version: '4.18.2',
            license: 'MIT',
          }),
          '/app/node_modules/@babel/core/package.json': pj({
            name: '@babel/core',
            version: '7.23.0',
            license: 'MIT',
          }),
          '/app/node_modules/express/node_modules/debug/package.json': pj({
            name: 'debug',
            version: '2.6.9',
            license: 'MIT',
          }),
          '/app/node_modules/@types/node/package.json': pj({
            name: '@types/node',
            version: '20.10.0',
            license: 'MIT',
          }),
          '/app/node_modules/@aws-sdk/client-s3/node_modules/@smithy/types/package.json': pj({
            name: '@smithy/types',
            version: '2.7.0',
          }),
          '/srv/web/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/package.json': pj({
            name: 'lodash',
            version: '4.17.21',
          }),
          '/usr/local/lib/node_modules/npm/package.json': pj({
            name: 'npm',
            version: '10.2.4',
            license: 'Artistic-2.0',
          }),
        },
      },
      {
        createdBy: 'RUN pip install flask typing_extensions zope.interface six urllib3',
        files: {
          [`${SITE}/flask-3.0.0.dist-info/METADATA`]: pyMeta('Flask', '3.0.0'),
          [`${SITE}/typing_extensions-4.8.0.dist-info/METADATA`]: pyMeta('typing_extensions', '4.8.0'),
          [`${SITE}/zope.interface-6.1.dist-info/METADATA`]: pyMeta('zope.interface', '6.1'),
          [`${SITE}/urllib3-2.0.7.dist-info/METADATA`]: pyMeta('urllib3', '2.0.7'),
          [`${SITE}/six-1.16.0-py3.11.egg-info/PKG-INFO`]: pyMeta('six', '1.16.0'),
          [`${SITE}/PyYAML-6.0.1.dist-info/METADATA`]: pyMeta('PyYAML', '6.0.1'),
          '/usr/lib/python3/dist-packages/chardet-5.1.0.egg-info': pyMeta('chardet', '5.1.0'),
          '/usr/lib/python3/dist-packages/certifi-2022.9.24.dist-info/METADATA': pyMeta(
            'certifi',
            '2022.9.24',
          ),
          // Written on Windows: CRLF line endings.
          [`${SITE}/requests-2.31.0.dist-info/METADATA`]: pyMeta('requests', '2.31.0').replace(/\n/g, '\r\n'),
        },
      },
      // Uninstalled again: gone from the final image, so neither tool may list it.
      { createdBy: 'RUN pip uninstall -y urllib3', whiteout: `${SITE}/urllib3-2.0.7.dist-info` },
      {
        createdBy: 'COPY --from=gobuild /out/server /usr/local/bin/server # buildkit',
        files: {
          '/usr/local/bin/server': { content: go.server, mode: 0o755 },
          '/opt/tools/server-release': { content: go.stripped, mode: 0o755 },
          '/usr/local/bin/orders-sync': { content: rust, mode: 0o755 },
        },
      },
      {
        createdBy: 'COPY target/*.jar /opt/app/ # buildkit',
        files: {
          '/opt/app/orders-2.3.1.jar': Buffer.from(appJar),
          '/opt/app/lib/guava-32.1.3-jre.jar': Buffer.from(guava),
          '/opt/app/lib/jackson-core-2.15.3.jar': Buffer.from(manifestOnly),
          '/opt/app/legacy.war': Buffer.from(war),
        },
      },
      {
        createdBy: 'COPY --from=distroless /var/lib/dpkg/status.d/libssl3 /var/lib/dpkg/status.d/ # buildkit',
        files: { '/var/lib/dpkg/status.d/libssl3': STATUS_D_LIBSSL },
      },
      {
        createdBy: 'RUN dpkg --unpack orders-*.deb; dpkg --configure -a || true',
        files: {
          '/var/lib/dpkg/status': `${debianStatus.trimEnd()}\n\n${DPKG_STATES.map(([n, st]) => dpkgParagraph(n, st)).join('\n')}`,
        },
      },
      {
        createdBy: 'RUN gem install rack puma',
        files: {
          [`${GEMS}/rack-3.0.8.gemspec`]: gemspec('rack', '3.0.8'),
          [`${GEMS}/puma-6.4.0.gemspec`]: gemspec('puma', '6.4.0'),
          [`${GEMS}/default/json-2.6.1.gemspec`]: gemspec('json', '2.6.1'),
        },
      },
      {
        createdBy: 'RUN composer install --no-dev',
        files: {
          '/var/www/html/vendor/composer/installed.json': pj({
            packages: [
              { name: 'monolog/monolog', version: '3.5.0', version_normalized: '3.5.0.0', license: ['MIT'] },
              { name: 'psr/log', version: '3.0.0', version_normalized: '3.0.0.0', license: ['MIT'] },
            ],
            dev: false,
            'dev-package-names': [],
          }),
        },
      },
      {
        // Real lockfiles (test/fixtures/inventory/lockfiles), where each ecosystem's build leaves them.
        createdBy: 'COPY --from=build /src /srv # buildkit',
        files: {
          '/srv/rust/Cargo.lock': lockfile('Cargo.lock'),
          '/srv/php/composer.lock': lockfile('composer.lock'),
          '/srv/dotnet/ExampleApp1.deps.json': lockfile('ExampleApp1.deps.json'),
          '/srv/dotnet/api/packages.lock.json': lockfile('packages.lock.json'),
          '/srv/dotnet/legacy/packages.config': lockfile('packages.config'),
          '/srv/go/go.mod': lockfile('go.mod'),
        },
      },
    ],
    config: { Cmd: ['/usr/local/bin/server'] },
  };
}

// ---- OS package images: Alpine (apk database) and Rocky Linux (rpm sqlite database) on scratch ----

const apkRecord = (f: Record<string, string>): string =>
  `${Object.entries(f)
    .map(([k, v]) => `${k}:${v}`)
    .join('\n')}\n`;

/** An apk `installed` database as apk writes it: C checksum, P name, V version, A arch, o origin, L license. */
function apkInstalled(): string {
  const pkgs = [
    { P: 'musl', V: '1.2.4_git20230717-r4', o: 'musl', L: 'MIT' },
    { P: 'busybox', V: '1.36.1-r15', o: 'busybox', L: 'GPL-2.0-only' },
    { P: 'libcrypto3', V: '3.1.4-r5', o: 'openssl', L: 'Apache-2.0' },
    { P: 'libssl3', V: '3.1.4-r5', o: 'openssl', L: 'Apache-2.0' },
    { P: 'ca-certificates-bundle', V: '20240226-r0', o: 'ca-certificates', L: 'MPL-2.0 AND MIT' },
    { P: 'zlib', V: '1.3.1-r0', o: 'zlib', L: 'Zlib' },
    // Installed from a local .apk built without an origin field.
    { P: 'orders-agent', V: '2.1.0-r0', L: 'MIT' },
  ];
  return pkgs
    .map((p) =>
      apkRecord({
        C: `Q1${Buffer.from(p.P.padEnd(20, '.')).toString('base64')}`,
        P: p.P,
        V: p.V,
        A: 'x86_64',
        S: '1024',
        I: '4096',
        T: `${p.P} package`,
        U: 'https://alpinelinux.org',
        L: p.L,
        ...(p.o ? { o: p.o } : {}),
        m: 'Natanael Copa <ncopa@alpinelinux.org>',
        t: '1700000000',
        c: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      }),
    )
    .join('\n');
}

const ALPINE_SPEC: ImageSpec = {
  base: 'scratch',
  layers: [
    {
      createdBy: 'ADD alpine-minirootfs-3.19.1-x86_64.tar.gz /',
      files: {
        '/etc/alpine-release': '3.19.1\n',
        '/etc/os-release':
          'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n' +
          'HOME_URL="https://alpinelinux.org/"\n',
        '/lib/apk/db/installed': apkInstalled(),
      },
    },
  ],
};

const RPM_SPECS: Record<string, string> = {
  // An epoch, a `~` pre-release version and a subpackage whose source rpm has another name.
  'orders-agent': `Name: orders-agent
Version: 2.0~rc1
Release: 3.el9
Epoch: 1
Summary: agent
License: MIT
BuildArch: noarch
%description
agent
%package -n orders-agent-libs
Summary: agent libraries
%description -n orders-agent-libs
agent libraries
%files
%files -n orders-agent-libs
`,
  'orders-tools': `Name: orders-tools
Version: 4.5.1
Release: 7.el9
Summary: tools
License: Apache-2.0
%description
tools
%files
`,
};

/** rpmdb.sqlite written by rpm itself, after installing (database only) packages built with rpmbuild. */
async function rpmDatabase(): Promise<Buffer> {
  const hash = createHash('sha256')
    .update(JSON.stringify([RPM_SPECS, 'gpg-pubkey']))
    .digest('hex')
    .slice(0, 16);
  const dir = await cachedFixture(`oracle-rpmdb-${hash}`, async (tmp) => {
    const top = join(tmp, 'top');
    const rpms = await buildRpms(top, RPM_SPECS);
    const dbpath = join(tmp, 'db');
    await installIntoRpmDb(dbpath, rpms);
    // A signing key imported with rpm --import shows up in the database as a gpg-pubkey "package".
    const gnupg = join(tmp, 'gnupg');
    mkdirSync(gnupg, { mode: 0o700 });
    const env = { ...process.env, GNUPGHOME: gnupg };
    const uid = 'Orders Signing <sign@example.test>';
    await run('gpg', ['--batch', '--passphrase', '', '--quick-gen-key', uid, 'rsa2048', 'sign', 'never'], {
      env,
    });
    writeFileSync(join(tmp, 'key.asc'), await run('gpg', ['--armor', '--export', uid], { env }));
    await run('rpm', ['--dbpath', dbpath, '--import', join(tmp, 'key.asc')]);
    await run('gpgconf', ['--kill', 'all'], { env });
    rmSync(top, { recursive: true, force: true });
    rmSync(gnupg, { recursive: true, force: true });
  });
  return readFileSync(join(dir, 'db', 'rpmdb.sqlite'));
}

function rockySpec(rpmdb: Buffer): ImageSpec {
  return {
    base: 'scratch',
    layers: [
      {
        createdBy: 'ADD rocky-9.3-minimal.tar.xz /',
        files: {
          '/etc/redhat-release': 'Rocky Linux release 9.3 (Blue Onyx)\n',
          '/etc/rocky-release': 'Rocky Linux release 9.3 (Blue Onyx)\n',
          '/etc/os-release':
            'NAME="Rocky Linux"\nVERSION="9.3 (Blue Onyx)"\nID="rocky"\nID_LIKE="rhel centos fedora"\n' +
            'VERSION_ID="9.3"\nPRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"\n',
          '/var/lib/rpm/rpmdb.sqlite': rpmdb,
        },
      },
    ],
  };
}

/** Known differences, by key; a key ending in `@*` stands for any version. Each value says why. */
type Differences = Record<string, string>;

interface Allowances {
  /** Packages Trivy lists that shipgate does not. */
  notInShipgate: Differences;
  /** Packages shipgate lists beyond Trivy: each must be a real package of the image. */
  onlyInShipgate: Differences;
}

/** OS package databases (dpkg, apk, rpm): both tools read the same database and must agree exactly. */
const NO_DIFFERENCES: Allowances = { notInShipgate: {}, onlyInShipgate: {} };

const MULTI_LANGUAGE_DIFFERENCES: Allowances = {
  notInShipgate: {
    'pkg:npm/orders-web@1.0.0':
      "the application's own package.json (outside node_modules, `private: true`) is first-party code, not an " +
      'installed dependency; matched against npm advisories by name it would take on those of any public ' +
      'package of the same name',
    'pkg:npm/fixture-pkg@0.0.1':
      "a test fixture inside express's own directory (node_modules/express/test/fixtures/pkg): npm installs " +
      'packages only directly below a node_modules directory, so this is not an installed package',
    'pkg:cargo/app@0.1.0':
      "the workspace's own crate in Cargo.lock (no `source`): first-party code, left out for the same reason as " +
      'orders-web above',
    'pkg:golang/../lib@(devel)':
      'Trivy names a dependency replaced by a local directory after that directory, which is no module ' +
      'identity; shipgate lists the required module without a version (example.com/greeting, below)',
  },
  onlyInShipgate: {
    'pkg:deb/debian/orders-removal-pending@1.0-1+b1':
      'dpkg status "deinstall ok installed": selected for removal but still installed, its files are in the ' +
      'image; Trivy drops every package whose wanted state is deinstall or purge',
    'pkg:golang/example.com/greeting@':
      'the module the Go binary requires, replaced at build time by a local directory: local code, so without ' +
      'the required version, whose advisories would match code that is not in the binary (Trivy lists the ' +
      'directory)',
    'pkg:golang/golang.org/x/xerrors@':
      'required by go.mod and replaced by a local directory (./xerrors): listed as local code without a version, ' +
      'as in Go binaries; Trivy drops a locally replaced module from a go.mod altogether',
    'pkg:golang/example.com/server@':
      "the Go binary's main module, built from a checkout so unversioned; Trivy leaves out a (devel) main module",
    'pkg:golang/stdlib@*':
      'the Go standard library at the toolchain version the binary was built with, so Go standard library ' +
      'advisories match; this Trivy release does not list it',
    'pkg:maven/com.fasterxml.jackson.core/jackson-core@2.15.3':
      'a jar without pom.properties, identified from MANIFEST.MF (Implementation-Vendor-Id, -Title, -Version); ' +
      'Trivy only identifies such jars through its Java index DB, which is empty offline',
    'pkg:composer/monolog/monolog@3.5.0':
      'from vendor/composer/installed.json, which this Trivy release does not read in images',
    'pkg:composer/psr/log@3.0.0': 'from vendor/composer/installed.json, as above',
  },
};

function allowedBy(list: Differences, k: string): string | undefined {
  return Object.keys(list).find((a) => a === k || (a.endsWith('@*') && k.startsWith(a.slice(0, -1))));
}

function compare(
  trivy: Set<string>,
  shipgate: Set<string>,
  allow: Allowances,
): { missing: string[]; extra: string[]; stale: string[] } {
  const onlyTrivy = [...trivy].filter((k) => !shipgate.has(k));
  const onlyShipgate = [...shipgate].filter((k) => !trivy.has(k));
  const missing = onlyTrivy.filter((k) => !allowedBy(allow.notInShipgate, k)).sort();
  const extra = onlyShipgate.filter((k) => !allowedBy(allow.onlyInShipgate, k)).sort();
  // An allowance no longer needed fails too, so the lists stay honest.
  const used = new Set([
    ...onlyTrivy.map((k) => allowedBy(allow.notInShipgate, k)),
    ...onlyShipgate.map((k) => allowedBy(allow.onlyInShipgate, k)),
  ]);
  const stale = [...Object.keys(allow.notInShipgate), ...Object.keys(allow.onlyInShipgate)].filter(
    (k) => !used.has(k),
  );
  return { missing, extra, stale };
}

function expectAgreement(trivy: Set<string>, shipgate: Set<string>, allow: Allowances): void {
  const { missing, extra, stale } = compare(trivy, shipgate, allow);
  expect(
    missing,
    `Trivy lists, shipgate does not (fix shipgate or allow-list with a reason):\n${missing.join('\n')}`,
  ).toEqual([]);
  expect(
    extra,
    `shipgate lists beyond Trivy (check each is a real package, then allow-list it):\n${extra.join('\n')}`,
  ).toEqual([]);
  expect(stale, `allow-list entries that no longer apply:\n${stale.join('\n')}`).toEqual([]);
}

const TOOLS = [...IMAGE_TOOLS, 'go', 'rpm', 'rpmbuild', 'objcopy', 'gpg', 'gpgconf'];
const missing = missingTools(TOOLS);
const unmet = TRIVY_UNMET ?? (missing.length ? `missing ${missing.join(', ')}` : undefined);

describeWith('Trivy oracle: package inventory of real images', unmet, () => {
  serialHeavySuite();

  let debian: TestImage;
  let multi: TestImage;
  let alpine: TestImage;
  let rocky: TestImage;

  beforeAll(async () => {
    debian = await debianImage();
    multi = await buildImage(
      'oracle-multi-language',
      multiLanguageSpec(
        await goBinaries(),
        await rustBinary(),
        readFileSync(join(debian.rootfs, 'var/lib/dpkg/status'), 'utf8'),
      ),
    );
    alpine = await buildImage('oracle-alpine', ALPINE_SPEC);
    rocky = await buildImage('oracle-rocky', rockySpec(await rpmDatabase()));
  }, 1_200_000);

  it('lists every package Trivy lists in the Debian image, and nothing else', async () => {
    const trivy = await trivyPackages(debian.dockerArchive);
    const inv = await shipgateInventory(debian.dockerArchive);
    expect(trivy.keys.size).toBeGreaterThan(80);
    expect(inv.os).toMatchObject({ id: 'debian', versionId: '12' });
    expectAgreement(trivy.keys, new Set(inv.packages.map((p) => purlKey(p.purl))), NO_DIFFERENCES);
    expect(detailMismatches(trivy.packages, inv.packages)).toEqual([]);
    expect(trivy.packages.every((p) => p.source)).toBe(true);
  }, 120_000);

  it.each([
    // Trivy gives no source for an apk package without an origin; shipgate takes the package itself.
    ['Alpine (apk)', () => alpine, 'apk', 7, 6],
    // The imported signing key (gpg-pubkey) has no source rpm.
    ['Rocky Linux (rpm sqlite)', () => rocky, 'rpm', 4, 3],
  ] as const)(
    'lists every package Trivy lists in the %s image, and nothing else',
    async (_, img, type, n, withSource) => {
      const trivy = await trivyPackages(img().dockerArchive);
      const inv = await shipgateInventory(img().dockerArchive);
      expect(trivy.purls.filter((p) => p.startsWith(`pkg:${type}/`))).toHaveLength(n);
      expectAgreement(trivy.keys, new Set(inv.packages.map((p) => purlKey(p.purl))), NO_DIFFERENCES);
      expect(detailMismatches(trivy.packages, inv.packages)).toEqual([]);
      expect(trivy.packages.filter((p) => p.source)).toHaveLength(withSource);
    },
    120_000,
  );

  it('lists every package Trivy lists in the multi-language image', async () => {
    const trivy = await trivyPackages(multi.dockerArchive);
    const inv = await shipgateInventory(multi.dockerArchive);
    const ours = new Set(inv.packages.map((p) => purlKey(p.purl)));
    // Trivy really read every ecosystem planted (the comparison would be hollow otherwise).
    const types = new Set(trivy.purls.map((p) => PackageURL.fromString(p).type));
    expect([...types].sort()).toEqual([
      'cargo',
      'composer',
      'deb',
      'gem',
      'golang',
      'maven',
      'npm',
      'nuget',
      'pypi',
      'rustbinary',
    ]);
    // The package removed by a later layer is gone for both.
    for (const keys of [trivy.keys, ours]) expect([...keys].filter((k) => k.includes('urllib3'))).toEqual([]);
    expectAgreement(trivy.keys, ours, MULTI_LANGUAGE_DIFFERENCES);
    expect(detailMismatches(trivy.packages, inv.packages)).toEqual([]);
  }, 120_000);
});
