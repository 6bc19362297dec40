import type { Package } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { DEFAULT_MAX_BINARY, isBinaryCandidate } from '../binary/candidates';
import { readGoBuildInfo, type GoBuildInfo, type GoModule } from '../binary/go-buildinfo';
import { FileVersions, layerFields } from '../layer';
import { purl } from '../purl';
import { inventoryPart, type InventoryOptions, type InventoryPart } from '../types';

export function goPackage(path: string, version: string): Package {
  const slash = path.lastIndexOf('/');
  const p: Package = {
    name: path,
    version,
    type: 'golang',
    purl: purl(
      'golang',
      slash > 0 ? path.slice(0, slash) : undefined,
      slash > 0 ? path.slice(slash + 1) : path,
      version,
    ),
  };
  if (slash > 0) p.namespace = path.slice(0, slash);
  return p;
}

/** A replacement by a directory (`=> ../lib`), not by another module version. */
function isLocalReplace(r: GoModule): boolean {
  return r.path.startsWith('.') || r.path.startsWith('/') || !r.version || r.version === '(devel)';
}

/**
 * A module as it is linked: a module replacement wins. A local-directory replacement is local code: the
 * required module's path without a version, so the advisories of the version it replaced cannot match code that
 * is not in the binary.
 */
function effective(m: GoModule): GoModule {
  const r = m.replace;
  if (!r) return m;
  return isLocalReplace(r) ? { path: m.path, version: '' } : r;
}

/**
 * The packages a Go binary was built from: the main module (unversioned when built from a checkout, "(devel)"),
 * its dependency modules, and the Go standard library as `stdlib` at the toolchain version so Go standard
 * library advisories match.
 */
function goPackages(info: GoBuildInfo): Package[] {
  const out: Package[] = [];
  if (info.main?.path) {
    const v = info.main.version === '(devel)' ? '' : info.main.version;
    out.push(goPackage(info.main.path, v));
  }
  for (const dep of info.deps) {
    const m = effective(dep);
    out.push(goPackage(m.path, m.version));
  }
  const go = /^go(\d+(?:\.\d+)*)/.exec(info.goVersion)?.[1];
  if (go) out.push(goPackage('stdlib', `v${go}`));
  return out;
}

export function goBinaryAnalyzer(options: InventoryOptions = {}): Analyzer<InventoryPart> {
  const max = options.maxBinaryBytes ?? DEFAULT_MAX_BINARY;
  const found = new FileVersions<Package[]>();
  return {
    name: 'go',
    maxBytes: max,
    wants: (entry: FileEntry) => isBinaryCandidate(entry, max),
    analyze(entry, content) {
      const info = readGoBuildInfo(content);
      if (info) found.add(entry, goPackages(info));
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      for (const path of found.paths()) {
        const v = found.visible(path, view.visibleLayer(path));
        if (v) packages.push(...v.value.map((p) => ({ ...p, ...layerFields(v.entry), binaryPath: path })));
      }
      return inventoryPart('go', packages);
    },
  };
}
