import type { LogLevel } from '../core/logger';

/** A log line as the CLI prints it: warnings and errors tagged. */
export function tagged(level: LogLevel, line: string): string {
  const tag = level === 'warn' ? 'warning: ' : level === 'error' ? 'error: ' : '';
  return `${tag}${line}\n`;
}
