/**
 * The analyzer shape shared by language lockfiles and build manifests (Cargo.lock, composer.lock, go.mod,
 * *.deps.json): one file lists the packages of one project. Unlike the per-package metadata files, a visible
 * lockfile that cannot be read fails closed: every package it lists, and their vulnerabilities, would silently
 * be missing.
 */
import { ShipgateError } from '../core/errors';
import type { Package } from '../core/package';
import type { Analyzer, FileEntry, FinalView } from '../image/types';
import { FileVersions, layerFields, readDb, type DbRead } from './layer';
import { inventoryPart, type InventoryPart } from './types';

export interface LockfileAnalyzerSpec {
  name: string;
  /** What the file is, for messages ("Cargo.lock"). */
  kind: string;
  maxBytes: number;
  wants(entry: FileEntry): boolean;
  /** The packages the file lists; throws when it is not a readable file of its kind. */
  parse(text: string, entry: FileEntry): Package[];
}

export function lockfileAnalyzer(spec: LockfileAnalyzerSpec): Analyzer<InventoryPart> {
  const found = new FileVersions<DbRead>();
  return {
    name: spec.name,
    maxBytes: spec.maxBytes,
    wants: spec.wants,
    async analyze(entry, content, truncated) {
      found.add(
        entry,
        truncated
          ? { unreadable: `larger than ${spec.maxBytes / (1024 * 1024)} MiB` }
          : await readDb(() => spec.parse(content.toString('utf8'), entry)),
      );
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      for (const path of found.paths()) {
        const v = found.visible(path, view.visibleLayer(path));
        if (!v) continue;
        if ('unreadable' in v.value) {
          throw new ShipgateError(
            'IMAGE_FORMAT',
            `${path} (layer ${v.entry.layerIndex}): cannot read the ${spec.kind}: ${v.value.unreadable}`,
          );
        }
        packages.push(...v.value.packages.map((p) => ({ ...p, ...layerFields(v.entry) })));
      }
      return inventoryPart(spec.name, packages);
    },
  };
}
