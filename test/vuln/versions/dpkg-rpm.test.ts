// Edge cases of the two comparators the oracle suites check at scale (these run without dpkg or rpm).
import { describe, expect, it } from 'vitest';
import { compareDpkg, isValidDpkg, parseDpkg } from '../../../src/vuln/versions/dpkg';
import { compareRpm, parseRpmEvr, rpmvercmp } from '../../../src/vuln/versions/rpm';
import { expectEqualVersions, expectStrictlyIncreasing } from './chains';

describe('dpkg', () => {
  it('orders tilde, epochs, revisions and letters as dpkg does', () => {
    expectStrictlyIncreasing(
      [
        '1.0~~',
        '1.0~~a',
        '1.0~',
        '1.0',
        '1.0-0.1',
        '1.0-1',
        '1.0-1+b1',
        '1.0-1.1',
        '1.0a',
        '1.0+dfsg',
        '1.0.1',
        '1:0.1',
      ],
      compareDpkg,
    );
    expectEqualVersions(
      [
        ['1.0', '0:1.0'],
        ['1.0-0', '1.0-0'],
        ['1.01', '1.1'],
      ],
      compareDpkg,
    );
  });
  it('splits epoch and revision like parseversion()', () => {
    expect(parseDpkg('2:1.2-3-4')).toEqual({ epoch: 2, upstream: '1.2-3', revision: '4' });
    expect(isValidDpkg('1.0 1')).toBe(false);
    expect(isValidDpkg('a:1.0')).toBe(false);
  });
});

describe('rpm', () => {
  it('orders tilde and caret as rpmvercmp', () => {
    expectStrictlyIncreasing(['1.0~rc1', '1.0', '1.0^20240101', '1.0a', '1.0.1'], rpmvercmp);
    expect(rpmvercmp('1.0~rc1', '1.0~rc2')).toBe(-1);
    expect(rpmvercmp('1.0^', '1.0')).toBe(1);
    expect(rpmvercmp('1.0^git1', '1.0.1')).toBe(-1);
    expect(rpmvercmp('1_0', '1.0')).toBe(0);
  });
  it('compares epoch, version and release', () => {
    expect(parseRpmEvr('1:3.0.7-24.el9')).toEqual({ epoch: '1', version: '3.0.7', release: '24.el9' });
    expectStrictlyIncreasing(['3.0.7-24.el9', '3.0.7-25.el9', '3.0.8-1.el9', '1:1.0-1'], compareRpm);
    expect(compareRpm('1.0', '1.0-1')).toBe(-1);
  });
});
