/** Version ordering per OSV ecosystem: `compareVersions(ecosystem, a, b)` and `parseable(ecosystem, v)`. */
import { compareApk, isValidApk } from './apk';
import { compareDpkg, isValidDpkg } from './dpkg';
import { compareGem, isValidGem } from './gem';
import { compareGo, isValidGo } from './go';
import { compareMaven, isValidMaven } from './maven';
import { compareNuGet, isValidNuGet } from './nuget';
import { comparePackagist, isValidPackagist } from './packagist';
import { comparePep440, isValidPep440 } from './pep440';
import { compareRpm, isValidRpm } from './rpm';
import { compareSemver, isValidSemver } from './semver';
import { ShipgateError } from '../../core/errors';

export interface Comparator {
  name: string;
  compare(a: string, b: string): number;
  valid(v: string): boolean;
}

const DPKG: Comparator = { name: 'dpkg', compare: compareDpkg, valid: isValidDpkg };
const RPM: Comparator = { name: 'rpm', compare: compareRpm, valid: isValidRpm };
const APK: Comparator = { name: 'apk', compare: compareApk, valid: isValidApk };
const SEMVER: Comparator = { name: 'semver', compare: compareSemver, valid: isValidSemver };
const PEP440: Comparator = { name: 'pep440', compare: comparePep440, valid: isValidPep440 };
const MAVEN: Comparator = { name: 'maven', compare: compareMaven, valid: isValidMaven };
const GO: Comparator = { name: 'go', compare: compareGo, valid: isValidGo };
const GEM: Comparator = { name: 'rubygems', compare: compareGem, valid: isValidGem };
const PACKAGIST: Comparator = { name: 'packagist', compare: comparePackagist, valid: isValidPackagist };
const NUGET: Comparator = { name: 'nuget', compare: compareNuGet, valid: isValidNuGet };

/** OSV ecosystem base name (before the first ':') → comparator. */
const BY_ECOSYSTEM: Record<string, Comparator> = {
  Debian: DPKG,
  Ubuntu: DPKG,
  Alpine: APK,
  Wolfi: APK,
  Chainguard: APK,
  AlmaLinux: RPM,
  'Rocky Linux': RPM,
  'Red Hat': RPM,
  openEuler: RPM,
  openSUSE: RPM,
  SUSE: RPM,
  Mageia: RPM,
  npm: SEMVER,
  'crates.io': SEMVER,
  PyPI: PEP440,
  Maven: MAVEN,
  Go: GO,
  RubyGems: GEM,
  NuGet: NUGET,
  Packagist: PACKAGIST,
};

/** The ecosystem's base name: "Debian:12" → "Debian", "Ubuntu:Pro:22.04:LTS" → "Ubuntu". */
export function ecosystemBase(ecosystem: string): string {
  const i = ecosystem.indexOf(':');
  return i === -1 ? ecosystem : ecosystem.slice(0, i);
}

/** The comparator for an OSV ecosystem, or undefined when shipgate has none. */
export function comparatorFor(ecosystem: string): Comparator | undefined {
  return BY_ECOSYSTEM[ecosystemBase(ecosystem)];
}

/** The SemVer 2.0 comparator OSV `SEMVER` ranges use whatever the ecosystem. */
export const semverComparator: Comparator = SEMVER;

/** Compares two versions in an ecosystem's order (negative, zero, positive). Throws for unknown ecosystems. */
export function compareVersions(ecosystem: string, a: string, b: string): number {
  const c = comparatorFor(ecosystem);
  if (!c) throw new ShipgateError('INTERNAL', `no version ordering for ecosystem ${ecosystem}`);
  return Math.sign(c.compare(a, b));
}

/** Whether the version can be ordered in that ecosystem. */
export function parseable(ecosystem: string, v: string): boolean {
  const c = comparatorFor(ecosystem);
  if (!c) return false;
  try {
    return c.valid(v);
  } catch {
    return false;
  }
}
