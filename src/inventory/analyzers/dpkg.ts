/**
 * dpkg: `/var/lib/dpkg/status` and distroless `/var/lib/dpkg/status.d/*`. A visible status file that cannot be
 * read (binary, or not parseable as dpkg parses it) fails the analyzer, and so the scan is not approved;
 * a copy a later layer replaced or deleted does not.
 */
import { ShipgateError } from '../../core/errors';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { databaseText, parseControlParagraphs } from '../control';
import {
  attributeToLayers,
  FileVersions,
  layerFields,
  readDb,
  visibleDbVersions,
  type DbRead,
} from '../layer';
import { osPackagePurl } from '../purl';
import { inventoryPart, type InventoryPart } from '../types';

const STATUS = '/var/lib/dpkg/status';
const STATUS_D = '/var/lib/dpkg/status.d/';
const MAX_DB_BYTES = 256 * 1024 * 1024;
const COPYRIGHT = /^\/usr\/share\/doc\/([^/]+)\/copyright$/;

/**
 * dpkg states (the third word of `Status`) in which a package's files are on disk. Besides `installed`, these are
 * what interrupted installs leave behind (`dpkg --unpack`, a failing maintainer script, deferred triggers): the
 * files, and their vulnerabilities, are in the image all the same. `config-files` and `not-installed` leave no
 * package files.
 */
const ON_DISK = new Set([
  'installed',
  'unpacked',
  'half-configured',
  'half-installed',
  'triggers-awaited',
  'triggers-pending',
]);

/**
 * Packages of a dpkg status file (or one distroless status.d file): those whose files are on disk. A file dpkg
 * itself could not parse (a line that is not a field, a record without `Package`, an on-disk package without
 * `Version`) throws: skipping the record would silently drop a package and its vulnerabilities.
 */
export function parseDpkgStatus(text: string, requireStatus = true): Package[] {
  const out: Package[] = [];
  for (const [i, para] of parseControlParagraphs(text).entries()) {
    const name = para.get('Package');
    if (!name) throw new ShipgateError('IMAGE_FORMAT', `record ${i + 1} has no Package field`);
    const status = para.get('Status');
    if (status !== undefined ? !ON_DISK.has(status.split(/\s+/)[2] ?? '') : requireStatus) continue;
    const version = para.get('Version');
    if (!version) throw new ShipgateError('IMAGE_FORMAT', `package ${name} has no Version field`);
    const p: Package = { name, version, type: 'deb', purl: '', sourceName: name, sourceVersion: version };
    const arch = para.get('Architecture');
    if (arch) p.arch = arch;
    // "Source: name" or "Source: name (version)" when the source version differs (binNMUs).
    const source = /^(\S+)(?:\s+\((\S+)\))?/.exec(para.get('Source') ?? '');
    if (source) {
      p.sourceName = source[1]!;
      if (source[2]) p.sourceVersion = source[2];
    }
    p.purl = osPackagePurl(p, undefined);
    out.push(p);
  }
  return out;
}

/** License short names of a machine-readable (DEP-5) copyright file; undefined when it is free-form. */
export function parseDep5Licenses(text: string): string[] | undefined {
  const first = text.slice(0, 200).split('\n')[0] ?? '';
  if (!/^Format:\s*\S*(copyright-format|dep5)/i.test(first)) return undefined;
  const seen = new Set<string>();
  for (const m of text.matchAll(/^License:[ \t]*(.+)$/gm)) {
    for (const part of m[1]!.split(/\s+or\s+|\s+and\s+|\s*,\s*/i)) {
      const id = part.replace(/[()]/g, '').trim();
      if (id) seen.add(id);
    }
  }
  return [...seen];
}

export function dpkgAnalyzer(): Analyzer<InventoryPart> {
  const status = new FileVersions<DbRead>();
  const statusD = new FileVersions<DbRead>();
  const copyrights = new FileVersions<string[]>();
  return {
    name: 'dpkg',
    maxBytes: MAX_DB_BYTES,
    wants(entry: FileEntry) {
      const p = entry.path;
      if (p === STATUS) return true;
      if (p.startsWith(STATUS_D)) return !p.endsWith('.md5sums') && !p.slice(STATUS_D.length).includes('/');
      return p.startsWith('/usr/share/doc/') && entry.size < 1024 * 1024 && COPYRIGHT.test(p);
    },
    async analyze(entry, content, truncated) {
      const p = entry.path;
      if (p === STATUS || p.startsWith(STATUS_D)) {
        const read = await readDb(() => {
          if (truncated)
            throw new ShipgateError('LIMIT', `larger than the ${MAX_DB_BYTES >> 20} MiB read limit`);
          return parseDpkgStatus(databaseText(content), p === STATUS);
        });
        (p === STATUS ? status : statusD).add(entry, read);
      } else {
        const licenses = parseDep5Licenses(content.toString('utf8'));
        if (licenses?.length) copyrights.add(entry, licenses);
      }
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      packages.push(
        ...attributeToLayers(visibleDbVersions(status, STATUS, view.visibleLayer(STATUS), 'dpkg')),
      );
      for (const path of statusD.paths()) {
        const v = visibleDbVersions(statusD, path, view.visibleLayer(path), 'dpkg').at(-1);
        if (v) packages.push(...v.packages.map((p) => ({ ...p, ...layerFields(v.entry) })));
      }
      for (const p of packages) {
        const path = `/usr/share/doc/${p.name}/copyright`;
        const licenses = copyrights.visible(path, view.visibleLayer(path))?.value;
        if (licenses) p.licenses = licenses;
      }
      return inventoryPart('dpkg', packages);
    },
  };
}
