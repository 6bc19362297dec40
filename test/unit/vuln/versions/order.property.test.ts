/**
 * Property tests: every version comparator is a total order on the versions its ecosystem allows
 * (antisymmetric, transitive, and consistent with equality: equal versions compare the same to any third),
 * on versions generated from each ecosystem's grammar by fast-check.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { compareApk } from '../../../../src/vuln/versions/apk';
import { compareDpkg } from '../../../../src/vuln/versions/dpkg';
import { compareGem } from '../../../../src/vuln/versions/gem';
import { compareGo } from '../../../../src/vuln/versions/go';
import { compareMaven } from '../../../../src/vuln/versions/maven';
import { compareNuGet } from '../../../../src/vuln/versions/nuget';
import { comparePackagist } from '../../../../src/vuln/versions/packagist';
import { comparePep440 } from '../../../../src/vuln/versions/pep440';
import { compareRpm } from '../../../../src/vuln/versions/rpm';
import { compareSemver } from '../../../../src/vuln/versions/semver';

const num = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map(String),
  fc.constantFrom('0', '00', '01', '007', '10', '2024'),
);
const dotted = (min: number, max: number) =>
  fc.array(num, { minLength: min, maxLength: max }).map((p) => p.join('.'));
const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const opt = (a: fc.Arbitrary<string>) => fc.option(a, { nil: '' });

const GRAMMARS: Record<string, [(a: string, b: string) => number, fc.Arbitrary<string>]> = {
  dpkg: [
    compareDpkg,
    fc
      .tuple(
        opt(fc.integer({ min: 1, max: 3 }).map((e) => `${e}:`)),
        dotted(1, 3),
        opt(pick('~rc1', '~~', '~', '+dfsg', 'a', '+b1', '.1')),
        opt(fc.tuple(num, opt(pick('+deb12u1', '~bpo1', '.1'))).map(([r, s]) => `-${r}${s}`)),
      )
      .map((p) => p.join('')),
  ],
  rpm: [
    compareRpm,
    fc
      .tuple(
        opt(fc.integer({ min: 0, max: 3 }).map((e) => `${e}:`)),
        dotted(1, 3),
        opt(pick('~rc1', '^git1', '^', 'a', '_1', '~~beta')),
        opt(fc.tuple(num, opt(pick('.el9', '.fc40', '.el8_5'))).map(([r, s]) => `-${r}${s}`)),
      )
      .map((p) => p.join('')),
  ],
  apk: [
    compareApk,
    fc
      .tuple(
        dotted(1, 3),
        opt(pick('a', 'b')),
        opt(
          fc
            .tuple(pick('_alpha', '_beta', '_pre', '_rc', '_p', '_git', '_cvs'), opt(num))
            .map((p) => p.join('')),
        ),
        opt(pick('~1234abcd', '~ff')),
        opt(num.map((r) => `-r${r}`)),
      )
      .map((p) => p.join('')),
  ],
  semver: [
    compareSemver,
    fc
      .tuple(dotted(3, 3), opt(pick('-alpha', '-alpha.1', '-beta.2', '-rc.1', '-0')), opt(pick('+build.5')))
      .map((p) => p.join('')),
  ],
  nuget: [
    compareNuGet,
    fc
      .tuple(
        dotted(1, 4),
        opt(
          pick(
            '-alpha',
            '-Alpha',
            '-alpha.1',
            '-beta.2',
            '-BETA.2',
            '-rc.1',
            '-0',
            '-10',
            '-preview.7.21377.19',
          ),
        ),
        opt(pick('+build.5')),
      )
      .map((p) => p.join('')),
  ],
  packagist: [
    comparePackagist,
    fc
      .tuple(
        opt(pick('v')),
        dotted(1, 4),
        opt(pick('-dev', '-alpha1', '-a2', '-beta', '-b1', '-RC1', '-rc2', '-pl1', '-p2', 'beta3', '-foo')),
      )
      .map((p) => p.join('')),
  ],
  go: [
    compareGo,
    fc
      .tuple(pick('v'), dotted(3, 3), opt(pick('-rc.1', '-0.20191109021931-daa7c04131f5', '+incompatible')))
      .map((p) => p.join('')),
  ],
  pep440: [
    comparePep440,
    fc
      .tuple(opt(pick('1!')), dotted(1, 3), opt(pick('a1', 'b2', 'rc1', '.post1', '.dev0', '+local.1')))
      .map((p) => p.join('')),
  ],
  // Maven's ComparableVersion is itself not transitive when a bare qualifier after a dot meets a dash list
  // (7.a < 7-alpha-1 < 7 < 7.a, in Maven as here), so the grammar leaves `.qualifier` out.
  maven: [
    compareMaven,
    fc
      .tuple(dotted(1, 3), opt(pick('-alpha-1', '-beta2', '-SNAPSHOT', '-rc1', '-sp', '-1', 'b', '-ga')))
      .map((p) => p.join('')),
  ],
  gem: [compareGem, fc.tuple(dotted(1, 4), opt(pick('.a', '.pre', '.rc1', '.b2'))).map((p) => p.join(''))],
};

describe.each(Object.entries(GRAMMARS))('%s versions form a total order', (_name, [cmp, version]) => {
  it('antisymmetric and reflexive', () => {
    fc.assert(
      fc.property(
        version,
        version,
        (a, b) => Math.sign(cmp(a, b)) === -Math.sign(cmp(b, a)) && cmp(a, a) === 0,
      ),
      { numRuns: 2000 },
    );
  });

  it('transitive, and equal versions compare the same to a third', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const ab = Math.sign(cmp(a, b));
        const bc = Math.sign(cmp(b, c));
        const ac = Math.sign(cmp(a, c));
        if (ab === 0) return Math.sign(cmp(a, c)) === Math.sign(cmp(b, c));
        if (ab === bc) return ac === ab;
        return true;
      }),
      { numRuns: 3000 },
    );
  });

  it('a sorted list is ordered between every pair (no cycles)', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 2, maxLength: 25 }), (list) => {
        const sorted = [...list].sort(cmp);
        for (let i = 0; i < sorted.length; i++)
          for (let j = i + 1; j < sorted.length; j++) if (cmp(sorted[i]!, sorted[j]!) > 0) return false;
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
