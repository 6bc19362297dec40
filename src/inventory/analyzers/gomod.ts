import { ShipgateError } from '../../core/errors';
import type { Package } from '../../core/package';
import type { Analyzer, FileEntry } from '../../image/types';
import { lockfileAnalyzer } from '../lockfile-analyzer';
import type { InventoryPart } from '../types';
import { goPackage } from './go';

/** A module path and version as go.mod writes them (`"quoted"` or bare). */
const MODULE = /^("(?:[^"\\]|\\.)*"|\S+)\s+(\S+)/;
const unquote = (s: string): string => (s.startsWith('"') ? (JSON.parse(s) as string) : s);

/** `old [v] => new [v]`; the new side without a version is a directory. */
const REPLACE = /^("(?:[^"\\]|\\.)*"|\S+)(?:\s+(\S+))?\s+=>\s+("(?:[^"\\]|\\.)*"|\S+)(?:\s+(\S+))?$/;

/**
 * The modules a go.mod requires (Go 1.17 and later list every module of the build, indirect ones too),
 * with its `replace` directives applied: a replacement by another module version reports that version, one by
 * a local directory the module path without a version (local code). The main module is the project itself.
 */
export function parseGoMod(text: string): Package[] {
  const requires = new Map<string, string>();
  const replaces: { path: string; version?: string; to: string; toVersion?: string }[] = [];
  let block: string | undefined;
  let sawModule = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (block) {
      if (line === ')') {
        block = undefined;
        continue;
      }
      directive(block, line, i + 1);
      continue;
    }
    const m = /^(\w+)\s*(.*)$/.exec(line);
    if (!m) throw new ShipgateError('IMAGE_FORMAT', `line ${i + 1}: not a go.mod directive`);
    const [, verb, rest] = m as unknown as [string, string, string];
    if (verb === 'module') sawModule = true;
    if (rest === '(') block = verb;
    else directive(verb, rest, i + 1);
  }
  if (block) throw new ShipgateError('IMAGE_FORMAT', `unterminated ${block} ( block`);
  if (!sawModule) throw new ShipgateError('IMAGE_FORMAT', 'no module directive');

  function directive(verb: string, rest: string, line: number): void {
    if (verb === 'require') {
      const r = MODULE.exec(rest);
      if (!r) throw new ShipgateError('IMAGE_FORMAT', `line ${line}: require without a module and version`);
      requires.set(unquote(r[1]!), r[2]!);
    } else if (verb === 'replace') {
      const r = REPLACE.exec(rest);
      if (!r) throw new ShipgateError('IMAGE_FORMAT', `line ${line}: replace is not "old => new"`);
      const rep: (typeof replaces)[number] = { path: unquote(r[1]!), to: unquote(r[3]!) };
      if (r[2]) rep.version = r[2];
      if (r[4]) rep.toVersion = r[4];
      replaces.push(rep);
    }
  }

  const out: Package[] = [];
  for (const [path, version] of requires) {
    // A replace naming a version applies to that version only, and wins over one for every version.
    const rep =
      replaces.find((r) => r.path === path && r.version === version) ??
      replaces.find((r) => r.path === path && !r.version);
    if (!rep) out.push(goPackage(path, version));
    else if (!rep.toVersion) out.push(goPackage(path, ''));
    else out.push(goPackage(rep.to, rep.toVersion));
  }
  return out;
}

export function goModAnalyzer(): Analyzer<InventoryPart> {
  return lockfileAnalyzer({
    name: 'gomod',
    kind: 'go.mod',
    maxBytes: 4 * 1024 * 1024,
    wants: (entry: FileEntry) => entry.path.endsWith('/go.mod'),
    parse: (text) => parseGoMod(text),
  });
}
