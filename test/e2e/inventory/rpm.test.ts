import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Package } from '../../../src/core/package';
import { parseRpmDb, rpmAnalyzer } from '../../../src/inventory/analyzers/rpm';
import { osReleaseAnalyzer } from '../../../src/inventory/analyzers/os-release';
import { collectInventory } from '../../../src/inventory/collect';
import { osPackagePurl } from '../../../src/inventory/purl';
import { readSqliteBlobs } from '../../../src/inventory/rpm/sqlite';
import { run } from '../../support/debian';
import { buildRpms, installIntoRpmDb } from '../../support/rpm';
import { describeWithTools } from '../../support/tools';
import { feedDir } from '../../support/feed';

/** Spec files: an Epoch with a `~` version, a subpackage (its source rpm differs from its name), an arch package. */
const SPECS: Record<string, string> = {
  alpha: `Name: alpha
Version: 1.0~rc1
Release: 2%{?dist}
Epoch: 3
Summary: alpha
License: MIT and (GPLv2+ or BSD)
BuildArch: noarch
%description
alpha
%package -n alpha-libs
Summary: alpha libraries
%description -n alpha-libs
alpha libraries
%files
%files -n alpha-libs
`,
  beta: `Name: beta
Version: 2.4.1
Release: 7.el9
Summary: beta
License: Apache-2.0
%description
beta
%files
`,
  gamma: `Name: gamma
Version: 0.9
Release: 1
Summary: gamma
License: GPL-3.0-or-later
BuildArch: noarch
%description
gamma
%files
`,
};

const QF =
  '%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\t%{LICENSE}\\t%{MODULARITYLABEL}\\n';

function ours(p: Package): string {
  const m = /^(?:(\d+):)?(.*)-([^-]*)$/.exec(p.version)!;
  const src = p.sourceName ? `${p.sourceName}-${p.sourceVersion}.src.rpm` : '(none)';
  return [
    p.name,
    m[1] ?? '0',
    m[2],
    m[3],
    p.arch,
    src,
    p.licenses?.[0] ?? '(none)',
    p.modularityLabel ?? '(none)',
  ].join('\t');
}

/** db_load -T input: key and value lines, every byte as a backslash hex escape. */
function dbLoadText(records: [Uint8Array, Uint8Array][]): string {
  const hex = (b: Uint8Array): string => [...b].map((x) => `\\${x.toString(16).padStart(2, '0')}`).join('');
  return records.map(([k, v]) => `${hex(k)}\n${hex(v)}\n`).join('');
}

function int32le(n: number): Uint8Array {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** An ndb Packages.db laid out as rpm's lib/backend/ndb/rpmpkg.c writes it (one slot page, 16-byte blocks). */
function ndbFile(blobs: Uint8Array[]): Buffer {
  const page = 4096;
  const parts: Buffer[] = [];
  const slots = Buffer.alloc(page);
  slots.write('RpmP', 0, 'latin1');
  slots.writeUInt32LE(0, 4); // version
  slots.writeUInt32LE(1, 8); // generation
  slots.writeUInt32LE(1, 12); // slot pages
  slots.writeUInt32LE(blobs.length + 1, 16); // next package index
  let block = page / 16;
  for (let s = 2; s < page / 16; s++) slots.write('Slot', s * 16, 'latin1');
  blobs.forEach((blob, i) => {
    const len = 16 + blob.byteLength + 12; // header, blob, tail (checksum, length, magic)
    const blocks = Math.ceil(len / 16);
    slots.writeUInt32LE(i + 1, (i + 2) * 16 + 4);
    slots.writeUInt32LE(block, (i + 2) * 16 + 8);
    slots.writeUInt32LE(blocks, (i + 2) * 16 + 12);
    const b = Buffer.alloc(blocks * 16);
    b.write('BlbS', 0, 'latin1');
    b.writeUInt32LE(i + 1, 4);
    b.writeUInt32LE(1, 8);
    b.writeUInt32LE(blob.byteLength, 12);
    Buffer.from(blob).copy(b, 16);
    b.write('BlbE', blocks * 16 - 4, 'latin1');
    parts.push(b);
    block += blocks;
  });
  const out = Buffer.concat([slots, ...parts]);
  const padded = Buffer.alloc(Math.ceil(out.length / page) * page);
  out.copy(padded);
  return padded;
}

describeWithTools('rpm databases written by rpm itself', ['rpm', 'rpmbuild'], () => {
  let work: string;
  let expected: string[];
  let sqliteBytes: Buffer;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sg-rpm-'));
    const top = join(work, 'top');
    const rpms = await buildRpms(top, SPECS, (name) =>
      name === 'beta' ? ['--define', 'modularitylabel beta:2:9040020240101:abcdef12'] : [],
    );
    const dbpath = join(work, 'root/var/lib/rpm');
    await installIntoRpmDb(dbpath, rpms);
    expected = (await run('rpm', ['-qa', '--dbpath', dbpath, '--qf', QF])).trim().split('\n').sort();
    sqliteBytes = readFileSync(join(dbpath, 'rpmdb.sqlite'));
  }, 120_000);

  it('reads rpmdb.sqlite exactly as rpm -qa does (epoch, ~ version, source rpm, license, modularity label)', async () => {
    expect(expected).toHaveLength(4);
    const got = (await parseRpmDb('sqlite', sqliteBytes)).map(ours).sort();
    expect(got).toEqual(expected);
  });

  it('lists an image with rpmdb.sqlite under the OS with rpm purls that round-trip', async () => {
    mkdirSync(join(work, 'root/etc'), { recursive: true });
    writeFileSync(
      join(work, 'root/etc/os-release'),
      'NAME="Rocky Linux"\nVERSION="9.3 (Blue Onyx)"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\nPRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"\n',
    );
    const inv = collectInventory(await feedDir([osReleaseAnalyzer(), rpmAnalyzer()], join(work, 'root')));
    expect(inv.packages.map(ours).sort()).toEqual(expected);
    const alpha = inv.packages.find((p) => p.name === 'alpha')!;
    const parsed = PackageURL.fromString(alpha.purl);
    expect([parsed.type, parsed.namespace, parsed.name, parsed.version]).toEqual([
      'rpm',
      'rocky',
      'alpha',
      '1.0~rc1-2',
    ]);
    expect(parsed.qualifiers).toEqual({
      arch: 'noarch',
      distro: 'rocky-9.3',
      epoch: '3',
      upstream: 'alpha-1.0~rc1-2.src.rpm',
    });
    for (const p of inv.packages) {
      expect(PackageURL.fromString(p.purl).toString()).toBe(p.purl);
      expect(p.path).toBe('/var/lib/rpm/rpmdb.sqlite');
    }
  });

  describeWithTools('Berkeley DB Packages (written by db_load from the same headers)', ['db5.3_load'], () => {
    it.each([4096, 512, 65536])(
      'reads a hash database with %i-byte pages (overflow and on-page items)',
      async (pageSize) => {
        const blobs = await readSqliteBlobs(sqliteBytes);
        // rpm keys records by instance number; record 0 holds bookkeeping, not a header.
        const records: [Uint8Array, Uint8Array][] = [[int32le(0), int32le(blobs.length + 1)]];
        blobs.forEach((b, i) => records.push([int32le(i + 1), b]));
        const dir = mkdtempSync(join(tmpdir(), 'sg-bdb-'));
        writeFileSync(join(dir, 'in.txt'), dbLoadText(records));
        await run('db5.3_load', [
          '-T',
          '-t',
          'hash',
          '-c',
          `db_pagesize=${pageSize}`,
          '-f',
          join(dir, 'in.txt'),
          join(dir, 'Packages'),
        ]);
        const got = (await parseRpmDb('bdb', readFileSync(join(dir, 'Packages')))).map(ours).sort();
        expect(got).toEqual(expected);
      },
    );
  });

  it('reads an ndb Packages.db holding the same headers', async () => {
    // The Debian rpm build has no ndb backend, so the file is laid out here after rpm's rpmpkg.c.
    const blobs = await readSqliteBlobs(sqliteBytes);
    const got = (await parseRpmDb('ndb', ndbFile(blobs))).map(ours).sort();
    expect(got).toEqual(expected);
  });
});

describe('rpm purls', () => {
  it('use the vendor namespace of the distribution', () => {
    const p = { name: 'bash', version: '1:5.1.8-6.el9', type: 'rpm' as const, purl: '', arch: 'x86_64' };
    expect(osPackagePurl(p, { id: 'rhel', versionId: '9.3' })).toBe(
      'pkg:rpm/redhat/bash@5.1.8-6.el9?arch=x86_64&distro=rhel-9.3&epoch=1',
    );
    expect(osPackagePurl(p, { id: 'opensuse-leap', versionId: '15.5' })).toMatch(/^pkg:rpm\/opensuse\/bash@/);
    expect(osPackagePurl(p, { id: 'fedora', versionId: '39' })).toMatch(
      /^pkg:rpm\/fedora\/bash@.*distro=fedora-39/,
    );
  });
});

describe('rpm database errors', () => {
  it('rejects files that are not databases of the named backend', async () => {
    await expect(parseRpmDb('bdb', Buffer.alloc(4096))).rejects.toThrow(/not a Berkeley DB/);
    await expect(parseRpmDb('ndb', Buffer.alloc(4096))).rejects.toThrow(/not an rpm ndb/);
    await expect(parseRpmDb('sqlite', Buffer.from('not sqlite'.repeat(100)))).rejects.toThrow();
  });
});
