import { globMatch } from '../../core/glob';
import { familiarName } from '../../oci/ref';
import { parseImageRef } from '../image-ref';
import { stageFor } from '../parse';
import type { ImageRef, Instruction, ParsedDockerfile, ShellCommand, Span, Stage, Word } from '../types';

/** Whether a command has one of the given flags: `--long`, `--long=value`, `-x`, or `-x` inside `-abx`. */
export function hasFlag(cmd: { args: Word[] }, ...names: string[]): boolean {
  return flagWord(cmd, ...names) !== undefined;
}

/** The argument word carrying one of the flags (see hasFlag). */
function flagWord(cmd: { args: Word[] }, ...names: string[]): Word | undefined {
  for (const a of cmd.args) {
    const v = a.value;
    if (v === '--') return undefined;
    for (const n of names) {
      if (n.startsWith('--')) {
        if (v === n || v.startsWith(`${n}=`)) return a;
      } else if (
        n.length === 2 &&
        /^-[A-Za-z0-9]+$/.test(v) &&
        !v.startsWith('--') &&
        v.includes(n[1] as string)
      )
        return a;
      else if (v === n) return a;
    }
  }
  return undefined;
}

/** The value of `--name=value` or `--name value`. */
export function flagValue(cmd: { args: Word[] }, ...names: string[]): string | undefined {
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i]?.value ?? '';
    for (const n of names) {
      if (v === n) return cmd.args[i + 1]?.value;
      if (v.startsWith(`${n}=`)) return v.slice(n.length + 1);
    }
  }
  return undefined;
}

/** Arguments that are not options (`-x`, `--long[=v]`); options listed in `withValue` consume the next word. */
export function operands(cmd: { args: Word[] }, withValue: readonly string[] = []): Word[] {
  const out: Word[] = [];
  let rest = false;
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i] as Word;
    if (rest) {
      out.push(a);
      continue;
    }
    if (a.value === '--') {
      rest = true;
      continue;
    }
    if (a.value.startsWith('-') && a.value.length > 1) {
      if (withValue.includes(a.value)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** The first operand (`install` in `apt-get -y install x`). */
export function subcommand(cmd: ShellCommand, withValue: readonly string[] = []): string | undefined {
  return operands(cmd, withValue)[0]?.value;
}

/** Names an image is matched by: `node`, `node:20`, `docker.io/library/node`, `gcr.io/distroless/static:nonroot`. */
function imageNames(ref: ImageRef): string[] {
  const fam = familiarName(ref);
  const full = `${ref.registry}/${ref.repository}`;
  const names = [fam, full];
  if (ref.tag) names.push(`${fam}:${ref.tag}`, `${full}:${ref.tag}`);
  return names;
}

const namesCache = new WeakMap<ImageRef, readonly string[]>();

export function imageMatches(ref: ImageRef, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  let names = namesCache.get(ref);
  if (!names) {
    names = imageNames(ref);
    namesCache.set(ref, names);
  }
  return globs.some((g) => names.some((n) => globMatch(g, n, 'wildcard')));
}

/** The stage chain a stage builds on (itself first, then the stage its FROM names, ...). */
export function stageChain(df: ParsedDockerfile, stage: Stage): Stage[] {
  const out: Stage[] = [];
  let s: Stage | undefined = stage;
  while (s && !out.includes(s)) {
    out.push(s);
    s = s.baseStage !== undefined ? df.stages[s.baseStage] : undefined;
  }
  return out;
}

/** The external base image a stage ultimately builds on. */
export function rootImage(df: ParsedDockerfile, stage: Stage): ImageRef {
  return (stageChain(df, stage).at(-1) ?? stage).image;
}

export function finalStage(df: ParsedDockerfile): Stage {
  return df.stages.find((s) => s.isFinal) ?? (df.stages[df.stages.length - 1] as Stage);
}

/** Instructions of a stage and the stages it builds on, oldest first. */
export function inheritedInstructions(df: ParsedDockerfile, stage: Stage): Instruction[] {
  return stageChain(df, stage)
    .reverse()
    .flatMap((s) => s.instructions);
}

/**
 * The commands of a stage's RUN instructions. An `ONBUILD RUN` trigger counts too (as the trigger instruction): it
 * runs in every image built FROM this one, so it is checked like a RUN.
 */
export function commands(stage: Stage): readonly { inst: Instruction; cmd: ShellCommand }[] {
  // Most rules ask for every stage's commands; a parsed stage never changes, so the list is built once.
  let out = stageCommands.get(stage);
  if (out) return out;
  out = [];
  for (const i of stage.instructions) {
    const inst = i.trigger ?? i;
    for (const cmd of inst.script?.commands ?? []) out.push({ inst, cmd });
  }
  stageCommands.set(stage, out);
  return out;
}

const stageCommands = new WeakMap<Stage, { inst: Instruction; cmd: ShellCommand }[]>();

/** The command a pipe feeds into, looking through wrappers such as sudo. */
export function pipeTarget(cmds: ShellCommand[], cmd: ShellCommand): ShellCommand | undefined {
  const t = cmd.pipesTo !== undefined ? cmds[cmd.pipesTo] : undefined;
  return t ? unwrapped(cmds, t) : undefined;
}

/** The innermost command a wrapper (sudo, env, ...) runs, or the command itself. */
function unwrapped(cmds: ShellCommand[], cmd: ShellCommand): ShellCommand {
  let c = cmd;
  for (;;) {
    const inner = cmds.find((x) => x.context === 'wrapper' && x.parent === c.index);
    if (!inner) return c;
    c = inner;
  }
}

/** Key/value pairs of ENV, ARG and LABEL, with the word each came from. */
export function keyValues(inst: Instruction): { key: string; value: string | undefined; word: Word }[] {
  const out: { key: string; value: string | undefined; word: Word }[] = [];
  const words = inst.args;
  const legacy = inst.keyword !== 'ARG' && words.length > 0 && !(words[0]?.value.includes('=') ?? false);
  if (legacy && words[0]) {
    // `ENV KEY value with spaces`
    out.push({
      key: words[0].value,
      value: words
        .slice(1)
        .map((w) => w.value)
        .join(' '),
      word: words[0],
    });
    return out;
  }
  for (const w of words) {
    const eq = w.value.indexOf('=');
    if (eq < 0) out.push({ key: w.value, value: undefined, word: w });
    else out.push({ key: w.value.slice(0, eq), value: unquote(w.value.slice(eq + 1)), word: w });
  }
  return out;
}

/**
 * Splits instruction arguments into words as the Docker builder does for key=value instructions: whitespace
 * separates words except inside quotes; the escape character protects the next character. Quotes are kept.
 */
function dockerWords(text: string, escape = '\\'): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === escape && quote !== "'" && i + 1 < text.length) {
      word += c + (text[++i] as string);
      inWord = true;
    } else if (quote) {
      if (c === quote) quote = undefined;
      word += c;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      if (c === '"' || c === "'") quote = c;
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The keys of a LABEL (or ENV) as the builder reads them: `k=v k2="v 2"` or the legacy `k value with spaces`. */
export function propertyKeys(inst: Instruction, escape = '\\'): string[] {
  const words = dockerWords(inst.argsText, escape);
  if (words.length === 0) return [];
  if (!(words[0] as string).includes('=')) return [unquote(words[0] as string)];
  return words.map((w) => unquote(w.includes('=') ? w.slice(0, w.indexOf('=')) : w));
}

export function unquote(s: string): string {
  return s.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');
}

/**
 * The images that `COPY --from=` and `RUN --mount=from=` read files from (ONBUILD triggers included): pulled
 * at build time like base images. A stage name or index is not one; a reference holding a variable is marked
 * unresolved.
 */
export function pulledImages(df: ParsedDockerfile): { image: ImageRef; inst: Instruction; span: Span }[] {
  const out: { image: ImageRef; inst: Instruction; span: Span }[] = [];
  for (const i of df.instructions) {
    const inst = i.trigger ?? i;
    for (const f of inst.flags) {
      const ref =
        f.name === 'from'
          ? f.value
          : f.name === 'mount'
            ? /(?:^|,)from=([^,]+)/.exec(f.value ?? '')?.[1]
            : null;
      // A number names a stage by index, never an image (SG-DF-038 reports one that does not exist).
      if (!ref || /^\d+$/.test(ref) || stageFor(df, ref)) continue;
      out.push({ image: parseImageRef(ref, ref, ref.includes('$')), inst, span: f.span });
    }
  }
  return out;
}
