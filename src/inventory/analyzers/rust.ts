import { inflateSync } from 'node:zlib';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { DEFAULT_MAX_BINARY, isBinaryCandidate } from '../binary/candidates';
import { parseElf, sectionData } from '../binary/elf';
import { FileVersions, layerFields } from '../layer';
import { purl } from '../purl';
import { inventoryPart, type InventoryOptions, type InventoryPart } from '../types';

interface AuditablePackage {
  name?: unknown;
  version?: unknown;
  source?: unknown;
  kind?: unknown;
}

/** Crates recorded by cargo-auditable: the `.dep-v0` section, zlib-compressed JSON. Build-only crates are left out. */
function parseCargoAuditable(section: Uint8Array): Package[] {
  let doc: { packages?: AuditablePackage[] };
  try {
    doc = JSON.parse(
      inflateSync(section, { maxOutputLength: 64 * 1024 * 1024 }).toString('utf8'),
    ) as typeof doc;
  } catch {
    return [];
  }
  const out: Package[] = [];
  for (const p of doc.packages ?? []) {
    if (typeof p.name !== 'string' || typeof p.version !== 'string' || p.kind === 'build') continue;
    out.push({
      name: p.name,
      version: p.version,
      type: 'cargo',
      purl: purl('cargo', undefined, p.name, p.version),
    });
  }
  return out;
}

export function rustBinaryAnalyzer(options: InventoryOptions = {}): Analyzer<InventoryPart> {
  const max = options.maxBinaryBytes ?? DEFAULT_MAX_BINARY;
  const found = new FileVersions<Package[]>();
  return {
    name: 'rust',
    maxBytes: max,
    wants: (entry: FileEntry) => isBinaryCandidate(entry, max),
    analyze(entry, content) {
      const elf = parseElf(content);
      const section = elf && sectionData(elf, content, '.dep-v0');
      if (section) found.add(entry, parseCargoAuditable(section));
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      for (const path of found.paths()) {
        const v = found.visible(path, view.visibleLayer(path));
        if (v) packages.push(...v.value.map((p) => ({ ...p, ...layerFields(v.entry), binaryPath: path })));
      }
      return inventoryPart('rust', packages);
    },
  };
}
