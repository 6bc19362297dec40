// What the peer transcribers (peers-hadolint.mjs, peers-trivy.mjs, peers-dockle.mjs) share: the upstream mirror
// they read, and the peer check ids shipgate's Dockerfile rules declare equivalent.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `git` on the mirror named by the first argument, and the commit it is at; exits 2 with `usage` without one. */
export function upstreamMirror(usage) {
  const gitDir = process.argv[2];
  if (!gitDir) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  const git = (...args) => execFileSync('git', ['-C', gitDir, ...args], { encoding: 'utf8' });
  return { git, commit: git('rev-parse', 'HEAD').trim() };
}

/**
 * The ids one peer's list holds in the rules' `equivalents: { <peer>: [...] }` blocks: each quoted string that
 * `idPattern` matches, as `toId` spells it.
 */
export function declaredIds(peer, idPattern, toId) {
  const ids = new Set();
  for (const f of readdirSync('src/dockerfile/rules')) {
    const src = readFileSync(join('src/dockerfile/rules', f), 'utf8');
    for (const eq of src.matchAll(/equivalents:\s*\{([^}]*)\}/gs))
      for (const m of eq[1].matchAll(new RegExp(`${peer}:\\s*\\[([^\\]]*)\\]`, 'gs')))
        for (const id of m[1].matchAll(idPattern)) ids.add(toId(id));
  }
  return ids;
}
