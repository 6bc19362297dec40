import { expect } from 'vitest';

/** Asserts the list is strictly increasing under cmp, checking every pair (and antisymmetry). */
export function expectStrictlyIncreasing(list: string[], cmp: (a: string, b: string) => number): void {
  const wrong: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = 0; j < list.length; j++) {
      const want = Math.sign(i - j);
      const got = Math.sign(cmp(list[i]!, list[j]!));
      if (got !== want) wrong.push(`${list[i]} vs ${list[j]}: got ${got}, want ${want}`);
    }
  expect(wrong).toEqual([]);
}

export function expectEqualVersions(pairs: [string, string][], cmp: (a: string, b: string) => number): void {
  const wrong = pairs.filter(([a, b]) => cmp(a, b) !== 0 || cmp(b, a) !== 0).map(([a, b]) => `${a} != ${b}`);
  expect(wrong).toEqual([]);
}
