/**
 * dockle's checks as data (test/fixtures/peers/dockle/, transcribed by build/peers-dockle.mjs) run through
 * shipgate's image scan: every case of a checkpoint some shipgate rule declares equivalent is written as a real
 * image (an OCI layout with its files, configuration or history line; dockle's own scratch.tar as it is), walked
 * with the config and secret analyzers, and agrees when a declaring rule fires exactly on dockle's positives. The
 * deliberate differences are listed in ./peers-dockle-exceptions.ts with their reason; the agreement, and every
 * checkpoint no rule declares, go to docs/rules/equivalence.md.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allRules, createAnalyzers } from '../../../src/analyzers/registry';
import type { Finding, RuleMeta } from '../../../src/core/finding';
import { openImage, walkImage } from '../../../src/image';
import { LAYER_TAR, tarOf, writeLayoutImage } from '../../support/images';
import { ROOT } from '../../support/tools';
import { standsFor, updateSection } from '../dockerfile/peers';
import { DOCKLE_EXCEPTIONS, DOCKLE_UNDECLARED } from './peers-dockle-exceptions';

interface DockleCase {
  path: string;
  line: number;
  name: string;
  fires: boolean;
  /** What dockle judged: a whole image, one history line alone, or one file. */
  scope: 'image' | 'line' | 'file';
  input: {
    history?: string;
    files?: string[];
    config?: { path: string; json: Record<string, unknown> };
    archive?: string;
  };
}

interface DockleSpec {
  check: string;
  title: string;
  upstream: { repository: string; commit: string };
  cases: DockleCase[];
}

const DIR = join(ROOT, 'test', 'fixtures', 'peers', 'dockle');
const specs: DockleSpec[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as DockleSpec);

const rules: RuleMeta[] = await allRules();
const owners = (id: string) => rules.filter((r) => r.equivalents?.dockle?.includes(id)).map((r) => r.id);
const relatedTo = (id: string) => rules.filter((r) => r.related?.checks.dockle?.includes(id));

/**
 * Checkpoints whose rules leave a value a secret rule recognises to that rule (SG-IMG-011 says so): an SG-SEC
 * finding stands for them too.
 */
const DEFERS_TO_SECRETS = new Set(['CIS-DI-0010']);

const work = mkdtempSync(join(tmpdir(), 'shipgate-dockle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What Docker writes into the configuration for an `ENV` history line: its variables. */
function envOf(line: string): string[] {
  const m = /(?:#\(nop\)\s+|^)ENV\s+(.*)$/.exec(line);
  return m
    ? m[1]!
        .trim()
        .split(/\s+/)
        .filter((w) => w.includes('='))
    : [];
}

/**
 * dockle's line cases are often a bare command (`apt-get dist-upgrade`), which its substring checks read
 * directly; a builder records a RUN as `/bin/sh -c <command>`, so that is what the image carries.
 */
function asCreatedBy(line: string): string {
  return /^(?:\/bin\/sh|\/bin\/bash|sh|bash)\s+-c\b|^[A-Z]+\s|^\|\d+\s/.test(line) || line === ''
    ? line
    : `/bin/sh -c ${line}`;
}

let n = 0;
/** The case's input as an image reference shipgate can open. */
async function imageOf(c: DockleCase): Promise<string> {
  if (c.input.archive) return `docker-archive:${join(DIR, c.input.archive)}`;
  const layout = join(work, String(n++));
  const empty = await tarOf([]);
  if (c.input.config) {
    const { rootfs: _drop, ...config } = c.input.config.json as { rootfs?: unknown; history?: unknown[] };
    const layers = ((config.history ?? []) as { empty_layer?: boolean; created_by?: string }[])
      .filter((h) => !h.empty_layer)
      .map((h) => ({ blob: empty, mediaType: LAYER_TAR, createdBy: h.created_by ?? '' }));
    writeLayoutImage(layout, 'case', layers, config);
  } else if (c.input.history !== undefined) {
    writeLayoutImage(
      layout,
      'case',
      [{ blob: empty, mediaType: LAYER_TAR, createdBy: asCreatedBy(c.input.history) }],
      { config: { Env: envOf(c.input.history) } },
    );
  } else {
    const files = await tarOf((c.input.files ?? []).map((name) => ({ name: name.slice(1), content: 'x\n' })));
    writeLayoutImage(layout, 'case', [{ blob: files, mediaType: LAYER_TAR, createdBy: 'COPY . /app' }]);
  }
  return `oci:${layout}:case`;
}

async function scan(ref: string): Promise<Finding[]> {
  const opened = await openImage(ref);
  try {
    const analyzers = await createAnalyzers({ scanners: new Set(['config', 'secret']) });
    const res = await walkImage(
      opened,
      analyzers.flatMap((a) => a.walkers),
    );
    return res.results.flatMap((r) => r?.findings ?? []);
  } finally {
    await opened.close();
  }
}

interface Result {
  check: string;
  c: DockleCase;
  agrees: boolean;
}
const key = (check: string, c: DockleCase) => `${check}:${c.path.split('/').at(-1)}:${c.line}:${c.name}`;

describe("dockle's checks", () => {
  it('every declared dockle checkpoint has transcribed cases, and every undeclared one a reason', () => {
    const ids = specs.map((s) => s.check);
    for (const r of rules)
      for (const id of [...(r.equivalents?.dockle ?? []), ...(r.related?.checks.dockle ?? [])])
        expect(ids, `${r.id} declares ${id}`).toContain(id);
    for (const s of specs)
      if (!owners(s.check).length)
        expect(DOCKLE_UNDECLARED[s.check], `${s.check} is declared by no rule: give the reason`).toBeTruthy();
      else expect(DOCKLE_UNDECLARED[s.check], `${s.check} is declared now`).toBeUndefined();
  });

  const results: Result[] = [];
  for (const spec of specs) {
    const ruleIds = owners(spec.check);
    if (!ruleIds.length) continue;
    describe(`${spec.check} → ${ruleIds.join(', ')}`, () => {
      for (const c of spec.cases) {
        const k = key(spec.check, c);
        const exception = DOCKLE_EXCEPTIONS[k];
        it(`${k}: ${c.fires ? 'fires' : 'quiet'}${exception ? ` (differs: ${exception})` : ''}`, async () => {
          const findings = await scan(await imageOf(c));
          const fired = findings.some(
            (f) =>
              (ruleIds.includes(f.ruleId) && standsFor(f, spec.check)) ||
              (DEFERS_TO_SECRETS.has(spec.check) && f.kind === 'secret'),
          );
          const agrees = fired === c.fires;
          results.push({ check: spec.check, c, agrees });
          expect(
            agrees,
            `${JSON.stringify(c.input).slice(0, 300)}\nexpected ${ruleIds.join('/')} ${c.fires ? 'to fire' : 'quiet'}; got ${findings.map((f) => f.ruleId).join(', ')}`,
          ).toBe(!exception);
        });
      }
    });
  }

  // Declared last, so it runs after every case.
  it('agrees on at least 95% of the positives and 98% of the negatives', () => {
    const pos = results.filter((r) => r.c.fires);
    const neg = results.filter((r) => !r.c.fires);
    expect(pos.filter((r) => r.agrees).length / pos.length).toBeGreaterThanOrEqual(0.95);
    expect(neg.filter((r) => r.agrees).length / neg.length).toBeGreaterThanOrEqual(0.98);
  });

  it('docs/rules/equivalence.md shows this agreement (regenerate with SHIPGATE_UPDATE_DOCS=1)', async () => {
    const { actual, expected } = await updateSection('dockle', section(results));
    expect(actual).toBe(expected);
  });
});

const pct = (a: number, d: number) => (d ? `${((100 * a) / d).toFixed(1)}% (${a}/${d})` : '–');
const link = (id: string) =>
  `[${id}](${id.startsWith('SG-IMG') ? 'image-config' : 'dockerfile'}.md#${id.toLowerCase()})`;

function section(results: Result[]): string {
  const commits = [...new Set(specs.map((s) => s.upstream.commit.slice(0, 12)))].join(', ');
  const pos = results.filter((r) => r.c.fires);
  const neg = results.filter((r) => !r.c.fires);
  const out = [
    '## dockle',
    '',
    `Cases from dockle's \`pkg/assessor/manifest\` tests, the scratch image of its scanner test and its credential and cache file lists (goodwithtech/dockle at ${commits}; Apache-2.0, see \`test/fixtures/peers/dockle/README.md\`), each written as an image and scanned: ${results.length} cases of the declared checkpoints, positives fired **${pct(pos.filter((r) => r.agrees).length, pos.length)}**, negatives clean **${pct(neg.filter((r) => r.agrees).length, neg.length)}**.`,
    '',
    '| dockle | title | shipgate | positives fired | negatives clean |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const s of specs) {
    const rs = results.filter((r) => r.check === s.check);
    const p = rs.filter((r) => r.c.fires);
    const ng = rs.filter((r) => !r.c.fires);
    const eq = owners(s.check);
    const rel = relatedTo(s.check).map((r) => r.id);
    const shipgate = eq.length
      ? eq.map(link).join(', ')
      : rel.length
        ? `related: ${rel.map(link).join(', ')}`
        : 'not declared';
    out.push(
      `| ${s.check} | ${s.title} | ${shipgate} | ${eq.length ? pct(p.filter((r) => r.agrees).length, p.length) : '–'} | ${eq.length ? pct(ng.filter((r) => r.agrees).length, ng.length) : '–'} |`,
    );
  }
  out.push('', '### Checkpoints no rule declares', '');
  for (const s of specs.filter((x) => !owners(x.check).length))
    out.push(
      `- ${s.check} (${s.cases.length} case${s.cases.length === 1 ? '' : 's'} transcribed): ${DOCKLE_UNDECLARED[s.check]}`,
    );
  out.push('', '### Differences from dockle', '');
  const differing = results.filter((r) => !r.agrees);
  if (!differing.length) out.push('None.');
  for (const r of differing)
    out.push(
      `- \`${key(r.check, r.c)}\` (${r.c.fires ? 'positive' : 'negative'}): ${DOCKLE_EXCEPTIONS[key(r.check, r.c)] ?? 'no reason recorded'}`,
    );
  return out.join('\n');
}
