import type { Package } from '../../core/package';
import type { Analyzer, FileEntry } from '../../image/types';
import { purl } from '../purl';
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
  if (!Array.isArray(list)) return [];
  const out: Package[] = [];
  for (const e of list as ComposerPackage[]) {
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
