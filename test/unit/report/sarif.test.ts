import type { Log, Result, Run } from 'sarif';
import { afterEach, describe, expect, it } from 'vitest';
import { addSecret, clearSecrets } from '../../../src/core/logger';
import type { ScanResult } from '../../../src/core/result';
import { securitySeverity } from '../../../src/core/severity';
import { FINGERPRINT_KEY, lineHashes, rootUri, toSarif } from '../../../src/report/sarif';
import { userCategory } from '../../../src/report/sarif/category';
import {
  FAKE_TOKEN,
  IMAGE_DIGEST,
  IMAGE_REF,
  REPO_ROOT,
  WEB_DOCKERFILE,
  cleanResult,
  dockerfileResult,
  fullResult,
  imageOnlyResult,
  readFile,
} from '../../support/report-fixtures';
import { dockerfileRules } from '../../../src/dockerfile/index';
import { ruleDescriptor } from '../../../src/report/sarif/rules';
import { validateSarif } from '../../support/sarif-validate';

const opts = { repoRoot: REPO_ROOT, readFile };

function run(log: Log, part: string): Run {
  const r = log.runs.find((x) => x.tool.driver.properties?.part === part);
  if (!r) throw new Error(`no ${part} run`);
  return r;
}

function resultsOf(log: Log, ruleId: string): Result[] {
  return log.runs.flatMap((r) => r.results ?? []).filter((r) => r.ruleId === ruleId);
}

async function expectValid(log: Log): Promise<void> {
  const v = await validateSarif(log);
  expect(v.schemaErrors, v.schemaErrors.join('\n')).toEqual([]);
  expect(v.multitoolErrors, v.multitoolErrors.join('\n')).toEqual([]);
  expect(v.multitoolWarnings, v.multitoolWarnings.join('\n')).toEqual([]);
}

describe('toSarif validation', () => {
  const cases: [string, () => ScanResult][] = [
    ['full scan', fullResult],
    ['image without Dockerfile', imageOnlyResult],
    ['Dockerfile only', dockerfileResult],
    ['clean scan', cleanResult],
  ];
  for (const [name, make] of cases)
    it(`${name}: passes the SARIF schema and sarif-multitool with GitHub rule kinds`, async () => {
      await expectValid(toSarif(make(), opts));
    });

  it('the validator itself reports errors (negative control)', async () => {
    const bad = toSarif(fullResult(), opts) as unknown as {
      runs: { tool: { driver: { rules: object[] } } }[];
    };
    bad.runs[0]!.tool.driver.rules[0] = { id: 'X' };
    (bad as unknown as Record<string, unknown>).version = '2.0.0';
    const v = await validateSarif(bad as unknown as Log);
    expect(v.schemaErrors.length).toBeGreaterThan(0);
    expect(v.multitoolErrors.join('\n')).toMatch(/GH2012|shortDescription/);
  });
});

describe('toSarif runs and categories', () => {
  it('has one run per tool part present, in a fixed order', () => {
    const log = toSarif(fullResult(), opts);
    expect(log.runs.map((r) => r.tool.driver.properties?.part)).toEqual([
      'dockerfile',
      'vulnerability',
      'secret',
      'config',
      'malware',
    ]);
    expect(toSarif(dockerfileResult(), opts).runs.map((r) => r.tool.driver.properties?.part)).toEqual([
      'dockerfile',
    ]);
  });

  it('keeps an empty run for a scanned target without findings, so its alerts get closed', () => {
    const log = toSarif(cleanResult(), opts);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.automationDetails?.id).toBe('shipgate/dockerfile/services-worker-dockerfile/');
  });

  it('gives every run a distinct (tool, category) pair, as GitHub requires within one upload', () => {
    for (const make of [fullResult, imageOnlyResult, dockerfileResult]) {
      const log = toSarif(make(), opts);
      const keys = log.runs.map((r) => `${r.tool.driver.name}|${r.automationDetails?.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const r of log.runs) {
        expect(r.tool.driver.name).toBe('shipgate');
        expect(r.automationDetails?.id).toMatch(/^shipgate\/[a-z]+\/[a-z0-9._/-]+\/$/);
      }
    }
  });

  it('derives the category from the image repository without tag or digest, stable across tags', () => {
    const a = fullResult();
    const b = fullResult();
    b.image = {
      ...b.image!,
      ref: 'ghcr.io/acme/web:2.0.0@sha256:abc',
      repository: undefined,
      digest: 'sha256:abc',
    };
    const idsA = toSarif(a, opts).runs.map((r) => r.automationDetails?.id);
    const idsB = toSarif(b, opts).runs.map((r) => r.automationDetails?.id);
    expect(idsA).toEqual(idsB);
    expect(idsA).toContain('shipgate/vulnerability/ghcr.io-acme-web/');
    const other = fullResult();
    other.image = { ...other.image!, ref: 'ghcr.io/acme/api:1.0', repository: undefined };
    const idsOther = toSarif(other, opts).runs.map((r) => r.automationDetails?.id);
    // Two images scanned in one workflow upload to different categories and don't overwrite each other.
    for (const id of idsOther.filter((x) => !x?.startsWith('shipgate/dockerfile/')))
      expect(idsA).not.toContain(id);
  });

  it("takes a given category as codeql-action does, each part's run a subcategory of it", async () => {
    const parts = ['dockerfile', 'vulnerability', 'secret', 'config', 'malware'];
    for (const given of ['web/linux-arm64', 'web/linux-arm64/', ' web/linux-arm64 '])
      expect(
        toSarif(fullResult(), { ...opts, category: given }).runs.map((r) => r.automationDetails?.id),
      ).toEqual(parts.map((p) => `web/linux-arm64/${p}/`));
    // Verbatim, as codeql-action's /language:<lang> categories: no slug, no shipgate/ prefix.
    const log = toSarif(fullResult(), { ...opts, category: '/image:Web' });
    expect(log.runs.map((r) => r.automationDetails?.id)).toEqual(parts.map((p) => `/image:Web/${p}/`));
    const keys = log.runs.map((r) => `${r.tool.driver.name}|${r.automationDetails?.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(run(log, 'vulnerability').automationDetails?.description?.text).toBe(
      'shipgate vulnerabilities results for /image:Web.',
    );
    await expectValid(log);
  });

  it('keeps the default categories when the category is empty, so existing alerts stay matched', () => {
    const ids = toSarif(fullResult(), opts).runs.map((r) => r.automationDetails?.id);
    for (const category of ['', '  '])
      expect(toSarif(fullResult(), { ...opts, category }).runs.map((r) => r.automationDetails?.id)).toEqual(
        ids,
      );
    expect(ids).toContain('shipgate/vulnerability/ghcr.io-acme-web/');
  });

  it('refuses a category with a control character, with a one-line usage error', () => {
    for (const category of ['web\nshipgate/x', 'web\u0000', 'a\tb'])
      expect(() => toSarif(fullResult(), { ...opts, category })).toThrow(
        expect.objectContaining({ code: 'USAGE', message: expect.stringMatching(/control character/) }),
      );
    expect(userCategory('web', 'input category')).toBe('web/');
    expect(userCategory('', 'input category')).toBeUndefined();
  });

  it('describes the tool in every run', () => {
    for (const r of toSarif(fullResult(), opts).runs) {
      const d = r.tool.driver;
      expect(d.version).toBe('0.1.0');
      expect(d.semanticVersion).toBe('0.1.0');
      expect(d.informationUri).toMatch(/^https:\/\//);
      expect(r.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`file://${REPO_ROOT}/`);
      expect(r.columnKind).toBe('utf16CodeUnits');
    }
    expect(rootUri('/a dir/repo')).toBe('file:///a%20dir/repo/');
  });
});

describe('toSarif rules', () => {
  const result = fullResult();
  const log = toSarif(result, opts);

  it('names related (not equivalent) checks apart from equivalent ones, with how they differ', () => {
    const label = dockerfileRules().find((r) => r.id === 'SG-DF-049')!;
    const d = ruleDescriptor(label);
    expect(d.help?.markdown).toContain('**Related checks:** hadolint DL3049 (not equivalent: ');
    expect(d.help?.markdown).not.toContain('Equivalent checks');
    expect(d.help?.text).toContain('Related checks: hadolint DL3049');
  });

  it('lists exactly the rules with results, and every ruleIndex points at its rule', () => {
    for (const r of log.runs) {
      const rules = r.tool.driver.rules ?? [];
      const used = new Set((r.results ?? []).map((x) => x.ruleId));
      expect(new Set(rules.map((x) => x.id))).toEqual(used);
      for (const res of r.results ?? []) expect(rules[res.ruleIndex!]?.id).toBe(res.ruleId);
    }
  });

  it('fills the descriptor fields GitHub reads', () => {
    const rules = log.runs.flatMap((r) => r.tool.driver.rules ?? []);
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.fullDescription?.text).toBeTruthy();
      expect(rule.helpUri).toMatch(new RegExp(`#${rule.id.toLowerCase()}$`));
      expect(rule.help?.text).toBeTruthy();
      expect(rule.help?.markdown).toBeTruthy();
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration?.level);
      const sev = rule.properties?.['security-severity'] as string;
      expect(sev).toMatch(/^\d+\.\d$/);
      expect(Number(sev)).toBeGreaterThanOrEqual(0);
      expect(Number(sev)).toBeLessThanOrEqual(10);
      expect(rule.properties?.precision).toBeTruthy();
      expect((rule.properties?.tags as string[]).length).toBeLessThanOrEqual(20);
    }
    const root = rules.find((r) => r.id === 'SG-DF-001')!;
    expect(root.name).toBe('FinalStageRunsAsRoot');
    expect(root.properties?.tags).toContain('security');
    expect(root.properties?.['security-severity']).toBe(securitySeverity('high'));
    expect(root.help?.markdown).toContain('hadolint DL3002');
    expect(root.help?.markdown).toContain('**How to fix:**');
    expect(root.defaultConfiguration?.level).toBe('error');
    // Non-security Dockerfile rules are not tagged "security".
    const maint = rules.find((r) => r.id === 'SG-DF-031')!;
    expect(maint.properties?.tags).not.toContain('security');
    expect(maint.defaultConfiguration?.level).toBe('note');
  });

  it('builds one rule per vulnerability id with the CVSS score and every affected package', () => {
    const vulnRun = run(log, 'vulnerability');
    const openssl = vulnRun.tool.driver.rules!.find((r) => r.id === 'CVE-2024-0727')!;
    expect(openssl.properties?.['security-severity']).toBe('5.5');
    expect(openssl.properties?.tags).toContain('security');
    expect(openssl.help?.text).toContain(
      'Package openssl (Debian:12) 3.0.11-1~deb12u2; fixed in: 3.0.13-1~deb12u1',
    );
    expect(openssl.help?.text).toContain('Package libssl3 (Debian:12)');
    expect(openssl.help?.markdown).toContain('https://www.openssl.org/news/secadv/20240125.txt');
    const glibc = vulnRun.tool.driver.rules!.find((r) => r.id === 'CVE-2023-4911')!;
    expect(glibc.properties?.['security-severity']).toBe('7.8');
    // No CVSS: the severity's representative score.
    const unscored = vulnRun.tool.driver.rules!.find((r) => r.id === 'CVE-2019-1010022')!;
    expect(unscored.properties?.['security-severity']).toBe(securitySeverity('low'));
    expect(unscored.help?.text).toContain('no fix yet');
  });
});

describe('toSarif results', () => {
  const result = fullResult();
  const log = toSarif(result, opts);

  it('maps severities to levels', () => {
    const levels = Object.fromEntries(
      result.findings.map((f) => [
        f.severity,
        resultsOf(log, f.ruleId).find((r) => r.properties?.severity === f.severity)?.level,
      ]),
    );
    expect(levels).toEqual({
      critical: 'error',
      high: 'error',
      medium: 'warning',
      low: 'note',
      info: 'note',
    });
  });

  it('emits every finding once, most severe first within a run', () => {
    const all = log.runs.flatMap((r) => r.results ?? []);
    expect(all).toHaveLength(result.findings.length);
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    for (const r of log.runs) {
      const sevs = (r.results ?? []).map((x) => order.indexOf(x.properties?.severity as string));
      expect(sevs).toEqual([...sevs].sort((a, b) => a - b));
    }
  });

  it('puts Dockerfile findings on their exact region with repository-relative paths', () => {
    const [res] = resultsOf(log, 'SG-DF-004');
    const loc = res!.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation).toEqual({ uri: 'Dockerfile', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toMatchObject({ startLine: 2, startColumn: 6, endLine: 2, endColumn: 17 });
    const worker = resultsOf(log, 'SG-DF-009').find(
      (r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri !== 'Dockerfile',
    )!;
    expect(worker.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('services/worker/Dockerfile');
  });

  it('puts image findings on the instruction that made their layer, with the image place as related location', () => {
    const [lodash] = resultsOf(log, 'GHSA-35jh-r3h4-6jhm');
    expect(lodash!.locations![0]!.physicalLocation!.region!.startLine).toBe(9);
    expect(lodash!.properties).toMatchObject({
      locationSource: 'layer-instruction',
      pathInImage: '/app/node_modules/lodash/package.json',
      layerIndex: 6,
      imageDigest: IMAGE_DIGEST,
      package: 'lodash',
      installedVersion: '4.17.15',
      fixedVersions: ['4.17.21'],
    });
    const related = lodash!.relatedLocations![0]!;
    expect(related.physicalLocation!.artifactLocation!.uri).toBe('app/node_modules/lodash/package.json');
    expect(related.physicalLocation!.artifactLocation!.uriBaseId).toBeUndefined();
    expect(related.message!.text).toContain(`${IMAGE_REF}@${IMAGE_DIGEST}`);
    const text = lodash!.message.text!;
    for (const part of [
      `${IMAGE_REF}@${IMAGE_DIGEST}`,
      'lodash 4.17.15',
      '/app/node_modules/lodash/package.json',
      'layer 6',
    ])
      expect(text).toContain(part);
  });

  it("falls back to the final stage's FROM line for base-image packages", () => {
    const results = resultsOf(log, 'CVE-2024-0727');
    expect(results).toHaveLength(2);
    for (const r of results) {
      const loc = r.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation!.uri).toBe('Dockerfile');
      expect(loc.region).toMatchObject({
        startLine: 2,
        startColumn: 1,
        endColumn: 'FROM node:latest'.length + 1,
      });
      expect(r.properties?.locationSource).toBe('base-image-from');
      expect(r.message.text).toContain("final stage's FROM line");
    }
  });

  it('without a Dockerfile, locates image findings by their path inside the image', () => {
    const img = toSarif(imageOnlyResult(), opts);
    const [lodash] = resultsOf(img, 'GHSA-35jh-r3h4-6jhm');
    const loc = lodash!.locations![0]!;
    expect(loc.physicalLocation!.artifactLocation).toEqual({ uri: 'app/node_modules/lodash/package.json' });
    expect(loc.logicalLocations![0]!.fullyQualifiedName).toBe(
      `${IMAGE_REF}@${IMAGE_DIGEST}:/app/node_modules/lodash/package.json`,
    );
    expect(lodash!.properties?.locationSource).toBe('image');
    // A configuration finding has no path: the image repository stands in.
    const [cfg] = resultsOf(img, 'SG-IMG-001');
    expect(cfg!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('ghcr.io/acme/web');
  });

  it('renders suppressions by kind: inline pragmas in source, everything else external', () => {
    const kinds = Object.fromEntries(
      result.findings
        .filter((f) => f.suppressed)
        .map((f) => {
          const r = log.runs
            .flatMap((x) => x.results ?? [])
            .find((x) => x.partialFingerprints?.[FINGERPRINT_KEY] === f.fingerprint)!;
          return [f.suppressed!.kind, r.suppressions];
        }),
    );
    expect(Object.keys(kinds).sort()).toEqual(['baseline', 'hadolint-config', 'inline', 'policy', 'vex']);
    expect(kinds.inline).toEqual([expect.objectContaining({ kind: 'inSource', status: 'accepted' })]);
    for (const k of ['baseline', 'hadolint-config', 'policy', 'vex'])
      expect(kinds[k]).toEqual([expect.objectContaining({ kind: 'external', status: 'accepted' })]);
    expect(kinds.policy?.[0]?.justification).toBe('token already revoked (SEC-1234) (until 2027-01-31)');
    const unsuppressed = log.runs.flatMap((x) => x.results ?? []).filter((x) => !x.suppressions);
    expect(unsuppressed).toHaveLength(result.findings.filter((f) => !f.suppressed).length);
  });

  it('never contains the secret value, and masks registered secrets', () => {
    const json = JSON.stringify(log);
    expect(json).not.toContain(FAKE_TOKEN);
    const [img] = resultsOf(log, 'SG-SEC-007');
    expect(img!.locations![0]!.physicalLocation!.region!.snippet).toBeUndefined();
  });
});

describe('toSarif registered secrets', () => {
  afterEach(() => clearSecrets());
  it('replaces registered secrets everywhere in the log', () => {
    const r = fullResult();
    r.findings[0]!.message = 'token s3cr3t-value-123 leaked';
    addSecret('s3cr3t-value-123');
    const json = JSON.stringify(toSarif(r, opts));
    expect(json).not.toContain('s3cr3t-value-123');
    expect(json).toContain('token *** leaked');
  });
});

describe('toSarif fingerprints', () => {
  it('uses the finding fingerprint as shipgate/v1, identical across runs and independent of line moves', () => {
    const a = toSarif(fullResult(), opts);
    const moved = fullResult();
    for (const f of moved.findings)
      if (f.location) f.location = { ...f.location, startLine: f.location.startLine + 3 };
    const b = toSarif(moved, opts);
    const fp = (log: Log) =>
      log.runs.flatMap((r) => (r.results ?? []).map((x) => x.partialFingerprints?.[FINGERPRINT_KEY]));
    expect(fp(a)).toEqual(fp(b));
    expect(new Set(fp(a))).toEqual(new Set(fullResult().findings.map((f) => f.fingerprint)));
    expect(new Set(fp(a)).size).toBe(fp(a).length);
  });

  it('adds GitHub’s primaryLocationLineHash for findings on their own Dockerfile line', () => {
    const log = toSarif(fullResult(), opts);
    const hashes = lineHashes(WEB_DOCKERFILE);
    const [df] = resultsOf(log, 'SG-DF-015');
    expect(df!.partialFingerprints?.primaryLocationLineHash).toBe(hashes[9]);
    // Proxy locations (an image finding on FROM or on its layer's instruction) get no line hash.
    for (const id of ['CVE-2024-0727', 'GHSA-35jh-r3h4-6jhm'])
      for (const r of resultsOf(log, id))
        expect(r.partialFingerprints?.primaryLocationLineHash).toBeUndefined();
    // Without the file text, no line hash at all.
    const bare = toSarif(fullResult(), { repoRoot: REPO_ROOT });
    for (const r of bare.runs.flatMap((x) => x.results ?? []))
      expect(r.partialFingerprints?.primaryLocationLineHash).toBeUndefined();
  });
});

describe('lineHashes (GitHub primaryLocationLineHash)', () => {
  // Expected values are the published test vectors of github/codeql-action's fingerprinting (src/fingerprints.test.ts).
  it('matches GitHub’s vectors, including line-ending normalisation and repeated lines', () => {
    expect(lineHashes('')).toEqual(['c129715d7a2bc9a3:1']);
    expect(lineHashes(' a\nb\n  \t\tc\n d')).toEqual([
      '271789c17abda88f:1',
      '54703d4cd895b18:1',
      '180aee12dab6264:1',
      'a23a3dc5e078b07b:1',
    ]);
    const lf = lineHashes(' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n');
    expect(lf).toEqual([
      'e9496ae3ebfced30:1',
      'fb7c023a8b9ccb3f:1',
      'ce8ba1a563dcdaca:1',
      'e20e36e16fcb0cc8:1',
      'b3edc88f2938467e:1',
      'c8e28b0b4002a3a0:1',
      'c129715d7a2bc9a3:1',
    ]);
    expect(lineHashes(' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n')).toEqual(lf);
    expect(lineHashes(' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r')).toEqual(lf);
    const rep = lineHashes('Lorem ipsum dolor sit amet.\n'.repeat(10));
    expect(rep.slice(0, 6)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `a7f2ff13bc495cf2:${n}`));
    expect(rep[6]).toBe('a7f2ff1481e87703:1');
    expect(rep).toHaveLength(11);
  });
});
