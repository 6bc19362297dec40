/**
 * The dotenv report (`artifacts:reports:dotenv`): the decision, image and counts as variables for later jobs.
 * GitLab reads one KEY=value per line, values unquoted and on one line.
 */
import { countBySeverity, type ScanResult } from '../../core/result';
import { SEVERITIES_DESC } from '../common';

export type DotenvVariables = Record<string, string>;

/** Variables for later jobs: SHIPGATE_APPROVED, SHIPGATE_IMAGE, SHIPGATE_DIGEST, counts per severity. */
export function dotenvVariables(result: ScanResult): DotenvVariables {
  const counts = countBySeverity(result.findings);
  const vars: DotenvVariables = {
    SHIPGATE_APPROVED: result.decision?.approved === true ? 'true' : 'false',
  };
  if (result.image?.ref) vars.SHIPGATE_IMAGE = result.image.ref;
  if (result.image?.digest) vars.SHIPGATE_DIGEST = result.image.digest;
  for (const s of SEVERITIES_DESC) vars[`SHIPGATE_${s.toUpperCase()}`] = String(counts[s]);
  vars.SHIPGATE_SUPPRESSED = String(result.findings.filter((f) => f.suppressed).length);
  return vars;
}

/** Serialises variables as GitLab dotenv: names restricted to [A-Za-z0-9_], control characters removed. */
export function formatDotenv(vars: DotenvVariables): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(vars)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) continue;
    // eslint-disable-next-line no-control-regex
    lines.push(`${k}=${v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim()}`);
  }
  return `${lines.join('\n')}\n`;
}
