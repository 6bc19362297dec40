/**
 * Oracle: compareMaven agrees with Maven's own org.apache.maven.artifact.versioning.ComparableVersion
 * (maven-artifact from Debian's maven package, run by the JDK's single-file launcher) on thousands of pairs:
 * the versions of every artifact in the local Maven repository, Maven's own test lists, and versions generated
 * from the grammar (dots, dashes, qualifiers and their aliases, letter/digit transitions, leading zeros).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { compareMaven } from '../../src/vuln/versions/maven';
import { describeWithTools } from '../support/tools';
import { pick, prng } from '../support/versions-corpus';

const JAR = '/usr/share/maven/lib/maven-artifact-3.x.jar';

const ORACLE = `
import java.io.*;
import org.apache.maven.artifact.versioning.ComparableVersion;
public class Oracle {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
    StringBuilder out = new StringBuilder();
    for (String line; (line = in.readLine()) != null; ) {
      String[] p = line.split("\\t", -1);
      int c = new ComparableVersion(p[0]).compareTo(new ComparableVersion(p[1]));
      out.append(Integer.signum(c)).append('\\n');
    }
    System.out.print(out);
  }
}
`;

/** Versions of the artifacts in the local Maven repository (directory names under group/artifact/). */
function repositoryVersions(): string[] {
  const out = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    if (depth > 8) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      if (/^\d/.test(e.name)) out.add(e.name);
      else walk(join(dir, e.name), depth + 1);
    }
  };
  if (existsSync('/usr/share/maven-repo')) walk('/usr/share/maven-repo', 0);
  return [...out];
}

const QUALIFIERS = [
  'alpha',
  'beta',
  'milestone',
  'rc',
  'cr',
  'snapshot',
  'ga',
  'final',
  'release',
  'sp',
  'a',
  'b',
  'm',
  'foo',
  'RC',
  'SNAPSHOT',
  'Final',
  'jre',
  'android',
];

function generated(r: () => number, n: number): string[] {
  const num = (): string => pick(['0', '1', '2', '9', '10', '01', '007', '123', '20240101'], r);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let v = num();
    const parts = Math.floor(r() * 5);
    for (let j = 0; j < parts; j++) {
      const sep = pick(['.', '-', '', '.', '-'], r);
      const q = r() < 0.5 ? num() : pick(QUALIFIERS, r);
      // A separator-less part needs a letter/digit transition to stay a separate item.
      v += sep === '' && /\d$/.test(v) === /^\d/.test(q) ? `.${q}` : `${sep}${q}`;
    }
    out.push(v);
  }
  return out;
}

const MAVEN_LISTS = [
  '1-alpha2snapshot',
  '1-alpha2',
  '1-alpha-123',
  '1-beta-2',
  '1-beta123',
  '1-m2',
  '1-m11',
  '1-rc',
  '1-cr2',
  '1-rc123',
  '1-SNAPSHOT',
  '1',
  '1-sp',
  '1-sp2',
  '1-sp123',
  '1-abc',
  '1-def',
  '1-pom-1',
  '1-1-snapshot',
  '1-1',
  '1-2',
  '1-123',
  '2.0',
  '2-1',
  '2.0.a',
  '2.0.0.a',
  '2.0.2',
  '2.0.123',
  '2.1.0',
  '2.1-a',
  '2.1b',
  '2.1-c',
  '2.1-1',
  '2.1.0.1',
  '2.2',
  '2.123',
  '11.a2',
  '11.a11',
  '11.b2',
  '11.b11',
  '11.m2',
  '11.m11',
  '11',
  '11.a',
  '11b',
  '11c',
  '11m',
  '7.a',
  '7-a',
];

describeWithTools('Maven comparator vs Maven ComparableVersion', ['java', 'mvn'], () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-maven-oracle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('agrees on 8,000 pairs with zero disagreements', { timeout: 180_000 }, () => {
    expect(existsSync(JAR), `${JAR} (Debian package maven)`).toBe(true);
    const r = prng(8437);
    const real = repositoryVersions();
    expect(real.length).toBeGreaterThan(20);
    const pool = [...real, ...MAVEN_LISTS, ...generated(r, 3000)];
    const pairs: [string, string][] = [];
    for (const a of MAVEN_LISTS) for (const b of MAVEN_LISTS) pairs.push([a, b]);
    while (pairs.length < 8000) pairs.push([pick(pool, r), pick(pool, r)]);
    writeFileSync(join(dir, 'Oracle.java'), ORACLE);
    const run = spawnSync('java', ['-cp', JAR, join(dir, 'Oracle.java')], {
      input: pairs.map(([a, b]) => `${a}\t${b}\n`).join(''),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(0);
    const oracle = run.stdout.trim().split('\n').map(Number);
    expect(oracle).toHaveLength(pairs.length);
    const disagreements = pairs
      .map(([a, b], i) => ({ a, b, ours: compareMaven(a, b), maven: oracle[i] }))
      .filter((d) => d.ours !== d.maven);
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(new Set(oracle)).toEqual(new Set([-1, 0, 1]));
  });
});
