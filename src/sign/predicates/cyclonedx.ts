/** The CycloneDX attestation: the predicate is the very BOM the output stage writes for the scan. */
import type { ScanResult } from '../../core/result';
import { renderSbom } from '../../report/sbom';

export function cyclonedxPredicate(result: ScanResult): Record<string, unknown> {
  return JSON.parse(renderSbom(result, 'cyclonedx')) as Record<string, unknown>;
}
