import { describe, expect, it } from 'vitest';
import { dockerfileRules } from '../../../src/dockerfile/index';
import { CASES } from './cases';
import { hits } from './helpers';

describe('Dockerfile rules', () => {
  it('has at least 40 rules, each with complete metadata and a test case', () => {
    const rules = dockerfileRules();
    expect(rules.length).toBeGreaterThanOrEqual(40);
    for (const r of rules) {
      expect(r.id).toMatch(/^SG-DF-\d{3}$/);
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.rationale.length).toBeGreaterThan(10);
      expect(r.fix).toContain('```');
      expect(r.tags).toContain('dockerfile');
      expect(Object.keys(CASES)).toContain(r.id);
    }
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  for (const [id, c] of Object.entries(CASES)) {
    describe(id, () => {
      c.bad.forEach((content, i) => {
        it(`fires on bad example ${i + 1}`, async () => {
          const found = await hits(id, content, c.options);
          expect(found.length, content).toBeGreaterThan(0);
          for (const f of found) {
            expect(f.kind).toBe('dockerfile');
            expect(f.location?.startLine).toBeGreaterThan(0);
            expect(f.location?.startColumn).toBeGreaterThan(0);
            expect(f.fix).toBeTruthy();
            expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
          }
        });
      });
      c.good.forEach((content, i) => {
        it(`stays quiet on good example ${i + 1}`, async () => {
          expect(await hits(id, content, c.options), content).toEqual([]);
        });
      });
    });
  }
});
