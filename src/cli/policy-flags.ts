/** The gating commands' (lint, scan, push) policy flags, as the pipeline takes them. */
import { SCANNERS, isScanner } from '../analyzers/registry';
import { ShipgateError } from '../core/errors';
import { parseSeverity, parseSeverityList, type Severity } from '../core/severity';
import type { PipelineOptions } from '../pipeline/types';
import { MALWARE_MODES } from '../policy/defaults';
import { bool, list, oneOf, str, type Parsed } from './args';

/** --fail-on as the pipeline takes it ("none" disables the threshold); undefined keeps the policy's. */
export function failOnFlag(p: Parsed): Severity | 'none' | undefined {
  const text = str(p, 'fail-on');
  return text === undefined ? undefined : (parseSeverity(text, '--fail-on') ?? 'none');
}

/**
 * The flags that change what an image scan decides (scan, sign and push share them): threshold, reported
 * severities, ignore files, scanners, malware, vulnerability data and VEX.
 */
export function gateFlags(
  p: Parsed,
): Pick<
  PipelineOptions,
  | 'failOn'
  | 'severities'
  | 'ignoreFiles'
  | 'scanners'
  | 'vulnDb'
  | 'offline'
  | 'ignoreUnfixed'
  | 'vex'
  | 'malwareMode'
  | 'clamavDb'
> {
  const scanners = list(p, 'scanners');
  const unknown = scanners.filter((s) => !isScanner(s));
  if (unknown.length) {
    throw new ShipgateError('USAGE', `--scanners: unknown scanner "${unknown[0]}"`, {
      hint: `use ${SCANNERS.join(', ')}`,
    });
  }
  const malwareMode = str(p, 'malware-mode')
    ? oneOf(p, 'malware-mode', MALWARE_MODES, 'required')
    : undefined;
  const failOn = failOnFlag(p);
  const severityText = str(p, 'severity');
  return {
    ...(failOn ? { failOn } : {}),
    ...(severityText !== undefined ? { severities: parseSeverityList(severityText, '--severity') } : {}),
    ...(list(p, 'ignorefile').length ? { ignoreFiles: list(p, 'ignorefile') } : {}),
    ...(scanners.length ? { scanners: scanners as PipelineOptions['scanners'] } : {}),
    ...(str(p, 'vuln-db') ? { vulnDb: str(p, 'vuln-db')! } : {}),
    ...(bool(p, 'offline') ? { offline: true } : {}),
    ...(bool(p, 'ignore-unfixed') ? { ignoreUnfixed: true } : {}),
    ...(list(p, 'vex').length ? { vex: list(p, 'vex') } : {}),
    ...(malwareMode ? { malwareMode } : {}),
    ...(str(p, 'clamav-db') ? { clamavDb: str(p, 'clamav-db')! } : {}),
  };
}
