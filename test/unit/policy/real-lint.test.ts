/** The policy on real Dockerfile lint results: required properties, escalation and the decision together. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../../src/core/result';
import { lintDockerfile } from '../../../src/dockerfile/index';
import {
  applyPolicy,
  decide,
  defaultPolicy,
  dockerfileLintOptions,
  parsePolicy,
  policyVexFiles,
  PROPERTY_RULES,
  unknownRuleWarnings,
  withPipelineOptions,
} from '../../../src/policy';
import { result } from './fixtures';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const NOW = new Date('2026-09-20T00:00:00Z');

async function scan(example: string, policyText?: string): Promise<{ r: ScanResult; raw: ScanResult }> {
  const policy = policyText ? parsePolicy(policyText) : defaultPolicy();
  const path = `examples/${example}/Dockerfile`;
  const content = readFileSync(join(ROOT, path), 'utf8');
  const { findings, target } = await lintDockerfile({ path, content }, dockerfileLintOptions(policy));
  const applied = applyPolicy(findings, policy, NOW);
  const r = result(applied.findings, [target]);
  r.decision = decide(r, policy, { now: NOW });
  return { r, raw: result(findings, [target]) };
}

describe('policy on real lint results', () => {
  it('require-non-root on examples/node-bad: escalates SG-DF-001, blocks once with its fingerprint', async () => {
    const { r, raw } = await scan(
      'node-bad',
      'version: 1\ngate:\n  fail-on: none\ndockerfile:\n  require-non-root: true\n',
    );
    const rootFinding = raw.findings.find((f) => f.ruleId === PROPERTY_RULES['require-non-root']);
    expect(rootFinding, 'the linter reports the root final stage').toBeDefined();
    const escalated = r.findings.find((f) => f.fingerprint === rootFinding!.fingerprint)!;
    expect(['high', 'critical']).toContain(escalated.severity);
    const blocking = r.decision!.reasons.filter((x) => x.blocking);
    expect(blocking).toHaveLength(1);
    expect(blocking[0]).toMatchObject({ code: 'required-property', findings: [rootFinding!.fingerprint] });
    expect(blocking[0]!.message).toMatch(
      /^examples\/node-bad\/Dockerfile:\d+: final stage .*root.* \(require-non-root\)$/,
    );
  });

  it('examples/go-good passes the strictest properties; node-bad fails the default threshold', async () => {
    const strict = `version: 1
dockerfile:
  require-non-root: true
  require-multistage: true
  require-digest-pinned-base: false
  minimal-base: ["gcr.io/distroless/*"]
`;
    const good = await scan('go-good', strict);
    expect(good.r.decision!.reasons.filter((x) => x.blocking)).toEqual([]);
    const bad = await scan('node-bad');
    expect(bad.r.decision!.approved).toBe(false);
    // Every threshold reason lists only findings that are at or above it.
    for (const reason of bad.r.decision!.reasons.filter((x) => x.code === 'severity-threshold'))
      for (const fp of reason.findings ?? [])
        expect(['high', 'critical']).toContain(bad.r.findings.find((f) => f.fingerprint === fp)!.severity);
  });

  it('an explicit rule severity wins over the escalation, and disabled rules do not reach the linter output', async () => {
    const { r } = await scan(
      'node-bad',
      'version: 1\ndockerfile:\n  require-non-root: true\nrules:\n  SG-DF-001: { severity: low }\n  SG-DF-005: { enabled: false }\n',
    );
    expect(r.findings.filter((f) => f.ruleId === 'SG-DF-001').every((f) => f.severity === 'low')).toBe(true);
    expect(r.findings.some((f) => f.ruleId === 'SG-DF-005' && !f.suppressed)).toBe(false);
  });
});

describe('registry and digest properties on every image a build pulls', () => {
  const D = `sha256:${'a'.repeat(64)}`;
  const policy = parsePolicy(
    'version: 1\ngate:\n  fail-on: none\ndockerfile:\n  require-digest-pinned-base: true\n  allowed-registries: [docker.io]\n',
  );

  async function blocking(content: string): Promise<string[]> {
    const { findings, target } = await lintDockerfile(
      { path: 'Dockerfile', content },
      dockerfileLintOptions(policy),
    );
    const r = result(applyPolicy(findings, policy, NOW).findings, [target]);
    return decide(r, policy, { now: NOW })
      .reasons.filter((x) => x.blocking)
      .map((x) => x.message);
  }

  it('refuses an image COPY --from or RUN --mount=from= reads, as it refuses a base image', async () => {
    expect(
      await blocking(`FROM alpine:3.20@${D}\nCOPY --from=quay.io/acme/tools:latest /bin/t /t\n`),
    ).toEqual([
      'Dockerfile:2: image quay.io/acme/tools:latest is not pinned by digest (require-digest-pinned-base)',
      'Dockerfile:2: image quay.io/acme/tools:latest comes from quay.io, which is not an allowed registry (docker.io) (allowed-registries)',
    ]);
    expect(
      await blocking(
        `FROM alpine:3.20@${D}\nRUN --mount=type=bind,from=quay.io/acme/tools@${D},target=/m true\n`,
      ),
    ).toEqual([
      `Dockerfile:2: image quay.io/acme/tools@${D} comes from quay.io, which is not an allowed registry (docker.io) (allowed-registries)`,
    ]);
  });

  it('refuses a base it cannot check against the allowed registries, and passes stages and pinned allowed images', async () => {
    expect(await blocking('FROM $BASE\n')).toEqual([
      'Dockerfile:1: base image $BASE cannot be checked for a digest (unresolved variable) (require-digest-pinned-base)',
      'Dockerfile:1: base image $BASE cannot be checked against the allowed registries (unresolved variable) (allowed-registries)',
    ]);
    expect(
      await blocking(
        `FROM alpine:3.20@${D} AS build\nFROM alpine:3.20@${D}\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=docker.io/library/busybox@${D} /bin/sh /sh\n`,
      ),
    ).toEqual([]);
  });
});

describe('front-door overrides', () => {
  it('merges --ignore-unfixed and --vex, and resolves VEX paths against the policy file', () => {
    const p = {
      ...parsePolicy('version: 1\nvulnerabilities:\n  vex: [vex/app.json]\n'),
      baseDir: '/repo/ci',
    };
    expect(withPipelineOptions(p, {})).toBe(p);
    const merged = withPipelineOptions(p, { ignoreUnfixed: true, vex: ['/abs/extra.json'] });
    expect(merged.vulnerabilities).toEqual({
      'ignore-unfixed': true,
      vex: ['vex/app.json', '/abs/extra.json'],
    });
    expect(policyVexFiles(merged)).toEqual(['/repo/ci/vex/app.json', '/abs/extra.json']);
  });
});

describe('examples/shipgate.yaml', () => {
  it('names only rule ids that exist', async () => {
    const { dockerfileRules } = await import('../../../src/dockerfile/index');
    const { SECRET_RULE_META } = await import('../../../src/secrets/index');
    const known = new Set([...dockerfileRules(), ...SECRET_RULE_META].map((r) => r.id));
    const p = parsePolicy(readFileSync(join(ROOT, 'examples', 'shipgate.yaml'), 'utf8'));
    const named = [
      ...Object.keys(p.rules),
      ...p.ignores.map((i) => i.id).filter((id) => id.startsWith('SG-')),
      ...p.secrets.allow.map((a) => a.rule).filter((r): r is string => !!r),
    ];
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('unknownRuleWarnings', () => {
  it('flags rule overrides for ids no scanner has', async () => {
    const { dockerfileRules } = await import('../../../src/dockerfile/index');
    const p = parsePolicy(
      'version: 1\nrules:\n  SG-DF-001: { severity: low }\n  SG-DF-999: { enabled: false }\n',
    );
    expect(
      unknownRuleWarnings(
        p,
        dockerfileRules().map((r) => r.id),
      ),
    ).toEqual([
      'shipgate.yaml: rules.SG-DF-999: no such rule (see `shipgate rules`); the override does nothing',
    ]);
  });
});
