import type { Package } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { FileVersions, layerFields } from '../layer';
import { purl } from '../purl';
import { inventoryPart, type InventoryPart } from '../types';

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
  const found = new FileVersions<Package[]>();
  return {
    name: 'composer',
    maxBytes: 64 * 1024 * 1024,
    wants: (entry: FileEntry) => entry.path.endsWith('/vendor/composer/installed.json'),
    analyze(entry, content) {
      found.add(entry, parseComposerInstalled(content.toString('utf8')));
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      for (const path of found.paths()) {
        const v = found.visible(path, view.visibleLayer(path));
        if (v) packages.push(...v.value.map((p) => ({ ...p, ...layerFields(v.entry) })));
      }
      return inventoryPart('composer', packages);
    },
  };
}
