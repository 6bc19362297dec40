/** Matching of policy entries (ignores, secret allowances) against findings. Pure functions. */
import type { Finding } from '../core/finding';
import { globMatch } from '../core/glob';
import { splitReference, withoutTransport } from '../oci/ref';
import type { PolicyIgnore, SecretAllow } from './schema';

function anyMatch(patterns: string[], values: (string | undefined)[]): boolean {
  const vs = values.filter((v): v is string => !!v);
  return patterns.some((p) =>
    vs.some((v) => globMatch(p, v) || globMatch(p.replace(/^\/+/, ''), v.replace(/^\/+/, ''))),
  );
}

/** Every id a finding answers to: its rule id, and for vulnerabilities the advisory id and aliases. */
export function findingIds(f: Finding): string[] {
  const ids = [f.ruleId];
  if (f.vulnerability) ids.push(f.vulnerability.id, ...f.vulnerability.aliases);
  return ids;
}

/** Paths of a finding: the repository path and the path inside the image. */
function findingPaths(f: Finding): string[] {
  return [f.location?.path, f.image?.path].filter((p): p is string => !!p);
}

/** Whether an ignore entry covers a finding (ignoring its expiry). */
export function ignoreMatches(ig: PolicyIgnore, f: Finding): boolean {
  if (!findingIds(f).some((id) => globMatch(ig.id, id))) return false;
  if (ig.paths && !anyMatch(ig.paths, findingPaths(f))) return false;
  if (ig.packages) {
    const v = f.vulnerability;
    const names = v ? [v.packageName, v.purl, v.purl?.replace(/@[^@]*$/, '')] : [];
    if (!anyMatch(ig.packages, names)) return false;
  }
  if (ig.images) {
    const ref = f.image?.ref;
    const values = ref ? [ref, splitReference(withoutTransport(ref)).name] : [];
    if (!anyMatch(ig.images, values)) return false;
  }
  return true;
}

/** Whether a secrets.allow entry covers a secret finding (ignoring its expiry). */
export function secretAllowMatches(a: SecretAllow, f: Finding): boolean {
  if (a.fingerprint !== undefined && a.fingerprint !== f.fingerprint) return false;
  if (a.rule !== undefined && !globMatch(a.rule, f.ruleId)) return false;
  if (a.paths && !anyMatch(a.paths, findingPaths(f))) return false;
  return true;
}

/** Days from `today` (YYYY-MM-DD, UTC) until `date` (YYYY-MM-DD); negative when past. */
export function daysUntil(date: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const [y, m, d] = date.split('-').map(Number);
  return Math.round((Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) - today) / 86_400_000);
}

/** An entry with `expires` applies through the end of that day (UTC). */
export function isExpired(expires: string | undefined, now: Date): boolean {
  return expires !== undefined && daysUntil(expires, now) < 0;
}
