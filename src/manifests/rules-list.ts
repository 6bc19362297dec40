import type { RuleMeta } from '../core/finding';
import type { PssLevel } from './options';
import { PSS_CONTROLS, PSS_RULES } from './pss';
import type { Rule } from './rule';
import { RULES } from './rules/index';

/** Every manifest rule, best-practice rules first, then the Pod Security Standards controls. */
export const ALL_RULES: readonly Rule[] = [...RULES, ...PSS_RULES];

/**
 * The metadata of the manifest rules: every rule, or (with `pss`) the rules a lint at that Pod Security
 * Standards level runs (`privileged`: no PSS control, `baseline`: its controls, `restricted`: both levels').
 */
export function manifestRules(pss?: PssLevel | 'privileged'): RuleMeta[] {
  const skipped = new Set(
    PSS_CONTROLS.filter((c) => pss === 'privileged' || (pss === 'baseline' && c.level === 'restricted')).map(
      (c) => c.id,
    ),
  );
  return ALL_RULES.filter((r) => !skipped.has(r.meta.id)).map((r) => r.meta);
}
