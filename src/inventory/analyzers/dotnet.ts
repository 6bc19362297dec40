import { ShipgateError } from '../../core/errors';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry } from '../../image/types';
import { lockfileAnalyzer } from '../lockfile-analyzer';
import { purl } from '../purl';
import type { InventoryPart } from '../types';

interface DepsLibrary {
  type?: unknown;
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
    out.push({ name, version, type: 'nuget', purl: purl('nuget', undefined, name, version) });
  }
  return out;
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
