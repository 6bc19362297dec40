/**
 * Untrusted text (file names, labels, package names, history lines, registry messages) made safe to print
 * on one line: terminal escape sequences and control characters are removed, line breaks become spaces, and
 * bidirectional overrides (which reorder what a reader sees) are dropped. Tabs stay.
 */
/* eslint-disable no-control-regex -- matching control characters is the point here */
const ANSI_SEQUENCE = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?)/g;
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

export function printable(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(LINE_BREAK, ' ').replace(CONTROL, '');
}
