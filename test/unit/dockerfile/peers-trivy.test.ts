/**
 * trivy-checks' own tests for the Dockerfile checks (checks/docker/*_test.rego), transcribed case by case into
 * test/fixtures/peers/trivy/ by build/peers-trivy.mjs, linted with shipgate: the rules that declare the DS check
 * equivalent fire exactly on trivy's positives. The deliberate differences are listed in ./peers-exceptions.ts
 * with their reason; the agreement goes to docs/rules/equivalence.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/dockerfile/rules/index';
import { ROOT } from '../../support/tools';
import { lint } from './helpers';
import { TRIVY_EXCEPTIONS } from './peers-exceptions';
import { caseKey, equivalencePage, standsFor, type PeerCase, type PeerResult } from './peers';

interface TrivySpec {
  rule: string;
  upstream: { repository: string; commit: string; path: string };
  cases: (PeerCase & { data?: Record<string, unknown> })[];
}

const DIR = join(ROOT, 'test', 'fixtures', 'peers', 'trivy');
const allSpecs: TrivySpec[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as TrivySpec);

const dsIds = (ids: string[] | undefined) =>
  (ids ?? []).flatMap((id) => {
    const m = /^DS-0*(\d+)$/.exec(id);
    return m ? [`DS${(m[1] as string).padStart(3, '0')}`] : [];
  });

/** The shipgate rules declaring each DS check equivalent (DS031 is split over three). */
const owners = new Map<string, string[]>();
/** DS checks a rule declares only related: their cases stay transcribed but are not measured. */
const related = new Set<string>();
for (const r of RULES) {
  for (const ds of dsIds(r.meta.equivalents?.trivy))
    owners.set(ds, [...new Set([...(owners.get(ds) ?? []), r.meta.id])]);
  for (const ds of dsIds(r.meta.related?.checks.trivy)) related.add(ds);
}
const specs = allSpecs.filter((s) => owners.has(s.rule));

describe("trivy-checks' Dockerfile check tests", () => {
  it('has transcribed tests for every DS check shipgate declares equivalent', () => {
    expect([...owners.keys()].filter((id) => !specs.some((s) => s.rule === id))).toEqual([]);
    for (const s of allSpecs)
      expect(owners.has(s.rule) || related.has(s.rule), `${s.rule} is no longer declared`).toBe(true);
    for (const ds of related)
      expect(owners.has(ds), `${ds} is declared both equivalent and related`).toBe(false);
  });

  const results: PeerResult[] = [];
  for (const spec of specs) {
    const rules = owners.get(spec.rule) ?? [];
    describe(`${spec.rule} → ${rules.join(', ')}`, () => {
      for (const c of spec.cases) {
        const key = caseKey(spec.rule, c.line);
        const exception = TRIVY_EXCEPTIONS[key];
        it(`${key} ${c.name}: ${c.fires ? 'fires' : 'quiet'}${exception ? ` (differs: ${exception})` : ''}`, async () => {
          let fired: boolean;
          try {
            fired = (await lint(c.dockerfile)).some(
              (f) => rules.includes(f.ruleId) && !f.suppressed && standsFor(f, spec.rule),
            );
          } catch (e) {
            // A Dockerfile Docker would refuse is an error, never a finding; it cannot agree with a positive.
            expect((e as { code?: string }).code, String(e)).toBe('DOCKERFILE_PARSE');
            fired = false;
          }
          const agrees = fired === c.fires;
          results.push({ peerRule: spec.rule, rule: rules.join(', '), c, agrees });
          expect(
            agrees,
            `${c.dockerfile}\nexpected ${rules.join('/')} ${c.fires ? 'to fire' : 'quiet'}`,
          ).toBe(!exception);
        });
      }
    });
  }

  // Declared last, so it runs after every case.
  it('docs/rules/equivalence.md shows this agreement (regenerate with SHIPGATE_UPDATE_DOCS=1)', async () => {
    const commits = [...new Set(specs.map((s) => s.upstream.commit.slice(0, 12)))].join(', ');
    const { actual, expected } = await equivalencePage(
      'Trivy',
      `trivy-checks' \`checks/docker/*_test.rego\` (aquasecurity/trivy-checks at ${commits}; Apache-2.0, see \`test/fixtures/peers/trivy/README.md\`)`,
      results,
      TRIVY_EXCEPTIONS,
    );
    expect(actual).toBe(expected);
  });
});
