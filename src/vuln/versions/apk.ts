/**
 * Alpine (and Wolfi/Chainguard) package version ordering, following apk-tools 3's src/version.c:
 * `digit{.digit}...{letter}{_suffix{number}}...{~hash}{-rN}`. Suffixes `_alpha _beta _pre _rc` sort before
 * the release and `_cvs _svn _git _hg _p` after it. A dot component with a leading zero compares as a string
 * ("1.01" < "1.1", "8.2.0" < "8.2.001"), as Gentoo's rules do; a `~hash` commit part compares as a string.
 * The test data of apk-tools (test/unit/version.data) is the oracle: every case agrees.
 */
const enum Token {
  InitialDigit = 0,
  Digit = 1,
  Letter = 2,
  Suffix = 3,
  SuffixNo = 4,
  CommitHash = 5,
  RevisionNo = 6,
  End = 7,
  Invalid = 8,
}

/** Suffix ranks; everything below NONE is a pre-release. */
const SUFFIX_NONE = 5;
const SUFFIXES: Readonly<Record<string, number>> = {
  alpha: 1,
  beta: 2,
  pre: 3,
  rc: 4,
  cvs: 6,
  svn: 7,
  git: 8,
  hg: 9,
  p: 10,
};

interface State {
  s: string;
  pos: number;
  token: Token;
  /** The token's text (digits without the dot, the suffix name, the hash). */
  value: string;
  suffix: number;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLower = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isHex = (c: string | undefined): boolean => isDigit(c) || (c !== undefined && c >= 'a' && c <= 'f');

function span(t: State, accept: (c: string | undefined) => boolean): string {
  const start = t.pos;
  while (t.pos < t.s.length && accept(t.s[t.pos])) t.pos++;
  return t.s.slice(start, t.pos);
}

function parseDigits(t: State): void {
  t.value = span(t, isDigit);
  if (t.value === '') t.token = Token.Invalid;
}

function first(s: string): State {
  const t: State = { s, pos: 0, token: Token.InitialDigit, value: '', suffix: 0 };
  parseDigits(t);
  return t;
}

function next(t: State): void {
  if (t.pos >= t.s.length) {
    t.token = Token.End;
    return;
  }
  const c = t.s[t.pos];
  if (isLower(c)) {
    if (t.token > Token.Digit) return invalid(t);
    t.value = c!;
    t.token = Token.Letter;
    t.pos++;
  } else if (c === '.' || isDigit(c)) {
    if (c === '.') {
      if (t.token > Token.Digit) return invalid(t);
      t.pos++;
    }
    if (t.token === Token.InitialDigit || t.token === Token.Digit) t.token = Token.Digit;
    else if (t.token === Token.Suffix) t.token = Token.SuffixNo;
    else return invalid(t);
    parseDigits(t);
  } else if (c === '_') {
    if (t.token > Token.SuffixNo) return invalid(t);
    t.pos++;
    t.value = span(t, isLower);
    const rank = Object.hasOwn(SUFFIXES, t.value) ? SUFFIXES[t.value]! : 0;
    if (!rank) return invalid(t);
    t.suffix = rank;
    t.token = Token.Suffix;
  } else if (c === '~') {
    if (t.token >= Token.CommitHash) return invalid(t);
    t.pos++;
    t.value = span(t, isHex);
    if (t.value === '') return invalid(t);
    t.token = Token.CommitHash;
  } else if (c === '-') {
    if (t.token >= Token.RevisionNo || t.s[t.pos + 1] !== 'r') return invalid(t);
    t.pos += 2;
    t.token = Token.RevisionNo;
    parseDigits(t);
  } else invalid(t);
}

function invalid(t: State): void {
  t.token = Token.Invalid;
}

/** Byte-wise comparison, shorter first on a common prefix (apk_blob_sort). */
function stringOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Unsigned decimal strings compared as numbers of any size. */
function numberOrder(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  return x.length !== y.length ? Math.sign(x.length - y.length) : stringOrder(x, y);
}

function tokenOrder(a: State, b: State): number {
  switch (a.token) {
    case Token.Digit:
      // Either component with a leading zero: string comparison, as Gentoo does.
      if (a.value[0] === '0' || b.value[0] === '0') return stringOrder(a.value, b.value);
      return numberOrder(a.value, b.value);
    case Token.InitialDigit:
    case Token.SuffixNo:
    case Token.RevisionNo:
      return numberOrder(a.value, b.value);
    case Token.Letter:
      return stringOrder(a.value, b.value);
    case Token.Suffix:
      return Math.sign(a.suffix - b.suffix);
    default:
      return stringOrder(a.value, b.value);
  }
}

/** Compares two apk versions: -1, 0 or 1 (apk_version_compare). */
export function compareApk(a: string, b: string): number {
  const ta = first(a.trim());
  const tb = first(b.trim());
  while (ta.token === tb.token && ta.token < Token.End) {
    const r = tokenOrder(ta, tb);
    if (r !== 0) return r;
    next(ta);
    next(tb);
  }
  if (ta.token === tb.token) return 0;
  // Equal so far: the longer version is greater, unless what follows is a pre-release suffix.
  if (ta.token === Token.Suffix && ta.suffix < SUFFIX_NONE) return -1;
  if (tb.token === Token.Suffix && tb.suffix < SUFFIX_NONE) return 1;
  if (ta.token > tb.token) return -1;
  if (tb.token > ta.token) return 1;
  return 0;
}

/** apk_version_validate(): the whole string tokenizes without an invalid token. */
export function isValidApk(v: string): boolean {
  const t = first(v.trim());
  while (t.token < Token.End) next(t);
  return t.token === Token.End;
}
