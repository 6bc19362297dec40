/** Parsers for RFC 822-style control files (dpkg status, apk installed, Python METADATA). */
import { ShipgateError } from '../core/errors';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a package database file; binary content (invalid UTF-8 or NUL bytes) is not one. */
export function databaseText(content: Uint8Array): string {
  let text: string;
  try {
    text = UTF8.decode(content);
  } catch {
    throw new ShipgateError('IMAGE_FORMAT', 'not UTF-8 text');
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new ShipgateError('IMAGE_FORMAT', `binary content (a NUL byte at offset ${nul})`);
  return text;
}

/**
 * Splits text into paragraphs of `Key: value` fields; continuation lines are appended with a newline. A line
 * that is neither a field nor a continuation makes the file unreadable, as it does for dpkg.
 */
export function parseControlParagraphs(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let cur = new Map<string, string>();
  let lastKey: string | undefined;
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') {
      if (cur.size) out.push(cur);
      cur = new Map();
      lastKey = undefined;
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && lastKey) {
      cur.set(lastKey, `${cur.get(lastKey)}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || line[0] === ' ' || line[0] === '\t')
      throw new ShipgateError('IMAGE_FORMAT', `line ${i + 1} is neither a field nor a continuation`);
    lastKey = line.slice(0, colon).trim();
    cur.set(lastKey, line.slice(colon + 1).trim());
  }
  if (cur.size) out.push(cur);
  return out;
}

/** Email-style headers (Python METADATA/PKG-INFO): repeated keys are kept, the body is ignored. */
export function parseHeaders(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let lastKey: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    if ((line[0] === ' ' || line[0] === '\t') && lastKey) {
      const list = out.get(lastKey)!;
      list[list.length - 1] += `\n${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    lastKey = line.slice(0, colon).trim().toLowerCase();
    const list = out.get(lastKey) ?? [];
    list.push(line.slice(colon + 1).trim());
    out.set(lastKey, list);
  }
  return out;
}
