// Transcribes dockle's checks as data into test/fixtures/peers/dockle/, one JSON file per checkpoint
// (pkg/types/checkpoint.go), whether or not a shipgate rule declares it yet. The cases come from:
//
// - pkg/assessor/manifest/manifest_test.go: TestAssess (an image configuration from testdata/ and the full list
//   of checkpoints dockle reports on it: one case per checkpoint the manifest assessor decides) and the table
//   tests of one history line (the command slices, joined back with " && ", or the line itself);
// - pkg/scanner/scan_test.go: the scratch.tar image dockle keeps (copied here) and the checkpoints reported on it;
// - the file-name lists of pkg/assessor/credential and pkg/assessor/cache, which dockle has no tests for: every
//   listed name is a positive, every name listed but commented out (dockle's TODOs) a negative.
//
//   node build/peers-dockle.mjs <dockle git dir>
//
// Anything the reader does not recognise fails the run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { upstreamMirror } from './peers-common.mjs';

const OUT = 'test/fixtures/peers/dockle';
const REPOSITORY = 'goodwithtech/dockle';
const { git, commit } = upstreamMirror('node build/peers-dockle.mjs <dockle git dir>');
const show = (path) => git('show', `${commit}:${path}`);

/** checkpoint.go: Go constant name → checkpoint id, and id → title. */
function checkpoints() {
  const src = show('pkg/types/checkpoint.go');
  const ids = new Map();
  for (const m of src.matchAll(/^\t(\w+)\s*=\s*"((?:CIS|DKL)-[A-Z]+-\d{4})"/gm)) ids.set(m[1], m[2]);
  const titles = new Map();
  const block = /TitleMap = map\[string\]string\{([\s\S]*?)\n\}/.exec(src)?.[1] ?? '';
  for (const m of block.matchAll(/^\t(\w+):\s*(?:"([^"]*)"|`([^`]*)`),/gm))
    titles.set(ids.get(m[1]), m[2] ?? m[3]);
  if (ids.size < 16 || titles.size !== ids.size) throw new Error('checkpoint.go: unexpected layout');
  return { ids, titles };
}

const { ids, titles } = checkpoints();
const idOf = (goName) => {
  const id = ids.get(goName.replace(/^types\./, ''));
  if (!id) throw new Error(`unknown checkpoint ${goName}`);
  return id;
};

/** Cases per checkpoint id. */
const cases = new Map([...ids.values()].map((id) => [id, []]));
const add = (id, c) => cases.get(id).push(c);

/** The Go string literal at the start of `s` ("…" or `…`), and the rest. */
function goString(s) {
  if (s[0] === '`') {
    const end = s.indexOf('`', 1);
    return [s.slice(1, end), s.slice(end + 1)];
  }
  let j = 1;
  while (s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
  return [JSON.parse(s.slice(0, j + 1)), s.slice(j + 1)];
}

/** The string literals of a Go `{…}` slice literal (its text, without the braces). */
function goStrings(text) {
  const out = [];
  let s = text;
  for (;;) {
    const i = s.search(/["`]/);
    if (i < 0) return out;
    const [v, rest] = goString(s.slice(i));
    out.push(v);
    s = rest;
  }
}

const lineAt = (src, index) => src.slice(0, index).split('\n').length;

/** The body of `func <name>(` (name may include the receiver's tail) … up to the first line that is just `}`. */
function funcBody(src, name) {
  const start = src.search(new RegExp(`^func (?:\\(\\w+ )?${name.replace(/[()]/g, '\\$&')}\\(`, 'm'));
  if (start < 0) throw new Error(`no func ${name}`);
  const end = src.indexOf('\n}\n', start);
  return { text: src.slice(start, end), offset: start };
}

/**
 * A `map[string]struct{…}{ "name": { … }, … }` table of a test function: each entry's name, line and text.
 * Entries start with a tab-indented `"name": {` (or `"name":` with a one-line struct).
 */
function tableEntries(src, fn) {
  const { text, offset } = funcBody(src, fn);
  const out = [];
  const re = /^\t\t"([^"]+)":\s*\{/gm;
  const starts = [...text.matchAll(re)];
  starts.forEach((m, i) => {
    const from = m.index;
    const to = i + 1 < starts.length ? starts[i + 1].index : text.indexOf('\n\t}', from);
    out.push({ name: m[1], line: lineAt(src, offset + from), text: text.slice(from, to) });
  });
  if (!out.length) throw new Error(`${fn}: no table entries`);
  return out;
}

const expected = (text) => {
  const m = /expected:\s*(true|false)/.exec(text);
  if (!m) throw new Error(`no expected in ${text.slice(0, 60)}`);
  return m[1] === 'true';
};

/** The `cmdSlices` map literal of an entry, as the history line dockle split it from. */
function historyLine(text) {
  const start = text.search(/cmdSlices:\s*map\[int\]\[\]string\{/);
  if (start < 0) throw new Error(`no cmdSlices in ${text.slice(0, 60)}`);
  // Reads `N: {"a", "b", …},` entries up to the map's closing brace, skipping braces inside strings.
  const slices = [];
  let s = text.slice(text.indexOf('{', start) + 1);
  for (;;) {
    const m = /^\s*(?:(\d+):\s*\{|\})/.exec(s);
    if (!m) throw new Error(`cmdSlices: cannot read ${s.slice(0, 40)}`);
    if (m[1] === undefined) break;
    s = s.slice(m[0].length);
    const words = [];
    for (;;) {
      s = s.replace(/^[\s,]+/, '');
      if (s[0] === '}') break;
      const [v, rest] = goString(s);
      words.push(v);
      s = rest;
    }
    s = s.slice(1).replace(/^\s*,/, '');
    slices[Number(m[1])] = words.join(' ');
  }
  if (slices.some((s) => s === undefined) || !slices.length) throw new Error('cmdSlices: gap or empty');
  return slices.join(' && ');
}

const MANIFEST_TEST = 'pkg/assessor/manifest/manifest_test.go';
const manifestTest = show(MANIFEST_TEST);

// One history line judged alone (dockle's helper for one checkpoint).
const LINE_TESTS = {
  TestReducableApkAdd: 'UseApkAddNoCache',
  TestReducableAptGetUpdate: 'UseAptGetUpdateNoCache',
  TestReducableAptGetInstall: 'MinimizeAptGet',
  TestAddStatement: 'UseCOPY',
  TestUseDistUpgrade: 'AvoidDistUpgrade',
};
for (const [fn, goName] of Object.entries(LINE_TESTS))
  for (const e of tableEntries(manifestTest, fn))
    add(idOf(goName), {
      path: MANIFEST_TEST,
      line: e.line,
      name: `${fn}/${e.name}`,
      fires: expected(e.text),
      scope: 'line',
      input: { history: historyLine(e.text) },
    });

{
  const { text, offset } = funcBody(manifestTest, 'TestSensitiveVars');
  for (const m of text.matchAll(/^\t\t"([^"]+)":\s*\{cmd:\s*/gm)) {
    const [cmd, rest] = goString(text.slice(m.index + m[0].length));
    const fires = /^,\s*expected:\s*(true|false)\}/.exec(rest);
    if (!fires) throw new Error(`TestSensitiveVars ${m[1]}: unexpected layout`);
    add(idOf('AvoidCredential'), {
      path: MANIFEST_TEST,
      line: lineAt(manifestTest, offset + m.index),
      name: `TestSensitiveVars/${m[1]}`,
      fires: fires[1] === 'true',
      scope: 'line',
      input: { history: cmd },
    });
  }
}

// The checkpoints the manifest assessor decides from the configuration and history alone.
const MANIFEST_CHECKS = [
  'AvoidRootDefault',
  'AddHealthcheck',
  'AvoidSensitiveDirectoryMounting',
  'AvoidCredential',
  'UseApkAddNoCache',
  'MinimizeAptGet',
  'UseAptGetUpdateNoCache',
  'UseCOPY',
  'AvoidDistUpgrade',
  'AvoidSudo',
].map(idOf);

for (const e of tableEntries(manifestTest, 'TestAssess')) {
  const path = /path:\s*"\.\/(testdata\/[^"]+)"/.exec(e.text)?.[1];
  if (!path) throw new Error(`TestAssess ${e.name}: no path`);
  const reported = [...e.text.matchAll(/Code:\s*(types\.\w+)/g)].map((m) => idOf(m[1]));
  const config = JSON.parse(show(`pkg/assessor/manifest/${path}`));
  for (const id of MANIFEST_CHECKS)
    add(id, {
      path: MANIFEST_TEST,
      line: e.line,
      name: `TestAssess/${e.name}`,
      fires: reported.includes(id),
      reports: reported.filter((r) => r === id).length,
      scope: 'image',
      input: { config: { path: `pkg/assessor/manifest/${path}`, json: config } },
    });
}

// scan_test.go: the image dockle keeps as a file, and the checkpoints it reports on it (SkipLevel entries are
// "file not found", not findings).
const SCAN_TEST = 'pkg/scanner/scan_test.go';
{
  const scanTest = show(SCAN_TEST);
  const e = tableEntries(scanTest, 'TestScanImage').find((x) =>
    /fileName:\s*"\.\/testdata\/scratch\.tar"/.test(x.text),
  );
  if (!e) throw new Error('scan_test.go: no scratch.tar case');
  const reported = [...e.text.matchAll(/\{Code:\s*(types\.\w+)([^}]*)\}/g)]
    .filter((m) => !/SkipLevel/.test(m[2]))
    .map((m) => ({ id: idOf(m[1]), file: /Filename:\s*"([^"]+)"/.exec(m[2])?.[1] }));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    join(OUT, 'scratch.tar'),
    execFileSync('git', [
      '-C',
      process.argv[2],
      'cat-file',
      'blob',
      `${commit}:pkg/scanner/testdata/scratch.tar`,
    ]),
  );
  for (const id of ids.values())
    add(id, {
      path: SCAN_TEST,
      line: e.line,
      name: 'TestScanImage/Dockerfile.scratch',
      fires: reported.some((r) => r.id === id),
      reported: reported.filter((r) => r.id === id && r.file).map((r) => r.file),
      scope: 'image',
      input: { archive: 'scratch.tar', dockerfile: show('pkg/scanner/testdata/Dockerfile.scratch') },
    });
}

// The file-name lists dockle has no tests for.
function listCases(path, fn, id, toPath) {
  const src = show(path);
  const { text, offset } = funcBody(src, fn);
  const lines = text.split('\n');
  let at = lineAt(src, offset);
  for (const l of lines) {
    const m = /^\t+(\/\/\s*)?"([^"]+)",/.exec(l);
    if (m)
      add(id, {
        path,
        line: at,
        name: `${fn.replace(/^.*\) /, '')}${m[1] ? ' (commented out)' : ''}: ${m[2]}`,
        fires: !m[1],
        scope: 'file',
        input: { files: [toPath(m[2])] },
      });
    at++;
  }
}
const CREDENTIAL = 'pkg/assessor/credential/credential.go';
listCases(CREDENTIAL, 'CredentialAssessor) RequiredFiles', idOf('AvoidCredential'), (n) => `/app/${n}`);
listCases(
  CREDENTIAL,
  'CredentialAssessor) RequiredExtensions',
  idOf('AvoidCredential'),
  (e) => `/app/backup${e}`,
);

const CACHE = 'pkg/assessor/cache/cache.go';
{
  const src = show(CACHE);
  const list = (name) => {
    const m = new RegExp(`\\b${name}\\s*=\\s*\\[\\]string\\{([^}]*)\\}`).exec(src);
    if (!m) throw new Error(`${CACHE}: no ${name}`);
    return { names: goStrings(m[1]), line: lineAt(src, m.index) };
  };
  const id = idOf('InfoDeletableFiles');
  const files = list('reqFiles');
  for (const n of files.names)
    add(id, {
      path: CACHE,
      line: files.line,
      name: `reqFiles: ${n}`,
      fires: true,
      scope: 'file',
      input: { files: [`/app/${n}`] },
    });
  const dirs = list('reqDirs');
  for (const d of dirs.names)
    add(id, {
      path: CACHE,
      line: dirs.line,
      name: `reqDirs: ${d}`,
      fires: true,
      scope: 'file',
      input: { files: [`/app/${d}file`] },
    });
  const skipped = list('uncontrollableDirs');
  for (const u of skipped.names)
    add(id, {
      path: CACHE,
      line: skipped.line,
      name: `uncontrollableDirs: ${u}`,
      fires: false,
      scope: 'file',
      input: { files: [`/app/${u}pkg/${dirs.names[0]}file`] },
    });
}

mkdirSync(OUT, { recursive: true });
for (const [id, cs] of cases) {
  const data = {
    check: id,
    title: titles.get(id),
    upstream: { repository: REPOSITORY, commit },
    cases: cs,
  };
  writeFileSync(join(OUT, `${id}.json`), `${JSON.stringify(data, null, 2)}\n`);
  console.log(`${id}: ${cs.length} cases`);
}
