// Validates every workflow in .github/workflows/ and action.yml against GitHub's schemas with action-validator
// (@action-validator/core: its Rust validator compiled to WebAssembly, shipped in the npm package). Part of
// `npm run lint`; prints one line per problem and exits 1 when there is any. Given file arguments, it checks
// those instead (a file named action.yml or action.yaml as an action, anything else as a workflow).
import { validateAction, validateWorkflow } from '@action-validator/core';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Node runtimes GitHub runs actions on that action-validator 0.6.0's schema predates (it knows node12 to
// node20). action.yml is validated with such a runtime stood in by node20; everything else is checked as is.
const NEWER_NODE_RUNTIMES = new Set(['node24']);

// Permissions GitHub added after action-validator 0.6.0's schema. Their values are checked here, then they are
// taken out so the rest of the file is validated as is.
const NEWER_PERMISSIONS = new Set(['attestations']);
const PERMISSION_LEVELS = new Set(['read', 'write', 'none']);

/** The workflow without NEWER_PERMISSIONS, and problems with their values. */
function workflowText(text) {
  const doc = parseDocument(text);
  const out = [];
  const scopes = [['permissions']];
  const jobs = doc.get('jobs');
  for (const job of jobs?.items ?? []) scopes.push(['jobs', String(job.key), 'permissions']);
  for (const path of scopes) {
    const perms = doc.getIn(path);
    if (!perms?.items) continue;
    for (const name of NEWER_PERMISSIONS) {
      if (!perms.has(name)) continue;
      const level = perms.get(name);
      if (!PERMISSION_LEVELS.has(level))
        out.push(`/${path.join('/')}/${name}: must be read, write or none (got ${String(level)})`);
      perms.delete(name);
    }
  }
  return { text: doc.toString(), problems: out };
}

/** The leaf problems of a validation error, one "path: title (detail)" line each. */
function problems(error) {
  if (error.states?.length) {
    // A oneOf failed: report the alternative that came closest, the one the file most likely meant.
    const closest = [...error.states].sort((a, b) => a.errors.length - b.errors.length)[0];
    return closest.errors.flatMap(problems);
  }
  const where = error.path ?? (error.location ? `line ${error.location.line}` : '');
  return [`${where}: ${error.title}${error.detail ? ` (${error.detail})` : ''}`];
}

function actionText(text) {
  const doc = parseDocument(text);
  const using = doc.getIn(['runs', 'using']);
  if (!NEWER_NODE_RUNTIMES.has(using)) return text;
  doc.setIn(['runs', 'using'], 'node20');
  return doc.toString();
}

function lintFiles(files) {
  const out = [];
  for (const file of files) {
    const text = readFileSync(resolve(root, file), 'utf8');
    const isAction = /^action\.ya?ml$/.test(basename(file));
    if (isAction) {
      for (const e of validateAction(actionText(text)).errors)
        for (const p of problems(e)) out.push(`${file}: ${p}`);
      continue;
    }
    const workflow = workflowText(text);
    for (const p of workflow.problems) out.push(`${file}: ${p}`);
    for (const e of validateWorkflow(workflow.text).errors)
      for (const p of problems(e)) out.push(`${file}: ${p}`);
  }
  return out;
}

const args = process.argv.slice(2);
const workflows = readdirSync(join(root, '.github', 'workflows'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => `.github/workflows/${f}`);
const found = lintFiles(args.length ? args : ['action.yml', ...workflows]);
for (const line of found) process.stderr.write(`${line}\n`);
if (found.length) process.exit(1);
