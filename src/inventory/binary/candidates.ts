import type { FileEntry } from '../../image/types';

export const DEFAULT_MAX_BINARY = 200 * 1024 * 1024;

const SKIP_PREFIXES = ['/proc/', '/sys/', '/dev/', '/usr/share/', '/etc/', '/var/lib/dpkg/', '/usr/include/'];
/** Executable files that are never Go or Rust programs: scripts, shared libraries, kernel modules. */
const SKIP_NAMES =
  /\.(so(\.\d+)*|sh|bash|py|pl|pm|rb|js|mjs|cjs|php|txt|md|ko|a|o|jar|json|ya?ml|conf|service)$/;

/** Executables worth opening to look for embedded Go or Rust dependency information. */
export function isBinaryCandidate(entry: FileEntry, maxBytes: number): boolean {
  if (entry.type !== 'file' || (entry.mode & 0o111) === 0) return false;
  if (entry.size < 1024 || entry.size > maxBytes) return false;
  if (SKIP_PREFIXES.some((p) => entry.path.startsWith(p))) return false;
  return !SKIP_NAMES.test(entry.path);
}
