import { describe, expect, it } from 'vitest';
import { compareGem, isValidGem } from '../../../src/vuln/versions/gem';
import { comparePep440, isValidPep440 } from '../../../src/vuln/versions/pep440';
import { compareSemver, isValidSemver } from '../../../src/vuln/versions/semver';
import { compareVersions, comparatorFor, ecosystemBase, parseable } from '../../../src/vuln/versions';
import { expectEqualVersions, expectStrictlyIncreasing } from './chains';

describe('RubyGems versions (Gem::Version)', () => {
  it('orders prereleases before releases and pads with zeros', () => {
    expectStrictlyIncreasing(
      ['1.0.a', '1.0.a2', '1.0.b1', '1.0.rc1', '1.0', '1.0.1', '1.9.3', '1.9.10', '2.0.0-1', '2.0.0'],
      compareGem,
    );
    expectEqualVersions(
      [
        ['1.0', '1.0.0'],
        ['1', '1.0.0.0'],
        ['1.0.a', '1.0.0.a'],
      ],
      compareGem,
    );
    expect(isValidGem('1.2.3.pre')).toBe(true);
    expect(isValidGem('x1')).toBe(false);
  });
});

describe('SemVer (npm, crates.io, OSV SEMVER)', () => {
  it('follows SemVer 2.0 precedence', () => {
    expectStrictlyIncreasing(
      [
        '0',
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
      ].filter((v) => v !== '0'),
      compareSemver,
    );
    expectEqualVersions(
      [
        ['0', '0.0.0'],
        ['v1.2.3', '1.2.3'],
        ['1.2.3+build.5', '1.2.3'],
      ],
      compareSemver,
    );
    expect(isValidSemver('garbage')).toBe(false);
  });
});

describe('PEP 440 (PyPI)', () => {
  it('orders dev, pre, post and local versions', () => {
    expectStrictlyIncreasing(
      ['1.0.dev0', '1.0a1', '1.0b2', '1.0rc1', '1.0', '1.0+local.1', '1.0.post1', '1.1', '2!0.1'],
      comparePep440,
    );
    expectEqualVersions(
      [
        ['1.0', '1.0.0'],
        ['1.0RC1', '1.0rc1'],
        ['1.0-1', '1.0.post1'],
      ],
      comparePep440,
    );
    expect(isValidPep440('2.31.0')).toBe(true);
    expect(isValidPep440('not a version')).toBe(false);
  });
});

describe('registry', () => {
  it('maps OSV ecosystems (with release suffixes) to comparators', () => {
    expect(ecosystemBase('Ubuntu:Pro:14.04:LTS')).toBe('Ubuntu');
    expect(comparatorFor('Debian:12')?.name).toBe('dpkg');
    expect(comparatorFor('Alpine:v3.19')?.name).toBe('apk');
    expect(comparatorFor('AlmaLinux:9')?.name).toBe('rpm');
    expect(comparatorFor('Rocky Linux:9')?.name).toBe('rpm');
    expect(comparatorFor('crates.io')?.name).toBe('semver');
    expect(comparatorFor('Hackage')).toBeUndefined();
    expect(compareVersions('Debian:12', '1.0~rc1', '1.0')).toBe(-1);
    expect(compareVersions('AlmaLinux:8', '1:1.1.1k-6.el8_5', '1.1.1k-7.el8')).toBe(1);
    expect(compareVersions('PyPI', '2.31.0', '2.4.0')).toBe(1);
    expect(() => compareVersions('Hackage', '1', '2')).toThrow(/Hackage/);
    expect(parseable('npm', '4.17.21')).toBe(true);
    expect(parseable('npm', 'latest')).toBe(false);
    expect(parseable('Hackage', '1.0')).toBe(false);
  });
});
