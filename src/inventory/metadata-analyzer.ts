/**
 * The analyzer shape shared by package managers that leave one metadata file per package (or per project):
 * parse each wanted file, keep every version of it, and at the end list the packages of the visible version
 * with the layer that wrote it.
 */
import type { Package } from '../core/package';
import type { Analyzer, FileEntry, FinalView } from '../image/types';
import { FileVersions, layerFields } from './layer';
import { inventoryPart, type InventoryPart } from './types';

export interface MetadataAnalyzerSpec {
  name: string;
  maxBytes: number;
  wants(entry: FileEntry): boolean;
  /** The packages one file describes (none when it is not a package record). */
  parse(text: string, entry: FileEntry): Package[];
}

export function metadataAnalyzer(spec: MetadataAnalyzerSpec): Analyzer<InventoryPart> {
  const found = new FileVersions<Package[]>();
  return {
    name: spec.name,
    maxBytes: spec.maxBytes,
    wants: spec.wants,
    analyze(entry, content) {
      const packages = spec.parse(content.toString('utf8'), entry);
      if (packages.length) found.add(entry, packages);
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      for (const path of found.paths()) {
        const v = found.visible(path, view.visibleLayer(path));
        if (v) packages.push(...v.value.map((p) => ({ ...p, ...layerFields(v.entry) })));
      }
      return inventoryPart(spec.name, packages);
    },
  };
}
