// Transcribes trivy-checks' Dockerfile check tests (checks/docker/*_test.rego) into test/fixtures/peers/trivy/,
// one JSON file per DS check that a shipgate rule declares equivalent. Each `test_*` rule becomes one case: its
// input (trivy's parsed form: stages of commands) written back as a Dockerfile, whether `deny` must report, the
// test's line and any `with data.…` setting it ran with.
//
//   node build/peers-trivy.mjs <trivy-checks git dir>
//
// The tests are Rego; this reads the subset they use (object and array literals, `:=` bindings, the helper
// functions `instruction`, `build_input`, `build_simple_input`, `count(r) == n`). Anything else fails the run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredIds, upstreamMirror } from './peers-common.mjs';

const OUT = 'test/fixtures/peers/trivy';
const { git, commit } = upstreamMirror('node build/peers-trivy.mjs <trivy-checks git dir>');

function tokenize(src, line0) {
  const toks = [];
  let i = 0;
  let line = line0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '#') while (i < src.length && src[i] !== '\n') i++;
    else if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      toks.push({ t: 'str', v: JSON.parse(src.slice(i, j + 1)), line });
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      toks.push({ t: 'str', v: src.slice(i + 1, j), line });
      line += (src.slice(i, j).match(/\n/g) ?? []).length;
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_.]/.test(src[j])) j++;
      toks.push({ t: 'id', v: src.slice(i, j), line });
      i = j;
    } else if (/\d/.test(c)) {
      let j = i;
      while (/[\d.]/.test(src[j])) j++;
      toks.push({ t: 'num', v: Number(src.slice(i, j)), line });
      i = j;
    } else if (src.startsWith(':=', i) || src.startsWith('==', i)) {
      toks.push({ t: 'op', v: src.slice(i, i + 2), line });
      i += 2;
    } else {
      toks.push({ t: 'op', v: c, line });
      i++;
    }
  }
  return toks;
}

const HELPERS = {
  instruction: (cmd, val) => ({ Cmd: cmd, Value: val }),
  build_input: (cmds) => ({ Stages: [{ Name: 'busybox', Commands: cmds }] }),
  build_simple_input: (cmd, val) => ({ Stages: [{ Name: 'busybox', Commands: [{ Cmd: cmd, Value: val }] }] }),
};

/** Where each object or set element started (for case lines in table tests). */
const startLines = new WeakMap();

function parser(toks, scope) {
  let p = 0;
  const peek = () => toks[p];

  function value() {
    const t = toks[p++];
    if (!t) throw new Error('end of input in a value');
    if (t.t === 'str' || t.t === 'num') return t.v;
    if (t.v === 'true' || t.v === 'false') return t.v === 'true';
    if (t.v === 'null') return null;
    if (t.v === '{') {
      // An object, or a set (`{a, b}`), read as an array of [line, element] when lines are asked for.
      const o = {};
      const set = [];
      while (peek()?.v !== '}') {
        const line = peek()?.line;
        const k = value();
        if (peek()?.v === ':') {
          p++;
          o[k] = value();
          if (o[k] !== null && typeof o[k] === 'object') startLines.set(o[k], line);
        } else {
          set.push(k);
          if (k !== null && typeof k === 'object') startLines.set(k, line);
        }
        if (peek()?.v === ',') p++;
      }
      p++;
      return set.length ? set : o;
    }
    if (t.v === '[') {
      const a = [];
      while (peek()?.v !== ']') {
        a.push(value());
        if (peek()?.v === ',') p++;
      }
      p++;
      return a;
    }
    if (t.t === 'id' && peek()?.v === '(') {
      p++;
      const args = [];
      while (peek()?.v !== ')') {
        args.push(value());
        if (peek()?.v === ',') p++;
      }
      p++;
      const f = HELPERS[t.v];
      if (!f) throw new Error(`unknown function ${t.v} at line ${t.line}`);
      return f(...args);
    }
    const [name, ...path] = t.v.split('.');
    if (t.t === 'id' && scope.has(name)) return path.reduce((o, k) => o?.[k], scope.get(name));
    throw new Error(`cannot read ${t.v} at line ${t.line}`);
  }
  return {
    value,
    at: () => p,
    seek: (n) => {
      p = n;
    },
  };
}

/**
 * One test rule's body: its cases (input, `with data` settings, whether deny must report). Table tests
 * (`some name, tc in {...}`, `every tt in set {...}`) give one case per entry.
 */
function readTest(body, line0) {
  return scan(tokenize(body, line0), 0, new Map(), line0, '');
}

function scan(toks, from, scope, line0, suffix) {
  let input;
  const data = {};
  let fires;
  for (let i = from; i < toks.length; i++) {
    const t = toks[i];
    const iterate = (entries, bind) => {
      const out = [];
      for (const [k, v] of entries) {
        const inner = new Map(scope);
        bind(inner, k, v);
        const line = (v !== null && typeof v === 'object' && startLines.get(v)) || line0;
        out.push(...scan(toks, ps.at(), inner, line, ` [${k}]`));
      }
      return out;
    };
    let ps;
    if (t.v === 'some' && toks[i + 2]?.v === ',' && toks[i + 4]?.v === 'in') {
      ps = parser(toks, scope);
      ps.seek(i + 5);
      const table = ps.value();
      return iterate(Object.entries(table), (sc, k, v) => {
        sc.set(toks[i + 1].v, k);
        sc.set(toks[i + 3].v, v);
      });
    }
    if (t.v === 'every' && toks[i + 2]?.v === 'in') {
      ps = parser(toks, scope);
      ps.seek(i + 3);
      const set = ps.value();
      return iterate(
        set.map((v, n) => [n + 1, v]),
        (sc, _k, v) => sc.set(toks[i + 1].v, v),
      );
    }
    if (t.t === 'id' && toks[i + 1]?.v === ':=' && !/deny|warn/.test(toks[i + 2]?.v ?? '')) {
      const ps = parser(toks, scope);
      ps.seek(i + 2);
      scope.set(t.v, ps.value());
      i = ps.at() - 1;
    } else if (t.v === 'with' && toks[i + 1]?.v === 'input' && toks[i + 2]?.v === 'as') {
      const ps = parser(toks, scope);
      ps.seek(i + 3);
      input = ps.value();
      i = ps.at() - 1;
    } else if (t.v === 'with' && /^data\./.test(toks[i + 1]?.v ?? '') && toks[i + 2]?.v === 'as') {
      const ps = parser(toks, scope);
      ps.seek(i + 3);
      data[toks[i + 1].v] = ps.value();
      i = ps.at() - 1;
    } else if (t.v === 'count' && toks[i + 1]?.v === '(' && toks[i + 3]?.v === ')') {
      const op = toks[i + 4]?.v;
      const ps2 = parser(toks, scope);
      ps2.seek(i + 5);
      const n = ps2.value();
      if ((op === '==' || op === '=') && typeof n === 'number') fires = n > 0;
      else if (op === '>' && n === 0) fires = true;
      else throw new Error(`unknown count assertion at line ${t.line}`);
    } else if (t.v === 'msg' && fires === undefined) fires = true;
  }
  if (!input) throw new Error(`no input at line ${line0}`);
  if (fires === undefined) throw new Error(`no expectation at line ${line0}`);
  return [{ line: line0, suffix, input, data, fires }];
}

const JSON_FORM = new Set(['cmd', 'entrypoint', 'shell']);

/** trivy's parsed Dockerfile written back as Dockerfile text. */
function render(input) {
  const out = [];
  for (const stage of input.Stages ?? []) {
    const cmds = stage.Commands ?? [];
    if (stage.Name && !cmds.some((c) => c.Cmd === 'from')) out.push(`FROM ${stage.Name}`);
    for (const c of cmds) {
      const kw = c.Cmd.toUpperCase();
      const flags = (c.Flags ?? []).map((f) => `${f} `).join('');
      const v = c.Value ?? [];
      if (c.Cmd === 'comment') out.push(`# ${v.join(' ')}`);
      // Trivy's alias checks read the stage name (the FROM line as written), which some tests set apart from Value.
      else if (c.Cmd === 'from' && /\sas\s/i.test(stage.Name ?? '')) out.push(`FROM ${flags}${stage.Name}`);
      else if (c.Cmd === 'env' || c.Cmd === 'label') {
        // trivy keeps key, value, separator triplets; "" is the legacy `ENV key value` form.
        const parts = [];
        for (let i = 0; i + 2 < v.length + 1; i += 3)
          parts.push(v[i + 2] === '=' ? `${v[i]}=${JSON.stringify(v[i + 1])}` : `${v[i]} ${v[i + 1]}`);
        out.push(`${kw} ${parts.join(' ')}`);
      } else if (JSON_FORM.has(c.Cmd) && v.length > 1) out.push(`${kw} ${flags}${JSON.stringify(v)}`);
      else if (c.Cmd === 'healthcheck' && v[0] === 'CMD' && v.length > 2)
        out.push(`${kw} ${flags}CMD ${JSON.stringify(v.slice(1))}`);
      else if (c.Cmd === 'healthcheck' && v[0] === 'CMD-SHELL')
        out.push(`${kw} ${flags}CMD ${v.slice(1).join(' ')}`);
      else out.push(`${kw} ${flags}${v.join(' ')}`.trimEnd());
    }
  }
  return `${out.join('\n')}\n`;
}

function transcribe(path) {
  const src = git('show', `${commit}:${path}`);
  const lines = src.split('\n');
  if (/^test_\w+\[/m.test(src) && !/some \w+, \w+ in/.test(src))
    throw new Error(`${path}: unknown table test`);
  const cases = [];
  const problems = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(test_\w+)(?:\[\w+\])?\s+if\s*\{/.exec(lines[i]);
    if (!m) continue;
    let end = i + 1;
    while (end < lines.length && lines[end] !== '}') end++;
    try {
      for (const c of readTest(
        lines
          .slice(i, end)
          .join('\n')
          .replace(/^[^{]*\{/, ''),
        i + 1,
      ))
        cases.push({
          line: c.line,
          name: `${m[1]}${c.suffix}`,
          fires: c.fires,
          ...(Object.keys(c.data).length ? { data: c.data } : {}),
          dockerfile: render(c.input),
        });
    } catch (e) {
      problems.push(`${path}:${i + 1}: ${e.message}`);
    }
    i = end;
  }
  return { cases, problems };
}

const ids = declaredIds('trivy', /'DS-0*(\d+)'/g, (m) => `DS${m[1].padStart(3, '0')}`);
mkdirSync(OUT, { recursive: true });
const problems = [];
for (const path of git('ls-tree', '--name-only', commit, 'checks/docker/').split('\n')) {
  if (!path.endsWith('_test.rego')) continue;
  const id = /package builtin\.dockerfile\.(DS\d+)/.exec(git('show', `${commit}:${path}`))?.[1];
  if (!id || !ids.has(id)) continue;
  const r = transcribe(path);
  problems.push(...r.problems);
  const data = {
    rule: id,
    upstream: { repository: 'aquasecurity/trivy-checks', commit, path },
    cases: r.cases,
  };
  writeFileSync(join(OUT, `${id}.json`), `${JSON.stringify(data, null, 2)}\n`);
  console.log(`${id}: ${r.cases.length} cases`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
