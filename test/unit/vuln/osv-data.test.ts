/**
 * OSV data sources against a local bucket/API stand-in serving the real fixture records: database mode
 * (download, cache, max age, conditional refresh, offline), failures (404, 500, 429, corrupt zips),
 * API mode (querybatch pagination, record fetch) and the automatic fallback, local dirs and zips.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { Logger, MemorySink, setLogger } from '../../../src/core/logger';
import type { OsInfo, Package } from '../../../src/core/package';
import { matchVulnerabilities } from '../../../src/vuln/match';
import { loadLocalDatabase } from '../../../src/vuln/osv/local';
import { openVulnDatabase } from '../../../src/vuln/osv/open';
import {
  cachePaths,
  defaultCacheDir,
  loadRemoteDatabase,
  type CacheMeta,
} from '../../../src/vuln/osv/remote';
import { apiCost, archiveCost } from '../../../src/vuln/osv/source';
import { FakeOsv, fixtureRecords, makeZip } from '../../support/fake-osv';
import { DEBIAN_9, OSV_FIXTURES, deb, pkg } from '../../support/vuln';

const HTTP = { retries: 2, backoffMs: 5, maxWaitMs: 50, timeoutMs: 5_000 };
const PACKAGES: Package[] = [
  deb('libssl1.1', '1.1.0l-1~deb9u5', 'openssl'),
  pkg('npm', 'lodash', '4.17.20'),
  pkg('pypi', 'requests', '2.30.0'),
];

let fake: FakeOsv;
let dir: string;
let sink: MemorySink;

function ruleIds(
  db: Parameters<typeof matchVulnerabilities>[2],
  packages = PACKAGES,
  os: OsInfo = { ...DEBIAN_9, eol: false },
): string[] {
  return matchVulnerabilities(packages, os, db)
    .map((f) => f.ruleId)
    .sort();
}

async function rejection(p: Promise<unknown>): Promise<ShipgateError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ShipgateError) return e;
    throw e;
  }
  throw new Error('expected a ShipgateError');
}

beforeAll(async () => {
  fake = new FakeOsv();
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-osv-'));
  fake.requests.length = 0;
  fake.failures = [];
  fake.archives.clear();
  fake.records.clear();
  for (const e of ['Debian', 'npm', 'PyPI', 'Go', 'AlmaLinux']) fake.setArchive(e, fixtureRecords(e));
  sink = new MemorySink();
  setLogger(new Logger([sink], 'debug'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('database mode', () => {
  it('downloads only the archives the packages need, caches them, and matches like the local files', async () => {
    const db = await loadRemoteDatabase(['Debian', 'npm', 'PyPI'], {
      baseUrl: fake.url,
      cacheDir: dir,
      http: HTTP,
    });
    expect(fake.requests.map((r) => r.path).sort()).toEqual([
      '/Debian/all.zip',
      '/PyPI/all.zip',
      '/npm/all.zip',
    ]);
    expect(ruleIds(db)).toEqual(ruleIds(loadLocalDatabase(OSV_FIXTURES)));
    expect(ruleIds(db)).toEqual(['CVE-2021-23337', 'CVE-2022-1292', 'CVE-2023-32681']);
    const meta = JSON.parse(readFileSync(cachePaths(dir, 'Debian').meta, 'utf8')) as CacheMeta;
    expect(meta.etag).toBe(fake.archives.get('Debian')!.etag);
    expect(meta.records).toBe(5);
    expect(sink.text()).toMatch(/downloading OSV Debian data/);
  });

  it('openVulnDatabase picks the archives from the packages and the OS', async () => {
    const db = await openVulnDatabase(PACKAGES, DEBIAN_9, { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    expect(db.ecosystems()).toEqual(['Debian', 'PyPI', 'npm']);
    expect(fake.count('/Go/')).toBe(0);
  });

  it('reuses a fresh cache without any request, and refreshes with a conditional GET when old', async () => {
    const t0 = Date.parse('2026-11-01T00:00:00Z');
    await loadRemoteDatabase(['Debian'], { baseUrl: fake.url, cacheDir: dir, http: HTTP, now: () => t0 });
    expect(fake.count('/Debian/')).toBe(1);
    const again = await loadRemoteDatabase(['Debian'], {
      baseUrl: fake.url,
      cacheDir: dir,
      http: HTTP,
      now: () => t0 + 3_600_000,
    });
    expect(fake.count('/Debian/')).toBe(1);
    expect(again.source).toMatch(/cache/);
    expect(ruleIds(again)).toEqual(['CVE-2022-1292']);

    await loadRemoteDatabase(['Debian'], {
      baseUrl: fake.url,
      cacheDir: dir,
      http: HTTP,
      maxAgeMs: 1000,
      now: () => t0 + 7_200_000,
    });
    const last = fake.requests.at(-1)!;
    expect(last.headers['if-none-match']).toBe(fake.archives.get('Debian')!.etag);
    expect(last.headers['if-modified-since']).toBe(fake.archives.get('Debian')!.lastModified);
    expect(sink.text()).toMatch(/unchanged/);
    const meta = JSON.parse(readFileSync(cachePaths(dir, 'Debian').meta, 'utf8')) as CacheMeta;
    expect(meta.checkedAt).toBe(new Date(t0 + 7_200_000).toISOString());
  });

  it('picks up a changed archive on refresh', async () => {
    await loadRemoteDatabase(['Debian'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    // The DLA-3008-1 record copied with only its release changed to Debian:12 (see the fixtures README).
    const dla = fixtureRecords('Debian').find((r) => r.id === 'DLA-3008-1')!;
    const copy = JSON.parse(JSON.stringify(dla).replaceAll('"Debian:9"', '"Debian:12"')) as typeof dla;
    copy.id = 'DLA-3008-1-TEST12';
    fake.setArchive('Debian', [...fixtureRecords('Debian'), copy]);
    const db = await loadRemoteDatabase(['Debian'], {
      baseUrl: fake.url,
      cacheDir: dir,
      http: HTTP,
      maxAgeMs: 0,
    });
    const bookworm = matchVulnerabilities(
      [deb('libssl3', '1.1.0l-1~deb9u5', 'openssl')],
      { id: 'debian', versionId: '12' },
      db,
    );
    expect(bookworm.map((f) => f.properties?.advisories)).toEqual([['DLA-3008-1-TEST12']]);
  });

  it('works offline from the cache, and says what to do when there is none', async () => {
    const e = await rejection(
      loadRemoteDatabase(['Debian'], { baseUrl: fake.url, cacheDir: dir, offline: true }),
    );
    expect(e.code).toBe('VULN_DB');
    expect(e.message).toMatch(/^no cached OSV data for Debian in .* \(offline\)$/);
    await loadRemoteDatabase(['Debian'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    const n = fake.requests.length;
    const db = await loadRemoteDatabase(['Debian'], {
      baseUrl: fake.url,
      cacheDir: dir,
      offline: true,
      maxAgeMs: 0,
    });
    expect(fake.requests.length).toBe(n);
    expect(ruleIds(db)).toEqual(['CVE-2022-1292']);
    expect(sink.text()).toMatch(/offline: not refreshed/);
  });

  it('reads the base URL from SHIPGATE_OSV_URL', async () => {
    process.env.SHIPGATE_OSV_URL = fake.url;
    try {
      await loadRemoteDatabase(['npm'], { cacheDir: dir, http: HTTP });
    } finally {
      delete process.env.SHIPGATE_OSV_URL;
    }
    expect(fake.count('/npm/all.zip')).toBe(1);
  });

  it('places the cache under SHIPGATE_CACHE_DIR, XDG_CACHE_HOME or ~/.cache', () => {
    expect(defaultCacheDir({ SHIPGATE_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c/osv');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/shipgate/osv');
    expect(defaultCacheDir({})).toMatch(/\.cache\/shipgate\/osv$/);
  });
});

describe('failures', () => {
  it('404: a one-line VULN_DB error naming the archive', async () => {
    const e = await rejection(
      loadRemoteDatabase(['RubyGems'], { baseUrl: fake.url, cacheDir: dir, http: HTTP }),
    );
    expect(e.code).toBe('VULN_DB');
    expect(e.message).toBe(`cannot get OSV RubyGems data: HTTP 404 from ${fake.url}/RubyGems/all.zip`);
    expect(e.hint).toMatch(/<base>\/<ecosystem>\/all\.zip/);
  });

  it('500: retried, then a NETWORK error', async () => {
    fake.failures = [{ path: '/npm/', status: 500, times: Infinity }];
    const e = await rejection(loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP }));
    expect(e.code).toBe('NETWORK');
    expect(e.message).toBe(`${fake.url}/npm/all.zip: HTTP 500 after 3 attempts`);
    expect(fake.count('/npm/')).toBe(3);
  });

  it('429 with Retry-After: waits and succeeds', async () => {
    fake.failures = [{ path: '/npm/', status: 429, times: 1, retryAfter: '0' }];
    const db = await loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    expect(fake.count('/npm/')).toBe(2);
    expect(ruleIds(db, [pkg('npm', 'lodash', '4.17.20')])).toEqual(['CVE-2021-23337']);
  });

  it('an unreachable server with a stale cache: warns and uses the cache', async () => {
    await loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    fake.failures = [{ path: '/npm/', status: 503, times: Infinity }];
    const db = await loadRemoteDatabase(['npm'], {
      baseUrl: fake.url,
      cacheDir: dir,
      http: HTTP,
      maxAgeMs: 0,
    });
    expect(ruleIds(db, [pkg('npm', 'lodash', '4.17.20')])).toEqual(['CVE-2021-23337']);
    expect(sink.lines.some((l) => l.level === 'warn' && /could not refresh OSV npm data/.test(l.line))).toBe(
      true,
    );
  });

  it('keeps using the cached copy when a refresh brings a corrupt archive, and leaves no temporary files', async () => {
    await loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    const good = makeZip(fixtureRecords('npm'));
    fake.setRawArchive('npm', good.subarray(0, good.length - 40));
    const db = await loadRemoteDatabase(['npm'], {
      baseUrl: fake.url,
      cacheDir: dir,
      http: HTTP,
      maxAgeMs: 0,
    });
    expect(ruleIds(db, [pkg('npm', 'lodash', '4.17.20')])).toEqual(['CVE-2021-23337']);
    expect(sink.lines.some((l) => l.level === 'warn' && /corrupt zip archive/.test(l.line))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['npm.index', 'npm.meta.json']);
  });

  const damages: [string, (file: string) => void][] = [
    [
      'a flipped byte',
      (file) => {
        const b = readFileSync(file);
        b[b.length - 100] = b[b.length - 100]! ^ 0x01;
        writeFileSync(file, b);
      },
    ],
    ['a truncated file', (file) => writeFileSync(file, readFileSync(file).subarray(0, -1))],
    ['an empty file', (file) => writeFileSync(file, '')],
    ['a header of another format', (file) => writeFileSync(file, '{"format":2}\n')],
  ];
  for (const [name, damage] of damages)
    it(`downloads the archive again when the cached index has ${name}, even when the cache is fresh`, async () => {
      await loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
      damage(cachePaths(dir, 'npm').index);
      const db = await loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
      expect(fake.count('/npm/all.zip')).toBe(2);
      expect(ruleIds(db, [pkg('npm', 'lodash', '4.17.20')])).toEqual(['CVE-2021-23337']);
    });

  it('rebuilds a cache of the previous index format and removes its files', async () => {
    await loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    const paths = cachePaths(dir, 'npm');
    const meta = JSON.parse(readFileSync(paths.meta, 'utf8')) as CacheMeta;
    rmSync(paths.index);
    writeFileSync(paths.meta, JSON.stringify({ ...meta, format: 2 }));
    writeFileSync(join(dir, 'npm.index.json'), JSON.stringify({ format: 2, ecosystem: 'npm', packages: {} }));
    writeFileSync(join(dir, 'npm.data'), '');
    const db = await loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    expect(fake.count('/npm/all.zip')).toBe(2);
    expect(ruleIds(db, [pkg('npm', 'lodash', '4.17.20')])).toEqual(['CVE-2021-23337']);
    expect(readdirSync(dir).sort()).toEqual(['npm.index', 'npm.meta.json']);
  });

  it('rejects truncated and corrupted archives', async () => {
    const good = makeZip(fixtureRecords('npm'));
    fake.setRawArchive('npm', good.subarray(0, good.length - 40));
    let e = await rejection(loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP }));
    expect(e.code).toBe('VULN_DB');
    expect(e.message).toMatch(/corrupt zip archive \(no end of central directory/);
    // Flip one byte inside the first entry's compressed data: the CRC check catches it.
    const bad = new Uint8Array(good);
    bad[60] = bad[60]! ^ 0xff;
    fake.setRawArchive('npm', bad);
    e = await rejection(loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP }));
    expect(e.code).toBe('VULN_DB');
    expect(e.message).toMatch(/corrupt zip archive/);
    expect(existsSync(cachePaths(dir, 'npm').index)).toBe(false);
  });

  it('reads an entry larger than its read window, and rejects an entry that inflates to another size than stated', async () => {
    const records = fixtureRecords('npm');
    // Incompressible details: the entry stays over 1 MiB compressed.
    const big = { ...records[0]!, details: randomBytes(1_200_000).toString('base64') };
    const zip = Buffer.from(makeZip([big, ...records.slice(1)]));
    fake.setRawArchive('npm', zip);
    const db = await loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    expect(ruleIds(db, [pkg('npm', 'lodash', '4.17.20')])).toEqual(['CVE-2021-23337']);

    // The first central directory entry's uncompressed size (fflate writes no archive comment).
    const sizeField = zip.readUInt32LE(zip.length - 22 + 16) + 24;
    for (const delta of [-10, 10]) {
      const lying = Buffer.from(zip);
      lying.writeUInt32LE(lying.readUInt32LE(sizeField) + delta, sizeField);
      fake.setRawArchive('npm', lying);
      const e = await rejection(
        loadRemoteDatabase(['npm'], { baseUrl: fake.url, cacheDir: join(dir, `${delta}`), http: HTTP }),
      );
      expect(e.message).toMatch(/corrupt zip archive/);
    }
  });
});

/** Every package of the fixture records of these ecosystems, at every version their events name and beyond. */
type VulnDb = Parameters<typeof matchVulnerabilities>[2];

/** Every finding the database gives the packages, with all it says, in a stable order. */
function everything(
  packages: Package[],
  os: Parameters<typeof matchVulnerabilities>[1],
  db: VulnDb,
): string[] {
  return matchVulnerabilities(packages, os, db)
    .map((f) => JSON.stringify([f.ruleId, f.severity, f.fingerprint, f.vulnerability, f.properties, f.fix]))
    .sort();
}

function fixturePackages(): Package[] {
  const out: Package[] = [];
  const at = (eco: string, name: string, v: string): Package | undefined => {
    if (eco.startsWith('Debian')) return deb(name, v, name);
    if (eco === 'npm') return pkg('npm', name, v);
    if (eco === 'PyPI') return pkg('pypi', name, v);
    if (eco === 'Go') return pkg('golang', name, name === 'stdlib' ? `go${v}` : `v${v}`);
    return undefined;
  };
  for (const e of ['Debian', 'npm', 'PyPI', 'Go'])
    for (const r of fixtureRecords(e))
      for (const a of r.affected ?? []) {
        const versions = new Set<string>();
        for (const range of a.ranges ?? [])
          for (const ev of range.events)
            for (const v of Object.values(ev)) if (v !== '0') versions.add(String(v));
        for (const v of [...versions, '0.0.1', '99.0.0']) {
          const p = at(a.package!.ecosystem, a.package!.name, v);
          if (p) out.push(p);
        }
      }
  return out;
}

describe('archive and API agree', () => {
  it('report identical findings for every package and version the fixture records name', async () => {
    const packages = fixturePackages();
    const os = { ...DEBIAN_9, eol: false };
    const full = (db: VulnDb) => everything(packages, os, db);
    const archive = await openVulnDatabase(packages, os, {
      mode: 'database',
      baseUrl: fake.url,
      cacheDir: dir,
      http: HTTP,
    });
    const api = await openVulnDatabase(packages, os, { mode: 'api', apiUrl: fake.url, http: HTTP });
    const fromArchive = full(archive);
    expect(fromArchive.length).toBeGreaterThan(50);
    expect(full(api)).toEqual(fromArchive);
  });
});

/** The smallest npm inventory for which the cost model prefers the archive. */
function npmArchiveThreshold(): number {
  let n = 1;
  while (apiCost('npm', n).ms < archiveCost('npm').ms) n *= 2;
  return n;
}

describe('auto mode: the cheaper source per ecosystem', () => {
  const both = () => ({ baseUrl: fake.url, apiUrl: fake.url, cacheDir: dir, http: HTTP });
  const fiveNpm = ['lodash', 'minimist', 'left-pad', 'express', 'react'].map((n) => pkg('npm', n, '1.0.0'));

  it('a few packages on a cold cache: querybatch only, no archive', async () => {
    const db = await openVulnDatabase(fiveNpm, undefined, both());
    expect(fake.count('/v1/querybatch')).toBeGreaterThan(0);
    expect(fake.requests.every((r) => r.path.startsWith('/v1/'))).toBe(true);
    expect(db.source).toMatch(/^osv api/);
    expect(sink.lines.filter((l) => l.level === 'info' && l.line.startsWith('OSV data:'))).toEqual([
      expect.objectContaining({
        line: expect.stringMatching(/^OSV data: API for npm \(5 packages, no cache; archive ~\d+ MB\)$/),
      }),
    ]);
  });

  it('a large inventory: the archive, no API request', async () => {
    const n = npmArchiveThreshold();
    const many = Array.from({ length: n }, (_, i) => pkg('npm', `pkg-${i}`, '1.0.0'));
    many.push(pkg('npm', 'lodash', '4.17.19'));
    const db = await openVulnDatabase(many, undefined, both());
    expect(fake.count('/v1/')).toBe(0);
    expect(fake.count('/npm/all.zip')).toBe(1);
    expect(ruleIds(db, [pkg('npm', 'lodash', '4.17.19')])).toEqual(['CVE-2020-8203', 'CVE-2021-23337']);
    expect(sink.text()).toMatch(new RegExp(`OSV data: archive for npm \\(${n + 1} packages, no cache`));
  });

  it('a warm cache: the archive, with at most one conditional request per ecosystem', async () => {
    await loadRemoteDatabase(['npm', 'PyPI'], { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    const inventory = [...fiveNpm, pkg('pypi', 'requests', '2.30.0')];
    fake.requests.length = 0;
    await openVulnDatabase(inventory, undefined, both());
    expect(fake.requests).toEqual([]);
    expect(sink.text()).toMatch(
      /archive for PyPI \(cached 0 min ago\), archive for npm \(cached 0 min ago\)/,
    );
    // Stale: one request per ecosystem (the change listing), then, unchanged, one conditional request.
    fake.listings = true;
    try {
      for (const conditional of [false, true]) {
        fake.requests.length = 0;
        await openVulnDatabase(inventory, undefined, { ...both(), maxAgeMs: 0 });
        expect(fake.count('/v1/')).toBe(0);
        for (const eco of ['npm', 'PyPI']) {
          const reqs = fake.requests.filter((r) => r.path.startsWith(`/${eco}/`));
          expect(reqs).toHaveLength(1);
          expect(reqs[0]!.headers['if-none-match'] !== undefined).toBe(conditional);
        }
      }
    } finally {
      fake.listings = false;
    }
  });

  it('a cached archive and the API side by side report what the archives alone report', async () => {
    const packages = fixturePackages();
    const os = { ...DEBIAN_9, eol: false };
    const full = (db: VulnDb) => everything(packages, os, db);
    const archives = await openVulnDatabase(packages, os, { ...both(), mode: 'database' });
    rmSync(cachePaths(dir, 'npm').meta);
    rmSync(cachePaths(dir, 'PyPI').meta);
    fake.requests.length = 0;
    const mixed = await openVulnDatabase(packages, os, both());
    expect(fake.count('/Debian/')).toBe(0);
    expect(fake.count('/Go/')).toBe(0);
    expect(fake.count('/npm/') + fake.count('/PyPI/')).toBe(0);
    expect(fake.count('/v1/querybatch')).toBeGreaterThan(0);
    expect(mixed.source).toMatch(/osv api.* \+ osv database/);
    expect(mixed.ecosystems()).toEqual(archives.ecosystems());
    const fromArchives = full(archives);
    expect(fromArchives.length).toBeGreaterThan(50);
    expect(full(mixed)).toEqual(fromArchives);
  });

  it('fails closed when the API and the archive both fail', async () => {
    fake.failures = [
      { path: '/v1/', status: 500, times: Infinity },
      { path: '/npm/', status: 500, times: Infinity },
    ];
    const e = await rejection(openVulnDatabase(fiveNpm, undefined, both()));
    expect(e.code).toBe('NETWORK');
    expect(sink.text()).toMatch(/OSV API unavailable .*downloading the npm archives instead/);
  });

  it('falls back to the archive when the API fails', async () => {
    fake.failures = [{ path: '/v1/querybatch', status: 500, times: Infinity }];
    const db = await openVulnDatabase([pkg('npm', 'lodash', '4.17.19')], undefined, both());
    expect(ruleIds(db, [pkg('npm', 'lodash', '4.17.19')])).toEqual(['CVE-2020-8203', 'CVE-2021-23337']);
    expect(fake.count('/npm/all.zip')).toBe(1);
  });

  it('with only a bucket mirror configured, never asks the public API', async () => {
    await openVulnDatabase(fiveNpm, undefined, { baseUrl: fake.url, cacheDir: dir, http: HTTP });
    expect(fake.count('/v1/')).toBe(0);
    expect(fake.count('/npm/all.zip')).toBe(1);
  });
});

describe('API mode', () => {
  it('queries in batches, follows page tokens, fetches the records and matches them locally', async () => {
    const db = await openVulnDatabase(
      PACKAGES,
      { ...DEBIAN_9, eol: false },
      { mode: 'api', apiUrl: fake.url, batchSize: 2, http: HTTP },
    );
    expect(ruleIds(db)).toEqual(['CVE-2021-23337', 'CVE-2022-1292', 'CVE-2023-32681']);
    // Three queries in batches of two, then lodash and requests (two records each, one per page)
    // re-sent together with their page tokens.
    const batches = fake.requests.filter((r) => r.path === '/v1/querybatch').length;
    expect(batches).toBe(3);
    expect(fake.count('/v1/vulns/')).toBe(5);
    expect(fake.count('/Debian/')).toBe(0);
  });

  it('falls back to the API when the database cannot be downloaded', async () => {
    fake.failures = [{ path: '/npm/', status: 500, times: Infinity }];
    const db = await openVulnDatabase([pkg('npm', 'lodash', '4.17.19')], undefined, {
      baseUrl: fake.url,
      apiUrl: fake.url,
      cacheDir: dir,
      http: HTTP,
      // A link so fast that the archive is the cheaper source even for one package.
      network: { bytesPerSecond: Infinity, roundTripMs: 30 },
    });
    expect(ruleIds(db, [pkg('npm', 'lodash', '4.17.19')])).toEqual(['CVE-2020-8203', 'CVE-2021-23337']);
    expect(sink.text()).toMatch(/falling back to the OSV API/);
  });

  it('does not fall back when database mode is forced', async () => {
    fake.failures = [{ path: '/npm/', status: 500, times: Infinity }];
    const e = await rejection(
      openVulnDatabase([pkg('npm', 'lodash', '4.17.19')], undefined, {
        mode: 'database',
        baseUrl: fake.url,
        apiUrl: fake.url,
        cacheDir: dir,
        http: HTTP,
      }),
    );
    expect(e.code).toBe('NETWORK');
    expect(fake.count('/v1/')).toBe(0);
  });

  it('takes the mode and maximum age from SHIPGATE_OSV_MODE and SHIPGATE_OSV_MAX_AGE', async () => {
    process.env.SHIPGATE_OSV_MODE = 'api';
    try {
      const db = await openVulnDatabase([pkg('npm', 'lodash', '4.17.20')], undefined, {
        baseUrl: fake.url,
        apiUrl: fake.url,
        cacheDir: dir,
        http: HTTP,
      });
      expect(db.source).toMatch(/^osv api/);
      expect(fake.count('/npm/')).toBe(0);
      process.env.SHIPGATE_OSV_MODE = 'sometimes';
      const e = await rejection(
        openVulnDatabase([pkg('npm', 'lodash', '4.17.20')], undefined, { cacheDir: dir }),
      );
      expect(e.code).toBe('USAGE');
    } finally {
      delete process.env.SHIPGATE_OSV_MODE;
    }
    await openVulnDatabase([pkg('npm', 'lodash', '4.17.20')], undefined, {
      baseUrl: fake.url,
      cacheDir: dir,
      http: HTTP,
    });
    process.env.SHIPGATE_OSV_MAX_AGE = '0';
    try {
      await openVulnDatabase([pkg('npm', 'lodash', '4.17.20')], undefined, {
        baseUrl: fake.url,
        cacheDir: dir,
        http: HTTP,
      });
    } finally {
      delete process.env.SHIPGATE_OSV_MAX_AGE;
    }
    // Max age 0: the second open revalidates with a conditional GET.
    expect(
      fake.requests
        .filter((r) => r.path === '/npm/all.zip')
        .map((r) => r.headers['if-none-match'] !== undefined),
    ).toEqual([false, true]);
  });

  it('retries a rate-limited querybatch', async () => {
    fake.failures = [{ path: '/v1/querybatch', status: 429, times: 2, retryAfter: '0' }];
    const db = await openVulnDatabase([pkg('npm', 'minimist', '1.2.5')], undefined, {
      mode: 'api',
      apiUrl: fake.url,
      http: HTTP,
    });
    expect(ruleIds(db, [pkg('npm', 'minimist', '1.2.5')])).toEqual(['CVE-2021-44906']);
  });
});

describe('local files (--vuln-db DIR|ZIP)', () => {
  it('loads a zip of OSV files', () => {
    const zip = join(dir, 'osv.zip');
    writeFileSync(zip, makeZip([...fixtureRecords('npm'), ...fixtureRecords('Debian')]));
    expect(ruleIds(loadLocalDatabase(zip))).toEqual(['CVE-2021-23337', 'CVE-2022-1292']);
  });

  it('skips withdrawn records', () => {
    const d = join(dir, 'db');
    mkdirSync(d);
    const rec = fixtureRecords('npm').find((r) => r.id === 'GHSA-35jh-r3h4-6jhm')!;
    writeFileSync(join(d, 'a.json'), JSON.stringify({ ...rec, withdrawn: '2026-01-01T00:00:00Z' }));
    expect(ruleIds(loadLocalDatabase(d), [pkg('npm', 'lodash', '4.17.20')])).toEqual([]);
  });

  it('rejects files that are not OSV records and missing paths, in one line', () => {
    const d = join(dir, 'bad');
    mkdirSync(d);
    writeFileSync(join(d, 'x.json'), '{"summary": "no id"}');
    expect(() => loadLocalDatabase(d)).toThrow(/x\.json: not an OSV record \(missing "id"\)/);
    expect(() => loadLocalDatabase(join(dir, 'nope'))).toThrow(/vulnerability data not found/);
  });
});
