/**
 * Bounds on what an image may make shipgate read, so a crafted archive or layer (a gzip bomb, millions of
 * entries, endless paths) ends in a one-line LIMIT error instead of filling the disk or the memory.
 * Each can be raised with an environment variable (sizes take K, M, G or T suffixes, powers of 1024):
 *
 * - SHIPGATE_MAX_EXPANDED_SIZE: decompressed size of one archive or layer (default 32G);
 * - SHIPGATE_MAX_RATIO: decompressed / compressed size, checked once past 1 GiB (default 100);
 * - SHIPGATE_MAX_ENTRIES: entries in one archive or layer (default 2,000,000);
 * - SHIPGATE_MAX_PATH_LENGTH: characters in one entry's path (default 4096, Linux's PATH_MAX).
 */
import { ShipgateError } from '../core/errors';

export interface ImageLimits {
  maxExpandedBytes: number;
  maxRatio: number;
  /** Expansion up to this size is never a ratio problem (small zero-filled files compress very well). */
  ratioFloorBytes: number;
  maxEntries: number;
  maxPathLength: number;
}

const GiB = 1024 ** 3;

const DEFAULT_LIMITS: ImageLimits = {
  maxExpandedBytes: 32 * GiB,
  maxRatio: 100,
  ratioFloorBytes: GiB,
  maxEntries: 2_000_000,
  maxPathLength: 4096,
};

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: GiB, T: 1024 ** 4 };

function parseSize(name: string, text: string): number {
  const m = /^(\d+)\s*([KMGT]?)i?B?$/i.exec(text.trim());
  if (!m)
    throw new ShipgateError('USAGE', `${name}: invalid size "${text.slice(0, 40)}"`, {
      hint: 'use e.g. 64G',
    });
  return Number(m[1]) * UNITS[m[2]!.toUpperCase()]!;
}

function parseCount(name: string, text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1)
    throw new ShipgateError('USAGE', `${name}: invalid number "${text.slice(0, 40)}"`);
  return Number(text);
}

/** The limits in force: the defaults with the environment's overrides. */
export function imageLimits(env: NodeJS.ProcessEnv = process.env): ImageLimits {
  const out = { ...DEFAULT_LIMITS };
  const v = (name: string): string | undefined => env[name]?.trim() || undefined;
  const size = v('SHIPGATE_MAX_EXPANDED_SIZE');
  if (size) out.maxExpandedBytes = parseSize('SHIPGATE_MAX_EXPANDED_SIZE', size);
  const ratio = v('SHIPGATE_MAX_RATIO');
  if (ratio) out.maxRatio = parseCount('SHIPGATE_MAX_RATIO', ratio);
  const entries = v('SHIPGATE_MAX_ENTRIES');
  if (entries) out.maxEntries = parseCount('SHIPGATE_MAX_ENTRIES', entries);
  const path = v('SHIPGATE_MAX_PATH_LENGTH');
  if (path) out.maxPathLength = parseCount('SHIPGATE_MAX_PATH_LENGTH', path);
  return out;
}

function human(bytes: number): string {
  return bytes >= GiB ? `${(bytes / GiB).toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

/** Throws LIMIT when `expanded` bytes out of `compressed` exceed the size or ratio bound. */
export function checkExpansion(
  limits: ImageLimits,
  what: string,
  compressed: number,
  expanded: number,
): void {
  if (expanded > limits.maxExpandedBytes)
    throw new ShipgateError('LIMIT', `${what}: expands to more than ${human(limits.maxExpandedBytes)}`, {
      hint: 'if the image is genuine, raise SHIPGATE_MAX_EXPANDED_SIZE',
    });
  if (expanded > limits.ratioFloorBytes && expanded > compressed * limits.maxRatio)
    throw new ShipgateError(
      'LIMIT',
      `${what}: expands more than ${limits.maxRatio} times (${human(compressed)} to over ${human(expanded)}), like a decompression bomb`,
      { hint: 'if the image is genuine, raise SHIPGATE_MAX_RATIO' },
    );
}

/** Throws LIMIT when an archive or layer has more entries than allowed. */
export function checkEntries(limits: ImageLimits, what: string, count: number): void {
  if (count > limits.maxEntries)
    throw new ShipgateError('LIMIT', `${what}: more than ${limits.maxEntries} entries`, {
      hint: 'if the image is genuine, raise SHIPGATE_MAX_ENTRIES',
    });
}

/** Throws LIMIT when an entry's path is longer than allowed. */
export function checkPathLength(limits: ImageLimits, what: string, path: string): void {
  if (path.length > limits.maxPathLength)
    throw new ShipgateError(
      'LIMIT',
      `${what}: an entry path is ${path.length} characters long, over ${limits.maxPathLength}`,
      { hint: 'if the image is genuine, raise SHIPGATE_MAX_PATH_LENGTH' },
    );
}
