/**
 * hadolint's own rule specs (test/Hadolint/Rule/DLxxxxSpec.hs), transcribed case by case into
 * test/fixtures/peers/hadolint/ by build/peers-hadolint.mjs, linted with shipgate: the rule that declares the
 * hadolint rule equivalent fires exactly on hadolint's positives. The few deliberate differences are listed in
 * ./peers-exceptions.ts with their reason; the agreement goes to docs/rules/equivalence.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/dockerfile/rules/index';
import type { DockerfileLintOptions } from '../../../src/dockerfile/index';
import { ROOT } from '../../support/tools';
import { lint } from './helpers';
import { HADOLINT_EXCEPTIONS, HADOLINT_NO_SPEC } from './peers-exceptions';
import { caseKey, equivalencePage, standsFor, withBase, type PeerCase, type PeerResult } from './peers';

interface HadolintCase extends PeerCase {
  onbuild: boolean;
  config?: string;
  count?: number;
}
interface HadolintSpec {
  rule: string;
  upstream: { repository: string; commit: string; path: string };
  cases: HadolintCase[];
}

const DIR = join(ROOT, 'test', 'fixtures', 'peers', 'hadolint');
const allSpecs: HadolintSpec[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as HadolintSpec);

/** The shipgate rule declaring each hadolint id equivalent. */
const owner = new Map<string, string>();
for (const r of RULES) for (const id of r.meta.equivalents?.hadolint ?? []) owner.set(id, r.meta.id);
/** hadolint ids a rule declares only related: their cases stay transcribed but are not measured. */
const related = new Set(RULES.flatMap((r) => r.meta.related?.checks.hadolint ?? []));
const specs = allSpecs.filter((s) => owner.has(s.rule));

/** hadolint's configuration in a case, as shipgate options. */
function options(config: string | undefined): DockerfileLintOptions {
  if (!config) return {};
  const registries = /allowedRegistries = \[(.*)\]/.exec(config)?.[1];
  if (registries !== undefined)
    return { allowedRegistries: [...registries.matchAll(/"([^"]*)"/g)].map((m) => m[1] as string) };
  throw new Error(`unmapped hadolint configuration: ${config}`);
}

describe("hadolint's rule specs", () => {
  it('has a transcribed spec for every hadolint rule shipgate declares equivalent', () => {
    const transcribed = specs.map((s) => s.rule);
    const missing = [...owner.keys()].filter((id) => !transcribed.includes(id) && !HADOLINT_NO_SPEC[id]);
    expect(missing).toEqual([]);
    for (const s of allSpecs)
      expect(owner.has(s.rule) || related.has(s.rule), `${s.rule} is no longer declared`).toBe(true);
    for (const id of related)
      expect(owner.has(id), `${id} is declared both equivalent and related`).toBe(false);
  });

  const results: PeerResult[] = [];

  for (const spec of specs) {
    const rule = owner.get(spec.rule) ?? '?';
    describe(`${spec.rule} → ${rule}`, () => {
      for (const c of spec.cases) {
        const key = caseKey(spec.rule, c.line, c.onbuild);
        const exception = HADOLINT_EXCEPTIONS[key];
        it(`${key} ${c.name}: ${c.fires ? 'fires' : 'quiet'}${exception ? ` (differs: ${exception})` : ''}`, async () => {
          let fired: boolean;
          try {
            fired = (await lint(withBase(c.dockerfile), options(c.config))).some(
              (f) => f.ruleId === rule && !f.suppressed && standsFor(f, spec.rule),
            );
          } catch (e) {
            // A Dockerfile Docker would refuse is an error, never a finding; it cannot agree with a positive.
            expect((e as { code?: string }).code, String(e)).toBe('DOCKERFILE_PARSE');
            fired = false;
          }
          const agrees = fired === c.fires;
          results.push({ peerRule: spec.rule, rule, c, agrees });
          expect(agrees, `${withBase(c.dockerfile)}\nexpected ${rule} ${c.fires ? 'to fire' : 'quiet'}`).toBe(
            !exception,
          );
        });
      }
    });
  }

  // Declared last, so it runs after every case.
  it('docs/rules/equivalence.md shows this agreement (regenerate with SHIPGATE_UPDATE_DOCS=1)', async () => {
    const commits = [...new Set(specs.map((s) => s.upstream.commit.slice(0, 12)))].join(', ');
    const { actual, expected } = await equivalencePage(
      'hadolint',
      `hadolint's \`test/Hadolint/Rule/DL*Spec.hs\` (hadolint/hadolint at ${commits}; GPL-3.0, see \`test/fixtures/peers/hadolint/README.md\`)`,
      results,
      HADOLINT_EXCEPTIONS,
    );
    expect(actual).toBe(expected);
  });
});
