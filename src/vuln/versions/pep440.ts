/** PEP 440 ordering (PyPI) with `@renovatebot/pep440`. */
import { compare, valid } from '@renovatebot/pep440';
import { ShipgateError } from '../../core/errors';

// Parsing is the expensive part and the same versions recur across ranges: remember validity.
const validity = new Map<string, boolean>();

export function isValidPep440(v: string): boolean {
  let ok = validity.get(v);
  if (ok === undefined) {
    ok = valid(v.trim()) !== null;
    if (validity.size > 100_000) validity.clear();
    validity.set(v, ok);
  }
  return ok;
}

export function comparePep440(a: string, b: string): number {
  if (!isValidPep440(a) || !isValidPep440(b))
    throw new ShipgateError('INTERNAL', `invalid PEP 440 version: ${isValidPep440(a) ? b : a}`);
  return Math.sign(compare(a.trim(), b.trim()));
}
