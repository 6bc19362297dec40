/**
 * Oracle: compareRpm agrees with rpm's own rpm.vercmp (EVR comparison) on >= 10,000 pairs, all checked
 * by one `rpm --eval` process running a Lua loop over a file of pairs. The versions are real upstream
 * versions from apt's package lists turned into Fedora-like version-release strings, with `~`
 * pre-releases, `^` post-release snapshots, epochs and odd separators.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDpkg } from '../../src/vuln/versions/dpkg';
import { compareRpm, rpmvercmp } from '../../src/vuln/versions/rpm';
import { describeWithTools } from '../support/tools';
import { pick, prng, realDebianVersions } from '../support/versions-corpus';

const RPM_CHARS = /^[A-Za-z0-9._+~^]+$/;

function rpmStyle(upstream: string, r: () => number): string {
  const release = (): string => {
    switch (Math.floor(r() * 6)) {
      case 0:
        return `${1 + Math.floor(r() * 12)}.fc${36 + Math.floor(r() * 5)}`;
      case 1:
        return `${1 + Math.floor(r() * 40)}.el${8 + Math.floor(r() * 2)}_${Math.floor(r() * 6)}`;
      case 2:
        return `${Math.floor(r() * 3)}.${1 + Math.floor(r() * 9)}.rc${1 + Math.floor(r() * 3)}.el9`;
      case 3:
        return `${1 + Math.floor(r() * 5)}.module+el8.${Math.floor(r() * 10)}.0+${1000 + Math.floor(r() * 9000)}+abc`;
      case 4:
        return `${1 + Math.floor(r() * 3)}~bootstrap`;
      default:
        return String(1 + Math.floor(r() * 20));
    }
  };
  let v = upstream;
  const m = r();
  if (m < 0.12) v = `${v}~rc${1 + Math.floor(r() * 3)}`;
  else if (m < 0.22)
    v = `${v}^${20230000 + Math.floor(r() * 20000)}git${Math.floor(r() * 0xfffff).toString(16)}`;
  else if (m < 0.27) v = `${v}~~beta`;
  else if (m < 0.3) v = `${v}^`;
  else if (m < 0.33) v = `${v}_${Math.floor(r() * 9)}`;
  const epoch = r() < 0.15 ? `${Math.floor(r() * 3)}:` : '';
  const withRelease = r() < 0.9;
  return `${epoch}${v}${withRelease ? `-${release()}` : ''}`;
}

function makePairs(upstreams: string[], n: number): [string, string][] {
  const r = prng(4242);
  const pool = Array.from({ length: 6000 }, () => rpmStyle(pick(upstreams, r), r));
  const pairs: [string, string][] = [];
  while (pairs.length < n) {
    const a = pick(pool, r);
    const k = r();
    if (k < 0.4) pairs.push([a, pick(pool, r)]);
    else if (k < 0.8) {
      // Same upstream, different decoration: the cases that decide real upgrades.
      const up = a
        .replace(/^\d+:/, '')
        .replace(/-[^-]*$/, '')
        .replace(/[~^_].*$/, '');
      pairs.push([a, rpmStyle(up, r)]);
    } else pairs.push([a, a]);
  }
  return pairs;
}

const LUA = (input: string, output: string): string =>
  `%{lua: local out = io.open("${output}", "w")
for line in io.lines("${input}") do
  local a, b = line:match("^([^\\t]+)\\t([^\\t]+)$")
  out:write(tostring(rpm.vercmp(a, b)), "\\n")
end
out:close()}`;

describeWithTools('rpm comparator vs rpm.vercmp', ['rpm', 'apt-cache'], () => {
  let dir = '';
  let upstreams: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-rpm-oracle-'));
    const set = new Set<string>();
    for (const v of realDebianVersions()) {
      const up = parseDpkg(v)?.upstream;
      if (up && RPM_CHARS.test(up)) set.add(up);
    }
    upstreams = [...set].sort();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('agrees on 12,000 EVR pairs with zero disagreements (one rpm process)', { timeout: 120_000 }, () => {
    expect(upstreams.length).toBeGreaterThan(1000);
    const pairs = makePairs(upstreams, 12_000);
    const input = join(dir, 'pairs.tsv');
    const output = join(dir, 'out.txt');
    writeFileSync(input, pairs.map(([a, b]) => `${a}\t${b}\n`).join(''));
    execFileSync('rpm', ['--eval', LUA(input, output)], { stdio: ['ignore', 'ignore', 'inherit'] });
    const oracle = readFileSync(output, 'utf8').trim().split('\n').map(Number);
    expect(oracle).toHaveLength(pairs.length);
    const disagreements = pairs
      .map(([a, b], i) => ({ a, b, ours: compareRpm(a, b), rpm: oracle[i] }))
      .filter((d) => d.ours !== d.rpm);
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(new Set(oracle)).toEqual(new Set([-1, 0, 1]));
  });

  it('agrees with rpmvercmp on bare version strings (no epoch or release)', { timeout: 60_000 }, () => {
    const r = prng(7);
    const bare = upstreams.map((u) =>
      rpmStyle(u, r)
        .replace(/^\d+:/, '')
        .replace(/-[^-]*$/, ''),
    );
    const pairs: [string, string][] = Array.from({ length: 3000 }, () => [pick(bare, r), pick(bare, r)]);
    const input = join(dir, 'bare.tsv');
    const output = join(dir, 'bare.txt');
    writeFileSync(input, pairs.map(([a, b]) => `${a}\t${b}\n`).join(''));
    execFileSync('rpm', ['--eval', LUA(input, output)], { stdio: ['ignore', 'ignore', 'inherit'] });
    const oracle = readFileSync(output, 'utf8').trim().split('\n').map(Number);
    const bad = pairs.filter(([a, b], i) => rpmvercmp(a, b) !== oracle[i]);
    expect(bad.slice(0, 20)).toEqual([]);
  });
});
