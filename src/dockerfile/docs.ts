import type { RuleMeta } from '../core/finding';

const TOOL_NAMES: Record<string, string> = {
  hadolint: 'hadolint',
  trivy: 'Trivy',
  buildkit: 'BuildKit check',
  checkov: 'Checkov',
  dockle: 'Dockle',
  gitleaks: 'Gitleaks',
};

/** Renders the rule reference page (docs/rules/dockerfile.md) from rule metadata. */
export function renderRuleDocs(rules: RuleMeta[], title: string): string {
  const out: string[] = [
    `# ${title}`,
    '',
    '<!-- Generated from the rule metadata in src/dockerfile/rules; regenerate with SHIPGATE_UPDATE_DOCS=1 npx vitest run test/dockerfile/docs.test.ts -->',
    '',
    '| Rule | Severity | Title | Equivalents |',
    '|---|---|---|---|',
  ];
  for (const r of rules)
    out.push(
      `| [${r.id}](#${r.id.toLowerCase()}) | ${r.severity} | ${r.title.replace(/\|/g, '\\|')} | ${equivalentIds(r).join(', ') || '–'} |`,
    );
  for (const r of rules) {
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
      '**How to fix.** ' + r.fix,
      '',
    );
    const eq = Object.entries(r.equivalents ?? {}).filter(([, ids]) => ids && ids.length > 0);
    if (eq.length)
      out.push(
        '**Equivalent checks.** ' +
          eq
            .map(
              ([tool, ids]) =>
                `${TOOL_NAMES[tool] ?? tool}: ${(ids ?? []).map((i) => `\`${i}\``).join(', ')}`,
            )
            .join('; '),
        '',
      );
    else out.push('**Equivalent checks.** none (not covered by hadolint, Trivy, BuildKit or Checkov).', '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function equivalentIds(r: RuleMeta): string[] {
  const e = r.equivalents ?? {};
  return [
    ...(e.hadolint ?? []),
    ...(e.trivy ?? []).filter((t) => !t.startsWith('AVD-')),
    ...(e.buildkit ?? []),
    ...(e.checkov ?? []),
  ];
}
