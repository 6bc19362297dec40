/** The job summary: markdown appended to the file in GITHUB_STEP_SUMMARY. */
import { appendFileSync } from 'node:fs';

/** GitHub accepts at most 1 MiB of summary per step. */
const MAX_SUMMARY_BYTES = 1024 * 1024;

/** Appends markdown to the step summary; returns false when GITHUB_STEP_SUMMARY is not set. */
export function appendJobSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  let text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  if (Buffer.byteLength(text) > MAX_SUMMARY_BYTES) {
    const note =
      '\n\n… (cut to fit the 1 MiB job summary limit; the full report is in the SARIF and JSON files)\n';
    text = `${Buffer.from(text)
      .subarray(0, MAX_SUMMARY_BYTES - Buffer.byteLength(note) - 4)
      .toString('utf8')
      .replace(/\uFFFD+$/, '')}${note}`;
  }
  appendFileSync(file, text);
  return true;
}
