import { describe, expect, it } from 'vitest';
import { compareApk, isValidApk } from '../../../src/vuln/versions/apk';
import { expectEqualVersions, expectStrictlyIncreasing } from './chains';

describe('apk versions (apk-tools ordering)', () => {
  it('orders pre-release suffixes before the release and post-release suffixes after it', () => {
    expectStrictlyIncreasing(
      [
        '1.1_alpha',
        '1.1_alpha2',
        '1.1_beta',
        '1.1_beta3',
        '1.1_pre1',
        '1.1_rc1',
        '1.1_rc2',
        '1.1',
        '1.1-r1',
        '1.1-r10',
        '1.1_cvs',
        '1.1_svn',
        '1.1_git20240101',
        '1.1_hg',
        '1.1_p1',
        '1.1_p2-r3',
        '1.1a',
        '1.1b',
        '1.1.1',
        '1.2',
        '1.10',
        '2',
      ],
      compareApk,
    );
  });

  it('treats leading zeros as apk does and compares numbers numerically', () => {
    expectStrictlyIncreasing(['1.001', '1.01', '1.1', '1.2', '1.9', '1.10', '1.100'], compareApk);
    expect(compareApk('2.34', '0.1.0_alpha')).toBe(1);
    expect(compareApk('1.2.3-r4', '1.2.3-r10')).toBe(-1);
    expect(compareApk('1.2.4-r0', '1.2.3-r10')).toBe(1);
  });

  it('orders the musl versions of ALPINE-CVE-2025-26519', () => {
    expectStrictlyIncreasing(
      [
        '0.9.13',
        '1.2.2-r0',
        '1.2.3-r4',
        '1.2.3-r5',
        '1.2.4_git20230717-r4',
        '1.2.4_git20230717-r5',
        '1.2.5-r9',
      ],
      compareApk,
    );
  });

  it('agrees with pairs from apk-tools test/version.data', () => {
    const pairs: [string, '<' | '>' | '=', string][] = [
      ['2.34', '>', '0.1.0_alpha'],
      ['0.1.0_alpha2', '>', '0.1.0_alpha'],
      ['1.1', '>', '1.1_alpha1'],
      ['1.2', '<', '1.3_alpha'],
      ['2.3.0b-r1', '<', '2.3.0b-r2'],
      ['1.06-r6', '<', '006'],
      ['3.1_p16', '<', '3.1_p17'],
      ['0.10.0', '<', '0.10.1_rc1'],
      ['4.5_p1-r1', '>', '4.5_p1'],
      ['1.0.0_pre20191002222144-r0', '<', '1.0.0_pre20210530193627-r0'],
      ['0.1.0_alpha_pre2', '<', '0.1.0_alpha'],
      ['1.0_p10-r0', '>', '1.0_p9-r0'],
      ['1.3_pre1-r1', '<', '1.3.2'],
      ['2.12r-r4', '<', '2.12r-r5'],
      ['0.20070118', '<', '0.20070207_rc1'],
      ['3.0.20060720', '<', '20060720'],
      ['2.1.9.200602141850', '>', '1.6'],
    ];
    const sym = { '<': -1, '=': 0, '>': 1 } as const;
    const wrong = pairs.filter(([a, op, b]) => compareApk(a, b) !== sym[op] || compareApk(b, a) !== -sym[op]);
    expect(wrong).toEqual([]);
  });

  it('considers equal versions equal', () => {
    expectEqualVersions(
      [
        ['1.0', '1.0'],
        ['1.0-r0', '1.0-r0'],
      ],
      compareApk,
    );
  });

  it('validates like apk_version_validate', () => {
    for (const v of ['1.0', '1.2.3_rc1-r2', '2024.1a_p3-r0', '1.0_git20240101'])
      expect(isValidApk(v)).toBe(true);
    for (const v of ['', 'abc', '1.0_foo', '1.0-x1', '1..0a-']) expect(isValidApk(v)).toBe(false);
  });
});
