/** The SBOM of the scanned image (CycloneDX or SPDX), written from the image facts the scan result keeps. */
import { ShipgateError } from '../core/errors';
import type { ScanResult } from '../core/result';
import { parsePlatform } from '../oci/platform';
import { toCycloneDx, toSpdx, type SbomImage } from '../inventory/index';

/** The action's spellings (cyclonedx-json, spdx-json) are accepted too, so every front door takes the same values. */
export const SBOM_FORMATS = ['cyclonedx', 'spdx', 'cyclonedx-json', 'spdx-json'] as const;
export type SbomFormat = (typeof SBOM_FORMATS)[number];

/** The report format an SBOM spelling names. */
export function sbomKind(format: SbomFormat): 'cyclonedx' | 'spdx' {
  return format.startsWith('spdx') ? 'spdx' : 'cyclonedx';
}

export function renderSbom(result: ScanResult, format: SbomFormat): string {
  const target = result.image;
  if (!target) throw new ShipgateError('USAGE', 'an SBOM needs an image to scan');
  const { platform, ...facts } = target;
  const image: SbomImage = { ...facts, ...(platform ? { platform: parsePlatform(platform) } : {}) };
  const inventory = { ...(target.os ? { os: target.os } : {}), packages: result.packages };
  const text = sbomKind(format) === 'spdx' ? toSpdx(inventory, image) : toCycloneDx(inventory, image);
  return text.endsWith('\n') ? text : `${text}\n`;
}
