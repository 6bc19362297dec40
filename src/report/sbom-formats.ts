/** SBOM format names every front door accepts; kept apart from the writers so option parsing stays light. */

/** The action's spellings (cyclonedx-json, spdx-json) are accepted too, so every front door takes the same values. */
export const SBOM_FORMATS = ['cyclonedx', 'spdx', 'cyclonedx-json', 'spdx-json'] as const;
export type SbomFormat = (typeof SBOM_FORMATS)[number];

/** The report format an SBOM spelling names. */
export function sbomKind(format: SbomFormat): 'cyclonedx' | 'spdx' {
  return format.startsWith('spdx') ? 'spdx' : 'cyclonedx';
}
