/**
 * A trivy-action configuration (severity, exit-code, .trivyignore) and a GitLab Container Scanning
 * environment (CS_* variables) through the CLI, in a repository of their own.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { ScanResult } from '../../../src/core/result';

// SG-DF-001 (root user, high; trivy DS-0002), SG-DF-005 (latest tag, medium; trivy DS-0001), and mediums,
// lows and an info below them.
const DOCKERFILE = `FROM node:latest
RUN apt-get update && apt-get install -y curl
ADD app.tar.gz /app
RUN cd /app && npm install
EXPOSE 22
`;

let work: string;
let cwd: string;
const savedEnv = { ...process.env };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shipgate-vocabulary-'));
  mkdirSync(join(work, '.git'));
  writeFileSync(join(work, 'Dockerfile'), DOCKERFILE);
  cwd = process.cwd();
  process.chdir(work);
});

afterAll(() => {
  process.chdir(cwd);
  rmSync(work, { recursive: true, force: true });
});

afterEach(() => {
  rmSync(join(work, '.trivyignore'), { force: true });
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
});

/** Runs the CLI quietly; returns the exit code, the JSON report and what went to stderr. */
async function scan(args: string[]): Promise<{ code: number; report?: ScanResult; stderr: string }> {
  const json = join(work, 'report.json');
  rmSync(json, { force: true });
  const errors: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    errors.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(['scan', ...args, '--format', 'json', '--output', json]);
  } finally {
    process.stderr.write = write;
  }
  let report: ScanResult | undefined;
  try {
    report = JSON.parse(readFileSync(json, 'utf8')) as ScanResult;
  } catch {
    report = undefined;
  }
  return { code, ...(report ? { report } : {}), stderr: errors.join('') };
}

describe('a trivy-action configuration', () => {
  const TRIVYIGNORE = [
    '# accepted while the base image is replaced',
    'DS001 exp:2999-12-31',
    'AVD-DS-0002 exp:2020-01-01   # the root user fix shipped long ago',
    '',
  ].join('\n');

  it('severity CRITICAL,HIGH, exit-code 3 and a .trivyignore with an expired and a live id', async () => {
    writeFileSync(join(work, '.trivyignore'), TRIVYIGNORE);
    const { code, report, stderr } = await scan([
      '--dockerfile',
      'Dockerfile',
      '--severity',
      'CRITICAL,high',
      '--exit-code',
      '3',
    ]);
    expect(code).toBe(3);
    const r = report!;
    // Only the high finding is reported; its ignore expired, so it blocks.
    expect(r.findings.map((f) => [f.ruleId, f.severity, !!f.suppressed])).toEqual([
      ['SG-DF-001', 'high', false],
    ]);
    expect(r.decision!.approved).toBe(false);
    expect(r.decision!.reasons[0]).toMatchObject({ code: 'severity-threshold', blocking: true });
    const hidden = r.decision!.reasons.find((x) => x.code === 'severity-filter');
    expect(hidden).toMatchObject({ blocking: false });
    expect(hidden!.message).toBe(
      '12 findings hidden by severity CRITICAL,HIGH (5 medium, 6 low, 1 info); hidden findings are not reported and do not count toward the gate',
    );
    expect(r.warnings).toContain(hidden!.message);
    expect(r.warnings).toContain(
      'ignore for SG-DF-001 expired on 2020-01-01 and no longer applies (from .trivyignore (AVD-DS-0002))',
    );
    expect(r.decision!.reasons).toContainEqual({
      code: 'ignore-expired',
      blocking: false,
      message: 'ignore for SG-DF-001 expired on 2020-01-01',
    });
    expect(stderr).toContain('12 findings hidden by severity CRITICAL,HIGH');
  });

  it('shows the live id as suppressed, with its expiry and where it came from', async () => {
    writeFileSync(join(work, '.trivyignore'), TRIVYIGNORE);
    const { code, report } = await scan(['--dockerfile', 'Dockerfile', '--exit-code', '3']);
    expect(code).toBe(3);
    const latest = report!.findings.find((f) => f.ruleId === 'SG-DF-005');
    expect(latest!.suppressed).toEqual({
      kind: 'policy',
      reason: 'from .trivyignore (DS001)',
      expires: '2999-12-31',
    });
    expect(report!.decision!.reasons.some((x) => x.code === 'severity-filter')).toBe(false);
  });

  it('a finding hidden by severity does not block, and the approval says how many were hidden', async () => {
    const { code, report } = await scan([
      '--dockerfile',
      'Dockerfile',
      '--fail-on',
      'low',
      '--severity',
      'critical',
      '--exit-code',
      '3',
    ]);
    expect(code).toBe(0);
    expect(report!.findings).toEqual([]);
    expect(report!.decision!.approved).toBe(true);
    expect(report!.decision!.reasons[0]!.message).toMatch(/\(13 hidden by severity\)$/);
  });

  it('exit-code changes only the refusal: a usage error keeps exit 2', async () => {
    expect((await scan(['--dockerfile', 'missing.Dockerfile', '--exit-code', '3'])).code).toBe(2);
    expect((await scan(['--dockerfile', 'Dockerfile', '--exit-code', '256'])).stderr).toMatch(
      /--exit-code: invalid exit code "256"/,
    );
    expect((await scan(['--dockerfile', 'Dockerfile', '--severity', 'HIGH,SEVERE'])).stderr).toMatch(
      /invalid --severity "SEVERE"/,
    );
  });

  it('--ignorefile names a trivy YAML ignore file', async () => {
    writeFileSync(
      join(work, 'ignores.yaml'),
      'misconfigurations:\n  - id: AVD-DS-0002\n    statement: runs as root by design\n    expired_at: 2999-01-01\n',
    );
    const { code, report } = await scan(['--dockerfile', 'Dockerfile', '--ignorefile', 'ignores.yaml']);
    expect(code).toBe(0);
    expect(report!.findings.find((f) => f.ruleId === 'SG-DF-001')!.suppressed).toEqual({
      kind: 'policy',
      reason: 'from ignores.yaml (AVD-DS-0002): runs as root by design',
      expires: '2999-01-01',
    });
  });
});

describe('a GitLab Container Scanning environment', () => {
  it('CS_DOCKERFILE_PATH and CS_SEVERITY_THRESHOLD stand in for --dockerfile and --fail-on', async () => {
    Object.assign(process.env, {
      GITLAB_CI: 'true',
      CS_DOCKERFILE_PATH: 'Dockerfile',
      CS_SEVERITY_THRESHOLD: 'CRITICAL',
    });
    const approved = await scan([]);
    expect(approved.code).toBe(0);
    expect(approved.report!.dockerfiles.map((d) => d.path)).toEqual(['Dockerfile']);
    expect(approved.report!.decision!.reasons[0]!.message).toMatch(/threshold critical/);

    process.env.CS_SEVERITY_THRESHOLD = 'MEDIUM';
    expect((await scan([])).code).toBe(1);
    // A flag wins over the variable.
    expect((await scan(['--fail-on', 'critical'])).code).toBe(0);
  });

  it('CS_IMAGE is the image to scan', async () => {
    Object.assign(process.env, { GITLAB_CI: 'true', CS_IMAGE: 'docker-archive:from-cs-image.tar' });
    const { code, stderr } = await scan([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/from-cs-image\.tar/);
  });

  it('outside GitLab CI the CS_* variables are not read', async () => {
    Object.assign(process.env, { CS_DOCKERFILE_PATH: 'Dockerfile', CS_IMAGE: 'alpine:3' });
    const { code, stderr } = await scan([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/nothing to scan/);
  });

  it('refuses a CS_SEVERITY_THRESHOLD GitLab would not accept', async () => {
    Object.assign(process.env, { GITLAB_CI: 'true', CS_SEVERITY_THRESHOLD: 'SEVERE' });
    expect((await scan(['--dockerfile', 'Dockerfile'])).stderr).toMatch(
      /CS_SEVERITY_THRESHOLD: invalid value "SEVERE"/,
    );
  });
});
