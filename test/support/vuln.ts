import { join } from 'node:path';
import type { OsInfo, Package, PackageType } from '../../src/core/package';
import { ROOT } from './tools';

/** The real OSV records shipped with the tests (see test/fixtures/osv/README.md). */
export const OSV_FIXTURES = join(ROOT, 'test', 'fixtures', 'osv');

export function pkg(type: PackageType, name: string, version: string, extra: Partial<Package> = {}): Package {
  return {
    type,
    name,
    version,
    purl: `pkg:${type}/${encodeURIComponent(name)}@${encodeURIComponent(version)}`,
    ...extra,
  };
}

export function deb(
  name: string,
  version: string,
  source?: string,
  sourceVersion?: string,
  extra: Partial<Package> = {},
): Package {
  const p = pkg('deb', name, version, {
    purl: `pkg:deb/debian/${name}@${encodeURIComponent(version)}?arch=amd64`,
    ...extra,
  });
  if (source) p.sourceName = source;
  if (sourceVersion) p.sourceVersion = sourceVersion;
  return p;
}

export const DEBIAN_9: OsInfo = {
  id: 'debian',
  versionId: '9',
  codename: 'stretch',
  eol: true,
  eolDate: '2022-06-30',
};
export const DEBIAN_12: OsInfo = { id: 'debian', versionId: '12', codename: 'bookworm' };
