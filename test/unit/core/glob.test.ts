import { describe, expect, it } from 'vitest';
import { globMatch } from '../../../src/core/glob';

describe('globMatch path syntax (policy)', () => {
  it('keeps * inside one segment and lets ** cross segments', () => {
    expect(globMatch('src/*.ts', 'src/a.ts')).toBe(true);
    expect(globMatch('src/*.ts', 'src/deep/a.ts')).toBe(false);
    expect(globMatch('src/**/*.ts', 'src/deep/a.ts')).toBe(true);
  });

  it('supports ?, classes and braces, matches dotfiles and ignores case', () => {
    expect(globMatch('CVE-2024-?', 'cve-2024-1')).toBe(true);
    expect(globMatch('SG-[DI]*', 'SG-IMG-001')).toBe(true);
    expect(globMatch('{a,b}.txt', 'b.txt')).toBe(true);
    expect(globMatch('*', '.env')).toBe(true);
  });

  it('matches a literal pattern only exactly', () => {
    expect(globMatch('SG-DF-001', 'SG-DF-001')).toBe(true);
    expect(globMatch('SG-DF-001', 'SG-DF-0011')).toBe(false);
  });
});

describe('globMatch wildcard syntax (image tables)', () => {
  it('lets * match across slashes, case-insensitively', () => {
    expect(globMatch('gcr.io/distroless/*', 'gcr.io/distroless/static/debian12', 'wildcard')).toBe(true);
    expect(globMatch('*/NODE', 'library/node', 'wildcard')).toBe(true);
  });

  it('treats every other character literally', () => {
    expect(globMatch('a?c', 'abc', 'wildcard')).toBe(false);
    expect(globMatch('a?c', 'a?c', 'wildcard')).toBe(true);
    expect(globMatch('[ab]', 'a', 'wildcard')).toBe(false);
    expect(globMatch('a.c', 'abc', 'wildcard')).toBe(false);
  });

  it('keeps the two syntaxes apart for the same pattern', () => {
    expect(globMatch('a/*', 'a/b/c', 'wildcard')).toBe(true);
    expect(globMatch('a/*', 'a/b/c', 'path')).toBe(false);
  });
});
