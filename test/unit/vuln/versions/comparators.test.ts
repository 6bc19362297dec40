/**
 * Every version comparator, table-driven: each ecosystem lists chains that must be strictly increasing
 * (every pair is checked in both directions), pairs that must compare equal, single ordered pairs, and
 * valid and invalid strings. Sources of the cases: Maven's ComparableVersionTest, apk-tools' test/version.data,
 * dpkg's and rpm's own semantics (the oracle suites check those two at scale against the real tools), SemVer 2.0
 * and PEP 440 precedence, Gem::Version, Go's module version rules and NuGet's version rules (learn.microsoft.com,
 * "Package versioning": normalization, pre-release precedence, case-insensitive labels), and PHP's
 * version_compare (php.net) on Composer-normalised versions for Packagist.
 */
import { describe, expect, it } from 'vitest';
import { compareApk, isValidApk } from '../../../../src/vuln/versions/apk';
import { compareDpkg, isValidDpkg } from '../../../../src/vuln/versions/dpkg';
import { compareGem, isValidGem } from '../../../../src/vuln/versions/gem';
import { compareGo, isValidGo } from '../../../../src/vuln/versions/go';
import { compareMaven } from '../../../../src/vuln/versions/maven';
import { compareNuGet, isValidNuGet } from '../../../../src/vuln/versions/nuget';
import { comparePackagist, isValidPackagist } from '../../../../src/vuln/versions/packagist';
import { comparePep440, isValidPep440 } from '../../../../src/vuln/versions/pep440';
import { compareRpm, rpmvercmp } from '../../../../src/vuln/versions/rpm';
import { compareSemver, isValidSemver } from '../../../../src/vuln/versions/semver';

type Op = '<' | '=' | '>';

interface ComparatorCases {
  compare: (a: string, b: string) => number;
  /** Each list is strictly increasing. */
  chains?: string[][];
  /** Each pair compares equal, both ways. */
  equal?: [string, string][];
  /** a op b, checked both ways. */
  ordered?: [string, Op, string][];
  isValid?: (v: string) => boolean;
  valid?: string[];
  invalid?: string[];
}

const CASES: Record<string, ComparatorCases> = {
  dpkg: {
    compare: compareDpkg,
    chains: [
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
    ],
    equal: [
      ['1.0', '0:1.0'],
      ['1.0-0', '1.0-0'],
      ['1.01', '1.1'],
    ],
    isValid: isValidDpkg,
    valid: ['1.0', '2:1.2-3-4', '1.0~rc1+dfsg-1'],
    invalid: ['1.0 1', 'a:1.0'],
  },
  rpmvercmp: {
    compare: rpmvercmp,
    chains: [['1.0~rc1', '1.0', '1.0^20240101', '1.0a', '1.0.1']],
    equal: [['1_0', '1.0']],
    ordered: [
      ['1.0~rc1', '<', '1.0~rc2'],
      ['1.0^', '>', '1.0'],
      ['1.0^git1', '<', '1.0.1'],
    ],
  },
  'rpm EVR': {
    compare: compareRpm,
    chains: [['3.0.7-24.el9', '3.0.7-25.el9', '3.0.8-1.el9', '1:1.0-1']],
    ordered: [['1.0', '<', '1.0-1']],
  },
  apk: {
    compare: compareApk,
    chains: [
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
      ['1.001', '1.01', '1.1', '1.2', '1.9', '1.10', '1.100'],
      // The musl versions of ALPINE-CVE-2025-26519.
      [
        '0.9.13',
        '1.2.2-r0',
        '1.2.3-r4',
        '1.2.3-r5',
        '1.2.4_git20230717-r4',
        '1.2.4_git20230717-r5',
        '1.2.5-r9',
      ],
    ],
    equal: [
      ['1.0', '1.0'],
      ['1.0-r0', '1.0-r0'],
    ],
    // From apk-tools test/version.data.
    ordered: [
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
      ['1.2.3-r4', '<', '1.2.3-r10'],
      ['1.2.4-r0', '>', '1.2.3-r10'],
    ],
    isValid: isValidApk,
    valid: ['1.0', '1.2.3_rc1-r2', '2024.1a_p3-r0', '1.0_git20240101'],
    invalid: ['', 'abc', '1.0_foo', '1.0-x1', '1..0a-'],
  },
  go: {
    compare: compareGo,
    chains: [
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
        'v2.0.0+incompatible',
        'v2.1.0',
      ],
      // Toolchain versions of the standard library.
      ['go1.20.9', 'go1.20.10', '1.21.0-0', 'go1.21rc2', 'go1.21.0', 'go1.21.3', 'go1.22'],
    ],
    equal: [
      ['v2.0.0+incompatible', '2.0.0'],
      ['v1.2.3', '1.2.3'],
    ],
    isValid: isValidGo,
    valid: ['go1.21.3', 'v1.2.3'],
    invalid: ['not-a-version'],
  },
  maven: {
    compare: compareMaven,
    // Maven's own ComparableVersionTest lists.
    chains: [
      [
        '1-alpha2snapshot',
        '1-alpha2',
        '1-alpha-123',
        '1-beta-2',
        '1-beta123',
        '1-m2',
        '1-m11',
        '1-rc',
        '1-cr2',
        '1-rc123',
        '1-SNAPSHOT',
        '1',
        '1-sp',
        '1-sp2',
        '1-sp123',
        '1-abc',
        '1-def',
        '1-pom-1',
        '1-1-snapshot',
        '1-1',
        '1-2',
        '1-123',
      ],
      [
        '2.0',
        '2-1',
        '2.0.2',
        '2.0.123',
        '2.1.0',
        '2.1-a',
        '2.1b',
        '2.1-c',
        '2.1-1',
        '2.1.0.1',
        '2.2',
        '2.123',
        '11.a2',
        '11.a11',
        '11.b2',
        '11.b11',
        '11.m2',
        '11.m11',
        '11',
        '11.a',
        '11b',
        '11c',
        '11m',
      ],
      // The versions in the log4j-core and jackson-databind advisories.
      ['2.0-alpha1', '2.0-beta9', '2.0-rc1', '2.0', '2.14.1', '2.15.0', '2.16.0'],
      ['2.12.6', '2.12.6.1', '2.13.0', '2.13.2', '2.13.2.1'],
    ],
    equal: [
      ['1', '1.0'],
      ['1', '1.0.0'],
      ['1.0', '1.0.0'],
      ['1-ga', '1'],
      ['1-final', '1'],
      ['1-release', '1'],
      ['1-cr1', '1-rc1'],
      ['1a1', '1-alpha-1'],
      ['1b2', '1-beta-2'],
      ['1m3', '1-milestone-3'],
      ['1X', '1x'],
      ['1.0.0-SNAPSHOT', '1-snapshot'],
      ['2.13.2', '2.13.2.0'],
    ],
    ordered: [
      // A qualifier after a dot sorts below a dash number.
      ['2.0.a', '>', '2.0'],
      ['2.0.a', '<', '2.0.2'],
      ['3.0.0-beta2', '<', '3.0.0-beta3'],
    ],
  },
  RubyGems: {
    compare: compareGem,
    chains: [['1.0.a', '1.0.a2', '1.0.b1', '1.0.rc1', '1.0', '1.0.1', '1.9.3', '1.9.10', '2.0.0-1', '2.0.0']],
    equal: [
      ['1.0', '1.0.0'],
      ['1', '1.0.0.0'],
      ['1.0.a', '1.0.0.a'],
    ],
    isValid: isValidGem,
    valid: ['1.2.3.pre'],
    invalid: ['x1'],
  },
  SemVer: {
    compare: compareSemver,
    chains: [
      [
        '0.0.0-0',
        '1.0.0-alpha',
        '1.0.0-alpha.1',
        '1.0.0-alpha.beta',
        '1.0.0-beta',
        '1.0.0-beta.2',
        '1.0.0-beta.11',
        '1.0.0-rc.1',
        '1.0.0',
        '1.2',
        '1.2.1',
      ],
    ],
    equal: [
      ['0', '0.0.0'],
      ['v1.2.3', '1.2.3'],
      ['1.2.3+build.5', '1.2.3'],
    ],
    isValid: isValidSemver,
    invalid: ['garbage'],
  },
  'PEP 440': {
    compare: comparePep440,
    chains: [['1.0.dev0', '1.0a1', '1.0b2', '1.0rc1', '1.0', '1.0+local.1', '1.0.post1', '1.1', '2!0.1']],
    equal: [
      ['1.0', '1.0.0'],
      ['1.0RC1', '1.0rc1'],
      ['1.0-1', '1.0.post1'],
    ],
    isValid: isValidPep440,
    valid: ['2.31.0'],
    invalid: ['not a version'],
  },
  NuGet: {
    compare: compareNuGet,
    chains: [
      [
        '0.9',
        '1.0.0-1',
        '1.0.0-2',
        '1.0.0-10',
        '1.0.0-alpha',
        '1.0.0-alpha.1',
        '1.0.0-alpha.beta',
        '1.0.0-beta',
        '1.0.0-beta.2',
        '1.0.0-beta.11',
        '1.0.0-rc.1',
        '1.0.0',
        '1.0.0.1',
        '1.0.1-beta1',
        '1.0.1',
        '4.0.0.0',
        '13.0.1',
        '13.0.3',
      ],
    ],
    equal: [
      ['1.0', '1.0.0'],
      ['1.0.0', '1.0.0.0'],
      ['1.01.1', '1.1.1'],
      ['1.0.0-BETA', '1.0.0-beta'],
      ['13.0.1+sha.5efc2b1', '13.0.1'],
    ],
    isValid: isValidNuGet,
    valid: ['13.0.1', '4.0.0.0', '6.0.0-preview.7.21377.19'],
    invalid: ['v1.0.0', '1.0.0.0.0', '[1.0, 2.0)', 'latest'],
  },
  Packagist: {
    compare: comparePackagist,
    chains: [
      [
        '1.0.0-foo',
        '1.0.0-dev',
        '1.0.0-alpha1',
        '1.0.0-alpha2',
        '1.0.0-beta1',
        '1.0.0-b2',
        '1.0.0-RC1',
        '1.0.0-rc2',
        '1.0.0',
        '1.0.0-pl1',
        '1.0.0.1',
        '1.0.1',
        '1.10.0',
        'v2.0.0',
        '10.0.0',
      ],
    ],
    equal: [
      ['1.0', '1.0.0'],
      ['1.0.0', '1.0.0.0'],
      ['v1.27.0', '1.27.0'],
      ['1.0.0-beta2', '1.0.0beta2'],
      ['1.0.0-RC1', '1.0.0-rc1'],
      ['1.0.0-alpha1', '1.0.0-a1'],
    ],
    isValid: isValidPackagist,
    valid: ['v1.27.0', '6.5.8', '3.0.0-RC1', '1.0.0.0'],
    invalid: ['dev-main', '', '^1.0', '1.0 || 2.0'],
  },
};

const SIGN: Record<Op, number> = { '<': -1, '=': 0, '>': 1 };

describe.each(Object.entries(CASES))('%s versions', (_name, c) => {
  it.each((c.chains ?? []).map((chain, i) => [i, chain] as const))(
    'chain %i is strictly increasing',
    (_i, chain) => {
      const wrong: string[] = [];
      for (let i = 0; i < chain.length; i++)
        for (let j = 0; j < chain.length; j++) {
          const got = Math.sign(c.compare(chain[i]!, chain[j]!));
          if (got !== Math.sign(i - j))
            wrong.push(`${chain[i]} vs ${chain[j]}: got ${got}, want ${Math.sign(i - j)}`);
        }
      expect(wrong).toEqual([]);
    },
  );

  if (c.equal?.length)
    it('equal pairs compare equal both ways', () => {
      const wrong = c.equal!.filter(([a, b]) => c.compare(a, b) !== 0 || c.compare(b, a) !== 0);
      expect(wrong).toEqual([]);
    });

  if (c.ordered?.length)
    it('ordered pairs compare as stated, both ways', () => {
      const wrong = c.ordered!.filter(
        ([a, op, b]) => Math.sign(c.compare(a, b)) !== SIGN[op] || Math.sign(c.compare(b, a)) !== -SIGN[op],
      );
      expect(wrong).toEqual([]);
    });

  if (c.isValid)
    it('tells valid from invalid versions', () => {
      for (const v of c.valid ?? []) expect(c.isValid!(v), v).toBe(true);
      for (const v of c.invalid ?? []) expect(c.isValid!(v), v).toBe(false);
    });
});
