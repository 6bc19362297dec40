/**
 * Benchmark: the vulnerability data step of a scan at CI scale, cold (empty cache), warm (fresh cache) and
 * next day (incremental refresh), plus the OSV API for the same inventory and for five npm packages.
 *
 * Synthetic OSV archives of realistic size, records shaped like the real ones in test/fixtures/osv:
 * - Debian: 59,345 records, the count of google/osv.dev issue 5587 (June 2026); 150 modified a day, the
 *   middle of the 35–250 a day that issue lists.
 * - npm: 16,000 advisories plus 150,000 `MAL-` malicious-package reports (an estimate: OSV held 519,760
 *   records across its ten largest archives in April 2026, mostly malicious-package reports, npm first).
 *   1,245 modified or added a day: Sonatype counted 454,648 new malicious packages in 2025, over 99% on npm.
 * Served from 127.0.0.1 over one link capped at 50 MB/s (GitHub-hosted runners averaged 50 MB/s on a 300 MB
 * cache download, actions/cache issue 928) with 30 ms before each answer (a round trip to the bucket).
 * Every run is a child process doing what a scan does (openVulnDatabase with the cache directory); bytes
 * are counted at the server. The peer figure, trivy's database (~40 MB compressed, oneuptime.com, January
 * 2026), is computed at the same bandwidth: it cannot be downloaded here.
 * Prints JSON.   Run: npx tsx bench/vuln-data.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { Logger, MemorySink, setLogger } from '../src/core/logger';
import type { OsInfo, Package } from '../src/core/package';
import { matchVulnerabilities } from '../src/vuln/match';
import { openVulnDatabase, type VulnDbMode } from '../src/vuln/osv/open';
import type { OsvRecord } from '../src/vuln/osv/types';

const BYTES_PER_SECOND = 50e6;
const LATENCY_MS = 30;
const DAY_MS = 86_400_000;
/** The archives' day: fixed, so their zips are built once and kept (bump GENERATOR when records change). */
const DAY0 = Date.UTC(2026, 11, 1);
const GENERATOR = 1;
const ZIP_CACHE = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'bench', 'vuln-data');
const TRIVY_DB_BYTES = 40e6;
// BENCH_SCALE (default 1) shrinks the archives for a quick trial run.
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const COUNTS = {
  debian: Math.round(59_345 * SCALE),
  npmAdvisories: Math.round(16_000 * SCALE),
  npmMalicious: Math.round(150_000 * SCALE),
};
const DAILY = { Debian: 150, npm: 1_245 };
const INVENTORY = { debianSources: 160, debianBinariesPerSource: 2.5, npm: 1_000 };
const OS: OsInfo = { id: 'debian', versionId: '12' };

let seed = 4242;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const int = (n: number): number => Math.floor(rnd() * n);

const debSources = Array.from({ length: 30_000 }, (_, i) => `src${i}`);
const npmNames = Array.from({ length: 6_000 }, (_, i) => (i % 5 ? `npm-lib${i}` : `@scope${i % 40}/lib${i}`));
const round2 = (x: number): number => Math.round(x * 100) / 100;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

function debianRecord(i: number, modified: string): OsvRecord {
  const src = debSources[int(debSources.length)]!;
  const maj = 1 + int(3);
  const min = int(20);
  return {
    id: `DEBIAN-CVE-2025-${100000 + i}`,
    schema_version: '1.7.0',
    modified,
    published: '2025-01-01T00:00:00Z',
    upstream: [`CVE-2025-${100000 + i}`],
    details: `A flaw in ${src} lets a remote attacker cause a denial of service. `.repeat(3),
    affected: ['Debian:11', 'Debian:12', 'Debian:13'].map((eco, k) => {
      const rel = ['+deb11u', '+deb12u', ''][k]!;
      const unfixed = rnd() < 0.2;
      return {
        package: { ecosystem: eco, name: src, purl: `pkg:deb/debian/${src}?arch=source` },
        ranges: [
          {
            type: 'ECOSYSTEM',
            events: unfixed
              ? [{ introduced: '0' }]
              : [{ introduced: '0' }, { fixed: `${maj}.${min}.5-${2 + int(5)}${rel}${rel ? '1' : ''}` }],
          },
        ],
        versions: Array.from(
          { length: 8 },
          (_, v) => `${maj}.${Math.max(0, min - v)}.${int(9)}-${1 + int(3)}`,
        ),
        ecosystem_specific: {
          urgency: ['low', 'medium', 'high', 'not yet assigned', 'unimportant'][int(5)]!,
        },
        database_specific: {
          source: `https://storage.googleapis.com/debian-osv/debian-cve-osv/DEBIAN-CVE-2025-${i}.json`,
        },
      };
    }),
    references: [
      { type: 'ADVISORY', url: `https://security-tracker.debian.org/tracker/CVE-2025-${100000 + i}` },
    ],
  };
}

function npmAdvisory(i: number, modified: string): OsvRecord {
  const name = npmNames[int(npmNames.length)]!;
  const maj = int(8);
  return {
    id: `GHSA-npm-${i}`,
    schema_version: '1.7.0',
    modified,
    published: '2024-06-01T00:00:00Z',
    aliases: [`CVE-2024-${20000 + i}`],
    summary: `Prototype pollution in ${name}`,
    details: 'The package merges user input into objects without checks. '.repeat(8),
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [
      {
        package: { ecosystem: 'npm', name, purl: `pkg:npm/${name}` },
        ranges: [
          { type: 'ECOSYSTEM', events: [{ introduced: `${maj}.0.0` }, { fixed: `${maj}.${1 + int(9)}.0` }] },
        ],
        database_specific: { source: `https://github.com/github/advisory-database/GHSA-npm-${i}.json` },
      },
    ],
    references: Array.from({ length: 4 }, (_, k) => ({
      type: 'WEB',
      url: `https://github.com/advisories/x${i}/${k}`,
    })),
    database_specific: { severity: 'HIGH', cwe_ids: ['CWE-1321'], github_reviewed: true },
  };
}

/** A malicious-package report as ossf/malicious-packages writes them: a name nobody legitimate uses. */
function npmMalicious(i: number, modified: string): OsvRecord {
  const name = `mal-${i.toString(36)}-${int(1e6).toString(36)}`;
  return {
    id: `MAL-2025-${i}`,
    schema_version: '1.7.0',
    modified,
    published: modified,
    summary: `Malicious code in ${name} (npm)`,
    details:
      '\n---\n_-= Per source details. Do not edit below this line.=-_\n\n## Source: ossf-package-analysis\nThe package ran code at install time that contacted a known exfiltration host.\n',
    affected: [
      {
        package: { ecosystem: 'npm', name },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }],
        database_specific: {
          'malicious-packages-origins': [{ source: 'ossf-package-analysis', sha256: 'a'.repeat(64) }],
        },
      },
    ],
    database_specific: {
      'malicious-packages-origins': [{ source: 'ossf-package-analysis', modified_time: modified }],
    },
  };
}

/** A zip of the files (deflate, native zlib): the bucket's `all.zip` layout. */
function zip(files: [string, Buffer][]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const n = Buffer.from(name);
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, n, packed);
    central.push(dir, n);
    offset += 30 + n.length + packed.length;
  }
  const size = central.reduce((k, b) => k + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length & 0xffff, 8);
  end.writeUInt16LE(files.length & 0xffff, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  if (files.length > 0xffff) {
    // More entries than the classic end record holds: a zip64 end record and its locator, as the bucket's do.
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(files.length), 24);
    z.writeBigUInt64LE(BigInt(files.length), 32);
    z.writeBigUInt64LE(BigInt(size), 40);
    z.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + size), 8);
    loc.writeUInt32LE(1, 16);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    return Buffer.concat([...parts, ...central, z, loc, end]);
  }
  return Buffer.concat([...parts, ...central, end]);
}

/** A zip built by an earlier run, else built now and kept. */
function cachedZip(name: string, make: () => Buffer): Buffer {
  const file = join(ZIP_CACHE, name);
  if (existsSync(file)) return readFileSync(file);
  const z = make();
  mkdirSync(ZIP_CACHE, { recursive: true });
  writeFileSync(file, z);
  return z;
}

interface Eco {
  records: Map<string, OsvRecord>;
  zip: Buffer;
  etag: string;
}

function build(day0: number): Record<string, Eco> {
  const year = 365 * DAY_MS;
  const at = (): string => iso(day0 - int(year));
  const debian = Array.from({ length: COUNTS.debian }, (_, i) => debianRecord(i, at()));
  const npm = [
    ...Array.from({ length: COUNTS.npmAdvisories }, (_, i) => npmAdvisory(i, at())),
    ...Array.from({ length: COUNTS.npmMalicious }, (_, i) => npmMalicious(i, at())),
  ];
  const out: Record<string, Eco> = {};
  for (const [eco, records] of [
    ['Debian', debian],
    ['npm', npm],
  ] as const) {
    out[eco] = {
      records: new Map(records.map((r) => [r.id, r])),
      zip: cachedZip(`${eco}-x${SCALE}-g${GENERATOR}.zip`, () =>
        zip(records.map((r) => [`${r.id}.json`, Buffer.from(JSON.stringify(r, null, 2))])),
      ),
      etag: `"${eco}-day0"`,
    };
  }
  return out;
}

/** A day later: some records changed, new malicious-package reports. */
function nextDay(data: Record<string, Eco>, day1: number): void {
  for (const [eco, n] of Object.entries(DAILY)) {
    const e = data[eco]!;
    const ids = [...e.records.keys()];
    for (let k = 0; k < n; k++) {
      const modified = iso(day1 - int(DAY_MS));
      if (eco === 'npm' && k % 2 === 0) {
        const r = npmMalicious(COUNTS.npmMalicious + k, modified);
        e.records.set(r.id, r);
      } else {
        const id = ids[int(ids.length)]!;
        e.records.set(id, { ...e.records.get(id)!, modified });
      }
    }
  }
}

function listing(e: Eco): string {
  return [...e.records.values()]
    .sort((a, b) => (a.modified! < b.modified! ? 1 : a.modified! > b.modified! ? -1 : a.id < b.id ? -1 : 1))
    .map((r) => `${r.modified},${r.id}\n`)
    .join('');
}

/** Installed packages of a Debian 12 + Node.js application image. */
function inventory(): { all: Package[]; tiny: Package[] } {
  const all: Package[] = [];
  for (let s = 0; s < INVENTORY.debianSources; s++) {
    const src = debSources[int(debSources.length)]!;
    const v = `${1 + int(3)}.${int(20)}.${int(9)}-${1 + int(3)}+deb12u${int(3)}`;
    for (let b = 0; b < INVENTORY.debianBinariesPerSource; b++)
      all.push({
        type: 'deb',
        name: `${src}-bin${b}`,
        version: v,
        sourceName: src,
        sourceVersion: v,
        purl: `pkg:deb/debian/${src}-bin${b}@${v}`,
      });
  }
  const npm: Package[] = [];
  for (let i = 0; i < INVENTORY.npm; i++) {
    // One in twenty installed packages has advisories; the rest none, as in a typical lockfile.
    const name = i % 20 === 0 ? npmNames[int(npmNames.length)]! : `clean-lib${i}`;
    const v = `${int(8)}.${int(10)}.${int(6)}`;
    npm.push({ type: 'npm', name, version: v, purl: `pkg:npm/${name}@${v}` });
  }
  all.push(...npm);
  return { all, tiny: npm.filter((p) => !p.name.startsWith('clean')).slice(0, 5) };
}

/** The bucket and API on loopback, one shared link of BYTES_PER_SECOND, LATENCY_MS before each answer. */
class Server {
  bytes = 0;
  requests = 0;
  /** Ids fetched with GET /v1/vulns/{id}. */
  fetched: string[] = [];
  url = '';
  private linkFree = 0;
  private readonly server = createServer((req, res) => void this.handle(req, res));

  constructor(private readonly data: Record<string, Eco>) {}

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  private async send(
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: Buffer,
  ): Promise<void> {
    res.writeHead(status, { 'content-length': String(body.length), ...headers });
    for (let o = 0; o < body.length && !res.destroyed; o += 65_536) {
      const chunk = body.subarray(o, o + 65_536);
      const now = performance.now();
      this.linkFree = Math.max(now, this.linkFree) + (chunk.length / BYTES_PER_SECOND) * 1000;
      if (this.linkFree - now > 1) await new Promise((r) => setTimeout(r, this.linkFree - now));
      if (res.destroyed) break;
      this.bytes += chunk.length;
      if (!res.write(chunk))
        await new Promise<void>((r) => {
          const done = (): void => {
            res.off('drain', done).off('close', done);
            r();
          };
          res.on('drain', done).on('close', done);
        });
    }
    res.end();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    await new Promise((r) => setTimeout(r, LATENCY_MS));
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const json = { 'content-type': 'application/json' };
    let m = /^\/([^/]+)\/all\.zip$/.exec(path);
    if (m && this.data[m[1]!]) {
      const e = this.data[m[1]!]!;
      if (req.headers['if-none-match'] === e.etag) return void res.writeHead(304, { etag: e.etag }).end();
      return this.send(res, 200, { etag: e.etag, 'content-type': 'application/zip' }, e.zip);
    }
    m = /^\/([^/]+)\/modified_id\.csv$/.exec(path);
    if (m && this.data[m[1]!]) {
      const text = listing(this.data[m[1]!]!);
      const etag = `"${m[1]}-${text.length}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      return this.send(res, 200, { etag, 'content-type': 'text/csv' }, Buffer.from(text));
    }
    m = /^\/([^/]+)\/([^/]+)\.json$/.exec(path);
    const rec = m ? this.data[m[1]!]?.records.get(m[2]!) : undefined;
    if (rec) return this.send(res, 200, json, Buffer.from(JSON.stringify(rec)));
    if (req.method === 'POST' && path === '/v1/querybatch') {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        queries: { package: { ecosystem: string; name: string } }[];
      };
      // By package, as the API answers for ecosystems without version order; the client re-checks versions.
      const results = body.queries.map((q) => {
        const ids = this.byName(q.package.ecosystem.split(':')[0]!).get(q.package.name) ?? [];
        return ids.length ? { vulns: ids.map((id) => ({ id, modified: '2026-01-01T00:00:00Z' })) } : {};
      });
      return this.send(res, 200, json, Buffer.from(JSON.stringify({ results })));
    }
    m = /^\/v1\/vulns\/(.+)$/.exec(path);
    if (m) {
      this.fetched.push(m[1]!);
      for (const e of Object.values(this.data)) {
        const r = e.records.get(m[1]!);
        if (r) return this.send(res, 200, json, Buffer.from(JSON.stringify(r)));
      }
    }
    res.writeHead(404).end('not found');
  }

  private readonly names = new Map<string, Map<string, string[]>>();
  private byName(eco: string): Map<string, string[]> {
    let m = this.names.get(eco);
    if (m) return m;
    m = new Map();
    for (const r of this.data[eco]?.records.values() ?? [])
      for (const a of r.affected ?? []) {
        const list = m.get(a.package!.name) ?? [];
        if (!list.includes(r.id)) list.push(r.id);
        m.set(a.package!.name, list);
      }
    this.names.set(eco, m);
    return m;
  }
}

interface ChildResult {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  findings: number;
  source: string;
  log: string[];
}

interface ChildArgs {
  url: string;
  cacheDir: string;
  mode: VulnDbMode;
  packages: Package[];
  nowOffsetMs: number;
  ecosystems?: string[];
}

/**
 * This process's peak RSS (VmHWM). Not resourceUsage().maxRSS: Linux carries that over from the parent
 * across fork and exec, so a child would report the bench's own peak.
 */
function peakRssMb(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 1024) : NaN;
}

/** One data step in a fresh process, as a scan runs it. */
async function child(args: ChildArgs): Promise<void> {
  const sink = new MemorySink();
  setLogger(new Logger([sink], 'info'));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const db = await openVulnDatabase(args.packages, OS, {
    mode: args.mode,
    baseUrl: args.url,
    apiUrl: args.url,
    cacheDir: args.cacheDir,
    now: () => Date.now() + args.nowOffsetMs,
    network: { bytesPerSecond: BYTES_PER_SECOND, roundTripMs: LATENCY_MS },
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const findings = matchVulnerabilities(args.packages, OS, db).length;
  const out: ChildResult = {
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMb: peakRssMb(),
    findings,
    source: db.source,
    log: sink.lines.map((l) => l.line).filter((l) => l.startsWith('OSV data:')),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

async function main(): Promise<void> {
  setLogger(new Logger([], 'error'));
  if (process.argv[2] === 'child') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return child(JSON.parse(Buffer.concat(chunks).toString()) as ChildArgs);
  }
  const load = loadavg()[0];
  const day0 = DAY0;
  const tBuild = performance.now();
  const data = build(day0);
  const buildMs = Math.round(performance.now() - tBuild);
  const { all, tiny } = inventory();
  const server = new Server(data);
  await server.start();
  // Children are spawned asynchronously: the server answering them runs in this process.
  const dirs: string[] = [];
  const fresh = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'sg-bench-vulndata-'));
    dirs.push(d);
    return d;
  };
  try {
    const cache = fresh();
    const cold = await runChildAsync(server, {
      cacheDir: cache,
      mode: 'database',
      packages: all,
      nowOffsetMs: 0,
    });
    const warm = await runChildAsync(server, {
      cacheDir: cache,
      mode: 'database',
      packages: all,
      nowOffsetMs: 0,
    });
    nextDay(data, day0 + DAY_MS);
    const next = await runChildAsync(server, {
      cacheDir: cache,
      mode: 'database',
      packages: all,
      nowOffsetMs: DAY_MS,
    });
    const largest = Object.entries(data).sort((a, b) => b[1].zip.length - a[1].zip.length)[0]![0];
    const compile = await runChildAsync(server, {
      cacheDir: fresh(),
      mode: 'database',
      packages: all.filter((p) => (largest === 'npm' ? p.type === 'npm' : p.type === 'deb')),
      nowOffsetMs: 0,
    });
    const apiAll = await runChildAsync(server, {
      cacheDir: fresh(),
      mode: 'api',
      packages: all,
      nowOffsetMs: 0,
    });
    const apiAllFetched = server.fetched;
    const debianHits = apiAllFetched.filter((id) => id.startsWith('DEBIAN-')).length;
    const apiTiny = await runChildAsync(server, {
      cacheDir: fresh(),
      mode: 'api',
      packages: tiny,
      nowOffsetMs: 0,
    });
    const autoAll = await runChildAsync(server, {
      cacheDir: fresh(),
      mode: 'auto',
      packages: all,
      nowOffsetMs: 0,
    });
    const autoTiny = await runChildAsync(server, {
      cacheDir: fresh(),
      mode: 'auto',
      packages: tiny,
      nowOffsetMs: 0,
    });
    const fullBytes = Object.values(data).reduce((n, e) => n + e.zip.length, 0);
    const debs = new Set(all.filter((p) => p.type === 'deb').map((p) => p.sourceName)).size;
    const npms = all.filter((p) => p.type === 'npm').length;
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      loadAverage: load,
      network: { bytesPerSecond: BYTES_PER_SECOND, latencyMs: LATENCY_MS },
      archives: Object.fromEntries(
        Object.entries(data).map(([k, e]) => [k, { records: e.records.size, bytes: e.zip.length }]),
      ),
      daily: DAILY,
      inventory: { debianSources: debs, debianPackages: all.length - npms, npm: npms, tiny: tiny.length },
      buildMs,
      cold,
      warm,
      nextDay: { ...next, fractionOfFull: Math.round((next.bytes / fullBytes) * 10000) / 10000 },
      compileLargest: { ecosystem: largest, ...compile },
      apiAll: {
        ...apiAll,
        hitsPerPackage: {
          Debian: round2(debianHits / debs),
          npm: round2((apiAllFetched.length - debianHits) / npms),
        },
      },
      apiTiny,
      autoAll,
      autoTiny,
      trivyPeer: {
        computed: true,
        bytes: TRIVY_DB_BYTES,
        ms: Math.round(LATENCY_MS * 3 + (TRIVY_DB_BYTES / BYTES_PER_SECOND) * 1000),
        source: 'trivy-db ~40 MB compressed, oneuptime.com/blog/post/2026-01-28-trivy-db-updates',
      },
      targets: { warmMs: 1000, nextDayFraction: 0.05, compilePeakMb: 300 },
      ok: warm.ms < 1000 && next.bytes / fullBytes < 0.05 && compile.maxRssMb < 300,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await server.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

function runChildAsync(
  server: Server,
  args: Omit<ChildArgs, 'url'>,
): Promise<ChildResult & { bytes: number; requests: number }> {
  server.bytes = 0;
  server.requests = 0;
  server.fetched = [];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, process.argv[1]!, 'child'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`data step failed (exit ${code}): ${err.slice(-2000)}`));
      const r = JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
      resolve({ ...r, bytes: server.bytes, requests: server.requests });
    });
    p.stdin.end(JSON.stringify({ ...args, url: server.url }));
  });
}

await main();
