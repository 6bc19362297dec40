/**
 * Benchmark: load a compiled OSV index of realistic size (Debian ~30k, npm ~15k, PyPI ~12k, Go ~4k
 * records, shaped like the real records in test/fixtures/osv) from the cache directory, then match
 * 3,000 packages. Prints JSON { indexLoadMs, matchMs, packages, records }.
 * Targets: indexLoadMs < 500, matchMs < 1000.   Run: npx tsx bench/vuln-match.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger, setLogger } from '../src/core/logger';
import type { OsInfo, Package } from '../src/core/package';
import { matchVulnerabilities } from '../src/vuln/match';
import { IndexBuilder } from '../src/vuln/osv/compact';
import { INDEX_FORMAT } from '../src/vuln/osv/layout';
import {
  archiveUrl,
  cachePaths,
  loadRemoteDatabase,
  writeCachedIndex,
  type CacheMeta,
} from '../src/vuln/osv/remote';
import type { OsvRecord } from '../src/vuln/osv/types';

let seed = 12345;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const int = (n: number): number => Math.floor(rnd() * n);

const CVSS = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const debSources = Array.from({ length: 4000 }, (_, i) => `srcpkg${i}`);
const npmNames = Array.from({ length: 6000 }, (_, i) =>
  i % 5 === 0 ? `@scope${i % 50}/npm-pkg${i}` : `npm-pkg${i}`,
);
const pyNames = Array.from({ length: 4000 }, (_, i) => `py-project-${i}`);
const goNames = Array.from({ length: 1500 }, (_, i) => `github.com/org${i % 300}/mod${i}`);

const debVersion = (maj: number, min: number, rev: number, rel: string): string =>
  `${maj}.${min}.${int(10)}-${rev}${rel}`;

function debianRecord(i: number): OsvRecord {
  const src = debSources[int(debSources.length)]!;
  const maj = 1 + int(3);
  const min = int(20);
  const affected = ['Debian:11', 'Debian:12', 'Debian:13'].map((eco, k) => {
    const rel = ['+deb11u', '+deb12u', ''][k]!;
    const fixedRev = 2 + int(5);
    const unfixed = rnd() < 0.15;
    return {
      package: { ecosystem: eco, name: src, purl: `pkg:deb/debian/${src}?arch=source` },
      ranges: [
        {
          type: 'ECOSYSTEM',
          events: unfixed
            ? [{ introduced: '0' }]
            : [{ introduced: '0' }, { fixed: `${maj}.${min}.5-${fixedRev}${rel}${rel ? '1' : ''}` }],
        },
      ],
      versions: Array.from({ length: 8 }, (_, v) =>
        debVersion(maj, Math.max(0, min - v), 1 + int(3), rel ? `${rel}${v}` : ''),
      ),
      ecosystem_specific: { urgency: ['low', 'medium', 'high', 'not yet assigned', 'unimportant'][int(5)]! },
      database_specific: {
        source: `https://storage.googleapis.com/debian-osv/debian-cve-osv/DEBIAN-CVE-2024-${i}.json`,
      },
    };
  });
  return {
    id: `DEBIAN-CVE-2024-${i}`,
    schema_version: '1.7.0',
    modified: '2026-01-01T00:00:00Z',
    published: '2024-01-01T00:00:00Z',
    upstream: [`CVE-2024-${i}`],
    details: `A vulnerability in ${src} allows remote attackers to do things. `.repeat(4),
    affected,
    references: [{ type: 'ADVISORY', url: `https://security-tracker.debian.org/tracker/CVE-2024-${i}` }],
  };
}

function npmRecord(i: number): OsvRecord {
  const name = npmNames[int(npmNames.length)]!;
  const maj = int(8);
  return {
    id: `GHSA-npm-${i}`,
    modified: '2026-01-01T00:00:00Z',
    aliases: [`CVE-2023-${10000 + i}`],
    summary: `Prototype pollution in ${name}`,
    details: 'Long markdown details. '.repeat(30),
    severity: [{ type: 'CVSS_V3', score: CVSS }],
    affected: [
      {
        package: { ecosystem: 'npm', name },
        ranges: [
          {
            type: 'ECOSYSTEM',
            events: [{ introduced: `${maj}.0.0` }, { fixed: `${maj}.${1 + int(9)}.${int(5)}` }],
          },
        ],
      },
      {
        package: { ecosystem: 'npm', name },
        ranges: [
          {
            type: 'ECOSYSTEM',
            events: [{ introduced: '0' }, { fixed: `${maj === 0 ? 0 : maj - 1}.9.${int(5)}` }],
          },
        ],
      },
    ],
    references: Array.from({ length: 6 }, (_, k) => ({
      type: 'WEB',
      url: `https://github.com/advisories/x${i}/${k}`,
    })),
    database_specific: { severity: 'HIGH', cwe_ids: ['CWE-1321'], github_reviewed: true },
  };
}

function pypiRecord(i: number): OsvRecord {
  const name = pyNames[int(pyNames.length)]!;
  const maj = 1 + int(4);
  return {
    id: `PYSEC-2024-${i}`,
    modified: '2026-01-01T00:00:00Z',
    aliases: [`CVE-2022-${20000 + i}`, `GHSA-py-${i}`],
    details: 'Details of the issue. '.repeat(20),
    affected: [
      {
        package: { ecosystem: 'PyPI', name, purl: `pkg:pypi/${name}` },
        ranges: [
          {
            type: 'GIT',
            repo: `https://github.com/x/${name}`,
            events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }],
          },
          { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: `${maj}.${int(10)}.${int(5)}` }] },
        ],
        versions: Array.from(
          { length: 30 },
          (_, v) => `${Math.max(0, maj - 1 - (v % 2))}.${v % 10}.${v % 3}`,
        ),
      },
    ],
    references: [{ type: 'FIX', url: `https://github.com/x/${name}/commit/${'a'.repeat(40)}` }],
  };
}

function goRecord(i: number): OsvRecord {
  const name = i % 10 === 0 ? 'stdlib' : goNames[int(goNames.length)]!;
  const minor = 18 + int(6);
  return {
    id: `GO-2024-${i}`,
    modified: '2026-01-01T00:00:00Z',
    aliases: [`CVE-2024-${50000 + i}`, `GHSA-go-${i}`],
    summary: `Denial of service in ${name}`,
    details: 'Details. '.repeat(20),
    affected: [
      {
        package: { ecosystem: 'Go', name },
        ranges: [
          {
            type: 'SEMVER',
            events: [
              { introduced: '0' },
              { fixed: `1.${minor}.${1 + int(9)}` },
              { introduced: `1.${minor + 1}.0-0` },
              { fixed: `1.${minor + 1}.${1 + int(5)}` },
            ],
          },
        ],
        ecosystem_specific: { imports: [{ path: `${name}/sub`, symbols: ['A', 'B', 'C'] }] },
      },
    ],
    database_specific: { url: `https://pkg.go.dev/vuln/GO-2024-${i}`, review_status: 'REVIEWED' },
  };
}

function packages(): Package[] {
  const out: Package[] = [];
  for (let i = 0; i < 1500; i++) {
    const src = debSources[int(debSources.length)]!;
    const v = debVersion(1 + int(3), int(20), 1 + int(3), `+deb12u${int(3)}`);
    out.push({
      type: 'deb',
      name: `${src}-bin${i % 3}`,
      version: v,
      sourceName: src,
      purl: `pkg:deb/debian/${src}-bin@${v}`,
      layerIndex: 0,
    });
  }
  for (let i = 0; i < 800; i++) {
    const name = npmNames[int(npmNames.length)]!;
    const v = `${int(8)}.${int(10)}.${int(6)}`;
    out.push({ type: 'npm', name, version: v, purl: `pkg:npm/${name}@${v}` });
  }
  for (let i = 0; i < 500; i++) {
    const name = pyNames[int(pyNames.length)]!;
    const v = `${1 + int(4)}.${int(10)}.${int(5)}`;
    out.push({ type: 'pypi', name, version: v, purl: `pkg:pypi/${name}@${v}` });
  }
  for (let i = 0; i < 200; i++) {
    const name = i % 20 === 0 ? 'stdlib' : goNames[int(goNames.length)]!;
    const v = `v1.${18 + int(7)}.${int(10)}`;
    out.push({ type: 'golang', name, version: v, purl: `pkg:golang/${name}@${v}` });
  }
  return out;
}

const BASE_URL = 'https://bench.invalid';
const COUNTS: Record<string, [number, (i: number) => OsvRecord]> = {
  Debian: [30_000, debianRecord],
  npm: [15_000, npmRecord],
  PyPI: [12_000, pypiRecord],
  Go: [4_000, goRecord],
};

/** Compiles the synthetic records into the cache directory, as a download would. */
function build(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [eco, [n, make]] of Object.entries(COUNTS)) {
    const b = new IndexBuilder(new Set([eco]));
    for (let i = 0; i < n; i++) b.add(make(i));
    const p = cachePaths(dir, eco);
    const index = writeCachedIndex(p, b.result().get(eco)!);
    const meta: CacheMeta = {
      format: INDEX_FORMAT,
      url: archiveUrl(BASE_URL, eco),
      checkedAt: new Date().toISOString(),
      records: index.recordCount,
    };
    writeFileSync(p.meta, JSON.stringify(meta));
  }
}

async function main(): Promise<void> {
  setLogger(new Logger([], 'error'));
  if (process.argv[2] === 'build') return build(process.argv[3]!);
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-vuln-'));
  try {
    // Compile in a child process, so the measured process starts like a scan does: cache on disk, fresh heap.
    const tBuild = performance.now();
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, 'build', dir], {
      stdio: 'inherit',
    });
    if (child.status !== 0) throw new Error(`index build failed (exit ${child.status})`);
    const compileMs = performance.now() - tBuild;

    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const db = await loadRemoteDatabase(Object.keys(COUNTS), {
      baseUrl: BASE_URL,
      cacheDir: dir,
      offline: true,
    });
    const indexLoadMs = performance.now() - t0;
    const c1 = process.cpuUsage(c0);

    const pkgs = packages();
    const os: OsInfo = { id: 'debian', versionId: '12' };
    const c2 = process.cpuUsage();
    const t1 = performance.now();
    const findings = matchVulnerabilities(pkgs, os, db);
    const matchMs = performance.now() - t1;
    const c3 = process.cpuUsage(c2);
    const cpuMs = (c: NodeJS.CpuUsage): number => Math.round((c.user + c.system) / 1000);

    const result = {
      indexLoadMs: Math.round(indexLoadMs),
      matchMs: Math.round(matchMs),
      packages: pkgs.length,
      records: db.recordCount(),
      findings: findings.length,
      // CPU time of this process: the same numbers without the noise of a busy machine.
      indexLoadCpuMs: cpuMs(c1),
      matchCpuMs: cpuMs(c3),
      compileMs: Math.round(compileMs),
      targets: { indexLoadMs: 500, matchMs: 1000 },
      ok: indexLoadMs < 500 && matchMs < 1000,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
