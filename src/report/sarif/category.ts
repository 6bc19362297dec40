import { ShipgateError } from '../../core/errors';

/**
 * A user-given category as github/codeql-action takes it: verbatim, with a trailing `/` added when missing
 * (everything up to the last `/` of automationDetails.id is the category). Undefined when empty.
 */
export function userCategory(value: string | undefined, what = 'category'): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/\p{Cc}/u.test(v))
    throw new ShipgateError('USAGE', `${what}: the category contains a control character`, {
      hint: 'use printable text, e.g. web or /image:web',
    });
  return v.endsWith('/') ? v : `${v}/`;
}
