/** A compact markdown summary: the decision first, counts by severity and fixability, the top findings. */
import type { ScanResult } from '../core/result';
import { blobUrl, type GitHubContext } from '../platform/github/context';
import { decisionHeadline } from '../policy/format';
import {
  fixabilityTable,
  imageDisplayName,
  locationLabel,
  imagePlaceLabel,
  SEVERITIES_DESC,
  sortFindings,
  truncate,
} from '../report/common';

const TOP = 10;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

export function basicMarkdownSummary(result: ScanResult, ctx?: GitHubContext): string {
  const d = result.decision;
  const lines: string[] = [];
  lines.push(`## shipgate: ${d ? (d.approved ? '✅ ' : '❌ ') + decisionHeadline(d) : 'no decision'}`, '');
  const target = [
    ...result.dockerfiles.map((t) => `\`${t.path}\``),
    ...(result.image
      ? [`\`${imageDisplayName(result.image.ref, result.image.digest) ?? result.image.ref}\``]
      : []),
  ];
  if (target.length) lines.push(`Scanned ${target.join(', ')}${d ? ` with ${d.policy}` : ''}.`, '');
  if (d) {
    for (const r of d.reasons) lines.push(`- ${r.blocking ? '**blocking:** ' : ''}${cell(r.message)}`);
    lines.push('');
  }
  const table = fixabilityTable(result.findings);
  lines.push('| Severity | Findings | Fix available |', '|---|---:|---:|');
  for (const s of SEVERITIES_DESC) {
    const t = table[s];
    if (t.fixable + t.noFix) lines.push(`| ${s} | ${t.fixable + t.noFix} | ${t.fixable} |`);
  }
  const suppressed = result.findings.filter((f) => f.suppressed).length;
  if (suppressed)
    lines.push('', `${suppressed} suppressed finding${suppressed === 1 ? '' : 's'} not counted.`);
  const top = sortFindings(result.findings.filter((f) => !f.suppressed)).slice(0, TOP);
  if (top.length) {
    lines.push(
      '',
      '<details><summary>Top findings</summary>',
      '',
      '| Severity | Rule | Where | Message |',
      '|---|---|---|---|',
    );
    for (const f of top) {
      const loc = locationLabel(f);
      const where =
        f.location && ctx
          ? `[${loc}](${blobUrl(ctx, f.location.path, f.location.startLine)})`
          : (loc ?? imagePlaceLabel(f) ?? '');
      lines.push(`| ${f.severity} | \`${f.ruleId}\` | ${cell(where)} | ${cell(truncate(f.message, 160))} |`);
    }
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
