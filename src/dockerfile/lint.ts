import { ShipgateError } from '../core/errors';
import type { Finding, RuleMeta, Suppression } from '../core/finding';
import { stableHash } from '../core/hash';
import type { DockerfileTarget } from '../core/result';
import { compareSeverity, type Severity } from '../core/severity';
import type { DockerfileLintOptions } from './options';
import { parseDockerfile } from './parse';
import { defineRule, type Report, type Rule } from './rule';
import { findShellcheck, runShellcheck, shellcheckSeverity } from './shellcheck';
import { RULES } from './rules/index';
import { finalStage, pulledImages } from './rules/helpers';
import { stageUser } from './stage-user';
import { redact } from '../core/redact';
import { isSecretName, SECRET_PATTERNS } from './rules/secrets';
import type { Instruction, ParsedDockerfile } from './types';
import { compareText } from '../core/order';

export type { DockerfileLintOptions } from './options';

/** What happened to ShellCheck for one Dockerfile. */
interface ShellcheckStatus {
  /** `ran`; `off` by option; `missing` when no `shellcheck` is on PATH; `none` when there was no RUN to check. */
  state: 'ran' | 'off' | 'missing' | 'none';
  /** RUN instructions not checked, with why. */
  skipped: { line: number; reason: string }[];
  /** The rules (one per SC code) its findings belong to. */
  rules: RuleMeta[];
}

type LintResult = { findings: Finding[]; target: DockerfileTarget; shellcheck: ShellcheckStatus };

/** Lints one Dockerfile: all rules, exact locations, stable fingerprints; suppressed findings are kept and marked. */
export async function lintDockerfile(
  input: { path: string; content: string },
  options: DockerfileLintOptions = {},
): Promise<LintResult> {
  return (await lintDockerfiles([input], options))[0] as LintResult;
}

/** Lints several Dockerfiles, in order; ShellCheck runs over all their RUN scripts in a few processes. */
export async function lintDockerfiles(
  inputs: readonly { path: string; content: string }[],
  options: DockerfileLintOptions = {},
): Promise<LintResult[]> {
  const parse = async (input: { path: string; content: string }): Promise<ParsedDockerfile> => {
    const df = await parseDockerfile(input.content, input.path);
    if (options.target) selectTarget(df, options.target);
    return df;
  };
  const shellcheck = options.shellcheck === true ? findShellcheck() : undefined;
  if (!shellcheck) {
    // Each file is let go once linted, so a run over many files keeps only their findings: the parsed files
    // then die young, and the garbage collector no longer copies all of them from one collection to the next.
    const results: LintResult[] = [];
    for (const input of inputs) {
      const df = await parse(input);
      results.push({
        findings: runRules(df, options),
        target: toTarget(df),
        shellcheck: unchecked(df, options.shellcheck === true ? 'missing' : 'off'),
      });
    }
    return results;
  }
  const dfs: ParsedDockerfile[] = [];
  for (const input of inputs) dfs.push(await parse(input));
  const findings = dfs.map((df) => runRules(df, options));
  const checked = await shellcheckFindings(dfs, shellcheck, options, findings);
  return dfs.map((df, i) => ({
    findings: checked[i]!.rules.length ? sortFindings(findings[i]!) : findings[i]!,
    target: toTarget(df),
    shellcheck: checked[i]!,
  }));
}

const hasRun = (df: ParsedDockerfile): boolean =>
  df.instructions.some((i) => i.keyword === 'RUN' || i.trigger?.keyword === 'RUN');

/** The status of a Dockerfile ShellCheck did not run on: `none` when it has no RUN. */
const unchecked = (df: ParsedDockerfile, state: 'off' | 'missing'): ShellcheckStatus => ({
  state: hasRun(df) ? state : 'none',
  skipped: [],
  rules: [],
});

/** ShellCheck's findings on the RUN scripts, as rules named by their SC code (as hadolint reports them). */
async function shellcheckFindings(
  dfs: ParsedDockerfile[],
  binary: string,
  options: DockerfileLintOptions,
  findings: Finding[][],
): Promise<ShellcheckStatus[]> {
  const checked = dfs.filter(hasRun);
  const runs = await runShellcheck(checked, binary, options.shellcheckTimeoutMs);
  const rules = new Map<string, Rule>();
  return dfs.map((df, i) => {
    const run = runs[checked.indexOf(df)];
    if (!run) return unchecked(df, 'off');
    const used = new Set<Rule>();
    const seen = new Map<string, number>();
    for (const r of run.reports) {
      let rule = rules.get(r.code);
      if (!rule) {
        rule = shellcheckRule(r.code, shellcheckSeverity(r.level));
        rules.set(r.code, rule);
      }
      used.add(rule);
      const f = toFinding(df, rule, { ...r, severity: shellcheckSeverity(r.level) }, seen);
      const s = suppression(df, rule.meta, r.at, options);
      if (s) f.suppressed = s;
      findings[i]!.push(f);
    }
    return { state: 'ran', skipped: run.skipped, rules: [...used].map((r) => r.meta) };
  });
}

function shellcheckRule(code: string, severity: Severity): Rule {
  const wiki = `https://www.shellcheck.net/wiki/${code}`;
  return defineRule({
    id: code,
    title: `ShellCheck ${code}`,
    severity,
    description: `ShellCheck's check ${code} on the shell script of a RUN instruction; each finding's message says what it found.`,
    rationale:
      'A RUN script is a shell script: quoting, exit-status and portability mistakes break builds or make them do something else than intended.',
    fix: `See ${wiki}; or \`# hadolint ignore=${code}\` above the RUN when it is intended.`,
    tags: ['shellcheck', 'best-practice'],
    equivalents: { hadolint: [code] },
    hint: wiki,
    check: () => undefined,
  });
}

/** Makes the `--target` stage the final one. */
function selectTarget(df: ParsedDockerfile, target: string): void {
  const stage = df.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
  if (!stage) {
    const names = df.stages.map((s) => s.name).filter((n): n is string => !!n);
    throw new ShipgateError('USAGE', `${df.path}: no stage named "${target}"`, {
      hint: names.length
        ? `stages: ${names.join(', ')}`
        : 'the Dockerfile has no named stages (FROM … AS <name>)',
    });
  }
  for (const s of df.stages) s.isFinal = s === stage;
}

/** Runs rules (default all) on a parsed Dockerfile: findings with exact locations, suppressions marked. */
export function runRules(
  df: ParsedDockerfile,
  options: DockerfileLintOptions,
  rules: Rule[] = RULES,
): Finding[] {
  const opts: DockerfileLintOptions = { ...options };
  if (options.hadolint?.trustedRegistries.length && !options.allowedRegistries)
    opts.allowedRegistries = options.hadolint.trustedRegistries;
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  for (const rule of rules) {
    rule.check({
      df,
      options: opts,
      report: (r) => {
        const f = toFinding(df, rule, r, seen);
        const s = suppression(df, rule.meta, r.at, opts);
        if (s) f.suppressed = s;
        findings.push(f);
      },
    });
  }
  return sortFindings(findings);
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
      (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0) ||
      compareSeverity(b.severity, a.severity) ||
      compareText(a.ruleId, b.ruleId),
  );
}

/** Identity of the stage an instruction is in that survives edits elsewhere: its name, else its base image. */
function stageIdentity(df: ParsedDockerfile, inst: Instruction): string {
  if (inst.stage < 0) return 'global';
  const s = df.stages[inst.stage];
  if (!s) return 'global';
  return s.name ? `name:${s.name.toLowerCase()}` : `image:${s.image.raw}${s.isFinal ? ':final' : ''}`;
}

function toFinding(df: ParsedDockerfile, rule: Rule, r: Report, seen: Map<string, number>): Finding {
  const span = r.span ?? r.at.span;
  const base = stableHash(rule.meta.id, stageIdentity(df, r.at), r.at.normalized, r.key);
  // Identical instructions in one stage get an ordinal so their fingerprints differ but stay stable.
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  const finding: Finding = {
    ruleId: rule.meta.id,
    kind: 'dockerfile',
    severity: r.severity ?? rule.meta.severity,
    message: r.message,
    location: {
      path: df.path,
      startLine: span.line,
      startColumn: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
      snippet: snippetOf(df, span.line),
    },
    fingerprint: n === 0 ? base : stableHash(base, n),
    fix: r.fix ?? rule.hint,
  };
  const stage = r.at.stage >= 0 ? df.stages[r.at.stage] : undefined;
  finding.properties = {
    instruction: r.at.keyword,
    ...(stage ? { stage: stage.name ?? stage.index } : {}),
    ...r.properties,
  };
  return finding;
}

/** Redacted source lines by Dockerfile and line number: several rules often report on one line. */
const snippets = new WeakMap<ParsedDockerfile, Map<number, string>>();

function snippetOf(df: ParsedDockerfile, line: number): string {
  let lines = snippets.get(df);
  if (!lines) snippets.set(df, (lines = new Map()));
  let text = lines.get(line);
  if (text === undefined) lines.set(line, (text = redactLine(df.lines[line - 1] ?? '')));
  return text;
}

/** A source line safe to show: credential-looking values and values of secret-named keys are masked. */
const SECRET_PATTERNS_GLOBAL = SECRET_PATTERNS.map((p) => ({
  re: new RegExp(p.re.source, 'g'),
  keep: p.keep,
}));
const KEY_VALUE = /([A-Za-z_][A-Za-z0-9_]*)(=|\s+)("[^"]*"|'[^']*'|\S+)/g;

function redactLine(line: string): string {
  let out = line;
  for (const p of SECRET_PATTERNS_GLOBAL) out = out.replace(p.re, (m) => redact(m, { keep: p.keep }));
  return out.replace(KEY_VALUE, (whole, key: string, sep: string, value: string) =>
    isSecretName(key) && !value.startsWith('$')
      ? `${key}${sep}${redact(value.replace(/^["']|["']$/g, ''), { keep: 2 })}`
      : whole,
  );
}

/** All ids a rule answers to: its own and its equivalents in other tools. */
export function ruleAliases(meta: RuleMeta): Set<string> {
  const ids = new Set<string>([meta.id.toUpperCase()]);
  const eq = meta.equivalents ?? {};
  for (const list of Object.values(eq)) for (const id of list ?? []) ids.add(id.toUpperCase());
  // A related check's id in `# hadolint ignore=` means the same finding to whoever wrote it.
  for (const list of Object.values(meta.related?.checks ?? {}))
    for (const id of list ?? []) ids.add(id.toUpperCase());
  // Trivy ids are written DS-0002, AVD-DS-0002 or DS002.
  for (const id of [...(eq.trivy ?? []), ...(meta.related?.checks.trivy ?? [])]) {
    const m = /^(?:AVD-)?DS-?0*(\d+)$/i.exec(id);
    if (m) {
      const num = Number(m[1]);
      ids.add(`DS-${String(num).padStart(4, '0')}`);
      ids.add(`AVD-DS-${String(num).padStart(4, '0')}`);
      ids.add(`DS${String(num).padStart(3, '0')}`);
    }
  }
  return ids;
}

const aliasCache = new WeakMap<RuleMeta, Set<string>>();
function matches(meta: RuleMeta, ids: readonly string[]): string | undefined {
  let aliases = aliasCache.get(meta);
  if (!aliases) {
    aliases = ruleAliases(meta);
    aliasCache.set(meta, aliases);
  }
  return ids.find((id) => aliases.has(id.trim().toUpperCase()));
}

const PRAGMA =
  /^(shipgate|hadolint)\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)(?:\s+(?:--|#)\s*(.*))?$/i;

function pragmaIds(
  text: string,
): { tool: string; global: boolean; ids: string[]; reason?: string } | undefined {
  const m = PRAGMA.exec(text.trim());
  if (!m) return undefined;
  return {
    tool: (m[1] as string).toLowerCase(),
    global: !!m[2],
    ids: (m[3] as string).split(/[\s,]+/).filter(Boolean),
    ...(m[4] ? { reason: m[4] } : {}),
  };
}

type Pragma = NonNullable<ReturnType<typeof pragmaIds>>;
const pragmaCache = new WeakMap<readonly { text: string; line: number }[], (Pragma & { line: number })[]>();

/** The pragmas among comment lines, parsed once per list (every finding of an instruction reads them). */
function pragmasOf(comments: readonly { text: string; line: number }[]): (Pragma & { line: number })[] {
  let out = pragmaCache.get(comments);
  if (!out) {
    out = [];
    for (const c of comments) {
      const p = pragmaIds(c.text);
      if (p) out.push({ ...p, line: c.line });
    }
    pragmaCache.set(comments, out);
  }
  return out;
}

function suppression(
  df: ParsedDockerfile,
  meta: RuleMeta,
  at: Instruction,
  options: DockerfileLintOptions,
): Suppression | undefined {
  const inline = options.inlinePragmas !== false && !options.hadolint?.disableIgnorePragma;
  if (inline) {
    for (const p of pragmasOf(at.comments)) {
      const id = !p.global ? matches(meta, p.ids) : undefined;
      if (id) return { kind: 'inline', reason: p.reason ?? `# ${p.tool} ignore=${id} (line ${p.line})` };
    }
    for (const p of pragmasOf(df.comments)) {
      const id = p.global ? matches(meta, p.ids) : undefined;
      if (id)
        return { kind: 'inline', reason: p.reason ?? `# ${p.tool} global ignore=${id} (line ${p.line})` };
    }
    // BuildKit's `# check=skip=RuleA,RuleB` directive.
    const check = df.directives.find((d) => d.name === 'check');
    const skip = check ? /(?:^|;)\s*skip\s*=\s*([^;]+)/i.exec(check.value)?.[1] : undefined;
    if (skip) {
      const ids = skip.split(',').map((s) => s.trim());
      const id = ids.includes('all') ? 'all' : matches(meta, ids);
      if (id && (id !== 'all' || meta.equivalents?.buildkit?.length))
        return { kind: 'inline', reason: `# check=skip=${id} (line ${check?.line})` };
    }
  }
  if (options.hadolint) {
    const id = matches(meta, options.hadolint.ignored);
    if (id) return { kind: 'hadolint-config', reason: `${id} ignored in ${options.hadolint.path}` };
  }
  if (options.ignoreRules) {
    const id = matches(meta, options.ignoreRules);
    if (id) return { kind: 'policy', reason: `${id} ignored by policy` };
  }
  return undefined;
}

/** What reports and image mapping need to know about a Dockerfile. */
export function toTarget(df: ParsedDockerfile): DockerfileTarget {
  return {
    path: df.path,
    stages: df.stages.map((s) => ({
      ...(s.name !== undefined ? { name: s.name } : {}),
      baseImage: s.image.resolved,
      line: s.from.span.line,
    })),
    instructions: df.instructions.map((i) => ({
      line: i.span.line,
      endLine: i.span.endLine,
      keyword: i.keyword,
      text: i.normalized,
      stage: i.stage,
    })),
    pulledImages: pulledImages(df).map((p) => ({ image: p.image.raw, line: p.inst.span.line })),
    finalUser: finalUserOf(df),
  };
}

function finalUserOf(df: ParsedDockerfile): DockerfileTarget['finalUser'] {
  const u = df.stages.length ? stageUser(df, finalStage(df)) : undefined;
  return u ? { line: u.inst.span.line, text: u.text, value: u.value, runsAs: u.runsAs } : null;
}
