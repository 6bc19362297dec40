/** The parsed model of a Dockerfile that rules work on. Lines and columns are 1-based; endColumn is exclusive. */
import type { Reference } from '../oci/ref';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * A base image reference as written in FROM, after ARG defaults were substituted where possible: the
 * shared registry reference (registry `docker.io` for Docker Hub, repository such as `library/node`) plus
 * what only a Dockerfile has.
 */
export interface ImageRef extends Reference {
  /** As written, e.g. `${BASE}` or `node:20`. */
  raw: string;
  /** After substituting ARG defaults declared before the first FROM. */
  resolved: string;
  /** `FROM scratch`. */
  scratch: boolean;
  /** Variables that could not be resolved remain in `resolved`. */
  unresolved: boolean;
}

export interface Flag {
  name: string;
  value: string | null;
  span: Span;
}

export interface Word {
  /** The word with quotes removed (expansions are kept as written). */
  value: string;
  /** Source text of the word. */
  raw: string;
  span: Span;
}

/** How a command is nested inside the RUN script. */
export type CommandContext =
  | 'top'
  | 'subshell'
  | 'command-substitution'
  | 'process-substitution'
  | 'shell-string'
  | 'heredoc'
  | 'wrapper';

/** One simple command of a RUN shell script, e.g. `apt-get install -y curl`. */
export interface ShellCommand {
  /** Position in ShellScript.commands. */
  index: number;
  /** The command name as invoked (basename kept as written, e.g. `/usr/bin/curl`). */
  name: string;
  /** Basename of name, lower-cased (`/usr/bin/Curl` → `curl`). */
  base: string;
  nameSpan: Span;
  /** The arguments after the name. */
  args: Word[];
  /** Variable assignments before the command (`FOO=1 make`). */
  assignments: { name: string; value: string }[];
  span: Span;
  text: string;
  context: CommandContext;
  /** The command whose argument (substitution, `sh -c` string, wrapper) contains this one. */
  parent?: number;
  /** Pipeline membership: id shared by commands of one pipeline, position and length. */
  pipeline?: { id: number; position: number; length: number };
  /** Index of the command this one pipes its output into. */
  pipesTo?: number;
  /** Id of the `&&`/`||`/`;` list (or whole script) this command is part of. */
  list: number;
  /** Inside a `(...)` subshell (directory changes do not leak). */
  inSubshell: boolean;
}

interface ShellScript {
  /** 'bash' when parsed with the bash grammar; 'exec' for JSON form; 'other' for non-POSIX shells. */
  language: 'bash' | 'exec' | 'other';
  commands: ShellCommand[];
  /** Whether the parser reported syntax errors (the commands found are still listed). */
  hasErrors: boolean;
}

export interface Heredoc {
  name: string;
  body: string;
  span: Span;
}

export interface Instruction {
  /** Upper-cased keyword, e.g. RUN. */
  keyword: string;
  /** Keyword as written (for casing checks). */
  rawKeyword: string;
  span: Span;
  keywordSpan: Span;
  /** Stage index, -1 for ARGs before the first FROM. */
  stage: number;
  /** Argument text with line continuations joined (flags included). */
  argsText: string;
  /** Argument words after flags, as the Dockerfile parser splits them (quotes kept). */
  args: Word[];
  flags: Flag[];
  /** JSON (exec) form, with the parsed strings. */
  json?: string[];
  heredocs: Heredoc[];
  /** Normalised text: keyword plus arguments with whitespace collapsed. */
  normalized: string;
  /** For RUN (and CMD/ENTRYPOINT/HEALTHCHECK shell form): the parsed shell script. */
  script?: ShellScript;
  /** For ONBUILD: the trigger instruction. */
  trigger?: Instruction;
  /** This is an ONBUILD trigger: it runs in the images built FROM this one. */
  onbuild?: boolean;
  /** Comment lines directly above the instruction (no blank line between), text after `#`. */
  comments: { text: string; line: number }[];
}

export interface Stage {
  index: number;
  name?: string;
  nameSpan?: Span;
  /** The `AS` keyword as written, for casing checks. */
  asKeyword?: string;
  from: Instruction;
  image: ImageRef;
  imageSpan: Span;
  platform?: string;
  /** Index of the earlier stage this FROM builds on, when it names a stage. */
  baseStage?: number;
  isFinal: boolean;
  /** Another stage copies files from this one (COPY --from / RUN --mount from). */
  copiedFrom: boolean;
  instructions: Instruction[];
}

export interface ParsedDockerfile {
  path: string;
  content: string;
  lines: string[];
  escape: string;
  directives: { name: string; value: string; line: number }[];
  /** ARG instructions before the first FROM, with defaults. */
  globalArgs: { name: string; value?: string; instruction: Instruction }[];
  stages: Stage[];
  /** Every instruction in order, including global ARGs. */
  instructions: Instruction[];
  /** All comment lines (1-based line, text after `#`). */
  comments: { text: string; line: number }[];
}
