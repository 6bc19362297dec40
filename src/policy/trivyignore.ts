/**
 * Trivy's ignore files as policy entries: `.trivyignore` (one id a line, `#` comments, an optional
 * `exp:YYYY-MM-DD`) and `.trivyignore.yaml` (`vulnerabilities:`, `misconfigurations:`, `secrets:` lists of
 * `id`, `paths`, `statement`, `expired_at`). Pure: takes the text, returns ignores and secret allowances.
 */
import { parseDocument } from 'yaml';
import { ShipgateError } from '../core/errors';
import type { FindingKind } from '../core/finding';
import type { PolicyIgnore, SecretAllow } from './schema';

/** One entry of a trivy ignore file, before its id is mapped onto shipgate's. */
export interface TrivyIgnoreEntry {
  id: string;
  /** The YAML list it came from; undefined for the plain format, which does not say. */
  list?: 'vulnerabilities' | 'misconfigurations' | 'secrets';
  paths?: string[];
  statement?: string;
  expires?: string;
}

/** A shipgate rule a trivy id stands for: its id and kind. */
export interface MappedRule {
  id: string;
  kind: FindingKind;
}

const YAML_LISTS = ['vulnerabilities', 'misconfigurations', 'secrets'] as const;
const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/;

/** Whether a file name is the YAML form (`.trivyignore.yaml`, `ignores.yml`). */
export function isYamlIgnoreFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Parses the plain `.trivyignore` format; `name` prefixes errors. */
export function parseTrivyIgnore(text: string, name = '.trivyignore'): TrivyIgnoreEntry[] {
  const out: TrivyIgnoreEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const [id, ...fields] = line.split(/\s+/);
    const entry: TrivyIgnoreEntry = { id: id! };
    for (const field of fields) {
      const exp = /^exp:(.*)$/.exec(field);
      if (!exp)
        throw new ShipgateError('CONFIG_INVALID', `${name}:${i + 1}: unexpected "${field}" after ${id}`, {
          hint: 'write one id a line, optionally followed by exp:YYYY-MM-DD',
        });
      entry.expires = isoDate(exp[1]!, `${name}:${i + 1}`);
    }
    out.push(entry);
  });
  return out;
}

/** Parses trivy's `.trivyignore.yaml`; `name` prefixes errors. */
export function parseTrivyIgnoreYaml(text: string, name = '.trivyignore.yaml'): TrivyIgnoreEntry[] {
  const doc = parseDocument(text, { uniqueKeys: true });
  const err = doc.errors[0];
  if (err)
    throw new ShipgateError(
      'CONFIG_INVALID',
      `${name}: YAML syntax error: ${err.message.split('\n')[0] ?? 'syntax error'}`,
    );
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object' || Array.isArray(data))
    throw new ShipgateError('CONFIG_INVALID', `${name}: expected a mapping of ${YAML_LISTS.join(', ')}`);
  const out: TrivyIgnoreEntry[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const list = YAML_LISTS.find((l) => l === key);
    // trivy's other lists (licenses) have no shipgate counterpart: skipping them is what trivy does for unknown kinds.
    if (!list) continue;
    if (value === null) continue;
    if (!Array.isArray(value)) throw new ShipgateError('CONFIG_INVALID', `${name}: ${key}: expected a list`);
    value.forEach((item: unknown, i) => out.push(yamlEntry(item, list, `${name}: ${key}[${i}]`)));
  }
  return out;
}

function yamlEntry(item: unknown, list: TrivyIgnoreEntry['list'], at: string): TrivyIgnoreEntry {
  if (item === null || typeof item !== 'object' || Array.isArray(item))
    throw new ShipgateError('CONFIG_INVALID', `${at}: expected a mapping with an id`);
  const { id, paths, statement, expired_at: expiredAt } = item as Record<string, unknown>;
  if (typeof id !== 'string' || !id.trim())
    throw new ShipgateError('CONFIG_INVALID', `${at}: id: required`, { hint: 'e.g. id: CVE-2024-1234' });
  const entry: TrivyIgnoreEntry = { id: id.trim(), ...(list ? { list } : {}) };
  if (paths !== undefined && paths !== null) {
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string' && p.trim()))
      throw new ShipgateError('CONFIG_INVALID', `${at}: paths: expected a list of paths`);
    if (paths.length) entry.paths = paths.map((p: string) => p.trim());
  }
  if (typeof statement === 'string' && statement.trim()) entry.statement = statement.trim();
  if (expiredAt !== undefined && expiredAt !== null) {
    const text = expiredAt instanceof Date ? expiredAt.toISOString() : String(expiredAt);
    entry.expires = isoDate(text, `${at}: expired_at`);
  }
  return entry;
}

function isoDate(text: string, at: string): string {
  const m = DATE.exec(text.trim());
  const day = m?.[1];
  if (!day || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw new ShipgateError('CONFIG_INVALID', `${at}: invalid date "${text}" (expected YYYY-MM-DD)`);
  return day;
}

/**
 * Normal form of a check id for matching across spellings: trivy writes the same misconfiguration as DS002,
 * DS-0002 or AVD-DS-0002.
 */
export function normalizePeerId(id: string): string {
  const upper = id.trim().toUpperCase().replace(/^AVD-/, '');
  const m = /^([A-Z]+)-?0*(\d+)$/.exec(upper);
  return m ? `${m[1]}-${m[2]!.padStart(4, '0')}` : upper;
}

/**
 * Entries as policy ignores and secret allowances: ids shipgate knows under another name are mapped onto its
 * rules (`rules`, keyed by normalizePeerId; one trivy check may be several shipgate rules, e.g. the Dockerfile's
 * and the image configuration's), vulnerability ids (CVE, GHSA, ...) stay as they are. Secrets pass only
 * through secrets.allow, so entries for secret rules become allowances.
 */
export function trivyIgnoresToPolicy(
  entries: readonly TrivyIgnoreEntry[],
  rules: ReadonlyMap<string, readonly MappedRule[]>,
  source: string,
): { ignores: PolicyIgnore[]; allow: SecretAllow[] } {
  const ignores: PolicyIgnore[] = [];
  const allow: SecretAllow[] = [];
  for (const e of entries) {
    const mapped = rules.get(normalizePeerId(e.id)) ?? [];
    const reason = `from ${source}${mapped.length ? ` (${e.id})` : ''}${e.statement ? `: ${e.statement}` : ''}`;
    const common = {
      ...(e.paths ? { paths: e.paths } : {}),
      reason,
      ...(e.expires ? { expires: e.expires } : {}),
    };
    const targets: MappedRule[] = mapped.length
      ? [...mapped]
      : [{ id: e.id, kind: e.list === 'secrets' ? 'secret' : 'vulnerability' }];
    for (const rule of targets) {
      if (rule.kind === 'secret') allow.push({ rule: rule.id, ...common });
      else ignores.push({ id: rule.id, ...common });
    }
  }
  return { ignores, allow };
}
