import { ShipgateError } from '../../core/errors';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry } from '../../image/types';
import { purl } from '../purl';
import { lockfileAnalyzer } from '../lockfile-analyzer';
import { metadataAnalyzer } from '../metadata-analyzer';
import type { InventoryPart } from '../types';

interface ComposerPackage {
  name?: unknown;
  version?: unknown;
  license?: unknown;
}

/** Packages of vendor/composer/installed.json: v1 is an array, v2 an object with `packages`. */
function parseComposerInstalled(text: string): Package[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const list: unknown = Array.isArray(doc) ? doc : (doc as { packages?: unknown } | null)?.packages;
  return Array.isArray(list) ? composerPackages(list as ComposerPackage[]) : [];
}

function composerPackages(list: ComposerPackage[]): Package[] {
  const out: Package[] = [];
  for (const e of list) {
    if (typeof e.name !== 'string' || typeof e.version !== 'string' || !e.name.includes('/')) continue;
    const [vendor, name] = e.name.split('/', 2) as [string, string];
    const p: Package = {
      name: e.name,
      version: e.version,
      type: 'composer',
      namespace: vendor,
      purl: purl('composer', vendor, name, e.version),
    };
    const licenses = Array.isArray(e.license)
      ? e.license.filter((l): l is string => typeof l === 'string')
      : [];
    if (typeof e.license === 'string') licenses.push(e.license);
    if (licenses.length) p.licenses = licenses;
    out.push(p);
  }
  return out;
}

export function composerAnalyzer(): Analyzer<InventoryPart> {
  return metadataAnalyzer({
    name: 'composer',
    maxBytes: 64 * 1024 * 1024,
    wants: (entry: FileEntry) => entry.path.endsWith('/vendor/composer/installed.json'),
    parse: (text) => parseComposerInstalled(text),
  });
}

/** The runtime packages of a composer.lock (`packages`; `packages-dev` are not installed by --no-dev). */
export function parseComposerLock(text: string): Package[] {
  const doc = JSON.parse(text) as { packages?: unknown } | null;
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.packages))
    throw new ShipgateError('IMAGE_FORMAT', 'no "packages" array');
  return composerPackages(doc.packages as ComposerPackage[]);
}

export function composerLockAnalyzer(): Analyzer<InventoryPart> {
  return lockfileAnalyzer({
    name: 'composer-lock',
    kind: 'composer.lock',
    maxBytes: 64 * 1024 * 1024,
    wants: (entry: FileEntry) => entry.path.endsWith('/composer.lock') && !entry.path.includes('/vendor/'),
    parse: (text) => parseComposerLock(text),
  });
}
