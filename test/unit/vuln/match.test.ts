/**
 * Matching against the real OSV fixture records only. Two kinds of checks:
 * - oracle: every version osv.dev enumerated in a record's `versions` list is reported, and no
 *   record is reported at its own `fixed` versions;
 * - named cases per ecosystem (Debian, Ubuntu, Alpine, AlmaLinux, npm, PyPI, Go, Maven, crates.io):
 *   expected matches present, non-affected versions absent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding';
import type { OsInfo, Package, PackageType } from '../../../src/core/package';
import { matchVulnerabilities } from '../../../src/vuln/match';
import type { VulnDatabase } from '../../../src/vuln/osv/db';
import { loadLocalDatabase } from '../../../src/vuln/osv/local';
import type { OsvRecord } from '../../../src/vuln/osv/types';
import { DEBIAN_12, DEBIAN_9, OSV_FIXTURES, deb, pkg } from '../../support/vuln';

let db: VulnDatabase;
beforeAll(() => {
  db = loadLocalDatabase(OSV_FIXTURES);
});

function findings(p: Package, os?: OsInfo, opts: { ignoreUnfixed?: boolean } = {}): Finding[] {
  return matchVulnerabilities([p], os, db, opts).filter((f) => f.ruleId !== 'SG-OS-001');
}
function ids(p: Package, os?: OsInfo): string[] {
  return findings(p, os)
    .map((f) => f.ruleId)
    .sort();
}
function advisories(p: Package, os?: OsInfo): string[] {
  return findings(p, os).flatMap((f) => f.properties?.advisories as string[]);
}

function allRecords(): OsvRecord[] {
  const out: OsvRecord[] = [];
  for (const dir of readdirSync(OSV_FIXTURES, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(OSV_FIXTURES, dir.name)))
      out.push(JSON.parse(readFileSync(join(OSV_FIXTURES, dir.name, f), 'utf8')) as OsvRecord);
  }
  return out;
}

/** A package and OS that put `name@version` into the given OSV ecosystem. */
function packageIn(
  ecosystem: string,
  name: string,
  version: string,
): { p: Package; os?: OsInfo } | undefined {
  const [base, ...rest] = ecosystem.split(':');
  const lang: Record<string, PackageType> = {
    npm: 'npm',
    PyPI: 'pypi',
    Go: 'golang',
    Maven: 'maven',
    'crates.io': 'cargo',
  };
  if (lang[base!]) return { p: pkg(lang[base!]!, name, version) };
  if (base === 'Debian') return { p: deb(name, version, name), os: { id: 'debian', versionId: rest[0]! } };
  if (base === 'Ubuntu') {
    const ver = rest.find((x) => /^\d/.test(x))!;
    return { p: deb(name, version, name), os: { id: 'ubuntu', versionId: ver, eol: rest[0] === 'Pro' } };
  }
  if (base === 'Alpine')
    return {
      p: pkg('apk', name, version, { sourceName: name }),
      os: { id: 'alpine', versionId: `${rest[0]!.slice(1)}.0` },
    };
  if (base === 'AlmaLinux')
    return { p: pkg('rpm', name, version), os: { id: 'almalinux', versionId: `${rest[0]}.6` } };
  return undefined;
}

describe('oracle: the records themselves', () => {
  it('reports every version a record enumerates in `versions`', () => {
    let checked = 0;
    const missing: string[] = [];
    for (const r of allRecords()) {
      for (const a of r.affected ?? []) {
        for (const v of a.versions ?? []) {
          const t = packageIn(a.package!.ecosystem, a.package!.name, v);
          if (!t) continue;
          checked++;
          if (!advisories(t.p, t.os).includes(r.id)) missing.push(`${r.id} ${a.package!.name} ${v}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(800);
  });

  it('never reports a record at one of its own fixed versions', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const r of allRecords()) {
      for (const a of r.affected ?? []) {
        for (const range of a.ranges ?? []) {
          if (range.type === 'GIT') continue;
          for (const e of range.events) {
            if (!e.fixed) continue;
            const t = packageIn(a.package!.ecosystem, a.package!.name, e.fixed);
            if (!t) continue;
            checked++;
            if (advisories(t.p, t.os).includes(r.id)) wrong.push(`${r.id} ${a.package!.name} ${e.fixed}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });
});

describe('Debian (source packages, release)', () => {
  it('matches a binary package through its source package, with the CVE as id', () => {
    const fs = findings(deb('libssl1.1', '1.1.0l-1~deb9u5', 'openssl'), DEBIAN_9);
    expect(fs.map((f) => f.ruleId)).toEqual(['CVE-2022-1292']);
    const f = fs[0]!;
    expect(f.vulnerability?.aliases).toEqual(['DEBIAN-CVE-2022-1292', 'DLA-3008-1']);
    expect(f.vulnerability?.fixedVersions).toEqual(['1.1.0l-1~deb9u6']);
    expect(f.vulnerability?.fixState).toBe('fixed');
    expect(f.vulnerability?.ecosystem).toBe('Debian:9');
    expect(f.fixable).toBe(true);
    expect(f.message).toBe(
      'libssl1.1 1.1.0l-1~deb9u5 (source openssl) is affected by CVE-2022-1292: openssl - security update; fixed in 1.1.0l-1~deb9u6',
    );
    expect(f.fix).toMatch(/^upgrade libssl1\.1 \(source openssl\) to 1\.1\.0l-1~deb9u6 or later/);
  });

  it('uses the source version when the binary version differs (binNMU)', () => {
    expect(
      ids(deb('libxml2', '2.9.4+dfsg1-2.2+deb9u6+b1', 'libxml2', '2.9.4+dfsg1-2.2+deb9u6'), DEBIAN_9),
    ).toEqual(['CVE-2022-29824']);
  });

  it('does not report fixed versions, later versions, other releases or other packages', () => {
    expect(ids(deb('libssl1.1', '1.1.0l-1~deb9u6', 'openssl'), DEBIAN_9)).toEqual([]);
    expect(ids(deb('libssl1.1', '1.1.0l-1~deb9u6+b1', 'openssl', '1.1.0l-1~deb9u7'), DEBIAN_9)).toEqual([]);
    expect(ids(deb('libssl1.1', '1.1.0l-1~deb9u5', 'openssl'), DEBIAN_12)).toEqual([]);
    expect(ids(deb('openssl', '1.1.0l-1~deb9u5', 'openssl-other'), DEBIAN_9)).toEqual([]);
  });

  it('keeps advisories without a CVE under their own id and handles the old DSA format', () => {
    expect(ids(deb('tzdata', '2021a-0+deb9u3', 'tzdata'), DEBIAN_9)).toEqual(['DLA-3051-1']);
    expect(ids(deb('tzdata', '2021a-0+deb9u4', 'tzdata'), DEBIAN_9)).toEqual([]);
    const wheezy: OsInfo = { id: 'debian', versionId: '7' };
    expect(ids(deb('nginx-full', '1.2.1-2.2+wheezy2', 'nginx'), wheezy)).toEqual(['CVE-2014-3616']);
    expect(ids(deb('nginx-full', '1.2.1-2.2+wheezy3', 'nginx'), wheezy)).toEqual([]);
  });

  it('reports an end-of-life release as a finding of its own', () => {
    const all = matchVulnerabilities([], DEBIAN_9, db);
    expect(all.map((f) => [f.ruleId, f.kind, f.severity])).toEqual([['SG-OS-001', 'vulnerability', 'high']]);
    expect(all[0]!.message).toContain('2022-06-30');
    expect(matchVulnerabilities([], DEBIAN_12, db)).toEqual([]);
  });
});

describe('Ubuntu (ESM data for releases past standard support)', () => {
  const trusty: OsInfo = { id: 'ubuntu', versionId: '14.04', eol: true };
  it('reports an unfixed vulnerability as unfixed, and hides it with ignoreUnfixed', () => {
    const p = deb('linux-libc-dev', '3.13.0-170.220', 'linux');
    const fs = findings(p, trusty);
    expect(fs.map((f) => f.ruleId)).toEqual(['CVE-2025-38094']);
    expect(fs[0]!.vulnerability?.fixState).toBe('unfixed');
    expect(fs[0]!.fixable).toBe(false);
    expect(fs[0]!.severity).toBe('medium');
    expect(fs[0]!.vulnerability?.severitySource).toBe('ubuntu priority');
    expect(findings(p, trusty, { ignoreUnfixed: true })).toEqual([]);
  });

  it('does not apply Pro (ESM) data to a supported release with archive packages, nor other releases', () => {
    expect(
      ids(deb('linux-libc-dev', '3.13.0-170.220', 'linux'), { id: 'ubuntu', versionId: '14.04' }),
    ).toEqual([]);
    expect(
      ids(deb('linux-libc-dev', '3.13.0-170.220', 'linux'), { id: 'ubuntu', versionId: '16.04', eol: true }),
    ).toEqual([]);
  });
});

describe('Alpine (origin package, branch)', () => {
  const v319: OsInfo = { id: 'alpine', versionId: '3.19.1' };
  it('matches the origin package in the branch', () => {
    const fs = findings(pkg('apk', 'musl-utils', '1.2.4_git20230717-r4', { sourceName: 'musl' }), v319);
    expect(fs.map((f) => f.ruleId)).toEqual(['CVE-2025-26519']);
    expect(fs[0]!.vulnerability?.fixedVersions).toEqual(['1.2.4_git20230717-r5']);
    expect(fs[0]!.vulnerability?.ecosystem).toBe('Alpine:v3.19');
  });
  it('does not report the fix, versions before `introduced`, or branches without data', () => {
    expect(ids(pkg('apk', 'musl', '1.2.4_git20230717-r5', { sourceName: 'musl' }), v319)).toEqual([]);
    expect(ids(pkg('apk', 'musl', '0.9.12-r0', { sourceName: 'musl' }), v319)).toEqual([]);
    expect(
      ids(pkg('apk', 'musl', '1.2.2-r7', { sourceName: 'musl' }), { id: 'alpine', versionId: '3.15.4' }),
    ).toEqual([]);
  });
});

describe('AlmaLinux (binary rpm names, release, epochs)', () => {
  const alma8: OsInfo = { id: 'almalinux', versionId: '8.5' };
  const alma9: OsInfo = { id: 'almalinux', versionId: '9.0' };
  it('matches binary rpms with epochs and names the single CVE', () => {
    const fs = findings(pkg('rpm', 'openssl-libs', '1:1.1.1k-5.el8_5'), alma8);
    expect(fs.map((f) => f.ruleId)).toEqual(['CVE-2022-0778']);
    expect(fs[0]!.vulnerability?.aliases).toEqual(['ALSA-2022:1065']);
    expect(fs[0]!.severity).toBe('high');
    expect(fs[0]!.vulnerability?.severitySource).toBe('alsa advisory');
  });
  it('keeps a multi-CVE advisory under its own id with the CVEs as aliases', () => {
    const fs = findings(pkg('rpm', 'openssl', '1:3.0.1-41.el9_0'), alma9);
    expect(fs.map((f) => [f.ruleId, f.vulnerability?.aliases])).toEqual([
      ['ALSA-2022:7288', ['CVE-2022-3602', 'CVE-2022-3786']],
    ]);
  });
  it('does not report fixed versions, higher epochs or the other release', () => {
    expect(ids(pkg('rpm', 'openssl-libs', '1:1.1.1k-6.el8_5'), alma8)).toEqual([]);
    expect(ids(pkg('rpm', 'openssl-libs', '2:1.1.1a-1.el8'), alma8)).toEqual([]);
    expect(ids(pkg('rpm', 'openssl', '1:3.0.1-43.el9_0'), alma9)).toEqual([]);
    expect(ids(pkg('rpm', 'curl', '7.76.1-23.el9_2.4'), alma9)).toEqual([]);
    expect(ids(pkg('rpm', 'zlib', '1.2.11-17.el8'), alma9)).toEqual([]);
  });
  it('treats a missing epoch as 0', () => {
    expect(ids(pkg('rpm', 'openssl-libs', '1.1.1k-7.el8'), alma8)).toEqual(['CVE-2022-0778']);
  });
});

describe('npm', () => {
  it('matches disjoint ranges of one advisory', () => {
    for (const v of ['7.5.1', '7.0.0', '6.3.0', '5.7.1', '0.1.0'])
      expect(ids(pkg('npm', 'semver', v)), v).toEqual(['CVE-2022-25883']);
    for (const v of ['7.5.2', '7.6.0', '6.3.1', '6.4.0', '5.7.2'])
      expect(ids(pkg('npm', 'semver', v)), v).toEqual([]);
  });
  it('reports each advisory once per package and uses GHSA severity and CVSS', () => {
    expect(ids(pkg('npm', 'lodash', '4.17.19'))).toEqual(['CVE-2020-8203', 'CVE-2021-23337']);
    expect(ids(pkg('npm', 'lodash', '4.17.20'))).toEqual(['CVE-2021-23337']);
    expect(ids(pkg('npm', 'lodash', '4.17.21'))).toEqual([]);
    const f = findings(pkg('npm', 'lodash', '4.17.20'))[0]!;
    expect(f.vulnerability?.aliases).toEqual(['GHSA-35jh-r3h4-6jhm']);
    expect(f.vulnerability?.cvss?.[0]).toMatchObject({ version: '3.1', score: 7.2 });
    expect(f.severity).toBe('high');
  });
  it('orders pre-releases (express 5 betas) and SEMVER ranges', () => {
    expect(ids(pkg('npm', 'express', '5.0.0-beta.1'))).toEqual(['CVE-2024-29041']);
    expect(ids(pkg('npm', 'express', '5.0.0'))).toEqual([]);
    expect(ids(pkg('npm', 'express', '4.19.2'))).toEqual([]);
    expect(ids(pkg('npm', 'ansi-html', '0.0.7'))).toEqual(['CVE-2021-23424']);
    expect(ids(pkg('npm', 'ansi-html', '0.0.8'))).toEqual([]);
  });
});

describe('PyPI', () => {
  it('merges PYSEC and GHSA records of one CVE into one finding', () => {
    const fs = findings(pkg('pypi', 'requests', '2.30.0'));
    expect(fs.map((f) => f.ruleId)).toEqual(['CVE-2023-32681']);
    expect(fs[0]!.vulnerability?.aliases).toEqual(['GHSA-j8r2-6x86-q33q', 'PYSEC-2023-74']);
    expect(fs[0]!.properties?.advisories).toEqual(['GHSA-j8r2-6x86-q33q', 'PYSEC-2023-74']);
  });
  it('does not report versions outside the ECOSYSTEM ranges (GIT ranges ignored)', () => {
    expect(ids(pkg('pypi', 'requests', '2.31.0'))).toEqual([]);
    expect(ids(pkg('pypi', 'requests', '2.2.1'))).toEqual([]);
    expect(ids(pkg('pypi', 'django', '3.1.11'))).toEqual(['CVE-2021-33203']);
    expect(ids(pkg('pypi', 'django', '3.1.12'))).toEqual([]);
    expect(ids(pkg('pypi', 'django', '3.2.4'))).toEqual([]);
  });
  it('normalises project names (PEP 503)', () => {
    expect(ids(pkg('pypi', 'Flask_Cors', '3.0.8'))).toEqual(['CVE-2020-25032']);
    expect(ids(pkg('pypi', 'Flask_Cors', '3.0.9'))).toEqual([]);
  });
});

describe('Go', () => {
  it('matches the standard library by toolchain version', () => {
    const got = ids(pkg('golang', 'stdlib', 'go1.21.2'));
    expect(got).toContain('CVE-2023-39325');
    expect(got).toContain('CVE-2023-45288');
    expect(ids(pkg('golang', 'stdlib', 'go1.21.3'))).not.toContain('CVE-2023-39325');
    expect(ids(pkg('golang', 'stdlib', 'go1.22.2'))).toEqual([]);
  });
  it('matches modules with v-prefixed versions and pseudo-versions', () => {
    expect(ids(pkg('golang', 'golang.org/x/net', 'v0.16.0'))).toEqual(['CVE-2023-39325', 'CVE-2023-45288']);
    expect(ids(pkg('golang', 'golang.org/x/net', 'v0.23.0'))).toEqual([]);
    expect(ids(pkg('golang', 'golang.org/x/sys', 'v0.0.0-20220310020820-b874c991c1a5'))).toEqual([
      'CVE-2022-29526',
    ]);
    expect(ids(pkg('golang', 'golang.org/x/sys', 'v0.0.0-20220412211240-33da011f77ad'))).toEqual([]);
    expect(
      ids(
        pkg('golang', 'runc', 'v1.0.1-0.20211012131345-9c444070ec7b', {
          namespace: 'github.com/opencontainers',
        }),
      ),
    ).toEqual(['CVE-2021-43784']);
    expect(ids(pkg('golang', 'github.com/opencontainers/runc', 'v1.0.0'))).toEqual([]);
    expect(ids(pkg('golang', 'github.com/opencontainers/runc', 'v1.1.0'))).toEqual([]);
  });
  it('does not merge loosely related ids', () => {
    const f = findings(pkg('golang', 'golang.org/x/net', 'v0.16.0')).find(
      (x) => x.ruleId === 'CVE-2023-39325',
    )!;
    expect(f.vulnerability?.aliases).toEqual(['GHSA-4374-p667-p6c8', 'GO-2023-2102']);
  });
});

describe('Maven', () => {
  it('orders Maven versions and honours last_affected', () => {
    const log4j = 'org.apache.logging.log4j:log4j-core';
    expect(ids(pkg('maven', log4j, '2.25.3'))).toEqual(['CVE-2026-34480']);
    expect(ids(pkg('maven', log4j, '2.0-beta9'))).toEqual(['CVE-2026-34480']);
    expect(ids(pkg('maven', log4j, '2.25.4'))).toEqual([]);
    const beta3 = findings(
      pkg('maven', 'log4j-core', '3.0.0-beta3', { namespace: 'org.apache.logging.log4j' }),
    );
    expect(beta3.map((f) => [f.ruleId, f.vulnerability?.fixState])).toEqual([['CVE-2026-34480', 'unknown']]);
    expect(beta3[0]!.vulnerability?.cvss?.[0]?.version).toBe('4.0');
    expect(ids(pkg('maven', log4j, '3.0.0'))).toEqual([]);
  });
  it('handles four-part versions', () => {
    const jd = 'com.fasterxml.jackson.core:jackson-databind';
    for (const v of ['2.13.2', '2.13.0', '2.12.6', '2.9.10.8'])
      expect(ids(pkg('maven', jd, v)), v).toEqual(['CVE-2020-36518']);
    for (const v of ['2.13.2.1', '2.12.6.1', '2.12.7', '2.14.0'])
      expect(ids(pkg('maven', jd, v)), v).toEqual([]);
  });
});

describe('crates.io', () => {
  it('matches SEMVER ranges that start at 0.0.0-0 and interleave', () => {
    for (const v of ['0.1.44', '0.2.7', '0.2.22'])
      expect(ids(pkg('cargo', 'time', v)), v).toEqual(['CVE-2020-26235']);
    for (const v of ['0.2.0', '0.2.1', '0.2.23', '0.3.0'])
      expect(ids(pkg('cargo', 'time', v)), v).toEqual([]);
    expect(ids(pkg('cargo', 'rustls', '0.22.3'))).toEqual(['CVE-2024-32650']);
    expect(ids(pkg('cargo', 'rustls', '0.22.4'))).toEqual([]);
    expect(ids(pkg('cargo', 'rustls', '0.21.11'))).toEqual([]);
  });
});

describe('finding shape', () => {
  it('copies the image location and makes a stable, version-independent fingerprint', () => {
    const base = {
      layerDigest: 'sha256:aa',
      layerIndex: 2,
      createdBy: 'RUN npm ci',
      path: '/app/node_modules/lodash/package.json',
    };
    const a = findings(pkg('npm', 'lodash', '4.17.19', { ...base, purl: 'pkg:npm/lodash@4.17.19' })).find(
      (f) => f.ruleId === 'CVE-2021-23337',
    )!;
    const b = findings(pkg('npm', 'lodash', '4.17.20', { ...base, purl: 'pkg:npm/lodash@4.17.20' }))[0]!;
    expect(a.image).toEqual(base);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});
