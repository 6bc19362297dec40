/** Pagination of the distribution API: the `Link: <url>; rel="next"` header of a listing page. */

/** The `rel="next"` target of a Link header, when it stays on the registry's origin. */
export function nextLink(header: string | null, baseUrl: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!m || !/\brel="?next"?/i.test(m[2]!)) continue;
    try {
      const url = new URL(m[1]!, `${baseUrl}/`);
      return url.origin === new URL(baseUrl).origin ? url.toString() : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
