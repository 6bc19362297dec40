import { stableHash } from '../core/hash';

/** Values shorter than this are shown as stars only. */
const MIN_SHOWN_LENGTH = 16;
const MAX_STARS = 16;

/**
 * The form of a secret that may be shown: at most the first 4 and last 4 characters, never more than 30% of
 * the value, nothing at all for short values. Whitespace inside (PEM bodies) is not shown.
 */
export function redact(value: string): string {
  const v = value.replace(/\\n|\s+/g, '');
  const len = v.length;
  if (len < MIN_SHOWN_LENGTH) return '*'.repeat(Math.max(3, Math.min(len, 8)));
  const budget = Math.floor(len * 0.3);
  const prefix = Math.min(4, Math.ceil(budget / 2));
  const suffix = Math.min(4, budget - prefix);
  const stars = '*'.repeat(Math.min(MAX_STARS, len - prefix - suffix));
  return `${v.slice(0, prefix)}${stars}${suffix > 0 ? v.slice(len - suffix) : ''}`;
}

/** Stable identity of a secret value under a rule, safe to show (a truncated SHA-256). */
export function secretFingerprint(ruleId: string, value: string): string {
  return stableHash('shipgate-secret', ruleId, value);
}
