/** SemVer 2.0 ordering (npm, crates.io and OSV `SEMVER` ranges) on top of the `semver` package. */
import semver from 'semver';
import { ShipgateError } from '../../core/errors';

const PARTIAL = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

const cache = new Map<string, semver.SemVer | null>();

/**
 * Parses a version as SemVer, accepting what OSV and package managers write in practice: a `v`
 * prefix and missing minor/patch parts ("0" means 0.0.0, the OSV "from the beginning").
 */
export function parseSemver(v: string): semver.SemVer | null {
  const hit = cache.get(v);
  if (hit !== undefined) return hit;
  const s = v.trim();
  let parsed = semver.parse(s, { loose: true });
  if (!parsed) {
    const m = PARTIAL.exec(s);
    if (m) parsed = semver.parse(`${m[1]}.${m[2] ?? '0'}.${m[3] ?? '0'}${m[4] ?? ''}`, { loose: true });
  }
  if (cache.size > 200_000) cache.clear();
  cache.set(v, parsed);
  return parsed;
}

export function isValidSemver(v: string): boolean {
  return parseSemver(v) !== null;
}

/** Precedence per SemVer 2.0 (build metadata ignored). Unparseable input throws. */
export function compareSemver(a: string, b: string): number {
  const pa = parseSemver(a);
  const pb = parseSemver(b);
  if (!pa || !pb) throw new ShipgateError('INTERNAL', `invalid semver version: ${!pa ? a : b}`);
  return pa.compare(pb);
}
