/**
 * Workflow annotations for findings with a repository location, for repositories without code scanning.
 * GitHub shows at most 10 annotations of each level per step, so only the most important are emitted and
 * the rest are counted.
 */
import type { Finding, RuleMeta } from '../../core/finding';
import { printable } from '../../core/text';
import type { Severity } from '../../core/severity';
import { sortFindings } from '../../core/order';

type AnnotationLevel = 'error' | 'warning' | 'notice';

interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
  file: string;
  startLine: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings with a location that were left out, per level. */
  omitted: Record<'error' | 'warning', number>;
}

const LEVEL_OF: Record<Severity, AnnotationLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'warning',
  info: 'notice',
};

export interface AnnotationLimits {
  errors: number;
  warnings: number;
}

/** The top findings with a repository location, most severe first, capped per level. */
export function planAnnotations(
  findings: readonly Finding[],
  rules: readonly RuleMeta[] = [],
  limits: AnnotationLimits = { errors: 10, warnings: 10 },
): AnnotationPlan {
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  const plan: AnnotationPlan = { annotations: [], omitted: { error: 0, warning: 0 } };
  const used = { error: 0, warning: 0 };
  for (const f of sortFindings(findings)) {
    const loc = f.location;
    if (f.suppressed || !loc || loc.startLine < 1) continue;
    const level = LEVEL_OF[f.severity];
    if (level === 'notice') continue;
    const cap = level === 'error' ? limits.errors : limits.warnings;
    if (used[level] >= cap) {
      plan.omitted[level]++;
      continue;
    }
    used[level]++;
    const title = titles.get(f.ruleId);
    // Each part on one printable line; the toolkit escapes what is left for the command syntax.
    const message = printable(f.message);
    const a: Annotation = {
      level,
      title: printable(`${f.ruleId}${title ? `: ${title}` : ''} (${f.severity})`),
      message: f.fix ? `${message}\nFix: ${printable(f.fix)}` : message,
      file: printable(loc.path),
      startLine: loc.startLine,
    };
    if (loc.endLine && loc.endLine >= loc.startLine) a.endLine = loc.endLine;
    // Columns are only valid on single-line annotations.
    if (loc.startColumn && (!a.endLine || a.endLine === loc.startLine)) {
      a.startColumn = loc.startColumn;
      if (loc.endColumn && loc.endColumn > loc.startColumn) a.endColumn = loc.endColumn;
    }
    plan.annotations.push(a);
  }
  return plan;
}

/** The "N more" line for the log, or undefined when nothing was left out. */
export function omittedNote(plan: AnnotationPlan): string | undefined {
  const { error, warning } = plan.omitted;
  if (!error && !warning) return undefined;
  const parts = [
    error ? `${error} error${error === 1 ? '' : 's'}` : '',
    warning ? `${warning} warning${warning === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return `${parts} more not annotated (GitHub shows 10 per level per step); see the job summary or the SARIF file`;
}
