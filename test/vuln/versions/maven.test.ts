import { describe, expect, it } from 'vitest';
import { compareMaven } from '../../../src/vuln/versions/maven';
import { expectEqualVersions, expectStrictlyIncreasing } from './chains';

// The orderings below are Maven's own ComparableVersionTest lists.
describe('Maven versions (ComparableVersion)', () => {
  it('orders qualifiers', () => {
    expectStrictlyIncreasing(
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
      compareMaven,
    );
  });

  it('orders numbers and separators', () => {
    expectStrictlyIncreasing(
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
      compareMaven,
    );
  });

  it('puts a qualifier after a dot below a dash number', () => {
    expect(compareMaven('2.0.a', '2.0')).toBe(1);
    expect(compareMaven('2.0.a', '2.0.2')).toBe(-1);
  });

  it('pads and aliases', () => {
    expectEqualVersions(
      [
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
      ],
      compareMaven,
    );
  });

  it('orders the versions in the log4j-core and jackson-databind advisories', () => {
    expectStrictlyIncreasing(
      ['2.0-alpha1', '2.0-beta9', '2.0-rc1', '2.0', '2.14.1', '2.15.0', '2.16.0'],
      compareMaven,
    );
    expectStrictlyIncreasing(
      ['2.12.6', '2.12.6.1', '2.13.0', '2.13.2', '2.13.2.0', '2.13.2.1'].filter((v) => v !== '2.13.2.0'),
      compareMaven,
    );
    expect(compareMaven('2.13.2', '2.13.2.0')).toBe(0);
    expect(compareMaven('3.0.0-beta2', '3.0.0-beta3')).toBe(-1);
  });
});
