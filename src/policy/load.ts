/** Finds, reads and validates shipgate.yaml. I/O lives here; parsePolicy is pure. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { core } from 'zod/mini';
import { oneLine, ShipgateError } from '../core/errors';
import { defaultPolicy, findPolicyFile, type Policy } from './defaults';
import { policySchema } from './schema';

export { defaultPolicy, findPolicyFile, POLICY_FILE_NAMES, type Policy } from './defaults';

// Parsing YAML costs about a second per megabyte; a policy is a few kilobytes.
const MAX_POLICY_BYTES = 4 * 1024 * 1024;

/** Loads the explicit policy file, else the one at the repository root, else the default policy. */
export function loadPolicy(repoRoot: string, explicitPath?: string): Policy {
  let file: string | undefined;
  if (explicitPath) {
    file = isAbsolute(explicitPath) ? explicitPath : resolve(repoRoot, explicitPath);
    if (!existsSync(file))
      throw new ShipgateError('NOT_FOUND', `policy file ${explicitPath} does not exist`, {
        hint: 'check the --config flag or the action input `config`',
      });
    if (statSync(file).isDirectory())
      throw new ShipgateError('INPUT', `policy file ${explicitPath} is a directory`, {
        hint: 'give the path of the shipgate.yaml file itself',
      });
  } else {
    file = findPolicyFile(repoRoot);
    if (!file) return defaultPolicy();
  }
  const rel = relative(repoRoot, file);
  const display = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : file;
  if (statSync(file).size > MAX_POLICY_BYTES)
    throw new ShipgateError('CONFIG_INVALID', `${display} is larger than ${MAX_POLICY_BYTES >> 20} MiB`, {
      hint: 'a policy is a few kilobytes; move long ignore lists into fewer, broader entries',
    });
  const policy = parsePolicy(readFileSync(file, 'utf8'), display);
  return { ...policy, baseDir: resolve(file, '..') };
}

/** Parses and validates policy text; `name` prefixes every error message. */
export function parsePolicy(text: string, name = 'shipgate.yaml'): Policy {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    const where = pos ? `:${pos.line}:${pos.col}` : '';
    const msg =
      yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'syntax error';
    throw new ShipgateError('CONFIG_INVALID', `${name}${where}: YAML syntax error: ${msg}`);
  }
  let data: unknown;
  try {
    // Alias expansion is bounded: a billion-laughs document is refused, not expanded.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ShipgateError('CONFIG_INVALID', `${name}: ${oneLine((e as Error).message)}`, {
      hint: 'use fewer YAML aliases (*name); write the values out',
    });
  }
  if (data === null || data === undefined)
    throw new ShipgateError(
      'CONFIG_INVALID',
      `${name}: the file is empty (expected a mapping with version: 1)`,
    );
  if (typeof data !== 'object' || Array.isArray(data))
    throw new ShipgateError('CONFIG_INVALID', `${name}: expected a mapping with version: 1 at the top level`);
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0];
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new ShipgateError(
      'CONFIG_INVALID',
      `${name}: ${first ? describeIssue(first, data) : 'invalid'}${more}`,
      {
        hint: 'see docs/policy.md for every key, or point your editor at schemas/shipgate.schema.json',
      },
    );
  }
  return { ...parsed.data, source: name };
}

type Issue = core.$ZodIssue;

/** "gate.fail-on: invalid value "urgent" (expected one of critical, high, medium, low, info, none)". */
function describeIssue(issue: Issue, input: unknown): string {
  const path = formatPath(issue.path);
  const at = path ? `${path}: ` : '';
  const value = valueAt(input, issue.path);
  if (value === undefined && (issue.code === 'invalid_value' || issue.code === 'invalid_type'))
    return `${at}required`;
  switch (issue.code) {
    case 'invalid_value':
      if (issue.path.length && issue.path[issue.path.length - 1] === 'version')
        return `${at}unsupported version ${show(value)} (expected 1)`;
      return `${at}invalid value ${show(value)} (expected one of ${issue.values.map(String).join(', ')})`;
    case 'unrecognized_keys':
      return issue.keys
        .map((k) => `${formatPath([...issue.path, k])}: unknown key`)
        .join(', ')
        .concat(suggestion(issue.keys[0]));
    case 'invalid_type':
      return `${at}expected ${issue.expected}, got ${typeName(value)}${show(value) ? ` ${show(value)}` : ''}`;
    case 'invalid_format':
      if (issue.format === 'date') return `${at}invalid date ${show(value)} (expected YYYY-MM-DD)`;
      return `${at}invalid ${issue.format} ${show(value)}`;
    case 'too_small':
      if (typeof value === 'string') return `${at}must not be empty`;
      return `${at}must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `${at}must be at most ${String(issue.maximum)}`;
    case 'invalid_key':
      return `${at}invalid key`;
    default:
      return `${at}${issue.message}`;
  }
}

const KNOWN_KEYS = [
  'version',
  'gate',
  'fail-on',
  'only-fixable',
  'max',
  'parts',
  'dockerfile',
  'require-non-root',
  'require-multistage',
  'require-digest-pinned-base',
  'minimal-base',
  'allowed-registries',
  'manifests',
  'pss',
  'rules',
  'enabled',
  'severity',
  'ignores',
  'id',
  'paths',
  'packages',
  'images',
  'reason',
  'expires',
  'secrets',
  'allow',
  'fingerprint',
  'rule',
  'vulnerabilities',
  'ignore-unfixed',
  'vex',
  'kev',
  'epss',
  'epss-above',
  'epss-file',
  'kev-file',
];

function suggestion(key: string | undefined): string {
  if (!key) return '';
  const norm = (s: string) => s.toLowerCase().replace(/[_\s]/g, '-');
  const k = norm(key);
  const hit = KNOWN_KEYS.find(
    (known) => known !== key && (known === k || known === `${k}s` || `${known}s` === k),
  );
  return hit ? ` (did you mean "${hit}"?)` : '';
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'mapping';
  return typeof v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v === undefined) return '(missing)';
  if (typeof v === 'object' && v !== null) return '';
  return String(v);
}
