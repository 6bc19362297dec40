/**
 * Terminal output: findings grouped by target (each Dockerfile, then the image), most severe first, with a
 * code frame from the Dockerfile, the fix, vulnerabilities as one compact table per package, and a closing
 * summary with the decision. Colours (plain ANSI) only when asked; untrusted text never carries escapes.
 */
import { ruleHelpUri, type Finding } from '../core/finding';
import { countBySeverity, type ScanResult } from '../core/result';
import { maskRange } from '../core/redact';
import { severityRank, type Severity } from '../core/severity';
import { decisionLines, platformLines } from './decision';
import { compareText, sortFindings } from '../core/order';
import { oneLine, printable } from '../core/text';
import {
  exploitLabels,
  imageDisplayName,
  imagePlaceLabel,
  locationLabel,
  plural,
  ruleIndex,
  SEVERITIES_DESC,
  truncate,
} from './common';

export interface TextOptions {
  /** ANSI colours; the CLI decides from the TTY, NO_COLOR and FORCE_COLOR. */
  color: boolean;
  /** Reads a repository file (repository-relative path), for code frames. */
  readFile?: (path: string) => string | undefined;
  /** List suppressed findings too (marked), instead of only counting them. */
  showSuppressed?: boolean;
  /** Full titles, documentation links and the rule's fix when a finding has none of its own. */
  verbose?: boolean;
  /** List the image's packages (the inventory) before the summary. */
  listPackages?: boolean;
}

/** The inventory as an aligned table: type, name, version, source package, and the layer it came from. */
function packageTable(result: ScanResult, p: Palette): string[] {
  const rows = result.packages.map((pkg) => [
    pkg.type,
    clean(pkg.namespace ? `${pkg.namespace}/${pkg.name}` : pkg.name),
    clean(pkg.version),
    clean(
      pkg.sourceName && pkg.sourceName !== pkg.name
        ? `${pkg.sourceName} ${pkg.sourceVersion ?? ''}`.trim()
        : '',
    ),
    pkg.layerIndex === undefined ? '' : `layer ${pkg.layerIndex}`,
  ]);
  const head = ['TYPE', 'NAME', 'VERSION', 'SOURCE', 'LAYER'];
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (r: string[]): string =>
    `  ${r.map((c, i) => truncate(c, widths[i]!).padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [p.bold(`Packages (${rows.length})`), p.dim(line(head)), ...rows.map(line), ''];
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
    (open: string, close: string): Paint =>
    (s) =>
      color && s ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    sev: {
      critical: c('1;35', '22;39'),
      high: c('31', '39'),
      medium: c('33', '39'),
      low: c('36', '39'),
      info: c('90', '39'),
    },
    dim: c('2', '22'),
    bold: c('1', '22'),
    red: c('1;31', '22;39'),
    green: c('32', '39'),
    cyan: c('36', '39'),
  };
}

/** Untrusted text (package names, messages, file content) may hold escape sequences: never echo them. */
/** Untrusted text on one line, without escapes or control characters. */
function clean(text: string): string {
  return printable(text);
}

const CONTEXT = 2;
const MAX_FRAME_LINES = 6;
const MAX_LINE = 160;

interface Redaction {
  line: number;
  start: number;
  end: number;
}

/** Column ranges of secret findings, blanked in every frame that shows their line. */
function secretRanges(findings: readonly Finding[], path: string): Redaction[] {
  const out: Redaction[] = [];
  for (const f of findings) {
    const l = f.location;
    // Only secrets found in the file itself; an image secret's line is the instruction that copied it.
    if (f.kind !== 'secret' || f.image || !l || l.path !== path) continue;
    const last = l.endLine ?? l.startLine;
    for (let n = l.startLine; n <= last; n++)
      out.push({
        line: n,
        start: n === l.startLine ? (l.startColumn ?? 1) : 1,
        end: n === last && l.endColumn ? l.endColumn : Number.MAX_SAFE_INTEGER,
      });
  }
  return out;
}

function maskSecrets(text: string, n: number, redactions: readonly Redaction[]): string {
  let out = text;
  for (const r of redactions) if (r.line === n) out = maskRange(out, r.start - 1, r.end - 1);
  return out;
}

interface Source {
  lines: string[];
  redactions: Redaction[];
}

/**
 * The files findings point into, each read, split and its secret ranges collected once per report: a
 * Dockerfile with thousands of findings would otherwise be re-read for every one of them.
 */
function sources(
  result: ScanResult,
  readFile: TextOptions['readFile'],
): (path: string) => Source | undefined {
  const cache = new Map<string, Source | undefined>();
  return (path) => {
    if (cache.has(path)) return cache.get(path);
    const text = readFile?.(path);
    const source =
      text === undefined
        ? undefined
        : { lines: text.split(/\r\n|\r|\n/), redactions: secretRanges(result.findings, path) };
    cache.set(path, source);
    return source;
  };
}

/** Source lines around the finding with a gutter, and a caret underline under the column range. */
function codeFrame(f: Finding, p: Palette, { lines, redactions }: Source): string[] {
  const loc = f.location!;
  if (loc.startLine < 1 || loc.startLine > lines.length) return [];
  const endLine = Math.min(loc.endLine ?? loc.startLine, loc.startLine + MAX_FRAME_LINES - 1);
  const first = Math.max(1, loc.startLine - CONTEXT);
  const last = Math.min(lines.length, endLine + CONTEXT);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const inside = n >= loc.startLine && n <= endLine;
    const raw = maskSecrets(clean(lines[n - 1] ?? ''), n, redactions);
    const shownText = truncate(raw, MAX_LINE);
    const gutter = `${inside ? '>' : ' '} ${String(n).padStart(width)} | `;
    out.push(`    ${inside ? p.bold(gutter) : p.dim(gutter)}${inside ? shownText : p.dim(shownText)}`);
    if (n === loc.startLine && loc.startColumn && loc.startColumn <= MAX_LINE) {
      const start = loc.startColumn;
      const end = (loc.endLine ?? n) === n && loc.endColumn ? loc.endColumn : raw.length + 1;
      const len = Math.max(1, Math.min(end, MAX_LINE + 1) - start);
      // Keep tabs from the source line so the caret lines up however the terminal expands them.
      const pad = raw.slice(0, start - 1).replace(/[^\t]/g, ' ');
      out.push(`    ${' '.repeat(gutter.length)}${pad}${p.sev[f.severity]('^'.repeat(len))}`);
    }
  }
  return out;
}

function suppressedNote(f: Finding): string {
  if (!f.suppressed) return '';
  const s = f.suppressed;
  const reason = s.reason ? `, ${clean(oneLine(s.reason))}` : '';
  return ` (suppressed: ${s.kind}${reason}${s.expires ? `, until ${clean(s.expires)}` : ''})`;
}

function findingBlock(
  f: Finding,
  result: ScanResult,
  o: TextOptions,
  p: Palette,
  source: (path: string) => Source | undefined,
): string[] {
  const rule = ruleIndex(result).get(f.ruleId);
  const where = locationLabel(f);
  const title = rule?.title ? ` ${p.dim(clean(oneLine(rule.title)))}` : '';
  const out = [
    `  ${p.sev[f.severity](f.severity.toUpperCase().padEnd(8))} ${p.bold(clean(f.ruleId))}${title}${
      where ? `  ${p.cyan(clean(where))}` : ''
    }${p.dim(suppressedNote(f))}`,
    `    ${clean(oneLine(f.message))}`,
  ];
  const inImage = imagePlaceLabel(f);
  if (inImage) out.push(p.dim(`    in image: ${clean(inImage)}`));
  if (f.image?.createdBy && o.verbose)
    out.push(p.dim(`    layer created by: ${clean(truncate(oneLine(f.image.createdBy), 120))}`));
  const file = f.location ? source(f.location.path) : undefined;
  if (file) out.push(...codeFrame(f, p, file));
  const fix = f.fix ?? (o.verbose ? rule?.fix : undefined);
  if (fix) out.push(`    ${p.green('fix:')} ${clean(oneLine(fix))}`);
  if (o.verbose) out.push(p.dim(`    docs: ${ruleHelpUri(rule ?? { id: f.ruleId, kind: f.kind })}`));
  return out;
}

function fixedText(f: Finding): string {
  const v = f.vulnerability;
  if (!v) return '';
  if (v.fixedVersions.length) return v.fixedVersions.join(', ');
  return v.fixState === 'wont-fix' ? "won't fix" : v.fixState === 'unknown' ? 'unknown' : 'no fix';
}

/** Pads to a width measured before colouring, so colour codes don't break the columns. */
function cell(text: string, width: number, paint?: Paint): string {
  const padded = text.padEnd(width);
  return paint ? paint(padded) : padded;
}

/** Vulnerabilities as one compact table per package rather than a paragraph each. */
function vulnerabilityTables(findings: Finding[], o: TextOptions, p: Palette): string[] {
  const byPkg = new Map<string, Finding[]>();
  for (const f of findings) {
    const v = f.vulnerability;
    const key = v
      ? `${v.ecosystem}\u0000${v.packageName}\u0000${v.packageVersion}\u0000${f.image?.path ?? ''}`
      : f.ruleId;
    const list = byPkg.get(key);
    if (list) list.push(f);
    else byPkg.set(key, [f]);
  }
  const titleMax = o.verbose ? 200 : 60;
  const rows = findings.map((f) => ({
    f,
    id: clean(f.ruleId),
    sev: f.severity.toUpperCase(),
    installed: clean(f.vulnerability?.packageVersion ?? ''),
    fixed: clean(truncate(fixedText(f), 32)),
    title: clean(
      [
        ...exploitLabels(f).map((l) => `[${l}]`),
        truncate(oneLine(f.vulnerability?.summary ?? f.message), titleMax),
      ].join(' '),
    ),
  }));
  const w = {
    id: Math.max(2, ...rows.map((r) => r.id.length)),
    sev: 8,
    installed: Math.max(9, ...rows.map((r) => r.installed.length)),
    fixed: Math.max(5, ...rows.map((r) => r.fixed.length)),
  };
  const rowOf = new Map(rows.map((r) => [r.f, r]));
  const groups = [...byPkg.values()].sort(
    (a, b) =>
      Math.max(...b.map((f) => severityRank(f.severity))) -
        Math.max(...a.map((f) => severityRank(f.severity))) ||
      compareText(a[0]!.vulnerability?.packageName ?? '', b[0]!.vulnerability?.packageName ?? ''),
  );
  const out: string[] = [];
  for (const list of groups) {
    const first = list[0]!;
    const v = first.vulnerability;
    const name = v ? `${v.packageName} ${v.packageVersion} (${v.ecosystem})` : first.ruleId;
    const where = [imagePlaceLabel(first), locationLabel(first)].filter(Boolean).join(', ');
    out.push(`  ${p.bold(clean(name))}${where ? p.dim(`  ${clean(where)}`) : ''}`);
    out.push(
      p.dim(
        `    ${cell('ID', w.id)}  ${cell('SEVERITY', w.sev)}  ${cell('INSTALLED', w.installed)}  ${cell('FIXED', w.fixed)}  TITLE`,
      ),
    );
    const sorted = [...list].sort(
      (a, b) => severityRank(b.severity) - severityRank(a.severity) || compareText(a.ruleId, b.ruleId),
    );
    for (const f of sorted) {
      const r = rowOf.get(f)!;
      out.push(
        `    ${cell(r.id, w.id)}  ${cell(r.sev, w.sev, p.sev[f.severity])}  ${cell(r.installed, w.installed)}  ${cell(
          r.fixed,
          w.fixed,
          f.fixable ? p.green : undefined,
        )}  ${r.title}${p.dim(suppressedNote(f))}`,
      );
    }
    out.push('');
  }
  return out;
}

interface Group {
  title: string;
  findings: Finding[];
}

/** Dockerfiles first (in scan order), then other repository files, then the image. */
function groupByTarget(result: ScanResult, shown: Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const df of result.dockerfiles) groups.set(`file:${df.path}`, { title: df.path, findings: [] });
  const files: string[] = [];
  let image: Group | undefined;
  for (const f of shown) {
    // Manifest findings stay with their YAML file even when they also name the scanned image.
    const fromImage =
      f.kind === 'manifest' ? !f.location : f.image !== undefined || (f.kind !== 'dockerfile' && !f.location);
    if (!fromImage && f.location) {
      const key = `file:${f.location.path}`;
      let g = groups.get(key);
      if (!g) {
        g = { title: f.location.path, findings: [] };
        groups.set(key, g);
        files.push(key);
      }
      g.findings.push(f);
      continue;
    }
    if (!image) {
      const i = result.image;
      const name = i
        ? (imageDisplayName(i.ref, i.digest) ?? i.ref)
        : (imageDisplayName(f.image?.ref, f.image?.digest) ?? 'image');
      image = { title: `image ${name}`, findings: [] };
    }
    image.findings.push(f);
  }
  if (!image && result.image)
    image = {
      title: `image ${imageDisplayName(result.image.ref, result.image.digest) ?? result.image.ref}`,
      findings: [],
    };
  const ordered = [
    ...result.dockerfiles.map((d) => groups.get(`file:${d.path}`)!),
    ...files.sort().map((k) => groups.get(k)!),
  ];
  return image ? [...ordered, image] : ordered;
}

export function toText(result: ScanResult, o: TextOptions): string {
  const p = palette(o.color);
  const all = sortFindings(result.findings);
  const shown = o.showSuppressed ? all : all.filter((f) => !f.suppressed);
  const out: string[] = [];
  const source = sources(result, o.readFile);

  for (const g of groupByTarget(result, shown)) {
    const count = g.findings.length;
    out.push(`${p.bold(clean(g.title))}${p.dim(` (${plural(count, 'finding')})`)}`);
    if (count === 0) {
      out.push(`  ${p.green('no findings')}`, '');
      continue;
    }
    const vulns = g.findings.filter((f) => f.kind === 'vulnerability');
    for (const f of g.findings.filter((x) => x.kind !== 'vulnerability'))
      out.push(...findingBlock(f, result, o, p, source), '');
    if (vulns.length)
      out.push(p.bold(`  Vulnerabilities (${vulns.length})`), ...vulnerabilityTables(vulns, o, p));
  }

  const image = result.image;
  if (o.listPackages && result.packages.length) out.push(...packageTable(result, p));
  if (image?.os)
    out.push(
      p.dim(
        `image: ${plural(result.packages.length, 'package')} on ${clean(image.os.prettyName ?? image.os.id)}${
          image.platform ? ` (${clean(image.platform)})` : ''
        }${image.os.eol ? ', end of life' : ''}`,
      ),
    );
  for (const w of result.warnings) out.push(`${p.sev.medium('warning:')} ${clean(oneLine(w))}`);

  const counts = countBySeverity(all);
  const suppressed = all.filter((f) => f.suppressed).length;
  const total = all.length - suppressed;
  const bySev = SEVERITIES_DESC.filter((s) => counts[s] > 0)
    .map((s) => p.sev[s](`${counts[s]} ${s}`))
    .join(', ');
  out.push(
    `${p.bold(plural(total, 'finding'))}${bySev ? ` (${bySev})` : ''}${
      suppressed
        ? `, ${suppressed} suppressed${o.showSuppressed ? '' : ' (--show-suppressed lists them)'}`
        : ''
    }`,
  );
  if (result.index) out.push(...platformLines(result.index).map(clean));
  if (result.decision) {
    const [head, ...reasons] = decisionLines(result.decision);
    out.push(result.decision.approved ? p.green(clean(head!)) : p.red(clean(head!)), ...reasons.map(clean));
  }
  return `${out.join('\n')}\n`;
}
