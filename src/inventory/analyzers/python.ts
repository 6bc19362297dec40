import type { Package } from '../../core/package';
import type { Analyzer, FileEntry } from '../../image/types';
import { parseHeaders } from '../control';
import { pep503, purl } from '../purl';
import { metadataAnalyzer } from '../metadata-analyzer';
import type { InventoryPart } from '../types';

const METADATA = /\.dist-info\/METADATA$|\.egg-info\/PKG-INFO$|\.egg-info$/;

/** A Python distribution from its core metadata (METADATA / PKG-INFO). */
function parsePythonMetadata(text: string): Package | undefined {
  const h = parseHeaders(text);
  const name = h.get('name')?.[0];
  const version = h.get('version')?.[0];
  if (!name || !version) return undefined;
  const p: Package = { name, version, type: 'pypi', purl: purl('pypi', undefined, pep503(name), version) };
  const expression = h.get('license-expression')?.[0];
  const license = h.get('license')?.[0];
  const classifiers = (h.get('classifier') ?? [])
    .filter((c) => c.startsWith('License ::'))
    .map((c) => c.split('::').pop()!.trim())
    .filter((c) => c && c !== 'OSI Approved');
  if (expression) p.licenses = [expression];
  else if (license && license !== 'UNKNOWN' && !license.includes('\n') && license.length <= 100)
    p.licenses = [license];
  else if (classifiers.length) p.licenses = classifiers;
  return p;
}

export function pythonAnalyzer(): Analyzer<InventoryPart> {
  return metadataAnalyzer({
    name: 'python',
    maxBytes: 8 * 1024 * 1024,
    wants: (entry: FileEntry) => entry.path.includes('-info') && METADATA.test(entry.path),
    parse: (text) => {
      const pkg = parsePythonMetadata(text);
      return pkg ? [pkg] : [];
    },
  });
}
