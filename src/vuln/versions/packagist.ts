/**
 * Packagist (Composer) version ordering: PHP's `version_compare`, which Composer's constraints come down to,
 * after the `v` prefix Composer drops when it normalises a tag (`v1.27.0` is 1.27.0). `-`, `_` and `+` separate
 * parts like `.`, and a change between digits and letters starts a new part. Parts compare numerically, or by
 * their stability: dev < alpha = a < beta = b < RC = rc < a number < patch = pl = p; any other word sorts first.
 */
import { ShipgateError } from '../../core/errors';

const NUMBER = /^\d+$/;
const VALID = /^v?\d+(?:[.\-_+]?[0-9A-Za-z]+)*$/;

export function isValidPackagist(v: string): boolean {
  return VALID.test(v.trim());
}

function parts(v: string): string[] {
  const list = v
    .trim()
    .replace(/^v/, '')
    .replace(/[-_+]/g, '.')
    .replace(/(\d)(?=[^\d.])|([^\d.])(?=\d)/g, '$1$2.')
    .split('.')
    .filter(Boolean);
  // Composer normalises the release to four numbers (1.2 is 1.2.0.0) before comparing.
  let release = 0;
  while (release < list.length && NUMBER.test(list[release]!)) release++;
  return [
    ...list.slice(0, release),
    ...Array<string>(Math.max(0, 4 - release)).fill('0'),
    ...list.slice(release),
  ];
}

const STABILITY: Record<string, number> = {
  dev: 0,
  alpha: 1,
  a: 1,
  beta: 2,
  b: 2,
  rc: 3,
  '#': 4,
  pl: 5,
  p: 5,
};

function rank(part: string): number {
  return NUMBER.test(part) ? STABILITY['#']! : (STABILITY[part.toLowerCase()] ?? -1);
}

function comparePart(a: string, b: string): number {
  if (NUMBER.test(a) && NUMBER.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Math.sign(rank(a) - rank(b));
}

export function comparePackagist(a: string, b: string): number {
  if (!isValidPackagist(a) || !isValidPackagist(b))
    throw new ShipgateError('INTERNAL', `invalid Packagist version: ${!isValidPackagist(a) ? a : b}`);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    // A longer version wins with an extra number; an extra word compares as that stability against a number.
    if (x === undefined) return NUMBER.test(y!) ? -1 : -comparePart(y!, '#');
    if (y === undefined) return NUMBER.test(x) ? 1 : comparePart(x, '#');
    const c = comparePart(x, y);
    if (c) return c;
  }
  return 0;
}
