/**
 * RPM version ordering: rpmvercmp() from rpm's rpmio/rpmvercmp.c (including `~` and `^`), and EVR
 * comparison as rpmverCmp() does it (a missing epoch is 0; epoch, then version, then release).
 */
export interface RpmEvr {
  epoch: string;
  version: string;
  release: string | undefined;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAlnum(c: number): boolean {
  return isDigit(c) || isAlpha(c);
}

const TILDE = 126;
const CARET = 94;

/** rpmvercmp(): 1, 0 or -1. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  const la = a.length;
  const lb = b.length;
  while (i < la || j < lb) {
    while (i < la && !isAlnum(a.charCodeAt(i)) && a.charCodeAt(i) !== TILDE && a.charCodeAt(i) !== CARET) i++;
    while (j < lb && !isAlnum(b.charCodeAt(j)) && b.charCodeAt(j) !== TILDE && b.charCodeAt(j) !== CARET) j++;
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1;
      if (cb !== TILDE) return -1;
      i++;
      j++;
      continue;
    }
    if (ca === CARET || cb === CARET) {
      if (i >= la) return -1;
      if (j >= lb) return 1;
      if (ca !== CARET) return 1;
      if (cb !== CARET) return -1;
      i++;
      j++;
      continue;
    }
    if (!(i < la && j < lb)) break;
    let ei = i;
    let ej = j;
    let isNum: boolean;
    if (isDigit(ca)) {
      while (ei < la && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < lb && isDigit(b.charCodeAt(ej))) ej++;
      isNum = true;
    } else {
      while (ei < la && isAlpha(a.charCodeAt(ei))) ei++;
      while (ej < lb && isAlpha(b.charCodeAt(ej))) ej++;
      isNum = false;
    }
    if (ei === i) return -1;
    if (ej === j) return isNum ? 1 : -1;
    let sa = a.slice(i, ei);
    let sb = b.slice(j, ej);
    if (isNum) {
      sa = sa.replace(/^0+/, '');
      sb = sb.replace(/^0+/, '');
      if (sa.length > sb.length) return 1;
      if (sb.length > sa.length) return -1;
    }
    if (sa !== sb) return sa < sb ? -1 : 1;
    i = ei;
    j = ej;
  }
  if (i >= la && j >= lb) return 0;
  return i >= la ? -1 : 1;
}

/** Splits [epoch:]version[-release] like rpm's parseEVR(). */
export function parseRpmEvr(evr: string): RpmEvr {
  const s = evr.trim();
  let k = 0;
  while (k < s.length && isDigit(s.charCodeAt(k))) k++;
  let epoch = '0';
  let rest = s;
  if (s[k] === ':') {
    epoch = k === 0 ? '0' : s.slice(0, k);
    rest = s.slice(k + 1);
  }
  const dash = rest.lastIndexOf('-');
  if (dash >= 0) return { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
  return { epoch, version: rest, release: undefined };
}

export function isValidRpm(evr: string): boolean {
  const p = parseRpmEvr(evr);
  return p.version !== '' && !/\s/.test(evr.trim()) && /[A-Za-z0-9]/.test(p.version);
}

/** Compares two rpm EVR strings: -1, 0 or 1. */
export function compareRpm(a: string, b: string): number {
  const pa = parseRpmEvr(a);
  const pb = parseRpmEvr(b);
  let rc = rpmvercmp(pa.epoch, pb.epoch);
  if (rc) return rc;
  rc = rpmvercmp(pa.version, pb.version);
  if (rc) return rc;
  return rpmvercmp(pa.release ?? '', pb.release ?? '');
}
