import { describe, expect, it } from 'vitest';
import { compareGo, isValidGo, normalizeGo } from '../../../src/vuln/versions/go';
import { expectEqualVersions, expectStrictlyIncreasing } from './chains';

describe('Go versions', () => {
  it('orders module versions with v prefix and pseudo-versions', () => {
    expectStrictlyIncreasing(
      [
        'v0.0.0-20190308221718-c2843e01d9a2',
        'v0.0.0-20211112202133-69e39bad7dc2',
        'v0.1.0',
        'v0.17.0',
        'v1.2.3',
        'v1.2.4-0.20191109021931-daa7c04131f5',
        'v1.2.4-rc.1',
        'v1.2.4',
        'v1.21.0-0',
        'v1.21.0',
        'v2.0.0+incompatible'.replace('+incompatible', '') + '+incompatible',
        'v2.1.0',
      ],
      compareGo,
    );
  });

  it('ignores +incompatible and the v prefix', () => {
    expectEqualVersions(
      [
        ['v2.0.0+incompatible', '2.0.0'],
        ['v1.2.3', '1.2.3'],
      ],
      compareGo,
    );
  });

  it('normalises toolchain versions of the standard library', () => {
    expect(normalizeGo('go1.21.3')).toBe('1.21.3');
    expect(normalizeGo('go1.21')).toBe('1.21.0');
    expect(normalizeGo('go1.22rc1')).toBe('1.22.0-rc.1');
    expectStrictlyIncreasing(
      ['go1.20.9', 'go1.20.10', '1.21.0-0', 'go1.21rc2', 'go1.21.0', 'go1.21.3', 'go1.22'],
      compareGo,
    );
    expect(isValidGo('go1.21.3')).toBe(true);
    expect(isValidGo('not-a-version')).toBe(false);
  });
});
