import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidV5 } from '../../../src/report/gitlab/common';
import {
  buildCodeQualityReport,
  buildContainerScanningReport,
  dotenvVariables,
  formatDotenv,
  writeGitlabReports,
} from '../../../src/report/gitlab/index';
import { insertLineDiff, upgradeCommand } from '../../../src/report/gitlab/remediation';
import { eolFinding } from '../../../src/vuln/rules';
import {
  DOCKERFILE_PATH,
  DOCKERFILE_TEXT,
  IMAGE_DIGEST,
  IMAGE_REF,
  scanResult,
} from '../../support/gitlab/fixtures';
import { errorsOf, validateCodeQuality, validateContainerScanning } from '../../support/gitlab/schemas';

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-gitlab-reports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const texts = new Map([[DOCKERFILE_PATH, DOCKERFILE_TEXT]]);

/** `git apply` on a scratch repository holding the Dockerfile: the oracle for remediation patches. */
function gitApply(diff: string, text = DOCKERFILE_TEXT): string {
  const dir = mkdtempSync(join(tmp, 'repo-'));
  execFileSync('git', ['init', '-q', dir]);
  writeFileSync(join(dir, DOCKERFILE_PATH), text);
  writeFileSync(join(dir, 'fix.patch'), diff);
  execFileSync('git', ['apply', '--check', 'fix.patch'], { cwd: dir });
  execFileSync('git', ['apply', 'fix.patch'], { cwd: dir });
  return readFileSync(join(dir, DOCKERFILE_PATH), 'utf8');
}

describe('uuidV5', () => {
  it('matches the RFC 4122 / Python uuid.uuid5 reference value', () => {
    // uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com') in CPython
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('container scanning report', () => {
  const result = scanResult();
  const report = buildContainerScanningReport(result, { dockerfileTexts: texts });

  it('validates against the official GitLab 15.2.4 schema', () => {
    expect(validateContainerScanning(report), errorsOf(validateContainerScanning)).toBe(true);
    // The validator is not vacuous: a severity GitLab does not know is rejected.
    const bad = { ...report, vulnerabilities: [{ ...report.vulnerabilities[0]!, severity: 'Severe' }] };
    expect(validateContainerScanning(bad)).toBe(false);
  });

  it('holds the unsuppressed OS package vulnerabilities, then the language package ones', () => {
    const names = report.vulnerabilities.map((v) => v.location.dependency.package.name);
    expect(names.slice(0, 2).sort()).toEqual(['libssl3', 'zlib1g']);
    expect(names.slice(2).sort()).toEqual(['lodash', 'stdlib']); // minimist is suppressed by VEX
    for (const v of report.vulnerabilities) {
      expect(v.location.operating_system).toBe('debian:12');
      expect(v.location.image).toBe(IMAGE_REF);
    }
  });

  it('fills the scan object with times in the schema format and the warnings as messages', () => {
    expect(report.scan.type).toBe('container_scanning');
    expect(report.scan.start_time).toBe('2026-11-25T13:40:01');
    expect(report.scan.end_time).toBe('2026-11-25T13:40:17');
    expect(report.scan.status).toBe('success');
    expect(report.scan.messages).toContainEqual({ level: 'warn', value: result.warnings[0] });
  });

  it('gives stable, distinct version-5 UUIDs', () => {
    const again = buildContainerScanningReport(scanResult(), { dockerfileTexts: texts });
    const ids = report.vulnerabilities.map((v) => v.id);
    expect(again.vulnerabilities.map((v) => v.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('puts the CVE first among identifiers and keeps only valid CVSS vectors and URLs', () => {
    const ssl = report.vulnerabilities.find((v) => v.location.dependency.package.name === 'libssl3')!;
    expect(ssl.identifiers.map((i) => i.value)).toEqual(['CVE-2023-5678', 'DEBIAN-CVE-2023-5678']);
    expect(ssl.identifiers[0]!.url).toBe('https://nvd.nist.gov/vuln/detail/CVE-2023-5678');
    const zlib = report.vulnerabilities.find((v) => v.location.dependency.package.name === 'zlib1g')!;
    expect(zlib.severity).toBe('Critical');
    expect(zlib.cvss_vectors).toEqual([
      { vendor: 'nvd', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    ]);
    expect(zlib.links).toEqual([{ url: 'https://security-tracker.debian.org/tracker/CVE-2023-45853' }]);
    expect(zlib.solution).toMatch(/will not fix/);
  });

  it('offers a remediation only for the package with a fixed version, as a patch git applies', () => {
    expect(report.remediations).toHaveLength(1);
    const r = report.remediations[0]!;
    const ssl = report.vulnerabilities.find((v) => v.location.dependency.package.name === 'libssl3')!;
    expect(r.fixes).toEqual([{ id: ssl.id }]);
    const patched = gitApply(Buffer.from(r.diff, 'base64').toString('utf8'));
    const lines = patched.split('\n');
    // The upgrade runs right after the final stage's FROM (line 8), before any USER switch.
    expect(lines[7]).toBe('FROM debian:12-slim');
    expect(lines[8]).toBe(
      'RUN apt-get update && apt-get install -y --no-install-recommends --only-upgrade libssl3 && rm -rf /var/lib/apt/lists/*',
    );
    expect(lines.length).toBe(DOCKERFILE_TEXT.split('\n').length + 1);
  });

  it('has no remediations without the Dockerfile text, and stays valid without an image', () => {
    expect(buildContainerScanningReport(result).remediations).toEqual([]);
    const empty = buildContainerScanningReport(scanResult({ image: undefined, findings: [], packages: [] }));
    expect(validateContainerScanning(empty), errorsOf(validateContainerScanning)).toBe(true);
    expect(empty.vulnerabilities).toEqual([]);
  });

  it('reports an end-of-life OS release as a vulnerability of the OS itself', () => {
    const os = { id: 'debian', versionId: '10', codename: 'buster', eol: true, eolDate: '2024-06-30' };
    const base = scanResult();
    const eol = eolFinding(os, { ref: IMAGE_REF })!;
    const r = buildContainerScanningReport(
      scanResult({ image: { ...base.image!, os }, findings: [eol, ...base.findings] }),
      { dockerfileTexts: texts },
    );
    expect(validateContainerScanning(r), errorsOf(validateContainerScanning)).toBe(true);
    const v = r.vulnerabilities.find((x) => x.identifiers[0]!.value === eol.ruleId)!;
    expect(v.location).toMatchObject({
      dependency: { package: { name: 'debian' }, version: '10' },
      operating_system: 'debian:10',
    });
    expect(v.severity).toBe('High');
    expect(v.identifiers[0]!.url).toMatch(/^https:\/\//);
    // Remediations still point at the package vulnerabilities' ids.
    const ids = new Set(r.vulnerabilities.map((x) => x.id));
    for (const rem of r.remediations) for (const fix of rem.fixes) expect(ids.has(fix.id)).toBe(true);
  });

  it('shows a vulnerability without severity data as Unknown', () => {
    const base = scanResult();
    const findings = base.findings.map((f) =>
      f.ruleId === 'CVE-2023-5678'
        ? {
            ...f,
            vulnerability: {
              ...f.vulnerability!,
              cvss: [],
              score: undefined,
              severitySource: 'unknown (no severity in the data; default medium)',
            },
          }
        : f,
    );
    const r = buildContainerScanningReport(scanResult({ findings }));
    const ssl = r.vulnerabilities.find((v) => v.location.dependency.package.name === 'libssl3')!;
    expect(ssl.severity).toBe('Unknown');
    expect(ssl.cvss_vectors).toBeUndefined();
  });

  it('adds default_branch_image when given, and marks a failed scan', () => {
    const r = buildContainerScanningReport(result, {
      defaultBranchImage: 'registry.gitlab.example.com/acme/web:main',
      failed: true,
    });
    expect(validateContainerScanning(r), errorsOf(validateContainerScanning)).toBe(true);
    expect(r.scan.status).toBe('failure');
    expect(r.vulnerabilities[0]!.location.default_branch_image).toBe(
      'registry.gitlab.example.com/acme/web:main',
    );
  });
});

describe('language package vulnerabilities in the container scanning report', () => {
  const report = buildContainerScanningReport(scanResult());

  it('locates them at the image, with the path they were found at in their details', () => {
    const byName = new Map(report.vulnerabilities.map((v) => [v.location.dependency.package.name, v]));
    const lodash = byName.get('lodash')!;
    expect(lodash.location.image).toBe(IMAGE_REF);
    expect(lodash.location.dependency.version).not.toBe('');
    expect(lodash.details?.package_path?.value).toBe('/app/node_modules/lodash/package.json');
    expect(lodash.identifiers.map((i) => i.type)).toEqual(['cve', 'ghsa']);
    expect(lodash.name).toBe('Command Injection in lodash');
    expect(byName.get('stdlib')!.details?.package_path?.value).toBe('/usr/local/bin/healthcheck');
    expect(byName.get('stdlib')!.severity).toBe('Unknown');
  });

  it('counts suppressed OS and language findings alike', () => {
    expect(report.scan.messages.some((m) => m.level === 'info' && /^\d+ suppressed/.test(m.value))).toBe(
      true,
    );
  });

  it('gets no remediation patch (those upgrade OS packages in the Dockerfile)', () => {
    const withTexts = buildContainerScanningReport(scanResult(), { dockerfileTexts: texts });
    const langIds = new Set(
      withTexts.vulnerabilities
        .filter((v) => ['lodash', 'stdlib'].includes(v.location.dependency.package.name))
        .map((v) => v.id),
    );
    for (const r of withTexts.remediations) for (const f of r.fixes) expect(langIds.has(f.id)).toBe(false);
  });
});

describe('code quality report', () => {
  it('places Dockerfile, secret and config findings on repository lines', () => {
    const { issues, skipped } = buildCodeQualityReport(scanResult());
    expect(validateCodeQuality(issues), errorsOf(validateCodeQuality)).toBe(true);
    expect(skipped).toBe(0);
    expect(issues.map((i) => i.check_name).sort()).toEqual([
      'SG-DF-014',
      'SG-IMG-001',
      'SG-SEC-002',
      'SG-SEC-010',
    ]);
    const byRule = new Map(issues.map((i) => [i.check_name, i]));
    expect(byRule.get('SG-DF-014')!.location).toEqual({ path: 'Dockerfile', lines: { begin: 9 } });
    expect(byRule.get('SG-SEC-010')!.location).toEqual({ path: '.env', lines: { begin: 3 } });
    // Image-only findings are attached to the final stage's FROM line, with where they are in the image.
    expect(byRule.get('SG-SEC-002')!.location).toEqual({ path: 'Dockerfile', lines: { begin: 8 } });
    expect(byRule.get('SG-SEC-002')!.description).toContain('/root/.npmrc (deleted in a later layer)');
    expect(byRule.get('SG-SEC-002')!.severity).toBe('blocker');
    // Categories come from the rules' tags, else from the kind of finding.
    expect(byRule.get('SG-DF-014')!.categories).toEqual(['Performance']);
    expect(byRule.get('SG-SEC-002')!.categories).toEqual(['Security']);
    expect(byRule.get('SG-IMG-001')!.categories).toEqual(['Security']);
    expect(byRule.get('SG-IMG-001')!.description).not.toContain('\u001b');
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('skips and counts image findings when no Dockerfile was scanned', () => {
    const { issues, skipped } = buildCodeQualityReport(scanResult({ dockerfiles: [] }));
    expect(skipped).toBe(2);
    expect(issues.map((i) => i.check_name).sort()).toEqual(['SG-DF-014', 'SG-SEC-010']);
  });
});

describe('dotenv report', () => {
  it('is read by a POSIX shell as the decision, image, digest and counts', () => {
    const file = join(tmp, 'shipgate.env');
    writeFileSync(file, formatDotenv(dotenvVariables(scanResult())));
    const env = execFileSync('sh', ['-c', 'set -a; . "$0"; env', file], { env: {}, encoding: 'utf8' });
    const vars = Object.fromEntries(
      env
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(vars).toMatchObject({
      SHIPGATE_APPROVED: 'false',
      SHIPGATE_IMAGE: IMAGE_REF,
      SHIPGATE_DIGEST: IMAGE_DIGEST,
      SHIPGATE_CRITICAL: '2', // zlib1g and the npm token (minimist is suppressed)
      SHIPGATE_HIGH: '3',
      SHIPGATE_MEDIUM: '2',
      SHIPGATE_LOW: '0',
      SHIPGATE_INFO: '1',
      SHIPGATE_SUPPRESSED: '2',
    });
  });

  it('keeps values on one line', () => {
    expect(formatDotenv({ A: 'x\ny', 'bad-name': 'z' })).toBe('A=x y\n');
  });
});

describe('remediation patches', () => {
  it('picks the package manager from the distribution', () => {
    expect(upgradeCommand({ id: 'alpine', versionId: '3.19.1' }, ['libcrypto3', 'libssl3'])).toBe(
      'apk add --no-cache --upgrade libcrypto3 libssl3',
    );
    expect(upgradeCommand({ id: 'rocky', idLike: ['rhel', 'centos', 'fedora'] }, ['openssl-libs'])).toMatch(
      /^yum/,
    );
    expect(upgradeCommand({ id: 'debian' }, ['bad;rm -rf /'])).toBeUndefined();
    expect(upgradeCommand({ id: 'plan9' }, ['x'])).toBeUndefined();
  });

  it('applies to files without a final newline and with CRLF line ends', () => {
    const noEol = 'FROM alpine:3.19\nRUN echo hi';
    expect(gitApply(insertLineDiff('Dockerfile', noEol, 1, 'RUN apk upgrade')!, noEol)).toBe(
      'FROM alpine:3.19\nRUN apk upgrade\nRUN echo hi',
    );
    const last = 'ARG V=1\nFROM alpine:3.19';
    expect(gitApply(insertLineDiff('Dockerfile', last, 2, 'RUN apk upgrade')!, last)).toBe(
      'ARG V=1\nFROM alpine:3.19\nRUN apk upgrade',
    );
    const crlf = 'FROM alpine:3.19\r\nUSER app\r\n';
    expect(gitApply(insertLineDiff('Dockerfile', crlf, 1, 'RUN apk upgrade')!, crlf)).toBe(
      'FROM alpine:3.19\r\nRUN apk upgrade\r\nUSER app\r\n',
    );
  });
});

describe('writeGitlabReports', () => {
  it('writes every report, the SBOM through the given writer, and reads the Dockerfile for remediations', async () => {
    const repo = mkdtempSync(join(tmp, 'root-'));
    writeFileSync(join(repo, DOCKERFILE_PATH), DOCKERFILE_TEXT);
    const out = join(tmp, 'gl-reports');
    const files = await writeGitlabReports(scanResult(), out, {
      repoRoot: repo,
      cyclonedx: () => ({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 }),
    });
    const cs = JSON.parse(readFileSync(files.containerScanning, 'utf8')) as unknown;
    expect(validateContainerScanning(cs), errorsOf(validateContainerScanning)).toBe(true);
    expect((cs as { remediations: unknown[] }).remediations).toHaveLength(1);
    expect(existsSync(join(out, 'gl-dependency-scanning-report.json'))).toBe(false);
    const cq = JSON.parse(readFileSync(files.codeQuality, 'utf8')) as unknown;
    expect(validateCodeQuality(cq), errorsOf(validateCodeQuality)).toBe(true);
    expect(readFileSync(files.dotenv, 'utf8')).toMatch(/^SHIPGATE_APPROVED=false$/m);
    expect(JSON.parse(readFileSync(files.cyclonedx!, 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX' });
    expect(files.cyclonedx).toBe(join(out, 'gl-sbom.cdx.json'));
  });

  it('writes no SBOM without a writer and survives an unreadable Dockerfile', async () => {
    const out = join(tmp, 'gl-reports-2');
    const files = await writeGitlabReports(scanResult(), out, { repoRoot: join(tmp, 'missing') });
    expect(files.cyclonedx).toBeUndefined();
    const cs = JSON.parse(readFileSync(files.containerScanning, 'utf8')) as { remediations: unknown[] };
    expect(cs.remediations).toEqual([]);
  });

  it('fails with an input error when the folder cannot be created', async () => {
    const blocker = join(tmp, 'a-file');
    writeFileSync(blocker, '');
    await expect(writeGitlabReports(scanResult(), join(blocker, 'sub'), {})).rejects.toMatchObject({
      code: 'INPUT',
    });
  });
});
