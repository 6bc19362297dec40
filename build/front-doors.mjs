// `npm run gen:front-doors`: rewrites the `inputs:` of action.yml, the `spec: inputs:` header of
// templates/scan.yml, the inputs tables of docs/github-action.md and docs/gitlab.md, and docs/options.md from the
// option table (src/core/options.ts). Everything else in those files is hand-written and kept. `--check` writes nothing and exits 1 when a file is out of date; test/unit/core/options.test.ts
// does the same check. Runs with tsx, which loads the TypeScript table.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { stringify } from 'yaml';
import { defaultAt, nameAt, OPTIONS, optionsOf } from '../src/core/options.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WIDTH = 110;
const NOTICE =
  '# Generated from src/core/options.ts by `npm run gen:front-doors`: change the table, not these lines.';

/** One YAML scalar on its line, quoted as YAML needs. */
const scalar = (v) => stringify(v, { lineWidth: 0 }).trimEnd();

/** `key: value` at an indent, folded (>-) when it does not fit on one line. */
function entry(indent, key, value) {
  const pad = ' '.repeat(indent);
  const line = `${pad}${key}: ${scalar(value)}`;
  if (typeof value !== 'string' || (line.length <= WIDTH && !line.includes('\n'))) return [line];
  const out = [`${pad}${key}: >-`];
  let cur = '';
  for (const word of value.split(/\s+/)) {
    if (cur && pad.length + 2 + cur.length + 1 + word.length > WIDTH) {
      out.push(`${pad}  ${cur}`);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(`${pad}  ${cur}`);
  return out;
}

/** action.yml's `inputs:` block (without a trailing blank line). */
export function actionInputsBlock() {
  const lines = [NOTICE, 'inputs:'];
  for (const o of optionsOf('action')) {
    const side = o.action;
    lines.push(`  ${nameAt(o, 'action')}:`);
    lines.push(...entry(4, 'description', side.description ?? o.description));
    lines.push('    required: false');
    lines.push(...entry(4, 'default', String(defaultAt(o, 'action'))));
  }
  return lines.join('\n');
}

/** templates/scan.yml's header document (without the `---` that ends it). */
export function gitlabSpecBlock() {
  const lines = [NOTICE, 'spec:', '  inputs:'];
  for (const o of optionsOf('gitlab')) {
    const side = o.gitlab;
    const dflt = defaultAt(o, 'gitlab');
    lines.push(`    ${nameAt(o, 'gitlab')}:`);
    lines.push(...entry(6, 'description', side.description ?? o.description));
    if (o.type === 'boolean') lines.push('      type: boolean');
    lines.push(...entry(6, 'default', dflt));
    if (o.type === 'enum') {
      const options = side.options ?? (dflt === '' ? ['', ...o.values] : o.values);
      lines.push(`      options: [${options.map((v) => scalar(v)).join(', ')}]`);
    }
    if (side.regex) lines.push(...entry(6, 'regex', side.regex));
  }
  return lines.join('\n');
}

const cell = (text) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const defaultCell = (v) => (v === '' ? '(empty)' : `\`${String(v)}\``);
const DOC_NOTICE = '<!-- Generated from src/core/options.ts by `npm run gen:front-doors`. -->';

/** The inputs table of a front door's docs page. */
export function inputsTable(door) {
  const rows = optionsOf(door).map((o) => {
    const description = o[door].description ?? o.description;
    return `| \`${nameAt(o, door)}\` | ${defaultCell(defaultAt(o, door))} | ${cell(description)} |`;
  });
  return [DOC_NOTICE, '', '| Input | Default | Description |', '| --- | --- | --- |', ...rows].join('\n');
}

/** A docs page with the table under its `## Inputs` heading replaced by the one the option table makes. */
async function renderInputsPage(text, file, door) {
  const heading = text.search(/^## Inputs\n/m);
  if (heading < 0) throw new Error(`${file}: no "## Inputs" section`);
  const start = text.slice(heading).search(/^(<!-- Generated [^\n]*\n\n)?\| Input /m) + heading;
  if (start < heading) throw new Error(`${file}: no inputs table under "## Inputs"`);
  const tableEnd = text.slice(start).search(/\n(?!\||<!--|\n\|)/);
  const end = start + (tableEnd < 0 ? text.length - start : tableEnd);
  return format(`${text.slice(0, start)}${inputsTable(door)}${text.slice(end)}`, file);
}

const DOOR_NAMES = { cli: 'CLI', action: 'GitHub Action', gitlab: 'GitLab component' };

/** docs/options.md: every option of every front door, with the reason wherever one differs. */
export async function renderOptionsPage(file = join(ROOT, 'docs', 'options.md')) {
  const at = (o, door) => {
    if (!o[door]) return '—';
    if (door === 'cli') {
      const c = o.cli;
      const flags = [`--${nameAt(o, 'cli')}`, ...(c.aliases ?? []).map((a) => `--${a}`)];
      if (c.short) flags.unshift(`-${c.short}`);
      return `${flags.map((f) => `\`${f}\``).join(', ')} (${c.commands.join(', ')})`;
    }
    return `\`${nameAt(o, door)}\`${o[door].default !== undefined ? `: ${defaultCell(o[door].default)}` : ''}`;
  };
  const rows = OPTIONS.map((o) => {
    const values = o.values ? o.values.map((v) => `\`${v}\``).join(', ') : '';
    const fallbacks = (o.env ?? []).map((e) => `\`${e}\``).join(', ');
    return `| \`${o.name}\` | ${o.type} | ${defaultCell(o.type === 'boolean' ? (o.default ?? false) : (o.default ?? ''))} | ${values} | ${at(o, 'cli')} | ${at(o, 'action')} | ${at(o, 'gitlab')} | ${fallbacks} | ${cell(o.description)} | ${cell(o.differs ?? '')} |`;
  });
  const text = [
    '# Options',
    '',
    DOC_NOTICE,
    '',
    "Every option of shipgate's three front doors, from the one table in the source (`src/core/options.ts`): the",
    `${DOOR_NAMES.cli} (its flags, per command), the ${DOOR_NAMES.action} (\`action.yml\` inputs) and the ${DOOR_NAMES.gitlab}`,
    '(`templates/scan.yml` `spec:inputs`). An option has the same name, default and values at every front door that',
    'has it; where a front door lacks it, or names, defaults or offers it differently, the last column says why. A',
    "default after a front door's name is that front door's own. Fallbacks are environment variables read when the",
    "option is not given (GitLab's Container-Scanning `CS_*` variables only in a GitLab CI job).",
    '',
    'Adding an option: see [CONTRIBUTING.md](../CONTRIBUTING.md#adding-an-option).',
    '',
    '| Option | Type | Default | Values | CLI | Action input | GitLab input | Fallback | Description | Why a front door differs |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  return format(text, file);
}

async function format(text, file) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

/** action.yml with its inputs from the table; the rest of the text is kept. */
export async function renderActionYml(text, file = join(ROOT, 'action.yml')) {
  const start = text.search(/^(# Generated from [^\n]*\n)?inputs:\n/m);
  const end = text.search(/^outputs:\n/m);
  if (start < 0 || end < start) throw new Error('action.yml: expected an inputs: block followed by outputs:');
  return format(`${text.slice(0, start)}${actionInputsBlock()}\n\n${text.slice(end)}`, file);
}

/** templates/scan.yml with its spec header from the table; the job is kept. */
export async function renderScanTemplate(text, file = join(ROOT, 'templates', 'scan.yml')) {
  const end = text.search(/^---$/m);
  if (end < 0) throw new Error('templates/scan.yml: expected a spec header ended by ---');
  return format(`${gitlabSpecBlock()}\n${text.slice(end)}`, file);
}

/** The front-door files that differ from what the table makes, with their up-to-date text. */
export async function staleFrontDoors(root = ROOT) {
  const stale = [];
  for (const [rel, render] of [
    ['action.yml', renderActionYml],
    ['templates/scan.yml', renderScanTemplate],
    ['docs/github-action.md', (text, file) => renderInputsPage(text, file, 'action')],
    ['docs/gitlab.md', (text, file) => renderInputsPage(text, file, 'gitlab')],
    ['docs/options.md', (_text, file) => renderOptionsPage(file)],
  ]) {
    const file = join(root, rel);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const fresh = await render(text, file);
    if (fresh !== text) stale.push({ file: rel, path: file, text: fresh });
  }
  return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = await staleFrontDoors();
  for (const s of stale) {
    if (check)
      console.error(`${s.file} is out of date with src/core/options.ts: run npm run gen:front-doors`);
    else {
      writeFileSync(s.path, s.text);
      console.log(`wrote ${s.file}`);
    }
  }
  if (check && stale.length) process.exitCode = 1;
}
