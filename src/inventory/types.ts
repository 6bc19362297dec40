import type { OsInfo, Package } from '../core/package';

/** What every inventory analyzer's finish() returns; collectInventory() merges them. */
export interface InventoryPart {
  readonly kind: 'shipgate.inventory';
  analyzer: string;
  os?: OsInfo;
  packages: Package[];
}

export function inventoryPart(analyzer: string, packages: Package[], os?: OsInfo): InventoryPart {
  return os
    ? { kind: 'shipgate.inventory', analyzer, packages, os }
    : { kind: 'shipgate.inventory', analyzer, packages };
}

export function isInventoryPart(value: unknown): value is InventoryPart {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'shipgate.inventory' &&
    Array.isArray((value as { packages?: unknown }).packages)
  );
}

export interface InventoryOptions {
  /** Which analyzers to run (by name); default all. */
  only?: string[];
  /** Largest executable inspected for Go/Rust build info, in bytes (default 200 MiB). */
  maxBinaryBytes?: number;
  /** Largest Java archive opened, in bytes (default 200 MiB). */
  maxArchiveBytes?: number;
  /** How deep nested jars are opened (default 3). */
  maxJarDepth?: number;
}
