// Version parsing helpers and the ecosystem → comparator registry (the orderings are in comparators.test.ts).
import { describe, expect, it } from 'vitest';
import { compareVersions, comparatorFor, ecosystemBase, parseable } from '../../../../src/vuln/versions';
import { parseDpkg } from '../../../../src/vuln/versions/dpkg';
import { normalizeGo } from '../../../../src/vuln/versions/go';
import { parseRpmEvr } from '../../../../src/vuln/versions/rpm';

describe('version parsing', () => {
  it('splits dpkg epoch and revision like parseversion()', () => {
    expect(parseDpkg('2:1.2-3-4')).toEqual({ epoch: 2, upstream: '1.2-3', revision: '4' });
  });

  it('splits rpm epoch, version and release', () => {
    expect(parseRpmEvr('1:3.0.7-24.el9')).toEqual({ epoch: '1', version: '3.0.7', release: '24.el9' });
  });

  it('normalises Go toolchain versions of the standard library', () => {
    expect(normalizeGo('go1.21.3')).toBe('1.21.3');
    expect(normalizeGo('go1.21')).toBe('1.21.0');
    expect(normalizeGo('go1.22rc1')).toBe('1.22.0-rc.1');
  });
});

describe('comparator registry', () => {
  it('maps OSV ecosystems (with release suffixes) to comparators', () => {
    expect(ecosystemBase('Ubuntu:Pro:14.04:LTS')).toBe('Ubuntu');
    expect(comparatorFor('Debian:12')?.name).toBe('dpkg');
    expect(comparatorFor('Alpine:v3.19')?.name).toBe('apk');
    // Wolfi and Chainguard packages are built and versioned with apk-tools too.
    expect(comparatorFor('Wolfi')?.name).toBe('apk');
    expect(comparatorFor('Chainguard')?.name).toBe('apk');
    expect(comparatorFor('AlmaLinux:9')?.name).toBe('rpm');
    expect(comparatorFor('Rocky Linux:9')?.name).toBe('rpm');
    expect(comparatorFor('crates.io')?.name).toBe('semver');
    expect(comparatorFor('NuGet')?.name).toBe('nuget');
    expect(comparatorFor('Packagist')?.name).toBe('packagist');
    expect(comparatorFor('Hackage')).toBeUndefined();
  });

  it('compares through the registry and refuses unknown ecosystems', () => {
    expect(compareVersions('Debian:12', '1.0~rc1', '1.0')).toBe(-1);
    expect(compareVersions('AlmaLinux:8', '1:1.1.1k-6.el8_5', '1.1.1k-7.el8')).toBe(1);
    expect(compareVersions('PyPI', '2.31.0', '2.4.0')).toBe(1);
    expect(() => compareVersions('Hackage', '1', '2')).toThrow(/Hackage/);
    expect(parseable('npm', '4.17.21')).toBe(true);
    expect(parseable('npm', 'latest')).toBe(false);
    expect(parseable('Hackage', '1.0')).toBe(false);
  });
});
