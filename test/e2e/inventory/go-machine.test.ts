/**
 * Real Go binaries of many toolchain versions (whatever this machine has in its bin directories), read with
 * our ELF build-info reader and compared with `go version -m`.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readGoBuildInfo, type GoModule } from '../../../src/inventory/binary/go-buildinfo';
import { run } from '../../support/debian';
import { describeWithTools } from '../../support/tools';

const DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin'];
const MAX = 400 * 1024 * 1024;

interface Info {
  goVersion: string;
  path?: string;
  main?: GoModule;
  deps: GoModule[];
}

/** `go version -m DIR...` → build info per binary. */
function parseAll(out: string): Map<string, Info> {
  const all = new Map<string, Info>();
  let cur: Info | undefined;
  let last: GoModule | undefined;
  for (const line of out.split('\n')) {
    if (!line) continue;
    if (!line.startsWith('\t')) {
      const i = line.indexOf(': ');
      cur = { goVersion: line.slice(i + 2).trim(), deps: [] };
      all.set(line.slice(0, i), cur);
      continue;
    }
    const f = line.slice(1).split('\t');
    const mod: GoModule = { path: f[1] ?? '', version: f[2] ?? '' };
    if (f[3]) mod.sum = f[3];
    if (f[0] === 'path') cur!.path = f[1];
    else if (f[0] === 'mod') cur!.main = last = mod;
    else if (f[0] === 'dep') cur!.deps.push((last = mod));
    else if (f[0] === '=>' && last) last.replace = mod;
  }
  return all;
}

describeWithTools('Go binaries installed on this machine', ['go'], () => {
  it('finds exactly the Go binaries go version -m finds, with the same modules', async () => {
    const dirs = DIRS.filter((d) => {
      try {
        return lstatSync(d).isDirectory();
      } catch {
        return false;
      }
    });
    const oracle = parseAll(await run('go', ['version', '-m', ...dirs]).catch((e: Error) => e.message));
    expect(oracle.size).toBeGreaterThan(0); // the go tool itself is one
    const ours = new Map<string, Info>();
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        // go version follows symlinks (/usr/bin/go → ../lib/go-1.19/bin/go); so does this.
        const st = statSync(path, { throwIfNoEntry: false });
        if (!st || !st.isFile() || (st.mode & 0o111) === 0 || st.size > MAX) continue;
        const info = readGoBuildInfo(readFileSync(path));
        if (info)
          ours.set(path, { goVersion: info.goVersion, path: info.path, main: info.main, deps: info.deps });
      }
    }
    expect([...ours.keys()].sort()).toEqual([...oracle.keys()].sort());
    for (const [path, info] of oracle) {
      const got = ours.get(path)!;
      expect(got.goVersion, path).toBe(info.goVersion);
      expect(got.path, path).toBe(info.path);
      expect(got.main, path).toEqual(info.main);
      expect(got.deps, path).toEqual(info.deps);
    }
  }, 300_000);
});
