import { ShipgateError } from '../../core/errors';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry } from '../../image/types';
import { lockfileAnalyzer } from '../lockfile-analyzer';
import { purl } from '../purl';
import type { InventoryPart } from '../types';

const KEY_VALUE = /^([A-Za-z0-9_-]+)\s*=\s*(.*)$/;
const STRING = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/;

function malformed(line: number, why: string): ShipgateError {
  return new ShipgateError('IMAGE_FORMAT', `line ${line}: ${why}`);
}

/**
 * The crates of a Cargo.lock (lockfile versions 1 to 4, the `[[package]]` tables Cargo writes). Crates
 * without a `source` are the workspace's own (path) crates: first-party code, left out so they do not take on
 * the advisories of a crates.io crate of the same name.
 */
export function parseCargoLock(text: string): Package[] {
  const out: Package[] = [];
  let current: Record<string, string> | undefined;
  let start = 0;
  const flush = (): void => {
    if (!current) return;
    const { name, version, source } = current;
    if (!name || !version) throw malformed(start, '[[package]] without a name and version');
    if (source) out.push({ name, version, type: 'cargo', purl: purl('cargo', undefined, name, version) });
    current = undefined;
  };
  let inArray = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    if (inArray) {
      if (line.startsWith(']')) inArray = false;
      continue;
    }
    if (line.startsWith('[')) {
      flush();
      if (line === '[[package]]') {
        current = {};
        start = i + 1;
      } else if (!/^\[[^\]]+\]\]?$/.test(line)) throw malformed(i + 1, 'not a TOML table header');
      continue;
    }
    const kv = KEY_VALUE.exec(line);
    if (!kv) throw malformed(i + 1, 'not a TOML key = value line');
    const value = kv[2]!.trim();
    if (value.startsWith('[')) {
      inArray = !value.includes(']');
      continue;
    }
    const s = STRING.exec(value);
    if (current && s) current[kv[1]!] = s[1]!;
  }
  if (inArray) throw malformed(lines.length, 'unterminated array');
  flush();
  return out;
}

export function cargoLockAnalyzer(): Analyzer<InventoryPart> {
  return lockfileAnalyzer({
    name: 'cargo',
    kind: 'Cargo.lock',
    maxBytes: 16 * 1024 * 1024,
    wants: (entry: FileEntry) => entry.path.endsWith('/Cargo.lock'),
    parse: (text) => parseCargoLock(text),
  });
}
