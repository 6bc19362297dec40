/**
 * Go module version ordering: SemVer with a `v` prefix, `+incompatible` (ignored, as build metadata),
 * pseudo-versions (vX.Y.Z-yyyymmddhhmmss-abcdef123456, which are SemVer pre-releases and order by time),
 * and toolchain versions of the standard library ("go1.21.3", "go1.22rc1", "1.21").
 */
import { compareSemver, parseSemver } from './semver';

const GO_TOOLCHAIN = /^(?:go)?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(rc|beta)(\d+))?$/;

/** Normalises a Go version to SemVer without the `v`. */
export function normalizeGo(v: string): string {
  const s = v.trim();
  const t = GO_TOOLCHAIN.exec(s);
  if (t) {
    const base = `${t[1]}.${t[2] ?? '0'}.${t[3] ?? '0'}`;
    return t[4] ? `${base}-${t[4]}.${t[5]}` : base;
  }
  return s.replace(/^v/, '');
}

export function isValidGo(v: string): boolean {
  return parseSemver(normalizeGo(v)) !== null;
}

export function compareGo(a: string, b: string): number {
  return compareSemver(normalizeGo(a), normalizeGo(b));
}
