/** Renders rule reference pages (docs/rules/*.md) from RuleMeta, so docs and code never drift apart. */
import type { RuleMeta } from '../core/finding';

export interface RuleDocsPage {
  title: string;
  intro: string;
  rules: RuleMeta[];
}

function equivalents(rule: RuleMeta): string {
  const e = rule.equivalents ?? {};
  const parts = Object.entries(e)
    .filter(([, ids]) => ids && ids.length > 0)
    .map(([tool, ids]) => `${tool}: ${(ids ?? []).map((i) => `\`${i}\``).join(', ')}`);
  return parts.length ? parts.join('; ') : 'none';
}

/** Markdown for one rules page: an index table, then one section per rule with a stable anchor. */
export function renderRuleDocs(page: RuleDocsPage): string {
  const out: string[] = [];
  out.push(`<!-- Generated from the rule metadata in the source; do not edit by hand. -->`, '');
  out.push(`# ${page.title}`, '', page.intro.trim(), '');
  out.push('| Rule | Title | Severity |', '| --- | --- | --- |');
  for (const r of page.rules) out.push(`| [${r.id}](#${r.id.toLowerCase()}) | ${r.title} | ${r.severity} |`);
  out.push('');
  for (const r of page.rules) {
    out.push(`<a id="${r.id.toLowerCase()}"></a>`, '', `## ${r.id}: ${r.title}`, '');
    out.push(
      `- Severity: **${r.severity}**${r.optional ? ' (optional, off unless the policy enables it)' : ''}`,
    );
    out.push(`- Tags: ${r.tags.map((t) => `\`${t}\``).join(', ')}`);
    out.push(`- Equivalents: ${equivalents(r)}`, '');
    out.push('### What it checks', '', r.description.trim(), '');
    out.push('### Why it matters', '', r.rationale.trim(), '');
    out.push('### How to fix', '', r.fix.trim(), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
