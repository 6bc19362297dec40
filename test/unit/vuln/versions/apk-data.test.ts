/**
 * apk ordering against apk-tools' own test data (test/fixtures/apk/version.data, transcribed unchanged from
 * apk-tools test/unit/version.data), read the way apk-tools' version_test.c reads it: `v1 op v2` must hold
 * (`!op` must not), `version` must be valid and `!version` invalid. Every comparison is also checked in the
 * other direction. Lines with `~` test apk's fuzzy dependency match, which is not a version ordering: they
 * are counted and left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareApk, isValidApk } from '../../../../src/vuln/versions/apk';

const DATA = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'apk', 'version.data');
const lines = readFileSync(DATA, 'utf8')
  .split('\n')
  .map((l) => l.replace(/#.*/, '').trim())
  .filter(Boolean);

const compares: { a: string; op: string; b: string; negate: boolean }[] = [];
const validity: { v: string; valid: boolean }[] = [];
let fuzzy = 0;
for (const l of lines) {
  const parts = l.split(/\s+/);
  if (parts.length === 3) {
    const [a, rawOp, b] = parts as [string, string, string];
    const negate = rawOp.startsWith('!');
    const op = negate ? rawOp.slice(1) : rawOp;
    if (op.includes('~')) fuzzy++;
    else compares.push({ a, op, b, negate });
  } else {
    const v = parts[0]!;
    validity.push(v.startsWith('!') ? { v: v.slice(1), valid: false } : { v, valid: true });
  }
}

const RESULT: Record<number, string> = { [-1]: '<', 0: '=', 1: '>' };
const MIRROR: Record<string, string> = { '<': '>', '>': '<', '=': '=' };

describe('apk versions against apk-tools test/unit/version.data', () => {
  it('reads the whole file', () => {
    expect(compares.length).toBeGreaterThan(700);
    expect(validity.length).toBeGreaterThan(20);
    expect(fuzzy).toBe(16);
  });

  it('agrees on every comparison, both ways', () => {
    const wrong: string[] = [];
    for (const { a, op, b, negate } of compares) {
      const got = RESULT[compareApk(a, b)]!;
      const back = RESULT[compareApk(b, a)]!;
      if (op.includes(got) === negate) wrong.push(`${a} ${negate ? '!' : ''}${op} ${b}: got ${got}`);
      if (!negate && op.length === 1 && back !== MIRROR[op])
        wrong.push(`${b} ${MIRROR[op]} ${a}: got ${back}`);
    }
    expect(wrong).toEqual([]);
  });

  it('agrees on which versions are valid', () => {
    const wrong = validity
      .filter(({ v, valid }) => isValidApk(v) !== valid)
      .map(({ v, valid }) => `${v}: ${valid}`);
    expect(wrong).toEqual([]);
  });
});
