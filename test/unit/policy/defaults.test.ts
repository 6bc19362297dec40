import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_FILE, defaultPolicy } from '../../../src/policy/defaults';
import { policySchema } from '../../../src/policy/schema';

describe('default policy', () => {
  it('is exactly what the schema makes of `version: 1`', () => {
    expect(DEFAULT_POLICY_FILE).toEqual(policySchema.parse({ version: 1 }));
    expect(defaultPolicy()).toEqual({ ...policySchema.parse({ version: 1 }), source: 'default policy' });
  });
  it('hands out a fresh copy each time', () => {
    const a = defaultPolicy();
    a.ignores.push({ id: 'CVE-1', reason: 'test' } as never);
    expect(defaultPolicy().ignores).toEqual([]);
  });
});
