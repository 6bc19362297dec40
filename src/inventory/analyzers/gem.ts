import { posix } from 'node:path';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry } from '../../image/types';
import { purl } from '../purl';
import { metadataAnalyzer } from '../metadata-analyzer';
import type { InventoryPart } from '../types';

const GEMSPEC = /\/specifications\/(?:default\/)?[^/]+\.gemspec$/;

/** A Ruby string literal: "x", 'x', "x".freeze, %q{x}. */
const STR = String.raw`(?:"([^"]*)"|'([^']*)'|%q\{([^}]*)\})`;

function field(text: string, key: string): string | undefined {
  const m = new RegExp(String.raw`\.${key}\s*=\s*${STR}`).exec(text);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** A gem from an installed gemspec (the Ruby files RubyGems writes under specifications/). */
function parseGemspec(text: string, fileName: string): Package | undefined {
  let name = field(text, 'name');
  let version = field(text, 'version');
  if (!name || !version) {
    // name-version.gemspec, e.g. net-http-0.4.1.gemspec
    const m = /^(.+)-(\d[^-]*)\.gemspec$/.exec(fileName);
    if (!m) return undefined;
    name ??= m[1]!;
    version ??= m[2]!;
  }
  const p: Package = { name, version, type: 'gem', purl: purl('gem', undefined, name, version) };
  const list = /\.licenses\s*=\s*\[([^\]]*)\]/.exec(text)?.[1];
  const licenses = list
    ? [...list.matchAll(new RegExp(STR, 'g'))].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter(Boolean)
    : [field(text, 'license')].filter((l): l is string => !!l);
  if (licenses.length) p.licenses = licenses;
  return p;
}

export function gemAnalyzer(): Analyzer<InventoryPart> {
  return metadataAnalyzer({
    name: 'gem',
    maxBytes: 4 * 1024 * 1024,
    wants: (entry: FileEntry) => entry.path.endsWith('.gemspec') && GEMSPEC.test(entry.path),
    parse: (text, entry) => {
      const pkg = parseGemspec(text, posix.basename(entry.path));
      return pkg ? [pkg] : [];
    },
  });
}
