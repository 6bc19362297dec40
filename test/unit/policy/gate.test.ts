import { describe, expect, it } from 'vitest';
import { countBySeverity } from '../../../src/core/result';
import { atLeast } from '../../../src/core/severity';
import { applyPolicy, decide, defaultPolicy, parsePolicy } from '../../../src/policy';
import { blockingReasonsLine } from '../../../src/report/decision';
import { lint, result, secret, target, vuln } from './fixtures';

const NOW = new Date('2026-09-20T12:00:00Z');

describe('applyPolicy', () => {
  it('drops disabled rules and overrides severities', () => {
    const p = parsePolicy(
      'version: 1\nrules:\n  SG-DF-010: { enabled: false }\n  SG-DF-020: { severity: critical }\n',
    );
    const out = applyPolicy(
      [lint('SG-DF-010', 'high'), lint('SG-DF-020', 'low'), lint('SG-DF-030', 'low')],
      p,
      NOW,
    );
    expect(out.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['SG-DF-020', 'critical'],
      ['SG-DF-030', 'low'],
    ]);
    expect(out.findings[0]!.properties?.originalSeverity).toBe('low');
  });

  it('suppresses by id, alias, package, path and image globs with the reason and expiry', () => {
    const p = parsePolicy(`version: 1
ignores:
  - id: CVE-2024-0001
    reason: not reachable
    expires: 2026-12-31
  - id: GHSA-*
    packages: [lodash]
    reason: dev only
  - id: CVE-2024-0003
    images: ["ghcr.io/acme/*"]
    paths: ["/usr/lib/**"]
    reason: base image, tracked upstream
`);
    const findings = [
      vuln('CVE-2024-0001', 'critical'),
      vuln('CVE-2024-0002', 'high', { aliases: ['GHSA-aaaa-bbbb-cccc'], pkg: 'lodash' }),
      vuln('CVE-2024-0002', 'high', { aliases: ['GHSA-aaaa-bbbb-cccc'], pkg: 'express' }),
      vuln('CVE-2024-0003', 'high', { imagePath: '/usr/lib/x/package.json' }),
      vuln('CVE-2024-0003', 'high', { imagePath: '/opt/app/package.json' }),
      vuln('CVE-2024-0003', 'high', { imagePath: '/usr/lib/y', ref: 'docker.io/other/app:1' }),
    ];
    const out = applyPolicy(findings, p, NOW);
    expect(out.findings.map((f) => f.suppressed?.reason ?? null)).toEqual([
      'not reachable',
      'dev only',
      null,
      'base image, tracked upstream',
      null,
      null,
    ]);
    expect(out.findings[0]!.suppressed).toEqual({
      kind: 'policy',
      reason: 'not reachable',
      expires: '2026-12-31',
    });
    expect(out.warnings).toEqual([]);
  });

  it('stops applying expired ignores, warns about those and about soon-expiring ones', () => {
    const p = parsePolicy(`version: 1
ignores:
  - { id: CVE-2024-1, reason: old, expires: 2026-09-19 }
  - { id: CVE-2024-2, reason: soon, expires: 2026-10-01 }
  - { id: CVE-2024-3, reason: today, expires: 2026-09-20 }
  - { id: CVE-2024-9, reason: unused }
`);
    const out = applyPolicy(
      [vuln('CVE-2024-1', 'high'), vuln('CVE-2024-2', 'high'), vuln('CVE-2024-3', 'low')],
      p,
      NOW,
    );
    expect(out.findings.map((f) => !!f.suppressed)).toEqual([false, true, true]);
    expect(out.warnings).toEqual([
      'ignore for CVE-2024-1 expired on 2026-09-19 and no longer applies (old)',
      'ignore for CVE-2024-2 expires on 2026-10-01 (in 11 days)',
      'ignore for CVE-2024-3 expires on 2026-09-20 (today)',
      'ignore for CVE-2024-9 matched no finding',
    ]);
  });

  it('lets secrets pass only through secrets.allow', () => {
    const s1 = secret('SG-SEC-003', 4, '/app/.env');
    const s2 = secret('SG-SEC-005', 2, '/test/fixtures/key.pem');
    const p = parsePolicy(`version: 1
ignores:
  - { id: SG-SEC-003, reason: nope }
secrets:
  allow:
    - { rule: SG-SEC-005, paths: ["/test/**"], reason: test fixture }
`);
    const out = applyPolicy([s1, s2], p, NOW);
    expect(out.findings[0]!.suppressed).toBeUndefined();
    expect(out.findings[1]!.suppressed?.reason).toBe('test fixture');
    expect(out.warnings).toContain(
      'ignore for SG-SEC-003 does not apply to secrets; list the secret under secrets.allow instead',
    );
    const byFp = applyPolicy(
      [s1],
      parsePolicy(
        `version: 1\nsecrets:\n  allow:\n    - { fingerprint: "${s1.fingerprint}", reason: rotated }\n`,
      ),
      NOW,
    );
    expect(byFp.findings[0]!.suppressed?.reason).toBe('rotated');
  });

  it('hides unfixed vulnerabilities with ignore-unfixed and keeps inline suppressions', () => {
    const p = parsePolicy('version: 1\nvulnerabilities:\n  ignore-unfixed: true\n');
    const inline = {
      ...lint('SG-DF-001', 'high'),
      suppressed: { kind: 'inline' as const, reason: 'pragma' },
    };
    const out = applyPolicy(
      [vuln('CVE-1', 'high', { fixable: false }), vuln('CVE-2', 'high'), inline],
      p,
      NOW,
    );
    expect(out.findings.map((f) => f.suppressed?.kind ?? null)).toEqual(['policy', null, 'inline']);
  });
});

describe('decide', () => {
  it('approves a clean result and blocks at the threshold with the shared wording', () => {
    expect(decide(result([lint('SG-DF-001', 'medium')]), defaultPolicy(), { now: NOW })).toMatchObject({
      approved: true,
      policy: 'default policy',
      reasons: [{ code: 'ok', blocking: false }],
    });
    const findings = [
      vuln('CVE-1', 'critical'),
      vuln('CVE-2', 'critical', { fixable: false }),
      ...[1, 2, 3, 4, 5].map((i) => vuln(`CVE-1${i}`, 'high', { fixable: i <= 2 })),
      vuln('CVE-30', 'medium'),
      lint('SG-DF-002', 'high'),
    ];
    const d = decide(result(findings), defaultPolicy(), { now: NOW });
    expect(d.approved).toBe(false);
    const over = findings.filter((f) => f.kind === 'vulnerability' && atLeast(f.severity, 'high'));
    const fixable = over.filter((f) => f.fixable).length;
    const counts = countBySeverity(over);
    expect(d.reasons[0]).toMatchObject({
      code: 'severity-threshold',
      blocking: true,
      severity: 'critical',
      message: `${counts.critical} critical and ${counts.high} high vulnerabilities at or above the threshold high (${fixable} fixable)`,
    });
    expect(d.reasons[0]!.message).toBe(
      '2 critical and 5 high vulnerabilities at or above the threshold high (3 fixable)',
    );
    expect(d.reasons[0]!.findings).toEqual(over.map((f) => f.fingerprint));
    expect(d.reasons[1]!.message).toBe('1 high Dockerfile finding at or above the threshold high');
    expect(blockingReasonsLine(d)).toBe(`${d.reasons[0]!.message}; ${d.reasons[1]!.message}`);
  });

  it('honours fail-on overrides, only-fixable, parts and max counts', () => {
    const findings = [
      vuln('CVE-1', 'high', { fixable: false }),
      vuln('CVE-2', 'medium'),
      lint('SG-DF-002', 'medium'),
    ];
    expect(decide(result(findings), defaultPolicy(), { failOn: 'none', now: NOW }).approved).toBe(true);
    expect(decide(result(findings), defaultPolicy(), { failOn: 'critical', now: NOW }).approved).toBe(true);
    const onlyFixable = parsePolicy('version: 1\ngate:\n  only-fixable: true\n');
    const d1 = decide(result(findings), onlyFixable, { now: NOW });
    expect(d1.approved).toBe(true);
    const d2 = decide(result(findings), onlyFixable, { failOn: 'medium', now: NOW });
    expect(d2.reasons.filter((r) => r.blocking).map((r) => r.message)).toEqual([
      '1 medium vulnerability at or above the threshold medium (only fixable counted; 1 without a fix not counted)',
      '1 medium Dockerfile finding at or above the threshold medium',
    ]);
    const noDockerfile = parsePolicy(
      'version: 1\ngate:\n  fail-on: medium\n  parts: [vulnerabilities, secrets]\n',
    );
    expect(
      decide(result(findings), noDockerfile, { now: NOW }).reasons.filter((r) => r.blocking),
    ).toHaveLength(1);
    const max = parsePolicy('version: 1\ngate:\n  fail-on: none\n  max: { medium: 1, high: 0 }\n');
    expect(
      decide(result(findings), max, { now: NOW })
        .reasons.filter((r) => r.blocking)
        .map((r) => r.message),
    ).toEqual([
      '1 high finding, more than the maximum of 0 (gate.max.high)',
      '2 medium findings, more than the maximum of 1 (gate.max.medium)',
    ]);
  });

  it('fail-on info in the policy file blocks on any unsuppressed finding, as --fail-on info does', () => {
    const findings = [
      lint('SG-DF-010', 'info'),
      { ...vuln('CVE-9', 'info'), suppressed: { kind: 'policy' as const } },
    ];
    const info = parsePolicy('version: 1\ngate:\n  fail-on: info\n');
    expect(info.gate['fail-on']).toBe('info');
    const d = decide(result(findings), info, { now: NOW });
    expect(d.approved).toBe(false);
    expect(d.reasons.filter((r) => r.blocking).map((r) => r.message)).toEqual([
      '1 info Dockerfile finding at or above the threshold info',
    ]);
    expect(decide(result(findings), defaultPolicy(), { failOn: 'info', now: NOW }).approved).toBe(false);
    const low = parsePolicy('version: 1\ngate:\n  fail-on: low\n');
    expect(decide(result(findings), low, { now: NOW }).approved).toBe(true);
    expect(decide(result(findings.slice(1)), info, { now: NOW }).approved).toBe(true);
  });

  it('blocks on every unsuppressed secret whatever the threshold, and ignores suppressed findings', () => {
    const s = secret('SG-SEC-003', 4, '/app/.env');
    const d = decide(
      result([s, { ...vuln('CVE-1', 'critical'), suppressed: { kind: 'policy', reason: 'x' } }]),
      defaultPolicy(),
      {
        failOn: 'none',
        now: NOW,
      },
    );
    expect(d.approved).toBe(false);
    expect(d.reasons).toEqual([
      {
        code: 'secret',
        blocking: true,
        severity: 'critical',
        message: 'secret found: SG-SEC-003 in layer 4 (/app/.env)',
        findings: [s.fingerprint],
      },
    ]);
    const many = Array.from({ length: 13 }, (_, i) => secret('SG-SEC-001', i, `/k${i}`));
    const d2 = decide(result(many), defaultPolicy(), { now: NOW });
    expect(d2.reasons).toHaveLength(11);
    expect(d2.reasons[10]!.message).toBe('and 3 more secrets');
  });

  it('reports expired ignores as non-blocking reasons', () => {
    const p = parsePolicy('version: 1\nignores:\n  - { id: CVE-2024-1, reason: r, expires: 2026-09-01 }\n');
    const d = decide(result([]), p, { now: NOW });
    expect(d.approved).toBe(true);
    expect(d.reasons).toContainEqual({
      code: 'ignore-expired',
      blocking: false,
      message: 'ignore for CVE-2024-1 expired on 2026-09-01',
    });
  });
});

describe('required Dockerfile properties', () => {
  const strictPolicy = parsePolicy(`version: 1
dockerfile:
  require-non-root: true
  require-multistage: true
  require-digest-pinned-base: true
  minimal-base: ["gcr.io/distroless/*", "*-slim", "alpine"]
  allowed-registries: [docker.io, gcr.io]
`);

  it('blocks a single-stage root build on a non-minimal, unpinned base from an unknown registry', () => {
    const bad = target(
      'examples/node-bad/Dockerfile',
      'FROM quay.io/acme/node:latest\nCOPY . .\nCMD ["node", "a.js"]\n',
    );
    const d = decide(result([], [bad]), strictPolicy, { now: NOW });
    expect(d.approved).toBe(false);
    expect(d.reasons.map((r) => r.message)).toEqual([
      'examples/node-bad/Dockerfile:1: final stage sets no USER and runs as root (require-non-root)',
      'examples/node-bad/Dockerfile:1: single-stage build (no separate build stage) (require-multistage)',
      'examples/node-bad/Dockerfile:1: base image quay.io/acme/node:latest is not pinned by digest (require-digest-pinned-base)',
      'examples/node-bad/Dockerfile:1: base image quay.io/acme/node:latest comes from quay.io, which is not an allowed registry (docker.io, gcr.io) (allowed-registries)',
      'examples/node-bad/Dockerfile:1: final base image quay.io/acme/node:latest is not in the minimal-base allow-list (minimal-base)',
    ]);
    expect(d.reasons.every((r) => r.code === 'required-property' && r.blocking)).toBe(true);
  });

  it('approves a pinned multistage build on distroless running as nonroot, and flags USER root', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const good = target(
      'examples/go-good/Dockerfile',
      `FROM golang:1.23@${digest} AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12@${digest}\nCOPY --from=build /app /app\nUSER 65532:65532\n`,
    );
    expect(decide(result([], [good]), strictPolicy, { now: NOW }).approved).toBe(true);
    const root = target(
      'Dockerfile',
      `FROM golang:1.23@${digest} AS build\nFROM build\nUSER app\nUSER root:root\n`,
    );
    const d = decide(result([], [root]), strictPolicy, { now: NOW });
    expect(d.reasons.filter((r) => r.blocking).map((r) => r.message)).toEqual([
      'Dockerfile:4: final stage runs as root (USER root:root) (require-non-root)',
      'Dockerfile:2: final base image golang:1.23@' +
        digest +
        ' is not in the minimal-base allow-list (minimal-base)',
    ]);
  });

  it('can be waived only in shipgate.yaml, by property name and path', () => {
    const p = parsePolicy(`version: 1
dockerfile:
  require-non-root: true
ignores:
  - id: require-non-root
    paths: ["tools/**"]
    reason: build helper image, never deployed
`);
    const t1 = target('tools/Dockerfile', 'FROM alpine:3\n');
    const t2 = target('app/Dockerfile', 'FROM alpine:3\n');
    const d = decide(result([], [t1, t2]), p, { now: NOW });
    expect(d.reasons.filter((r) => r.blocking).map((r) => r.message)).toEqual([
      'app/Dockerfile:1: final stage sets no USER and runs as root (require-non-root)',
    ]);
  });
});

describe('escalation by required properties', () => {
  it('raises the property rule to high unless the rule severity is set explicitly', () => {
    const p = parsePolicy('version: 1\ndockerfile:\n  require-digest-pinned-base: true\n');
    const out = applyPolicy([lint('SG-DF-004', 'low'), lint('SG-DF-005', 'low')], p, NOW);
    expect(out.findings.map((f) => f.severity)).toEqual(['high', 'low']);
    expect(out.findings[0]!.properties).toEqual({
      originalSeverity: 'low',
      requiredBy: 'require-digest-pinned-base',
    });
    const explicit = parsePolicy(
      'version: 1\ndockerfile:\n  require-digest-pinned-base: true\nrules:\n  SG-DF-004: { severity: medium }\n',
    );
    expect(applyPolicy([lint('SG-DF-004', 'low')], explicit, NOW).findings[0]!.severity).toBe('medium');
  });
});
