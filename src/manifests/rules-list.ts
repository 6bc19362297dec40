import type { RuleMeta } from '../core/finding';
import { PSS_RULES } from './pss';
import type { Rule } from './rule';
import { RULES } from './rules/index';

/** Every manifest rule, best-practice rules first, then the Pod Security Standards controls. */
export const ALL_RULES: readonly Rule[] = [...RULES, ...PSS_RULES];

export function manifestRules(): RuleMeta[] {
  return ALL_RULES.map((r) => r.meta);
}
