/**
 * Oracle: the real Trivy (`trivy config`, its built-in Kubernetes checks) and shipgate's manifest rules run on
 * the same public and hand-written manifests (test/fixtures/manifests). For every KSV check a shipgate rule
 * names as its equivalent, the (object, check) pairs both report must agree: recall and precision of at least
 * 95% against Trivy, and the numbers are printed. Objects inside a `List` are left out: Trivy does not read them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import { lintManifests, manifestRules, parseManifests } from '../../src/manifests/index';
import { CACHE_DIR, describeWith } from '../support/tools';
import { TRIVY_PACKAGE, TRIVY_UNMET, trivyBinary } from '../support/trivy';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'manifests');

interface TrivyReport {
  Results?: {
    Target: string;
    Misconfigurations?: {
      ID: string;
      Status?: string;
      Message: string;
      CauseMetadata?: { StartLine?: number };
    }[];
  }[];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/.test(n) ? [p] : [];
    });
}

/** Trivy's KSV id → the shipgate rules that name it as an equivalent. */
function mappedChecks(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of manifestRules())
    for (const id of r.equivalents?.trivy ?? [])
      if (/^KSV\d+$/.test(id)) out.set(id, [...(out.get(id) ?? []), r.id]);
  return out;
}

describeWith('Trivy oracle on Kubernetes manifests', TRIVY_UNMET, () => {
  const files = yamlFiles(FIXTURES);
  const mapped = mappedChecks();
  const trivyPairs = new Set<string>();
  const ourPairs = new Set<string>();

  beforeAll(async () => {
    const inputs = Object.fromEntries(files.map((f) => [relative(FIXTURES, f), readFileSync(f, 'utf8')]));
    const cached = join(
      CACHE_DIR,
      'trivy-oracle',
      `k8s-${sha256Hex(TRIVY_PACKAGE + JSON.stringify(inputs))}.json`,
    );
    let report: TrivyReport;
    if (existsSync(cached)) report = JSON.parse(readFileSync(cached, 'utf8')) as TrivyReport;
    else {
      const out = join(CACHE_DIR, `trivy-k8s-${process.pid}.json`);
      execFileSync(
        await trivyBinary(),
        [
          'config',
          '--format',
          'json',
          '--quiet',
          '--skip-policy-update',
          '--cache-dir',
          join(CACHE_DIR, 'trivy-cache'),
          '--output',
          out,
          FIXTURES,
        ],
        { stdio: ['ignore', 'ignore', 'ignore'], timeout: 300_000 },
      );
      report = JSON.parse(readFileSync(out, 'utf8')) as TrivyReport;
      mkdirSync(dirname(cached), { recursive: true });
      writeFileSync(cached, JSON.stringify(report));
    }

    for (const [rel, content] of Object.entries(inputs)) {
      const parsed = parseManifests(content, rel);
      // The object a Trivy result is about: the one whose lines hold its cause, else the one its message names.
      const objectAt = (line: number | undefined, message: string): string | undefined => {
        const byLine = line
          ? parsed.objects.find((o) => o.span.line <= line && line <= o.span.endLine)
          : undefined;
        const o =
          byLine ??
          parsed.objects.find((x) => message.includes(`'${x.name}'`) || message.includes(` ${x.name} `));
        return o ? `${rel}#${o.kind}/${o.name}` : undefined;
      };
      const result = report.Results?.find((r) => r.Target === rel);
      for (const m of result?.Misconfigurations ?? []) {
        if ((m.Status ?? 'FAIL') !== 'FAIL' || !mapped.has(m.ID)) continue;
        const obj = objectAt(m.CauseMetadata?.StartLine, m.Message);
        if (obj) trivyPairs.add(`${obj} ${m.ID}`);
      }
      // Trivy does not look inside `List` items: shipgate's findings there have nothing to compare with.
      const listItems = new Set(
        parsed.objects.filter((o) => o.item !== undefined).map((o) => `${o.kind}/${o.name}`),
      );
      for (const f of lintManifests({ path: rel, content }).findings) {
        if (listItems.has(String(f.properties?.object))) continue;
        const rule = manifestRules().find((r) => r.id === f.ruleId);
        for (const id of rule?.equivalents?.trivy ?? [])
          if (mapped.has(id)) ourPairs.add(`${rel}#${String(f.properties?.object)} ${id}`);
      }
    }
  }, 600_000);

  it('agrees with Trivy on the mapped KSV checks (recall and precision at least 95%)', () => {
    const both = [...trivyPairs].filter((p) => ourPairs.has(p));
    const recall = both.length / trivyPairs.size;
    const precision = both.length / ourPairs.size;
    console.log(
      `manifests vs trivy: ${trivyPairs.size} Trivy pairs, ${ourPairs.size} shipgate pairs, ${both.length} shared; recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%`,
    );
    console.log(`only Trivy: ${[...trivyPairs].filter((p) => !ourPairs.has(p)).join(', ') || 'none'}`);
    console.log(`only shipgate: ${[...ourPairs].filter((p) => !trivyPairs.has(p)).join(', ') || 'none'}`);
    expect(trivyPairs.size).toBeGreaterThan(100);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
