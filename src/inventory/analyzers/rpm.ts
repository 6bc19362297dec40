import { logger } from '../../core/logger';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { attributeToLayers, FileVersions } from '../layer';
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

/** The packages of an rpm database file. Blobs that are not package headers (bdb bookkeeping) are skipped. */
export async function parseRpmDb(backend: Backend, db: Uint8Array): Promise<Package[]> {
  const out: Package[] = [];
  let bad = 0;
  for (const blob of await readRpmBlobs(backend, db)) {
    if (blob.byteLength < 16) continue;
    try {
      out.push(rpmPackage(parseRpmHeader(blob)));
    } catch {
      bad++;
    }
  }
  if (bad) logger().warn(`rpm database: ${bad} record(s) could not be read and were skipped`);
  return out;
}

export function rpmAnalyzer(): Analyzer<InventoryPart> {
  const dbs = new FileVersions<Package[]>();
  return {
    name: 'rpm',
    // rpmdb.sqlite is commonly 10-100 MB; a truncated database cannot be read.
    maxBytes: 512 * 1024 * 1024,
    wants: (entry: FileEntry) => backendOf(entry.path) !== undefined,
    async analyze(entry, content, truncated) {
      const backend = backendOf(entry.path)!;
      if (truncated) {
        logger().warn(`${entry.path}: rpm database larger than the read limit; its packages are not listed`);
        return;
      }
      try {
        dbs.add(entry, await parseRpmDb(backend, content));
      } catch (e) {
        logger().warn(
          `${entry.path}: cannot read the rpm database (${e instanceof Error ? e.message : String(e)})`,
        );
      }
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      const seen = new Set<string>();
      // Prefer the current backend when an image still holds a migrated one.
      const rank: Record<Backend, number> = { sqlite: 0, ndb: 1, bdb: 2 };
      const paths = dbs.paths().sort((a, b) => rank[backendOf(a)!] - rank[backendOf(b)!]);
      for (const path of paths) {
        const versions = dbs.upToVisible(path, view.visibleLayer(path));
        // /var/lib/rpm is often a symlink to /usr/lib/sysimage/rpm; and a migrated image may keep an old backend.
        for (const p of attributeToLayers(versions.map((v) => ({ entry: v.entry, packages: v.value })))) {
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
