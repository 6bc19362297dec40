/** SARIF reportingDescriptors (tool.driver.rules) from shipgate rule metadata and vulnerability details. */
import type { ReportingDescriptor } from 'sarif';
import { ruleHelpUri, type Finding, type FindingKind, type RuleMeta } from '../../core/finding';
import { securitySeverity, severityFromScore, severityRank, type Severity } from '../../core/severity';
import { oneLine } from '../../core/text';
import { truncate } from '../common';

export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

const PRECISION: Record<FindingKind, string> = {
  dockerfile: 'very-high',
  manifest: 'very-high',
  vulnerability: 'high',
  secret: 'high',
  config: 'very-high',
  malware: 'high',
};

const PART_TAG: Record<FindingKind, string[]> = {
  dockerfile: ['dockerfile'],
  manifest: ['kubernetes'],
  vulnerability: ['vulnerability', 'container'],
  secret: ['secret', 'container'],
  config: ['image-config', 'container'],
  malware: ['malware', 'container'],
};

/** GitHub rejects more than 20 tags per rule and shows only 10: keep the important ones first. */
const MAX_TAGS = 20;

/** "Final stage runs as root" → "FinalStageRunsAsRoot" (SARIF's friendly rule name). */
function pascalCase(text: string): string {
  const words = text.match(/[A-Za-z0-9]+/g) ?? [];
  const name = words.map((w) => (w[0] as string).toUpperCase() + w.slice(1)).join('');
  const cut = name.length > 80 ? name.slice(0, 80) : name;
  return /^[A-Za-z]/.test(cut) ? cut : `Rule${cut}`;
}

/** Whether GitHub should treat the rule as a security alert (tag "security"). */
function isSecurityRule(rule: Pick<RuleMeta, 'kind' | 'tags'>): boolean {
  return rule.kind !== 'dockerfile' || rule.tags.some((t) => t.toLowerCase() === 'security');
}

function tagsFor(rule: RuleMeta): string[] {
  const tags: string[] = [];
  const add = (t: string): void => {
    const v = t.trim();
    if (v && !tags.some((x) => x.toLowerCase() === v.toLowerCase())) tags.push(v);
  };
  if (isSecurityRule(rule)) add('security');
  for (const t of PART_TAG[rule.kind]) add(t);
  for (const t of rule.tags) add(t);
  return tags.slice(0, MAX_TAGS);
}

function equivalentsText(eq: RuleMeta['equivalents']): string | undefined {
  if (!eq) return undefined;
  const parts = Object.entries(eq)
    .filter(([, ids]) => Array.isArray(ids) && ids.length > 0)
    .map(([tool, ids]) => `${tool} ${(ids as string[]).join(', ')}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** Descriptor of a shipgate rule (Dockerfile, secret, image config, malware). */
export function ruleDescriptor(rule: RuleMeta): ReportingDescriptor {
  const helpUri = encodeURI(ruleHelpUri(rule));
  const eq = equivalentsText(rule.equivalents);
  const rel = rule.related && equivalentsText(rule.related.checks);
  const related = rel ? `${rel} (not equivalent: ${rule.related?.differs})` : undefined;
  const text = [
    `${rule.title}.`,
    `What: ${oneLine(rule.description)}`,
    `Why: ${oneLine(rule.rationale)}`,
    `How to fix: ${rule.fix}`,
    eq ? `Equivalent checks: ${eq}.` : undefined,
    related ? `Related checks: ${related}.` : undefined,
    `Documentation: ${helpUri}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const markdown = [
    `**${rule.title}** (\`${rule.id}\`)`,
    `**What:** ${rule.description}`,
    `**Why:** ${rule.rationale}`,
    `**How to fix:**\n\n${rule.fix}`,
    eq ? `**Equivalent checks:** ${eq}` : undefined,
    related ? `**Related checks:** ${related}` : undefined,
    `[Documentation](${helpUri})`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: rule.id,
    name: pascalCase(rule.title),
    shortDescription: { text: withPeriod(truncate(oneLine(rule.title), 1000)) },
    fullDescription: { text: withPeriod(oneLine(rule.description)) },
    helpUri,
    help: { text, markdown },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags: tagsFor(rule),
      precision: PRECISION[rule.kind],
      'security-severity': securitySeverity(rule.severity),
      ...(rule.equivalents ? { equivalents: rule.equivalents } : {}),
    },
  };
}

function withPeriod(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** The highest CVSS base score among the findings of one vulnerability, if any. */
function maxScore(findings: readonly Finding[]): number | undefined {
  let best: number | undefined;
  for (const f of findings) {
    const v = f.vulnerability;
    const scores = [v?.score, ...(v?.cvss ?? []).map((c) => c.score)].filter(
      (s): s is number => typeof s === 'number' && Number.isFinite(s),
    );
    for (const s of scores) if (best === undefined || s > best) best = s;
  }
  return best;
}

function mostSevere(findings: readonly Finding[]): Severity {
  let s: Severity = 'info';
  for (const f of findings) if (severityRank(f.severity) > severityRank(s)) s = f.severity;
  return s;
}

const MAX_REFERENCES = 15;

/**
 * Descriptor of one vulnerability id, built from all findings of that id (a CVE can hit several packages).
 * The rule metadata, when the producer supplied it, contributes title and tags.
 */
export function vulnerabilityDescriptor(
  id: string,
  findings: readonly Finding[],
  meta?: RuleMeta,
): ReportingDescriptor {
  const details = findings.map((f) => f.vulnerability).filter((v) => v !== undefined);
  const first = details[0];
  const severity = findings.length ? mostSevere(findings) : (meta?.severity ?? 'info');
  const score = maxScore(findings);
  const securitySev = score !== undefined ? score.toFixed(1) : securitySeverity(severity);
  const summary = first?.summary ?? meta?.title;
  const aliases = [...new Set(details.flatMap((d) => d.aliases))].filter((a) => a !== id);
  const refs = [...new Set(details.flatMap((d) => d.references))];
  const helpUri = encodeURI(ruleHelpUri({ id, kind: 'vulnerability' }));
  const packages = new Map<string, { name: string; installed: string; fixed: string; ecosystem: string }>();
  for (const d of details) {
    const key = `${d.ecosystem}\u0000${d.packageName}\u0000${d.packageVersion}`;
    if (!packages.has(key))
      packages.set(key, {
        name: d.packageName,
        installed: d.packageVersion,
        fixed: d.fixedVersions.length ? d.fixedVersions.join(', ') : fixStateText(d.fixState),
        ecosystem: d.ecosystem,
      });
  }
  const pkgs = [...packages.values()];
  const cvss = details.flatMap((d) => d.cvss ?? []);
  const uniqueCvss = [...new Map(cvss.map((c) => [`${c.source}|${c.vector}`, c])).values()];
  const title = summary
    ? `${id}: ${oneLine(summary)}`
    : `${id} in ${pkgs.map((p) => p.name).join(', ') || 'a package'}`;
  const severityLine = `Severity: ${severity}${score !== undefined ? ` (CVSS ${score.toFixed(1)})` : ''}${
    first?.severitySource ? `, from ${first.severitySource}` : ''
  }.`;
  const text = [
    title,
    aliases.length ? `Aliases: ${aliases.join(', ')}.` : undefined,
    severityLine,
    ...pkgs.map((p) => `Package ${p.name} (${p.ecosystem}) ${p.installed}; fixed in: ${p.fixed}.`),
    ...uniqueCvss.map((c) => `CVSS ${c.version} (${c.source}): ${c.vector} = ${c.score}`),
    pkgs.some((p) => !/^(no fix|unknown|will not)/.test(p.fixed))
      ? 'How to fix: upgrade the package to a fixed version, or rebuild on a newer base image that contains it.'
      : 'How to fix: no fixed version is known yet; rebuild regularly on a maintained base image, or remove the package if it is not needed.',
    refs.length ? `References:\n${refs.slice(0, MAX_REFERENCES).join('\n')}` : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  const markdown = [
    `**${mdEscapeLite(title)}**`,
    aliases.length ? `**Aliases:** ${aliases.map(mdEscapeLite).join(', ')}` : undefined,
    severityLine,
    [
      '| Package | Ecosystem | Installed | Fixed in |',
      '| --- | --- | --- | --- |',
      ...pkgs.map(
        (p) => `| ${cell(p.name)} | ${cell(p.ecosystem)} | ${cell(p.installed)} | ${cell(p.fixed)} |`,
      ),
    ].join('\n'),
    uniqueCvss.length
      ? uniqueCvss
          .map((c) => `- CVSS ${c.version} (${cell(c.source)}): \`${c.vector}\` = ${c.score}`)
          .join('\n')
      : undefined,
    pkgs.some((p) => !/^(no fix|unknown|will not)/.test(p.fixed))
      ? '**How to fix:** upgrade the package to a fixed version, or rebuild on a newer base image that contains it.'
      : '**How to fix:** no fixed version is known yet; rebuild regularly on a maintained base image, or remove the package if it is not needed.',
    refs.length
      ? `**References:**\n\n${refs
          .slice(0, MAX_REFERENCES)
          .map((r) => `- <${r.replace(/[<>\s]/g, encodeURIComponent)}>`)
          .join('\n')}`
      : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  const tags = ['security', 'vulnerability', 'container', ...(meta?.tags ?? [])];
  for (const p of pkgs) tags.push(p.ecosystem.toLowerCase());
  return {
    id,
    name: pascalCase(`Vulnerability ${id}`),
    shortDescription: { text: withPeriod(truncate(title, 1000)) },
    fullDescription: { text: withPeriod(truncate(summary ? oneLine(summary) : title, 4000)) },
    helpUri,
    help: { text, markdown },
    defaultConfiguration: { level: SARIF_LEVEL[severity] },
    properties: {
      tags: [...new Set(tags)].slice(0, MAX_TAGS),
      precision: PRECISION.vulnerability,
      'security-severity': securitySev,
      ...(aliases.length ? { aliases } : {}),
      ...(score !== undefined ? { cvssScore: score, cvssSeverity: severityFromScore(score) } : {}),
    },
  };
}

function fixStateText(s: 'fixed' | 'unfixed' | 'wont-fix' | 'unknown'): string {
  if (s === 'wont-fix') return 'will not be fixed';
  if (s === 'unknown') return 'unknown';
  return 'no fix yet';
}

/** Minimal escaping for package data placed in help markdown (untrusted strings). */
function mdEscapeLite(s: string): string {
  return oneLine(s).replace(/[\\`*_{}[\]()<>#|!~&]/g, (c) => `\\${c}`);
}

function cell(s: string): string {
  return mdEscapeLite(s);
}
