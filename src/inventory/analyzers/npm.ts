import { posix } from 'node:path';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { FileVersions, layerFields } from '../layer';
import { purl } from '../purl';
import { inventoryPart, type InventoryPart } from '../types';

/** The package.json at the root of an installed package: directly under a node_modules directory. */
const INSTALLED = /\/node_modules\/((?:@[^/]+\/)?[^/@.][^/]*)\/package\.json$/;
const LOCKFILE = /\/package-lock\.json$/;
const MAX_MANIFEST = 4 * 1024 * 1024;

interface Manifest {
  name?: unknown;
  version?: unknown;
  license?: unknown;
  licenses?: unknown;
}

function licensesOf(m: Manifest): string[] | undefined {
  const one = (l: unknown): string | undefined =>
    typeof l === 'string'
      ? l
      : typeof l === 'object' && l && typeof (l as { type?: unknown }).type === 'string'
        ? (l as { type: string }).type
        : undefined;
  const list = [one(m.license), ...(Array.isArray(m.licenses) ? m.licenses.map(one) : [])].filter(
    (l): l is string => !!l,
  );
  return list.length ? list : undefined;
}

function npmPackage(name: string, version: string, licenses?: string[]): Package {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  const ns = slash > 0 ? name.slice(0, slash) : undefined;
  const base = slash > 0 ? name.slice(slash + 1) : name;
  const p: Package = { name, version, type: 'npm', purl: purl('npm', ns, base, version) };
  if (ns) p.namespace = ns;
  if (licenses) p.licenses = licenses;
  return p;
}

/** The installed package a node_modules package.json describes, if it names one. */
function parseInstalledPackageJson(text: string): Package | undefined {
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch {
    return undefined;
  }
  if (typeof m.name !== 'string' || typeof m.version !== 'string' || !m.name || !m.version) return undefined;
  return npmPackage(m.name, m.version, licensesOf(m));
}

interface LockEntry {
  /** Install location relative to the lockfile's directory, e.g. node_modules/a/node_modules/b. */
  location: string;
  pkg: Package;
}

interface LockDep {
  version?: unknown;
  dev?: unknown;
  dependencies?: Record<string, LockDep>;
}

/**
 * Runtime packages of a package-lock.json (v1 nested "dependencies", v2/v3 flat "packages"). Dev-only,
 * linked and non-registry (git, file) entries are left out.
 */
function parsePackageLock(text: string): LockEntry[] {
  let lock: {
    packages?: Record<string, Manifest & { dev?: unknown; link?: unknown }>;
    dependencies?: Record<string, LockDep>;
  };
  try {
    lock = JSON.parse(text) as typeof lock;
  } catch {
    return [];
  }
  const out: LockEntry[] = [];
  const registryVersion = (v: unknown): v is string =>
    typeof v === 'string' && /^\d/.test(v) && !v.includes(':');
  if (lock.packages && typeof lock.packages === 'object') {
    for (const [location, e] of Object.entries(lock.packages)) {
      if (!location || e.dev === true || e.link === true || !registryVersion(e.version)) continue;
      const i = location.lastIndexOf('node_modules/');
      const name =
        typeof e.name === 'string' ? e.name : i >= 0 ? location.slice(i + 'node_modules/'.length) : '';
      if (name) out.push({ location, pkg: npmPackage(name, e.version, licensesOf(e)) });
    }
    return out;
  }
  const walk = (deps: Record<string, LockDep> | undefined, prefix: string): void => {
    for (const [name, d] of Object.entries(deps ?? {})) {
      const location = `${prefix}node_modules/${name}`;
      if (d.dev !== true && registryVersion(d.version))
        out.push({ location, pkg: npmPackage(name, d.version) });
      walk(d.dependencies, `${location}/`);
    }
  };
  walk(lock.dependencies, '');
  return out;
}

/**
 * npm packages from installed package.json files, and from package-lock.json files for packages whose
 * node_modules directory is not in the image (an app shipped with its lockfile but bundled dependencies).
 */
export function npmAnalyzer(): Analyzer<InventoryPart> {
  const installed = new FileVersions<Package>();
  const locks = new FileVersions<LockEntry[]>();
  return {
    name: 'npm',
    maxBytes: 64 * 1024 * 1024,
    wants(entry: FileEntry) {
      const p = entry.path;
      if (!p.endsWith('.json')) return false;
      if (p.endsWith('/package.json')) return entry.size < MAX_MANIFEST && INSTALLED.test(p);
      return LOCKFILE.test(p) && !p.includes('/node_modules/');
    },
    analyze(entry, content) {
      const text = content.toString('utf8');
      if (entry.path.endsWith('/package.json')) {
        const pkg = parseInstalledPackageJson(text);
        if (pkg) installed.add(entry, pkg);
      } else {
        locks.add(entry, parsePackageLock(text));
      }
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      for (const path of installed.paths()) {
        const v = installed.visible(path, view.visibleLayer(path));
        if (v) packages.push({ ...v.value, ...layerFields(v.entry) });
      }
      for (const path of locks.paths()) {
        const v = locks.visible(path, view.visibleLayer(path));
        if (!v) continue;
        const dir = posix.dirname(path);
        for (const e of v.value) {
          if (view.stat(posix.join(dir, e.location, 'package.json'))) continue;
          packages.push({ ...e.pkg, ...layerFields(v.entry) });
        }
      }
      return inventoryPart('npm', packages);
    },
  };
}
