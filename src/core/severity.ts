import { ShipgateError } from './errors';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Ascending order: index is the rank. */
const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(a) - severityRank(b);
}

export function atLeast(s: Severity, threshold: Severity): boolean {
  return severityRank(s) >= severityRank(threshold);
}

export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

/** Parses a user-given severity ("HIGH", "high", "none" → undefined meaning never fail). */
export function parseSeverity(v: string, what = 'severity'): Severity | undefined {
  const s = v.trim().toLowerCase();
  if (s === 'none' || s === 'never' || s === 'off') return undefined;
  if (s === 'moderate') return 'medium';
  if (s === 'negligible' || s === 'unknown') return 'info';
  if (isSeverity(s)) return s;
  throw new ShipgateError('USAGE', `invalid ${what} "${v}"`, {
    hint: `use one of ${[...SEVERITIES].reverse().join(', ')} or none`,
  });
}

/**
 * Parses a comma list of severities to report, as trivy's `--severity` takes it ("CRITICAL,HIGH";
 * case-insensitive; UNKNOWN and NEGLIGIBLE are shipgate's info). Returns them in ascending order, deduplicated.
 */
export function parseSeverityList(v: string, what = 'severity'): Severity[] {
  const names = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw new ShipgateError('USAGE', `${what}: no severity given`, {
      hint: `list one or more of ${[...SEVERITIES].reverse().join(', ')}, e.g. CRITICAL,HIGH`,
    });
  const out = new Set<Severity>();
  for (const name of names) {
    const s = parseSeverity(name, what);
    if (!s)
      throw new ShipgateError('USAGE', `invalid ${what} "${name}"`, {
        hint: `list the severities to report, from ${[...SEVERITIES].reverse().join(', ')}`,
      });
    out.add(s);
  }
  return SEVERITIES.filter((s) => out.has(s));
}

/** Severity from a CVSS base score, using the CVSS v3 qualitative scale. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/**
 * The SARIF `security-severity` GitHub reads: >= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, < 4 low.
 * Used for findings without their own CVSS score.
 */
export function securitySeverity(s: Severity): string {
  switch (s) {
    case 'critical':
      return '9.5';
    case 'high':
      return '8.0';
    case 'medium':
      return '5.5';
    case 'low':
      return '3.0';
    case 'info':
      return '0.0';
  }
}
