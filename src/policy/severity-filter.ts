/**
 * trivy's `--severity`: findings of severities not listed are hidden from the result, so no report shows
 * them and the gate does not count them. The decision and the warnings say how many were hidden.
 */
import type { Finding } from '../core/finding';
import type { Severity } from '../core/severity';

export interface SeverityFilter {
  /** The severities reported (the rest are hidden). */
  severities: Severity[];
  /** How many findings were hidden at each severity (suppressed ones included). */
  hidden: Partial<Record<Severity, number>>;
}

const DESC: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function filterBySeverity(
  findings: readonly Finding[],
  severities: readonly Severity[],
): { findings: Finding[]; filter: SeverityFilter } {
  const keep = new Set(severities);
  const hidden: Partial<Record<Severity, number>> = {};
  const shown: Finding[] = [];
  for (const f of findings) {
    if (keep.has(f.severity)) shown.push(f);
    else hidden[f.severity] = (hidden[f.severity] ?? 0) + 1;
  }
  return { findings: shown, filter: { severities: DESC.filter((s) => keep.has(s)), hidden } };
}

export function hiddenCount(filter: SeverityFilter): number {
  return Object.values(filter.hidden).reduce((a, b) => a + b, 0);
}

/** "3 findings hidden by severity CRITICAL,HIGH (2 medium, 1 low); hidden findings do not count toward the gate". */
export function hiddenMessage(filter: SeverityFilter): string {
  const n = hiddenCount(filter);
  const by = DESC.filter((s) => filter.hidden[s]).map((s) => `${filter.hidden[s]} ${s}`);
  return `${n} finding${n === 1 ? '' : 's'} hidden by severity ${filter.severities
    .map((s) => s.toUpperCase())
    .join(',')} (${by.join(', ')}); hidden findings are not reported and do not count toward the gate`;
}
