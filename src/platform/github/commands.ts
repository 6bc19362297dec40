/**
 * Printing text the runner must not act on. The runner reads a line that starts with `::` as a workflow
 * command (`::add-mask::`, `::error::`, `::stop-commands::` ...); text that could hold one is wrapped in a
 * `::stop-commands::TOKEN` ... `::TOKEN::` block with a fresh random token, as GitHub documents, so it is
 * shown and never executed.
 */
import { randomBytes } from 'node:crypto';

/** The lines to print for `text`: itself, or itself inside a stop-commands block when it contains `::`. */
export function inertLines(text: string, token: string = randomBytes(16).toString('hex')): string[] {
  if (!text.includes('::')) return [text];
  return [`::stop-commands::${token}`, text, `::${token}::`];
}
