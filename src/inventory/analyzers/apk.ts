/**
 * apk: `/lib/apk/db/installed`. A visible database that cannot be read (binary, a line that is not a field,
 * a record without `P` or `V`) fails the analyzer, and so the scan is not approved; a copy a later layer
 * replaced or deleted does not.
 */
import { ShipgateError } from '../../core/errors';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { databaseText } from '../control';
import { attributeToLayers, FileVersions, readDb, visibleDbVersions, type DbRead } from '../layer';
import { osPackagePurl } from '../purl';
import { inventoryPart, type InventoryPart } from '../types';

const DB_PATHS = ['/lib/apk/db/installed', '/usr/lib/apk/db/installed'];
const MAX_DB_BYTES = 256 * 1024 * 1024;
const FIELD = /^[A-Za-z]:/;

/**
 * Packages of an apk `installed` database: blank-line separated records of one-letter fields
 * (P name, V version, A arch, o origin, L license, c commit).
 */
export function parseApkInstalled(text: string): Package[] {
  const out: Package[] = [];
  for (const [i, block] of text.split(/\n\s*\n/).entries()) {
    if (block.trim() === '') continue;
    const f = new Map<string, string>();
    for (const line of block.split('\n')) {
      if (line.trim() === '') continue;
      if (!FIELD.test(line))
        throw new ShipgateError('IMAGE_FORMAT', `record ${i + 1}: a line is not a field`);
      if (line.length > 2 && !f.has(line[0]!)) f.set(line[0]!, line.slice(2));
    }
    const name = f.get('P');
    const version = f.get('V');
    if (!name || !version) throw new ShipgateError('IMAGE_FORMAT', `record ${i + 1} has no P or V field`);
    const p: Package = {
      name,
      version,
      type: 'apk',
      purl: '',
      sourceName: f.get('o') ?? name,
      sourceVersion: version,
    };
    const arch = f.get('A');
    if (arch) p.arch = arch;
    const license = f.get('L');
    if (license) p.licenses = splitApkLicense(license);
    p.purl = osPackagePurl(p, undefined);
    out.push(p);
  }
  return out;
}

/** apk's L: field is an SPDX-ish expression ("MIT AND BSD-2-Clause", older "GPL-2.0-only MIT"). */
function splitApkLicense(license: string): string[] {
  if (/\s(AND|OR|WITH)\s/.test(license)) return [license.trim()];
  return license.split(/\s+/).filter(Boolean);
}

export function apkAnalyzer(): Analyzer<InventoryPart> {
  const dbs = new FileVersions<DbRead>();
  return {
    name: 'apk',
    maxBytes: MAX_DB_BYTES,
    wants: (entry: FileEntry) => DB_PATHS.includes(entry.path),
    async analyze(entry, content, truncated) {
      const read = await readDb(() => {
        if (truncated)
          throw new ShipgateError('LIMIT', `larger than the ${MAX_DB_BYTES >> 20} MiB read limit`);
        return parseApkInstalled(databaseText(content));
      });
      dbs.add(entry, read);
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      for (const path of dbs.paths()) {
        packages.push(...attributeToLayers(visibleDbVersions(dbs, path, view.visibleLayer(path), 'apk')));
      }
      return inventoryPart('apk', packages);
    },
  };
}
