import { unzipSync } from 'fflate';
import { logger } from '../../core/logger';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { FileVersions, layerFields } from '../layer';
import { purl } from '../purl';
import { inventoryPart, type InventoryOptions, type InventoryPart } from '../types';

const ARCHIVE = /\.(jar|war|ear|par|sar|jpi|hpi|kar)$/i;
const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
const MANIFEST = 'META-INF/MANIFEST.MF';
const DEFAULT_MAX_ARCHIVE = 200 * 1024 * 1024;
/** Total bytes of nested archives inflated for one top-level archive. */
const NESTED_BUDGET = 512 * 1024 * 1024;
const MAX_TEXT = 1024 * 1024;

function properties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(t);
    if (m) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}

/** MANIFEST.MF main section: `Key: value` with 72-column continuation lines starting with a space. */
function manifest(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    if (line.startsWith(' ') && last) {
      out.set(last, out.get(last)! + line.slice(1));
      continue;
    }
    const colon = line.indexOf(': ');
    if (colon > 0) out.set((last = line.slice(0, colon)), line.slice(colon + 2).trim());
  }
  return out;
}

function mavenPackage(group: string, artifact: string, version: string, path: string): Package {
  return {
    name: artifact,
    namespace: group,
    version,
    type: 'maven',
    purl: purl('maven', group, artifact, version),
    path,
  };
}

/** A package from MANIFEST.MF when the archive has no pom.properties. Needs a group-like vendor id. */
function fromManifest(text: string, path: string): Package | undefined {
  const m = manifest(text);
  const version = m.get('Implementation-Version') ?? m.get('Bundle-Version');
  const group = m.get('Implementation-Vendor-Id') ?? m.get('Automatic-Module-Name')?.replace(/\.[^.]+$/, '');
  const artifact =
    m.get('Implementation-Title') ?? m.get('Bundle-SymbolicName')?.split(';')[0]?.split('.').pop();
  if (!version || !group || !artifact || /\s/.test(artifact) || /\s/.test(group)) return undefined;
  return mavenPackage(group, artifact, version, path);
}

/**
 * Maven packages of a Java archive, from each META-INF/maven/.../pom.properties (shaded jars carry several),
 * falling back to MANIFEST.MF, and recursively from nested archives (Spring Boot BOOT-INF/lib, WEB-INF/lib, EAR
 * modules) up to `maxDepth`. Nested paths are written `outer.jar!/inner.jar`.
 */
export function parseJavaArchive(
  data: Uint8Array,
  path: string,
  maxDepth: number,
  depth = 0,
  budget: { bytes: number } = { bytes: NESTED_BUDGET },
): Package[] {
  let files: Record<string, Uint8Array>;
  try {
    // Archives come from untrusted images: nested archives count against one decompression budget.
    files = unzipSync(data, {
      filter: (f) => {
        if (f.name === MANIFEST || POM_PROPERTIES.test(f.name)) return f.originalSize <= MAX_TEXT;
        if (depth >= maxDepth || !ARCHIVE.test(f.name) || f.originalSize > budget.bytes) return false;
        budget.bytes -= f.originalSize;
        return true;
      },
    });
  } catch (e) {
    logger().debug(`${path}: not a readable zip archive (${e instanceof Error ? e.message : String(e)})`);
    return [];
  }
  const out: Package[] = [];
  const seen = new Set<string>();
  for (const [name, content] of Object.entries(files)) {
    if (!POM_PROPERTIES.test(name)) continue;
    const p = properties(Buffer.from(content).toString('utf8'));
    const group = p.get('groupId');
    const artifact = p.get('artifactId');
    const version = p.get('version');
    if (!group || !artifact || !version) continue;
    const key = `${group}:${artifact}:${version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(mavenPackage(group, artifact, version, path));
  }
  if (!out.length && files[MANIFEST]) {
    const p = fromManifest(Buffer.from(files[MANIFEST]).toString('utf8'), path);
    if (p) out.push(p);
  }
  for (const [name, content] of Object.entries(files)) {
    if (ARCHIVE.test(name))
      out.push(...parseJavaArchive(content, `${path}!/${name}`, maxDepth, depth + 1, budget));
  }
  return out;
}

export function javaAnalyzer(options: InventoryOptions = {}): Analyzer<InventoryPart> {
  const max = options.maxArchiveBytes ?? DEFAULT_MAX_ARCHIVE;
  const depth = options.maxJarDepth ?? 3;
  const found = new FileVersions<Package[]>();
  return {
    name: 'java',
    maxBytes: max,
    wants: (entry: FileEntry) => ARCHIVE.test(entry.path) && entry.size <= max && entry.size > 22,
    analyze(entry, content, truncated) {
      if (truncated) return;
      found.add(entry, parseJavaArchive(content, entry.path, depth));
    },
    finish(view: FinalView) {
      const packages: Package[] = [];
      for (const path of found.paths()) {
        const v = found.visible(path, view.visibleLayer(path));
        if (v)
          packages.push(...v.value.map((p) => ({ ...p, ...layerFields(v.entry), path: p.path ?? path })));
      }
      return inventoryPart('java', packages);
    },
  };
}
