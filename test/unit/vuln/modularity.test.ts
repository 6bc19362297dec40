/**
 * RHEL-family modularity: an affected entry tied to a module stream (Red Hat's purls carry `rpmmod=`)
 * applies only to packages installed from that stream. The records here are the real ALSA-2023:1140
 * record copied, with only the ecosystem, package purl and id changed (see test/fixtures/osv/README.md).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OsInfo } from '../../../src/core/package';
import { matchVulnerabilities } from '../../../src/vuln/match';
import type { VulnDatabase } from '../../../src/vuln/osv/db';
import { loadLocalDatabase } from '../../../src/vuln/osv/local';
import type { OsvRecord } from '../../../src/vuln/osv/types';
import { OSV_FIXTURES, pkg } from '../../support/vuln';

let dir: string;
let db: VulnDatabase;
const RHEL8: OsInfo = { id: 'rhel', versionId: '8.8' };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-mod-'));
  const base = JSON.parse(
    readFileSync(join(OSV_FIXTURES, 'AlmaLinux', 'ALSA-2023_1140.json'), 'utf8'),
  ) as OsvRecord;
  const modular: OsvRecord = {
    ...base,
    id: 'TEST-MODULAR-1',
    affected: base.affected!.map((a) => ({
      ...a,
      package: {
        ...a.package!,
        ecosystem: 'Red Hat:enterprise_linux:8::appstream',
        purl: `pkg:rpm/redhat/${a.package!.name}?rpmmod=curl:7`,
      },
    })),
  };
  const plain: OsvRecord = {
    ...base,
    id: 'TEST-PLAIN-1',
    affected: base.affected!.map((a) => ({
      ...a,
      package: { ...a.package!, ecosystem: 'Red Hat:enterprise_linux:8::baseos' },
    })),
  };
  writeFileSync(join(dir, 'modular.json'), JSON.stringify(modular));
  writeFileSync(join(dir, 'plain.json'), JSON.stringify(plain));
  db = loadLocalDatabase(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function advisories(label?: string): string[] {
  const p = pkg('rpm', 'libcurl', '7.61.1-25.el8_7.1', label ? { modularityLabel: label } : {});
  return matchVulnerabilities([p], RHEL8, db)
    .flatMap((f) => f.properties?.advisories as string[])
    .sort();
}

describe('RHEL modularity', () => {
  it('applies module-stream entries only to packages from that stream', () => {
    expect(advisories('curl:7:8080020230101:abcdef12')).toEqual(['TEST-MODULAR-1', 'TEST-PLAIN-1']);
    expect(advisories()).toEqual(['TEST-PLAIN-1']);
    expect(advisories('curl:8:8080020230101:abcdef12')).toEqual(['TEST-PLAIN-1']);
  });
  it('matches Red Hat ecosystems of the same major release only', () => {
    const p = pkg('rpm', 'libcurl', '7.61.1-25.el8_7.1');
    expect(matchVulnerabilities([p], { id: 'rhel', versionId: '9.2' }, db)).toEqual([]);
  });
});
