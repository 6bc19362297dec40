/**
 * Oracle: compareDpkg agrees with `dpkg --compare-versions` on >= 10,000 pairs drawn from the real
 * versions apt knows about plus mutations (`~rc1`, revision bumps, epochs, +debNuM), zero disagreements.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compareDpkg, isValidDpkg, parseDpkg } from '../../src/vuln/versions/dpkg';
import { describeWithTools } from '../support/tools';
import { pick, prng, realDebianVersions } from '../support/versions-corpus';

function mutate(v: string, r: () => number): string {
  const p = parseDpkg(v)!;
  const up = p.upstream;
  const rev = p.revision;
  const withRev = (u: string, rv: string): string =>
    `${p.epoch ? `${p.epoch}:` : ''}${u}${rv ? `-${rv}` : ''}`;
  switch (Math.floor(r() * 10)) {
    case 0:
      return withRev(`${up}~rc1`, rev);
    case 1:
      return withRev(up, rev ? rev.replace(/(\d+)(?!.*\d)/, (d) => String(Number(d) + 1)) : '1');
    case 2:
      return `${p.epoch + 1}:${up}${rev ? `-${rev}` : ''}`;
    case 3:
      return withRev(up, `${rev || '0'}+deb12u${1 + Math.floor(r() * 3)}`);
    case 4:
      return withRev(up, `${rev || '0'}~deb12u1`);
    case 5:
      return withRev(`${up}+dfsg`, rev);
    case 6:
      return withRev(
        up.replace(/\d+/, (d) => String(Number(d) + 1)),
        rev,
      );
    case 7:
      return withRev(`${up}.0`, rev);
    case 8:
      return withRev(`0${up}`, rev);
    default:
      return withRev(up, '');
  }
}

function makePairs(versions: string[], n: number): [string, string][] {
  const r = prng(20240601);
  const pairs: [string, string][] = [];
  // Neighbours in sorted order share prefixes, which exercises the digit/non-digit walk.
  for (let i = 0; i + 1 < versions.length && pairs.length < n / 3; i += 1 + Math.floor(r() * 5))
    pairs.push([versions[i]!, versions[i + 1]!]);
  while (pairs.length < (2 * n) / 3) pairs.push([pick(versions, r), pick(versions, r)]);
  while (pairs.length < n) {
    const v = pick(versions, r);
    const m = mutate(v, r);
    if (isValidDpkg(m)) pairs.push(r() < 0.5 ? [v, m] : [m, v]);
    else pairs.push([v, v]);
  }
  return pairs;
}

const SCRIPT = `while IFS='\t' read -r a b; do
if dpkg --compare-versions "$a" lt "$b"; then echo -1; elif dpkg --compare-versions "$a" eq "$b"; then echo 0; else echo 1; fi
done < "$1" > "$2"`;

function runChunk(dir: string, idx: number, pairs: [string, string][]): Promise<number[]> {
  const input = join(dir, `pairs-${idx}.tsv`);
  const output = join(dir, `out-${idx}.txt`);
  writeFileSync(input, pairs.map(([a, b]) => `${a}\t${b}\n`).join(''));
  return new Promise((resolve, reject) => {
    const p = spawn('sh', ['-c', SCRIPT, 'sh', input, output], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`oracle exited ${code}: ${err}`));
      resolve(readFileSync(output, 'utf8').trim().split('\n').map(Number));
    });
  });
}

describeWithTools('dpkg comparator vs dpkg --compare-versions', ['dpkg', 'apt-cache'], () => {
  let dir = '';
  let versions: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-dpkg-oracle-'));
    versions = realDebianVersions().filter(isValidDpkg);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has a large corpus of real versions', () => {
    expect(versions.length).toBeGreaterThan(1000);
  });

  it('agrees on 12,000 pairs with zero disagreements', { timeout: 600_000 }, async () => {
    const pairs = makePairs(versions, 12_000);
    const half = pairs.length / 2;
    const [r1, r2] = await Promise.all([
      runChunk(dir, 1, pairs.slice(0, half)),
      runChunk(dir, 2, pairs.slice(half)),
    ]);
    const oracle = [...r1, ...r2];
    expect(oracle).toHaveLength(pairs.length);
    const disagreements = pairs
      .map(([a, b], i) => ({ a, b, ours: compareDpkg(a, b), dpkg: oracle[i] }))
      .filter((d) => d.ours !== d.dpkg);
    expect(disagreements.slice(0, 20)).toEqual([]);
    // Every ordering occurs, so the oracle was really asked all three questions.
    expect(new Set(oracle)).toEqual(new Set([-1, 0, 1]));
  });
});
