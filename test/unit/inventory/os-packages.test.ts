import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import { apkAnalyzer, parseApkInstalled } from '../../../src/inventory/analyzers/apk';
import { parseOsRelease } from '../../../src/core/os-release';
import { osReleaseAnalyzer, parseFallback } from '../../../src/inventory/analyzers/os-release';
import { collectInventory } from '../../../src/inventory/collect';
import { eolDate, osEndOfLife } from '../../../src/inventory/eol';
import { feedDir, feedLayers } from '../../support/feed';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sg-tree-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

// Two records in the layout apk-tools writes (from an Alpine 3.19 image), including the file list lines.
const APK_DB = `C:Q1ZnQ1U3s9Gk3cJgT4dUs7yBnG+qs=
P:musl
V:1.2.4_git20230717-r4
A:x86_64
S:407741
I:664576
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Timo Teräs <timo.teras@iki.fi>
t:1703002044
c:ae5bd9c30e3b8b2a2ac2ac59fbbf4d8e6ccd5fc5
p:so:libc.musl-x86_64.so.1=1
F:lib
R:ld-musl-x86_64.so.1
a:0:0:755
Z:Q1TgIHLpX4PP8fIbrAo9yy7/APbCQ=
R:libc.musl-x86_64.so.1

C:Q1rJRK4Kv6GqJx5Xf6YWnd5TjP8/0=
P:libcrypto3
V:3.1.4-r5
A:x86_64
S:1712345
I:4419584
T:Crypto library from openssl
U:https://www.openssl.org/
L:Apache-2.0
o:openssl
m:Ariadne Conill <ariadne@dereferenced.org>
t:1707159393
c:d4a2c6c1b4d2a84bd8dbf20b9d67c0a3c2b2b8b5
D:so:libc.musl-x86_64.so.1
p:so:libcrypto.so.3=3
F:lib
R:libcrypto.so.3
a:0:0:755
Z:Q1r2OZxH4BUmPvNQp7y2AxhZ5d1fU=

C:Q1d0D7I3Qj1qAHS4cZ5+R1h7m6uW4=
P:ssl_client
V:1.36.1-r15
A:x86_64
L:GPL-2.0-only MIT
o:busybox
c:7b52fc1ba1ffb0f1a0e4e6b5f6c0cbd7e21f5f0a
`;

describe('apk installed database', () => {
  it('reads name, version, arch, origin and license of every record', () => {
    const pkgs = parseApkInstalled(APK_DB);
    expect(pkgs.map((p) => [p.name, p.version, p.arch, p.sourceName, p.licenses])).toEqual([
      ['musl', '1.2.4_git20230717-r4', 'x86_64', 'musl', ['MIT']],
      ['libcrypto3', '3.1.4-r5', 'x86_64', 'openssl', ['Apache-2.0']],
      ['ssl_client', '1.36.1-r15', 'x86_64', 'busybox', ['GPL-2.0-only', 'MIT']],
    ]);
  });

  it('gives Alpine purls with distro and upstream, and attributes packages to layers', async () => {
    const records = APK_DB.trim().split('\n\n');
    const base = tree({
      'etc/os-release':
        'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n',
      'lib/apk/db/installed': `${records.slice(0, 2).join('\n\n')}\n\n`,
    });
    const added = tree({ 'lib/apk/db/installed': `${records.join('\n\n')}\n` });
    const upgraded = tree({
      'lib/apk/db/installed': `${records.join('\n\n').replace('V:3.1.4-r5', 'V:3.1.4-r6')}\n`,
    });
    const inv = collectInventory(
      await feedLayers(
        [osReleaseAnalyzer(), apkAnalyzer()],
        [
          { dir: base, createdBy: 'ADD alpine-minirootfs.tar.gz /' },
          { dir: added, createdBy: 'RUN apk add --no-cache ssl_client' },
          { dir: upgraded, createdBy: 'RUN apk upgrade libcrypto3' },
        ],
      ),
    );
    expect(inv.os).toMatchObject({ id: 'alpine', versionId: '3.19.1' });
    const byName = new Map(inv.packages.map((p) => [p.name, p]));
    expect(byName.get('libcrypto3')!.purl).toBe(
      'pkg:apk/alpine/libcrypto3@3.1.4-r6?arch=x86_64&distro=alpine-3.19.1&upstream=openssl',
    );
    expect(byName.get('libcrypto3')!.layerIndex).toBe(2);
    expect(byName.get('musl')!.layerIndex).toBe(0);
    expect(byName.get('ssl_client')!.layerIndex).toBe(1);
    expect(byName.get('ssl_client')!.createdBy).toBe('RUN apk add --no-cache ssl_client');
    for (const p of inv.packages) expect(PackageURL.fromString(p.purl).toString()).toBe(p.purl);
  });
});

describe('os-release and end of life', () => {
  it('reads os-release fields and the fallbacks', () => {
    expect(
      parseOsRelease(
        'PRETTY_NAME="Ubuntu 22.04.4 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="22.04.4 LTS (Jammy Jellyfish)"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\n',
      ),
    ).toEqual({
      id: 'ubuntu',
      versionId: '22.04',
      codename: 'jammy',
      prettyName: 'Ubuntu 22.04.4 LTS',
      idLike: ['debian'],
    });
    expect(parseFallback('/etc/debian_version', '11.9\n')).toMatchObject({ id: 'debian', versionId: '11' });
    expect(parseFallback('/etc/alpine-release', '3.18.6\n')).toMatchObject({
      id: 'alpine',
      versionId: '3.18.6',
    });
    expect(parseFallback('/etc/redhat-release', 'CentOS Linux release 7.9.2009 (Core)\n')).toMatchObject({
      id: 'centos',
      versionId: '7.9',
      codename: 'core',
    });
    expect(
      parseFallback('/etc/redhat-release', 'Red Hat Enterprise Linux release 8.9 (Ootpa)\n'),
    ).toMatchObject({
      id: 'rhel',
      versionId: '8.9',
    });
    expect(
      parseFallback('/etc/lsb-release', 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=20.04\nDISTRIB_CODENAME=focal\n'),
    ).toMatchObject({ id: 'ubuntu', versionId: '20.04', codename: 'focal' });
  });

  it('matches releases by their longest known version prefix and compares with the given date', () => {
    expect(eolDate({ id: 'alpine', versionId: '3.16.9' })).toBe('2024-05-23');
    expect(eolDate({ id: 'rhel', versionId: '7.9' })).toBe('2024-06-30');
    expect(eolDate({ id: 'debian', versionId: '12' })).toBe('2028-06-30');
    expect(eolDate({ id: 'plan9', versionId: '4' })).toBeUndefined();
    expect(osEndOfLife({ id: 'debian', versionId: '10' }, new Date('2024-06-30T12:00:00Z'))?.eol).toBe(false);
    expect(osEndOfLife({ id: 'debian', versionId: '10' }, new Date('2024-07-01T00:00:00Z'))?.eol).toBe(true);
  });

  it('flags an end-of-life image and prefers /etc/os-release over fallbacks', async () => {
    const dir = tree({
      'etc/os-release': 'ID=debian\nVERSION_ID="9"\nVERSION_CODENAME=stretch\n',
      'etc/debian_version': '9.13\n',
      'etc/lsb-release': 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=20.04\n',
    });
    const inv = collectInventory(await feedDir([osReleaseAnalyzer()], dir));
    expect(inv.os).toMatchObject({
      id: 'debian',
      versionId: '9',
      codename: 'stretch',
      eol: true,
      eolDate: '2022-06-30',
    });
  });
});
