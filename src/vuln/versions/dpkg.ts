/**
 * Debian package version ordering, as dpkg's lib/dpkg/version.c implements it:
 * [epoch:]upstream[-revision], with `~` sorting before everything (even the end of the string).
 */
import { ShipgateError } from '../../core/errors';
export interface DpkgVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

const parsed = new Map<string, DpkgVersion | undefined>();

/** Splits a version the way dpkg's parseversion() does (epoch before the first ':', revision after the last '-'). */
export function parseDpkg(version: string): DpkgVersion | undefined {
  if (parsed.has(version)) return parsed.get(version);
  const r = parseUncached(version);
  if (parsed.size > 200_000) parsed.clear();
  parsed.set(version, r);
  return r;
}

function parseUncached(version: string): DpkgVersion | undefined {
  const v = version.trim();
  if (v === '' || /\s/.test(v)) return undefined;
  let rest = v;
  let epoch = 0;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const e = rest.slice(0, colon);
    if (!/^\d+$/.test(e)) return undefined;
    epoch = Number(e);
    rest = rest.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  const upstream = dash >= 0 ? rest.slice(0, dash) : rest;
  const revision = dash >= 0 ? rest.slice(dash + 1) : '';
  if (upstream === '' || (dash >= 0 && revision === '')) return undefined;
  return { epoch, upstream, revision };
}

export function isValidDpkg(version: string): boolean {
  const p = parseDpkg(version);
  return (
    p !== undefined && /^[0-9][A-Za-z0-9.+~:-]*$/.test(p.upstream) && /^[A-Za-z0-9.+~]*$/.test(p.revision)
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** dpkg's order(): digits 0, letters their code, `~` -1, end 0, everything else code + 256. */
function order(c: number): number {
  if (Number.isNaN(c) || isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}

/** dpkg's verrevcmp(). */
function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  const la = a.length;
  const lb = b.length;
  while (i < la || j < lb) {
    let firstDiff = 0;
    while ((i < la && !isDigit(a.charCodeAt(i))) || (j < lb && !isDigit(b.charCodeAt(j)))) {
      const ac = order(a.charCodeAt(i));
      const bc = order(b.charCodeAt(j));
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 48) i++;
    while (b.charCodeAt(j) === 48) j++;
    while (isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a.charCodeAt(i))) return 1;
    if (isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Compares two dpkg versions: negative, zero or positive. Unparseable input throws. */
export function compareDpkg(a: string, b: string): number {
  const pa = parseDpkg(a);
  const pb = parseDpkg(b);
  if (!pa || !pb) throw new ShipgateError('INTERNAL', `invalid dpkg version: ${!pa ? a : b}`);
  if (pa.epoch !== pb.epoch) return pa.epoch > pb.epoch ? 1 : -1;
  const u = verrevcmp(pa.upstream, pb.upstream);
  if (u) return sign(u);
  return sign(verrevcmp(pa.revision, pb.revision));
}
