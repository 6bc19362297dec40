import { describe, expect, it } from 'vitest';
import { basicMarkdownSummary } from '../../src/action/summary';
import { decide, defaultPolicy } from '../../src/policy';
import { readGitHubContext } from '../../src/platform/github';
import { fixabilityTable, SEVERITIES_DESC } from '../../src/report/common';
import { fullResult } from '../report/fixtures';

describe('basicMarkdownSummary', () => {
  const result = fullResult();
  result.decision = decide(result, defaultPolicy(), { now: new Date('2026-01-01T00:00:00Z') });
  const ctx = readGitHubContext(
    {
      GITHUB_REPOSITORY: 'acme/web',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'push',
    },
    { payload: {}, workspaceHead: null },
  );
  const md = basicMarkdownSummary(result, ctx);

  it('puts the decision first, then every reason', () => {
    const blocking = result.decision!.reasons.filter((r) => r.blocking).length;
    expect(md.split('\n')[0]).toBe(
      result.decision!.approved
        ? '## shipgate: ✅ approved'
        : `## shipgate: ❌ not approved (${blocking} blocking reason${blocking === 1 ? '' : 's'})`,
    );
    for (const r of result.decision!.reasons) expect(md).toContain(r.message.replace(/\|/g, '\\|'));
  });

  it('has a severity table that matches the findings, and links findings to the commit', () => {
    const table = fixabilityTable(result.findings);
    for (const s of SEVERITIES_DESC) {
      const t = table[s];
      if (t.fixable + t.noFix) expect(md).toContain(`| ${s} | ${t.fixable + t.noFix} | ${t.fixable} |`);
      else expect(md).not.toContain(`| ${s} |`);
    }
    expect(md).toContain(`https://github.com/acme/web/blob/${'a'.repeat(40)}/`);
  });
});
