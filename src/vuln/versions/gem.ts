/** RubyGems version ordering (Gem::Version#<=>, with canonical segments). */
type Segment = number | string;

const GEM_RE = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function isValidGem(v: string): boolean {
  return GEM_RE.test(v.trim());
}

function segments(v: string): Segment[] {
  const s = v.trim().replace(/-/g, '.pre.');
  return (s.match(/[0-9]+|[a-z]+/gi) ?? []).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
}

/** Trailing zeros dropped from the numeric part and from the part after the first string segment. */
function canonical(v: string): Segment[] {
  const segs = segments(v);
  const firstString = segs.findIndex((s) => typeof s === 'string');
  const numeric = firstString === -1 ? segs : segs.slice(0, firstString);
  const rest = firstString === -1 ? [] : segs.slice(firstString);
  const trim = (xs: Segment[]): Segment[] => {
    let n = xs.length;
    while (n > 0 && xs[n - 1] === 0) n--;
    return xs.slice(0, n);
  };
  return [...trim(numeric), ...trim(rest)];
}

export function compareGem(a: string, b: string): number {
  const l = canonical(a);
  const r = canonical(b);
  const n = Math.max(l.length, r.length);
  for (let i = 0; i < n; i++) {
    const x = l[i] ?? 0;
    const y = r[i] ?? 0;
    if (x === y) continue;
    if (typeof x === 'string' && typeof y === 'number') return -1;
    if (typeof x === 'number' && typeof y === 'string') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
