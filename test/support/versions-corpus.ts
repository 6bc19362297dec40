/**
 * Real version strings for the comparator oracles: every Version and Source version apt knows about
 * (the Packages lists under /var/lib/apt/lists, read through `apt-cache dumpavail`), the installed
 * packages in /var/lib/dpkg/status, plus systematic mutations, and a seeded PRNG to pair them up.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** Mulberry32: deterministic pairs for a given seed, so a failure can be reproduced. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function listsPresent(): boolean {
  const dir = '/var/lib/apt/lists';
  return existsSync(dir) && readdirSync(dir).some((f) => f.includes('_Packages'));
}

/** Makes sure apt has package lists (runs `apt-get update` as root when they are missing). */
function ensureAptLists(): void {
  if (listsPresent()) return;
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update', '-qq'], { stdio: 'ignore' });
  }
}

function versionsFromStanzas(text: string, into: Set<string>): void {
  for (const line of text.split('\n')) {
    if (line.startsWith('Version: ')) into.add(line.slice(9).trim());
    else if (line.startsWith('Source: ')) {
      const m = /\(([^)]+)\)/.exec(line);
      if (m) into.add(m[1]!.trim());
    }
  }
}

/** Distinct real Debian versions known to this system. */
export function realDebianVersions(): string[] {
  ensureAptLists();
  const out = new Set<string>();
  try {
    const dump = execFileSync('apt-cache', ['dumpavail'], { maxBuffer: 1 << 30, encoding: 'utf8' });
    versionsFromStanzas(dump, out);
  } catch {
    /* apt-cache unavailable: the dpkg status below still gives real versions */
  }
  if (existsSync('/var/lib/dpkg/status'))
    versionsFromStanzas(readFileSync('/var/lib/dpkg/status', 'utf8'), out);
  return [...out].sort();
}
