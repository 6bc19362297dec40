/**
 * GitLab Code Quality report (a subset of the Code Climate format) for Dockerfile, secret, configuration
 * and malware findings, so they show inline in merge request diffs on every GitLab tier.
 */
import type { Finding, RuleMeta } from '../../core/finding';
import type { DockerfileTarget, ScanResult } from '../../core/result';
import type { Severity } from '../../core/severity';
import { stableHash } from '../../core/hash';
import { sortFindings } from '../../core/order';
import { oneLine, stripControl } from '../../core/text';
import { imagePlaceLabel, ruleIndex, truncate } from '../common';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

interface CodeQualityIssue {
  type: 'issue';
  engine_name: 'shipgate';
  check_name: string;
  description: string;
  categories: string[];
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end?: number } };
}

export interface CodeQualityReport {
  issues: CodeQualityIssue[];
  /** Findings with no place in the repository to attach to (no location and no Dockerfile scanned). */
  skipped: number;
}

const SEVERITY: Record<Severity, CodeQualitySeverity> = {
  critical: 'blocker',
  high: 'critical',
  medium: 'major',
  low: 'minor',
  info: 'info',
};

const KIND_CATEGORY: Record<Finding['kind'], string> = {
  dockerfile: 'Style',
  manifest: 'Security',
  vulnerability: 'Security',
  secret: 'Security',
  config: 'Security',
  malware: 'Security',
};

// Rule tags → Code Climate categories (Bug Risk, Clarity, Compatibility, Complexity, Duplication, Performance,
// Security, Style).
const TAG_CATEGORY: Record<string, string> = {
  security: 'Security',
  'supply-chain': 'Security',
  secrets: 'Security',
  'least-privilege': 'Security',
  'attack-surface': 'Security',
  provenance: 'Security',
  tls: 'Security',
  correctness: 'Bug Risk',
  reliability: 'Bug Risk',
  reproducibility: 'Bug Risk',
  size: 'Performance',
  cache: 'Performance',
  portability: 'Compatibility',
  deprecated: 'Compatibility',
  readability: 'Clarity',
  style: 'Style',
};

/** Code Climate categories of a finding, from its rule's tags, else from its kind. */
function categories(f: Finding, rule: RuleMeta | undefined): string[] {
  const out = new Set<string>();
  for (const t of rule?.tags ?? []) {
    const c = TAG_CATEGORY[t];
    if (c) out.add(c);
  }
  if (out.size === 0) out.add(KIND_CATEGORY[f.kind]);
  return [...out].sort();
}

/** Where an image-only finding is shown: the final stage's FROM line of the first scanned Dockerfile. */
function fallbackLocation(
  dockerfiles: readonly DockerfileTarget[],
): { path: string; line: number } | undefined {
  const d = dockerfiles[0];
  const stage = d?.stages.at(-1);
  return d && stage ? { path: d.path, line: stage.line } : undefined;
}

function describe(f: Finding, attached: boolean): string {
  const text = oneLine(stripControl(f.message));
  if (!attached) return truncate(text, 2000);
  const place = imagePlaceLabel(f);
  return truncate(place ? `${text} (in the image: ${place})` : `${text} (in the image)`, 2000);
}

/** Code Quality issues for every unsuppressed non-vulnerability finding that can be placed in the repository. */
export function buildCodeQualityReport(result: ScanResult): CodeQualityReport {
  const fallback = fallbackLocation(result.dockerfiles);
  const rules = ruleIndex(result);
  const issues: CodeQualityIssue[] = [];
  let skipped = 0;
  for (const f of sortFindings(result.findings)) {
    if (f.suppressed || f.kind === 'vulnerability') continue;
    const loc = f.location
      ? { path: f.location.path, line: f.location.startLine, end: f.location.endLine }
      : fallback && { path: fallback.path, line: fallback.line, end: undefined };
    if (!loc) {
      skipped++;
      continue;
    }
    const lines: CodeQualityIssue['location']['lines'] = { begin: Math.max(1, loc.line) };
    if (loc.end !== undefined && loc.end > lines.begin) lines.end = loc.end;
    issues.push({
      type: 'issue',
      engine_name: 'shipgate',
      check_name: f.ruleId,
      description: describe(f, !f.location),
      categories: categories(f, rules.get(f.ruleId)),
      fingerprint: stableHash('gitlab-codequality', f.fingerprint),
      severity: SEVERITY[f.severity],
      location: { path: loc.path, lines },
    });
  }
  return { issues, skipped };
}
