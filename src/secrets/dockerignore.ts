/**
 * .dockerignore matching with the semantics of moby's patternmatcher: patterns are cleaned and anchored at
 * the context root, `*` and `?` do not cross `/`, `**` matches any number of directories, a pattern that
 * matches a directory excludes everything below it, `!` re-includes, and the last matching pattern wins.
 */
import { posix } from 'node:path';

interface Pattern {
  negate: boolean;
  regex: RegExp;
}

function globToRegex(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // "**/" matches zero or more directories; a trailing "**" matches everything.
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, close);
        if (cls.startsWith('^')) cls = `^${cls.slice(1)}`;
        else if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < pattern.length) {
      i++;
      re += pattern[i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`${re}$`);
}

/** Parses the text of a .dockerignore file. */
export function parseDockerignore(text: string): Pattern[] {
  const out: Pattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1).trim();
    }
    line = posix.normalize(line).replace(/^\/+/, '');
    if (line === '.' || line === '') continue;
    out.push({ negate, regex: globToRegex(line) });
  }
  return out;
}

export class DockerIgnore {
  private readonly patterns: Pattern[];
  constructor(text: string) {
    this.patterns = parseDockerignore(text);
  }

  /** True when the path (relative to the context root, POSIX) is excluded from the build context. */
  ignores(relPath: string): boolean {
    const path = posix.normalize(relPath).replace(/^\/+/, '');
    const parents: string[] = [];
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) parents.push(parts.slice(0, i).join('/'));
    let excluded = false;
    for (const p of this.patterns) {
      if (p.negate !== excluded) continue; // only patterns that could change the answer matter
      const hit = p.regex.test(path) || parents.some((d) => p.regex.test(d));
      if (hit) excluded = !p.negate;
    }
    return excluded;
  }
}
