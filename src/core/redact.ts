/** Redaction of secret values, source ranges and URLs before they reach a log or a report. Pure functions. */

export interface RedactOptions {
  /**
   * Show this many leading characters, then `****`. Without it the value gets the scanner form: at most the
   * first and last 4 characters, never more than 30% of the value, nothing for short values.
   */
  keep?: number;
  /**
   * The first `keep` characters are the fixed, public prefix of a credential format (`ghp_`, `glpat-`):
   * show them in full. Otherwise `keep` is capped at a quarter of the value.
   */
  knownPrefix?: boolean;
}

/** Values shorter than this are shown as stars only in the scanner form. */
const MIN_SHOWN_LENGTH = 16;
const MAX_STARS = 16;

function scannerForm(value: string): string {
  // Whitespace inside a value (PEM bodies, escaped newlines) is not shown.
  const v = value.replace(/\\n|\s+/g, '');
  const len = v.length;
  if (len < MIN_SHOWN_LENGTH) return '*'.repeat(Math.max(3, Math.min(len, 8)));
  const budget = Math.floor(len * 0.3);
  const prefix = Math.min(4, Math.ceil(budget / 2));
  const suffix = Math.min(4, budget - prefix);
  const stars = '*'.repeat(Math.min(MAX_STARS, len - prefix - suffix));
  return `${v.slice(0, prefix)}${stars}${suffix > 0 ? v.slice(len - suffix) : ''}`;
}

/** The form of a secret value that may be shown. */
export function redact(value: string, options: RedactOptions = {}): string {
  const { keep } = options;
  if (keep === undefined) return scannerForm(value);
  if (options.knownPrefix) return `${value.slice(0, keep)}****`;
  if (value.length <= 4) return '****';
  return `${value.slice(0, Math.min(keep, Math.floor(value.length / 4)))}****`;
}

/** `text` with the characters from index `start` up to `end` (exclusive, clamped) replaced by `*`. */
export function maskRange(text: string, start: number, end: number): string {
  const s = Math.max(0, start);
  const e = Math.min(text.length, end);
  return e > s ? `${text.slice(0, s)}${'*'.repeat(e - s)}${text.slice(e)}` : text;
}

/** A URL safe for messages: scheme, host and path; never user info, query string or fragment. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '<invalid url>';
  }
}
