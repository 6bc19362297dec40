import { describe, expect, it } from 'vitest';
import { assessSeverity, scoreCvss, severityFromWord } from '../../../src/vuln/severity';
import { vulnerabilityRule, EOL_RULE, eolFinding } from '../../../src/vuln/rules';
import { matchVulnerabilities } from '../../../src/vuln/match';
import { loadLocalDatabase } from '../../../src/vuln/osv/local';
import { OSV_FIXTURES, pkg } from '../../support/vuln';

describe('severity', () => {
  it('scores CVSS v3.1, v3.0, v4.0 and v2 vectors (published base scores)', () => {
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toEqual({ version: '3.1', score: 9.8 });
    expect(scoreCvss('CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H')).toEqual({ version: '3.0', score: 8.8 });
    expect(scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toEqual({
      version: '4.0',
      score: 9.3,
    });
    expect(scoreCvss('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toEqual({ version: '2.0', score: 7.5 });
    expect(scoreCvss('CVSS:3.1/garbage')).toBeUndefined();
  });

  it('maps distro words', () => {
    expect(
      ['Important', 'moderate', 'low**', 'unimportant', 'not yet assigned'].map(severityFromWord),
    ).toEqual(['high', 'medium', 'low', 'info', undefined]);
  });

  it('takes the highest of CVSS and ratings and names the source', () => {
    const a = assessSeverity([
      {
        record: {
          id: 'GHSA-x',
          severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N' }],
          dbSeverity: 'LOW',
        },
        affected: [{ r: 0, e: 'Debian:12', ranges: [], rating: 'high' }],
      },
    ]);
    expect(a).toMatchObject({ severity: 'high', source: 'debian urgency', score: 3.7 });
    const b = assessSeverity([{ record: { id: 'DLA-1' }, affected: [] }]);
    expect(b.severity).toBe('medium');
    expect(b.source).toMatch(/^unknown/);
  });

  it('uses the CVSS v4 vector of the log4j advisory', () => {
    const f = matchVulnerabilities(
      [pkg('maven', 'org.apache.logging.log4j:log4j-core', '2.17.0')],
      undefined,
      loadLocalDatabase(OSV_FIXTURES),
    )[0]!;
    expect(f.vulnerability?.severitySource).toBe('cvss:4.0 GHSA-3pxv-7cmr-fjr4');
    expect(f.vulnerability?.cvss?.[0]?.version).toBe('4.0');
  });
});

describe('rules', () => {
  it('makes SARIF rule metadata per vulnerability id with references', () => {
    const f = matchVulnerabilities(
      [pkg('npm', 'minimist', '1.2.5')],
      undefined,
      loadLocalDatabase(OSV_FIXTURES),
    )[0]!;
    const r = vulnerabilityRule(f);
    expect(r.id).toBe('CVE-2021-44906');
    expect(r.kind).toBe('vulnerability');
    expect(r.title).toBe('CVE-2021-44906: Prototype Pollution in minimist');
    expect(r.severity).toBe('critical');
    expect(r.fix).toMatch(/^Upgrade minimist to 1\.2\.6 or later/);
    expect(r.fix).toMatch(/- <https:\/\/nvd\.nist\.gov\/vuln\/detail\/CVE-2021-44906>/);
    expect(r.description).toMatch(/Aliases: GHSA-xvch-5gv4-984h\./);
  });

  it('has an end-of-life rule and finding', () => {
    const f = eolFinding({ id: 'alpine', versionId: '3.15.4', eol: true, eolDate: '2023-11-01' })!;
    expect(f).toMatchObject({ ruleId: 'SG-OS-001', kind: 'vulnerability', severity: 'high' });
    expect(f.message).toBe(
      'alpine 3.15.4 reached end of life on 2023-11-01 and no longer receives security updates',
    );
    expect(vulnerabilityRule(f)).toBe(EOL_RULE);
    expect(eolFinding({ id: 'alpine', versionId: '3.20.1' })).toBeUndefined();
  });
});
