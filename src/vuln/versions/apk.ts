/**
 * Alpine package version ordering, following apk-tools' src/version.c: numbers separated by dots
 * (leading-zero components compare specially), an optional letter, suffixes `_alpha _beta _pre _rc`
 * (before the release) and `_cvs _svn _git _hg _p` (after it), each with an optional number, and an
 * `-rN` package revision.
 */
const enum T {
  Invalid = -1,
  DigitOrZero = 0,
  Digit = 1,
  Letter = 2,
  Suffix = 3,
  SuffixNo = 4,
  RevisionNo = 5,
  End = 6,
}

const PRE_SUFFIXES = ['alpha', 'beta', 'pre', 'rc'];
const POST_SUFFIXES = ['cvs', 'svn', 'git', 'hg', 'p'];

interface Cursor {
  s: string;
  pos: number;
  type: T;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isLower(c: string | undefined): boolean {
  return c !== undefined && c >= 'a' && c <= 'z';
}

function nextToken(c: Cursor): void {
  let n = T.Invalid;
  const ch = c.s[c.pos];
  if (c.pos >= c.s.length) n = T.End;
  else if ((c.type === T.Digit || c.type === T.DigitOrZero) && isLower(ch)) n = T.Letter;
  else if (c.type === T.Letter && isDigit(ch)) n = T.Digit;
  else if (c.type === T.Suffix && isDigit(ch)) n = T.SuffixNo;
  else {
    if (ch === '.') n = T.DigitOrZero;
    else if (ch === '_') n = T.Suffix;
    else if (ch === '-') {
      if (c.s[c.pos + 1] === 'r') {
        n = T.RevisionNo;
        c.pos++;
      }
    }
    c.pos++;
  }
  if (n < c.type) {
    if (!(
      (n === T.DigitOrZero && c.type === T.Digit) ||
      (n === T.Suffix && c.type === T.SuffixNo) ||
      (n === T.Digit && c.type === T.Letter)
    ))
      n = T.Invalid;
  }
  c.type = n;
}

function getToken(c: Cursor): number {
  if (c.pos >= c.s.length) {
    c.type = T.End;
    return 0;
  }
  let v = 0;
  let i = c.pos;
  let nt = T.Invalid;
  switch (c.type) {
    case T.DigitOrZero:
      // Leading zeros get a special treatment: "1.01" < "1.1", "1.001" < "1.01".
      if (c.s[i] === '0') {
        while (c.s[i] === '0') i++;
        nt = T.Digit;
        v = -(i - c.pos);
      } else {
        while (isDigit(c.s[i])) v = v * 10 + (c.s.charCodeAt(i++) - 48);
      }
      break;
    case T.Digit:
    case T.SuffixNo:
    case T.RevisionNo:
      while (isDigit(c.s[i])) v = v * 10 + (c.s.charCodeAt(i++) - 48);
      break;
    case T.Letter:
      v = c.s.charCodeAt(i++);
      break;
    case T.Suffix: {
      const rest = c.s.slice(i);
      const pre = PRE_SUFFIXES.findIndex((x) => rest.startsWith(x));
      if (pre >= 0) {
        v = pre - PRE_SUFFIXES.length;
        i += PRE_SUFFIXES[pre]!.length;
        break;
      }
      const post = POST_SUFFIXES.findIndex((x) => rest.startsWith(x));
      if (post >= 0) {
        v = post;
        i += POST_SUFFIXES[post]!.length;
        break;
      }
      c.type = T.Invalid;
      return -1;
    }
    default:
      c.type = T.Invalid;
      return -1;
  }
  c.pos = i;
  if (c.pos >= c.s.length) c.type = T.End;
  else if (nt !== T.Invalid) c.type = nt;
  else nextToken(c);
  return v;
}

/** Compares two apk versions: -1, 0 or 1 (apk_version_compare). */
export function compareApk(a: string, b: string): number {
  const ca: Cursor = { s: a.trim(), pos: 0, type: T.Digit };
  const cb: Cursor = { s: b.trim(), pos: 0, type: T.Digit };
  let av = 0;
  let bv = 0;
  while (ca.type === cb.type && ca.type !== T.End && ca.type !== T.Invalid && av === bv) {
    av = getToken(ca);
    bv = getToken(cb);
  }
  if (av < bv) return -1;
  if (av > bv) return 1;
  if (ca.type === cb.type) return 0;
  // Equal so far: the longer one is greater unless what follows is a pre-release suffix.
  if (ca.type === T.Suffix && getToken({ ...ca }) < 0) return -1;
  if (cb.type === T.Suffix && getToken({ ...cb }) < 0) return 1;
  if (ca.type > cb.type) return -1;
  if (cb.type > ca.type) return 1;
  return 0;
}

/** apk_version_validate(): the whole string tokenizes without an invalid token. */
export function isValidApk(v: string): boolean {
  const c: Cursor = { s: v.trim(), pos: 0, type: T.Digit };
  if (c.s === '') return false;
  while (c.type !== T.End && c.type !== T.Invalid) getToken(c);
  return c.type === T.End;
}
