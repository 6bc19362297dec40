/** Plain-text helpers shared by error messages, logs and reports. Pure functions only. */

/** Collapses whitespace, including newlines, into single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
