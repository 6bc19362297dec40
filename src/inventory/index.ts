/** Package inventory analyzers (dpkg, apk, rpm, language packages, binaries) and the SBOM writers. */
import { ShipgateError } from '../core/errors';
import type { Analyzer, AnalyzerModule } from '../image/types';
import { ANALYZERS } from './analyzers/index';
import type { InventoryOptions, InventoryPart } from './types';

export { collectInventory } from './collect';
export { osEndOfLife, eolDate, EOL_TABLE_UPDATED } from './eol';
export { isInventoryPart, type InventoryOptions, type InventoryPart } from './types';
export { toCycloneDx, type CycloneDxOptions } from './sbom/cyclonedx';
export { toSpdx, type SpdxOptions } from './sbom/spdx';
export type { SbomImage } from './sbom/image-purl';

/** Names of the inventory analyzers, for --only style options. */
export const INVENTORY_ANALYZERS = Object.keys(ANALYZERS);

/** Fresh inventory analyzers for one walk over an image. */
export function inventoryAnalyzers(options: InventoryOptions = {}): Analyzer<InventoryPart>[] {
  const names = options.only ?? INVENTORY_ANALYZERS;
  const unknown = names.filter((n) => !ANALYZERS[n]);
  if (unknown.length) {
    throw new ShipgateError('USAGE', `unknown inventory analyzer: ${unknown.join(', ')}`, {
      hint: `choose from ${INVENTORY_ANALYZERS.join(', ')}`,
    });
  }
  return names.map((n) => ANALYZERS[n]!(options));
}

/** The inventory as the registry loads it: every inventory analyzer, their parts merged by collectInventory. */
export const inventoryModule: AnalyzerModule = {
  version: 1,
  rules: [],
  create: () => inventoryAnalyzers(),
};
