/** Safe path handling for paths inside an image: everything is absolute POSIX and confined to the image root. */
import { ShipgateError } from '../core/errors';

/**
 * Normalises a tar entry name to an absolute path inside the image ("./etc/x/" → "/etc/x").
 * A name that climbs above the root ("../../etc/x") is refused with PATH_ESCAPE.
 */
export function normalizeEntryPath(name: string, what = 'tar entry'): string {
  const parts: string[] = [];
  for (const seg of name.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0)
        throw new ShipgateError('PATH_ESCAPE', `${what} "${printable(name)}" escapes the image root`, {
          hint: 'the image was crafted to write outside its root filesystem; do not extract or run it',
        });
      parts.pop();
      continue;
    }
    parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** Joins and normalises like chroot: ".." at the root stays at the root. */
export function clampJoin(base: string, rel: string): string {
  const start = rel.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') start.pop();
    else start.push(seg);
  }
  return `/${start.join('/')}`;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Keeps control characters out of one-line messages. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 300);
}
