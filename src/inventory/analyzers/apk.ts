import type { Package } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { attributeToLayers, FileVersions } from '../layer';
import { osPackagePurl } from '../purl';
import { inventoryPart, type InventoryPart } from '../types';

const DB_PATHS = ['/lib/apk/db/installed', '/usr/lib/apk/db/installed'];

/**
 * Packages of an apk `installed` database: blank-line separated records of one-letter fields
 * (P name, V version, A arch, o origin, L license, c commit).
 */
export function parseApkInstalled(text: string): Package[] {
  const out: Package[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const f = new Map<string, string>();
    for (const line of block.split('\n')) {
      if (line.length > 2 && line[1] === ':' && !f.has(line[0]!)) f.set(line[0]!, line.slice(2));
    }
    const name = f.get('P');
    const version = f.get('V');
    if (!name || !version) continue;
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
  const dbs = new FileVersions<Package[]>();
  return {
    name: 'apk',
    maxBytes: 256 * 1024 * 1024,
    wants: (entry: FileEntry) => DB_PATHS.includes(entry.path),
    analyze(entry, content) {
      dbs.add(entry, parseApkInstalled(content.toString('utf8')));
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      for (const path of dbs.paths()) {
        const versions = dbs.upToVisible(path, view.visibleLayer(path));
        packages.push(...attributeToLayers(versions.map((v) => ({ entry: v.entry, packages: v.value }))));
      }
      return inventoryPart('apk', packages);
    },
  };
}
