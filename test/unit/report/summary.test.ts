import { describe, expect, it } from 'vitest';
import { ruleHelpUri, type Finding } from '../../../src/core/finding';
import type { ScanResult } from '../../../src/core/result';
import { severityRank, type Severity } from '../../../src/core/severity';
import { escapeMarkdown, toMarkdownSummary } from '../../../src/report/summary';
import {
  FAKE_TOKEN,
  cleanResult,
  fullResult,
  hugeResult,
  imageOnlyResult,
} from '../../support/report-fixtures';

const FINDING_LINE = /^- (🟥|🟧|🟨|🟦|⬜) \*\*(critical|high|medium|low|info)\*\* /;

function findingLines(md: string): string[] {
  return md.split('\n').filter((l) => FINDING_LINE.test(l));
}

function section(md: string, heading: string): string[] {
  const ls = md.split('\n');
  const at = ls.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const l of ls.slice(at + 1)) {
    if (l.startsWith('<details>') || l.startsWith('#')) break;
    out.push(l);
  }
  return out;
}

describe('toMarkdownSummary', () => {
  const result = fullResult();
  const md = toMarkdownSummary(result, {
    maxFindings: 5,
    linkBase: 'https://github.com/acme/web/blob/0123abc/',
  });

  it('puts the decision first, with the blocking reasons as a list', () => {
    const ls = md.split('\n');
    expect(ls[0]).toBe('## shipgate: ❌ not approved');
    const why = ls.indexOf('**Why not approved:**');
    expect(why).toBeGreaterThan(0);
    const blocking = result.decision!.reasons.filter((r) => r.blocking);
    expect(ls.slice(why + 2, why + 2 + blocking.length)).toEqual(
      blocking.map((r) => `- ${escapeMarkdown(r.message)}`),
    );
    expect(toMarkdownSummary(imageOnlyResult()).split('\n')[0]).toBe('## shipgate: ✅ approved');
    expect(toMarkdownSummary(result, { title: 'web image' }).split('\n')[0]).toBe(
      '## web image: ❌ not approved',
    );
  });

  it('has a narrow severity × fixability table whose counts agree with the findings', () => {
    const rows = md.split('\n').filter((l) => /^\| \S+ (critical|high|medium|low|info) \|/.test(l));
    const active = result.findings.filter((f) => !f.suppressed);
    for (const row of rows) {
      const [, sev, fixable, noFix] = /\| \S+ (\w+) \| (\d+) \| (\d+) \|/.exec(row)!;
      const of = active.filter((f) => f.severity === sev);
      expect(Number(fixable)).toBe(of.filter((f) => f.fixable).length);
      expect(Number(noFix)).toBe(of.filter((f) => !f.fixable).length);
    }
    expect(rows).toHaveLength(new Set(active.map((f) => f.severity)).size);
    expect(md).toContain('| Severity | Fixable | No fix |');
    expect(md).toMatch(/Dockerfile: \*\*\d+\*\* · Vulnerabilities: \*\*\d+\*\*/);
  });

  it('lists the top findings most severe first, with rule links and file:line links', () => {
    const top = section(md, '### Top findings').filter((l) => FINDING_LINE.test(l));
    expect(top).toHaveLength(5);
    const ranks = top.map((l) => severityRank(FINDING_LINE.exec(l)![2] as Severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const mostSevere = Math.max(
      ...result.findings.filter((f) => !f.suppressed).map((f) => severityRank(f.severity)),
    );
    expect(ranks[0]).toBe(mostSevere);
    const sec = top.find((l) => l.includes('SG-SEC-001'))!;
    expect(sec).toContain(`[SG-SEC-001](${ruleHelpUri({ id: 'SG-SEC-001', kind: 'secret' })})`);
    expect(sec).toContain('[Dockerfile:5](https://github.com/acme/web/blob/0123abc/Dockerfile#L5)');
  });

  it('puts the rest in collapsed sections per part, each finding exactly once', () => {
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
    expect(md).toMatch(/<details><summary>Dockerfile: \d+ more<\/summary>/);
    expect(md).toMatch(/<details><summary>Suppressed: 5<\/summary>/);
    expect(findingLines(md)).toHaveLength(result.findings.length);
    for (const kind of ['inline', 'hadolint-config', 'policy', 'vex', 'baseline'])
      expect(md).toContain(`suppressed (${kind}`);
    expect(md).not.toContain(FAKE_TOKEN);
  });

  it('says so when there is nothing to report', () => {
    const clean = toMarkdownSummary(cleanResult());
    expect(clean.split('\n')[0]).toBe('## shipgate: ✅ approved');
    expect(clean).toContain('No findings.');
    expect(clean).not.toContain('<details>');
  });

  it('escapes hostile strings: HTML, table pipes, backticks, links, newlines and @-mentions', () => {
    const evil =
      '<script>alert(1)</script> | `rm -rf` [click](javascript:alert(1))\n## injected heading @octocat';
    const r: ScanResult = { ...cleanResult(), findings: [] };
    const f: Finding = {
      ruleId: 'GHSA-evil|<b>',
      kind: 'vulnerability',
      severity: 'critical',
      message: evil,
      location: { path: 'docker/Dock`er|file (1)\n.txt', startLine: 3 },
      fingerprint: 'e',
      vulnerability: {
        id: 'GHSA-evil',
        aliases: [],
        packageName: '@evil/pkg|<img src=x onerror=alert(1)>',
        packageVersion: '1.0.0\n| a | b |',
        ecosystem: 'npm',
        fixedVersions: ['2.0.0`'],
        fixState: 'fixed',
        references: [],
        summary: evil,
      },
    };
    r.findings = [f];
    r.decision = { approved: false, policy: 'p', reasons: [{ code: 'rule', blocking: true, message: evil }] };
    const out = toMarkdownSummary(r, { linkBase: 'https://github.com/o/r/blob/s/' });
    expect(out).not.toMatch(/<script|<img|<b>/i);
    expect(out).not.toContain('](javascript:');
    expect(out).not.toMatch(/^## injected/m);
    expect(out).not.toMatch(/(^|[^\\])`/m);
    expect(out).not.toMatch(/@octocat/);
    const [line] = findingLines(out);
    expect(line).toContain('&lt;script&gt;');
    expect(line).toContain('\\|');
    expect(line).toContain('@&#8203;evil/pkg');
    expect(line).toContain(
      '(https://github.com/shipgate/shipgate/blob/main/docs/vulnerabilities.md#ghsa-evil%7C%3Cb%3E)',
    );
    // The link target is percent-encoded, so the path cannot close the link early.
    expect(line).toContain('(https://github.com/o/r/blob/s/docker/Dock%60er%7Cfile%20%281%29%0A.txt#L3)');
    // Table rows stay three cells.
    for (const row of out.split('\n').filter((l) => l.startsWith('|')))
      expect(row.split('|')).toHaveLength(5);
  });

  it('stays under GitHub’s 1 MiB step-summary limit, closing sections and saying it was cut', () => {
    const huge = hugeResult(30_000);
    for (const maxBytes of [undefined, 60_000]) {
      const out = toMarkdownSummary(huge, maxBytes ? { maxBytes } : {});
      const limit = maxBytes ?? 1_000_000;
      expect(Buffer.byteLength(out)).toBeLessThanOrEqual(limit);
      expect(Buffer.byteLength(out)).toBeGreaterThan(limit * 0.9);
      expect(out).toContain('The summary was cut to fit the size limit');
      expect(out.match(/<details>/g)?.length).toBe(out.match(/<\/details>/g)?.length);
      expect(out.startsWith('## shipgate: ❌ not approved')).toBe(true);
      // Readable on a phone: no giant lines.
      expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThan(700);
    }
  });
});
