import type { Rule } from '../rule';
import { crossCheckRules } from './cross-check';
import { hostRules } from './host';
import { imageRules } from './images';
import { resourceRules } from './resources';
import { securityContextRules } from './security-context';

/** Every manifest rule except the Pod Security Standards controls, in id order. */
export const RULES: Rule[] = [
  ...securityContextRules,
  ...hostRules,
  ...resourceRules,
  ...imageRules,
  ...crossCheckRules,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
