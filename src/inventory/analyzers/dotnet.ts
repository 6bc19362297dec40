import { ShipgateError } from '../../core/errors';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry } from '../../image/types';
import { lockfileAnalyzer } from '../lockfile-analyzer';
import { purl } from '../purl';
import type { InventoryPart } from '../types';

interface DepsLibrary {
  type?: unknown;
}

function nugetPackage(name: string, version: string): Package {
  return { name, version, type: 'nuget', purl: purl('nuget', undefined, name, version) };
}

/**
 * The NuGet packages a .NET application was published with: `libraries` entries of type `package` in its
 * `<app>.deps.json`. `project` entries are the application's own assemblies, `reference`s are assemblies
 * referenced by path: neither is a NuGet package.
 */
export function parseDepsJson(text: string): Package[] {
  const doc = JSON.parse(text) as { libraries?: unknown } | null;
  const libraries = typeof doc === 'object' && doc !== null ? doc.libraries : undefined;
  if (typeof libraries !== 'object' || libraries === null || Array.isArray(libraries))
    throw new ShipgateError('IMAGE_FORMAT', 'no "libraries" object');
  const out: Package[] = [];
  for (const [key, lib] of Object.entries(libraries as Record<string, DepsLibrary>)) {
    if (lib?.type !== 'package') continue;
    const slash = key.lastIndexOf('/');
    const name = key.slice(0, slash);
    const version = key.slice(slash + 1);
    if (slash <= 0 || !version)
      throw new ShipgateError('IMAGE_FORMAT', `library "${key}" is not name/version`);
    out.push(nugetPackage(name, version));
  }
  return out;
}

interface LockDependency {
  type?: unknown;
  resolved?: unknown;
}

/**
 * The packages a NuGet `packages.lock.json` (RestorePackagesWithLockFile) resolves, over every target
 * framework, once each. `Project` entries are other projects of the solution, not packages.
 */
export function parsePackagesLock(text: string): Package[] {
  const doc = JSON.parse(text) as { dependencies?: unknown } | null;
  const frameworks = typeof doc === 'object' && doc !== null ? doc.dependencies : undefined;
  if (typeof frameworks !== 'object' || frameworks === null || Array.isArray(frameworks))
    throw new ShipgateError('IMAGE_FORMAT', 'no "dependencies" object');
  const out = new Map<string, Package>();
  for (const deps of Object.values(frameworks as Record<string, unknown>)) {
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, d] of Object.entries(deps as Record<string, LockDependency>)) {
      if (d?.type === 'Project' || typeof d?.resolved !== 'string' || !d.resolved) continue;
      out.set(`${name}@${d.resolved}`, nugetPackage(name, d.resolved));
    }
  }
  return [...out.values()];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const raw = m[2] ?? m[3] ?? '';
    out.set(
      m[1]!,
      raw.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!),
    );
  }
  return out;
}

/**
 * The packages of a classic .NET Framework `packages.config`: each `<package id version>`, except those marked
 * `developmentDependency="true"` (build-time analyzers and tools, not shipped).
 */
export function parsePackagesConfig(text: string): Package[] {
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  if (!/<packages[\s>/]/.test(body)) throw new ShipgateError('IMAGE_FORMAT', 'no <packages> element');
  const out: Package[] = [];
  for (const m of body.matchAll(/<package\s([^>]*)>/g)) {
    const a = xmlAttributes(m[1]!);
    const id = a.get('id');
    const version = a.get('version');
    if (!id || !version) throw new ShipgateError('IMAGE_FORMAT', '<package> without id and version');
    if (a.get('developmentDependency')?.toLowerCase() === 'true') continue;
    out.push(nugetPackage(id, version));
  }
  return out;
}

/** NuGet lockfiles of projects that restore with a lock file, and packages.config of .NET Framework projects. */
export function nugetLockAnalyzer(): Analyzer<InventoryPart> {
  return lockfileAnalyzer({
    name: 'nuget',
    kind: 'NuGet package list',
    maxBytes: 32 * 1024 * 1024,
    wants: (entry: FileEntry) =>
      entry.path.endsWith('/packages.lock.json') || entry.path.endsWith('/packages.config'),
    parse: (text, entry) =>
      entry.path.endsWith('.json') ? parsePackagesLock(text) : parsePackagesConfig(text),
  });
}

export function dotnetDepsAnalyzer(): Analyzer<InventoryPart> {
  return lockfileAnalyzer({
    name: 'dotnet',
    kind: '.NET deps.json',
    maxBytes: 32 * 1024 * 1024,
    wants: (entry: FileEntry) => entry.path.endsWith('.deps.json'),
    parse: (text) => parseDepsJson(text),
  });
}
