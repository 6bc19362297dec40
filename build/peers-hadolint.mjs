// Transcribes hadolint's own rule specs (test/Hadolint/Rule/DLxxxxSpec.hs) into test/fixtures/peers/hadolint/,
// one JSON file per hadolint rule that a shipgate rule declares equivalent. Each ruleCatches / ruleCatchesNot /
// onBuildRuleCatches / onBuildRuleCatchesNot / assertChecks call becomes one case with the Dockerfile text,
// whether the rule must fire, the spec line and the configuration it ran with.
//
//   node build/peers-hadolint.mjs <hadolint git dir>
//
// The spec files are Haskell; this reads the small subset they use (string literals with gaps, list literals,
// Text.unlines, <>, let bindings, `let ?config =`). Anything else is reported and fails the run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredIds, upstreamMirror } from './peers-common.mjs';

const OUT = 'test/fixtures/peers/hadolint';
const { git, commit } = upstreamMirror('node build/peers-hadolint.mjs <hadolint git dir>');

function tokenize(src) {
  const tokens = [];
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (src.startsWith('--', i)) while (i < src.length && src[i] !== '\n') i++;
    else if (c === '"') {
      const start = line;
      let s = '';
      i++;
      while (src[i] !== '"') {
        if (i >= src.length) throw new Error(`unterminated string at line ${start}`);
        if (src[i] === '\\') {
          const n = src[i + 1];
          if (/\s/.test(n)) {
            // A string gap: backslash, whitespace (newlines included), backslash.
            i++;
            while (src[i] !== '\\') {
              if (src[i] === '\n') line++;
              i++;
            }
            i++;
          } else {
            const esc = { n: '\n', t: '\t', '"': '"', '\\': '\\', "'": "'", '&': '' }[n];
            if (esc === undefined) throw new Error(`unknown escape \\${n} at line ${line}`);
            s += esc;
            i += 2;
          }
        } else {
          if (src[i] === '\n') throw new Error(`newline in string at line ${line}`);
          s += src[i++];
        }
      }
      i++;
      tokens.push({ t: 'str', v: s, line: start });
    } else if (/[A-Za-z_?]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_'.]/.test(src[j])) j++;
      tokens.push({ t: 'id', v: src.slice(i, j), line });
      i = j;
    } else if (/\d/.test(c)) {
      let j = i;
      while (/\d/.test(src[j])) j++;
      tokens.push({ t: 'num', v: Number(src.slice(i, j)), line });
      i = j;
    } else if (src.startsWith('<>', i)) {
      tokens.push({ t: 'op', v: '<>', line });
      i += 2;
    } else {
      tokens.push({ t: 'op', v: c, line });
      i++;
    }
  }
  return tokens;
}

const CALLS = {
  ruleCatches: { fires: true, onbuild: false },
  ruleCatchesNot: { fires: false, onbuild: false },
  onBuildRuleCatches: { fires: true, onbuild: true },
  onBuildRuleCatchesNot: { fires: false, onbuild: true },
};

/** hadolint's onBuild helpers wrap every RUN instruction in ONBUILD. */
function wrapRunInOnbuild(text) {
  const lines = text.split('\n');
  let continued = false;
  return lines
    .map((l) => {
      const out = !continued && /^\s*RUN\b/i.test(l) ? l.replace(/^(\s*)/, '$1ONBUILD ') : l;
      continued = /\\\s*$/.test(l);
      return out;
    })
    .join('\n');
}

function transcribe(id, path) {
  const src = git('show', `${commit}:${path}`);
  const lines = src.split('\n');
  const toks = tokenize(src);
  const cases = [];
  const problems = [];
  let name = '';
  let topScope = new Map();
  let scope = new Map();
  let config = 'def';
  let topConfig = 'def';
  let p = 0;

  const peek = (o = 0) => toks[p + o];
  function expr() {
    let v = term();
    while (peek()?.v === '<>') {
      p++;
      const r = term();
      if (typeof v !== 'string' || typeof r !== 'string') throw new Error('<> on a list');
      v += r;
    }
    return v;
  }
  function term() {
    const t = toks[p++];
    if (!t) throw new Error('end of file in expression');
    if (t.v === '$') return expr();
    if (t.t === 'str') return t.v;
    if (t.v === '(') {
      const v = expr();
      if (toks[p++]?.v !== ')') throw new Error(`expected ) at line ${t.line}`);
      return v;
    }
    if (t.v === '[') {
      const items = [];
      while (peek()?.v !== ']') {
        items.push(expr());
        if (peek()?.v === ',') p++;
      }
      p++;
      return items;
    }
    if (t.v === 'Text.unlines' || t.v === 'unlines') {
      const v = term();
      if (!Array.isArray(v)) throw new Error(`unlines of a non-list at line ${t.line}`);
      return v.map((l) => `${l}\n`).join('');
    }
    if (t.t === 'id' && scope.has(t.v)) return scope.get(t.v);
    throw new Error(`cannot read ${JSON.stringify(t.v)} at line ${t.line}`);
  }
  function push(kind, code, text, line, count) {
    if (code !== id) return;
    const base = text.endsWith('\n') ? text : `${text}\n`;
    cases.push({
      line,
      name,
      onbuild: kind.onbuild,
      fires: kind.fires,
      ...(count !== undefined ? { count } : {}),
      ...(config !== 'def' ? { config } : {}),
      dockerfile: kind.onbuild ? wrapRunInOnbuild(base) : base,
    });
  }

  while (p < toks.length) {
    const t = toks[p];
    try {
      if (t.v === 'it' && peek(1)?.t === 'str') {
        name = peek(1).v;
        scope = new Map(topScope);
        config = topConfig;
        p += 2;
      } else if (t.v === 'let' && peek(1)?.v === '?config' && peek(2)?.v === '=') {
        const l = lines[t.line - 1];
        config = l.slice(l.indexOf('=') + 1).trim();
        if (!name) topConfig = config;
        p += 3;
      } else if (t.v === 'let' && peek(1)?.t === 'id' && peek(2)?.v === '=') {
        // One binding or a layout block of them.
        p++;
        while (peek()?.t === 'id' && peek(1)?.v === '=' && peek()?.v !== 'in') {
          const bind = peek().v;
          p += 2;
          scope.set(bind, expr());
          if (!name) topScope.set(bind, scope.get(bind));
        }
      } else if (t.t === 'id' && CALLS[t.v] && (peek(1)?.t === 'str' || scope.has(peek(1)?.v))) {
        p++;
        const code = term();
        push(CALLS[t.v], code, String(expr()), t.line);
      } else if ((t.v === 'assertChecks' || t.v === 'assertOnBuildChecks') && peek(1)) {
        p++;
        const text = String(expr());
        // (failsWith N "DLxxxx") or (failsWithSome "DLxxxx")
        if (toks[p]?.v !== '(') throw new Error(`expected assertion at line ${t.line}`);
        const fn = toks[p + 1]?.v;
        const count = fn === 'failsWith' ? toks[p + 2].v : undefined;
        const code = fn === 'failsWith' ? toks[p + 3].v : toks[p + 2].v;
        if (fn !== 'failsWith' && fn !== 'failsWithSome') throw new Error(`unknown assertion ${fn}`);
        p += fn === 'failsWith' ? 4 : 3;
        const onbuild = t.v === 'assertOnBuildChecks';
        push({ fires: count !== 0, onbuild }, code, text, t.line, count);
      } else p++;
    } catch (e) {
      problems.push(`${path}:${t.line}: ${e.message}`);
      p++;
    }
  }
  return { cases, problems };
}

const ids = [...declaredIds('hadolint', /'(DL\d{4})'/g, (m) => m[1])].sort();
const specs = new Set(git('ls-tree', '--name-only', commit, 'test/Hadolint/Rule/').split('\n'));
mkdirSync(OUT, { recursive: true });
const problems = [];
for (const id of ids) {
  const path = `test/Hadolint/Rule/${id}Spec.hs`;
  if (!specs.has(path)) {
    console.log(`${id}: no spec upstream`);
    continue;
  }
  const r = transcribe(id, path);
  problems.push(...r.problems);
  const data = { rule: id, upstream: { repository: 'hadolint/hadolint', commit, path }, cases: r.cases };
  writeFileSync(join(OUT, `${id}.json`), `${JSON.stringify(data, null, 2)}\n`);
  console.log(`${id}: ${r.cases.length} cases`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
