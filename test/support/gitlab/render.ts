/**
 * Renders a GitLab CI/CD component template the way GitLab does at pipeline creation, per
 * docs.gitlab.com/ci/inputs: a `spec: inputs:` header document, `---`, then the configuration, in which every
 * `$[[ inputs.<name> ]]` block is replaced by the input's value.
 *
 * Rules implemented (each one throws with GitLab's wording when broken):
 * - an input without `default` is mandatory; an input that is given but not declared is an error;
 * - `type` is string (default), number, boolean or array, and the value (given or default) must have it;
 * - `options` lists the allowed values; `regex` (string inputs only, RE2 syntax, no surrounding slashes)
 *   must match the value;
 * - a YAML value that is exactly one interpolation block takes the input's value with its type; a block
 *   inside a longer string is replaced by the value as text (arrays as JSON); keys are interpolated too;
 * - values are inserted once: a `$[[ ]]` inside a value is not interpolated again;
 * - interpolation functions (`| expand_vars`, ...) are not used by shipgate's templates and are refused here.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

type InputType = 'string' | 'number' | 'boolean' | 'array';

interface InputSpec {
  type?: InputType;
  default?: unknown;
  description?: string;
  options?: unknown[];
  regex?: string;
}

export interface Template {
  header: { spec: { inputs: Record<string, InputSpec | null> } };
  body: Record<string, unknown>;
  /** The configuration document's text, for checks on how inputs are used. */
  bodyText: string;
}

const BLOCK = /\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*(\|[^\]]*)?\]\]/g;
const WHOLE = /^\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*(\|[^\]]*)?\]\]$/;

export function loadTemplate(path: string): Template {
  const text = readFileSync(path, 'utf8');
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error(`${path}: not YAML`);
  if (docs.length !== 2)
    throw new Error(`${path}: expected a spec header and a configuration, got ${docs.length} documents`);
  for (const d of docs) if (d.errors.length) throw new Error(`${path}: ${d.errors[0]!.message}`);
  const header = docs[0]!.toJS() as Template['header'];
  const body = docs[1]!.toJS() as Record<string, unknown>;
  const bodyText = text.slice(docs[1]!.range[0]);
  return { header, body, bodyText };
}

function typeOf(v: unknown): InputType | 'other' {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return typeof v as InputType;
  return 'other';
}

/** Problems with the header per GitLab's rules for `spec:inputs`, plus inputs the configuration never uses. */
export function checkSpec(t: Template): string[] {
  const out: string[] = [];
  const keys = Object.keys(t.header);
  if (keys.length !== 1 || keys[0] !== 'spec')
    out.push(`the header must hold only "spec", found ${keys.join(', ')}`);
  const used = new Set([...t.bodyText.matchAll(BLOCK)].map((m) => m[1]!));
  for (const name of used)
    if (!(name in t.header.spec.inputs)) out.push(`unknown interpolation key: \`${name}\``);
  for (const [name, raw] of Object.entries(t.header.spec.inputs)) {
    const s = raw ?? {};
    const type = s.type ?? 'string';
    for (const k of Object.keys(s))
      if (!['type', 'default', 'description', 'options', 'regex', 'rules'].includes(k))
        out.push(`${name}: unknown keyword ${k}`);
    if (!['string', 'number', 'boolean', 'array'].includes(type)) out.push(`${name}: unknown type ${type}`);
    if (!s.description) out.push(`${name}: no description`);
    if (s.description && s.description.length > 1024)
      out.push(`${name}: description longer than 1024 characters`);
    if ('default' in s && typeOf(s.default) !== type) out.push(`${name}: default is not a ${type}`);
    if (s.options) {
      for (const o of s.options)
        if (typeOf(o) !== type) out.push(`${name}: option ${String(o)} is not a ${type}`);
      if ('default' in s && !s.options.includes(s.default))
        out.push(`${name}: default is not among the options`);
    }
    if (s.regex !== undefined) {
      if (type !== 'string') out.push(`${name}: regex is only allowed on string inputs`);
      if (/^\/.*\/$/.test(s.regex)) out.push(`${name}: regex must not be wrapped in slashes`);
      if (/\(\?<?[=!]|\\[1-9]/.test(s.regex))
        out.push(`${name}: regex uses lookaround or backreferences (not RE2)`);
      if (typeof s.default === 'string' && !new RegExp(s.regex).test(s.default))
        out.push(`${name}: default does not match its regex`);
    }
    if (!used.has(name)) out.push(`${name}: declared but never used`);
  }
  return out;
}

/** The value of every input: given values checked against the spec, defaults for the rest. */
function resolveInputs(t: Template, given: Record<string, unknown>): Record<string, unknown> {
  const spec = t.header.spec.inputs;
  for (const name of Object.keys(given))
    if (!(name in spec)) throw new Error(`unknown input name provided: \`${name}\``);
  const values: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(spec)) {
    const s = raw ?? {};
    const type = s.type ?? 'string';
    let v: unknown;
    if (name in given) v = given[name];
    else if ('default' in s) v = s.default;
    else throw new Error(`\`${name}\` input: required value has not been provided`);
    if (typeOf(v) !== type) throw new Error(`\`${name}\` input: provided value is not a ${type}`);
    if (s.options && !s.options.includes(v))
      throw new Error(
        `\`${name}\` input: \`${String(v)}\` cannot be used because it is not in the list of allowed options`,
      );
    if (s.regex !== undefined && !new RegExp(s.regex).test(v as string))
      throw new Error(`\`${name}\` input: provided value does not match required RegEx pattern`);
    values[name] = v;
  }
  return values;
}

function asText(v: unknown): string {
  return Array.isArray(v) ? JSON.stringify(v) : String(v);
}

function valueOf(values: Record<string, unknown>, name: string, fn: string | undefined): unknown {
  if (fn) throw new Error(`interpolation functions are not supported here: ${fn}`);
  if (!(name in values)) throw new Error(`unknown interpolation key: \`${name}\``);
  return values[name];
}

function interpolateString(s: string, values: Record<string, unknown>): unknown {
  const whole = WHOLE.exec(s);
  if (whole) return valueOf(values, whole[1]!, whole[2]);
  return s.replace(BLOCK, (_m, name: string, fn: string | undefined) => asText(valueOf(values, name, fn)));
}

/** The configuration with every interpolation block replaced. */
function interpolate(node: unknown, values: Record<string, unknown>): unknown {
  if (typeof node === 'string') return interpolateString(node, values);
  if (Array.isArray(node)) return node.map((n) => interpolate(n, values));
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node))
      out[asText(interpolateString(k, values))] = interpolate(v, values);
    return out;
  }
  return node;
}

export function render(path: string, given: Record<string, unknown> = {}): Record<string, unknown> {
  const t = loadTemplate(path);
  return interpolate(t.body, resolveInputs(t, given)) as Record<string, unknown>;
}
