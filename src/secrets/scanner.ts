/**
 * The secret scanner: a pure function from text to matches. The raw value of every match is registered with
 * the logger's masking (addSecret) at once and never kept in the returned objects.
 */
import { addSecret, mask } from '../core/logger';
import type { Severity } from '../core/severity';
import { isPlaceholder } from './allow';
import { shannonEntropy } from './entropy';
import { redact } from '../core/redact';
import { secretFingerprint } from './redact';
import { SECRET_RULES, type SecretRule } from './rules';

/** Where a text comes from; decides path-specific rules and how strict the generic rule is. */
export interface SecretSource {
  kind: 'file' | 'env' | 'label' | 'cmd' | 'entrypoint' | 'history' | 'dockerfile' | 'context';
  /** File path (image path or repository path), env/label name, or history index. */
  path?: string;
}

export interface SecretMatch {
  ruleId: string;
  title: string;
  severity: Severity;
  /** 1-based line and column of the value's first character. */
  line: number;
  column: number;
  /** 1-based column just after the value when it ends on the same line. */
  endColumn?: number;
  endLine: number;
  /** Redacted form of the value (safe to show). */
  redacted: string;
  /** Fingerprint of rule id + value (safe to show). */
  fingerprint: string;
  /** Length of the value in characters. */
  length: number;
}

export interface ScanTextOptions {
  /** Only these rules (default all). */
  rules?: SecretRule[];
}

const CONFIG_EXTENSIONS =
  /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[^/]*\.(?:env|ini|cfg|conf|config|cnf|properties|ya?ml|toml|txt|sh|bash|zsh|ps1|tf|tfvars|hcl|npmrc|pypirc|netrc|credentials)|Dockerfile[^/]*|[^/]*\.dockerfile|credentials|config|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.pgpass|[^/.]+)$/i;

/** Sources where an unquoted `key=value` is a real assignment rather than code. */
export function isConfigLike(source: SecretSource): boolean {
  if (source.kind !== 'file' && source.kind !== 'context') return true;
  return source.path !== undefined && CONFIG_EXTENSIONS.test(source.path);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

function pickGroup(
  rule: SecretRule,
  m: RegExpExecArray,
): { value: string; start: number; group: number } | undefined {
  const indices = m.indices;
  if (!indices) return undefined;
  const groups =
    rule.group !== undefined
      ? [rule.group]
      : m.length > 1
        ? [...Array(m.length - 1).keys()].map((i) => i + 1)
        : [0];
  for (const g of groups) {
    const v = m[g];
    const span = indices[g];
    if (v !== undefined && v !== '' && span) return { value: v, start: span[0], group: g };
  }
  return undefined;
}

/** Candidate rules for a text: those with a keyword present (the fast prefilter). */
function candidates(text: string, rules: SecretRule[], source: SecretSource): SecretRule[] {
  const lower = text.toLowerCase();
  const out: SecretRule[] = [];
  for (const r of rules) {
    if (r.paths && !(source.path && r.paths.test(source.path))) continue;
    if (r.keywords.some((k) => lower.includes(k))) out.push(r);
  }
  return out;
}

/** A match with the 0-based offset of its value's first character in the scanned text. */
export interface SecretSpan {
  match: SecretMatch;
  start: number;
}

/** Scans a text for secrets. Pure apart from registering each raw value for masking. */
export function scanText(text: string, source: SecretSource, options: ScanTextOptions = {}): SecretMatch[] {
  return scanSpans(text, source, options).map((s) => s.match);
}

/** scanText with each match's offset in the text, ordered by offset. */
export function scanSpans(text: string, source: SecretSource, options: ScanTextOptions = {}): SecretSpan[] {
  const rules = candidates(text, options.rules ?? SECRET_RULES, source);
  if (rules.length === 0) return [];
  const ordered = [...rules.filter((r) => !r.late), ...rules.filter((r) => r.late)];
  const configLike = isConfigLike(source);
  const taken: [number, number][] = [];
  const overlaps = (a: number, b: number): boolean => taken.some(([s, e]) => a < e && s < b);
  let starts: number[] | undefined;
  const out: SecretSpan[] = [];
  for (const rule of ordered) {
    rule.regex.lastIndex = 0;
    for (let m = rule.regex.exec(text); m; m = rule.regex.exec(text)) {
      if (m[0].length === 0) rule.regex.lastIndex++;
      const picked = pickGroup(rule, m);
      if (!picked) continue;
      const { value, start, group } = picked;
      if (rule.configOnlyGroup === group && !configLike) continue;
      if (rule.allow?.some((a) => a.test(value))) continue;
      if (isPlaceholder(value)) continue;
      if (rule.minEntropy !== undefined && shannonEntropy(value) < rule.minEntropy) continue;
      if (rule.generic && !looksRandom(value)) continue;
      if (rule.validate && !rule.validate(value)) continue;
      const end = start + value.length;
      if (overlaps(start, end)) continue;
      taken.push([start, end]);
      addSecret(value);
      starts ??= lineStarts(text);
      const a = position(starts, start);
      const b = position(starts, end);
      const match: SecretMatch = {
        ruleId: rule.meta.id,
        title: rule.meta.title,
        severity: rule.meta.severity,
        line: a.line,
        column: a.column,
        endLine: b.line,
        ...(b.line === a.line ? { endColumn: b.column } : {}),
        redacted: redact(value),
        fingerprint: secretFingerprint(rule.meta.id, value),
        length: value.length,
      };
      out.push({ match, start });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * For the generic rule: the value mixes character classes like generated secrets do, and is not a path,
 * URL, identifier or expression.
 */
function looksRandom(value: string): boolean {
  if (/^[a-zA-Z_.-]+$/.test(value)) return false; // words and identifiers
  if (/^[a-z]+:\/\//i.test(value) || value.startsWith('/') || value.startsWith('./')) return false;
  if (/[()[\]{}<>]/.test(value)) return false; // code
  if (/^[\d.]+$/.test(value)) return false; // numbers and versions
  if (!/\d/.test(value)) return false; // generated secrets nearly always contain digits
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  return classes >= 3 || (classes >= 2 && value.length >= 32);
}

/** Masks every matched value in a line of text (for snippets): replaces the line's matched spans. */
export function maskLine(line: string, lineNumber: number, matches: SecretMatch[]): string {
  const spans = matches
    .filter((m) => m.line <= lineNumber && m.endLine >= lineNumber)
    .map((m) => ({
      start: m.line === lineNumber ? m.column - 1 : 0,
      end: m.endLine === lineNumber && m.endColumn !== undefined ? m.endColumn - 1 : line.length,
      redacted: m.redacted,
    }))
    .sort((a, b) => b.start - a.start);
  let out = line;
  for (const s of spans) out = `${out.slice(0, s.start)}${s.redacted}${out.slice(s.end)}`;
  return out;
}

/**
 * Text safe to show that may contain secrets (a history `created_by` line): scans it, which registers
 * every value found, and returns it with all registered secrets masked.
 */
export function safeText(text: string, source: SecretSource = { kind: 'history' }): string {
  scanText(text, source);
  return mask(text);
}
