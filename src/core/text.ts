/** Plain-text helpers shared by error messages, logs and reports. Pure functions only. */

/** Collapses whitespace, including newlines, into single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/* eslint-disable no-control-regex -- matching control characters is the point here */
const ANSI_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

/** Strips terminal control characters (escape sequences, carriage returns) from untrusted text. */
export function stripControl(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(CONTROL, '');
}
