/**
 * Incremental refresh of the OSV cache from the bucket's modified_id.csv, against the local bucket stand-in
 * serving the real fixture records: only changed records are fetched, withdrawals apply, and the result
 * matches exactly what a fresh build from the same records matches. Anything untrustworthy falls back to the
 * whole archive.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Logger, MemorySink, setLogger } from '../../../src/core/logger';
import type { Package } from '../../../src/core/package';
import { matchVulnerabilities } from '../../../src/vuln/match';
import { MAX_INCREMENTAL_RECORDS } from '../../../src/vuln/osv/incremental';
import { loadLocalDatabase } from '../../../src/vuln/osv/local';
import {
  cachePaths,
  FULL_REFRESH_MS,
  loadRemoteDatabase,
  type CacheMeta,
} from '../../../src/vuln/osv/remote';
import type { OsvRecord } from '../../../src/vuln/osv/types';
import { FakeOsv, fixtureRecords } from '../../support/fake-osv';
import { DEBIAN_9, deb } from '../../support/vuln';

const HTTP = { retries: 1, backoffMs: 5, maxWaitMs: 20, timeoutMs: 5_000 };
const T0 = Date.parse('2026-11-01T00:00:00Z');
let fake: FakeOsv;
let dir: string;
let sink: MemorySink;

beforeAll(async () => {
  fake = new FakeOsv();
  await fake.start();
});
afterAll(() => fake.stop());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-osv-inc-'));
  fake.requests.length = 0;
  fake.failures = [];
  fake.archives.clear();
  fake.records.clear();
  fake.current.clear();
  fake.rawListings.clear();
  fake.listings = true;
  fake.setArchive('Debian', fixtureRecords('Debian'));
  sink = new MemorySink();
  setLogger(new Logger([sink], 'debug'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const load = (at: number) =>
  loadRemoteDatabase(['Debian'], {
    baseUrl: fake.url,
    cacheDir: dir,
    http: HTTP,
    maxAgeMs: 0,
    now: () => at,
  });
const meta = (): CacheMeta => JSON.parse(readFileSync(cachePaths(dir, 'Debian').meta, 'utf8')) as CacheMeta;
const paths = () => fake.requests.map((r) => r.path);

/** Every package the records name, at every version their events name, plus a very old and a very new one. */
function probePackages(records: OsvRecord[]): Package[] {
  const out: Package[] = [];
  for (const r of records)
    for (const a of r.affected ?? []) {
      const versions = new Set(['0.1', '99:99']);
      for (const range of a.ranges ?? [])
        for (const e of range.events) for (const v of Object.values(e)) versions.add(String(v));
      for (const v of versions) if (v !== '0') out.push(deb(a.package!.name, v, a.package!.name));
    }
  return out;
}

function matches(db: Parameters<typeof matchVulnerabilities>[2], packages: Package[]): string[] {
  return matchVulnerabilities(packages, { ...DEBIAN_9, eol: false }, db)
    .map(
      (f) =>
        `${f.ruleId} ${f.vulnerability?.packageName} ${f.vulnerability?.packageVersion} ${f.properties?.advisories}`,
    )
    .sort();
}

/** A fresh build from exactly these records: the oracle an incremental refresh must agree with. */
function freshBuild(records: OsvRecord[]) {
  const d = join(dir, 'oracle');
  mkdirSync(d, { recursive: true });
  for (const r of records) writeFileSync(join(d, `${r.id}.json`), JSON.stringify(r));
  return loadLocalDatabase(d, ['Debian']);
}

function later(r: OsvRecord, iso: string, change: (r: OsvRecord) => void = () => {}): OsvRecord {
  const copy = JSON.parse(JSON.stringify(r)) as OsvRecord;
  copy.modified = iso;
  change(copy);
  return copy;
}

describe('incremental OSV refresh', () => {
  it('remembers what the download is current to', async () => {
    await load(T0);
    const newest = fixtureRecords('Debian')
      .map((r) => r.modified!)
      .sort()
      .at(-1);
    expect(meta().modifiedThrough).toBe(newest);
    expect(meta().fullAt).toBe(new Date(T0).toISOString());
  });

  it('fetches only the changed records, applies a new record, a changed one and a withdrawal, and matches like a fresh build', async () => {
    await load(T0);
    fake.requests.length = 0;
    const records = fixtureRecords('Debian');
    const [first, second] = records;
    // A new advisory (a copy of the first, renamed), the first with its fix moved, the second withdrawn.
    const added = later(first!, '2026-11-20T10:00:00Z', (r) => (r.id = 'DLA-9999-1'));
    const changed = later(first!, '2026-11-20T11:00:00Z', (r) => {
      for (const a of r.affected ?? [])
        for (const range of a.ranges ?? [])
          for (const e of range.events) if ('fixed' in e) (e as { fixed: string }).fixed = '99:0';
    });
    const withdrawn = later(second!, '2026-11-20T12:00:00Z', (r) => (r.withdrawn = '2026-11-20T12:00:00Z'));
    fake.updateRecords('Debian', [added, changed, withdrawn]);
    const db = await load(T0 + 86_400_000);

    expect(paths()).toEqual(
      expect.arrayContaining([
        '/Debian/modified_id.csv',
        '/Debian/DLA-9999-1.json',
        `/Debian/${first!.id}.json`,
      ]),
    );
    expect(paths()).not.toContain('/Debian/all.zip');
    // Only the changed records: those at exactly the watermark are held at that version already.
    const expected = new Set([added.id, changed.id, withdrawn.id]);
    expect(new Set(paths().filter((p) => p.endsWith('.json')))).toEqual(
      new Set([...expected].map((id) => `/Debian/${id}.json`)),
    );
    expect(meta().modifiedThrough).toBe('2026-11-20T12:00:00Z');
    expect(sink.text()).toMatch(new RegExp(`${expected.size} records changed since .* \\(1 withdrawn\\)`));

    const current = fake.current.get('Debian')!;
    const probe = probePackages([...records, added]);
    expect(matches(db, probe)).toEqual(matches(freshBuild(current), probe));
    expect(matches(db, probe).some((m) => m.includes(second!.id))).toBe(false);
    expect(matches(db, probe).some((m) => m.includes('DLA-9999-1'))).toBe(true);
  });

  it('with nothing changed, fetches only the listing, and next time asks for it conditionally', async () => {
    await load(T0);
    fake.requests.length = 0;
    await load(T0 + 86_400_000);
    expect(paths()).toEqual(['/Debian/modified_id.csv']);
    expect(fake.requests[0]!.headers['if-none-match']).toBeUndefined();
    fake.requests.length = 0;
    await load(T0 + 2 * 86_400_000);
    expect(paths()).toEqual(['/Debian/modified_id.csv']);
    expect(fake.requests[0]!.headers['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
    expect(sink.text()).toContain('OSV Debian data unchanged since');
    expect(meta().checkedAt).toBe(new Date(T0 + 2 * 86_400_000).toISOString());
  });

  it('a record that appeared at exactly the watermark after the download is still fetched', async () => {
    await load(T0);
    const watermark = meta().modifiedThrough!;
    expect(meta().newestIds?.length).toBeGreaterThan(0);
    const [first] = fixtureRecords('Debian');
    const sameSecond = later(first!, watermark, (r) => (r.id = 'DLA-9998-1'));
    fake.updateRecords('Debian', [sameSecond]);
    fake.requests.length = 0;
    const db = await load(T0 + 86_400_000);
    expect(paths()).toEqual(['/Debian/modified_id.csv', '/Debian/DLA-9998-1.json']);
    expect(meta().newestIds).toContain('DLA-9998-1');
    const probe = probePackages([sameSecond]);
    expect(matches(db, probe).some((m) => m.includes('DLA-9998-1'))).toBe(true);
  });

  const fallbacks: [string, () => void, RegExp][] = [
    [
      'a listing not sorted newest first',
      () => {
        fake.rawListings.set(
          'Debian',
          '2026-11-01T00:00:00Z,DLA-1\n2026-11-20T00:00:00Z,DLA-2\n2020-01-01T00:00:00Z,DLA-3\n',
        );
      },
      /not sorted newest first/,
    ],
    [
      'a malformed line',
      () => {
        fake.rawListings.set('Debian', '2026-11-20T00:00:00Z,DLA-1\n<html>oops</html>\n');
      },
      /malformed line/,
    ],
    [
      'a listing that does not reach back to the cache',
      () => {
        fake.rawListings.set('Debian', '2026-11-20T00:00:00Z,DLA-3008-1\n');
      },
      /does not reach back/,
    ],
    [
      'an empty listing',
      () => {
        fake.rawListings.set('Debian', '');
      },
      /is empty/,
    ],
    [
      'a changed record that cannot be fetched',
      () => {
        fake.rawListings.set(
          'Debian',
          '2026-11-20T00:00:00Z,DLA-0000-404\n2020-01-01T00:00:00Z,DLA-3008-1\n',
        );
      },
      /DLA-0000-404: HTTP 404/,
    ],
    [
      'too many changes',
      () => {
        const lines = Array.from(
          { length: MAX_INCREMENTAL_RECORDS + 1 },
          (_, i) => `2026-11-20T00:00:00Z,DLA-${i}-1\n`,
        );
        fake.rawListings.set('Debian', `${lines.join('')}2020-01-01T00:00:00Z,DLA-3008-1\n`);
      },
      /more than 2000 OSV records changed/,
    ],
  ];
  for (const [name, arrange, message] of fallbacks)
    it(`downloads the whole archive instead on ${name}`, async () => {
      await load(T0);
      fake.requests.length = 0;
      arrange();
      fake.setArchive('Debian', fixtureRecords('Debian')); // a new archive, so the conditional GET gets 200
      await load(T0 + 86_400_000);
      expect(paths()).toContain('/Debian/all.zip');
      expect(sink.text()).toMatch(message);
      expect(meta().fullAt).toBe(new Date(T0 + 86_400_000).toISOString());
    });

  it('downloads the whole archive once a week whatever the listing says', async () => {
    await load(T0);
    fake.requests.length = 0;
    fake.setArchive('Debian', fixtureRecords('Debian'));
    await load(T0 + FULL_REFRESH_MS + 1);
    expect(paths()).not.toContain('/Debian/modified_id.csv');
    expect(paths()).toContain('/Debian/all.zip');
  });
});
