/**
 * The markdown summary for the GitHub job summary, a pull request comment and a GitLab merge request note:
 * the decision first, a small severity × fixability table, the top findings, then collapsible details.
 * Narrow tables (readable on a phone); every untrusted string escaped; under GitHub's 1 MiB summary limit.
 */
import type { Finding, FindingKind } from '../core/finding';
import { ruleHelpUri } from '../core/finding';
import type { ScanResult } from '../core/result';
import { decisionHeadline } from '../policy/format';
import {
  fixabilityTable,
  imageDisplayName,
  imagePlaceLabel,
  locationLabel,
  oneLine,
  PART_LABEL,
  PARTS,
  plural,
  ruleIndex,
  SEVERITIES_DESC,
  sortFindings,
  stripControl,
  truncate,
} from './common';

export interface SummaryOptions {
  /** How many findings the "top findings" list shows (default 10). */
  maxFindings?: number;
  title?: string;
  /** Base URL for file links, e.g. https://github.com/o/r/blob/<sha>/ (a finding's path and line are appended). */
  linkBase?: string;
  /** Byte budget (default 1,000,000, under GitHub's 1 MiB step-summary limit). */
  maxBytes?: number;
}

const ICON: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' };

/** Escapes text for markdown and inline HTML: nothing in a finding can open a tag, a link or a table cell. */
export function escapeMarkdown(text: string): string {
  return oneLine(stripControl(text))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}

function link(f: Finding, base: string | undefined): string {
  const where = locationLabel(f);
  if (!where) return '';
  const label = `\`${where.replace(/`/g, "'")}\``;
  if (!base || !f.location) return label;
  const l = f.location;
  const anchor =
    l.endLine && l.endLine !== l.startLine ? `#L${l.startLine}-L${l.endLine}` : `#L${l.startLine}`;
  return `[${label}](${encodeURI(`${base.replace(/\/?$/, '/')}${l.path}`)}${anchor})`;
}

function findingLine(f: Finding, result: ScanResult, base: string | undefined): string {
  const rule = ruleIndex(result).get(f.ruleId);
  const id = rule ? `[${escapeMarkdown(f.ruleId)}](${ruleHelpUri(rule)})` : escapeMarkdown(f.ruleId);
  const where = link(f, base);
  const inImage = f.kind !== 'dockerfile' ? imagePlaceLabel(f) : undefined;
  const fix = f.fix ? ` — fix: ${escapeMarkdown(truncate(f.fix, 120))}` : '';
  return `- ${ICON[f.severity]} **${f.severity}** ${id}${where ? ` ${where}` : ''}: ${escapeMarkdown(truncate(f.message, 200))}${inImage ? ` _(${escapeMarkdown(inImage)})_` : ''}${fix}`;
}

export function toMarkdownSummary(result: ScanResult, o: SummaryOptions = {}): string {
  const max = o.maxFindings ?? 10;
  const budget = o.maxBytes ?? 1_000_000;
  const all = sortFindings(result.findings);
  const active = all.filter((f) => !f.suppressed);
  const suppressed = all.length - active.length;
  const out: string[] = [];

  const d = result.decision;
  const target = result.image
    ? escapeMarkdown(imageDisplayName(result.image.ref, result.image.digest) ?? result.image.ref)
    : result.dockerfiles.map((x) => `\`${x.path.replace(/`/g, "'")}\``).join(', ');
  out.push(
    `## ${o.title ? escapeMarkdown(o.title) : 'shipgate'}: ${d ? (d.approved ? '✅ approved' : '❌ not approved') : 'scan results'}`,
  );
  if (target) out.push('', `Target: ${target}`);
  if (d) {
    const blocking = d.reasons.filter((r) => r.blocking);
    const notes = d.reasons.filter((r) => !r.blocking);
    if (blocking.length)
      out.push('', '**Why not approved:**', ...blocking.map((r) => `- ${escapeMarkdown(r.message)}`));
    if (notes.length) out.push('', ...notes.map((r) => `- ℹ️ ${escapeMarkdown(r.message)}`));
    out.push('', `<sub>${escapeMarkdown(decisionHeadline(d))} · policy: ${escapeMarkdown(d.policy)}</sub>`);
  }

  const table = fixabilityTable(all);
  const rows = SEVERITIES_DESC.filter((s) => table[s].fixable + table[s].noFix > 0);
  out.push('');
  if (rows.length === 0)
    out.push(`No findings${suppressed ? ` (${plural(suppressed, 'suppressed finding')})` : ''}.`);
  else {
    out.push('| Severity | Fixable | No fix |', '|:--|--:|--:|');
    for (const s of rows) out.push(`| ${ICON[s]} ${s} | ${table[s].fixable} | ${table[s].noFix} |`);
    const parts = PARTS.map((p) => [p, active.filter((f) => f.kind === p).length] as const).filter(
      ([, n]) => n > 0,
    );
    out.push(
      '',
      `${parts.map(([p, n]) => `${PART_LABEL[p]}: ${n}`).join(' · ')}${suppressed ? ` · suppressed: ${suppressed}` : ''}`,
    );
  }

  if (active.length) {
    out.push(
      '',
      `### Top findings`,
      '',
      ...active.slice(0, max).map((f) => findingLine(f, result, o.linkBase)),
    );
  }

  const head = `${out.join('\n')}\n`;
  const details: string[] = [];
  for (const part of PARTS) {
    const list = active.filter((f) => f.kind === part);
    if (list.length === 0) continue;
    details.push(
      '',
      `<details><summary>${PART_LABEL[part as FindingKind]} (${list.length})</summary>`,
      '',
      ...list.map((f) => findingLine(f, result, o.linkBase)),
      '',
      '</details>',
    );
  }
  if (result.warnings.length) {
    details.push(
      '',
      '<details><summary>Warnings</summary>',
      '',
      ...result.warnings.map((w) => `- ${escapeMarkdown(w)}`),
      '',
      '</details>',
    );
  }
  let body = `${head}${details.join('\n')}\n`;
  if (Buffer.byteLength(body) > budget) {
    // Keep whole lines of the details until the budget, then say what was left out.
    const kept: string[] = [];
    let size = Buffer.byteLength(head) + 200;
    for (const line of details) {
      size += Buffer.byteLength(line) + 1;
      if (size > budget) break;
      kept.push(line);
    }
    const openDetails =
      kept.filter((l) => l.startsWith('<details>')).length - kept.filter((l) => l === '</details>').length;
    body = `${head}${kept.join('\n')}\n${openDetails > 0 ? '\n</details>\n' : ''}\n_The summary was cut to fit the size limit; the SARIF and JSON reports have every finding._\n`;
  }
  return body;
}
