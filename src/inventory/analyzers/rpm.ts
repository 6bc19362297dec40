/**
 * rpm: sqlite, Berkeley DB and ndb databases under the rpm database directories. The database rpm uses is
 * the visible one of the newest backend present (sqlite, then ndb, then bdb); if it cannot be read, or holds a
 * record that is not a readable package header, the analyzer fails and the scan is not approved, since its
 * packages and their vulnerabilities would silently be missing. A database of an older backend that a migration
 * left behind is still read when it can be, and skipped with a warning when it cannot; a copy a later layer
 * replaced or deleted does not count.
 */
import { ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { attributeToLayers, FileVersions, readDb, visibleDbVersions, type DbRead } from '../layer';
import { osPackagePurl } from '../purl';
import { readBdbHashValues } from '../rpm/bdb';
import { parseRpmHeader, splitSourceRpm, type RpmHeader } from '../rpm/header';
import { readNdbBlobs } from '../rpm/ndb';
import { readSqliteBlobs } from '../rpm/sqlite';
import { inventoryPart, type InventoryPart } from '../types';

type Backend = 'sqlite' | 'bdb' | 'ndb';

const DB_FILES: Record<string, Backend> = {
  'rpmdb.sqlite': 'sqlite',
  Packages: 'bdb',
  'Packages.db': 'ndb',
};
const DB_DIRS = ['/var/lib/rpm/', '/usr/lib/sysimage/rpm/', '/usr/share/rpm/'];
// rpmdb.sqlite is commonly 10-100 MB; a truncated database cannot be read.
const MAX_DB_BYTES = 512 * 1024 * 1024;
const RANK: Record<Backend, number> = { sqlite: 0, ndb: 1, bdb: 2 };

function backendOf(path: string): Backend | undefined {
  const dir = DB_DIRS.find((d) => path.startsWith(d));
  return dir ? DB_FILES[path.slice(dir.length)] : undefined;
}

/** The header blobs of an rpm database file of the given backend. */
async function readRpmBlobs(backend: Backend, db: Uint8Array): Promise<Uint8Array[]> {
  if (backend === 'sqlite') return readSqliteBlobs(db);
  if (backend === 'ndb') return readNdbBlobs(db);
  return readBdbHashValues(db);
}

function rpmPackage(h: RpmHeader): Package {
  const version = `${h.epoch !== undefined && h.epoch !== 0 ? `${h.epoch}:` : ''}${h.version}-${h.release}`;
  const p: Package = { name: h.name, version, type: 'rpm', purl: '' };
  if (h.arch) p.arch = h.arch;
  if (h.sourceRpm) {
    const src = splitSourceRpm(h.sourceRpm);
    if (src) {
      p.sourceName = src.name;
      p.sourceVersion = src.version;
    }
  }
  if (h.license) p.licenses = [h.license];
  if (h.modularityLabel) p.modularityLabel = h.modularityLabel;
  p.purl = osPackagePurl(p, undefined);
  return p;
}

/**
 * The packages of an rpm database file. Blobs too short to be a header (bdb bookkeeping such as the instance
 * counter) are skipped; a longer record that is not a readable package header makes the database unreadable.
 */
export async function parseRpmDb(backend: Backend, db: Uint8Array): Promise<Package[]> {
  const out: Package[] = [];
  let bad = 0;
  let first = '';
  for (const blob of await readRpmBlobs(backend, db)) {
    if (blob.byteLength < 16) continue;
    try {
      out.push(rpmPackage(parseRpmHeader(blob)));
    } catch (e) {
      if (!bad++) first = e instanceof Error ? e.message : String(e);
    }
  }
  if (bad)
    throw new ShipgateError('IMAGE_FORMAT', `${bad} record(s) are not readable package headers (${first})`);
  return out;
}

export function rpmAnalyzer(): Analyzer<InventoryPart> {
  const dbs = new FileVersions<DbRead>();
  return {
    name: 'rpm',
    maxBytes: MAX_DB_BYTES,
    wants: (entry: FileEntry) => backendOf(entry.path) !== undefined,
    async analyze(entry, content, truncated) {
      const read = await readDb(() => {
        if (truncated)
          throw new ShipgateError('LIMIT', `larger than the ${MAX_DB_BYTES >> 20} MiB read limit`);
        return parseRpmDb(backendOf(entry.path)!, content);
      });
      dbs.add(entry, read);
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      const seen = new Set<string>();
      // Prefer the current backend when an image still holds a migrated one.
      const paths = dbs
        .paths()
        .filter((path) => dbs.visible(path, view.visibleLayer(path)))
        .sort((a, b) => RANK[backendOf(a)!] - RANK[backendOf(b)!]);
      const current = paths[0] && backendOf(paths[0]);
      for (const path of paths) {
        let versions;
        try {
          versions = visibleDbVersions(dbs, path, view.visibleLayer(path), 'rpm');
        } catch (e) {
          if (backendOf(path) === current) throw e;
          logger().warn(`${(e as Error).message}; skipped, the image uses its ${current} database`);
          continue;
        }
        // /var/lib/rpm is often a symlink to /usr/lib/sysimage/rpm; and a migrated image may keep an old backend.
        for (const p of attributeToLayers(versions)) {
          const key = `${p.name}\u0000${p.version}\u0000${p.arch ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          packages.push(p);
        }
      }
      return inventoryPart('rpm', packages);
    },
  };
}
