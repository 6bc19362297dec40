import type { Package } from '../core/package';
import { compareText } from '../core/order';
import type { InventoryResult } from '../image/types';
import { osPackagePurl } from './purl';
import { isInventoryPart } from './types';

const OS_TYPES = new Set(['deb', 'apk', 'rpm']);

/**
 * Merges what the inventory analyzers returned (other analyzers' results are ignored) into one inventory:
 * the OS, and every package once, OS packages getting their distro-qualified purls.
 */
export function collectInventory(results: unknown[]): InventoryResult {
  const parts = results.filter(isInventoryPart);
  const os = parts.find((p) => p.os)?.os;
  const seen = new Set<string>();
  const packages: Package[] = [];
  for (const part of parts) {
    for (const p of part.packages) {
      const pkg = OS_TYPES.has(p.type) ? { ...p, purl: osPackagePurl(p, os) } : p;
      const key = `${pkg.purl}\u0000${pkg.path ?? ''}\u0000${pkg.binaryPath ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      packages.push(pkg);
    }
  }
  packages.sort(
    (a, b) =>
      compareText(a.purl, b.purl) ||
      compareText(a.path ?? '', b.path ?? '') ||
      compareText(a.binaryPath ?? '', b.binaryPath ?? ''),
  );
  return os ? { os, packages } : { packages };
}
