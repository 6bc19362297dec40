/**
 * Maven version ordering, after org.apache.maven.artifact.versioning.ComparableVersion (Maven 3.8): the version is
 * split on `.`, `-` and digit/letter transitions into a tree of integer, string and list items;
 * qualifiers order as alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp,
 * unknown qualifiers after sp (lexically), and trailing zero/empty items are dropped ("1.0" = "1").
 */
type Item = { k: 'int'; v: bigint } | { k: 'str'; v: string } | { k: 'list'; v: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

function stringItem(value: string, followedByDigit: boolean): Item {
  let v = value;
  if (followedByDigit && v.length === 1) {
    if (v === 'a') v = 'alpha';
    else if (v === 'b') v = 'beta';
    else if (v === 'm') v = 'milestone';
  }
  return { k: 'str', v: ALIASES[v] ?? v };
}

function comparableQualifier(q: string): string {
  const i = QUALIFIERS.indexOf(q);
  return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i);
}

function parseItem(isDigit: boolean, buf: string): Item {
  return isDigit ? { k: 'int', v: BigInt(buf.replace(/^0+(?=.)/, '')) } : stringItem(buf, false);
}

function isNull(item: Item): boolean {
  if (item.k === 'int') return item.v === 0n;
  if (item.k === 'str') return item.v === '';
  return item.v.length === 0;
}

function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i]!;
    if (isNull(last)) list.splice(i, 1);
    else if (last.k !== 'list') break;
  }
}

function parseMaven(version: string): Item {
  const v = version.trim().toLowerCase();
  const root: Item[] = [];
  let list = root;
  const stack: Item[][] = [root];
  let isDigit = false;
  let start = 0;
  const push = (): void => {
    const next: Item[] = [];
    list.push({ k: 'list', v: next });
    list = next;
    stack.push(next);
  };
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '.') {
      list.push(i === start ? { k: 'int', v: 0n } : parseItem(isDigit, v.slice(start, i)));
      start = i + 1;
    } else if (c === '-') {
      list.push(i === start ? { k: 'int', v: 0n } : parseItem(isDigit, v.slice(start, i)));
      start = i + 1;
      push();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        // A qualifier after a dot starts a list, as after a dash ("1.0.0.X1" < "1.0.0-X2").
        if (list.length) push();
        list.push(stringItem(v.slice(start, i), true));
        start = i;
        push();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(parseItem(true, v.slice(start, i)));
        start = i;
        push();
      }
      isDigit = false;
    }
  }
  if (v.length > start) {
    if (!isDigit && list.length) push();
    list.push(parseItem(isDigit, v.slice(start)));
  }
  while (stack.length) normalize(stack.pop()!);
  return { k: 'list', v: root };
}

function cmp(a: Item | undefined, b: Item | undefined): number {
  if (a === undefined) return b === undefined ? 0 : -cmp(b, undefined);
  switch (a.k) {
    case 'int':
      if (b === undefined) return a.v === 0n ? 0 : 1;
      if (b.k === 'int') return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
      return 1;
    case 'str': {
      if (b === undefined) return strcmp(comparableQualifier(a.v), RELEASE_INDEX);
      if (b.k === 'int' || b.k === 'list') return -1;
      return strcmp(comparableQualifier(a.v), comparableQualifier(b.v));
    }
    case 'list': {
      if (b === undefined) {
        for (const item of a.v) {
          const r = cmp(item, undefined);
          if (r) return r;
        }
        return 0;
      }
      if (b.k === 'int') return -1;
      if (b.k === 'str') return 1;
      const n = Math.max(a.v.length, b.v.length);
      for (let i = 0; i < n; i++) {
        const l = a.v[i];
        const r = b.v[i];
        const res = l === undefined ? (r === undefined ? 0 : -cmp(r, l)) : cmp(l, r);
        if (res) return res;
      }
      return 0;
    }
  }
}

function strcmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareMaven(a: string, b: string): number {
  return cmp(parseMaven(a), parseMaven(b));
}

export function isValidMaven(v: string): boolean {
  return v.trim() !== '' && !/\s/.test(v.trim());
}
