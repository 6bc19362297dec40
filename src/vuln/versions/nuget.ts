/**
 * NuGet version ordering (NuGet.Versioning's default comparer): up to four numeric parts, missing ones 0
 * (`1.0` = `1.0.0` = `1.0.0.0`); a release sorts after its pre-releases; pre-release labels compare one by one,
 * numeric labels numerically and before alphanumeric ones, alphanumeric ones case-insensitively, and a shorter
 * list of equal labels first. Build metadata (`+...`) is ignored.
 */
import { ShipgateError } from '../../core/errors';

const VERSION =
  /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

interface NuGetVersion {
  parts: bigint[];
  labels: string[];
}

function parseNuGet(v: string): NuGetVersion | undefined {
  const m = VERSION.exec(v.trim());
  if (!m) return undefined;
  return {
    parts: [m[1], m[2], m[3], m[4]].map((p) => BigInt(p ?? '0')),
    labels: m[5] ? m[5].split('.') : [],
  };
}

export function isValidNuGet(v: string): boolean {
  return parseNuGet(v) !== undefined;
}

const NUMERIC = /^\d+$/;

function compareLabel(a: string, b: string): number {
  const an = NUMERIC.test(a);
  const bn = NUMERIC.test(b);
  if (an && bn) return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
  if (an !== bn) return an ? -1 : 1;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareNuGet(a: string, b: string): number {
  const pa = parseNuGet(a);
  const pb = parseNuGet(b);
  if (!pa || !pb) throw new ShipgateError('INTERNAL', `invalid NuGet version: ${!pa ? a : b}`);
  for (let i = 0; i < 4; i++) {
    if (pa.parts[i]! !== pb.parts[i]!) return pa.parts[i]! < pb.parts[i]! ? -1 : 1;
  }
  // A release sorts after its pre-releases.
  if (!pa.labels.length || !pb.labels.length) return Math.sign(pb.labels.length - pa.labels.length);
  for (let i = 0; i < Math.min(pa.labels.length, pb.labels.length); i++) {
    const c = compareLabel(pa.labels[i]!, pb.labels[i]!);
    if (c) return c;
  }
  return Math.sign(pa.labels.length - pb.labels.length);
}
