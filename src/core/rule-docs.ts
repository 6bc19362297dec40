/** Renders the rule reference pages (docs/rules/*.md) from rule metadata, so docs and code never drift apart. */
import type { RuleMeta } from './finding';

/** The part of a rules page that is not per rule. */
export interface RuleDocsIntro {
  title: string;
  /** Markdown shown before the rule table. */
  intro: string;
}

export interface RuleDocsPage extends RuleDocsIntro {
  rules: readonly RuleMeta[];
}

const TOOL_NAMES: Record<string, string> = {
  hadolint: 'hadolint',
  trivy: 'Trivy',
  buildkit: 'BuildKit check',
  checkov: 'Checkov',
  kubeScore: 'kube-score',
  dockle: 'Dockle',
  gitleaks: 'Gitleaks',
};

/** Peer ids for the index table (Trivy's AVD- aliases are left to the rule's own section). */
function equivalentIds(r: RuleMeta): string[] {
  return Object.entries(r.equivalents ?? {}).flatMap(([tool, ids]) =>
    (ids ?? []).filter((i) => tool !== 'trivy' || !i.startsWith('AVD-')),
  );
}

/** Markdown for one rules page: the introduction, an index table, then one section per rule with a stable anchor. */
export function renderRuleDocs(page: RuleDocsPage): string {
  const out: string[] = [
    `# ${page.title}`,
    '',
    '<!-- Generated from the rule metadata in the source; regenerate with SHIPGATE_UPDATE_DOCS=1 npx vitest run test/analyzers/rule-docs.test.ts -->',
    '',
    page.intro.trim(),
    '',
    '## Rules',
    '',
    '| Rule | Severity | Title | Equivalents |',
    '|---|---|---|---|',
  ];
  for (const r of page.rules)
    out.push(
      `| [${r.id}](#${r.id.toLowerCase()}) | ${r.severity} | ${r.title.replace(/\|/g, '\\|')} | ${equivalentIds(r).join(', ') || '–'} |`,
    );
  for (const r of page.rules) {
    out.push(
      '',
      `<a id="${r.id.toLowerCase()}"></a>`,
      '',
      `## ${r.id}: ${r.title}`,
      '',
      `Severity: **${r.severity}**${r.optional ? ' (off unless enabled by policy)' : ''} · Tags: ${r.tags.map((t) => `\`${t}\``).join(', ')}`,
      '',
      '**What it checks.** ' + r.description,
      '',
      '**Why it matters.** ' + r.rationale,
      '',
      // A fix that opens with a code fence must start its own paragraph, or the fence does not render.
      r.fix.trimStart().startsWith('```') ? `**How to fix.**\n\n${r.fix}` : '**How to fix.** ' + r.fix,
      '',
    );
    const eq = Object.entries(r.equivalents ?? {}).filter(([, ids]) => ids && ids.length > 0);
    out.push(
      '**Equivalent checks.** ' +
        (eq.length
          ? eq
              .map(
                ([tool, ids]) =>
                  `${TOOL_NAMES[tool] ?? tool}: ${(ids ?? []).map((i) => `\`${i}\``).join(', ')}`,
              )
              .join('; ')
          : 'none.'),
      '',
    );
    if (r.related) {
      const rel = Object.entries(r.related.checks).filter(([, ids]) => ids && ids.length > 0);
      out.push(
        '**Related checks.** ' +
          rel
            .map(
              ([tool, ids]) =>
                `${TOOL_NAMES[tool] ?? tool}: ${(ids ?? []).map((i) => `\`${i}\``).join(', ')}`,
            )
            .join('; ') +
          ` (not equivalent: ${r.related.differs})`,
        '',
      );
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
