/**
 * The markdown summary for a GitHub job summary, a PR comment or a GitLab MR note: the decision first, a
 * narrow severity × fixability table, per-part counts, the top findings, then collapsible details with the
 * rest. Everything from a finding is untrusted and escaped; the output stays under a byte budget.
 */
import { ruleHelpUri, type Finding, type FindingKind } from '../core/finding';
import { mask } from '../core/logger';
import type { ScanResult } from '../core/result';
import { decisionHeadline } from './decision';
import { PARTS, sortFindings } from '../core/order';
import { oneLine, stripControl } from '../core/text';
import {
  exploitLabels,
  fixabilityTable,
  imageDisplayName,
  imagePlaceLabel,
  PART_LABEL,
  plural,
  ruleIndex,
  SEVERITIES_DESC,
  truncate,
} from './common';

export interface SummaryOptions {
  /** How many findings the "top findings" list shows (default 10); the rest go into collapsed details. */
  maxFindings?: number;
  /** Heading text (default "shipgate"). */
  title?: string;
  /** Base URL for file links, e.g. https://github.com/o/r/blob/<sha>/ (a finding's path and line are appended). */
  linkBase?: string;
  /**
   * Byte budget (default 1,000,000, under GitHub's 1 MiB step-summary limit). Use about 60,000 for a
   * GitHub PR comment (65,536 characters at most).
   */
  maxBytes?: number;
}

const ICON: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' };
const MAX_REASONS = 20;
const TRUNCATED_NOTE =
  '_The summary was cut to fit the size limit; the SARIF and JSON reports have every finding._';

/**
 * Escapes untrusted text for markdown and inline HTML: nothing in a finding can open a tag, a link, a
 * table cell or a code span, break the line, or @-mention someone.
 */
export function escapeMarkdown(text: string): string {
  // Masked first: once escaped (`a\_b`) or cut short, a registered secret no longer matches the final pass.
  return oneLine(stripControl(mask(text)))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .replace(/@/g, '@&#8203;');
}

/** A URL safe inside a markdown link target: no spaces, angle brackets, pipes or parentheses. */
function safeUrl(url: string): string {
  return encodeURI(url).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Percent-encodes a repository path for a URL (each segment, so '/' stays). */
function urlPath(path: string): string {
  return path
    .split('/')
    .map((s) =>
      encodeURIComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
}

function where(f: Finding, base: string | undefined): string {
  const l = f.location;
  if (!l) return '';
  const label = escapeMarkdown(`${l.path}:${l.startLine}`);
  if (!base) return label;
  const anchor = l.endLine && l.endLine > l.startLine ? `#L${l.startLine}-L${l.endLine}` : `#L${l.startLine}`;
  return `[${label}](${safeUrl(base.replace(/\/?$/, '/'))}${urlPath(l.path)}${anchor})`;
}

function findingLine(f: Finding, result: ScanResult, base: string | undefined): string {
  const rule = ruleIndex(result).get(f.ruleId);
  const id = `[${escapeMarkdown(f.ruleId)}](${safeUrl(ruleHelpUri(rule ?? { id: f.ruleId, kind: f.kind }))})`;
  const at = where(f, base);
  const v = f.vulnerability;
  const pkg = v
    ? ` ${escapeMarkdown(`${v.packageName} ${v.packageVersion}`)}${
        v.fixedVersions.length
          ? ` → ${escapeMarkdown(truncate(mask(v.fixedVersions.join(', ')), 60))}`
          : ' (no fix)'
      }`
    : '';
  const exploit = exploitLabels(f)
    .map((l) => ` **${escapeMarkdown(l)}**`)
    .join('');
  const text = escapeMarkdown(truncate(mask(oneLine(v?.summary ?? f.message)), 160));
  const inImage = f.kind !== 'dockerfile' ? imagePlaceLabel(f) : undefined;
  const fix = !v && f.fix ? ` — fix: ${escapeMarkdown(truncate(mask(f.fix), 120))}` : '';
  const sup = f.suppressed
    ? ` — _suppressed (${escapeMarkdown(f.suppressed.kind)}${f.suppressed.reason ? `: ${escapeMarkdown(truncate(mask(f.suppressed.reason), 100))}` : ''})_`
    : '';
  return `- ${ICON[f.severity]} **${f.severity}** ${id}${pkg}${exploit}: ${text}${at ? ` · ${at}` : ''}${
    inImage ? ` · _${escapeMarkdown(inImage)}_` : ''
  }${fix}${sup}`;
}

function details(summary: string, lines: string[]): string[] {
  return ['', `<details><summary>${summary}</summary>`, '', ...lines, '', '</details>'];
}

/** The decision, the tables and the top findings: always shown. */
function head(result: ScanResult, o: SummaryOptions, all: Finding[], top: Finding[]): string[] {
  const active = all.filter((f) => !f.suppressed);
  const suppressed = all.length - active.length;
  const d = result.decision;
  const out: string[] = [];
  out.push(
    `## ${o.title ? escapeMarkdown(o.title) : 'shipgate'}: ${d ? (d.approved ? '✅ approved' : '❌ not approved') : 'scan results'}`,
  );
  if (d) {
    const blocking = d.reasons.filter((r) => r.blocking);
    const notes = d.reasons.filter((r) => !r.blocking);
    if (blocking.length) {
      out.push('', '**Why not approved:**', '');
      out.push(...blocking.slice(0, MAX_REASONS).map((r) => `- ${escapeMarkdown(r.message)}`));
      if (blocking.length > MAX_REASONS) out.push(`- …and ${blocking.length - MAX_REASONS} more`);
    }
    if (notes.length) {
      out.push('');
      out.push(...notes.slice(0, MAX_REASONS).map((r) => `- ℹ️ ${escapeMarkdown(r.message)}`));
    }
    out.push('', `<sub>${escapeMarkdown(decisionHeadline(d))} · policy: ${escapeMarkdown(d.policy)}</sub>`);
  }
  if (result.index) {
    out.push('', `**Platforms** of the index \`${result.index.digest}\`:`, '');
    out.push('| Platform | Manifest | Decision |', '|:--|:--|:--|');
    for (const p of result.index.platforms)
      out.push(
        `| ${escapeMarkdown(p.platform)} | \`${p.digest}\` | ${p.decision.approved ? '✅' : '❌'} ${escapeMarkdown(decisionHeadline(p.decision))} |`,
      );
    for (const s of result.index.skipped)
      out.push(`| skipped | \`${s.digest}\` | ${escapeMarkdown(s.reason)} |`);
  }
  const targets: string[] = [];
  if (result.image)
    targets.push(
      `image ${escapeMarkdown(imageDisplayName(result.image.ref, result.image.digest) ?? result.image.ref)}`,
    );
  for (const df of result.dockerfiles) targets.push(escapeMarkdown(df.path));
  if (targets.length) out.push('', `**Scanned:** ${targets.join(', ')}`);

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
      `${parts.map(([p, n]) => `${PART_LABEL[p]}: **${n}**`).join(' · ')}${suppressed ? ` · suppressed: ${suppressed}` : ''}`,
    );
  }
  if (top.length) out.push('', '### Top findings', '', ...top.map((f) => findingLine(f, result, o.linkBase)));
  return out;
}

/** Collapsed sections: the rest of each part, the suppressed findings, the scan warnings. */
function rest(result: ScanResult, o: SummaryOptions, all: Finding[], top: Set<Finding>): string[][] {
  const sections: string[][] = [];
  for (const part of PARTS) {
    const list = all.filter((f) => f.kind === part && !f.suppressed && !top.has(f));
    if (list.length === 0) continue;
    const total = all.filter((f) => f.kind === part && !f.suppressed).length;
    const label = `${PART_LABEL[part as FindingKind]}: ${list.length === total ? list.length : `${list.length} more`}`;
    sections.push(
      details(
        label,
        list.map((f) => findingLine(f, result, o.linkBase)),
      ),
    );
  }
  const suppressed = all.filter((f) => f.suppressed);
  if (suppressed.length)
    sections.push(
      details(
        `Suppressed: ${suppressed.length}`,
        suppressed.map((f) => findingLine(f, result, o.linkBase)),
      ),
    );
  if (result.warnings.length)
    sections.push(
      details(
        `Warnings: ${result.warnings.length}`,
        result.warnings.map((w) => `- ${escapeMarkdown(w)}`),
      ),
    );
  return sections;
}

const bytes = (s: string): number => Buffer.byteLength(s);

export function toMarkdownSummary(result: ScanResult, o: SummaryOptions = {}): string {
  const budget = o.maxBytes ?? 1_000_000;
  const all = sortFindings(result.findings);
  const top = all.filter((f) => !f.suppressed).slice(0, o.maxFindings ?? 10);
  const headLines = head(result, o, all, top);
  const sections = rest(result, o, all, new Set(top));
  const full = mask(`${[...headLines, ...sections.flat()].join('\n')}\n`);
  if (bytes(full) <= budget) return full;

  // Over budget: keep whole lines, close any open <details>, and say that the list was cut.
  const reserve = bytes(TRUNCATED_NOTE) + bytes('\n\n</details>\n') + 16;
  const kept: string[] = [];
  let size = 0;
  let open = false;
  let cut = false;
  for (const line of [...headLines, ...sections.flat()]) {
    const masked = mask(line);
    const n = bytes(masked) + 1;
    if (size + n + reserve > budget) {
      cut = true;
      break;
    }
    kept.push(masked);
    size += n;
    if (line.startsWith('<details>')) open = true;
    if (line === '</details>') open = false;
  }
  if (open) kept.push('', '</details>');
  if (cut) kept.push('', TRUNCATED_NOTE);
  return `${kept.join('\n')}\n`;
}
