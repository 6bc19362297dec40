import { stableHash } from '../core/hash';

/** Stable identity of a secret value under a rule, safe to show (a truncated SHA-256). */
export function secretFingerprint(ruleId: string, value: string): string {
  return stableHash('shipgate-secret', ruleId, value);
}
