import type { RuleMeta } from '../../core/finding';
import type { Rule } from '../rule';
import { baseImageRules } from './base-image';
import { copyRules } from './copy';
import { instructionRules } from './instructions';
import { packageRules } from './packages';
import { secretRules } from './secrets';
import { shellRules } from './shell';
import { userRules } from './user';
import { compareText } from '../../core/order';

/** Every Dockerfile rule, in id order. */
export const RULES: Rule[] = [
  ...userRules,
  ...baseImageRules,
  ...secretRules,
  ...packageRules,
  ...shellRules,
  ...instructionRules,
  ...copyRules,
].sort((a, b) => compareText(a.meta.id, b.meta.id));

export function dockerfileRules(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}
