import { ShipgateError } from '../core/errors';
import type { Package } from '../core/package';
import type { FileEntry } from '../image/types';

/** The layer fields every package carries, taken from the entry its record came from. */
export function layerFields(
  entry: FileEntry,
): Pick<Package, 'path' | 'layerIndex' | 'layerDigest' | 'createdBy'> {
  const out: Pick<Package, 'path' | 'layerIndex' | 'layerDigest' | 'createdBy'> = {
    path: entry.path,
    layerIndex: entry.layerIndex,
    layerDigest: entry.layerDigest,
  };
  if (entry.createdBy !== undefined) out.createdBy = entry.createdBy;
  return out;
}

/** One version of a package database file, as one layer wrote it. */
export interface DbVersion {
  entry: FileEntry;
  packages: Package[];
}

function identity(p: Package): string {
  return `${p.name}\u0000${p.arch ?? ''}\u0000${p.version}`;
}

/**
 * Package databases are rewritten whole by every layer that installs something, so the layer that wrote the
 * visible copy is not the one that installed most of its packages. A package is attributed to the earliest
 * layer from which its record (same name, arch and version) is present in every later version of the file.
 * `versions` must be in layer order and end with the visible one.
 */
export function attributeToLayers(versions: DbVersion[]): Package[] {
  const last = versions[versions.length - 1];
  if (!last) return [];
  const since = new Map<string, FileEntry>();
  for (const v of versions) {
    const present = new Set(v.packages.map(identity));
    for (const key of [...since.keys()]) if (!present.has(key)) since.delete(key);
    for (const key of present) if (!since.has(key)) since.set(key, v.entry);
  }
  return last.packages.map((p) => {
    const from = since.get(identity(p)) ?? last.entry;
    return { ...p, ...layerFields(from), path: p.path ?? last.entry.path };
  });
}

/** Collects the versions of files by path, across layers, so finish() can pick the visible ones. */
export class FileVersions<T> {
  private readonly byPath = new Map<string, { entry: FileEntry; value: T }[]>();

  add(entry: FileEntry, value: T): void {
    let list = this.byPath.get(entry.path);
    if (!list) this.byPath.set(entry.path, (list = []));
    const same = list.findIndex((v) => v.entry.layerIndex === entry.layerIndex);
    if (same >= 0) list.splice(same, 1); // a path written twice in one layer: the later one counts
    list.push({ entry, value });
    list.sort((a, b) => a.entry.layerIndex - b.entry.layerIndex);
  }

  paths(): string[] {
    return [...this.byPath.keys()].sort();
  }

  /** All versions of a path up to and including the visible one; empty when the path is gone at the end. */
  upToVisible(path: string, visibleLayer: number | undefined): { entry: FileEntry; value: T }[] {
    if (visibleLayer === undefined) return [];
    const list = this.byPath.get(path) ?? [];
    const upTo = list.filter((v) => v.entry.layerIndex <= visibleLayer);
    return upTo[upTo.length - 1]?.entry.layerIndex === visibleLayer ? upTo : [];
  }

  /** The visible version of a path, if any. */
  visible(path: string, visibleLayer: number | undefined): { entry: FileEntry; value: T } | undefined {
    const list = this.upToVisible(path, visibleLayer);
    return list[list.length - 1];
  }
}

/** One copy of a package database as read: its packages, or why it could not be read. */
export type DbRead = { packages: Package[] } | { unreadable: string };

/** Reads one copy of a package database; a parse error becomes an unreadable copy, decided on at finish(). */
export async function readDb(parse: () => Package[] | Promise<Package[]>): Promise<DbRead> {
  try {
    return { packages: await parse() };
  } catch (e) {
    return { unreadable: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The versions of a package database up to the visible one, for attributeToLayers(). A visible copy that
 * cannot be read fails closed: its packages, and their vulnerabilities, would silently be missing. An older
 * copy that a later layer replaced only loses its part in the layer attribution.
 */
export function visibleDbVersions(
  dbs: FileVersions<DbRead>,
  path: string,
  visibleLayer: number | undefined,
  kind: string,
): DbVersion[] {
  const versions = dbs.upToVisible(path, visibleLayer);
  const last = versions[versions.length - 1];
  if (last && 'unreadable' in last.value) throw unreadableDb(kind, last.entry, last.value.unreadable);
  return versions.map((v) => ({ entry: v.entry, packages: 'packages' in v.value ? v.value.packages : [] }));
}

function unreadableDb(kind: string, entry: FileEntry, reason: string): ShipgateError {
  return new ShipgateError(
    'IMAGE_FORMAT',
    `${entry.path} (layer ${entry.layerIndex}): cannot read the ${kind} database: ${reason}`,
  );
}
