/** PEP 440 ordering (PyPI) with `@renovatebot/pep440`. */
import { compare, valid } from '@renovatebot/pep440';

export function isValidPep440(v: string): boolean {
  return valid(v.trim()) !== null;
}

export function comparePep440(a: string, b: string): number {
  if (!isValidPep440(a) || !isValidPep440(b))
    throw new TypeError(`invalid PEP 440 version: ${isValidPep440(a) ? b : a}`);
  return Math.sign(compare(a.trim(), b.trim()));
}
