import type { Node, Parser } from 'web-tree-sitter';
import { ShipgateError } from '../core/errors';
import type { CommandContext, ShellCommand, Span, Word } from './types';

/** Script text and, for each of its characters, the offset in the Dockerfile it came from. */
export interface MappedText {
  text: string;
  /** offsets[i] is the document offset of text[i]; offsets[text.length] is the end. */
  offsets: Uint32Array;
}

export type SpanOf = (docStart: number, docEnd: number) => Span;

/** Shells whose `-c` string is itself a script, and interpreters that run whatever is piped into them. */
export const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);

/** Commands that run another command given as their arguments. */
const WRAPPERS = new Set([
  'sudo',
  'doas',
  'env',
  'nohup',
  'time',
  'nice',
  'exec',
  'command',
  'gosu',
  'su-exec',
  'timeout',
  'stdbuf',
  'ionice',
  'xargs',
]);
/** Wrapper options that take a separate value. */
const WRAPPER_OPTS_WITH_VALUE: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T']),
  doas: new Set(['-u', '-C']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir']),
  nice: new Set(['-n']),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  ionice: new Set(['-c', '-n', '-p']),
  xargs: new Set([
    '-I',
    '-i',
    '-n',
    '-P',
    '-L',
    '-l',
    '-s',
    '-d',
    '-E',
    '-e',
    '-a',
    '--arg-file',
    '--delimiter',
    '--max-args',
    '--max-procs',
    '--max-lines',
    '--replace',
  ]),
};
/** Wrappers whose first operand is not the command (user, duration). */
const WRAPPER_FIRST_OPERAND: Record<string, number> = { gosu: 1, 'su-exec': 1, timeout: 1 };

export function basename(name: string): string {
  const i = name.lastIndexOf('/');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

/**
 * Removes quotes and backslash escapes from a shell word node (expansions are kept as written). A caller
 * that already read the node's type or text passes them: each read crosses into WebAssembly.
 */
function wordValue(node: Node, depth = 0, type = node.type, text?: string): string {
  switch (type) {
    case 'raw_string':
      return (text ?? node.text).slice(1, -1);
    case 'ansi_c_string':
      return (text ?? node.text).slice(2, -1);
    case 'string': {
      const inner = (text ?? node.text).slice(1, -1);
      return inner.replace(/\\([\\"$`])/g, '$1').replace(/\\\n/g, '');
    }
    case 'word':
      return (text ?? node.text).replace(/\\(.)/gs, '$1');
    case 'concatenation':
      return node.namedChildren.length > 0
        ? concatValue(node, depth)
        : (text ?? node.text).replace(/\\(.)/gs, '$1');
    default:
      return text ?? node.text;
  }
}

function concatValue(node: Node, depth: number): string {
  enter(depth + 1);
  // Concatenation children cover the text contiguously; anonymous pieces keep their text.
  let out = '';
  for (const c of node.children) if (c) out += c.isNamed ? wordValue(c, depth + 1) : c.text;
  return out;
}

interface WalkContext {
  context: CommandContext;
  parent?: number;
  inSubshell: boolean;
  list: number;
}

const MAX_SHELL_DEPTH = 1000;

/** Wrappers around one command (`sudo env nice cmd`): real scripts use a few; each level copies the arguments. */
const MAX_WRAPPERS = 32;

/** Refuses a walk `depth` syntax nodes deep: a script nested that deeply is hostile, not a build step. */
function enter(depth: number): void {
  if (depth > MAX_SHELL_DEPTH)
    throw new ShipgateError(
      'DOCKERFILE_PARSE',
      `the shell script nests more than ${MAX_SHELL_DEPTH} levels deep`,
    );
}

/** Collects the simple commands of a bash script into `out`. */
export class ShellCollector {
  private nextList = 0;
  private nextPipeline = 0;
  hasErrors = false;

  constructor(
    private readonly parser: Parser,
    private readonly spanOf: SpanOf,
    readonly out: ShellCommand[],
  ) {}

  /**
   * Parses `src` and appends its commands. A script that nests the walk deeper than MAX_SHELL_DEPTH syntax
   * nodes is refused with a DOCKERFILE_PARSE error (the walk is recursive; no real script comes close).
   */
  collect(src: MappedText, ctx: Omit<WalkContext, 'list'> & { list?: number }): void {
    const tree = this.parser.parse(src.text);
    if (!tree) return;
    try {
      if (tree.rootNode.hasError) this.hasErrors = true;
      const top = tree.rootNode;
      for (const stmt of top.namedChildren) {
        if (!stmt || stmt.type === 'comment') continue;
        this.walk(stmt, src, { ...ctx, list: ctx.list ?? this.nextList++ });
      }
    } finally {
      tree.delete();
    }
  }

  /** Adds an exec-form command (JSON array) with the given word spans; a shell `-c` string is parsed. */
  addExec(words: { value: string; span: Span; src: MappedText }[], ctx: WalkContext): void {
    const [first, ...rest] = words;
    if (!first) return;
    const cmd: ShellCommand = {
      index: this.out.length,
      name: first.value,
      base: basename(first.value),
      nameSpan: first.span,
      args: rest.map((w) => ({ value: w.value, raw: w.value, span: w.span })),
      assignments: [],
      span: {
        ...first.span,
        endLine: (words.at(-1) ?? first).span.endLine,
        endColumn: (words.at(-1) ?? first).span.endColumn,
      },
      text: words.map((w) => w.value).join(' '),
      context: ctx.context,
      list: ctx.list,
      inSubshell: ctx.inSubshell,
      ...(ctx.parent !== undefined ? { parent: ctx.parent } : {}),
    };
    this.out.push(cmd);
    if (SHELLS.has(cmd.base)) {
      const i = rest.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w.value));
      const script = i >= 0 ? rest[i + 1] : undefined;
      if (script) this.collect(script.src, { context: 'shell-string', parent: cmd.index, inSubshell: false });
    }
    this.unwrap(cmd, ctx);
  }

  private span(node: Node, src: MappedText): Span {
    return this.spanAt(node.startIndex, node.endIndex, src);
  }

  /** The document span of script text [start, end). */
  private spanAt(start: number, end: number, src: MappedText): Span {
    const s = src.offsets[start] ?? src.offsets.at(-1) ?? 0;
    const lastChar = Math.max(start, end - 1);
    const e = (src.offsets[lastChar] ?? s) + 1;
    return this.spanOf(s, e);
  }

  /** Syntax nodes on the walk's current path, across nested scripts: bounds the recursion. */
  private depth = 0;

  private walk(node: Node, src: MappedText, ctx: WalkContext): number | undefined {
    enter(++this.depth);
    try {
      return this.walkNode(node, src, ctx);
    } finally {
      this.depth--;
    }
  }

  private walkNode(node: Node, src: MappedText, ctx: WalkContext): number | undefined {
    switch (node.type) {
      case 'command':
        return this.command(node, src, ctx);
      case 'declaration_command':
      case 'unset_command':
        return this.declaration(node, src, ctx);
      case 'pipeline':
        return this.pipeline(node, src, ctx);
      case 'subshell': {
        let first: number | undefined;
        for (const c of node.namedChildren) {
          if (!c) continue;
          const r = this.walk(c, src, { ...ctx, inSubshell: true });
          first ??= r;
        }
        return first;
      }
      case 'command_substitution':
      case 'process_substitution': {
        let first: number | undefined;
        const context: CommandContext =
          node.type === 'command_substitution' ? 'command-substitution' : 'process-substitution';
        for (const c of node.namedChildren) {
          if (!c) continue;
          const r = this.walk(c, src, { ...ctx, context, inSubshell: true });
          first ??= r;
        }
        return first;
      }
      case 'redirected_statement': {
        let first: number | undefined;
        const body = node.childForFieldName('body');
        if (body) first = this.walk(body, src, ctx);
        for (const c of node.namedChildren) {
          if (!c || c === body || (body && c.id === body.id)) continue;
          if (c.type === 'heredoc_redirect') this.heredoc(c, src, ctx, first);
          else this.walk(c, src, ctx);
        }
        return first;
      }
      default: {
        let first: number | undefined;
        for (const c of node.namedChildren) {
          if (!c) continue;
          const r = this.walk(c, src, ctx);
          first ??= r;
        }
        return first;
      }
    }
  }

  /** A heredoc fed to a shell (`bash <<EOF`) is a script too. */
  private heredoc(node: Node, src: MappedText, ctx: WalkContext, target: number | undefined): void {
    const body = node.namedChildren.find((c) => c?.type === 'heredoc_body');
    const cmd = target !== undefined ? this.out[target] : undefined;
    if (!body || !cmd || !SHELLS.has(cmd.base) || cmd.args.some((a) => a.value === '-c')) {
      for (const c of node.namedChildren) if (c && c.type !== 'heredoc_body') this.walk(c, src, ctx);
      return;
    }
    this.collect(slice(src, body.startIndex, body.endIndex), {
      context: 'heredoc',
      parent: cmd.index,
      inSubshell: false,
    });
  }

  private pipeline(node: Node, src: MappedText, ctx: WalkContext): number | undefined {
    const parts = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const id = this.nextPipeline++;
    const heads: (number | undefined)[] = [];
    parts.forEach((p, position) => {
      const before = this.out.length;
      const head = this.walk(p, src, ctx);
      for (let i = before; i < this.out.length; i++) {
        const c = this.out[i];
        if (c && (c.parent === ctx.parent || c.context === 'wrapper'))
          c.pipeline = { id, position, length: parts.length };
      }
      heads.push(head);
    });
    for (let i = 0; i + 1 < heads.length; i++) {
      const a = heads[i];
      const b = heads[i + 1];
      if (a !== undefined && b !== undefined) {
        const cmd = this.out[a];
        if (cmd) cmd.pipesTo = b;
      }
    }
    return heads[0];
  }

  private declaration(node: Node, src: MappedText, ctx: WalkContext): number {
    const [kw, ...rest] = node.children.filter((c): c is Node => !!c);
    const name = kw?.text ?? node.text.split(/\s/)[0] ?? '';
    const cmd = this.push(node, src, ctx, name, kw ? this.span(kw, src) : this.span(node, src), rest);
    return cmd.index;
  }

  private command(node: Node, src: MappedText, ctx: WalkContext): number | undefined {
    const nameNode = node.childForFieldName('name');
    const assignments: { name: string; value: string }[] = [];
    const argNodes: Node[] = [];
    for (const c of node.namedChildren) {
      if (!c) continue;
      const type = c.type;
      if (type === 'variable_assignment') {
        const n = c.childForFieldName('name')?.text ?? '';
        const v = c.childForFieldName('value');
        assignments.push({ name: n, value: v ? wordValue(v) : '' });
      } else if (type === 'command_name' || (nameNode && c.id === nameNode.id)) continue;
      else if (type.endsWith('_redirect')) continue;
      else argNodes.push(c);
    }
    if (!nameNode) {
      for (const a of argNodes) this.walk(a, src, ctx);
      return undefined;
    }
    const nameWord = nameNode.namedChildren[0] ?? nameNode;
    const cmd = this.push(node, src, ctx, wordValue(nameWord), this.span(nameNode, src), argNodes);
    cmd.assignments = assignments;
    // Substitutions inside the name or the arguments run as their own commands.
    const shellString = SHELLS.has(cmd.base)
      ? shellStringIndex(cmd)
      : SU.has(cmd.base)
        ? suCommandIndex(cmd)
        : -1;
    for (const sub of [nameNode, ...argNodes]) {
      if (shellString >= 0 && sub === argNodes[shellString]) continue;
      this.substitutions(sub, src, { ...ctx, parent: cmd.index });
    }
    const script = shellString >= 0 ? argNodes[shellString] : undefined;
    if (script) {
      const inner = script.type === 'string' || script.type === 'raw_string' ? 1 : 0;
      this.collect(slice(src, script.startIndex + inner, script.endIndex - inner), {
        context: 'shell-string',
        parent: cmd.index,
        inSubshell: false,
      });
    }
    this.unwrap(cmd, ctx);
    return cmd.index;
  }

  private substitutions(node: Node, src: MappedText, ctx: WalkContext): void {
    const type = node.type;
    if (type === 'command_substitution' || type === 'process_substitution') {
      this.walk(node, src, ctx);
      return;
    }
    // Tokens without children: listing their (no) children would still cross into WebAssembly.
    if (LEAF_WORDS.has(type)) return;
    enter(++this.depth);
    try {
      for (const c of node.namedChildren) if (c) this.substitutions(c, src, ctx);
    } finally {
      this.depth--;
    }
  }

  private push(
    node: Node,
    src: MappedText,
    ctx: WalkContext,
    name: string,
    nameSpan: Span,
    argNodes: Node[],
  ): ShellCommand {
    const args: Word[] = argNodes.map((a) => {
      const start = a.startIndex;
      const raw = a.text;
      return { value: wordValue(a, 0, a.type, raw), raw, span: this.spanAt(start, start + raw.length, src) };
    });
    const cmd: ShellCommand = {
      index: this.out.length,
      name,
      base: basename(name),
      nameSpan,
      args,
      assignments: [],
      span: this.span(node, src),
      text: node.text.replace(/\s+/g, ' ').trim(),
      context: ctx.context,
      list: ctx.list,
      inSubshell: ctx.inSubshell,
      ...(ctx.parent !== undefined ? { parent: ctx.parent } : {}),
    };
    this.out.push(cmd);
    return cmd;
  }

  /** `sudo apt-get install x` also yields `apt-get install x` (context 'wrapper', parent sudo). */
  private unwrap(cmd: ShellCommand, ctx: WalkContext): void {
    let outer: ShellCommand | undefined = cmd;
    for (let levels = 0; outer && WRAPPERS.has(outer.base); levels++) {
      if (levels === MAX_WRAPPERS)
        throw new ShipgateError(
          'DOCKERFILE_PARSE',
          `a command runs through more than ${MAX_WRAPPERS} wrappers (sudo, env, xargs, ...)`,
        );
      outer = this.unwrapOnce(outer, ctx);
    }
  }

  /** The command a wrapper runs, appended to the commands; undefined when it names none. */
  private unwrapOnce(cmd: ShellCommand, ctx: WalkContext): ShellCommand | undefined {
    const withValue = WRAPPER_OPTS_WITH_VALUE[cmd.base] ?? new Set<string>();
    let skipOperands = WRAPPER_FIRST_OPERAND[cmd.base] ?? 0;
    let i = 0;
    for (; i < cmd.args.length; i++) {
      const v = cmd.args[i]?.value ?? '';
      if (v === '--') {
        i++;
        break;
      }
      if (v.startsWith('-') && v.length > 1) {
        if (withValue.has(v)) i++;
        continue;
      }
      if (cmd.base === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) continue;
      if (skipOperands > 0) {
        skipOperands--;
        continue;
      }
      break;
    }
    const nameWord = cmd.args[i];
    if (!nameWord) return undefined;
    const args = cmd.args.slice(i + 1);
    const inner: ShellCommand = {
      index: this.out.length,
      name: nameWord.value,
      base: basename(nameWord.value),
      nameSpan: nameWord.span,
      args,
      assignments: [],
      span: { ...nameWord.span, endLine: cmd.span.endLine, endColumn: cmd.span.endColumn },
      text: [nameWord.value, ...args.map((a) => a.raw)].join(' '),
      context: 'wrapper',
      parent: cmd.index,
      list: ctx.list,
      inSubshell: ctx.inSubshell,
    };
    if (cmd.pipeline) inner.pipeline = cmd.pipeline;
    this.out.push(inner);
    return inner;
  }
}

/** Node types the bash grammar produces as single tokens (they cannot contain a substitution). */
const LEAF_WORDS = new Set(['word', 'raw_string', 'ansi_c_string', 'variable_name']);

/** Commands that run a `-c` string with the target user's shell. */
const SU = new Set(['su', 'runuser']);

/** Index (in args) of the `-c`/`--command` string of `su user -c '...'`, or -1. */
function suCommandIndex(cmd: ShellCommand): number {
  const i = cmd.args.findIndex((a) => a.value === '-c' || a.value === '--command');
  return i >= 0 && i + 1 < cmd.args.length ? i + 1 : -1;
}

/** Index (in args) of the script string of `sh -c '...'`, or -1. */
function shellStringIndex(cmd: ShellCommand): number {
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i]?.value ?? '';
    if (/^-[a-z]*c[a-z]*$/.test(v)) return i + 1 < cmd.args.length ? i + 1 : -1;
    if (!v.startsWith('-')) return -1;
  }
  return -1;
}

export function slice(src: MappedText, start: number, end: number): MappedText {
  return { text: src.text.slice(start, end), offsets: src.offsets.subarray(start, end + 1) };
}
