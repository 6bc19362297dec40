/**
 * The CycloneDX attestation: the predicate is the BOM the output stage writes for the scan. Given the text
 * the output stage wrote, that very document is attested (its serial number and timestamp included);
 * otherwise the same writer renders it.
 */
import { ShipgateError } from '../../core/errors';
import type { ScanResult } from '../../core/result';
import { renderSbom } from '../../report/sbom';

export function cyclonedxPredicate(result: ScanResult, written?: string): Record<string, unknown> {
  const text = written ?? renderSbom(result, 'cyclonedx');
  let bom: unknown;
  try {
    bom = JSON.parse(text);
  } catch {
    bom = undefined;
  }
  if (!bom || typeof bom !== 'object' || (bom as { bomFormat?: unknown }).bomFormat !== 'CycloneDX')
    throw new ShipgateError('SIGN', 'the SBOM to attest is not a CycloneDX JSON document', {
      hint: 'attest the SBOM written with --sbom-format cyclonedx',
    });
  return bom as Record<string, unknown>;
}
