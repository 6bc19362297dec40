/** The SBOM of the scanned image (CycloneDX or SPDX), written from the image facts the scan result keeps. */
import { ShipgateError } from '../core/errors';
import type { ScanResult } from '../core/result';
import { parsePlatform } from '../oci/platform';
import { toCycloneDx, toSpdx, type SbomImage } from '../inventory/index';
import { sbomKind, type SbomFormat } from './sbom-formats';

export function renderSbom(result: ScanResult, format: SbomFormat): string {
  const target = result.image;
  if (!target) throw new ShipgateError('USAGE', 'an SBOM needs an image to scan');
  const { platform, ...facts } = target;
  const image: SbomImage = { ...facts, ...(platform ? { platform: parsePlatform(platform) } : {}) };
  const inventory = { ...(target.os ? { os: target.os } : {}), packages: result.packages };
  const text = sbomKind(format) === 'spdx' ? toSpdx(inventory, image) : toCycloneDx(inventory, image);
  return text.endsWith('\n') ? text : `${text}\n`;
}
