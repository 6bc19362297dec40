/**
 * Scanning large texts in overlapping windows, so that the regular expressions never run over one huge string
 * and a secret anywhere in the text is found once, at its true line and column.
 *
 * Window k covers [start_k, start_k + size). The next window starts `overlap` before that end (moved back to
 * the start of a line when one is near, so that `^` anchors keep meaning "start of line"). A match belongs to
 * the window whose share it starts in; the shares meet half-way through each overlap. So every match owned
 * by a window has at least overlap/2 characters of text before it (the `key =` part that keyed rules need)
 * and fits in that window when it is at most overlap/2 characters long.
 * A file's bytes are scanned as latin1 (one character per byte) and decoded one window at a time, so a large
 * file is never held as one string beside its bytes.
 */
import { scanSpans, type ScanTextOptions, type SecretMatch, type SecretSource } from './scanner';
import { ShipgateError } from '../core/errors';

export interface WindowOptions {
  /** Characters per window. Default 4 MiB. */
  size?: number;
  /** Characters shared by consecutive windows. Default 128 KiB: twice the longest value a rule matches. */
  overlap?: number;
}

/** How much of a file is scanned by default (64 MiB: the most the image walker reads of a file by default). */
export const DEFAULT_SECRETS_MAX_FILE_SIZE = 64 * 1024 * 1024;
export const DEFAULT_WINDOW_SIZE = 4 * 1024 * 1024;
export const DEFAULT_WINDOW_OVERLAP = 128 * 1024;

interface Window {
  start: number;
  end: number;
}

/** A text or the bytes of one (read as latin1: byte offsets are character offsets). */
type Text = string | Buffer;

const NEWLINE = 0x0a;

/** The last newline at or before `at` (which is at least 0), or -1. */
function lastNewline(text: Text, at: number): number {
  return typeof text === 'string' ? text.lastIndexOf('\n', at) : text.lastIndexOf(NEWLINE, at);
}

function nextNewline(text: Text, from: number): number {
  return typeof text === 'string' ? text.indexOf('\n', from) : text.indexOf(NEWLINE, from);
}

function decode(text: Text, start: number, end: number): string {
  return typeof text === 'string' ? text.slice(start, end) : text.toString('latin1', start, end);
}

/** The windows over a text of `length` characters; a single window when it fits. */
export function windowsOf(text: Text, size: number, overlap: number): Window[] {
  if (!(size > 0) || !(overlap >= 0) || overlap * 2 > size) {
    throw new ShipgateError(
      'INTERNAL',
      `window size ${size} must be positive and at least twice the overlap ${overlap}`,
    );
  }
  const out: Window[] = [];
  let start = 0;
  for (;;) {
    const end = Math.min(text.length, start + size);
    out.push({ start, end });
    if (end === text.length) return out;
    const nominal = end - overlap;
    // Start at a line start when one lies in the second half of the step, else mid-line.
    const lineStart = lastNewline(text, nominal - 1) + 1;
    start = lineStart >= start + (size - overlap) / 2 ? lineStart : nominal;
  }
}

function countNewlines(text: Text, from: number, to: number): number {
  let n = 0;
  for (let i = nextNewline(text, from); i !== -1 && i < to; i = nextNewline(text, i + 1)) n++;
  return n;
}

/**
 * Scans a text of any length in overlapping windows. Gives the same matches as scanText for every secret of
 * at most overlap/2 characters; a longer one that crosses a window boundary may be missed.
 */
export function scanTextWindowed(
  text: Text,
  source: SecretSource,
  options: ScanTextOptions & WindowOptions = {},
): SecretMatch[] {
  const size = options.size ?? DEFAULT_WINDOW_SIZE;
  const overlap = options.overlap ?? DEFAULT_WINDOW_OVERLAP;
  const scanOptions: ScanTextOptions = options.rules ? { rules: options.rules } : {};
  const windows = windowsOf(text, size, overlap);
  const out: SecretMatch[] = [];
  let linesBefore = 0;
  let counted = 0;
  windows.forEach((w, k) => {
    linesBefore += countNewlines(text, counted, w.start);
    counted = w.start;
    const next = windows[k + 1];
    const shareStart = k === 0 ? 0 : Math.ceil((w.start + windows[k - 1]!.end) / 2);
    const shareEnd = next ? Math.ceil((next.start + w.end) / 2) : text.length;
    // Column of the window's first character on its line (non-zero only when the window starts mid-line).
    const shift = w.start === 0 ? 0 : w.start - (lastNewline(text, w.start - 1) + 1);
    for (const { match, start } of scanSpans(decode(text, w.start, w.end), source, scanOptions)) {
      const at = w.start + start;
      if (at < shareStart || at >= shareEnd) continue;
      const m: SecretMatch = {
        ...match,
        line: match.line + linesBefore,
        endLine: match.endLine + linesBefore,
      };
      if (match.line === 1) m.column += shift;
      if (match.endLine === 1 && m.endColumn !== undefined) m.endColumn += shift;
      out.push(m);
    }
  });
  return out;
}
