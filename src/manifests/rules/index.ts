import type { Rule } from '../rule';
import { crossCheckRules } from './cross-check';
import { hostRules } from './host';
import { imageRules } from './images';
import { resourceRules } from './resources';
import { securityContextRules } from './security-context';
import { compareText } from '../../core/order';

/** Every manifest rule except the Pod Security Standards controls, in id order. */
export const RULES: Rule[] = [
  ...securityContextRules,
  ...hostRules,
  ...resourceRules,
  ...imageRules,
  ...crossCheckRules,
].sort((a, b) => compareText(a.meta.id, b.meta.id));
