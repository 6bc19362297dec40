import { afterAll, describe, expect, it } from 'vitest';
import { clearSecrets, mask } from '../../../src/core/logger';
import { SECRET_RULES, SECRET_RULE_META } from '../../../src/secrets/rules';
import { scanText } from '../../../src/secrets/scanner';
import { SAMPLES } from '../../support/secret-samples';

afterAll(() => clearSecrets());

describe('secret rules', () => {
  it('has at least 40 rules with complete metadata and unique ids', () => {
    expect(SECRET_RULES.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(SECRET_RULE_META.map((r) => r.id));
    expect(ids.size).toBe(SECRET_RULE_META.length);
    for (const r of SECRET_RULE_META) {
      expect(r.id).toMatch(/^SG-SEC-\d{3}$/);
      expect(r.kind).toBe('secret');
      expect(r.title.length).toBeGreaterThan(3);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.rationale.length).toBeGreaterThan(10);
      expect(r.fix.length).toBeGreaterThan(10);
      expect(r.tags).toContain('security');
    }
    for (const r of SECRET_RULES) {
      expect(r.keywords.length).toBeGreaterThan(0);
      for (const k of r.keywords) expect(k).toBe(k.toLowerCase());
    }
  });

  it('has a positive and a negative sample for every rule', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(SECRET_RULE_META.map((r) => r.id).sort());
  });

  for (const rule of SECRET_RULES) {
    const id = rule.meta.id;
    describe(`${id} ${rule.meta.title}`, () => {
      it('finds a real-looking value, at the right place, redacted', () => {
        const s = SAMPLES[id]!.positive();
        const matches = scanText(s.text, { kind: 'file', path: s.path ?? '/app/.env' });
        const m = matches.find((x) => x.ruleId === id);
        expect(m, JSON.stringify(matches.map((x) => x.ruleId))).toBeDefined();
        // The reported position points at the value (PEM bodies: at its first line).
        const lines = s.text.split('\n');
        const at = (lines[m!.line - 1] ?? '').slice(m!.column - 1);
        expect(s.value.startsWith(at.slice(0, 8)) || at.startsWith(s.value.slice(0, 8))).toBe(true);
        expect(m!.redacted).not.toContain(s.value);
        expect(JSON.stringify(m)).not.toContain(s.value);
        // Registered for masking everywhere.
        expect(mask(`x ${s.value} y`)).toBe('x *** y');
      });
      it('ignores placeholders, examples and malformed values', () => {
        const n = SAMPLES[id]!.negative();
        const matches = scanText(n.text, { kind: 'file', path: n.path ?? '/app/.env' });
        expect(matches.filter((x) => x.ruleId === id)).toEqual([]);
      });
    });
  }
});
