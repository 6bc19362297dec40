/**
 * The one glob matcher. Two syntaxes, both case-insensitive and cached per pattern:
 * - 'path' (default): picomatch globs as users write them in shipgate.yaml — `*` stays inside one path
 *   segment, `**` crosses segments, `?`, `[...]` and `{a,b}` work, dotfiles match; a pattern without
 *   glob characters must match exactly.
 * - 'wildcard': only `*` is special and it matches any run of characters, `/` included; everything else
 *   is literal. Image-name tables (`gcr.io/distroless/*`) use it so one `*` covers nested repositories.
 */
import picomatch from 'picomatch';

export type GlobSyntax = 'path' | 'wildcard';

type Matcher = (value: string) => boolean;

const MAX_CACHED = 1000;
const caches: Record<GlobSyntax, Map<string, Matcher>> = { path: new Map(), wildcard: new Map() };

function wildcard(pattern: string): Matcher {
  const source = pattern
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const re = new RegExp(`^${source}$`, 'i');
  return (value) => re.test(value);
}

function compile(pattern: string, syntax: GlobSyntax): Matcher {
  return syntax === 'wildcard' ? wildcard(pattern) : picomatch(pattern, { nocase: true, dot: true });
}

export function globMatch(pattern: string, value: string, syntax: GlobSyntax = 'path'): boolean {
  const cache = caches[syntax];
  let m = cache.get(pattern);
  if (!m) {
    m = compile(pattern, syntax);
    // Patterns come from rule tables and the policy: few, and reused for every finding and image.
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(pattern, m);
  }
  return m(value);
}
