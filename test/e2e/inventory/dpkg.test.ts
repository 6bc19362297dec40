import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { dpkgAnalyzer, parseDep5Licenses, parseDpkgStatus } from '../../../src/inventory/analyzers/dpkg';
import { osReleaseAnalyzer } from '../../../src/inventory/analyzers/os-release';
import { collectInventory } from '../../../src/inventory/collect';
import { DEBIAN_TOOLS, debianRootfs, run } from '../../support/debian';
import { describeWithTools } from '../../support/tools';
import { feedDir, feedLayers } from '../../support/feed';

describeWithTools('dpkg inventory of a debootstrapped Debian', DEBIAN_TOOLS, () => {
  let rootfs: string;
  beforeAll(async () => {
    rootfs = await debianRootfs();
  });

  it('equals dpkg-query: name, version, source name and source version', async () => {
    const oracle = await run('dpkg-query', [
      '-W',
      '-f',
      '${Package}\t${Version}\t${source:Package}\t${source:Version}\t${db:Status-Status}\n',
      `--admindir=${join(rootfs, 'var/lib/dpkg')}`,
    ]);
    const expected = oracle
      .trim()
      .split('\n')
      .map((l) => l.split('\t'))
      .filter((f) => f[4] === 'installed')
      .map((f) => f.slice(0, 4).join('\t'))
      .sort();
    const inv = collectInventory(await feedDir([osReleaseAnalyzer(), dpkgAnalyzer()], rootfs));
    const got = inv.packages.map((p) => [p.name, p.version, p.sourceName, p.sourceVersion].join('\t')).sort();
    expect(got.length).toBeGreaterThan(50);
    expect(got).toEqual(expected);
  });

  it('gives every package a distro-qualified deb purl that round-trips, its layer, and DEP-5 licenses', async () => {
    const inv = collectInventory(
      await feedDir([osReleaseAnalyzer(), dpkgAnalyzer()], rootfs, 'ADD rootfs.tar /'),
    );
    const osRelease = readFileSync(join(rootfs, 'usr/lib/os-release'), 'utf8');
    const versionId = /^VERSION_ID="?([^"\n]+)/m.exec(osRelease)![1];
    expect(inv.os?.id).toBe('debian');
    expect(inv.os?.versionId).toBe(versionId);
    for (const p of inv.packages) {
      const parsed = PackageURL.fromString(p.purl);
      expect(parsed.type).toBe('deb');
      expect(parsed.namespace).toBe('debian');
      expect(parsed.name).toBe(p.name);
      expect(parsed.version).toBe(p.version);
      expect(parsed.qualifiers?.distro).toBe(`debian-${versionId}`);
      expect(parsed.qualifiers?.arch).toBe(p.arch);
      expect(PackageURL.fromString(parsed.toString()).toString()).toBe(p.purl);
      expect(p.path).toBe('/var/lib/dpkg/status');
      expect(p.createdBy).toBe('ADD rootfs.tar /');
      expect(p.layerIndex).toBe(0);
    }
    // Licenses come only from machine-readable copyright files; check them against the files themselves.
    const withDep5 = inv.packages.filter((p) => {
      const text = readFileSync(join(rootfs, 'usr/share/doc', p.name, 'copyright'), {
        encoding: 'utf8',
        flag: 'r',
      });
      return /^Format:/.test(text);
    });
    expect(withDep5.length).toBeGreaterThan(5);
    for (const p of withDep5) expect(p.licenses?.length).toBeGreaterThan(0);
  });

  it('attributes each package to the layer whose database version first listed it', async () => {
    // Layer 0: the rootfs minus two packages; layer 1: the full status file, as `apt-get install` would write it.
    const base = mkdtempSync(join(tmpdir(), 'sg-dpkg-'));
    const full = readFileSync(join(rootfs, 'var/lib/dpkg/status'), 'utf8');
    const paragraphs = full.trim().split('\n\n');
    const removed = paragraphs.slice(-2).map((p) => /^Package: (.+)$/m.exec(p)![1]);
    const l0 = join(base, 'l0/var/lib/dpkg');
    const l1 = join(base, 'l1/var/lib/dpkg');
    mkdirSync(l0, { recursive: true });
    mkdirSync(l1, { recursive: true });
    writeFileSync(join(l0, 'status'), `${paragraphs.slice(0, -2).join('\n\n')}\n`);
    cpSync(join(rootfs, 'var/lib/dpkg/status'), join(l1, 'status'));
    const inv = collectInventory(
      await feedLayers(
        [dpkgAnalyzer()],
        [
          { dir: join(base, 'l0'), createdBy: 'ADD base.tar /' },
          { dir: join(base, 'l1'), createdBy: 'RUN apt-get install -y extra' },
        ],
      ),
    );
    for (const p of inv.packages) {
      const fromSecond = removed.includes(p.name);
      expect(p.layerIndex, p.name).toBe(fromSecond ? 1 : 0);
      expect(p.createdBy).toBe(fromSecond ? 'RUN apt-get install -y extra' : 'ADD base.tar /');
    }
  });
});

describe('dpkg parsing', () => {
  it('keeps installed packages only and reads Source with and without a version', () => {
    const pkgs = parseDpkgStatus(
      [
        'Package: libfoo1\nStatus: install ok installed\nArchitecture: amd64\nSource: foo (1.2-3)\nVersion: 1.2-3+b1',
        'Package: gone\nStatus: deinstall ok config-files\nVersion: 1.0',
        'Package: held\nStatus: hold ok installed\nArchitecture: all\nVersion: 2:4.0\nSource: heldsrc',
      ].join('\n\n'),
    );
    expect(pkgs.map((p) => [p.name, p.version, p.sourceName, p.sourceVersion, p.arch])).toEqual([
      ['libfoo1', '1.2-3+b1', 'foo', '1.2-3', 'amd64'],
      ['held', '2:4.0', 'heldsrc', '2:4.0', 'all'],
    ]);
    expect(PackageURL.fromString(pkgs[0]!.purl).qualifiers?.upstream).toBe('foo@1.2-3');
  });

  it('reads distroless status.d files (no Status field) and ignores md5sums', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-distroless-'));
    mkdirSync(join(dir, 'var/lib/dpkg/status.d'), { recursive: true });
    mkdirSync(join(dir, 'etc'), { recursive: true });
    writeFileSync(
      join(dir, 'etc/os-release'),
      'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\n',
    );
    writeFileSync(
      join(dir, 'var/lib/dpkg/status.d/libssl3'),
      'Package: libssl3\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\nSource: openssl\n',
    );
    writeFileSync(join(dir, 'var/lib/dpkg/status.d/libssl3.md5sums'), 'abc  usr/lib/x.so\n');
    const inv = collectInventory(await feedDir([osReleaseAnalyzer(), dpkgAnalyzer()], dir));
    expect(inv.os).toMatchObject({ id: 'debian', versionId: '12', codename: 'bookworm' });
    expect(inv.packages.map((p) => p.purl)).toEqual([
      'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl',
    ]);
    expect(inv.packages[0]!.path).toBe('/var/lib/dpkg/status.d/libssl3');
  });

  it('reads DEP-5 license names and ignores free-form copyright files', () => {
    const dep5 =
      'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: GPL-2+ or Artistic\n\nFiles: debian/*\nLicense: BSD-3-clause\n Redistribution...\n';
    expect(parseDep5Licenses(dep5)).toEqual(['GPL-2+', 'Artistic', 'BSD-3-clause']);
    expect(
      parseDep5Licenses('This is Debian prepackaged version of foo.\nLicense: whatever\n'),
    ).toBeUndefined();
  });
});
