import { isPair, type Node, type Pair } from 'yaml';
import type { Finding, RuleMeta, Suppression } from '../core/finding';
import { stableHash } from '../core/hash';
import { compareSeverity } from '../core/severity';
import type { ManifestLintOptions } from './options';
import { parseManifests } from './parse';
import type { Report, Rule } from './rule';
import { ALL_RULES } from './rules-list';
import type { ParsedManifests, Span } from './types';
import { deref, mapAt, scalarAt } from './yaml-nodes';
import { compareText } from '../core/order';

export const IGNORE_ANNOTATION = 'shipgate.dev/ignore';

/** Lints one manifest file (a YAML stream): every rule, exact locations, stable fingerprints; suppressed findings are kept and marked. */
export function lintManifests(
  input: { path: string; content: string },
  options: ManifestLintOptions = {},
  rules: readonly Rule[] = ALL_RULES,
): { findings: Finding[]; objects: number } {
  const file = parseManifests(input.content, input.path);
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.meta.optional && !options.enableRules?.some((id) => aliases(rule.meta).has(id.toUpperCase())))
      continue;
    rule.check({
      file,
      options,
      report: (r) => {
        const f = toFinding(file, rule, r);
        const s = suppression(file, rule.meta, r, f, options);
        if (s) f.suppressed = s;
        findings.push(f);
      },
    });
  }
  return {
    objects: file.objects.length,
    findings: findings.sort(
      (a, b) =>
        (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
        (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0) ||
        compareSeverity(b.severity, a.severity) ||
        compareText(a.ruleId, b.ruleId),
    ),
  };
}

function spanOfTarget(file: ParsedManifests, at: Node | Pair): Span {
  if (!isPair(at)) return file.spanOf(at);
  const key = at.key as Node | null;
  const value = at.value as Node | null;
  const start = key ? file.spanOf(key) : value ? file.spanOf(value) : undefined;
  const end = value ? file.spanOf(value) : start;
  if (!start || !end) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { line: start.line, column: start.column, endLine: end.endLine, endColumn: end.endColumn };
}

function reportSpan(file: ParsedManifests, r: Report): Span {
  if (r.at) return spanOfTarget(file, r.at);
  // A missing field points at the container's first line (`- name: app`), or the pod spec's.
  const node = r.container?.node ?? r.pod.spec;
  const s = file.spanOf(node);
  return {
    line: s.line,
    column: s.column,
    endLine: s.line,
    endColumn: (file.lines[s.line - 1]?.length ?? 0) + 1,
  };
}

function toFinding(file: ParsedManifests, rule: Rule, r: Report): Finding {
  const span = reportSpan(file, r);
  const o = r.pod.object;
  const fingerprint = stableHash(
    rule.meta.id,
    file.path,
    o.kind,
    o.namespace ?? '',
    o.name,
    r.container ? `${r.container.field}/${r.container.name}` : '',
    r.key,
  );
  return {
    ruleId: rule.meta.id,
    kind: 'manifest',
    severity: r.severity ?? rule.meta.severity,
    message: o.source ? `${r.message} (rendered from ${o.source})` : r.message,
    location: {
      path: file.path,
      startLine: span.line,
      startColumn: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
      snippet: file.lines[span.line - 1] ?? '',
    },
    fingerprint,
    ...(r.image ? { image: r.image } : {}),
    fix: r.fix ?? rule.hint,
    properties: {
      object: `${o.kind}/${o.name}`,
      ...(o.namespace ? { namespace: o.namespace } : {}),
      ...(r.container ? { container: r.container.name } : {}),
      ...(o.source ? { template: o.source } : {}),
    },
  };
}

const aliasCache = new WeakMap<RuleMeta, Set<string>>();

/** Every id a rule answers to: its own and its peers' (trivy's KSV012 also as AVD-KSV-0012 and KSV-0012). */
function aliases(meta: RuleMeta): Set<string> {
  let ids = aliasCache.get(meta);
  if (ids) return ids;
  ids = new Set([meta.id.toUpperCase()]);
  for (const list of Object.values(meta.equivalents ?? {}))
    for (const id of list ?? []) {
      ids.add(id.toUpperCase());
      const m = /^(?:AVD-)?KSV-?0*(\d+)$/i.exec(id);
      if (m) {
        const n = Number(m[1]);
        ids.add(`KSV${String(n).padStart(3, '0')}`);
        ids.add(`KSV-${String(n).padStart(4, '0')}`);
        ids.add(`AVD-KSV-${String(n).padStart(4, '0')}`);
      }
    }
  aliasCache.set(meta, ids);
  return ids;
}

const PRAGMA = /^shipgate\s+ignore\s*=\s*([A-Za-z0-9_,\s-]+?)(?:\s+(?:--|#)\s*(.*))?$/i;

function matchIds(meta: RuleMeta, ids: readonly string[]): string | undefined {
  const known = aliases(meta);
  return ids.find((id) => known.has(id.trim().toUpperCase()));
}

function annotationIgnores(r: Report): { ids: string[]; where: string }[] {
  const o = r.pod.object;
  const out: { ids: string[]; where: string }[] = [];
  const metas = [
    { map: mapAt(o.node, 'metadata', o.doc), where: 'metadata.annotations' },
    ...(r.pod.metadata && r.pod.specPath !== 'spec'
      ? [{ map: r.pod.metadata, where: 'the pod template annotations' }]
      : []),
  ];
  for (const { map, where } of metas) {
    const annotations = mapAt(map, 'annotations', o.doc);
    const v = scalarAt(annotations, IGNORE_ANNOTATION, o.doc);
    if (typeof v === 'string') out.push({ ids: v.split(/[\s,]+/).filter(Boolean), where });
  }
  return out;
}

function suppression(
  file: ParsedManifests,
  meta: RuleMeta,
  r: Report,
  f: Finding,
  options: ManifestLintOptions,
): Suppression | undefined {
  if (options.inlinePragmas !== false) {
    // A comment on the finding's line, on the line above it, or on or above the container's / object's first line.
    const lines = new Set<number>();
    const line = f.location?.startLine ?? 0;
    lines.add(line).add(line - 1);
    for (const n of [r.container?.node, r.pod.object.node]) {
      const s = n ? file.spanOf(deref(n, r.pod.object.doc) ?? n) : undefined;
      if (s) lines.add(s.line).add(s.line - 1);
    }
    for (const c of file.comments) {
      if (!lines.has(c.line)) continue;
      const m = PRAGMA.exec(c.text.trim());
      const id = m ? matchIds(meta, (m[1] as string).split(/[\s,]+/).filter(Boolean)) : undefined;
      if (id) return { kind: 'inline', reason: m?.[2] ?? `# shipgate ignore=${id} (line ${c.line})` };
    }
    for (const a of annotationIgnores(r)) {
      const id = matchIds(meta, a.ids);
      if (id) return { kind: 'inline', reason: `${IGNORE_ANNOTATION}: ${id} in ${a.where}` };
    }
  }
  if (options.ignoreRules) {
    const id = matchIds(meta, options.ignoreRules);
    if (id) return { kind: 'policy', reason: `${id} ignored by policy` };
  }
  return undefined;
}
