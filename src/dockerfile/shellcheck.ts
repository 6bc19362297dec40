import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { mapConcurrent } from '../core/concurrency';
import { ShipgateError } from '../core/errors';
import type { Severity } from '../core/severity';
import type { Report } from './rule';
import type { Instruction, ParsedDockerfile, Span } from './types';

/** hadolint's exclusions: SC2187 (ash is checked as dash) and SC1090 (needs a directive a RUN cannot carry). */
const EXCLUDED = ['SC1090', 'SC2187'];
/** Variables Docker predefines for every RUN (hadolint declares them too). */
const PROXY_VARS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
];
/** Shells ShellCheck checks, and the dialect each is checked as. */
const DIALECT: Record<string, string> = {
  sh: 'sh',
  bash: 'bash',
  dash: 'dash',
  ksh: 'ksh',
  ash: 'dash',
  busybox: 'dash',
};
const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Bounds that keep ShellCheck's time predictable: its time grows exponentially with nested `$(...)` (depth 10
 * takes half a second, 15 takes seconds), and with script size; past them a RUN is skipped with the reason.
 */
const MAX_SUBST_DEPTH = 8;
const MAX_SCRIPT_CHARS = 64 * 1024;
const MAX_SCRIPTS = 2_000;

interface Pos {
  line: number;
  column: number;
}

/** One RUN script as ShellCheck sees it: a prologue of unmapped lines, then source characters with their positions. */
interface Script {
  at: Instruction;
  text: string;
  /** Dockerfile position of each character of `text` (undefined in the prologue), plus one past the end. */
  pos: (Pos | undefined)[];
}

export interface ShellcheckRun {
  reports: (Report & { code: string; level: string })[];
  /** RUN instructions not checked, with why (exec form, a shell ShellCheck does not know). */
  skipped: { line: number; reason: string }[];
}

const binaries = new Map<string, string | null>();

/** The `shellcheck` executable on PATH, if any (looked up once per PATH value). */
export function findShellcheck(path = process.env.PATH ?? ''): string | undefined {
  let found = binaries.get(path);
  if (found === undefined) {
    found = null;
    for (const dir of path.split(delimiter)) {
      if (!dir) continue;
      const candidate = join(dir, 'shellcheck');
      try {
        accessSync(candidate, constants.X_OK);
        found = candidate;
        break;
      } catch {
        // not in this directory
      }
    }
    binaries.set(path, found);
  }
  return found ?? undefined;
}

/** ShellCheck severity → shipgate severity (hadolint keeps ShellCheck's levels; none of them blocks by default). */
export function shellcheckSeverity(level: string): Severity {
  return level === 'error' ? 'medium' : level === 'warning' ? 'low' : 'info';
}

/** Scripts per ShellCheck process, and processes at a time: a batch of Dockerfiles costs a few process starts. */
const BATCH = 250;
const POOL = 2;

/**
 * Runs ShellCheck over every shell-form RUN of the Dockerfiles, in batches of scripts (one process each, a
 * bounded number at a time); findings are mapped onto Dockerfile lines. One result per Dockerfile, in order.
 */
export async function runShellcheck(
  dfs: readonly ParsedDockerfile[],
  binary: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<ShellcheckRun[]> {
  const collected = dfs.map((df) => collectScripts(df));
  let total = 0;
  for (const c of collected) {
    const kept: Script[] = [];
    for (const script of c.scripts) {
      const reason =
        script.text.length > MAX_SCRIPT_CHARS
          ? `script longer than ${MAX_SCRIPT_CHARS / 1024} KiB`
          : substitutionDepth(script.text) > MAX_SUBST_DEPTH
            ? `command substitutions nested more than ${MAX_SUBST_DEPTH} deep`
            : total >= MAX_SCRIPTS
              ? `more than ${MAX_SCRIPTS} RUN scripts in one run`
              : undefined;
      if (reason) c.skipped.push({ line: script.at.span.line, reason });
      else {
        kept.push(script);
        total++;
      }
    }
    c.scripts = kept;
    c.skipped.sort((a, b) => a.line - b.line);
  }
  const runs: ShellcheckRun[] = collected.map((c) => ({ reports: [], skipped: c.skipped }));
  const all = collected.flatMap((c, d) => c.scripts.map((script) => ({ script, d })));
  if (all.length === 0) return runs;
  const dir = await mkdtemp(join(tmpdir(), 'shipgate-shellcheck-'));
  try {
    const files = all.map((_, i) => join(dir, `${i}.sh`));
    await Promise.all(all.map((s, i) => writeFile(files[i] as string, s.script.text)));
    const index = new Map(files.map((f, i) => [f, i]));
    const batches: number[][] = [];
    for (let i = 0; i < all.length; i += BATCH)
      batches.push(Array.from({ length: Math.min(BATCH, all.length - i) }, (_, k) => i + k));
    const outs = await mapConcurrent(batches, POOL, (batch) => {
      const names = [...new Set(batch.map((i) => dfs[all[i]!.d]!.path))];
      const paths =
        names.length > 3 ? `${names[0]} and ${names.length - 1} more Dockerfiles` : names.join(', ');
      return execShellcheck(
        binary,
        batch.map((i) => files[i] as string),
        timeoutMs,
        paths,
      );
    });
    for (const c of outs.flat()) {
      const entry = all[index.get(c.file) ?? -1];
      if (!entry) continue;
      const { script, d } = entry;
      const code = `SC${c.code}`;
      runs[d]!.reports.push({
        at: script.at,
        span: mapSpan(script, c),
        message: `${c.message} (${code})`,
        key: `${code}:${c.message}`,
        fix: `https://www.shellcheck.net/wiki/${code}`,
        properties: { shellcheck: { code, level: c.level } },
        code,
        level: c.level,
      });
    }
    return runs;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** How deeply `$(` nests (parentheses closing an open substitution count down; an approximation that errs high). */
function substitutionDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '(') {
      depth++;
      i++;
      if (depth > max) max = depth;
    } else if (text[i] === ')' && depth > 0) depth--;
  }
  return max;
}

interface Comment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

async function execShellcheck(
  binary: string,
  files: string[],
  timeoutMs: number,
  path: string,
): Promise<Comment[]> {
  const args = ['--norc', '--format=json1', '--severity=style', `--exclude=${EXCLUDED.join(',')}`, ...files];
  // Loaded here: a lint without ShellCheck never needs child processes.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      // Exit 1 means "found something"; anything else without JSON is a failure.
      const status = err && typeof err.code === 'number' ? err.code : err ? -1 : 0;
      if (err && (err.killed || err.signal)) {
        reject(
          new ShipgateError('TIMEOUT', `${path}: ShellCheck did not finish within ${timeoutMs / 1000}s`, {
            hint: 'set dockerfile.shellcheck: false in shipgate.yaml to lint without ShellCheck',
          }),
        );
        return;
      }
      if (status !== 0 && status !== 1) {
        const why = stderr.trim().split('\n')[0] || `exit ${status}`;
        reject(new ShipgateError('INPUT', `${path}: ShellCheck failed: ${why}`));
        return;
      }
      try {
        const parsed = JSON.parse(stdout) as { comments?: Comment[] };
        resolve(parsed.comments ?? []);
      } catch (e) {
        reject(new ShipgateError('INPUT', `${path}: ShellCheck printed no JSON report`, { cause: e }));
      }
    });
  });
}

/** ShellCheck's 1-based line and column (code points; json1 counts a tab as one) → UTF-16 offset in the script. */
function offsetOf(text: string, line: number, column: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  for (let c = 1; c < column && off < text.length && text[off] !== '\n'; c++)
    off += (text.codePointAt(off) ?? 0) > 0xffff ? 2 : 1;
  return off;
}

function mapSpan(script: Script, c: Comment): Span {
  const fallback = script.at.span;
  const start = script.pos[offsetOf(script.text, c.line, c.column)];
  if (!start) return fallback;
  const endOff = offsetOf(script.text, c.endLine, c.endColumn);
  // The end is exclusive: the character before it, one column on, stays on the line that character is on.
  const last = endOff > 0 ? script.pos[endOff - 1] : undefined;
  const end =
    last && endOff > offsetOf(script.text, c.line, c.column)
      ? { line: last.line, column: last.column + 1 }
      : start;
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The shell-form RUN scripts of a Dockerfile with the shell and variables each runs with. */
function collectScripts(df: ParsedDockerfile): {
  scripts: Script[];
  skipped: ShellcheckRun['skipped'];
} {
  const scripts: Script[] = [];
  const skipped: ShellcheckRun['skipped'] = [];
  const stageShell: string[] = [];
  const stageVars: Set<string>[] = [];
  for (const stage of df.stages) {
    const base = stage.baseStage;
    let shell = base !== undefined ? (stageShell[base] ?? '/bin/sh') : '/bin/sh';
    const vars = new Set<string>(base !== undefined ? stageVars[base] : []);
    for (const inst of stage.instructions) {
      if (inst.keyword === 'SHELL' && inst.json?.[0]) shell = inst.json[0];
      if (inst.keyword === 'ARG' || inst.keyword === 'ENV') for (const v of declaredNames(inst)) vars.add(v);
      const run = inst.keyword === 'RUN' ? inst : inst.trigger?.keyword === 'RUN' ? inst.trigger : undefined;
      if (!run) continue;
      const line = inst.span.line;
      if (run.json) {
        skipped.push({ line, reason: 'exec form (no shell runs it)' });
        continue;
      }
      const s = buildScript(df, inst, run, shell, vars);
      if (typeof s === 'string') skipped.push({ line, reason: s });
      else scripts.push(s);
    }
    stageShell.push(shell);
    stageVars.push(vars);
  }
  return { scripts, skipped };
}

function declaredNames(inst: Instruction): string[] {
  const words = inst.args.map((w) => w.value);
  if (inst.keyword === 'ENV' && words[0] && !words[0].includes('=')) return [words[0]];
  return words.map((w) => w.split('=')[0] ?? '').filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
}

function dialectOf(shell: string): string | undefined {
  const name = basename(shell)
    .replace(/\.exe$/i, '')
    .toLowerCase();
  return DIALECT[name];
}

function buildScript(
  df: ParsedDockerfile,
  at: Instruction,
  run: Instruction,
  shell: string,
  vars: Set<string>,
): Script | string {
  const first = run.args[0];
  if (!first) return 'empty RUN';
  let dialect = dialectOf(shell);
  let body: { text: string; pos: Pos[] };
  const heredoc = run.heredocs[0];
  const firstLine = df.lines[first.span.line - 1] ?? '';
  const afterArgs = firstLine.slice(first.span.column - 1);
  if (heredoc && /^(?:\s*<<-?\s*(?:"[^"]*"|'[^']*'|[^\s<>|&;]+))+\s*$/.test(afterArgs)) {
    // `RUN <<EOF` runs the heredoc body itself as the script; its shebang, if any, picks the interpreter.
    body = lines(heredoc.span.line + 1, 1, heredoc.body);
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(heredoc.body);
    if (shebang) {
      const interp = shebang[1] === '/usr/bin/env' ? (shebang[2] ?? '') : (shebang[1] ?? '');
      dialect = dialectOf(interp);
      if (!dialect) return `not a POSIX shell (${basename(interp)})`;
      const nl = body.text.indexOf('\n');
      body = nl < 0 ? { text: '', pos: [] } : { text: body.text.slice(nl + 1), pos: body.pos.slice(nl + 1) };
    }
  } else if (heredoc) {
    const end = run.span;
    body = region(df, first.span.line, first.span.column, end.endLine, end.endColumn, false);
  } else {
    body = region(
      df,
      first.span.line,
      first.span.column,
      run.span.endLine,
      run.span.endColumn,
      true,
      df.escape,
    );
  }
  if (!dialect) return `not a POSIX shell (${basename(shell)})`;
  if (run.script?.language === 'other') return 'Windows base image (no POSIX shell)';
  const names = [...PROXY_VARS, ...vars];
  const prologue = `#!/bin/${dialect}\nexport ${names.map((n) => `${n}=1`).join(' ')}\n`;
  return {
    at,
    text: prologue + body.text,
    pos: [...Array<undefined>(prologue.length).fill(undefined), ...body.pos, body.pos.at(-1)],
  };
}

/** Text that starts at a known line and column and is copied verbatim (a heredoc body). */
function lines(line: number, column: number, text: string): { text: string; pos: Pos[] } {
  const pos: Pos[] = [];
  let l = line;
  let c = column;
  for (const ch of text) {
    pos.push({ line: l, column: c });
    if (ch === '\n') {
      l++;
      c = 1;
    } else {
      if (ch.length > 1) pos.push({ line: l, column: c + 1 });
      c += ch.length;
    }
  }
  return { text, pos };
}

/**
 * The source between two positions. With `join`, line continuations are removed as Docker does: the escape
 * character at the end of a line joins it with the next, and comment lines inside the continuation are dropped.
 */
function region(
  df: ParsedDockerfile,
  startLine: number,
  startColumn: number,
  endLine: number,
  endColumn: number,
  join: boolean,
  escape = '\\',
): { text: string; pos: Pos[] } {
  let text = '';
  const pos: Pos[] = [];
  for (let l = startLine; l <= endLine; l++) {
    const full = df.lines[l - 1] ?? '';
    const from = l === startLine ? startColumn - 1 : 0;
    const to = l === endLine ? Math.min(full.length, endColumn - 1) : full.length;
    let seg = full.slice(from, to);
    if (join && l > startLine && /^\s*(?:#|$)/.test(full)) continue;
    let continued = false;
    if (join) {
      const m = new RegExp(`${escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*$`).exec(seg);
      if (m && l < endLine) {
        seg = seg.slice(0, m.index);
        continued = true;
      }
    }
    for (let i = 0; i < seg.length; i++) {
      text += seg[i];
      pos.push({ line: l, column: from + i + 1 });
    }
    if (!continued && l < endLine) {
      text += '\n';
      pos.push({ line: l, column: from + seg.length + 1 });
    }
  }
  return { text, pos };
}
