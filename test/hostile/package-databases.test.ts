/**
 * Corrupt package databases fail closed: a database in the final filesystem that cannot be read makes the
 * inventory analyzer fail, and the scan is not approved with a reason naming the analyzer and the database.
 * A corrupt copy that a later layer deleted or replaced, or an older backend rpm no longer uses, does not block.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { LAYER_TAR, tarOf, writeLayoutImage, type TarEntrySpec } from '../support/images';
import { shipgate, suiteTmp, type CliRun } from './support';

const tmp = suiteTmp('package-dbs');

/** Deterministic bytes that are no database format (with NULs, invalid UTF-8 and no structure). */
function garbage(size: number, seed = 7): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** An rpm sqlite database (the Packages(hnum, blob) table rpm writes) holding the given blobs. */
async function rpmSqlite(blobs: Buffer[]): Promise<Buffer> {
  const SQL = await initSqlJs({
    locateFile: () => createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'),
  });
  const db = new SQL.Database();
  db.run('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
  for (const b of blobs) db.run('INSERT INTO Packages (blob) VALUES (?)', [b]);
  const bytes = Buffer.from(db.export());
  db.close();
  return bytes;
}

let n = 0;
/** Scans an image made of these layers (files given without the leading slash). */
async function scan(layers: TarEntrySpec[][]): Promise<CliRun> {
  const dir = join(tmp, `image-${n++}`);
  const blobs = await Promise.all(layers.map((files) => tarOf(files)));
  writeLayoutImage(
    dir,
    'latest',
    blobs.map((blob) => ({ blob, mediaType: LAYER_TAR })),
  );
  return shipgate(['scan', '--image', `oci:${dir}:latest`, '--scanners', 'secret']);
}

const file = (name: string, content: string | Buffer): TarEntrySpec => ({ name, content });

function expectRefused(r: CliRun, sub: string, path: string, why: RegExp): void {
  const out = `${r.stdout}\n${r.stderr}`;
  expect(r.code, out).toBe(1);
  expect(out).not.toMatch(/\n\s+at /);
  const reason = out
    .split('\n')
    .find((l) => l.includes(`analyzer inventory ${sub} failed`) && l.includes(path));
  expect(reason, out).toBeDefined();
  expect(reason).toMatch(why);
}

function expectApproved(r: CliRun): void {
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
}

const DPKG_OK = 'Package: base-files\nStatus: install ok installed\nArchitecture: amd64\nVersion: 12.4\n';

describe('a corrupt package database in the final filesystem is not approved', () => {
  it('rpm sqlite: garbage bytes', { timeout: 30_000 }, async () => {
    const r = await scan([[file('var/lib/rpm/rpmdb.sqlite', garbage(64 * 1024))]]);
    expectRefused(r, 'rpm', '/var/lib/rpm/rpmdb.sqlite', /cannot read the rpm database/);
  });

  it('rpm sqlite: a real database truncated to its first page', { timeout: 30_000 }, async () => {
    const db = await rpmSqlite([garbage(8192, 1), garbage(8192, 2), garbage(8192, 3)]);
    const r = await scan([[file('usr/lib/sysimage/rpm/rpmdb.sqlite', db.subarray(0, 4096))]]);
    expectRefused(r, 'rpm', '/usr/lib/sysimage/rpm/rpmdb.sqlite', /cannot read the rpm database/);
  });

  it('rpm sqlite: a readable database holding a record that is no package header', async () => {
    const db = await rpmSqlite([garbage(512)]);
    const r = await scan([[file('var/lib/rpm/rpmdb.sqlite', db)]]);
    expectRefused(r, 'rpm', '/var/lib/rpm/rpmdb.sqlite', /1 record\(s\) are not readable package headers/);
  });

  it('rpm Berkeley DB Packages: garbage, and truncated', { timeout: 30_000 }, async () => {
    expectRefused(
      await scan([[file('var/lib/rpm/Packages', garbage(16 * 1024))]]),
      'rpm',
      '/var/lib/rpm/Packages',
      /not a Berkeley DB/,
    );
    expectRefused(
      await scan([[file('var/lib/rpm/Packages', garbage(100))]]),
      'rpm',
      '/var/lib/rpm/Packages',
      /too short/,
    );
  });

  it('rpm ndb Packages.db: garbage', async () => {
    const r = await scan([[file('usr/lib/sysimage/rpm/Packages.db', garbage(16 * 1024))]]);
    expectRefused(r, 'rpm', '/usr/lib/sysimage/rpm/Packages.db', /not an rpm ndb database/);
  });

  it('dpkg status: a malformed stanza', async () => {
    const r = await scan([[file('var/lib/dpkg/status', `${DPKG_OK}\nthis line is not a field\n`)]]);
    expectRefused(r, 'dpkg', '/var/lib/dpkg/status', /line 6 is neither a field nor a continuation/);
  });

  it('dpkg status: a stanza without Package, and an installed package without Version', async () => {
    expectRefused(
      await scan([[file('var/lib/dpkg/status', `${DPKG_OK}\nVersion: 1.0\nStatus: install ok installed\n`)]]),
      'dpkg',
      '/var/lib/dpkg/status',
      /record 2 has no Package field/,
    );
    expectRefused(
      await scan([[file('var/lib/dpkg/status', 'Package: libc6\nStatus: install ok installed\n')]]),
      'dpkg',
      '/var/lib/dpkg/status',
      /package libc6 has no Version field/,
    );
  });

  it('dpkg status and a distroless status.d file: binary garbage', async () => {
    expectRefused(
      await scan([[file('var/lib/dpkg/status', Buffer.concat([Buffer.from(DPKG_OK), garbage(4096)]))]]),
      'dpkg',
      '/var/lib/dpkg/status',
      /not UTF-8 text|binary content/,
    );
    expectRefused(
      await scan([[file('var/lib/dpkg/status.d/libssl3', `Package: libssl3\nVersion: 3.0.11\n\0\0\0`)]]),
      'dpkg',
      '/var/lib/dpkg/status.d/libssl3',
      /binary content \(a NUL byte at offset 33\)/,
    );
  });

  it('apk installed: garbage', async () => {
    expectRefused(
      await scan([[file('lib/apk/db/installed', garbage(4096))]]),
      'apk',
      '/lib/apk/db/installed',
      /cannot read the apk database/,
    );
    expectRefused(
      await scan([[file('lib/apk/db/installed', 'P:musl\nV:1.2.4-r4\n\nnot a field at all\n')]]),
      'apk',
      '/lib/apk/db/installed',
      /record 2: a line is not a field/,
    );
  });
});

describe('a corrupt database that is not the visible one does not block', () => {
  it('deleted by a later layer (whiteout)', { timeout: 60_000 }, async () => {
    expectApproved(
      await scan([
        [file('var/lib/rpm/rpmdb.sqlite', garbage(8192))],
        [file('var/lib/rpm/.wh.rpmdb.sqlite', '')],
      ]),
    );
    expectApproved(
      await scan([[file('var/lib/dpkg/status', garbage(4096))], [file('var/lib/dpkg/.wh.status', '')]]),
    );
    expectApproved(
      await scan([[file('lib/apk/db/installed', garbage(4096))], [file('lib/apk/db/.wh..wh..opq', '')]]),
    );
  });

  it('replaced by a readable copy in a later layer', async () => {
    expectApproved(
      await scan([[file('var/lib/dpkg/status', garbage(4096))], [file('var/lib/dpkg/status', DPKG_OK)]]),
    );
  });

  it('an older rpm backend left behind by a migration to sqlite', async () => {
    const current = await rpmSqlite([]);
    expectApproved(
      await scan([
        [file('var/lib/rpm/Packages', garbage(16 * 1024)), file('var/lib/rpm/rpmdb.sqlite', current)],
      ]),
    );
  });
});
