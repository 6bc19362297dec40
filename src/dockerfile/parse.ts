import { DockerfileParser, Instruction as AstInstructionClass } from 'dockerfile-ast';
import type { Argument, Instruction as AstInstruction, JSONInstruction, Onbuild } from 'dockerfile-ast';
import { ShipgateError } from '../core/errors';
import { parseImageRef, substituteArgs } from './image-ref';
import { basename, ShellCollector, slice, type MappedText } from './shell';
import { bashParser } from './wasm';
import type { Flag, Heredoc, ImageRef, Instruction, ParsedDockerfile, Span, Stage, Word } from './types';

import { KEYWORDS } from './keywords';
import { scanRawArguments, type ScannedInstruction } from './raw-arguments';

const RAW_ARGS = Symbol('rawArguments');
type RawArgsHolder = { [RAW_ARGS]?: Argument[]; getRawArguments(): Argument[] };

/** dockerfile-ast's own argument scan, which `scanRawArguments` replaces (its tests compare the two). */
export const astRawArguments = (AstInstructionClass.prototype as unknown as RawArgsHolder).getRawArguments;

/**
 * dockerfile-ast re-scans an instruction's text on every getArguments/getFlags/getArgumentsRange call (the
 * parser itself calls them several times per instruction): scan once per instruction, with the faster port.
 * A parsed instruction's text never changes; callers get a copy because ModifiableInstruction shifts flags
 * off it.
 */
function memoiseRawArguments(): void {
  const proto = AstInstructionClass.prototype as unknown as RawArgsHolder;
  proto.getRawArguments = function (this: RawArgsHolder): Argument[] {
    const cached = (this[RAW_ARGS] ??= scanRawArguments(this as unknown as ScannedInstruction));
    return cached.slice();
  };
}
memoiseRawArguments();

const KEEP_QUOTES = new Set([
  'ENV',
  'ARG',
  'LABEL',
  'RUN',
  'CMD',
  'ENTRYPOINT',
  'HEALTHCHECK',
  'SHELL',
  'ONBUILD',
]);

/** Keywords whose arguments may be a JSON array of strings. */
const JSON_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);

interface AstRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Positions in the document: offsets, 1-based spans. */
class Doc {
  readonly lineStarts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }
  offset(p: { line: number; character: number }): number {
    return (this.lineStarts[p.line] ?? this.text.length) + p.character;
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }
  spanOf = (start: number, end: number): Span => {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  span(r: AstRange): Span {
    return this.spanOf(this.offset(r.start), this.offset(r.end));
  }
}

function fail(path: string, line: number, what: string, hint?: string): never {
  throw new ShipgateError('DOCKERFILE_PARSE', `${path}:${line}: ${what}`, hint ? { hint } : {});
}

/** Rejects content that is not a text Dockerfile before handing it to the parser. */
function checkText(content: string, path: string): void {
  const nul = content.indexOf('\u0000');
  if (nul >= 0) {
    const line = content.slice(0, nul).split('\n').length;
    fail(path, line, 'binary content (NUL byte), not a Dockerfile', 'pass the path of a text Dockerfile');
  }
  const sample = content.slice(0, 4096);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // Control characters mark binary data; invalid UTF-8 (decoded as U+FFFD) does not: Docker builds
    // a Latin-1 comment or label as it is.
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
  }
  if (sample.length > 0 && bad / sample.length > 0.05)
    fail(path, 1, 'binary content, not a Dockerfile', 'pass the path of a text Dockerfile');
}

/** Joins continuation lines of an instruction's argument text, dropping comment and empty lines between. */
function joinContinuations(doc: Doc, start: number, end: number, escape: string): MappedText {
  const text = doc.text;
  // Runs of kept characters are copied as slices: most instructions have a handful of continuations.
  const parts: string[] = [];
  const offsets = new Uint32Array(end - start + 1);
  let n = 0;
  let runStart = start;
  const keep = (to: number): void => {
    if (to <= runStart) return;
    parts.push(text.slice(runStart, to));
    for (let k = runStart; k < to; k++) offsets[n++] = k;
  };
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (ch === escape) {
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '\r') j++;
      if (text[j] === '\n' || j >= end) {
        keep(i);
        i = j + 1;
        // BuildKit drops comment lines and empty lines inside a continued instruction.
        for (;;) {
          const nl = text.indexOf('\n', i);
          const lineEnd = nl < 0 || nl > end ? end : nl;
          const line = text.slice(i, lineEnd).trim();
          if (lineEnd < end && (line === '' || line.startsWith('#'))) i = lineEnd + 1;
          else break;
        }
        runStart = i;
        continue;
      }
      if (escape === '`' && text[i + 1] === '`') {
        keep(i + 1);
        i += 2;
        runStart = i;
        continue;
      }
    }
    if (ch === '\r' && text[i + 1] === '\n') {
      keep(i);
      i++;
      runStart = i;
      continue;
    }
    i++;
  }
  keep(Math.min(i, end));
  offsets[n] = end;
  return { text: parts.join(''), offsets: offsets.subarray(0, n + 1) };
}

function normalize(keyword: string, args: string): string {
  return `${keyword} ${args.replace(/\s+/g, ' ').trim()}`.trim();
}

const HEREDOC_MARK = /<<-?\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g;

type StageShell = 'posix' | 'other';

function isWindowsImage(ref: ImageRef): boolean {
  return /(^|\/)(windows|windowsservercore|servercore|nanoserver)(\/|$)/.test(ref.repository);
}

/** Parses a Dockerfile into stages and instructions, with the shell commands of every RUN. */
export async function parseDockerfile(content: string, path: string): Promise<ParsedDockerfile> {
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  checkText(content, path);
  const doc = new Doc(content);
  const ast = DockerfileParser.parse(content);
  const escape = ast.getEscapeCharacter();
  const lines = content.split(/\r?\n/);
  const astInstructions = ast.getInstructions();
  if (astInstructions.length === 0)
    fail(path, 1, 'no instructions (empty Dockerfile)', 'a Dockerfile needs at least a FROM instruction');

  const directives = ast.getDirectives().map((d) => ({
    name: d.getName().toLowerCase(),
    value: d.getValue(),
    line: d.getRange().start.line + 1,
  }));
  // Comment lines outside instructions (parser directives and pragmas included).
  const inside = new Set<number>();
  for (const i of astInstructions) {
    const r = i.getRange();
    for (let l = r.start.line; l <= r.end.line; l++) inside.add(l + 1);
  }
  const comments: { text: string; line: number }[] = [];
  lines.forEach((l, i) => {
    const t = l.trim();
    if (t.startsWith('#') && !inside.has(i + 1)) comments.push({ text: t.slice(1).trim(), line: i + 1 });
  });

  const hasRuns = astInstructions.some((i) => /^(run|onbuild)$/i.test(i.getKeyword()));
  const parser = hasRuns ? await bashParser() : undefined;

  const result: ParsedDockerfile = {
    path,
    content,
    lines,
    escape,
    directives,
    globalArgs: [],
    stages: [],
    instructions: [],
    comments,
  };
  const globalArgValues = new Map<string, string | undefined>();
  const stageShell: StageShell[] = [];

  // ONBUILD triggers are only checked when a child image builds FROM this one, so their content is
  // not an error here (hadolint's DL3043 cases such as `ONBUILD SHELL anything` build fine).
  const build = (ast1: AstInstruction, stage: number, shell: StageShell, trigger = false): Instruction => {
    const keyword = ast1.getKeyword().toUpperCase();
    const range = ast1.getRange();
    const line = range.start.line + 1;
    if (!KEYWORDS.has(keyword))
      fail(
        path,
        line,
        `unknown instruction "${ast1.getInstruction()}"`,
        'check the spelling, or add a missing line continuation on the line above',
      );
    const withFlags = ast1 as AstInstruction & { getFlags?: () => import('dockerfile-ast').Flag[] };
    const flags: Flag[] = (withFlags.getFlags?.() ?? []).map((f) => ({
      name: f.getName(),
      value: f.getValue(),
      span: doc.span(f.getRange()),
    }));
    const astArgs = ast1.getArguments();
    // Paths and names are unquoted as Docker does (`ADD "a b.tgz" /x/`); key=value instructions keep theirs.
    const unquote = !KEEP_QUOTES.has(keyword);
    const args: Word[] = astArgs.map((a) => ({
      value: unquote ? a.getValue().replace(/^"(.*)"$|^'(.*)'$/s, '$1$2') : a.getValue(),
      raw: content.slice(doc.offset(a.getRange().start), doc.offset(a.getRange().end)),
      span: doc.span(a.getRange()),
    }));
    const end = doc.offset(range.end);
    const argsStart = astArgs[0] ? doc.offset(astArgs[0].getRange().start) : end;
    const allArgsRange = ast1.getArgumentsRange();
    const allArgsStart = allArgsRange ? doc.offset(allArgsRange.start) : end;
    const heredocs: Heredoc[] = [];
    let astHeredocs: import('dockerfile-ast').Heredoc[];
    try {
      astHeredocs =
        (ast1 as unknown as { getHeredocs?: () => import('dockerfile-ast').Heredoc[] }).getHeredocs?.() ?? [];
    } catch {
      // dockerfile-ast throws on some malformed heredoc markers (a "<<" with stray backslashes).
      fail(path, line, 'malformed heredoc', 'check the "<<" marker and the lines up to its delimiter');
    }
    for (const h of astHeredocs) {
      const delim = h.getDelimiterRange();
      if (!delim)
        fail(
          path,
          line,
          `unterminated heredoc <<${h.getName()}`,
          `end the heredoc with a line "${h.getName()}"`,
        );
      const cr = h.getContentRange();
      heredocs.push({
        name: h.getName(),
        body: cr ? content.slice(doc.offset(cr.start), doc.offset(cr.end)) : '',
        span: doc.span({ start: h.getStartRange().start, end: delim.end }),
      });
    }
    // The text after the flags is joined once: its text is the JSON form, its mapping the RUN script.
    const afterFlagsJoined = heredocs.length ? undefined : joinContinuations(doc, argsStart, end, escape);
    const joined = heredocs.length
      ? { text: content.slice(allArgsStart, end), offsets: new Uint32Array(0) }
      : allArgsStart === argsStart && afterFlagsJoined
        ? afterFlagsJoined
        : joinContinuations(doc, allArgsStart, end, escape);
    const afterFlags = afterFlagsJoined ? afterFlagsJoined.text : content.slice(argsStart, end);
    const inst: Instruction = {
      keyword,
      rawKeyword: ast1.getInstruction(),
      span: doc.span(range),
      keywordSpan: doc.span(ast1.getInstructionRange()),
      stage,
      argsText: joined.text.trim(),
      args,
      flags,
      heredocs,
      normalized: normalize(keyword, joined.text),
      comments: commentsAbove(lines, line),
    };

    if (JSON_KEYWORDS.has(keyword) && heredocs.length === 0) {
      const t = afterFlags.trim();
      if (t.startsWith('[')) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(t);
        } catch {
          parsed = undefined;
        }
        if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string')) {
          inst.json = parsed as string[];
          const strings = (ast1 as JSONInstruction).getJSONStrings?.() ?? [];
          if (strings.length === parsed.length)
            inst.args = strings.map((s, i) => ({
              value: parsed[i] as string,
              raw: content.slice(doc.offset(s.getRange().start), doc.offset(s.getRange().end)),
              span: doc.span(s.getRange()),
            }));
        } else if (
          !trigger &&
          (keyword === 'SHELL' ||
            ((keyword === 'CMD' || keyword === 'ENTRYPOINT') && /^\[\s*"/.test(t) && t.endsWith(']')))
        ) {
          // RUN keeps the shell form: `RUN [ -f x ] && ...` is the test builtin, as in Docker.
          fail(
            path,
            line,
            `${keyword} looks like JSON (exec) form but is not a valid JSON array of strings`,
            'use double quotes and commas, e.g. ["executable", "arg"]',
          );
        }
      } else if (keyword === 'SHELL' && !trigger) {
        fail(path, line, 'SHELL requires the JSON form, e.g. SHELL ["/bin/bash", "-c"]');
      }
    }
    if (keyword === 'FROM' && args.length === 0 && !trigger) fail(path, line, 'FROM requires an image name');

    if (keyword === 'RUN' && parser) {
      const collector = new ShellCollector(parser, doc.spanOf, []);
      // The collector's errors (a script nested too deeply) get this instruction's location.
      const inRun = (work: () => void): void => {
        try {
          work();
        } catch (e) {
          if (e instanceof ShipgateError) fail(path, line, `RUN: ${e.message}`);
          throw e;
        }
      };
      if (inst.json) {
        const strings = inst.args.map((w) => {
          const s = doc.offset({ line: w.span.line - 1, character: w.span.column - 1 });
          const e = doc.offset({ line: w.span.endLine - 1, character: w.span.endColumn - 1 });
          // The JSON string's content, mapped linearly onto its quotes' interior.
          const inner = w.value;
          const offsets = new Uint32Array(inner.length + 1);
          for (let i = 0; i <= inner.length; i++)
            offsets[i] = Math.min(e - 1, s + 1 + Math.min(i, Math.max(0, e - s - 2)));
          return { value: w.value, span: w.span, src: { text: inner, offsets } };
        });
        inRun(() => collector.addExec(strings, { context: 'top', inSubshell: false, list: 0 }));
        inst.script = { language: 'exec', commands: collector.out, hasErrors: false };
      } else if (shell === 'other') {
        inst.script = { language: 'other', commands: [], hasErrors: false };
      } else {
        let src: MappedText;
        if (heredocs.length) {
          const raw: MappedText = {
            text: content.slice(argsStart, end),
            offsets: Uint32Array.from({ length: end - argsStart + 1 }, (_, i) => argsStart + i),
          };
          const firstLine = raw.text.split('\n', 1)[0] ?? '';
          const firstHeredoc = heredocs[0];
          if (firstLine.replace(HEREDOC_MARK, '').trim() === '' && firstHeredoc) {
            // `RUN <<EOF` runs the heredoc body as the script.
            const bodyStart = raw.text.indexOf('\n') + 1;
            src = slice(raw, bodyStart, bodyStart + firstHeredoc.body.length);
          } else src = raw;
        } else src = afterFlagsJoined ?? joinContinuations(doc, argsStart, end, escape);
        const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(src.text);
        const interp = shebang
          ? basename(shebang[1] === '/usr/bin/env' ? (shebang[2] ?? '') : (shebang[1] ?? ''))
          : 'sh';
        if (heredocs.length && !/^(sh|bash|dash|ash|zsh|ksh)$/.test(interp)) {
          inst.script = { language: 'other', commands: [], hasErrors: false };
        } else {
          inRun(() => collector.collect(src, { context: 'top', inSubshell: false }));
          inst.script = { language: 'bash', commands: collector.out, hasErrors: collector.hasErrors };
        }
      }
    }
    if (keyword === 'ONBUILD') {
      const trigger = (ast1 as Onbuild).getTriggerInstruction();
      if (!trigger) fail(path, line, 'ONBUILD requires an instruction to trigger');
      inst.trigger = build(trigger, stage, shell, true);
      inst.trigger.onbuild = true;
    }
    return inst;
  };

  let current: Stage | undefined;
  for (const a of astInstructions) {
    const keyword = a.getKeyword().toUpperCase();
    const line = a.getRange().start.line + 1;
    if (keyword === 'FROM') {
      const inst = build(a, result.stages.length, 'posix');
      const imageWord = inst.args[0] as Word;
      if (inst.args.length !== 1 && !(inst.args.length === 3 && inst.args[1]?.value.toLowerCase() === 'as'))
        fail(path, line, `FROM takes an image and optionally "AS <name>", got "${inst.argsText}"`);
      const { text, unresolved } = substituteArgs(imageWord.value, globalArgValues);
      const image = parseImageRef(imageWord.value, text, unresolved);
      const stage: Stage = {
        index: result.stages.length,
        from: inst,
        image,
        imageSpan: imageWord.span,
        isFinal: false,
        copiedFrom: false,
        instructions: [inst],
      };
      const nameWord = inst.args[2];
      if (nameWord) {
        stage.name = nameWord.value;
        stage.nameSpan = nameWord.span;
        stage.asKeyword = inst.args[1]?.value;
      }
      const platform = inst.flags.find((f) => f.name === 'platform');
      if (platform?.value) stage.platform = platform.value;
      const base = result.stages.find((s) => s.name?.toLowerCase() === text.toLowerCase());
      let shell: StageShell = isWindowsImage(image) ? 'other' : 'posix';
      if (base) {
        stage.baseStage = base.index;
        shell = stageShell[base.index] ?? 'posix';
      }
      stageShell.push(shell);
      result.stages.push(stage);
      result.instructions.push(inst);
      current = stage;
      continue;
    }
    if (!current) {
      if (keyword === 'ARG') {
        const inst = build(a, -1, 'posix');
        for (const w of inst.args) {
          const eq = w.value.indexOf('=');
          const name = eq >= 0 ? w.value.slice(0, eq) : w.value;
          const value = eq >= 0 ? w.value.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2') : undefined;
          globalArgValues.set(name, value);
          result.globalArgs.push({ name, ...(value !== undefined ? { value } : {}), instruction: inst });
        }
        result.instructions.push(inst);
        continue;
      }
      if (!KEYWORDS.has(keyword)) build(a, -1, 'posix');
      fail(
        path,
        line,
        `${a.getInstruction()} before the first FROM`,
        'only ARG and comments may come before the first FROM',
      );
    }
    const inst = build(a, current.index, stageShell[current.index] ?? 'posix');
    if (keyword === 'SHELL' && inst.json?.[0]) {
      stageShell[current.index] = /^(powershell|pwsh|cmd)(\.exe)?$/i.test(basename(inst.json[0]))
        ? 'other'
        : 'posix';
    }
    current.instructions.push(inst);
    result.instructions.push(inst);
  }
  if (result.stages.length === 0)
    fail(path, 1, 'no FROM instruction', 'a Dockerfile needs at least one FROM');
  const last = result.stages.at(-1);
  if (last) last.isFinal = true;
  markCopiedFrom(result);
  return result;
}

/** Comment lines directly above `line` (1-based), nearest last. */
function commentsAbove(lines: string[], line: number): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (let l = line - 1; l >= 1; l--) {
    const t = (lines[l - 1] ?? '').trim();
    if (!t.startsWith('#')) break;
    out.unshift({ text: t.slice(1).trim(), line: l });
  }
  return out;
}

/** The stage a `--from` value names: a stage name or index; undefined for an external image. */
export function stageFor(df: ParsedDockerfile, from: string): Stage | undefined {
  if (/^\d+$/.test(from)) return df.stages[Number(from)];
  return df.stages.find((s) => s.name !== undefined && s.name.toLowerCase() === from.toLowerCase());
}

function markCopiedFrom(df: ParsedDockerfile): void {
  for (const inst of df.instructions) {
    for (const f of inst.flags) {
      let ref: string | undefined;
      if (f.name === 'from' && f.value) ref = f.value;
      if (f.name === 'mount' && f.value) ref = /(?:^|,)from=([^,]+)/.exec(f.value)?.[1];
      if (!ref) continue;
      const s = stageFor(df, ref);
      if (s && s.index !== inst.stage) s.copiedFrom = true;
    }
  }
}
