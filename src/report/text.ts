/**
 * Terminal output: findings grouped by target (each Dockerfile, then the image), most severe first, with a
 * code frame from the Dockerfile, the fix, and a closing summary with the decision. Colours only when asked.
 */
import type { Finding } from '../core/finding';
import { countBySeverity, type ScanResult } from '../core/result';
import type { Severity } from '../core/severity';
import { decisionLines } from '../policy/format';
import {
  imageDisplayName,
  imagePlaceLabel,
  locationLabel,
  oneLine,
  plural,
  ruleIndex,
  SEVERITIES_DESC,
  sortFindings,
  stripControl,
  truncate,
} from './common';

export interface TextOptions {
  color: boolean;
  /** Reads a repository file (repository-relative path), for code frames. */
  readFile?: (path: string) => string | undefined;
  showSuppressed?: boolean;
  verbose?: boolean;
}

type Paint = (s: string) => string;

interface Palette {
  sev: Record<Severity, Paint>;
  dim: Paint;
  bold: Paint;
  red: Paint;
  green: Paint;
  cyan: Paint;
}

function palette(color: boolean): Palette {
  const c =
    (open: number, close = 39): Paint =>
    (s) =>
      color ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    sev: { critical: c(35), high: c(31), medium: c(33), low: c(36), info: c(90) },
    dim: c(2, 22),
    bold: c(1, 22),
    red: c(31),
    green: c(32),
    cyan: c(36),
  };
}

/** Untrusted text (package names, messages, file content) may hold escape sequences: never echo them. */
function clean(text: string): string {
  return stripControl(text);
}

function codeFrame(text: string, f: Finding, p: Palette): string[] {
  const loc = f.location!;
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, loc.startLine - 1);
  const last = Math.min(lines.length, (loc.endLine ?? loc.startLine) + 1, loc.startLine + 4);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const inside = n >= loc.startLine && n <= (loc.endLine ?? loc.startLine);
    const gutter = `${inside ? '>' : ' '} ${String(n).padStart(width)} | `;
    out.push(`    ${inside ? p.bold(gutter) : p.dim(gutter)}${clean(truncate(lines[n - 1] ?? '', 160))}`);
    if (n === loc.startLine && loc.startColumn) {
      const end =
        loc.endLine === loc.startLine && loc.endColumn ? loc.endColumn : (lines[n - 1]?.length ?? 0) + 1;
      const len = Math.max(1, Math.min(end - loc.startColumn, 160 - loc.startColumn + 1));
      out.push(
        `    ${' '.repeat(gutter.length)}${' '.repeat(loc.startColumn - 1)}${p.sev[f.severity]('^'.repeat(len))}`,
      );
    }
  }
  return out;
}

function findingBlock(f: Finding, result: ScanResult, o: TextOptions, p: Palette): string[] {
  const rule = ruleIndex(result).get(f.ruleId);
  const where = locationLabel(f);
  const out = [
    `  ${p.sev[f.severity](f.severity.toUpperCase().padEnd(8))} ${p.bold(f.ruleId)}${where ? ` ${p.cyan(where)}` : ''}${f.suppressed ? p.dim(` (suppressed: ${f.suppressed.kind}${f.suppressed.reason ? `, ${clean(oneLine(f.suppressed.reason))}` : ''})`) : ''}`,
    `    ${clean(oneLine(f.message))}`,
  ];
  const inImage = imagePlaceLabel(f);
  if (inImage && f.kind !== 'vulnerability') out.push(p.dim(`    in image: ${clean(inImage)}`));
  const text = f.location ? o.readFile?.(f.location.path) : undefined;
  if (text !== undefined && f.kind !== 'vulnerability') out.push(...codeFrame(text, f, p));
  const fix = f.fix ?? (o.verbose ? rule?.fix : undefined);
  if (fix) out.push(`    ${p.green('fix:')} ${clean(oneLine(fix))}`);
  return out;
}

/** Vulnerabilities as a compact table per package rather than a paragraph each. */
function vulnerabilityTable(findings: Finding[], p: Palette): string[] {
  const byPkg = new Map<string, Finding[]>();
  for (const f of findings) {
    const v = f.vulnerability;
    const key = v ? `${v.packageName} ${v.packageVersion} (${v.ecosystem})` : f.ruleId;
    byPkg.set(key, [...(byPkg.get(key) ?? []), f]);
  }
  const out: string[] = [];
  for (const [pkg, list] of byPkg) {
    const first = list[0]!;
    const where = [locationLabel(first), imagePlaceLabel(first)].filter(Boolean).join(', ');
    out.push(`  ${p.bold(clean(pkg))}${where ? p.dim(`  ${clean(where)}`) : ''}`);
    for (const f of list) {
      const v = f.vulnerability;
      const fixed = v?.fixedVersions.length ? v.fixedVersions.join(', ') : v ? `no fix (${v.fixState})` : '';
      const title = v?.summary ?? f.message;
      out.push(
        `    ${p.sev[f.severity](f.severity.toUpperCase().padEnd(8))} ${f.ruleId.padEnd(20)} ${p.green(truncate(clean(fixed), 28).padEnd(28))} ${clean(truncate(oneLine(title), 70))}${f.suppressed ? p.dim(' (suppressed)') : ''}`,
      );
    }
    if (first.kind === 'vulnerability' && !first.vulnerability)
      out.push(`    ${clean(oneLine(first.message))}`);
  }
  return out;
}

export function toText(result: ScanResult, o: TextOptions): string {
  const p = palette(o.color);
  const all = sortFindings(result.findings);
  const shown = o.showSuppressed ? all : all.filter((f) => !f.suppressed);
  const out: string[] = [];

  const groups: { title: string; findings: Finding[] }[] = [];
  for (const df of result.dockerfiles) {
    groups.push({
      title: df.path,
      findings: shown.filter((f) => f.kind !== 'vulnerability' && !f.image && f.location?.path === df.path),
    });
  }
  const image = result.image;
  const imageFindings = shown.filter((f) => !groups.some((g) => g.findings.includes(f)));
  if (image || imageFindings.length) {
    const name = image ? (imageDisplayName(image.ref, image.digest) ?? image.ref) : 'other findings';
    groups.push({ title: image ? `image ${name}` : name, findings: imageFindings });
  }

  for (const g of groups) {
    out.push(p.bold(clean(g.title)));
    if (g.findings.length === 0) {
      out.push(`  ${p.green('no findings')}`, '');
      continue;
    }
    const vulns = g.findings.filter((f) => f.kind === 'vulnerability');
    for (const f of g.findings.filter((x) => x.kind !== 'vulnerability'))
      out.push(...findingBlock(f, result, o, p), '');
    if (vulns.length)
      out.push(p.bold(`  vulnerabilities (${vulns.length})`), ...vulnerabilityTable(vulns, p), '');
  }

  if (image?.os) {
    out.push(
      p.dim(
        `image: ${plural(result.packages.length, 'package')} on ${clean(image.os.prettyName ?? image.os.id)}${image.platform ? ` (${image.platform})` : ''}`,
      ),
    );
  }
  for (const w of result.warnings) out.push(`${p.sev.medium('warning:')} ${clean(oneLine(w))}`);

  const counts = countBySeverity(all);
  const suppressed = all.filter((f) => f.suppressed).length;
  const total = all.length - suppressed;
  const bySev = SEVERITIES_DESC.filter((s) => counts[s] > 0)
    .map((s) => p.sev[s](`${counts[s]} ${s}`))
    .join(', ');
  out.push(
    `${plural(total, 'finding')}${bySev ? ` (${bySev})` : ''}${suppressed ? `, ${suppressed} suppressed${o.showSuppressed ? '' : ' (--show-suppressed lists them)'}` : ''}`,
  );
  if (result.decision) {
    const [head, ...reasons] = decisionLines(result.decision);
    out.push(result.decision.approved ? p.green(head!) : p.red(head!), ...reasons.map(clean));
  }
  return `${out.join('\n')}\n`;
}
