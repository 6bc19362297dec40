/**
 * Plain-text helpers shared by error messages, logs and reports. Untrusted text (file names, labels, package
 * names, history lines, registry messages) goes through them before it is printed. Pure functions only.
 */

/* eslint-disable no-control-regex -- matching control characters is the point here */
const ANSI_SEQUENCE = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?)/g;
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
/** C0/C1 controls except tab, line feed and carriage return, and the bidirectional overrides. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * Strips terminal escape sequences, control characters and bidirectional overrides (which reorder what a
 * reader sees); keeps tabs and line breaks, for multi-line text such as report descriptions.
 */
export function stripControl(text: string): string {
  return text
    .replace(ANSI_SEQUENCE, '')
    .replace(/\r(?!\n)/g, '\n')
    .replace(CONTROL, '');
}

/** Untrusted text made safe to print on one line: stripped as stripControl, with line breaks as spaces. */
export function printable(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(LINE_BREAK, ' ').replace(CONTROL, '');
}

/** One printable line with whitespace runs collapsed: error messages and log lines. */
export function oneLine(text: string): string {
  return printable(text).replace(/\s+/g, ' ').trim();
}
