/** Secrets in a Dockerfile's own text, with exact locations. */
import type { Finding } from '../core/finding';
import { sourceFinding } from './findings';
import { maskLine, scanText } from './scanner';

/** Scans a Dockerfile; `path` is the repository-relative path used in the findings. */
export function scanDockerfileText(path: string, content: string): Finding[] {
  const matches = scanText(content, { kind: 'dockerfile', path });
  if (matches.length === 0) return [];
  const lines = content.split('\n');
  return matches.map((m) => {
    const line = (lines[m.line - 1] ?? '').replace(/\r$/, '');
    return sourceFinding(m, path, maskLine(line, m.line, matches).trim());
  });
}
