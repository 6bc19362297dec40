/** SBOM rendering shared by `shipgate sbom` and `shipgate scan --sbom`. */
import { ShipgateError } from '../core/errors';
import type { ScanResult } from '../core/result';
import type { ImageInfo } from '../image/types';
import { toCycloneDx, toSpdx } from '../inventory/index';

/** The action's spellings (cyclonedx-json, spdx-json) are accepted too, so every front door takes the same values. */
export const SBOM_FORMATS = ['cyclonedx', 'spdx', 'cyclonedx-json', 'spdx-json'] as const;
export type SbomFormat = (typeof SBOM_FORMATS)[number];

/** The image facts an SBOM names, rebuilt from the scan result. */
function imageInfo(result: ScanResult): ImageInfo {
  const t = result.image;
  if (!t) throw new ShipgateError('USAGE', 'an SBOM needs an image to scan');
  const [os = 'linux', architecture = 'amd64', variant] = (t.platform ?? '').split('/');
  return {
    ref: t.ref,
    ...(t.repository ? { repository: t.repository } : {}),
    ...(t.tag ? { tag: t.tag } : {}),
    ...(t.digest ? { digest: t.digest } : {}),
    configDigest: t.configDigest ?? '',
    platform: { os, architecture, ...(variant ? { variant } : {}) },
    config: {},
    layers: t.layers.map((l) => ({
      index: l.index,
      digest: l.digest,
      ...(l.diffId ? { diffId: l.diffId } : {}),
      mediaType: '',
      size: l.size,
      ...(l.createdBy ? { createdBy: l.createdBy } : {}),
    })),
    size: t.size ?? 0,
  };
}

export function renderSbom(result: ScanResult, format: SbomFormat): string {
  const inventory = { ...(result.image?.os ? { os: result.image.os } : {}), packages: result.packages };
  const info = imageInfo(result);
  const text = format.startsWith('spdx') ? toSpdx(inventory, info, {}) : toCycloneDx(inventory, info, {});
  return text.endsWith('\n') ? text : `${text}\n`;
}
