#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  globMatch,
  parseImageRef,
  substituteArgs
} from "./chunk-44QYIPQ7.js";
import {
  mapConcurrent
} from "./chunk-SCYKMJJI.js";
import {
  require_main
} from "./chunk-IARREIY2.js";
import {
  bashParser
} from "./chunk-DNEHU5TI.js";
import {
  compareText
} from "./chunk-WXYCZFY5.js";
import {
  compareSeverity
} from "./chunk-LJLRXQKZ.js";
import {
  isRootUser
} from "./chunk-RFIJBJJT.js";
import {
  familiarName
} from "./chunk-6FSLFHTN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  redact
} from "./chunk-6INDVNBY.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/dockerfile/parse.ts
var import_dockerfile_ast2 = __toESM(require_main(), 1);

// src/dockerfile/shell.ts
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"]);
var WRAPPERS = /* @__PURE__ */ new Set([
  "sudo",
  "doas",
  "env",
  "nohup",
  "time",
  "nice",
  "exec",
  "command",
  "gosu",
  "su-exec",
  "timeout",
  "stdbuf",
  "ionice",
  "xargs"
]);
var WRAPPER_OPTS_WITH_VALUE = {
  sudo: /* @__PURE__ */ new Set(["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T"]),
  doas: /* @__PURE__ */ new Set(["-u", "-C"]),
  env: /* @__PURE__ */ new Set(["-u", "-C", "-S", "--unset", "--chdir"]),
  nice: /* @__PURE__ */ new Set(["-n"]),
  timeout: /* @__PURE__ */ new Set(["-s", "-k", "--signal", "--kill-after"]),
  ionice: /* @__PURE__ */ new Set(["-c", "-n", "-p"]),
  xargs: /* @__PURE__ */ new Set([
    "-I",
    "-i",
    "-n",
    "-P",
    "-L",
    "-l",
    "-s",
    "-d",
    "-E",
    "-e",
    "-a",
    "--arg-file",
    "--delimiter",
    "--max-args",
    "--max-procs",
    "--max-lines",
    "--replace"
  ])
};
var WRAPPER_FIRST_OPERAND = { gosu: 1, "su-exec": 1, timeout: 1 };
function basename(name) {
  const i = name.lastIndexOf("/");
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}
function wordValue(node, depth = 0, type = node.type, text) {
  switch (type) {
    case "raw_string":
      return (text ?? node.text).slice(1, -1);
    case "ansi_c_string":
      return (text ?? node.text).slice(2, -1);
    case "string": {
      const inner = (text ?? node.text).slice(1, -1);
      return inner.replace(/\\([\\"$`])/g, "$1").replace(/\\\n/g, "");
    }
    case "word":
      return (text ?? node.text).replace(/\\(.)/gs, "$1");
    case "concatenation":
      return node.namedChildren.length > 0 ? concatValue(node, depth) : (text ?? node.text).replace(/\\(.)/gs, "$1");
    default:
      return text ?? node.text;
  }
}
function concatValue(node, depth) {
  enter(depth + 1);
  let out = "";
  for (const c of node.children) if (c) out += c.isNamed ? wordValue(c, depth + 1) : c.text;
  return out;
}
var MAX_SHELL_DEPTH = 1e3;
var MAX_WRAPPERS = 32;
function enter(depth) {
  if (depth > MAX_SHELL_DEPTH)
    throw new ShipgateError(
      "DOCKERFILE_PARSE",
      `the shell script nests more than ${MAX_SHELL_DEPTH} levels deep`
    );
}
var ShellCollector = class {
  constructor(parser, spanOf, out) {
    this.parser = parser;
    this.spanOf = spanOf;
    this.out = out;
  }
  parser;
  spanOf;
  out;
  nextList = 0;
  nextPipeline = 0;
  hasErrors = false;
  /**
   * Parses `src` and appends its commands. A script that nests the walk deeper than MAX_SHELL_DEPTH syntax
   * nodes is refused with a DOCKERFILE_PARSE error (the walk is recursive; no real script comes close).
   */
  collect(src, ctx) {
    const tree = this.parser.parse(src.text);
    if (!tree) return;
    try {
      if (tree.rootNode.hasError) this.hasErrors = true;
      const top = tree.rootNode;
      for (const stmt of top.namedChildren) {
        if (!stmt || stmt.type === "comment") continue;
        this.walk(stmt, src, { ...ctx, list: ctx.list ?? this.nextList++ });
      }
    } finally {
      tree.delete();
    }
  }
  /** Adds an exec-form command (JSON array) with the given word spans; a shell `-c` string is parsed. */
  addExec(words, ctx) {
    const [first, ...rest] = words;
    if (!first) return;
    const cmd = {
      index: this.out.length,
      name: first.value,
      base: basename(first.value),
      nameSpan: first.span,
      args: rest.map((w) => ({ value: w.value, raw: w.value, span: w.span })),
      assignments: [],
      span: {
        ...first.span,
        endLine: (words.at(-1) ?? first).span.endLine,
        endColumn: (words.at(-1) ?? first).span.endColumn
      },
      text: words.map((w) => w.value).join(" "),
      context: ctx.context,
      list: ctx.list,
      inSubshell: ctx.inSubshell,
      ...ctx.parent !== void 0 ? { parent: ctx.parent } : {}
    };
    this.out.push(cmd);
    if (SHELLS.has(cmd.base)) {
      const i = rest.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w.value));
      const script = i >= 0 ? rest[i + 1] : void 0;
      if (script) this.collect(script.src, { context: "shell-string", parent: cmd.index, inSubshell: false });
    }
    this.unwrap(cmd, ctx);
  }
  span(node, src) {
    return this.spanAt(node.startIndex, node.endIndex, src);
  }
  /** The document span of script text [start, end). */
  spanAt(start, end, src) {
    const s = src.offsets[start] ?? src.offsets.at(-1) ?? 0;
    const lastChar = Math.max(start, end - 1);
    const e = (src.offsets[lastChar] ?? s) + 1;
    return this.spanOf(s, e);
  }
  /** Syntax nodes on the walk's current path, across nested scripts: bounds the recursion. */
  depth = 0;
  walk(node, src, ctx) {
    enter(++this.depth);
    try {
      return this.walkNode(node, src, ctx);
    } finally {
      this.depth--;
    }
  }
  walkNode(node, src, ctx) {
    switch (node.type) {
      case "command":
        return this.command(node, src, ctx);
      case "declaration_command":
      case "unset_command":
        return this.declaration(node, src, ctx);
      case "pipeline":
        return this.pipeline(node, src, ctx);
      case "subshell": {
        let first;
        for (const c of node.namedChildren) {
          if (!c) continue;
          const r = this.walk(c, src, { ...ctx, inSubshell: true });
          first ??= r;
        }
        return first;
      }
      case "command_substitution":
      case "process_substitution": {
        let first;
        const context = node.type === "command_substitution" ? "command-substitution" : "process-substitution";
        for (const c of node.namedChildren) {
          if (!c) continue;
          const r = this.walk(c, src, { ...ctx, context, inSubshell: true });
          first ??= r;
        }
        return first;
      }
      case "redirected_statement": {
        let first;
        const body = node.childForFieldName("body");
        if (body) first = this.walk(body, src, ctx);
        for (const c of node.namedChildren) {
          if (!c || c === body || body && c.id === body.id) continue;
          if (c.type === "heredoc_redirect") this.heredoc(c, src, ctx, first);
          else this.walk(c, src, ctx);
        }
        return first;
      }
      default: {
        let first;
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
  heredoc(node, src, ctx, target) {
    const body = node.namedChildren.find((c) => c?.type === "heredoc_body");
    const cmd = target !== void 0 ? this.out[target] : void 0;
    if (!body || !cmd || !SHELLS.has(cmd.base) || cmd.args.some((a) => a.value === "-c")) {
      for (const c of node.namedChildren) if (c && c.type !== "heredoc_body") this.walk(c, src, ctx);
      return;
    }
    this.collect(slice(src, body.startIndex, body.endIndex), {
      context: "heredoc",
      parent: cmd.index,
      inSubshell: false
    });
  }
  pipeline(node, src, ctx) {
    const parts = node.namedChildren.filter((c) => !!c && c.type !== "comment");
    const id = this.nextPipeline++;
    const heads = [];
    parts.forEach((p, position) => {
      const before = this.out.length;
      const head = this.walk(p, src, ctx);
      for (let i = before; i < this.out.length; i++) {
        const c = this.out[i];
        if (c && (c.parent === ctx.parent || c.context === "wrapper"))
          c.pipeline = { id, position, length: parts.length };
      }
      heads.push(head);
    });
    for (let i = 0; i + 1 < heads.length; i++) {
      const a = heads[i];
      const b = heads[i + 1];
      if (a !== void 0 && b !== void 0) {
        const cmd = this.out[a];
        if (cmd) cmd.pipesTo = b;
      }
    }
    return heads[0];
  }
  declaration(node, src, ctx) {
    const [kw, ...rest] = node.children.filter((c) => !!c);
    const name = kw?.text ?? node.text.split(/\s/)[0] ?? "";
    const cmd = this.push(node, src, ctx, name, kw ? this.span(kw, src) : this.span(node, src), rest);
    return cmd.index;
  }
  command(node, src, ctx) {
    const nameNode = node.childForFieldName("name");
    const assignments = [];
    const argNodes = [];
    for (const c of node.namedChildren) {
      if (!c) continue;
      const type = c.type;
      if (type === "variable_assignment") {
        const n = c.childForFieldName("name")?.text ?? "";
        const v = c.childForFieldName("value");
        assignments.push({ name: n, value: v ? wordValue(v) : "" });
      } else if (type === "command_name" || nameNode && c.id === nameNode.id) continue;
      else if (type.endsWith("_redirect")) continue;
      else argNodes.push(c);
    }
    if (!nameNode) {
      for (const a of argNodes) this.walk(a, src, ctx);
      return void 0;
    }
    const nameWord = nameNode.namedChildren[0] ?? nameNode;
    const cmd = this.push(node, src, ctx, wordValue(nameWord), this.span(nameNode, src), argNodes);
    cmd.assignments = assignments;
    const shellString = SHELLS.has(cmd.base) ? shellStringIndex(cmd) : SU.has(cmd.base) ? suCommandIndex(cmd) : -1;
    for (const sub of [nameNode, ...argNodes]) {
      if (shellString >= 0 && sub === argNodes[shellString]) continue;
      this.substitutions(sub, src, { ...ctx, parent: cmd.index });
    }
    const script = shellString >= 0 ? argNodes[shellString] : void 0;
    if (script) {
      const inner = script.type === "string" || script.type === "raw_string" ? 1 : 0;
      this.collect(slice(src, script.startIndex + inner, script.endIndex - inner), {
        context: "shell-string",
        parent: cmd.index,
        inSubshell: false
      });
    }
    this.unwrap(cmd, ctx);
    return cmd.index;
  }
  substitutions(node, src, ctx) {
    const type = node.type;
    if (type === "command_substitution" || type === "process_substitution") {
      this.walk(node, src, ctx);
      return;
    }
    if (LEAF_WORDS.has(type)) return;
    enter(++this.depth);
    try {
      for (const c of node.namedChildren) if (c) this.substitutions(c, src, ctx);
    } finally {
      this.depth--;
    }
  }
  push(node, src, ctx, name, nameSpan, argNodes) {
    const args = argNodes.map((a) => {
      const start = a.startIndex;
      const raw = a.text;
      return { value: wordValue(a, 0, a.type, raw), raw, span: this.spanAt(start, start + raw.length, src) };
    });
    const cmd = {
      index: this.out.length,
      name,
      base: basename(name),
      nameSpan,
      args,
      assignments: [],
      span: this.span(node, src),
      text: node.text.replace(/\s+/g, " ").trim(),
      context: ctx.context,
      list: ctx.list,
      inSubshell: ctx.inSubshell,
      ...ctx.parent !== void 0 ? { parent: ctx.parent } : {}
    };
    this.out.push(cmd);
    return cmd;
  }
  /** `sudo apt-get install x` also yields `apt-get install x` (context 'wrapper', parent sudo). */
  unwrap(cmd, ctx) {
    let outer = cmd;
    for (let levels = 0; outer && WRAPPERS.has(outer.base); levels++) {
      if (levels === MAX_WRAPPERS)
        throw new ShipgateError(
          "DOCKERFILE_PARSE",
          `a command runs through more than ${MAX_WRAPPERS} wrappers (sudo, env, xargs, ...)`
        );
      outer = this.unwrapOnce(outer, ctx);
    }
  }
  /** The command a wrapper runs, appended to the commands; undefined when it names none. */
  unwrapOnce(cmd, ctx) {
    const withValue = WRAPPER_OPTS_WITH_VALUE[cmd.base] ?? /* @__PURE__ */ new Set();
    let skipOperands = WRAPPER_FIRST_OPERAND[cmd.base] ?? 0;
    let i = 0;
    for (; i < cmd.args.length; i++) {
      const v = cmd.args[i]?.value ?? "";
      if (v === "--") {
        i++;
        break;
      }
      if (v.startsWith("-") && v.length > 1) {
        if (withValue.has(v)) i++;
        continue;
      }
      if (cmd.base === "env" && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) continue;
      if (skipOperands > 0) {
        skipOperands--;
        continue;
      }
      break;
    }
    const nameWord = cmd.args[i];
    if (!nameWord) return void 0;
    const args = cmd.args.slice(i + 1);
    const inner = {
      index: this.out.length,
      name: nameWord.value,
      base: basename(nameWord.value),
      nameSpan: nameWord.span,
      args,
      assignments: [],
      span: { ...nameWord.span, endLine: cmd.span.endLine, endColumn: cmd.span.endColumn },
      text: [nameWord.value, ...args.map((a) => a.raw)].join(" "),
      context: "wrapper",
      parent: cmd.index,
      list: ctx.list,
      inSubshell: ctx.inSubshell
    };
    if (cmd.pipeline) inner.pipeline = cmd.pipeline;
    this.out.push(inner);
    return inner;
  }
};
var LEAF_WORDS = /* @__PURE__ */ new Set(["word", "raw_string", "ansi_c_string", "variable_name"]);
var SU = /* @__PURE__ */ new Set(["su", "runuser"]);
function suCommandIndex(cmd) {
  const i = cmd.args.findIndex((a) => a.value === "-c" || a.value === "--command");
  return i >= 0 && i + 1 < cmd.args.length ? i + 1 : -1;
}
function shellStringIndex(cmd) {
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i]?.value ?? "";
    if (/^-[a-z]*c[a-z]*$/.test(v)) return i + 1 < cmd.args.length ? i + 1 : -1;
    if (!v.startsWith("-")) return -1;
  }
  return -1;
}
function slice(src, start, end) {
  return { text: src.text.slice(start, end), offsets: src.offsets.subarray(start, end + 1) };
}

// src/dockerfile/keywords.ts
var KEYWORDS = /* @__PURE__ */ new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR"
]);

// src/dockerfile/raw-arguments.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
var SPACE = 32;
var TAB = 9;
var CR = 13;
var LF = 10;
var HASH = 35;
var DOLLAR = 36;
var isWhitespace = (c) => c === SPACE || c === TAB || c === CR || c === LF;
function scanRawArguments(inst) {
  const args = [];
  const doc = inst.document;
  const range = inst.getInstructionRange();
  const start = doc.offsetAt(range.start);
  const extra = doc.offsetAt(range.end) - start;
  const fullArgs = inst.getTextContent().substring(extra);
  const offset = start + extra;
  const escapeChar = inst.escapeChar.charCodeAt(0);
  const arg = (value, from, to) => new import_dockerfile_ast.Argument(value, { start: doc.positionAt(offset + from), end: doc.positionAt(offset + to) });
  let start1 = false;
  let comment = false;
  let found = -1;
  let escapedWhitespaceDetected = false;
  let escaping = false;
  let escapeMarker = -1;
  let escapedArg = "";
  const n = fullArgs.length;
  for (let i = 0; i < n; i++) {
    const c = fullArgs.charCodeAt(i);
    if (isWhitespace(c)) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (c === CR || c === LF) {
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start1 = true;
          }
        }
        continue;
      } else if (found !== -1) {
        args.push(arg(escapedArg, found, escapeMarker === -1 ? i : escapeMarker));
        escapeMarker = -1;
        escapedArg = "";
        found = -1;
      }
    } else if (c === escapeChar) {
      const next = i + 1 < n ? fullArgs.charCodeAt(i + 1) : -1;
      if (next === SPACE || next === TAB) {
        for (let j = i + 2; j < n; j++) {
          let d = fullArgs.charCodeAt(j);
          if (d === SPACE || d === TAB) continue;
          if (d === CR) {
            j++;
            d = LF;
          }
          if (d === LF) {
            comment = false;
            escaping = true;
            start1 = true;
            if (found !== -1) escapeMarker = i;
            i = j;
          } else {
            escapeMarker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === CR) {
        comment = false;
        escaping = true;
        start1 = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === LF) {
        comment = false;
        escaping = true;
        start1 = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(arg(escapedArg, found, escapeMarker));
          escapedArg = "";
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === DOLLAR) escapedArg += fullArgs[i] + fullArgs[i + 1];
        else if (next === -1)
          break;
        else escapedArg += fullArgs[i + 1];
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start1 && c === HASH) {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(arg(escapedArg, found, escapeMarker));
          escapedArg = "";
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        let j = i + 1;
        while (j < n) {
          const d = fullArgs.charCodeAt(j);
          if (isWhitespace(d) || d === escapeChar) break;
          j++;
        }
        escapedArg += j === i + 1 ? fullArgs[i] : fullArgs.slice(i, j);
        if (found === -1) found = i;
        i = j - 1;
      }
      start1 = false;
    }
  }
  if (found !== -1) args.push(arg(escapedArg, found, escapeMarker === -1 ? n : escapeMarker));
  return args;
}

// src/dockerfile/parse.ts
var RAW_ARGS = /* @__PURE__ */ Symbol("rawArguments");
var astRawArguments = import_dockerfile_ast2.Instruction.prototype.getRawArguments;
function memoiseRawArguments() {
  const proto = import_dockerfile_ast2.Instruction.prototype;
  proto.getRawArguments = function() {
    const cached = this[RAW_ARGS] ??= scanRawArguments(this);
    return cached.slice();
  };
}
memoiseRawArguments();
var KEEP_QUOTES = /* @__PURE__ */ new Set([
  "ENV",
  "ARG",
  "LABEL",
  "RUN",
  "CMD",
  "ENTRYPOINT",
  "HEALTHCHECK",
  "SHELL",
  "ONBUILD"
]);
var JSON_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME"]);
var Doc = class {
  constructor(text) {
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.lineStarts.push(i + 1);
  }
  text;
  lineStarts = [0];
  offset(p) {
    return (this.lineStarts[p.line] ?? this.text.length) + p.character;
  }
  position(offset) {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }
  spanOf = (start, end) => {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  span(r) {
    return this.spanOf(this.offset(r.start), this.offset(r.end));
  }
};
function fail(path, line, what, hint) {
  throw new ShipgateError("DOCKERFILE_PARSE", `${path}:${line}: ${what}`, hint ? { hint } : {});
}
function checkText(content, path) {
  const nul = content.indexOf("\0");
  if (nul >= 0) {
    const line = content.slice(0, nul).split("\n").length;
    fail(path, line, "binary content (NUL byte), not a Dockerfile", "pass the path of a text Dockerfile");
  }
  const sample = content.slice(0, 4096);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
  }
  if (sample.length > 0 && bad / sample.length > 0.05)
    fail(path, 1, "binary content, not a Dockerfile", "pass the path of a text Dockerfile");
}
function joinContinuations(doc, start, end, escape) {
  const text = doc.text;
  const parts = [];
  const offsets = new Uint32Array(end - start + 1);
  let n = 0;
  let runStart = start;
  const keep = (to) => {
    if (to <= runStart) return;
    parts.push(text.slice(runStart, to));
    for (let k = runStart; k < to; k++) offsets[n++] = k;
  };
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (ch === escape) {
      let j = i + 1;
      while (j < end && (text[j] === " " || text[j] === "	")) j++;
      if (text[j] === "\r") j++;
      if (text[j] === "\n" || j >= end) {
        keep(i);
        i = j + 1;
        for (; ; ) {
          const nl = text.indexOf("\n", i);
          const lineEnd = nl < 0 || nl > end ? end : nl;
          const line = text.slice(i, lineEnd).trim();
          if (lineEnd < end && (line === "" || line.startsWith("#"))) i = lineEnd + 1;
          else break;
        }
        runStart = i;
        continue;
      }
      if (escape === "`" && text[i + 1] === "`") {
        keep(i + 1);
        i += 2;
        runStart = i;
        continue;
      }
    }
    if (ch === "\r" && text[i + 1] === "\n") {
      keep(i);
      i++;
      runStart = i;
      continue;
    }
    i++;
  }
  keep(Math.min(i, end));
  offsets[n] = end;
  return { text: parts.join(""), offsets: offsets.subarray(0, n + 1) };
}
function normalize(keyword, args) {
  return `${keyword} ${args.replace(/\s+/g, " ").trim()}`.trim();
}
var HEREDOC_MARK = /<<-?\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g;
function isWindowsImage(ref) {
  return /(^|\/)(windows|windowsservercore|servercore|nanoserver)(\/|$)/.test(ref.repository);
}
async function parseDockerfile(content, path) {
  if (content.charCodeAt(0) === 65279) content = content.slice(1);
  checkText(content, path);
  const doc = new Doc(content);
  const ast = import_dockerfile_ast2.DockerfileParser.parse(content);
  const escape = ast.getEscapeCharacter();
  const lines2 = content.split(/\r?\n/);
  const astInstructions = ast.getInstructions();
  if (astInstructions.length === 0)
    fail(path, 1, "no instructions (empty Dockerfile)", "a Dockerfile needs at least a FROM instruction");
  const directives = ast.getDirectives().map((d) => ({
    name: d.getName().toLowerCase(),
    value: d.getValue(),
    line: d.getRange().start.line + 1
  }));
  const inside = /* @__PURE__ */ new Set();
  for (const i of astInstructions) {
    const r = i.getRange();
    for (let l = r.start.line; l <= r.end.line; l++) inside.add(l + 1);
  }
  const comments = [];
  lines2.forEach((l, i) => {
    const t = l.trim();
    if (t.startsWith("#") && !inside.has(i + 1)) comments.push({ text: t.slice(1).trim(), line: i + 1 });
  });
  const hasRuns = astInstructions.some((i) => /^(run|onbuild)$/i.test(i.getKeyword()));
  const parser = hasRuns ? await bashParser() : void 0;
  const result = {
    path,
    content,
    lines: lines2,
    escape,
    directives,
    globalArgs: [],
    stages: [],
    instructions: [],
    comments
  };
  const globalArgValues = /* @__PURE__ */ new Map();
  const stageShell = [];
  const build = (ast1, stage, shell, trigger = false) => {
    const keyword = ast1.getKeyword().toUpperCase();
    const range = ast1.getRange();
    const line = range.start.line + 1;
    if (!KEYWORDS.has(keyword))
      fail(
        path,
        line,
        `unknown instruction "${ast1.getInstruction()}"`,
        "check the spelling, or add a missing line continuation on the line above"
      );
    const withFlags = ast1;
    const flags = (withFlags.getFlags?.() ?? []).map((f) => ({
      name: f.getName(),
      value: f.getValue(),
      span: doc.span(f.getRange())
    }));
    const astArgs = ast1.getArguments();
    const unquote2 = !KEEP_QUOTES.has(keyword);
    const args = astArgs.map((a) => ({
      value: unquote2 ? a.getValue().replace(/^"(.*)"$|^'(.*)'$/s, "$1$2") : a.getValue(),
      raw: content.slice(doc.offset(a.getRange().start), doc.offset(a.getRange().end)),
      span: doc.span(a.getRange())
    }));
    const end = doc.offset(range.end);
    const argsStart = astArgs[0] ? doc.offset(astArgs[0].getRange().start) : end;
    const allArgsRange = ast1.getArgumentsRange();
    const allArgsStart = allArgsRange ? doc.offset(allArgsRange.start) : end;
    const heredocs = [];
    let astHeredocs;
    try {
      astHeredocs = ast1.getHeredocs?.() ?? [];
    } catch {
      fail(path, line, "malformed heredoc", 'check the "<<" marker and the lines up to its delimiter');
    }
    for (const h of astHeredocs) {
      const delim = h.getDelimiterRange();
      if (!delim)
        fail(
          path,
          line,
          `unterminated heredoc <<${h.getName()}`,
          `end the heredoc with a line "${h.getName()}"`
        );
      const cr = h.getContentRange();
      heredocs.push({
        name: h.getName(),
        body: cr ? content.slice(doc.offset(cr.start), doc.offset(cr.end)) : "",
        span: doc.span({ start: h.getStartRange().start, end: delim.end })
      });
    }
    const afterFlagsJoined = heredocs.length ? void 0 : joinContinuations(doc, argsStart, end, escape);
    const joined = heredocs.length ? { text: content.slice(allArgsStart, end), offsets: new Uint32Array(0) } : allArgsStart === argsStart && afterFlagsJoined ? afterFlagsJoined : joinContinuations(doc, allArgsStart, end, escape);
    const afterFlags = afterFlagsJoined ? afterFlagsJoined.text : content.slice(argsStart, end);
    const inst = {
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
      comments: commentsAbove(lines2, line)
    };
    if (JSON_KEYWORDS.has(keyword) && heredocs.length === 0) {
      const t = afterFlags.trim();
      if (t.startsWith("[")) {
        let parsed;
        try {
          parsed = JSON.parse(t);
        } catch {
          parsed = void 0;
        }
        if (Array.isArray(parsed) && parsed.every((s) => typeof s === "string")) {
          inst.json = parsed;
          const strings = ast1.getJSONStrings?.() ?? [];
          if (strings.length === parsed.length)
            inst.args = strings.map((s, i) => ({
              value: parsed[i],
              raw: content.slice(doc.offset(s.getRange().start), doc.offset(s.getRange().end)),
              span: doc.span(s.getRange())
            }));
        } else if (!trigger && (keyword === "SHELL" || (keyword === "CMD" || keyword === "ENTRYPOINT") && /^\[\s*"/.test(t) && t.endsWith("]"))) {
          fail(
            path,
            line,
            `${keyword} looks like JSON (exec) form but is not a valid JSON array of strings`,
            'use double quotes and commas, e.g. ["executable", "arg"]'
          );
        }
      } else if (keyword === "SHELL" && !trigger) {
        fail(path, line, 'SHELL requires the JSON form, e.g. SHELL ["/bin/bash", "-c"]');
      }
    }
    if (keyword === "FROM" && args.length === 0 && !trigger) fail(path, line, "FROM requires an image name");
    if (keyword === "RUN" && parser) {
      const collector = new ShellCollector(parser, doc.spanOf, []);
      const inRun = (work) => {
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
          const inner = w.value;
          const offsets = new Uint32Array(inner.length + 1);
          for (let i = 0; i <= inner.length; i++)
            offsets[i] = Math.min(e - 1, s + 1 + Math.min(i, Math.max(0, e - s - 2)));
          return { value: w.value, span: w.span, src: { text: inner, offsets } };
        });
        inRun(() => collector.addExec(strings, { context: "top", inSubshell: false, list: 0 }));
        inst.script = { language: "exec", commands: collector.out, hasErrors: false };
      } else if (shell === "other") {
        inst.script = { language: "other", commands: [], hasErrors: false };
      } else {
        let src;
        if (heredocs.length) {
          const raw = {
            text: content.slice(argsStart, end),
            offsets: Uint32Array.from({ length: end - argsStart + 1 }, (_, i) => argsStart + i)
          };
          const firstLine = raw.text.split("\n", 1)[0] ?? "";
          const firstHeredoc = heredocs[0];
          if (firstLine.replace(HEREDOC_MARK, "").trim() === "" && firstHeredoc) {
            const bodyStart = raw.text.indexOf("\n") + 1;
            src = slice(raw, bodyStart, bodyStart + firstHeredoc.body.length);
          } else src = raw;
        } else src = afterFlagsJoined ?? joinContinuations(doc, argsStart, end, escape);
        const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(src.text);
        const interp = shebang ? basename(shebang[1] === "/usr/bin/env" ? shebang[2] ?? "" : shebang[1] ?? "") : "sh";
        if (heredocs.length && !/^(sh|bash|dash|ash|zsh|ksh)$/.test(interp)) {
          inst.script = { language: "other", commands: [], hasErrors: false };
        } else {
          inRun(() => collector.collect(src, { context: "top", inSubshell: false }));
          inst.script = { language: "bash", commands: collector.out, hasErrors: collector.hasErrors };
        }
      }
    }
    if (keyword === "ONBUILD") {
      const trigger2 = ast1.getTriggerInstruction();
      if (!trigger2) fail(path, line, "ONBUILD requires an instruction to trigger");
      inst.trigger = build(trigger2, stage, shell, true);
      inst.trigger.onbuild = true;
    }
    return inst;
  };
  let current;
  for (const a of astInstructions) {
    const keyword = a.getKeyword().toUpperCase();
    const line = a.getRange().start.line + 1;
    if (keyword === "FROM") {
      const inst2 = build(a, result.stages.length, "posix");
      const imageWord = inst2.args[0];
      if (inst2.args.length !== 1 && !(inst2.args.length === 3 && inst2.args[1]?.value.toLowerCase() === "as"))
        fail(path, line, `FROM takes an image and optionally "AS <name>", got "${inst2.argsText}"`);
      const { text, unresolved } = substituteArgs(imageWord.value, globalArgValues);
      const image = parseImageRef(imageWord.value, text, unresolved);
      const stage = {
        index: result.stages.length,
        from: inst2,
        image,
        imageSpan: imageWord.span,
        isFinal: false,
        copiedFrom: false,
        instructions: [inst2]
      };
      const nameWord = inst2.args[2];
      if (nameWord) {
        stage.name = nameWord.value;
        stage.nameSpan = nameWord.span;
        stage.asKeyword = inst2.args[1]?.value;
      }
      const platform2 = inst2.flags.find((f) => f.name === "platform");
      if (platform2?.value) stage.platform = platform2.value;
      const base = result.stages.find((s) => s.name?.toLowerCase() === text.toLowerCase());
      let shell = isWindowsImage(image) ? "other" : "posix";
      if (base) {
        stage.baseStage = base.index;
        shell = stageShell[base.index] ?? "posix";
      }
      stageShell.push(shell);
      result.stages.push(stage);
      result.instructions.push(inst2);
      current = stage;
      continue;
    }
    if (!current) {
      if (keyword === "ARG") {
        const inst2 = build(a, -1, "posix");
        for (const w of inst2.args) {
          const eq = w.value.indexOf("=");
          const name = eq >= 0 ? w.value.slice(0, eq) : w.value;
          const value = eq >= 0 ? w.value.slice(eq + 1).replace(/^(["'])(.*)\1$/, "$2") : void 0;
          globalArgValues.set(name, value);
          result.globalArgs.push({ name, ...value !== void 0 ? { value } : {}, instruction: inst2 });
        }
        result.instructions.push(inst2);
        continue;
      }
      if (!KEYWORDS.has(keyword)) build(a, -1, "posix");
      fail(
        path,
        line,
        `${a.getInstruction()} before the first FROM`,
        "only ARG and comments may come before the first FROM"
      );
    }
    const inst = build(a, current.index, stageShell[current.index] ?? "posix");
    if (keyword === "SHELL" && inst.json?.[0]) {
      stageShell[current.index] = /^(powershell|pwsh|cmd)(\.exe)?$/i.test(basename(inst.json[0])) ? "other" : "posix";
    }
    current.instructions.push(inst);
    result.instructions.push(inst);
  }
  if (result.stages.length === 0)
    fail(path, 1, "no FROM instruction", "a Dockerfile needs at least one FROM");
  const last = result.stages.at(-1);
  if (last) last.isFinal = true;
  markCopiedFrom(result);
  return result;
}
function commentsAbove(lines2, line) {
  const out = [];
  for (let l = line - 1; l >= 1; l--) {
    const t = (lines2[l - 1] ?? "").trim();
    if (!t.startsWith("#")) break;
    out.unshift({ text: t.slice(1).trim(), line: l });
  }
  return out;
}
function stageFor(df, from) {
  if (/^\d+$/.test(from)) return df.stages[Number(from)];
  return df.stages.find((s) => s.name !== void 0 && s.name.toLowerCase() === from.toLowerCase());
}
function markCopiedFrom(df) {
  for (const inst of df.instructions) {
    for (const f of inst.flags) {
      let ref;
      if (f.name === "from" && f.value) ref = f.value;
      if (f.name === "mount" && f.value) ref = /(?:^|,)from=([^,]+)/.exec(f.value)?.[1];
      if (!ref) continue;
      const s = stageFor(df, ref);
      if (s && s.index !== inst.stage) s.copiedFrom = true;
    }
  }
}

// src/dockerfile/rule.ts
function defineRule(def) {
  const { hint, check, ...meta } = def;
  return { meta: { kind: "dockerfile", ...meta }, hint, check };
}

// src/dockerfile/rules/helpers.ts
function hasFlag(cmd, ...names) {
  return flagWord(cmd, ...names) !== void 0;
}
function flagWord(cmd, ...names) {
  for (const a of cmd.args) {
    const v = a.value;
    if (v === "--") return void 0;
    for (const n of names) {
      if (n.startsWith("--")) {
        if (v === n || v.startsWith(`${n}=`)) return a;
      } else if (n.length === 2 && /^-[A-Za-z0-9]+$/.test(v) && !v.startsWith("--") && v.includes(n[1]))
        return a;
      else if (v === n) return a;
    }
  }
  return void 0;
}
function flagValue(cmd, ...names) {
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i]?.value ?? "";
    for (const n of names) {
      if (v === n) return cmd.args[i + 1]?.value;
      if (v.startsWith(`${n}=`)) return v.slice(n.length + 1);
    }
  }
  return void 0;
}
function operands(cmd, withValue = []) {
  const out = [];
  let rest = false;
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i];
    if (rest) {
      out.push(a);
      continue;
    }
    if (a.value === "--") {
      rest = true;
      continue;
    }
    if (a.value.startsWith("-") && a.value.length > 1) {
      if (withValue.includes(a.value)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
function subcommand(cmd, withValue = []) {
  return operands(cmd, withValue)[0]?.value;
}
function imageNames(ref) {
  const fam = familiarName(ref);
  const full = `${ref.registry}/${ref.repository}`;
  const names = [fam, full];
  if (ref.tag) names.push(`${fam}:${ref.tag}`, `${full}:${ref.tag}`);
  return names;
}
var namesCache = /* @__PURE__ */ new WeakMap();
function imageMatches(ref, globs) {
  if (globs.length === 0) return false;
  let names = namesCache.get(ref);
  if (!names) {
    names = imageNames(ref);
    namesCache.set(ref, names);
  }
  return globs.some((g) => names.some((n) => globMatch(g, n, "wildcard")));
}
function stageChain(df, stage) {
  const out = [];
  let s = stage;
  while (s && !out.includes(s)) {
    out.push(s);
    s = s.baseStage !== void 0 ? df.stages[s.baseStage] : void 0;
  }
  return out;
}
function rootImage(df, stage) {
  return (stageChain(df, stage).at(-1) ?? stage).image;
}
function finalStage(df) {
  return df.stages.find((s) => s.isFinal) ?? df.stages[df.stages.length - 1];
}
function inheritedInstructions(df, stage) {
  return stageChain(df, stage).reverse().flatMap((s) => s.instructions);
}
function commands(stage) {
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
var stageCommands = /* @__PURE__ */ new WeakMap();
function pipeTarget(cmds, cmd) {
  const t = cmd.pipesTo !== void 0 ? cmds[cmd.pipesTo] : void 0;
  return t ? unwrapped(cmds, t) : void 0;
}
function unwrapped(cmds, cmd) {
  let c = cmd;
  for (; ; ) {
    const inner = cmds.find((x) => x.context === "wrapper" && x.parent === c.index);
    if (!inner) return c;
    c = inner;
  }
}
function keyValues(inst) {
  const out = [];
  const words = inst.args;
  const legacy = inst.keyword !== "ARG" && words.length > 0 && !(words[0]?.value.includes("=") ?? false);
  if (legacy && words[0]) {
    out.push({
      key: words[0].value,
      value: words.slice(1).map((w) => w.value).join(" "),
      word: words[0]
    });
    return out;
  }
  for (const w of words) {
    const eq = w.value.indexOf("=");
    if (eq < 0) out.push({ key: w.value, value: void 0, word: w });
    else out.push({ key: w.value.slice(0, eq), value: unquote(w.value.slice(eq + 1)), word: w });
  }
  return out;
}
function dockerWords(text, escape = "\\") {
  const words = [];
  let word = "";
  let quote;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape && quote !== "'" && i + 1 < text.length) {
      word += c + text[++i];
      inWord = true;
    } else if (quote) {
      if (c === quote) quote = void 0;
      word += c;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
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
function propertyKeys(inst, escape = "\\") {
  const words = dockerWords(inst.argsText, escape);
  if (words.length === 0) return [];
  if (!words[0].includes("=")) return [unquote(words[0])];
  return words.map((w) => unquote(w.includes("=") ? w.slice(0, w.indexOf("=")) : w));
}
function unquote(s) {
  return s.replace(/^"(.*)"$/s, "$1").replace(/^'(.*)'$/s, "$1");
}
function pulledImages(df) {
  const out = [];
  for (const i of df.instructions) {
    const inst = i.trigger ?? i;
    for (const f of inst.flags) {
      const ref = f.name === "from" ? f.value : f.name === "mount" ? /(?:^|,)from=([^,]+)/.exec(f.value ?? "")?.[1] : null;
      if (!ref || /^\d+$/.test(ref) || stageFor(df, ref)) continue;
      out.push({ image: parseImageRef(ref, ref, ref.includes("$")), inst, span: f.span });
    }
  }
  return out;
}

// src/dockerfile/rules/base-image.ts
function externalStages(df, ignore = []) {
  return df.stages.filter(
    (s) => s.baseStage === void 0 && !s.image.scratch && !imageMatches(s.image, ignore)
  );
}
function show(ref) {
  return ref.raw === ref.resolved ? ref.raw : `${ref.raw} (${ref.resolved})`;
}
function isMinimalBase(ref, extra = []) {
  if (ref.scratch) return true;
  if (imageMatches(ref, extra)) return true;
  const repo = ref.repository;
  const name = repo.split("/").at(-1) ?? repo;
  const tag = (ref.tag ?? "").toLowerCase();
  if (ref.registry === "gcr.io" && repo.startsWith("distroless/")) return true;
  if (ref.registry === "cgr.dev" || repo.startsWith("chainguard/")) return true;
  if (/distroless|chiseled/.test(repo) || /distroless|chiseled/.test(tag)) return true;
  if (["alpine", "busybox", "wolfi-base", "static"].includes(name)) return true;
  if (/^ubi\d*-(minimal|micro)$|^ubi-(minimal|micro)$/.test(name)) return true;
  if (/(^|[-.])(alpine|slim|minimal|micro)([-.\d]|$)/.test(tag)) return true;
  return false;
}
var latestTag = defineRule({
  id: "SG-DF-005",
  title: "Base image uses :latest or no tag",
  severity: "medium",
  description: "A FROM names an image with the `latest` tag, or with no tag and no digest (which means `latest`), also when only its registry or path comes from a variable (`${REGISTRY}/ubuntu`).",
  rationale: "`latest` moves: the same Dockerfile builds a different image tomorrow, builds are not reproducible, and a breaking or compromised upstream release flows in unnoticed.",
  fix: [
    "Name an explicit version (and ideally pin the digest, see SG-DF-004).",
    "",
    "```dockerfile",
    "# before",
    "FROM node",
    "# after",
    "FROM node:20.11-bookworm-slim",
    "```"
  ].join("\n"),
  tags: ["security", "dockerfile", "supply-chain", "reproducibility"],
  equivalents: {
    hadolint: ["DL3006", "DL3007"],
    checkov: ["CKV_DOCKER_7"],
    dockle: ["DKL-DI-0006"]
  },
  related: {
    checks: { trivy: ["DS-0001", "AVD-DS-0001"] },
    differs: "Trivy DS001 also flags a FROM whose tag or whole reference comes from a variable (`golang@${VERSION}`, `$BASE_IMAGE`, a stage picked by `binaries-$TARGETOS`), and substitutes a stage's ARG into a later FROM, which Docker does not; SG-DF-005 does not guess what a variable holds beyond a registry or path prefix"
  },
  hint: "use an explicit version tag",
  check({ df, options, report }) {
    for (const s of externalStages(df, options.ignoreImages)) {
      if (s.image.unresolved) {
        const last = s.image.resolved.split("/").at(-1) ?? "";
        if (s.image.resolved.includes("/") && !/[$:@]/.test(last))
          report({
            at: s.from,
            span: s.imageSpan,
            message: `Base image ${s.image.resolved} has no tag, so it means :latest and changes without notice.`,
            fix: `use an explicit version, e.g. \`FROM ${s.image.resolved}:<version>\``
          });
        continue;
      }
      if (s.image.digest) continue;
      if (s.image.tag === void 0)
        report({
          at: s.from,
          span: s.imageSpan,
          message: `Base image ${show(s.image)} has no tag, so it means :latest and changes without notice.`,
          fix: `use an explicit version, e.g. \`FROM ${familiarName(s.image)}:<version>\``
        });
      else if (s.image.tag.toLowerCase() === "latest")
        report({
          at: s.from,
          span: s.imageSpan,
          message: `Base image ${show(s.image)} uses the moving :latest tag.`,
          fix: `replace :latest with a version tag, e.g. \`FROM ${familiarName(s.image)}:<version>\``
        });
    }
  }
});
var digestPin = defineRule({
  id: "SG-DF-004",
  title: "Base image not pinned by digest",
  severity: "medium",
  description: "A FROM names an external image by tag only, without `@sha256:` digest.",
  rationale: "Tags are mutable: a registry (or an attacker with push access) can point the same tag at different content. A digest names exactly the bytes you reviewed and scanned; tools like Renovate or Dependabot keep digests current.",
  fix: [
    "Append the digest of the tag you use (`docker buildx imagetools inspect node:20-slim` prints it); keep the tag for readability.",
    "",
    "```dockerfile",
    "# before",
    "FROM node:20-slim",
    "# after",
    "FROM node:20-slim@sha256:<digest>",
    "```"
  ].join("\n"),
  tags: ["security", "dockerfile", "supply-chain", "reproducibility"],
  hint: "pin the base image by digest: `FROM image:tag@sha256:<digest>`",
  check({ df, options, report }) {
    for (const s of externalStages(df, options.ignoreImages)) {
      if (s.image.digest) continue;
      if (s.image.unresolved && s.image.resolved.includes("@")) continue;
      if (s.image.unresolved && /\$\{?[A-Za-z_]*(DIGEST|SHA)/i.test(s.image.raw)) continue;
      report({
        at: s.from,
        span: s.imageSpan,
        message: `Base image ${show(s.image)}${s.isFinal ? "" : ` (stage ${s.name ?? s.index})`} is not pinned by digest.`,
        fix: `pin it: \`FROM ${s.image.resolved}@sha256:<digest>\``
      });
    }
  }
});
var minimalBase = defineRule({
  id: "SG-DF-003",
  title: "Final stage uses a non-minimal base image",
  severity: "medium",
  description: "The final stage builds on a full distribution image instead of a minimal one (scratch, distroless, Chainguard/Wolfi, Alpine, `-slim`, `-minimal`, UBI micro/minimal, busybox, or a configured pattern).",
  rationale: "Every package in the runtime image is attack surface and vulnerability noise: full images carry shells, compilers, package managers and hundreds of libraries the application never uses. Minimal bases have a fraction of the CVEs.",
  fix: [
    "Build in a full image and copy the result into a minimal runtime stage.",
    "",
    "```dockerfile",
    "# before",
    "FROM python:3.12",
    "COPY . /app",
    "# after",
    "FROM python:3.12-slim",
    "COPY . /app",
    "```",
    "",
    "Add your own hardened bases to `minimalBases` in shipgate.yaml."
  ].join("\n"),
  tags: ["security", "dockerfile", "attack-surface"],
  hint: "use a minimal runtime base (distroless, -slim, alpine, chainguard) for the final stage",
  check({ df, options, report }) {
    const stage = finalStage(df);
    const base = rootImage(df, stage);
    if (base.unresolved || isMinimalBase(base, options.minimalBases)) return;
    if (imageMatches(base, options.ignoreImages ?? [])) return;
    const baseStage = df.stages.find((s) => s.image === base) ?? stage;
    report({
      at: baseStage.from,
      span: baseStage.imageSpan,
      message: `The final image builds on ${show(base)}, a full distribution image; a minimal base has far fewer packages and CVEs.`,
      fix: `use a slim or distroless variant (e.g. \`${familiarName(base)}:<version>-slim\`) or copy the build output into a distroless stage`
    });
  }
});
var allowedRegistry = defineRule({
  id: "SG-DF-053",
  title: "Base image from a registry that is not allowed",
  severity: "high",
  description: "A FROM, `COPY --from` or `RUN --mount=from=` names an image from a registry outside the configured `allowedRegistries` (or hadolint `trustedRegistries`).",
  rationale: "Organisations mirror and vet base images in trusted registries; pulling from elsewhere bypasses that review and is a common supply-chain entry point.",
  fix: [
    "Use the mirrored copy from an allowed registry.",
    "",
    "```dockerfile",
    "# before",
    "FROM quay.io/someone/tool:1.2",
    "# after",
    "FROM registry.example.com/mirror/tool:1.2",
    "```"
  ].join("\n"),
  tags: ["security", "dockerfile", "supply-chain"],
  equivalents: { hadolint: ["DL3026"] },
  hint: "use a base image from an allowed registry",
  check({ df, options, report }) {
    const allowed = options.allowedRegistries;
    if (!allowed || allowed.length === 0) return;
    const check = (image, at, span, what) => {
      if (image.unresolved || image.scratch || imageMatches(image, options.ignoreImages ?? [])) return;
      const full = `${image.registry}/${image.repository}`;
      const ok = allowed.some((a) => {
        const e = a.toLowerCase().replace(/\/+$/, "");
        const entry = e === "hub.docker.com" || e === "index.docker.io" ? "docker.io" : e;
        return globMatch(entry, image.registry, "wildcard") || full.startsWith(`${entry}/`) || globMatch(entry, full, "wildcard");
      });
      if (!ok)
        report({
          at,
          span,
          key: `${what} ${image.raw}`,
          message: `${what} ${show(image)} comes from ${image.registry}, which is not an allowed registry (${allowed.join(", ")}).`
        });
    };
    for (const s of externalStages(df, options.ignoreImages))
      check(s.image, s.from, s.imageSpan, "Base image");
    for (const p of pulledImages(df)) check(p.image, p.inst, p.span, "Image");
  }
});
var TOOLCHAIN_IMAGES = /^(golang|rust|maven|gradle|gcc|openjdk|eclipse-temurin|amazoncorretto|sbt|clojure|haskell|swift|buildpack-deps|dotnet\/sdk|dotnet\/core\/sdk)$/;
var BUILD_PACKAGES = /^(build-essential|gcc|g\+\+|gcc-c\+\+|make|cmake|clang|llvm|autoconf|automake|libtool|golang|golang-go|go|rustc|cargo|maven|gradle|openjdk-\d+-jdk(-headless)?|java-\d+-openjdk-devel|default-jdk|musl-dev|alpine-sdk|[a-z0-9.+-]+-dev|[a-z0-9.+-]+-devel)(=.*)?$/;
var BUILD_COMMANDS = {
  go: ["build", "install"],
  cargo: ["build", "install"],
  mvn: true,
  mvnw: true,
  gradle: true,
  gradlew: true,
  javac: true,
  gcc: true,
  "g++": true,
  make: true,
  cmake: true,
  dotnet: ["build", "publish"],
  tsc: true
};
var REMOVES = {
  apk: ["del"],
  "apt-get": ["purge", "remove", "autoremove"],
  apt: ["purge", "remove", "autoremove"],
  yum: ["remove", "erase", "autoremove"],
  dnf: ["remove", "erase", "autoremove"],
  microdnf: ["remove"],
  zypper: ["remove", "rm"]
};
function isToolchainImage(ref) {
  const name = ref.repository.replace(/^library\//, "").replace(/^(mcr\.microsoft\.com\/)?/, "");
  if (TOOLCHAIN_IMAGES.test(name) || TOOLCHAIN_IMAGES.test(name.split("/").slice(-2).join("/"))) {
    if (/^(openjdk|eclipse-temurin|amazoncorretto)$/.test(name.split("/").at(-1) ?? ""))
      return !/jre/.test(ref.tag ?? "");
    return true;
  }
  return false;
}
var singleStageBuildTools = defineRule({
  id: "SG-DF-002",
  title: "Build tools shipped in the final image (use a multi-stage build)",
  severity: "medium",
  description: "A single-stage build compiles or installs build toolchains (a compiler/SDK base image, build-essential, gcc, *-dev packages, `go build`, `mvn package`, `npm run build`) in the image that is shipped.",
  rationale: "Compilers, SDKs, headers and package caches are not needed at run time; they multiply the image size and the vulnerability count, and give an attacker tools to build exploits inside the container.",
  fix: [
    "Build in one stage, copy only the result into a minimal runtime stage.",
    "",
    "```dockerfile",
    "# before",
    "FROM golang:1.22",
    "COPY . .",
    "RUN go build -o /app .",
    'CMD ["/app"]',
    "",
    "# after",
    "FROM golang:1.22 AS build",
    "COPY . .",
    "RUN CGO_ENABLED=0 go build -o /app .",
    "FROM gcr.io/distroless/static-debian12:nonroot",
    "COPY --from=build /app /app",
    'CMD ["/app"]',
    "```"
  ].join("\n"),
  tags: ["security", "dockerfile", "multistage", "attack-surface"],
  hint: "split the Dockerfile into a build stage and a minimal runtime stage",
  check({ df, report }) {
    const stage = finalStage(df);
    if (df.stages.some((s) => s.copiedFrom)) return;
    if (df.stages.length > 1 && stage.baseStage === void 0) return;
    const base = rootImage(df, stage);
    const evidence = [];
    if (!base.unresolved && isToolchainImage(base))
      evidence.push(`the ${familiarName(base)} toolchain image`);
    const cleaned = new Set(
      commands(stage).filter(({ cmd }) => REMOVES[cmd.base]?.includes(subcommand(cmd) ?? "") ?? false).map(({ inst }) => inst)
    );
    for (const { inst, cmd } of commands(stage)) {
      if (cleaned.has(inst)) continue;
      const sub = subcommand(cmd);
      if (["apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper"].includes(cmd.base) && (sub === "install" || sub === "add")) {
        const pkgs = operands(cmd).slice(1).map((w) => w.value).filter((p) => BUILD_PACKAGES.test(p));
        if (pkgs.length) evidence.push(`build packages (${pkgs.slice(0, 3).join(", ")})`);
      }
      const b = BUILD_COMMANDS[cmd.base];
      if (b === true || b && sub && b.includes(sub))
        evidence.push(`\`${cmd.base}${b === true ? "" : ` ${sub}`}\``);
      if (["npm", "yarn", "pnpm"].includes(cmd.base) && (sub === "run" || sub === "build")) {
        const script = operands(cmd)[sub === "run" ? 1 : 0]?.value ?? sub;
        if (/build|compile/.test(script))
          evidence.push(`\`${cmd.base} ${sub === "run" ? `run ${script}` : sub}\``);
      }
    }
    if (evidence.length === 0) return;
    const uniq = [...new Set(evidence)];
    report({
      at: stage.from,
      span: stage.imageSpan,
      message: `Single-stage build ships its build tools in the final image: ${uniq.slice(0, 3).join("; ")}.`
    });
  }
});
var baseImageRules = [singleStageBuildTools, minimalBase, digestPin, latestTag, allowedRegistry];

// src/dockerfile/rules/copy.ts
var ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tar\.lz|tar\.lzma|gz|bz2|xz)$/i;
var URL = /^(https?|ftp):\/\/|^git@|\.git(#.*)?$/i;
function sources(inst) {
  const ops = operands(inst);
  return ops.slice(0, -1).filter((w) => !w.value.startsWith("<<"));
}
var addForCopy = defineRule({
  id: "SG-DF-008",
  title: "ADD used where COPY fits",
  severity: "low",
  description: "ADD of local files or directories that are not archives to extract.",
  rationale: "ADD also downloads URLs and unpacks archives; using it for plain files hides that magic and may extract a file you meant to copy. COPY does exactly one thing.",
  fix: "```dockerfile\n# before\nADD app/ /app/\n# after\nCOPY app/ /app/\n```",
  tags: ["security", "dockerfile", "best-practice"],
  equivalents: { hadolint: ["DL3020"], checkov: ["CKV_DOCKER_4"] },
  related: {
    checks: { trivy: ["DS-0005", "AVD-DS-0005"], dockle: ["CIS-DI-0009"] },
    differs: "Trivy DS005 also flags ADD of a URL, even with `--checksum`, where ADD is the way to verify a download (SG-DF-009 reports a remote ADD without a checksum), and it reads the `file:<digest> in <dest>` form of image history as an ADD; dockle CIS-DI-0009 flags every ADD of the image history but the first, archives that ADD unpacks and URLs included"
  },
  hint: "use COPY",
  check({ df, report }) {
    for (const i of df.instructions) {
      if (i.keyword !== "ADD") continue;
      const src = sources(i);
      if (src.length === 0 || src.some((w) => URL.test(w.value) || ARCHIVE.test(w.value) || w.value.includes("$")))
        continue;
      report({
        at: i,
        span: i.keywordSpan,
        message: `ADD ${src.map((w) => w.value).join(" ")} copies local files; use COPY.`,
        fix: "replace ADD with COPY"
      });
    }
  }
});
var addUrl = defineRule({
  id: "SG-DF-009",
  title: "ADD of a remote URL without --checksum",
  severity: "medium",
  description: "ADD downloads a URL (or git repository) without `--checksum` (or a pinned commit for git).",
  rationale: "The build trusts whatever the server returns; a changed or hijacked download goes into the image unnoticed. `ADD --checksum=sha256:\u2026` fails the build when the content changes.",
  fix: "```dockerfile\n# before\nADD https://example.com/tool-1.2.3.tar.gz /tmp/\n# after\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \\\n    https://example.com/tool-1.2.3.tar.gz /tmp/\n```",
  tags: ["security", "dockerfile", "supply-chain"],
  hint: "add `--checksum=sha256:<digest>`",
  check({ df, report }) {
    for (const i of df.instructions) {
      if (i.keyword !== "ADD" || i.flags.some((f) => f.name === "checksum")) continue;
      for (const w of sources(i)) {
        if (!URL.test(w.value)) continue;
        const git = /^git@|\.git(#.*)?$/.test(w.value);
        if (git && /#[0-9a-f]{40}$/.test(w.value)) continue;
        report({
          at: i,
          span: w.span,
          key: w.value,
          message: `ADD ${w.value} downloads ${git ? "a git repository" : "a file"} without verifying a checksum.`,
          fix: git ? "pin a commit: `ADD <repo>.git#<commit sha>`" : "add `--checksum=sha256:<digest>` (or download with curl and verify with sha256sum)"
        });
      }
    }
  }
});
function isDependencyInstall(c) {
  const sub = subcommand(c);
  switch (c.base) {
    case "npm":
      return ["ci", "install", "i"].includes(sub ?? "");
    case "yarn":
      return sub === void 0 || sub === "install";
    case "pnpm":
      return sub === "install" || sub === "i";
    case "pip":
    case "pip3":
      return sub === "install" && c.args.some((a) => ["-r", "--requirement", ".", "-e"].includes(a.value));
    case "poetry":
    case "pipenv":
    case "bundle":
    case "composer":
      return sub === "install";
    case "go":
      return sub === "mod" && c.args.some((a) => a.value === "download");
    case "mvn":
    case "mvnw":
      return c.args.some((a) => /^(dependency:|package|install|verify)/.test(a.value));
    case "gradle":
    case "gradlew":
      return true;
    case "cargo":
      return sub === "fetch" || sub === "build";
    default:
      return false;
  }
}
var copyAllFirst = defineRule({
  id: "SG-DF-031",
  title: "Whole build context copied before installing dependencies",
  severity: "low",
  description: "`COPY . .` (the whole context) comes before the dependency install (`npm ci`, `pip install -r`, `go mod download`, `mvn \u2026`) in the same stage.",
  rationale: "Any source change invalidates the layer cache from the COPY on, so every build re-downloads all dependencies: slow builds, and more exposure to registry outages and changed packages.",
  fix: "```dockerfile\n# before\nCOPY . .\nRUN npm ci\n# after\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n```",
  tags: ["dockerfile", "best-practice", "cache"],
  hint: "copy only the dependency manifests, install, then copy the rest",
  check({ df, report }) {
    for (const stage of df.stages) {
      const copyAll = stage.instructions.find(
        (i) => i.keyword === "COPY" && !i.flags.some((f) => f.name === "from") && sources(i).some((w) => /^\.\/?$|^\*$/.test(w.value))
      );
      if (!copyAll) continue;
      const after = commands(stage).find(
        ({ inst, cmd }) => !inst.onbuild && inst.span.line > copyAll.span.line && isDependencyInstall(cmd)
      );
      if (!after) continue;
      report({
        at: copyAll,
        message: `${copyAll.normalized} comes before \`${after.cmd.text}\` (line ${after.inst.span.line}), so any source change re-installs all dependencies.`
      });
    }
  }
});
var SENSITIVE = [
  /(^|\/)\.git\/?$/,
  /(^|\/)\.env(\.(?!example|sample|template|dist)[^/]*)?$/,
  /(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/,
  /\.(p12|pfx|jks|keystore|kdbx|ppk)$/i,
  /(^|\/)[^/]*(private|priv|secret|key)[^/]*\.(pem|key)$/i,
  /(^|\/)(?![^/]*(pub|gpg|asc|ca|cert|bundle|dhparam|ffdhe|jenkins|release|signing|archive|repo))[^/]*\.key$/i,
  /(^|\/)\.(npmrc|pypirc|netrc|git-credentials|htpasswd)$/,
  /(^|\/)\.(aws|ssh|gnupg|kube)(\/|$)/,
  /(^|\/)\.docker\/config\.json$/,
  /(^|\/)credentials(\.json)?$/,
  /(^|\/)[^/]*service[-_]?account[^/]*\.json$/i,
  /(^|\/)terraform\.tfstate$/
];
function sensitivePath(p) {
  const v = p.replace(/\/+$/, "").replace(/^\.\//, "");
  return SENSITIVE.some((re) => re.test(v) || re.test(`${v}/`));
}
var sensitiveCopy = defineRule({
  id: "SG-DF-032",
  title: "Secrets or repository metadata copied into the image",
  severity: "high",
  description: "COPY/ADD names a credential or metadata file: `.git`, `.env`, private keys (`id_rsa`, `*.key`, `*key*.pem`, `*private*.pem`, `*.p12`, `*.jks`), `.npmrc`, `.pypirc`, `.netrc`, `.aws/`, `.ssh/`, `.docker/config.json`, `credentials.json`; or copies to where a credentials-file variable points (`$AWS_CONFIG_FILE`, `$AWS_SHARED_CREDENTIALS_FILE`, `$GOOGLE_APPLICATION_CREDENTIALS`, `$HF_TOKEN_PATH`).",
  rationale: "Everything copied stays in a layer even if deleted later; anyone who can pull the image can read it. `.git` also leaks history and often tokens in remote URLs.",
  fix: "```dockerfile\n# before\nCOPY .env id_rsa /app/\n# after: pass secrets at build time only\nRUN --mount=type=secret,id=dotenv,target=/app/.env ./configure\n# and list them in .dockerignore\n```",
  tags: ["security", "dockerfile", "secrets"],
  related: {
    checks: { trivy: ["DS-0031", "AVD-DS-0031"] },
    differs: "Trivy DS031 looks for a short list of secret file names; SG-DF-032 also reports repository metadata (`.git`), private keys by pattern and files copied to where a credentials-file variable points"
  },
  hint: "do not copy secrets; use a secret mount and .dockerignore",
  check({ df, report }) {
    for (const i of df.instructions) {
      if (i.keyword !== "COPY" && i.keyword !== "ADD") continue;
      for (const w of sources(i))
        if (sensitivePath(w.value))
          report({
            at: i,
            span: w.span,
            key: w.value,
            message: `${i.keyword} ${w.value} puts a secret or repository metadata into the image.`
          });
      const dest = operands(i).at(-1);
      const variable = dest && CREDENTIAL_FILE_VARS.exec(dest.value)?.[1];
      if (dest && variable && !i.flags.some((f) => f.name === "from"))
        report({
          at: i,
          span: dest.span,
          key: dest.value,
          message: `${i.keyword} to ${dest.value} puts a credentials file (where ${variable} points) into the image.`
        });
    }
  }
});
var CREDENTIAL_FILE_VARS = /^\$\{?(AWS_CONFIG_FILE|AWS_SHARED_CREDENTIALS_FILE|GOOGLE_APPLICATION_CREDENTIALS|HF_TOKEN_PATH)\}?$/;
function fromRefs(inst) {
  const out = [];
  for (const f of inst.flags) {
    if (f.name === "from" && f.value) out.push({ ref: f.value, span: f.span });
    if (f.name === "mount" && f.value) {
      const m = /(?:^|,)from=([^,]+)/.exec(f.value);
      if (m?.[1]) out.push({ ref: m[1], span: f.span });
    }
  }
  return out;
}
var copyFrom = defineRule({
  id: "SG-DF-038",
  title: "COPY --from an unknown stage or the current stage",
  severity: "high",
  description: "`COPY --from=<name>` (or `RUN --mount=from=`) names no earlier stage and does not look like an image reference, or names the stage it is in.",
  rationale: "An unknown name is pulled from Docker Hub as an image \u2014 a typo becomes a typosquatting risk. Copying from the current stage fails the build.",
  fix: "```dockerfile\n# before\nFROM golang:1.22 AS build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=buld /out/app /app\n# after\nCOPY --from=build /out/app /app\n```",
  tags: ["security", "dockerfile", "multistage", "correctness"],
  equivalents: { hadolint: ["DL3022", "DL3023"], trivy: ["DS-0006", "AVD-DS-0006"] },
  hint: "reference an earlier stage by name (or a full image reference)",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const inst of stage.instructions)
        for (const { ref, span } of fromRefs(inst)) {
          if (ref.includes("$")) continue;
          const target = stageFor(df, ref);
          if (target && target.index === stage.index)
            report({
              at: inst,
              span,
              key: ref,
              message: `${inst.keyword} --from=${ref} refers to the stage it is in.`,
              properties: { equivalents: ["DL3023", "DS-0006"] }
            });
          else if (target && target.index > stage.index)
            report({
              at: inst,
              span,
              key: ref,
              message: `${inst.keyword} --from=${ref} refers to a later stage (line ${target.from.span.line}).`,
              properties: { equivalents: ["DL3022"] }
            });
          else if (!target && /^\d+$/.test(ref))
            report({
              at: inst,
              span,
              key: ref,
              message: `${inst.keyword} --from=${ref}: there is no stage ${ref}.`,
              properties: { equivalents: ["DL3022"] }
            });
          else if (!target && !/[/:@.]/.test(ref))
            report({
              at: inst,
              span,
              key: ref,
              message: `${inst.keyword} --from=${ref} names no stage; unless a --build-context of that name is passed, Docker pulls an image called "${ref}" from Docker Hub.`,
              properties: { equivalents: ["DL3022"] }
            });
        }
  }
});
var duplicateStage = defineRule({
  id: "SG-DF-039",
  title: "Duplicate stage name",
  severity: "high",
  description: "Two FROM instructions use the same `AS` name (case-insensitive).",
  rationale: "COPY --from and --target pick one of them; BuildKit rejects the file.",
  fix: "```dockerfile\n# before\nFROM node:20 AS build\nFROM golang:1.22 AS build\n# after\nFROM node:20 AS web-build\nFROM golang:1.22 AS api-build\n```",
  tags: ["dockerfile", "multistage", "correctness"],
  equivalents: {
    hadolint: ["DL3024"],
    trivy: ["DS-0012", "AVD-DS-0012"],
    buildkit: ["DuplicateStageName"],
    checkov: ["CKV_DOCKER_11"]
  },
  hint: "give each stage a unique name",
  check({ df, report }) {
    const seen = /* @__PURE__ */ new Map();
    for (const s of df.stages) {
      if (!s.name) continue;
      const prev = seen.get(s.name.toLowerCase());
      if (prev)
        report({
          at: s.from,
          span: s.nameSpan,
          message: `Stage name "${s.name}" is already used on line ${prev.from.span.line}.`
        });
      else seen.set(s.name.toLowerCase(), s);
    }
  }
});
var copyDest = defineRule({
  id: "SG-DF-055",
  title: "COPY of several sources to a destination without trailing slash",
  severity: "medium",
  description: "COPY/ADD with more than one source whose destination does not end with `/`.",
  rationale: "Docker requires a directory destination for several sources and fails the build.",
  fix: "```dockerfile\n# before\nCOPY package.json package-lock.json /app\n# after\nCOPY package.json package-lock.json /app/\n```",
  tags: ["dockerfile", "correctness"],
  equivalents: { hadolint: ["DL3021"] },
  related: {
    checks: { trivy: ["DS-0011", "AVD-DS-0011"] },
    differs: "Trivy DS011 wants the destination of a COPY with several sources to end in `/`, where BuildKit also accepts `.`, and reads the `file:<digest> in <dest>` form of image history as a COPY with several sources"
  },
  hint: "end the destination with `/`",
  check({ df, report }) {
    for (const i of df.instructions) {
      if (i.keyword !== "COPY" && i.keyword !== "ADD" || i.heredocs.length) continue;
      const ops = operands(i);
      const dest = ops.at(-1)?.value ?? "";
      if (ops.length > 2 && !dest.endsWith("/") && !dest.endsWith("/.") && dest !== "." && !dest.includes("$"))
        report({
          at: i,
          message: `${i.keyword} has ${ops.length - 1} sources but the destination ${dest} does not end with "/".`,
          fix: `use \`${dest}/\``
        });
    }
  }
});
var reservedName = defineRule({
  id: "SG-DF-058",
  title: "Reserved stage name",
  severity: "medium",
  description: "A stage named `scratch` or `context`.",
  rationale: "`scratch` is the empty image and `context` is reserved for build contexts; stages with these names are ambiguous and rejected by BuildKit.",
  fix: "```dockerfile\n# before\nFROM alpine:3.20 AS scratch\n# after\nFROM alpine:3.20 AS base\n```",
  tags: ["dockerfile", "correctness"],
  equivalents: { hadolint: ["DL3063"], buildkit: ["ReservedStageName"] },
  hint: "rename the stage",
  check({ df, report }) {
    for (const s of df.stages)
      if (s.name && ["scratch", "context"].includes(s.name.toLowerCase()))
        report({ at: s.from, span: s.nameSpan, message: `Stage name "${s.name}" is reserved.` });
  }
});
function absolutePath(p) {
  return p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith("$");
}
var relativeDest = defineRule({
  id: "SG-DF-061",
  title: "COPY to a relative destination without WORKDIR",
  severity: "low",
  description: "COPY/ADD to a relative destination in a stage where no WORKDIR was set (in it or in the stages it builds on).",
  rationale: "The files land relative to whatever working directory the base image happens to set (often `/`); a base image update moves them.",
  fix: "```dockerfile\n# before\nCOPY app.jar app.jar\n# after\nWORKDIR /app\nCOPY app.jar app.jar\n```",
  tags: ["dockerfile", "best-practice"],
  equivalents: { hadolint: ["DL3045"] },
  hint: "set a WORKDIR first, or use an absolute destination",
  check({ df, report }) {
    for (const stage of df.stages) {
      let workdir2 = stageChain(df, stage).slice(1).some((s) => s.instructions.some((i) => i.keyword === "WORKDIR"));
      for (const inst of stage.instructions) {
        if (inst.keyword === "WORKDIR") workdir2 = true;
        if (inst.keyword !== "COPY" && inst.keyword !== "ADD" || workdir2) continue;
        const dest = operands(inst).at(-1);
        if (!dest || operands(inst).length < 2 || absolutePath(dest.value) || absolutePath(dest.raw.replace(/^["']|["']$/g, "")))
          continue;
        report({
          at: inst,
          span: dest.span,
          message: `${inst.keyword} to ${dest.value} is relative, and no WORKDIR is set.`
        });
      }
    }
  }
});
var copyWholeStage = defineRule({
  id: "SG-DF-064",
  title: "Entire filesystem copied from another stage",
  severity: "medium",
  description: "`COPY --from=<stage> / /`: the whole root filesystem of another stage is copied over the current one.",
  rationale: "It defeats the multi-stage build: compilers, caches and secrets of the build stage all land in the final image, overwriting its files.",
  fix: "```dockerfile\n# before\nCOPY --from=build / /\n# after\nCOPY --from=build /out/app /usr/local/bin/app\n```",
  tags: ["security", "dockerfile", "multistage", "attack-surface"],
  related: {
    checks: { hadolint: ["DL3067"] },
    differs: "hadolint DL3067 flags `COPY --from=<x> / /` whatever `<x>` names; SG-DF-064 only when it names a stage of the Dockerfile, since images made to be copied whole (e.g. tonistiigi/xx) are the common case for an image"
  },
  hint: "copy only the build output",
  check({ df, report }) {
    for (const inst of df.instructions) {
      const from = inst.flags.find((f) => f.name === "from")?.value;
      if (inst.keyword !== "COPY" || !from) continue;
      const source = stageFor(df, from);
      const root = source ? rootImage(df, source) : void 0;
      if (!source || !root || root.scratch || root.unresolved || source.instructions.length === 1) continue;
      const ops = operands(inst).map((w) => w.value);
      if (ops.length === 2 && /^\/+\.?$/.test(ops[0]) && /^\/+\.?$/.test(ops[1]))
        report({
          at: inst,
          message: `COPY --from=${from} ${ops.join(" ")} copies the entire filesystem of stage ${source.name ?? source.index}.`
        });
    }
  }
});
var copyRules = [
  addForCopy,
  addUrl,
  copyAllFirst,
  sensitiveCopy,
  copyFrom,
  duplicateStage,
  copyDest,
  reservedName,
  relativeDest,
  copyWholeStage
];

// src/dockerfile/rules/instructions.ts
function portIssue(spec) {
  if (spec.includes("$")) return void 0;
  const m = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(spec);
  if (!m) return `"${spec}" is not a port, port range or port/protocol`;
  const a = Number(m[1]);
  const b = m[2] !== void 0 ? Number(m[2]) : a;
  if (a > 65535 || b > 65535) return `port ${a > 65535 ? a : b} is outside 0-65535`;
  if (b < a) return `range ${spec} ends before it starts`;
  if (m[3] && !/^(tcp|udp|sctp)$/i.test(m[3])) return `unknown protocol "${m[3]}"`;
  return void 0;
}
function exposed(inst) {
  return inst.args.map((w) => ({ spec: w.value, span: w.span }));
}
var expose22 = defineRule({
  id: "SG-DF-029",
  title: "SSH port 22 exposed",
  severity: "medium",
  description: "`EXPOSE 22` (or a range containing it).",
  rationale: "Running sshd in a container adds a daemon, keys and a login surface; use `docker exec`/`kubectl exec` to get a shell.",
  fix: "```dockerfile\n# before\nEXPOSE 22 8080\n# after\nEXPOSE 8080\n```",
  tags: ["security", "dockerfile", "attack-surface"],
  equivalents: { trivy: ["DS-0004", "AVD-DS-0004"], checkov: ["CKV_DOCKER_1"] },
  hint: "remove port 22 and the SSH server",
  check({ df, report }) {
    for (const inst of df.instructions) {
      if (inst.keyword !== "EXPOSE") continue;
      for (const p of exposed(inst)) {
        const m = /^(\d+)(?:-(\d+))?(?:\/(tcp))?$/i.exec(p.spec);
        if (m && Number(m[1]) <= 22 && 22 <= Number(m[2] ?? m[1]))
          report({ at: inst, span: p.span, key: p.spec, message: `EXPOSE ${p.spec} exposes SSH.` });
      }
    }
  }
});
var badPort = defineRule({
  id: "SG-DF-030",
  title: "Invalid EXPOSE port",
  severity: "high",
  description: "An EXPOSE value that is not a port (0-65535), a range `from-to`, optionally with `/tcp`, `/udp` or `/sctp`; host mappings like `80:80` are not allowed.",
  rationale: "Docker rejects the build or silently publishes something else than intended.",
  fix: "```dockerfile\n# before\nEXPOSE 80:80 70000\n# after\nEXPOSE 80\n```",
  tags: ["dockerfile", "correctness"],
  equivalents: { hadolint: ["DL3011"], trivy: ["DS-0008", "AVD-DS-0008"], buildkit: ["ExposeInvalidFormat"] },
  hint: "use `EXPOSE <port>[/<protocol>]` with a port in 0-65535",
  check({ df, report }) {
    for (const inst of df.instructions) {
      if (inst.keyword !== "EXPOSE") continue;
      for (const p of exposed(inst)) {
        const issue = portIssue(p.spec);
        if (issue) report({ at: inst, span: p.span, key: p.spec, message: `EXPOSE ${p.spec}: ${issue}.` });
      }
    }
  }
});
var healthcheck = defineRule({
  id: "SG-DF-033",
  title: "No HEALTHCHECK in the final stage",
  severity: "low",
  description: "The final image defines no HEALTHCHECK (not even `HEALTHCHECK NONE`). Images on scratch, distroless and other minimal bases without a shell are not flagged: they have no tool to run a check with, and orchestrator probes are the way there.",
  rationale: "Without a health check Docker and Swarm report a hung application as running and never restart it.",
  fix: '```dockerfile\n# before\nCMD ["node", "server.js"]\n# after\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n```\nOn Kubernetes, liveness/readiness probes take this role; add `HEALTHCHECK NONE` to state that.',
  tags: ["dockerfile", "best-practice", "reliability"],
  equivalents: {
    checkov: ["CKV_DOCKER_2"],
    dockle: ["CIS-DI-0006"]
  },
  related: {
    checks: { hadolint: ["DL3057"], trivy: ["DS-0026", "AVD-DS-0026"] },
    differs: "hadolint DL3057 and Trivy DS026 ask every Dockerfile for a HEALTHCHECK; SG-DF-033 does not ask it of images on scratch, distroless or other bases without a shell, and leaves a base named by a variable alone"
  },
  hint: "add a HEALTHCHECK (or `HEALTHCHECK NONE` when the orchestrator probes)",
  check({ df, report }) {
    const stage = finalStage(df);
    if (inheritedInstructions(df, stage).some((i) => i.keyword === "HEALTHCHECK")) return;
    const base = rootImage(df, stage);
    if (base.unresolved) return;
    if (base.scratch || isMinimalBase(base) && !/alpine|slim|busybox|ubi|minimal|micro/.test(`${base.repository}:${base.tag ?? ""}`))
      return;
    report({
      at: stage.from,
      span: stage.imageSpan,
      message: "The final image has no HEALTHCHECK, so a hung process is reported as healthy."
    });
  }
});
var DUPLICATE_EQUIVALENTS = {
  CMD: ["DL4003", "DS-0016"],
  ENTRYPOINT: ["DL4004", "DS-0007"],
  HEALTHCHECK: ["DL3012", "DS-0023"]
};
var multiple = defineRule({
  id: "SG-DF-034",
  title: "Multiple CMD, ENTRYPOINT or HEALTHCHECK in one stage",
  severity: "medium",
  description: "A stage has more than one CMD, ENTRYPOINT or HEALTHCHECK; only the last one takes effect.",
  rationale: "The earlier ones are dead code that misleads readers about how the container starts or is checked.",
  fix: '```dockerfile\n# before\nCMD ["nginx"]\nCMD ["nginx", "-g", "daemon off;"]\n# after\nCMD ["nginx", "-g", "daemon off;"]\n```',
  tags: ["dockerfile", "correctness"],
  equivalents: {
    hadolint: ["DL4003", "DL4004", "DL3012"],
    trivy: ["DS-0007", "DS-0016", "DS-0023", "AVD-DS-0007", "AVD-DS-0016", "AVD-DS-0023"],
    buildkit: ["MultipleInstructionsDisallowed"]
  },
  hint: "keep only the last one",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const [kw, equivalents] of Object.entries(DUPLICATE_EQUIVALENTS)) {
        const list = stage.instructions.filter((i) => i.keyword === kw);
        const last = list.at(-1);
        for (const i of list.slice(0, -1))
          report({
            at: i,
            properties: { equivalents },
            message: `${kw} here is overridden by the ${kw} on line ${last?.span.line}; only the last one takes effect.`
          });
      }
  }
});
var shellForm = defineRule({
  id: "SG-DF-035",
  title: "Shell form CMD, ENTRYPOINT or HEALTHCHECK CMD",
  severity: "low",
  description: "CMD, ENTRYPOINT or the command of HEALTHCHECK written in shell form (`CMD node server.js`) instead of JSON exec form.",
  rationale: "In shell form the process runs under `/bin/sh -c`: it is not PID 1, does not receive SIGTERM, and the container takes the full stop timeout to shut down (then gets killed). It also needs a shell in the image: a shell-form health check on an image without one always fails.",
  fix: '```dockerfile\n# before\nCMD node server.js\n# after\nCMD ["node", "server.js"]\n```',
  tags: ["dockerfile", "best-practice", "reliability"],
  equivalents: { hadolint: ["DL3025"], buildkit: ["JSONArgsRecommended"] },
  hint: 'use the JSON form: `CMD ["executable", "arg"]`',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const i of stage.instructions)
        if ((i.keyword === "CMD" || i.keyword === "ENTRYPOINT") && !i.json && i.argsText !== "") {
          const words = i.argsText.split(/\s+/).map((w) => JSON.stringify(w)).join(", ");
          report({
            at: i,
            message: `${i.keyword} in shell form runs under /bin/sh -c and does not receive stop signals.`,
            fix: `use \`${i.keyword} [${words}]\``
          });
        } else if (i.keyword === "HEALTHCHECK") {
          const cmd = /(?:^|\s)CMD\s+(.*)$/is.exec(i.argsText)?.[1]?.trim();
          if (cmd && !cmd.startsWith("["))
            report({
              at: i,
              message: "HEALTHCHECK CMD in shell form runs under /bin/sh -c and fails on an image without a shell.",
              fix: `use \`HEALTHCHECK CMD [${cmd.split(/\s+/).map((w) => JSON.stringify(w)).join(", ")}]\``
            });
        }
  }
});
var workdir = defineRule({
  id: "SG-DF-036",
  title: "Relative WORKDIR",
  severity: "medium",
  description: "WORKDIR with a relative path.",
  rationale: "A relative WORKDIR depends on the previous WORKDIR (possibly set by the base image) and breaks silently when that changes.",
  fix: "```dockerfile\n# before\nWORKDIR app\n# after\nWORKDIR /app\n```",
  tags: ["dockerfile", "best-practice"],
  equivalents: {
    hadolint: ["DL3000"],
    trivy: ["DS-0009", "AVD-DS-0009"],
    buildkit: ["WorkdirRelativePath"],
    checkov: ["CKV_DOCKER_10"]
  },
  hint: "use an absolute path",
  check({ df, report }) {
    for (const i of df.instructions) {
      if (i.keyword !== "WORKDIR") continue;
      const p = (i.args[0]?.value ?? "").replace(/^["']|["']$/g, "");
      if (p === "" || p.startsWith("/") || p.startsWith("$") || /^[A-Za-z]:([\\/]|$)/.test(p) || p.startsWith("\\"))
        continue;
      report({ at: i, message: `WORKDIR ${p} is relative.`, fix: `use \`WORKDIR /${p}\`` });
    }
  }
});
var maintainer = defineRule({
  id: "SG-DF-040",
  title: "MAINTAINER is deprecated",
  severity: "low",
  description: "The MAINTAINER instruction.",
  rationale: "MAINTAINER has been deprecated since Docker 1.13; tools read the `org.opencontainers.image.authors` label.",
  fix: '```dockerfile\n# before\nMAINTAINER Jane <jane@example.com>\n# after\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n```',
  tags: ["dockerfile", "deprecated"],
  equivalents: {
    hadolint: ["DL4000"],
    trivy: ["DS-0022", "AVD-DS-0022"],
    buildkit: ["MaintainerDeprecated"],
    checkov: ["CKV_DOCKER_6"]
  },
  hint: "use `LABEL org.opencontainers.image.authors=...`",
  check({ df, report }) {
    for (const i of df.instructions)
      if (i.keyword === "MAINTAINER")
        report({
          at: i,
          message: "MAINTAINER is deprecated.",
          fix: `use \`LABEL org.opencontainers.image.authors=${JSON.stringify(i.argsText)}\``
        });
  }
});
function isUpper(s) {
  return s === s.toUpperCase();
}
var fromCasing = defineRule({
  id: "SG-DF-047",
  title: "Stage name or AS keyword casing",
  severity: "info",
  description: "A stage name with upper-case letters, or `AS` cased differently from `FROM` (`FROM x as y`).",
  rationale: "Stage names are matched case-insensitively but BuildKit warns about them; consistent casing keeps `--target` and `COPY --from` readable.",
  fix: "```dockerfile\n# before\nFROM golang:1.22 as Builder\n# after\nFROM golang:1.22 AS builder\n```",
  tags: ["dockerfile", "style"],
  equivalents: { buildkit: ["FromAsCasing", "StageNameCasing"] },
  hint: "write `AS` like `FROM` and use a lower-case stage name",
  check({ df, report }) {
    for (const s of df.stages) {
      if (!s.name || !s.asKeyword) continue;
      if (isUpper(s.from.rawKeyword) !== isUpper(s.asKeyword))
        report({
          at: s.from,
          key: "as",
          message: `"${s.asKeyword}" is cased differently from "${s.from.rawKeyword}".`,
          fix: `write \`${isUpper(s.from.rawKeyword) ? "AS" : "as"}\``
        });
      if (s.name !== s.name.toLowerCase())
        report({
          at: s.from,
          span: s.nameSpan,
          key: "name",
          message: `Stage name "${s.name}" should be lower case.`,
          fix: `rename the stage to "${s.name.toLowerCase()}"`
        });
    }
  }
});
var casing = defineRule({
  id: "SG-DF-048",
  title: "Inconsistent instruction casing",
  severity: "info",
  description: "Instruction keywords are not written in one consistent case (all upper or all lower).",
  rationale: "Mixed casing makes Dockerfiles harder to read and grep; BuildKit warns about it.",
  fix: "```dockerfile\n# before\nFROM alpine:3.20\nrun echo hi\n# after\nFROM alpine:3.20\nRUN echo hi\n```",
  tags: ["dockerfile", "style"],
  equivalents: { buildkit: ["ConsistentInstructionCasing"] },
  hint: "write instruction keywords in upper case",
  check({ df, report }) {
    const all = df.instructions;
    const upper = all.filter((i) => i.rawKeyword === i.rawKeyword.toUpperCase()).length;
    const lower = all.filter((i) => i.rawKeyword === i.rawKeyword.toLowerCase()).length;
    const wantUpper = upper >= lower;
    for (const i of all) {
      const ok = wantUpper ? i.rawKeyword === i.rawKeyword.toUpperCase() : i.rawKeyword === i.rawKeyword.toLowerCase();
      if (!ok)
        report({
          at: i,
          span: i.keywordSpan,
          message: `"${i.rawKeyword}" is not ${wantUpper ? "upper" : "lower"} case like the other instructions.`,
          fix: `write \`${wantUpper ? i.keyword : i.keyword.toLowerCase()}\``
        });
    }
  }
});
var sourceLabel = defineRule({
  id: "SG-DF-049",
  title: "No source label on the image",
  severity: "info",
  description: "The final image has no `org.opencontainers.image.source` LABEL.",
  rationale: "The source label links an image to its repository: registries (GHCR) show it, Renovate and scanners use it to find changelogs and owners, and incident responders find the code.",
  fix: '```dockerfile\nLABEL org.opencontainers.image.source="https://github.com/org/app"\n```\n(`docker/metadata-action` adds it at build time, which also satisfies the intent.)',
  tags: ["dockerfile", "best-practice", "provenance"],
  related: {
    checks: { hadolint: ["DL3049"] },
    differs: "hadolint asks for the labels its `label-schema` setting names and nothing without one; SG-DF-049 always asks for the source label"
  },
  hint: "add `LABEL org.opencontainers.image.source=<repository URL>`",
  check({ df, report }) {
    const stage = finalStage(df);
    const labels = inheritedInstructions(df, stage).filter((i) => i.keyword === "LABEL").flatMap((i) => keyValues(i).map((kv) => kv.key.replace(/^["']|["']$/g, "")));
    if (labels.includes("org.opencontainers.image.source")) return;
    report({
      at: stage.from,
      span: stage.imageSpan,
      message: "The final image has no org.opencontainers.image.source label."
    });
  }
});
var SIGNALS = /^(SIG)?(HUP|INT|QUIT|ILL|TRAP|ABRT|IOT|BUS|FPE|KILL|USR1|SEGV|USR2|PIPE|ALRM|TERM|STKFLT|CHLD|CONT|STOP|TSTP|TTIN|TTOU|URG|XCPU|XFSZ|VTALRM|PROF|WINCH|IO|POLL|PWR|SYS|RTMIN(\+\d+)?|RTMAX(-\d+)?)$/i;
var misuse = defineRule({
  id: "SG-DF-050",
  title: "Invalid ONBUILD trigger or STOPSIGNAL",
  severity: "medium",
  description: "`ONBUILD ONBUILD`, `ONBUILD FROM` or `ONBUILD MAINTAINER` (not allowed), or a STOPSIGNAL that is not a signal name or number.",
  rationale: "These fail the downstream build (ONBUILD) or make `docker stop` fall back to SIGKILL after the timeout (bad STOPSIGNAL).",
  fix: "```dockerfile\n# before\nONBUILD FROM alpine:3.20\nSTOPSIGNAL TERMINATE\n# after\nSTOPSIGNAL SIGTERM\n```",
  tags: ["dockerfile", "correctness"],
  equivalents: { hadolint: ["DL3043"] },
  hint: "remove the invalid ONBUILD trigger; use a signal like SIGTERM",
  check({ df, report }) {
    for (const i of df.instructions) {
      if (i.keyword === "ONBUILD" && i.trigger && ["ONBUILD", "FROM", "MAINTAINER"].includes(i.trigger.keyword))
        report({ at: i, message: `ONBUILD ${i.trigger.keyword} is not allowed.` });
      if (i.keyword === "STOPSIGNAL") {
        const v = i.args[0]?.value ?? "";
        if (v.includes("$")) continue;
        const ok = /^\d+$/.test(v) ? Number(v) >= 1 && Number(v) <= 64 : SIGNALS.test(v);
        if (!ok)
          report({
            at: i,
            message: `STOPSIGNAL ${v} is not a valid signal.`,
            fix: "use a signal name like SIGTERM or SIGQUIT"
          });
      }
    }
  }
});
var platform = defineRule({
  id: "SG-DF-054",
  title: "FROM --platform with a constant or redundant value",
  severity: "info",
  description: "`FROM --platform=linux/amd64` (a constant) or `--platform=$TARGETPLATFORM` (the default anyway). `$BUILDPLATFORM` for cross-compiling build stages is fine.",
  rationale: "A hard-coded platform breaks multi-platform builds and forces emulation on other machines.",
  fix: "```dockerfile\n# before\nFROM --platform=linux/amd64 golang:1.22 AS build\n# after\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\n```",
  tags: ["dockerfile", "portability"],
  equivalents: {
    hadolint: ["DL3029", "DL3065"],
    buildkit: ["FromPlatformFlagConstDisallowed", "RedundantTargetPlatform"]
  },
  hint: "drop --platform, or use `--platform=$BUILDPLATFORM` for build stages",
  check({ df, report }) {
    for (const s of df.stages) {
      const f = s.from.flags.find((x) => x.name === "platform");
      if (!f?.value) continue;
      if (/^\$\{?TARGETPLATFORM\}?$/.test(f.value))
        report({
          at: s.from,
          span: f.span,
          message: "--platform=$TARGETPLATFORM is the default and can be dropped.",
          properties: { equivalents: ["DL3065"] }
        });
      else if (!f.value.includes("$"))
        report({
          at: s.from,
          span: f.span,
          message: `--platform=${f.value} hard-codes the platform.`,
          properties: { equivalents: ["DL3029"] }
        });
    }
  }
});
var legacyEnv = defineRule({
  id: "SG-DF-056",
  title: 'Legacy ENV/LABEL "key value" format',
  severity: "info",
  description: "`ENV KEY value` (space-separated) instead of `ENV KEY=value`.",
  rationale: "The legacy form sets one variable whose value is the rest of the line, which surprises readers; BuildKit warns and it may be removed.",
  fix: "```dockerfile\n# before\nENV NODE_ENV production\n# after\nENV NODE_ENV=production\n```",
  tags: ["dockerfile", "style", "deprecated"],
  equivalents: { buildkit: ["LegacyKeyValueFormat"] },
  hint: "use `KEY=value`",
  check({ df, report }) {
    for (const i of df.instructions)
      if ((i.keyword === "ENV" || i.keyword === "LABEL") && i.args.length >= 2 && !(i.args[0]?.value.includes("=") ?? true))
        report({
          at: i,
          message: `${i.keyword} ${i.args[0]?.value} uses the legacy "key value" form.`,
          fix: `write \`${i.keyword} ${i.args[0]?.value}=${JSON.stringify(
            i.args.slice(1).map((w) => w.value).join(" ")
          )}\``
        });
  }
});
var BUILTIN_ARGS = /* @__PURE__ */ new Set([
  "TARGETPLATFORM",
  "TARGETOS",
  "TARGETARCH",
  "TARGETVARIANT",
  "BUILDPLATFORM",
  "BUILDOS",
  "BUILDARCH",
  "BUILDVARIANT"
]);
var undefinedArg = defineRule({
  id: "SG-DF-059",
  title: "FROM uses an undeclared ARG",
  severity: "medium",
  description: "FROM (image or --platform) references a variable that is not declared by an ARG before the first FROM and is not a built-in platform ARG.",
  rationale: "Undeclared variables expand to an empty string, so the build pulls a different image than intended (often `:latest` of a truncated name).",
  fix: "```dockerfile\n# before\nFROM node:${NODE_VERSION}\n# after\nARG NODE_VERSION=20.11\nFROM node:${NODE_VERSION}\n```",
  tags: ["dockerfile", "correctness"],
  equivalents: { buildkit: ["UndefinedArgInFrom"] },
  hint: "declare the ARG (with a default) before the first FROM",
  check({ df, report }) {
    const declared = new Set(df.globalArgs.map((a) => a.name));
    for (const s of df.stages) {
      const text = [s.image.raw, ...s.from.flags.map((f) => f.value ?? "")].join(" ");
      for (const m of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const name = m[1];
        if (declared.has(name) || BUILTIN_ARGS.has(name)) continue;
        report({
          at: s.from,
          key: name,
          message: `FROM uses $${name}, which no ARG before the first FROM declares.`,
          fix: `add \`ARG ${name}=<default>\` before the first FROM`
        });
      }
    }
  }
});
var envSelfReference = defineRule({
  id: "SG-DF-062",
  title: "ENV refers to a variable it defines itself",
  severity: "medium",
  description: "An ENV instruction uses `$VAR` of a variable that the same ENV defines (and that was not defined before).",
  rationale: "Variables of one ENV are set together: the reference sees the old (usually empty) value, not the one defined beside it.",
  fix: "```dockerfile\n# before\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n# after\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n```",
  tags: ["dockerfile", "correctness"],
  equivalents: { hadolint: ["DL3044"] },
  hint: "split the ENV so the variable is defined before it is used",
  check({ df, report }) {
    for (const stage of df.stages) {
      const known = new Set(df.globalArgs.map((a) => a.name));
      for (const inst of stage.instructions) {
        if (inst.keyword === "ARG" || inst.keyword === "ENV") {
          const kvs = keyValues(inst);
          if (inst.keyword === "ENV") {
            const defined = /* @__PURE__ */ new Set();
            for (const kv of kvs) {
              const refs = [...(kv.value ?? "").matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map(
                (m) => m[1]
              );
              const bad = refs.find((r) => defined.has(r) && !known.has(r));
              const again = refs.find((r) => r === kv.key && defined.has(r));
              const name = bad ?? again;
              if (name)
                report({
                  at: inst,
                  span: kv.word.span,
                  key: kv.key,
                  message: `ENV ${kv.key} refers to $${name}, which this same ENV defines.`
                });
              defined.add(kv.key);
            }
          }
          for (const kv of kvs) known.add(kv.key);
        }
      }
    }
  }
});
var emptyContinuation = defineRule({
  id: "SG-DF-066",
  title: "Empty line inside a continued instruction",
  severity: "info",
  description: "A blank line in the middle of an instruction continued with `\\`.",
  rationale: "Docker skips it today but warns that it will become an error; usually it is a leftover from a deleted line and hides a missing `\\`.",
  fix: "Remove the empty line (or restore the line that was deleted there).\n\n```dockerfile\n# before\nRUN apt-get update && \\\n\n    apt-get install -y curl\n# after\nRUN apt-get update && \\\n    apt-get install -y curl\n```",
  tags: ["dockerfile", "style"],
  equivalents: { buildkit: ["NoEmptyContinuation"] },
  hint: "remove the empty line",
  check({ df, report }) {
    for (const inst of df.instructions) {
      if (inst.heredocs.length || inst.span.endLine === inst.span.line) continue;
      for (let l = inst.span.line + 1; l < inst.span.endLine; l++) {
        if ((df.lines[l - 1] ?? "").trim() !== "") continue;
        report({
          at: inst,
          span: { line: l, column: 1, endLine: l, endColumn: 1 },
          key: String(l - inst.span.line),
          message: `Empty line ${l} inside the ${inst.keyword} that starts on line ${inst.span.line}.`
        });
      }
    }
  }
});
var RESERVED_LABEL_NAMESPACES = ["com.docker.", "io.docker.", "org.dockerproject."];
function labelKeyIssue(key) {
  const reserved = RESERVED_LABEL_NAMESPACES.find((n) => key.startsWith(n));
  if (reserved) return `the ${reserved.slice(0, -1)} namespace is reserved for Docker`;
  const bad = [...key].find((c) => !/[a-z0-9.-]/.test(c));
  if (bad !== void 0) return `"${bad}" is not allowed (only lower-case letters, digits, "." and "-")`;
  if (!/^[a-z]/.test(key)) return "it must start with a lower-case letter";
  if (!/[a-z0-9]$/.test(key)) return "it must end with a lower-case letter or digit";
  if (key.includes("..") || key.includes("--")) return "it has consecutive separators";
  return void 0;
}
var labelKey = defineRule({
  id: "SG-DF-070",
  title: "Invalid label key",
  severity: "info",
  description: "A LABEL key that breaks Docker's label key format: it uses a reserved namespace (`com.docker.*`, `io.docker.*`, `org.dockerproject.*`), has characters other than lower-case letters, digits, `.` and `-`, does not start with a lower-case letter or end with a letter or digit, or has `..` or `--`. Keys built from variables are not checked.",
  rationale: "Tools that read labels (registries, scanners, orchestrators) expect the documented format; keys outside it may be ignored, and keys in the reserved namespaces may clash with labels Docker sets itself.",
  fix: 'Use reverse-DNS keys of lower-case letters, digits, `.` and `-` in a namespace you own, or the OCI annotation keys.\n\n```dockerfile\n# before\nLABEL Maintainer="dev@example.com" com.docker.version="1.2"\n# after\nLABEL org.opencontainers.image.authors="dev@example.com" org.opencontainers.image.version="1.2"\n```',
  tags: ["dockerfile", "style"],
  related: {
    checks: { hadolint: ["DL3048"] },
    differs: "hadolint DL3048 judges a key with a variable (`invalid$character`) as written; SG-DF-070 judges the key the builder expands, so it leaves one with a variable alone"
  },
  hint: 'use a reverse-DNS key of lower-case letters, digits, "." and "-", e.g. org.opencontainers.image.*',
  check({ df, report }) {
    for (const inst of df.instructions) {
      const label = inst.keyword === "ONBUILD" ? inst.trigger : inst;
      if (label?.keyword !== "LABEL") continue;
      const words = keyValues(label);
      for (const key of propertyKeys(label, df.escape)) {
        if (key.includes("$")) continue;
        const issue = labelKeyIssue(key);
        if (!issue) continue;
        report({
          at: inst,
          span: words.find((w) => unquote(w.key) === key)?.word.span,
          key,
          message: `Label key "${key}" is invalid: ${issue}.`
        });
      }
    }
  }
});
var instructionRules = [
  expose22,
  badPort,
  healthcheck,
  multiple,
  shellForm,
  workdir,
  maintainer,
  fromCasing,
  casing,
  sourceLabel,
  misuse,
  platform,
  legacyEnv,
  undefinedArg,
  envSelfReference,
  emptyContinuation,
  labelKey
];

// src/dockerfile/rules/packages.ts
var APT_OPTS = ["-o", "-t", "-c", "--target-release", "--option", "--config-file"];
var APK_OPTS = [
  "--virtual",
  "-t",
  "-X",
  "--repository",
  "--repositories-file",
  "-p",
  "--root",
  "--arch",
  "--cache-dir",
  "--keys-dir"
];
var RPM_OPTS = [
  "--setopt",
  "--enablerepo",
  "--disablerepo",
  "--releasever",
  "--installroot",
  "-c",
  "--config",
  "--repo",
  "--repofrompath",
  "-x",
  "--exclude",
  "--nobest"
];
var ZYPPER_OPTS = ["-r", "--repo", "-t", "--type", "--from", "-D", "--root", "--releasever"];
var PIP_OPTS = [
  "-r",
  "--requirement",
  "-c",
  "--constraint",
  "-e",
  "--editable",
  "-i",
  "--index-url",
  "--extra-index-url",
  "--trusted-host",
  "-f",
  "--find-links",
  "-t",
  "--target",
  "--prefix",
  "--root",
  "--platform",
  "--python-version",
  "--implementation",
  "--abi",
  "--progress-bar",
  "--cache-dir",
  "--src",
  "--upgrade-strategy",
  "--log",
  "--proxy",
  "--retries",
  "--timeout",
  "--exists-action",
  "--cert",
  "--client-cert",
  "--only-binary",
  "--no-binary",
  "--report",
  "--root-user-action"
];
function ships(shipped, u) {
  return shipped.has(u.stage) || !!u.inst.onbuild;
}
function uses(df, bases, opts = []) {
  const out = [];
  for (const stage of df.stages)
    for (const { inst, cmd } of commands(stage))
      if (bases.includes(cmd.base)) out.push({ inst, cmd, stage, sub: subcommand(cmd, opts) });
  return out;
}
function shippedStages(df) {
  return new Set(stageChain(df, finalStage(df)));
}
function cacheMount(inst, ...dirs) {
  return inst.flags.some(
    (f) => f.name === "mount" && /(^|,)type=(cache|tmpfs)(,|$)/.test(f.value ?? "") && dirs.some(
      (d) => (f.value ?? "").includes(`target=${d}`) || (f.value ?? "").includes(`dst=${d}`) || (f.value ?? "").includes(`destination=${d}`)
    )
  );
}
function sameRun(inst, pred) {
  return (inst.script?.commands ?? []).some(pred);
}
function cleanedAfter(u, pred) {
  return sameRun(u.inst, (c) => c.index > u.cmd.index && pred(c));
}
function isVarOrPath(v) {
  return v.includes("$") || v.includes("/") || /\.(deb|rpm|apk|whl|tar\.gz|zip)$/.test(v);
}
function packages(u, opts) {
  return operands(u.cmd, opts).slice(1).filter((w) => !isVarOrPath(w.value) && !w.value.startsWith("<") && w.value !== "");
}
function quietLevel(cmd) {
  let level = 0;
  for (const a of cmd.args) {
    const v = a.value;
    if (v === "--") break;
    const set = /^(?:-q|--quiet)=(\d+)$/.exec(v);
    if (set) level = Number(set[1]);
    else if (v === "--quiet") level++;
    else if (/^-[A-Za-z]+$/.test(v)) level += [...v].filter((c) => c === "q").length;
  }
  return level;
}
var APT_INSTALL = (u) => (u.cmd.base === "apt-get" || u.cmd.base === "apt" || u.cmd.base === "aptitude") && u.sub === "install";
var aptYes = defineRule({
  id: "SG-DF-011",
  title: "apt-get install without -y",
  severity: "medium",
  description: "`apt-get install` without `-y`/`--yes`/`--assume-yes` or quiet level 2 (`-qq`, `-q -q`, `-q=2`, `--quiet --quiet`), which implies `-y`.",
  rationale: "Without a non-interactive answer the install waits for confirmation and the build fails or hangs.",
  fix: "```dockerfile\n# before\nRUN apt-get update && apt-get install curl\n# after\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n```",
  tags: ["dockerfile", "best-practice", "apt"],
  equivalents: { hadolint: ["DL3014"], trivy: ["DS-0021", "AVD-DS-0021"] },
  hint: "add `-y` to apt-get install",
  check({ df, report }) {
    for (const u of uses(df, ["apt-get", "apt"], APT_OPTS).filter(APT_INSTALL)) {
      if (hasFlag(u.cmd, "-y", "--yes", "--assume-yes") || quietLevel(u.cmd) >= 2 || u.cmd.args.some((a) => /Assume-Yes=(true|1|yes)/i.test(a.value)))
        continue;
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        message: `\`${u.cmd.text}\` has no -y and will stop at the confirmation prompt.`
      });
    }
  }
});
var aptRecommends = defineRule({
  id: "SG-DF-012",
  title: "apt-get install without --no-install-recommends",
  severity: "low",
  description: "`apt-get install` without `--no-install-recommends`.",
  rationale: "Recommended packages are pulled in by default: they add size and vulnerabilities the application does not need.",
  fix: "```dockerfile\n# before\nRUN apt-get install -y curl\n# after\nRUN apt-get install -y --no-install-recommends curl\n```",
  tags: ["dockerfile", "best-practice", "apt", "attack-surface"],
  equivalents: { hadolint: ["DL3015"], trivy: ["DS-0029", "AVD-DS-0029"] },
  hint: "add `--no-install-recommends`",
  check({ df, report }) {
    for (const u of uses(df, ["apt-get", "apt"], APT_OPTS).filter(APT_INSTALL)) {
      if (hasFlag(u.cmd, "--no-install-recommends") || u.cmd.args.some((a) => /Install-Recommends=(false|0|no)/i.test(a.value)))
        continue;
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        // hadolint and Trivy check `apt-get` only.
        ...u.cmd.base === "apt" ? { properties: { equivalents: [] } } : {},
        message: `\`${u.cmd.text}\` also installs recommended packages.`
      });
    }
  }
});
var aptLists = defineRule({
  id: "SG-DF-013",
  title: "apt lists not removed after install",
  severity: "low",
  description: "A RUN in a stage that ends up in the final image (or an `ONBUILD RUN`) runs `apt-get`/`apt`/`aptitude install` but does not remove `/var/lib/apt/lists/*` in the same RUN. A cache or tmpfs mount on /var/lib/apt is fine; when the Dockerfile removes `docker-clean`, /var/cache/apt must be mounted too.",
  rationale: "The package lists (tens of MB) stay in the layer; removing them in a later RUN does not shrink the image.",
  fix: "```dockerfile\n# before\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n# after\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n```",
  tags: ["dockerfile", "best-practice", "apt", "size"],
  equivalents: { hadolint: ["DL3009"] },
  hint: "end the RUN with `&& rm -rf /var/lib/apt/lists/*`",
  check({ df, report }) {
    const shipped = shippedStages(df);
    const done = /* @__PURE__ */ new Set();
    const keepsDebs = df.instructions.some(
      (i) => (i.trigger ?? i).script?.commands.some(
        (c) => c.base === "rm" && c.args.some((a) => a.value.endsWith("apt.conf.d/docker-clean"))
      )
    );
    for (const u of uses(df, ["apt-get", "apt", "aptitude"], APT_OPTS).filter(APT_INSTALL)) {
      if (!ships(shipped, u) || done.has(u.inst)) continue;
      if (cacheMount(u.inst, "/var/lib/apt") && (!keepsDebs || cacheMount(u.inst, "/var/cache/apt")))
        continue;
      const cleaned = sameRun(
        u.inst,
        (c) => c.base === "rm" && c.args.some((a) => a.value.startsWith("/var/lib/apt/lists"))
      );
      if (cleaned) continue;
      done.add(u.inst);
      report({
        at: u.inst,
        span: u.cmd.span,
        message: "apt-get install without `rm -rf /var/lib/apt/lists/*` in the same RUN keeps the package lists in the image."
      });
    }
  }
});
var aptPin = defineRule({
  id: "SG-DF-014",
  title: "apt-get install without pinned versions",
  severity: "low",
  description: "Packages in `apt-get install` without `=version`.",
  rationale: "Unpinned packages make builds unreproducible: a rebuild silently picks up new versions (and new bugs).",
  fix: "```dockerfile\n# before\nRUN apt-get install -y --no-install-recommends curl\n# after\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n```\nPinning the base image by digest (SG-DF-004) gives the same reproducibility with less upkeep.",
  tags: ["dockerfile", "reproducibility", "apt"],
  equivalents: { hadolint: ["DL3008"] },
  hint: "pin versions: `apt-get install <pkg>=<version>`",
  check({ df, report }) {
    for (const u of uses(df, ["apt-get", "apt"], APT_OPTS).filter(APT_INSTALL)) {
      const loose = packages(u, APT_OPTS).filter((w) => !w.value.includes("="));
      if (loose.length)
        report({
          at: u.inst,
          span: u.cmd.span,
          key: u.cmd.text,
          message: `apt-get install without pinned versions: ${loose.map((w) => w.value).slice(0, 5).join(", ")}${loose.length > 5 ? ", \u2026" : ""}.`
        });
    }
  }
});
var upgrade = defineRule({
  id: "SG-DF-015",
  title: "Distribution upgrade in the Dockerfile",
  severity: "low",
  description: "`apt-get upgrade`/`dist-upgrade`/`full-upgrade`, `zypper dist-upgrade`/`dup` (medium for dist-upgrades).",
  rationale: "Upgrading inside the image makes the build depend on the day it runs and can pull in a new major distribution release (dist-upgrade). Pick a newer, pinned base image instead and rebuild when it changes.",
  fix: "```dockerfile\n# before\nFROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n# after\nFROM debian:12.6-slim@sha256:<digest>\n```",
  tags: ["dockerfile", "reproducibility"],
  equivalents: { hadolint: ["DL3005", "DL3035"], trivy: ["DS-0024", "AVD-DS-0024"], dockle: ["DKL-DI-0003"] },
  hint: "use a newer pinned base image instead of upgrading in the build",
  check({ df, report }) {
    for (const u of uses(df, ["apt-get", "apt", "zypper"], [...APT_OPTS, ...ZYPPER_OPTS])) {
      const dist = ["dist-upgrade", "full-upgrade", "dup"].includes(u.sub ?? "");
      if (!dist && !(u.sub === "upgrade" && u.cmd.base !== "zypper")) continue;
      const apt = u.cmd.base !== "zypper";
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        severity: dist ? "medium" : "low",
        // Trivy's DS-0024 and dockle's DKL-DI-0003 are apt's dist-upgrade only; hadolint's DL3035 is zypper's.
        properties: {
          equivalents: apt ? ["DL3005", ...dist ? ["DS-0024", "DKL-DI-0003"] : []] : ["DL3035"]
        },
        message: `\`${u.cmd.base} ${u.sub}\` upgrades packages during the build${dist ? " and may move to a new distribution release" : ""}.`
      });
    }
  }
});
var aptNotAptGet = defineRule({
  id: "SG-DF-016",
  title: "apt used instead of apt-get",
  severity: "low",
  description: "`apt` (the interactive front end) in a RUN.",
  rationale: "`apt` has no stable command-line interface and warns so in scripts; `apt-get` and `apt-cache` are meant for scripts.",
  fix: "```dockerfile\n# before\nRUN apt install -y curl\n# after\nRUN apt-get install -y --no-install-recommends curl\n```",
  tags: ["dockerfile", "best-practice", "apt"],
  equivalents: { hadolint: ["DL3027"], checkov: ["CKV_DOCKER_9"] },
  hint: "use apt-get",
  check({ df, report }) {
    for (const u of uses(df, ["apt"], APT_OPTS))
      report({
        at: u.inst,
        span: u.cmd.nameSpan,
        key: u.cmd.text,
        message: `\`${u.cmd.text}\` uses apt, whose CLI is not stable for scripts; use apt-get.`
      });
  }
});
var updateAlone = defineRule({
  id: "SG-DF-017",
  title: "Package index update without install in the same RUN",
  severity: "medium",
  description: "A RUN runs `apt-get update` (or `apk update`) but installs nothing after it in the same RUN.",
  rationale: "The layer with the updated index is cached; a later `RUN apt-get install` reuses the stale cached index and fails or installs outdated packages.",
  fix: "```dockerfile\n# before\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n# after\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n```",
  tags: ["dockerfile", "best-practice", "apt", "cache"],
  equivalents: { checkov: ["CKV_DOCKER_5"], dockle: ["CIS-DI-0007"] },
  related: {
    checks: { trivy: ["DS-0017", "AVD-DS-0017"] },
    differs: "Trivy DS017 also flags `yum`/`dnf update` and `zypper up`, which upgrade rather than refresh an index (SG-DF-015 and SG-DF-021 report those), and it matches the RUN text rather than its commands, so it flags RUNs that do install after the update (a second `apt-get update` in the RUN, or `apk update && apk add`)"
  },
  hint: "combine update and install in one RUN",
  check({ df, report }) {
    for (const u of uses(df, ["apt-get", "apt", "apk"], [...APT_OPTS, ...APK_OPTS])) {
      if (u.sub !== "update") continue;
      const installs = sameRun(u.inst, (c) => {
        if (c.index <= u.cmd.index) return false;
        const s = subcommand(c, [...APT_OPTS, ...APK_OPTS]);
        return ["apt-get", "apt", "apk"].includes(c.base) && [
          "install",
          "reinstall",
          "add",
          "upgrade",
          "dist-upgrade",
          "full-upgrade",
          "build-dep",
          "source",
          "download"
        ].includes(s ?? "");
      });
      if (!installs)
        report({
          at: u.inst,
          span: u.cmd.span,
          // dockle's CIS-DI-0007 is apt's only.
          ...u.cmd.base === "apk" ? { properties: { equivalents: ["CKV_DOCKER_5"] } } : {},
          message: `\`${u.cmd.base} update\` without an install after it in the same RUN leaves a stale cached index for later RUNs.`
        });
    }
  }
});
var APK_ADD = (u) => u.sub === "add";
var apkNoCache = defineRule({
  id: "SG-DF-018",
  title: "apk add without --no-cache",
  severity: "low",
  description: "`apk add` without `--no-cache` (and without a cache or tmpfs mount on /var/cache/apk).",
  rationale: "The package index and cache stay in the layer and add size for nothing.",
  fix: "```dockerfile\n# before\nRUN apk update && apk add curl\n# after\nRUN apk add --no-cache curl\n```",
  tags: ["dockerfile", "best-practice", "apk", "size"],
  equivalents: { hadolint: ["DL3019"], trivy: ["DS-0025", "AVD-DS-0025"] },
  hint: "use `apk add --no-cache`",
  check({ df, report }) {
    for (const u of uses(df, ["apk"], APK_OPTS).filter(APK_ADD)) {
      if (hasFlag(u.cmd, "--no-cache", "--no-network") || cacheMount(u.inst, "/var/cache/apk", "/etc/apk/cache"))
        continue;
      if (sameRun(u.inst, (c) => c.base === "rm" && c.args.some((a) => a.value.startsWith("/var/cache/apk"))))
        continue;
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        message: `\`${u.cmd.text}\` keeps the apk cache in the image.`
      });
    }
  }
});
var apkPin = defineRule({
  id: "SG-DF-019",
  title: "apk add without pinned versions",
  severity: "low",
  description: "Packages in `apk add` without `=version` (or `~version`).",
  rationale: "Unpinned packages make builds unreproducible.",
  fix: "```dockerfile\n# before\nRUN apk add --no-cache curl\n# after\nRUN apk add --no-cache curl=8.5.0-r0\n```",
  tags: ["dockerfile", "reproducibility", "apk"],
  equivalents: { hadolint: ["DL3018"] },
  hint: "pin versions: `apk add <pkg>=<version>`",
  check({ df, report }) {
    for (const u of uses(df, ["apk"], APK_OPTS).filter(APK_ADD)) {
      const loose = packages(u, APK_OPTS).filter((w) => !/[=~<>]/.test(w.value) && !w.value.startsWith("."));
      if (loose.length)
        report({
          at: u.inst,
          span: u.cmd.span,
          key: u.cmd.text,
          message: `apk add without pinned versions: ${loose.map((w) => w.value).slice(0, 5).join(", ")}${loose.length > 5 ? ", \u2026" : ""}.`
        });
    }
  }
});
var RPM_INSTALLS = [
  "install",
  "in",
  "groupinstall",
  "localinstall",
  "reinstall",
  "rei",
  "update",
  "up",
  "upgrade",
  "upgrade-minimal",
  "up-min",
  "update-minimal",
  "distro-sync",
  "dsync"
];
var ZYPPER_INSTALLS = [
  "install",
  "in",
  "update",
  "up",
  "dist-upgrade",
  "dup",
  "patch",
  "source-install",
  "si"
];
var RPM_INSTALL = /* @__PURE__ */ new Set([
  "install",
  "groupinstall",
  "localinstall",
  "reinstall",
  "module",
  "in",
  "source-install",
  "si",
  "patch",
  "remove",
  "rm",
  "update",
  "upgrade"
]);
var rpmYes = defineRule({
  id: "SG-DF-020",
  title: "yum/dnf/zypper without a non-interactive flag",
  severity: "medium",
  description: "`yum`/`dnf`/`tdnf`/`microdnf install` (or `in`, `reinstall`, `rei`) without `-y`, or `zypper install` without `-n`/`--non-interactive`/`-y`.",
  rationale: "Without it the package manager waits for confirmation and the build fails.",
  fix: "```dockerfile\n# before\nRUN yum install httpd\n# after\nRUN yum install -y httpd-2.4.57 && yum clean all\n```",
  tags: ["dockerfile", "best-practice", "rpm"],
  equivalents: { hadolint: ["DL3030", "DL3034", "DL3038"] },
  hint: "add `-y` (`-n` for zypper)",
  check({ df, report }) {
    for (const u of uses(df, ["yum", "dnf", "tdnf", "microdnf", "zypper"], [...RPM_OPTS, ...ZYPPER_OPTS])) {
      if (!RPM_INSTALL.has(u.sub ?? "") || u.cmd.base !== "zypper" && !["install", "in", "groupinstall", "localinstall", "reinstall", "rei"].includes(u.sub ?? ""))
        continue;
      const ok = u.cmd.base === "zypper" ? hasFlag(u.cmd, "-n", "--non-interactive", "-y", "--no-confirm") : hasFlag(u.cmd, "-y", "--assumeyes");
      if (!ok)
        report({
          at: u.inst,
          span: u.cmd.span,
          key: u.cmd.text,
          message: `\`${u.cmd.text}\` has no ${u.cmd.base === "zypper" ? "-n" : "-y"} and will stop at the confirmation prompt.`
        });
    }
  }
});
function cleanAll(c) {
  const ops = operands(c, RPM_OPTS).map((w) => w.value);
  return ops[0] === "clean" && ops[1] === "all";
}
var RPM_CLEAN = {
  yum: (c) => c.base === "yum" && cleanAll(c) || c.base === "rm" && c.args.some((a) => a.value.startsWith("/var/cache/yum")),
  dnf: (c) => c.base === "dnf" && cleanAll(c) || c.base === "rm" && c.args.some((a) => /^\/var\/cache\/(dnf|yum|libdnf5)/.test(a.value)),
  tdnf: (c) => c.base === "tdnf" && cleanAll(c),
  microdnf: (c) => c.base === "microdnf" && cleanAll(c) || c.base === "rm" && c.args.some((a) => /^\/var\/cache\/(yum|dnf|libdnf5)/.test(a.value)),
  zypper: (c) => c.base === "zypper" && ["clean", "cc"].includes(subcommand(c, ZYPPER_OPTS) ?? "") || c.base === "rm" && c.args.some((a) => a.value.startsWith("/var/cache/zypp"))
};
var rpmClean = defineRule({
  id: "SG-DF-021",
  title: "yum/dnf/microdnf/zypper cache not cleaned",
  severity: "low",
  description: "A RUN in a shipped stage (or an `ONBUILD RUN`) installs, reinstalls or upgrades with yum, dnf, microdnf or zypper (`install`/`in`, `reinstall`/`rei`, `update`/`up`, `upgrade`, `upgrade-minimal`/`up-min`, `dist-upgrade`/`dup`, ...) without `clean all` (`zypper clean`, or removing the cache directory, `/var/cache/libdnf5` for dnf5) after it in the same RUN. A cache or tmpfs mount on the cache directory is fine.",
  rationale: "The metadata and package cache stay in the layer (often 100+ MB).",
  fix: "```dockerfile\n# before\nRUN yum install -y httpd\n# after\nRUN yum install -y httpd && yum clean all\n```",
  tags: ["dockerfile", "best-practice", "rpm", "size"],
  equivalents: { hadolint: ["DL3032", "DL3036", "DL3040"] },
  related: {
    checks: {
      trivy: [
        "DS-0015",
        "DS-0019",
        "DS-0020",
        "DS-0027",
        "AVD-DS-0015",
        "AVD-DS-0019",
        "AVD-DS-0020",
        "AVD-DS-0027"
      ]
    },
    differs: "Trivy DS015, DS019, DS020 and DS027 flag every stage and look for the text `<tool> clean all` in the RUN; SG-DF-021 judges only the stages the final image is built from, parses the commands (so `dnf -y --installroot /x clean all` and removing the cache directory count) and does not ask `zypper remove`, which downloads nothing, for a clean"
  },
  hint: "add `&& <tool> clean all` to the same RUN",
  check({ df, report }) {
    const shipped = shippedStages(df);
    for (const u of uses(df, ["yum", "dnf", "tdnf", "microdnf", "zypper"], [...RPM_OPTS, ...ZYPPER_OPTS])) {
      if (!ships(shipped, u) || !(u.cmd.base === "zypper" ? ZYPPER_INSTALLS : RPM_INSTALLS).includes(u.sub ?? ""))
        continue;
      if (cacheMount(u.inst, "/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/zypp"))
        continue;
      const clean = RPM_CLEAN[u.cmd.base];
      if (clean && cleanedAfter(u, clean)) continue;
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        properties: { equivalents: RPM_CLEAN_EQUIVALENTS[u.cmd.base] ?? [] },
        message: `\`${u.cmd.base} ${u.sub}\` without \`${u.cmd.base === "zypper" ? "zypper clean" : `${u.cmd.base} clean all`}\` in the same RUN keeps the package cache in the image.`
      });
    }
  }
});
var RPM_CLEAN_EQUIVALENTS = {
  yum: ["DL3032"],
  dnf: ["DL3040"],
  microdnf: ["DL3040"],
  zypper: ["DL3036"]
};
var rpmPin = defineRule({
  id: "SG-DF-022",
  title: "yum/dnf/zypper install without pinned versions",
  severity: "low",
  description: "Packages in yum/dnf/microdnf install without `-version`, or zypper install without `=version`.",
  rationale: "Unpinned packages make builds unreproducible.",
  fix: "```dockerfile\n# before\nRUN dnf install -y httpd && dnf clean all\n# after\nRUN dnf install -y httpd-2.4.57 && dnf clean all\n```",
  tags: ["dockerfile", "reproducibility", "rpm"],
  equivalents: { hadolint: ["DL3037"] },
  related: {
    checks: { hadolint: ["DL3033", "DL3041"] },
    differs: "hadolint DL3033 and DL3041 take a variable the stage does not declare (`httpd-$version`) as empty, so the package as unpinned; SG-DF-022 does not guess, since the base image's ENV may define it"
  },
  hint: "pin package versions",
  check({ df, report }) {
    for (const u of uses(df, ["yum", "dnf", "tdnf", "microdnf", "zypper"], [...RPM_OPTS, ...ZYPPER_OPTS])) {
      const opts = [...RPM_OPTS, ...ZYPPER_OPTS];
      const module = u.sub === "module" && operands(u.cmd, opts)[1]?.value === "install";
      if (!["install", "in"].includes(u.sub ?? "") && !module) continue;
      const names = module ? operands(u.cmd, opts).slice(2) : packages(u, opts);
      const loose = names.filter(
        (w) => w.value.includes("$") ? false : module ? !w.value.includes(":") : u.cmd.base === "zypper" ? !/[=<>]/.test(w.value) : !/-\d/.test(w.value) && !w.value.startsWith("@") && !w.value.includes("(")
      );
      if (loose.length)
        report({
          at: u.inst,
          span: u.cmd.span,
          key: u.cmd.text,
          message: `${u.cmd.base} install without pinned versions: ${loose.map((w) => w.value).slice(0, 5).join(", ")}${loose.length > 5 ? ", \u2026" : ""}.`
        });
    }
  }
});
function pipInstalls(df) {
  const out = [];
  for (const stage of df.stages)
    for (const { inst, cmd } of commands(stage)) {
      let args;
      if (/^pip(\d(\.\d+)?|x)?$/.test(cmd.base)) args = cmd.args;
      else if (/^python(\d(\.\d+)?)?$/.test(cmd.base)) {
        const m = cmd.args.findIndex((a) => a.value === "-m");
        if (m >= 0 && cmd.args[m + 1]?.value === "pip") args = cmd.args.slice(m + 2);
      }
      if (!args) continue;
      const view = { args };
      if (operands(view, PIP_OPTS)[0]?.value === "install")
        out.push({ inst, cmd, stage, sub: "install", args });
    }
  return out;
}
function stageEnv(df, stage, name) {
  let v;
  for (const i of inheritedInstructions(df, stage))
    if (i.keyword === "ENV" || i.keyword === "ARG") {
      for (const kv of keyValues(i)) if (kv.key === name && kv.value !== void 0) v = kv.value;
    }
  return v;
}
var pipCache = defineRule({
  id: "SG-DF-023",
  title: "pip install without --no-cache-dir",
  severity: "low",
  description: "`pip install` without `--no-cache-dir` (and without `PIP_NO_CACHE_DIR` or a cache mount on the pip cache).",
  rationale: "pip keeps downloaded wheels in ~/.cache/pip, adding size to the layer.",
  fix: "```dockerfile\n# before\nRUN pip install -r requirements.txt\n# after\nRUN pip install --no-cache-dir -r requirements.txt\n```",
  tags: ["dockerfile", "best-practice", "pip", "size"],
  equivalents: { hadolint: ["DL3042"] },
  hint: "add `--no-cache-dir`",
  check({ df, report }) {
    for (const u of pipInstalls(df)) {
      if (u.cmd.base === "pipx") continue;
      if (hasFlag({ args: u.args }, "--no-cache-dir") || cacheMount(u.inst, "/root/.cache", "/root/.cache/pip", "~/.cache"))
        continue;
      const exported = (u.inst.script?.commands ?? []).filter((c) => c.index < u.cmd.index && c.base === "export").flatMap((c) => c.args.map((a) => /^PIP_NO_CACHE_DIR=(.*)$/.exec(a.value)?.[1])).filter((v) => v !== void 0);
      const setting = u.cmd.assignments.find((a) => a.name === "PIP_NO_CACHE_DIR")?.value ?? exported.at(-1) ?? stageEnv(df, u.stage, "PIP_NO_CACHE_DIR");
      if (setting !== void 0 && !/^(0|false|no|off|)$/i.test(setting)) continue;
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        message: `\`${u.cmd.text}\` keeps the pip cache in the image.`
      });
    }
  }
});
var pipPin = defineRule({
  id: "SG-DF-024",
  title: "pip install without pinned versions",
  severity: "low",
  description: "Packages named on the `pip install` (`pip2`, `pip3`, `python -m pip`, `pipx`) command line without a version (`==`, `>=`, `~=`, `@`). Requirements files and local paths are not checked.",
  rationale: "Unpinned packages make builds unreproducible and let a compromised new release in.",
  fix: "```dockerfile\n# before\nRUN pip install --no-cache-dir flask\n# after\nRUN pip install --no-cache-dir flask==3.0.3\n# or, better: a pinned requirements file with hashes\nRUN pip install --no-cache-dir --require-hashes -r requirements.txt\n```",
  tags: ["dockerfile", "reproducibility", "pip", "supply-chain"],
  equivalents: { hadolint: ["DL3013"] },
  hint: "pin versions (`pkg==1.2.3`) or use a requirements file",
  check({ df, report }) {
    for (const u of pipInstalls(df)) {
      if (hasFlag({ args: u.args }, "-c", "--constraint")) continue;
      const pkgs = operands({ args: u.args }, PIP_OPTS).slice(1);
      const loose = pkgs.filter((w) => {
        const v = w.value;
        if (v.includes("$") || v.startsWith(".") || v.startsWith("/") || /\.(whl|tar\.gz|zip)$/.test(v))
          return false;
        if (/^git\+/.test(v)) return !/^[^:]+:\/\/(?:[^@/]+@)?[^@]+@/.test(v);
        if (v.includes("://") || v.includes("/") && !v.includes("@")) return false;
        return !/(==|>=|<=|~=|!=|<|>|@)/.test(v);
      });
      if (loose.length)
        report({
          at: u.inst,
          span: u.cmd.span,
          key: u.cmd.text,
          message: `pip install without pinned versions: ${loose.map((w) => w.value).slice(0, 5).join(", ")}.`
        });
    }
  }
});
function copiedBefore(stage, inst) {
  const out = [];
  for (const i of stage.instructions) {
    if (i === inst || i.span.line >= inst.span.line) break;
    if ((i.keyword === "COPY" || i.keyword === "ADD") && !i.flags.some((f) => f.name === "from")) {
      const ops = operands(i);
      out.push(...ops.slice(0, -1).map((w) => w.value));
    }
  }
  return out;
}
var LOCKFILES = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|\*)$|^\.\/?$|\*\.json$|\*lock\*?/;
var npmCi = defineRule({
  id: "SG-DF-025",
  title: "npm install instead of npm ci (lockfile not enforced)",
  severity: "medium",
  description: "`npm install` without packages (install from package.json), `yarn install` without `--frozen-lockfile`/`--immutable`, or `pnpm install` without `--frozen-lockfile`.",
  rationale: "These commands may resolve new versions and rewrite the lockfile, so the image does not contain the dependency tree that was reviewed and tested \u2014 the door for a compromised release. `npm ci` installs exactly the lockfile and fails if it is missing or out of date.",
  fix: "```dockerfile\n# before\nCOPY package.json ./\nRUN npm install\n# after\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n```",
  tags: ["security", "dockerfile", "supply-chain", "npm", "reproducibility"],
  hint: "use `npm ci` (yarn: `--frozen-lockfile`/`--immutable`, pnpm: `--frozen-lockfile`) and copy the lockfile",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        const sub = subcommand(cmd);
        let bad;
        if (cmd.base === "npm" && (sub === "install" || sub === "i") && operands(cmd).length === 1 && !hasFlag(cmd, "-g", "--global"))
          bad = "npm ci";
        if (cmd.base === "yarn" && (sub === void 0 || sub === "install") && !hasFlag(cmd, "--frozen-lockfile", "--immutable"))
          bad = "yarn install --frozen-lockfile (Yarn 2+: --immutable)";
        if (cmd.base === "pnpm" && (sub === "install" || sub === "i") && !hasFlag(cmd, "--frozen-lockfile"))
          bad = "pnpm install --frozen-lockfile";
        if (!bad) continue;
        const lock = copiedBefore(stage, inst).some((s) => LOCKFILES.test(s));
        report({
          at: inst,
          span: cmd.span,
          key: cmd.text,
          message: `\`${cmd.text}\` does not enforce the lockfile${lock ? "" : ", and no lockfile is copied before it"}; use \`${bad}\`.`,
          fix: `use \`${bad}\`${lock ? "" : " and COPY the lockfile before it"}`
        });
      }
  }
});
var npmPin = defineRule({
  id: "SG-DF-026",
  title: "npm/yarn/pnpm/go package added without a version",
  severity: "low",
  description: "A package named on the `npm install`, `yarn add`, `pnpm add` or global install command line without `@version`, or a module in `go install`/`go get`/`go run` without `@version` (or with `@latest`). Local paths are not checked.",
  rationale: "The build installs whatever version is newest on the day it runs.",
  fix: "```dockerfile\n# before\nRUN npm install -g typescript\nRUN go install golang.org/x/tools/gopls@latest\n# after\nRUN npm install -g typescript@5.4.5\nRUN go install golang.org/x/tools/gopls@v0.16.1\n```",
  tags: ["dockerfile", "reproducibility", "npm", "go", "supply-chain"],
  equivalents: { hadolint: ["DL3016", "DL3062"] },
  hint: "add `@<version>` to each package",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        const ops = operands(cmd, [
          "--prefix",
          "-C",
          "--registry",
          "--cache",
          "--userconfig",
          "--loglevel",
          "--tag",
          "--workspace",
          "-w"
        ]);
        let pkgs = [];
        const sub = ops[0]?.value;
        if (cmd.base === "npm" && ["install", "i", "add"].includes(sub ?? "")) pkgs = ops.slice(1);
        if ((cmd.base === "yarn" || cmd.base === "pnpm") && sub === "add") pkgs = ops.slice(1);
        if (cmd.base === "yarn" && sub === "global" && ops[1]?.value === "add") pkgs = ops.slice(2);
        if (cmd.base === "go") {
          const loose2 = goModules(cmd);
          if (loose2.length)
            report({
              at: inst,
              span: cmd.span,
              key: cmd.text,
              message: `go ${sub} without a pinned version: ${loose2.slice(0, 5).join(", ")}.`,
              fix: "add `@<version>` (not `@latest`) to each module"
            });
          continue;
        }
        const loose = pkgs.filter((w) => {
          const v = w.value;
          if (v.includes("$") || /^[./~]/.test(v) || /\.(tgz|tar|tar\.gz)$/.test(v)) return false;
          if (/^git(\+[a-z]+)?:\/\//.test(v) || /^[\w.-]+\/[\w.-]+#/.test(v)) return !v.includes("#");
          if (v.includes("://")) return false;
          return !(v.startsWith("@") ? v.slice(1).includes("@") : v.includes("@"));
        });
        if (loose.length)
          report({
            at: inst,
            span: cmd.span,
            key: cmd.text,
            message: `${cmd.base} installs without a version: ${loose.map((w) => w.value).slice(0, 5).join(", ")}.`
          });
      }
  }
});
function goModules(cmd) {
  const ops = operands(cmd, [
    "-C",
    "-o",
    "-modfile",
    "-tags",
    "-ldflags",
    "-gcflags",
    "-p",
    "-exec",
    "-overlay"
  ]);
  const sub = ops[0]?.value;
  if (sub !== "install" && sub !== "get" && sub !== "run") return [];
  const mods = (sub === "run" ? ops.slice(1, 2) : ops.slice(1)).map((w) => w.value);
  return mods.filter((m) => {
    if (m.includes("$") || /^[./~]/.test(m) || m.endsWith(".go") || m === "tool") return false;
    const at = m.lastIndexOf("@");
    if (at < 0) return m.includes(".") || hasFlag(cmd, "-tool");
    return m.slice(at + 1) === "latest";
  });
}
var devDependencies = defineRule({
  id: "SG-DF-060",
  title: "Development dependencies installed in the shipped image",
  severity: "low",
  description: "`npm ci`/`npm install` without `--omit=dev` (or `--production`), `yarn install` without `--production`, or `pnpm install` without `--prod`, in a stage that ends up in the final image, and `NODE_ENV=production` is not set.",
  rationale: "Development dependencies (test runners, bundlers, linters) are not needed at run time; shipping them multiplies the dependency tree and its vulnerabilities.",
  fix: "```dockerfile\n# before\nRUN npm ci\n# after\nRUN npm ci --omit=dev\n```\nBuild with dev dependencies in a build stage and install production ones in the runtime stage.",
  tags: ["security", "dockerfile", "npm", "attack-surface"],
  hint: "install with `--omit=dev` in the runtime image",
  check({ df, report }) {
    const shipped = shippedStages(df);
    for (const stage of df.stages) {
      if (!shipped.has(stage)) continue;
      if (/^production$/i.test(stageEnv(df, stage, "NODE_ENV") ?? "")) continue;
      for (const { inst, cmd } of commands(stage)) {
        const sub = subcommand(cmd);
        if (cmd.assignments.some((a) => a.name === "NODE_ENV" && /^production$/i.test(a.value))) continue;
        let prod;
        if (cmd.base === "npm" && ["ci", "install", "i"].includes(sub ?? "") && !hasFlag(cmd, "-g", "--global"))
          prod = hasFlag(cmd, "--production", "--omit=dev") || cmd.args.some((a) => /^--omit=dev$|^--only=prod(uction)?$/.test(a.value)) || flagValue(cmd, "--omit") === "dev";
        if (cmd.base === "yarn" && (sub === void 0 || sub === "install"))
          prod = hasFlag(cmd, "--production", "--prod");
        if (cmd.base === "pnpm" && (sub === "install" || sub === "i"))
          prod = hasFlag(cmd, "--prod", "-P", "--production");
        if (prod !== false) continue;
        report({
          at: inst,
          span: cmd.span,
          key: cmd.text,
          message: `\`${cmd.text}\` installs development dependencies into the shipped image.`,
          fix: cmd.base === "npm" ? "add `--omit=dev`" : cmd.base === "yarn" ? "add `--production`" : "add `--prod`"
        });
      }
    }
  }
});
var YARN_CACHE_DIRS = [
  "/usr/local/share/.cache/yarn",
  "/root/.cache/yarn",
  "/home/node/.cache/yarn",
  "/root/.yarn"
];
var yarnCache = defineRule({
  id: "SG-DF-069",
  title: "yarn install without yarn cache clean",
  severity: "info",
  description: "A RUN in a stage that ends up in the final image (or an `ONBUILD RUN`) runs `yarn install` but not `yarn cache clean` after it in the same RUN (a cache or tmpfs mount on the yarn cache is fine).",
  rationale: "Yarn keeps a copy of every downloaded package in its global cache; left in the layer it can double the size of node_modules, and a later RUN cannot shrink it.",
  fix: "Clean the cache in the same RUN, or use a BuildKit cache mount on the yarn cache directory.\n\n```dockerfile\n# before\nRUN yarn install --frozen-lockfile\n# after\nRUN yarn install --frozen-lockfile && yarn cache clean\n```",
  tags: ["dockerfile", "best-practice", "npm", "size"],
  equivalents: { hadolint: ["DL3060"] },
  hint: "add `&& yarn cache clean` to the same RUN",
  check({ df, report }) {
    const shipped = shippedStages(df);
    const done = /* @__PURE__ */ new Set();
    for (const u of uses(df, ["yarn"], ["--cwd", "--cache-folder", "--modules-folder"])) {
      if (u.sub !== "install" || !ships(shipped, u) || done.has(u.inst)) continue;
      if (cacheMount(u.inst, ...YARN_CACHE_DIRS)) continue;
      const cleaned = cleanedAfter(u, (c) => {
        const ops = operands(c).map((w) => w.value);
        return c.base === "yarn" && ops[0] === "cache" && ops[1] === "clean";
      });
      if (cleaned) continue;
      done.add(u.inst);
      report({
        at: u.inst,
        span: u.cmd.span,
        message: `\`${u.cmd.text}\` without \`yarn cache clean\` in the same RUN keeps the yarn cache in the image.`
      });
    }
  }
});
var packageRules = [
  aptYes,
  aptRecommends,
  aptLists,
  aptPin,
  upgrade,
  aptNotAptGet,
  updateAlone,
  apkNoCache,
  apkPin,
  rpmYes,
  rpmClean,
  rpmPin,
  pipCache,
  pipPin,
  npmCi,
  npmPin,
  devDependencies,
  yarnCache
];

// src/dockerfile/rules/secrets.ts
var SECRET_WORDS = /* @__PURE__ */ new Set([
  "password",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  // Jenkins binds a credential as NAME_USR and NAME_PSW.
  "psw",
  "secret",
  "token",
  "apikey",
  "credential",
  "credentials",
  "privatekey",
  "accesskey",
  "secretkey",
  "authtoken"
]);
var SECRET_PAIRS = [
  ["api", "key"],
  ["private", "key"],
  ["access", "key"],
  ["secret", "key"],
  ["client", "secret"],
  ["auth", "token"],
  ["signing", "key"],
  ["encryption", "key"],
  ["master", "key"],
  ["ssh", "key"],
  ["deploy", "key"],
  ["license", "key"],
  ["app", "key"],
  ["session", "key"],
  ["jwt", "key"],
  ["hmac", "key"]
];
var NOT_SECRET_SUFFIX = /* @__PURE__ */ new Set([
  "file",
  "path",
  "dir",
  "url",
  "name",
  "user",
  "username",
  "id",
  "env",
  "mode",
  "length",
  "len",
  "version",
  "endpoint",
  "host",
  "port",
  "type",
  "header",
  "enabled",
  "policy",
  "ttl",
  "expiry",
  "location",
  "arn",
  "region",
  "config",
  "helper",
  "helpers",
  "store",
  "provider",
  "class",
  "method",
  "hash",
  "sha",
  "checksum"
]);
var KNOWN_SECRET_NAMES = /* @__PURE__ */ new Set(["AWS_ACCESS_KEY_ID", "AWS_SESSION_TOKEN", "AWS_SECRET_ACCESS_KEY"]);
var NOT_SECRET_NAMES = /* @__PURE__ */ new Set(["PWD", "OLDPWD"]);
function nameWords(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
var secretNameCache = /* @__PURE__ */ new Map();
function isSecretName(name) {
  let known = secretNameCache.get(name);
  if (known === void 0) {
    known = secretNameUncached(name);
    if (secretNameCache.size > 1e4) secretNameCache.clear();
    secretNameCache.set(name, known);
  }
  return known;
}
function secretNameUncached(name) {
  if (NOT_SECRET_NAMES.has(name)) return false;
  if (KNOWN_SECRET_NAMES.has(name.toUpperCase().replace(/^(VITE_|REACT_APP_)/, ""))) return true;
  const w = nameWords(name);
  if (w.length === 0) return false;
  if (NOT_SECRET_SUFFIX.has(w.at(-1))) return false;
  if (w.includes("public")) return false;
  if (w.some((x) => SECRET_WORDS.has(x))) return true;
  if (w.at(-1) === "auth") return true;
  for (let i = 0; i + 1 < w.length; i++)
    if (SECRET_PAIRS.some(([a, b]) => w[i] === a && w[i + 1] === b)) return true;
  return false;
}
var SECRET_PATTERNS = [
  { name: "AWS access key id", re: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/, keep: 4 },
  { name: "GitHub token", re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, keep: 4 },
  { name: "GitHub fine-grained token", re: /\bgithub_pat_[A-Za-z0-9_]{22,}\b/, keep: 11 },
  { name: "GitLab token", re: /(?<![\w-])glpat-[A-Za-z0-9_-]{20,}\b/, keep: 6 },
  { name: "Slack token", re: /\bxox[baprs]-[A-Za-z0-9-]{10,}\b/, keep: 5 },
  { name: "Stripe secret key", re: /\b[sr]k_live_[0-9a-zA-Z]{24,}\b/, keep: 8 },
  { name: "npm token", re: /\bnpm_[A-Za-z0-9]{36}\b/, keep: 4 },
  { name: "Google API key", re: /\bAIza[0-9A-Za-z_-]{35}\b/, keep: 4 },
  { name: "private key (PEM)", re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/, keep: 0 }
];
var ANY_SECRET_PATTERN = new RegExp(SECRET_PATTERNS.map((p) => `(?:${p.re.source})`).join("|"));
function findSecretValue(text) {
  for (const p of SECRET_PATTERNS) {
    const m = p.re.exec(text);
    if (m)
      return {
        name: p.name,
        redacted: p.keep === 0 ? "-----BEGIN \u2026 PRIVATE KEY-----" : redact(m[0], { keep: p.keep, knownPrefix: true })
      };
  }
  return void 0;
}
var secretName = defineRule({
  id: "SG-DF-006",
  title: "Secret passed through ENV or ARG",
  severity: "high",
  description: "An ENV or ARG whose name says it holds a secret (PASSWORD, TOKEN, SECRET, API_KEY, PRIVATE_KEY, Jenkins `_PSW`, also behind the VITE_/REACT_APP_ prefixes; names ending in _FILE, _PATH, _URL and the like are not counted). A value that is a file path (`GOOGLE_APPLICATION_CREDENTIALS=./app/key.json`) counts only when an earlier COPY/ADD of the stage puts build-context files there.",
  rationale: "ENV values are stored in the image configuration and visible to anyone who can pull the image (`docker inspect`); ARG values are recorded in the image history of every RUN that uses them. Both outlive the build.",
  fix: [
    "Mount the secret only for the step that needs it with a BuildKit secret mount, and pass runtime secrets at run time (environment of the orchestrator, mounted files).",
    "",
    "```dockerfile",
    "# before",
    "ARG NPM_TOKEN",
    'RUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
    "",
    "# after (docker build --secret id=npm_token,env=NPM_TOKEN .)",
    "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\",
    '    echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci && rm .npmrc',
    "```"
  ].join("\n"),
  tags: ["security", "dockerfile", "secrets"],
  equivalents: {
    hadolint: ["DL3064"],
    buildkit: ["SecretsUsedInArgOrEnv"],
    dockle: ["CIS-DI-0010"]
  },
  related: {
    checks: { trivy: ["DS-0031", "AVD-DS-0031"] },
    differs: "Trivy DS031 matches ENV/ARG names against a fixed list and reports a credentials file used in a RUN; SG-DF-006 judges names by their parts (`MYSQL_PASSWD`, `*_TOKEN`), leaves user names (`*_USR`) alone and reports what the image keeps, not what a RUN reads"
  },
  hint: "use `RUN --mount=type=secret` at build time and inject runtime secrets at run time",
  check({ df, report }) {
    for (const inst of df.instructions) {
      if (inst.keyword !== "ENV" && inst.keyword !== "ARG") continue;
      for (const kv of keyValues(inst)) {
        if (!isSecretName(kv.key)) continue;
        const path = kv.value?.replace(/^["']|["']$/g, "");
        if (inst.keyword === "ENV" && path === "") continue;
        if (path && /^(\.{0,2}\/|~\/)/.test(path) && !copiedInto(df, inst, path)) continue;
        const shown = kv.value === void 0 ? "" : `=${kv.value === "" ? '""' : redact(kv.value, { keep: 2 })}`;
        report({
          at: inst,
          span: kv.word.span,
          key: kv.key,
          message: `${inst.keyword} ${kv.key}${shown} looks like a secret; ${inst.keyword === "ENV" ? "ENV values are stored in the image configuration" : "ARG values are recorded in the image history"}.`,
          fix: `remove ${inst.keyword} ${kv.key}; use \`RUN --mount=type=secret,id=${kv.key.toLowerCase()}\` for build steps, or inject it at run time`
        });
      }
    }
  }
});
function copiedInto(df, inst, path) {
  const stage = df.stages[inst.stage];
  if (!stage) return false;
  const norm = (p) => p.replace(/^\.\//, "").replace(/^\/+/, "").replace(/\/+$/, "");
  const target = norm(path);
  for (const i of stage.instructions) {
    if (i === inst) break;
    if (i.keyword !== "COPY" && i.keyword !== "ADD" || i.flags.some((f) => f.name === "from")) continue;
    const dest = i.args.at(-1)?.value;
    if (dest === void 0) continue;
    const d = norm(dest);
    if (d === "" || d === "." || target === d || target.startsWith(`${d}/`)) return true;
  }
  return false;
}
function textsOf(inst) {
  if (inst.keyword === "ENV" || inst.keyword === "ARG" || inst.keyword === "LABEL")
    return keyValues(inst).map((kv) => ({ text: kv.value ?? "", span: kv.word.span }));
  const out = inst.args.map((w) => ({ text: w.value, span: w.span }));
  for (const h of inst.heredocs) out.push({ text: h.body, span: h.span });
  return out;
}
var secretValue = defineRule({
  id: "SG-DF-007",
  title: "Credential written in the Dockerfile",
  severity: "critical",
  description: "An instruction contains a value in a known credential format: AWS access key id, GitHub/GitLab/Slack/npm/Stripe/Google tokens, or a PEM private key.",
  rationale: "A credential committed to a Dockerfile is leaked twice: in the repository history and in every image built from it. Treat it as compromised.",
  fix: [
    "Revoke and rotate the credential first, then remove it from the Dockerfile and pass it as a build secret.",
    "",
    "```dockerfile",
    "# before",
    "ENV GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "# after (docker build --secret id=gh,env=GITHUB_TOKEN .)",
    "RUN --mount=type=secret,id=gh,env=GITHUB_TOKEN ./fetch-private-deps.sh",
    "```"
  ].join("\n"),
  tags: ["security", "dockerfile", "secrets"],
  related: {
    checks: { trivy: ["DS-0031", "AVD-DS-0031"] },
    differs: "Trivy DS031 looks at secret names; SG-DF-007 finds credential values (tokens, keys) written into the Dockerfile itself, whatever they are named"
  },
  hint: "revoke the credential, remove it and use a build secret",
  check({ df, report }) {
    for (const inst of df.instructions) {
      const texts = textsOf(inst);
      if (!ANY_SECRET_PATTERN.test(texts.map((t) => t.text).join("\n"))) continue;
      for (const t of texts) {
        const hit = findSecretValue(t.text);
        if (hit)
          report({
            at: inst,
            span: t.span,
            key: hit.redacted,
            message: `${inst.keyword} contains what looks like a ${hit.name} (${hit.redacted}); it is stored in the image and the repository.`
          });
      }
    }
  }
});
var secretWithoutMount = defineRule({
  id: "SG-DF-045",
  title: "Secret used in RUN without a secret mount",
  severity: "medium",
  description: "A RUN uses a variable whose name says it is a secret (e.g. `$NPM_TOKEN`, `$GITHUB_TOKEN`) but has no `--mount=type=secret`, so the value came from a build ARG or ENV.",
  rationale: "Build arguments used by a RUN are recorded in the image history (`docker history --no-trunc`), and files written with them (.npmrc, .netrc, credentials) stay in the layer unless removed in the same RUN. BuildKit secret mounts leave no trace.",
  fix: [
    "Pass the secret with `--secret` and mount it for that RUN only.",
    "",
    "```dockerfile",
    "# before",
    "ARG GITHUB_TOKEN",
    "RUN git clone https://$GITHUB_TOKEN@github.com/org/private.git",
    "# after",
    "RUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN \\",
    "    git clone https://$GITHUB_TOKEN@github.com/org/private.git",
    "```"
  ].join("\n"),
  tags: ["security", "dockerfile", "secrets", "buildkit"],
  hint: "use `RUN --mount=type=secret,id=<name>` instead of an ARG/ENV",
  check({ df, report }) {
    for (const stage of df.stages) {
      const seen = /* @__PURE__ */ new Set();
      for (const { inst, cmd } of commands(stage)) {
        if (seen.has(inst)) continue;
        if (inst.flags.some((f) => f.name === "mount" && /(^|,)type=secret(,|$)/.test(f.value ?? "")))
          continue;
        for (const w of cmd.args) {
          if (!w.raw.includes("$")) continue;
          const name = [...w.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]).find(isSecretName);
          if (!name) continue;
          seen.add(inst);
          report({
            at: inst,
            span: w.span,
            key: name,
            message: `RUN uses $${name} without a secret mount; the value is exposed in the image history or layers.`,
            fix: `add \`--mount=type=secret,id=${name.toLowerCase()},env=${name}\` and build with \`--secret id=${name.toLowerCase()}\``
          });
          break;
        }
      }
    }
  }
});
var secretRules = [secretName, secretValue, secretWithoutMount];

// src/dockerfile/rules/shell.ts
var INTERPRETERS = /^(python[\d.]*|perl|ruby|node|nodejs|php[\d.]*|pwsh|deno|bun)$/;
var EVALUATORS = /* @__PURE__ */ new Set(["eval", "source", "."]);
function runsStdin(c) {
  if (SHELLS.has(c.base))
    return !c.args.some((a) => /^-[a-z]*c[a-z]*$/.test(a.value)) || c.args.some((a) => a.value === "-s");
  if (INTERPRETERS.test(c.base))
    return !c.args.some((a) => /^(-c|-e|-r|--eval|-m)$/.test(a.value)) && operands(c).every((o) => o.value === "-");
  return false;
}
function runsArgument(c) {
  return SHELLS.has(c.base) || INTERPRETERS.test(c.base) || EVALUATORS.has(c.base);
}
var DOWNLOADERS = /* @__PURE__ */ new Set(["curl", "wget", "fetch"]);
var curlPipeShell = defineRule({
  id: "SG-DF-010",
  title: "Remote script piped into a shell",
  severity: "high",
  description: 'A RUN downloads a script and executes it in one go: `curl \u2026 | sh`, `wget -O- \u2026 | bash`, `sh -c "$(curl \u2026)"`, `bash <(curl \u2026)`, `\u2026 | python`.',
  rationale: "Whatever the server (or anyone in between, or whoever took over the domain) returns at build time runs as root in your build, unreviewed and unpinned; a truncated download executes half a script.",
  fix: [
    "Download to a file, verify its checksum (or signature), then run it \u2014 or use a package or a pinned release artifact.",
    "",
    "```dockerfile",
    "# before",
    "RUN curl -fsSL https://example.com/install.sh | sh",
    "",
    "# after",
    "ADD --checksum=sha256:<sha256> https://example.com/install-1.2.3.sh /tmp/install.sh",
    "RUN sh /tmp/install.sh && rm /tmp/install.sh",
    "```"
  ].join("\n"),
  tags: ["security", "dockerfile", "supply-chain"],
  hint: "download to a file, verify its checksum, then run it",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const inst of stage.instructions) {
        const cmds = inst.script?.commands ?? [];
        for (const c of cmds) {
          if (!DOWNLOADERS.has(c.base)) continue;
          let runner;
          let t = pipeTarget(cmds, c);
          const seen = /* @__PURE__ */ new Set();
          while (t && !seen.has(t.index)) {
            seen.add(t.index);
            if (runsStdin(t)) {
              runner = t;
              break;
            }
            if (t.base !== "tee" && t.base !== "cat") break;
            t = pipeTarget(cmds, t);
          }
          if (!runner && (c.context === "command-substitution" || c.context === "process-substitution")) {
            let p = c.parent !== void 0 ? cmds[c.parent] : void 0;
            while (p && !runsArgument(p) && p.context === "shell-string" && p.parent !== void 0)
              p = cmds[p.parent];
            if (p && runsArgument(p)) runner = p;
          }
          if (!runner) continue;
          const url = operands(c, [
            "-o",
            "-O",
            "-H",
            "-u",
            "-d",
            "--output",
            "--header",
            "-A",
            "-e",
            "--retry"
          ]).find((w) => /^(https?|ftp):\/\//.test(w.value))?.value;
          report({
            at: inst,
            span: {
              ...c.span,
              endLine: Math.max(c.span.endLine, runner.span.endLine),
              endColumn: c.span.endLine >= runner.span.endLine ? Math.max(c.span.endColumn, runner.span.endColumn) : runner.span.endColumn
            },
            key: `${c.text}|${runner.base}`,
            message: `${c.base} output${url ? ` from ${url}` : ""} is executed by ${runner.base} without verification.`
          });
        }
      }
  }
});
var sudo = defineRule({
  id: "SG-DF-027",
  title: "sudo in RUN",
  severity: "medium",
  description: "`sudo` used in a RUN.",
  rationale: "Build steps already run as the current USER; sudo in an image means a sudo binary and sudoers rules ship with it, its TTY and signal handling is unpredictable, and it is a privilege-escalation path at run time.",
  fix: "```dockerfile\n# before\nUSER app\nRUN sudo apt-get install -y curl\n# after\nUSER root\nRUN apt-get install -y --no-install-recommends curl\nUSER app\n```\nTo drop privileges at run time use `gosu` or `su-exec`.",
  tags: ["security", "dockerfile", "least-privilege"],
  equivalents: {
    hadolint: ["DL3004"],
    trivy: ["DS-0010", "AVD-DS-0010"],
    checkov: ["CKV2_DOCKER_1"],
    dockle: ["DKL-DI-0001"]
  },
  hint: "remove sudo; switch USER around the steps that need root",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage))
        if (cmd.base === "sudo")
          report({
            at: inst,
            span: cmd.nameSpan,
            key: cmd.text,
            message: `\`${cmd.text}\` uses sudo; switch USER instead.`
          });
  }
});
function worldWritable(mode) {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.padStart(4, "0");
    const other = Number(digits[3]);
    const special = Number(digits[0]);
    return (other & 2) === 2 && (special & 1) === 0;
  }
  return mode.split(",").some((part) => /^[ugoa]*[oa][ugoa]*[+=][rwxXst]*w/.test(part) && !/t/.test(part));
}
var chmod = defineRule({
  id: "SG-DF-028",
  title: "World-writable permissions (chmod 777, o+w)",
  severity: "medium",
  description: "`chmod` (or `COPY --chmod`) grants write permission to everyone: `777`, `666`, `o+w`, `a+w` (sticky-bit modes like `1777` are fine).",
  rationale: "Any process in the container, whatever its user, can replace the files \u2014 including the application code and scripts that run as root.",
  fix: "```dockerfile\n# before\nRUN chmod -R 777 /app\n# after\nCOPY --chown=app:app . /app\nRUN chmod -R u=rwX,go=rX /app\n```",
  tags: ["security", "dockerfile", "least-privilege"],
  hint: "grant write only to the owner (`chmod 755`/`644`, or `--chown` the files)",
  check({ df, report }) {
    for (const stage of df.stages) {
      for (const { inst, cmd } of commands(stage)) {
        if (cmd.base !== "chmod") continue;
        const mode = operands(cmd, ["--reference"])[0];
        if (mode && worldWritable(mode.value))
          report({
            at: inst,
            span: mode.span,
            key: cmd.text,
            message: `\`${cmd.text}\` makes files writable by every user.`
          });
      }
      for (const inst of stage.instructions) {
        const f = inst.flags.find((x) => x.name === "chmod");
        if (f?.value && worldWritable(f.value))
          report({
            at: inst,
            span: f.span,
            message: `${inst.keyword} --chmod=${f.value} makes files writable by every user.`
          });
      }
    }
  }
});
var cd = defineRule({
  id: "SG-DF-037",
  title: "cd in RUN instead of WORKDIR",
  severity: "low",
  description: "`cd` at the top level of a RUN (a `cd` inside a `( \u2026 )` subshell is fine).",
  rationale: "The directory change ends with the RUN, which confuses readers; WORKDIR documents and persists it.",
  fix: "```dockerfile\n# before\nRUN cd /usr/src/app && make\n# after\nWORKDIR /usr/src/app\nRUN make\n```",
  tags: ["dockerfile", "best-practice", "readability"],
  equivalents: { hadolint: ["DL3003"] },
  related: {
    checks: { trivy: ["DS-0013", "AVD-DS-0013"] },
    differs: "Trivy DS013 splits a RUN on `&&` and looks for a part starting with `cd `; SG-DF-037 parses the script, so it also sees a `cd` after `;`, a newline or in a heredoc, and leaves a `cd` inside a `( \u2026 )` subshell alone"
  },
  hint: "use WORKDIR",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage))
        if (cmd.base === "cd" && !cmd.inSubshell && (cmd.context === "top" || cmd.context === "heredoc"))
          report({
            at: inst,
            span: cmd.span,
            key: cmd.text,
            message: `\`${cmd.text}\` changes directory inside RUN; use WORKDIR.`,
            fix: `use \`WORKDIR ${operands(cmd)[0]?.value ?? "<dir>"}\``
          });
  }
});
function shellOf(df, stage, before) {
  let shell;
  for (const i of inheritedInstructions(df, stage)) {
    if (i === before) break;
    if (i.keyword === "SHELL" && i.json) shell = i.json;
  }
  return shell;
}
var pipefail = defineRule({
  id: "SG-DF-042",
  title: "Pipe in RUN without pipefail",
  severity: "low",
  description: "A RUN uses a pipe while the shell runs without `-o pipefail` (set by SHELL or `set -o pipefail` in the RUN).",
  rationale: "Without pipefail only the last command of a pipe decides success: `curl https://broken | tar xz` fails to download yet the build goes on with a broken image.",
  fix: '```dockerfile\n# before\nRUN wget -O - https://example.com/x.tgz | tar xz\n# after\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://example.com/x.tgz | tar xz\n```',
  tags: ["dockerfile", "best-practice", "reliability"],
  equivalents: { hadolint: ["DL4006"] },
  hint: 'add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (or `set -o pipefail &&` in it)',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const inst of stage.instructions) {
        const s = inst.script;
        if (!s || s.language !== "bash") continue;
        const pipe = s.commands.find(
          (c) => c.pipeline && c.pipeline.length > 1 && c.pipeline.position === 0 && c.context === "top"
        );
        if (!pipe) continue;
        const shell = shellOf(df, stage, inst);
        if (shell && /^(bash|zsh|ash|ksh|mksh)$/.test(basename(shell[0] ?? "")) && shell.some((w, i) => w === "pipefail" && /^-[a-z]*o$/.test(shell[i - 1] ?? "")))
          continue;
        const setPipefail = s.commands.some(
          (c) => c.base === "set" && c.args.some(
            (a, i) => a.value === "pipefail" && /^[-+][a-z]*o$/.test(c.args[i - 1]?.value ?? "")
          ) && c.index < pipe.index
        );
        if (setPipefail) continue;
        report({
          at: inst,
          span: pipe.span,
          message: `RUN pipes \`${pipe.base}\` into \`${s.commands[pipe.pipesTo ?? -1]?.base ?? "\u2026"}\` without pipefail, so a failure of ${pipe.base} is ignored.`
        });
      }
  }
});
var wgetAndCurl = defineRule({
  id: "SG-DF-043",
  title: "Both wget and curl used",
  severity: "info",
  description: "A stage uses both `wget` and `curl`.",
  rationale: "Two download tools where one suffices: extra packages, extra attack surface, inconsistent TLS and retry behaviour.",
  fix: "```dockerfile\n# before\nRUN wget https://a/x.tgz && curl -fsSLO https://b/y.tgz\n# after\nRUN curl -fsSLO https://a/x.tgz && curl -fsSLO https://b/y.tgz\n```",
  tags: ["dockerfile", "best-practice"],
  equivalents: { hadolint: ["DL4001"] },
  related: {
    checks: { trivy: ["DS-0014", "AVD-DS-0014"] },
    differs: "Trivy DS014 flags a Dockerfile that uses wget in one stage and curl in another; SG-DF-043 only a stage that uses both, since each stage is its own image"
  },
  hint: "use one download tool",
  check({ df, report }) {
    for (const stage of df.stages) {
      const cmds = commands(stage);
      const firstCurl = cmds.find((c) => c.cmd.base === "curl");
      const firstWget = cmds.find((c) => c.cmd.base === "wget");
      if (!firstCurl || !firstWget) continue;
      const second = cmds.indexOf(firstCurl) > cmds.indexOf(firstWget) ? firstCurl : firstWget;
      report({
        at: second.inst,
        span: second.cmd.nameSpan,
        message: `This stage uses both wget and curl; pick one.`
      });
    }
  }
});
var gitClone = defineRule({
  id: "SG-DF-046",
  title: "git clone of an unpinned ref",
  severity: "low",
  description: "`git clone` without `--branch <tag>` and without a later `git checkout`/`git reset` to a commit or tag in the same RUN.",
  rationale: "The build takes whatever the default branch points at that day: unreproducible, and a compromised upstream flows straight in.",
  fix: "```dockerfile\n# before\nRUN git clone https://github.com/org/tool.git\n# after\nRUN git clone --depth 1 --branch v1.4.2 https://github.com/org/tool.git\n# or pin a commit\nRUN git clone https://github.com/org/tool.git && git -C tool checkout 3f2a1c9\n```",
  tags: ["security", "dockerfile", "supply-chain", "reproducibility"],
  hint: "clone a tag (`--branch v1.2.3`) or check out a commit",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const inst of stage.instructions) {
        const cmds = inst.script?.commands ?? [];
        for (const c of cmds) {
          if (c.base !== "git" || subcommand(c, ["-C", "-c"]) !== "clone") continue;
          const branch = flagValue(c, "--branch", "-b");
          if (branch && /\d|^[0-9a-f]{7,40}$/.test(branch)) continue;
          const pinned = cmds.some(
            (x) => x.base === "git" && ["checkout", "reset", "switch"].includes(subcommand(x, ["-C", "-c"]) ?? "") && operands(x, ["-C", "-c"]).slice(1).some((o) => /^[0-9a-f]{7,40}$|\d|^\$/.test(o.value))
          );
          if (pinned) continue;
          const url = operands(c, ["-C", "-c", "--branch", "-b", "--depth", "-o", "--origin", "--reference"]).find(
            (o) => o.value !== "clone"
          )?.value ?? "";
          report({
            at: inst,
            span: c.span,
            key: c.text,
            message: `\`git clone ${url}\` takes whatever the default${branch ? ` branch "${branch}"` : ""} ref points at; pin a tag or commit.`
          });
        }
      }
  }
});
var TLS_ENV = {
  GIT_SSL_NO_VERIFY: (v) => v !== "" && !/^(0|false|no)$/i.test(v),
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v === "0",
  PYTHONHTTPSVERIFY: (v) => v === "0",
  PIP_TRUSTED_HOST: (v) => v !== "",
  NPM_CONFIG_STRICT_SSL: (v) => /^false$/i.test(v),
  YARN_STRICT_SSL: (v) => /^false$/i.test(v),
  CURL_CA_BUNDLE: (v) => v === ""
};
function tlsOff(c) {
  if (c.base === "curl" && hasFlag(c, "-k", "--insecure")) return "curl -k/--insecure";
  if (c.base === "wget" && hasFlag(c, "--no-check-certificate")) return "wget --no-check-certificate";
  if (/^pip(\d(\.\d+)?)?$/.test(c.base) && hasFlag(c, "--trusted-host")) return "pip --trusted-host";
  if (/^python/.test(c.base) && c.args.some((a) => a.value === "pip") && hasFlag(c, "--trusted-host"))
    return "pip --trusted-host";
  if (["npm", "yarn", "pnpm"].includes(c.base) && subcommand(c) === "config") {
    const ops = operands(c).map((o) => o.value);
    if (ops.includes("strict-ssl") && ops.includes("false")) return `${c.base} config set strict-ssl false`;
    if (ops.some((o) => /^strict-ssl=false$/.test(o))) return `${c.base} config set strict-ssl=false`;
  }
  if (["npm", "yarn", "pnpm"].includes(c.base) && c.args.some((a) => /^--strict-ssl(=false)?$/.test(a.value) && a.value.endsWith("false")))
    return `${c.base} --strict-ssl=false`;
  if (c.base === "git") {
    const words = c.args.map((a) => a.value.toLowerCase());
    if (words.some((w, i) => w === "http.sslverify" && /^(false|0|no)$/.test(words[i + 1] ?? "")))
      return "git config http.sslVerify false";
    if (words.some((w) => /^http\.sslverify=(false|0|no)$/.test(w))) return "git -c http.sslVerify=false";
  }
  if (["yum", "dnf", "tdnf", "microdnf"].includes(c.base) && c.args.some((a) => /sslverify=(0|false|no)/i.test(a.value)))
    return `${c.base} --setopt=sslverify=false`;
  for (const a of c.assignments) if (TLS_ENV[a.name]?.(a.value)) return `${a.name}=${a.value}`;
  if (["export", "env"].includes(c.base))
    for (const a of c.args) {
      const m = /^([A-Z_]+)=(.*)$/.exec(a.value);
      if (m && TLS_ENV[m[1]]?.(m[2])) return `${m[1]}=${m[2]}`;
    }
  return void 0;
}
var tls = defineRule({
  id: "SG-DF-051",
  title: "TLS certificate verification disabled",
  severity: "high",
  description: "A download or package tool is told to skip certificate checks: `curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `npm config set strict-ssl false`, `git config http.sslVerify false`, `sslverify=0`, or ENV `GIT_SSL_NO_VERIFY`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `PIP_TRUSTED_HOST`.",
  rationale: "Without certificate verification anyone on the network path can replace what the build downloads, and ENV settings keep verification off in the running container too.",
  fix: "```dockerfile\n# before\nRUN curl -k -fsSLO https://example.com/tool.tgz\n# after (install the CA your proxy uses instead)\nCOPY corp-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates && curl -fsSLO https://example.com/tool.tgz\n```",
  tags: ["security", "dockerfile", "supply-chain", "tls"],
  equivalents: {
    checkov: [
      "CKV2_DOCKER_2",
      "CKV2_DOCKER_3",
      "CKV2_DOCKER_4",
      "CKV2_DOCKER_5",
      "CKV2_DOCKER_6",
      "CKV2_DOCKER_12",
      "CKV2_DOCKER_13",
      "CKV2_DOCKER_14",
      "CKV2_DOCKER_15",
      "CKV2_DOCKER_16"
    ]
  },
  hint: "keep certificate verification on; add the needed CA certificate instead",
  check({ df, report }) {
    for (const stage of df.stages) {
      for (const { inst, cmd } of commands(stage)) {
        const what = tlsOff(cmd);
        if (what)
          report({
            at: inst,
            span: cmd.span,
            key: cmd.text,
            message: `\`${what}\` disables TLS certificate verification.`
          });
      }
      for (const inst of stage.instructions) {
        if (inst.keyword !== "ENV" && inst.keyword !== "ARG") continue;
        for (const kv of keyValues(inst))
          if (kv.value !== void 0 && TLS_ENV[kv.key]?.(kv.value))
            report({
              at: inst,
              span: kv.word.span,
              key: kv.key,
              message: `${inst.keyword} ${kv.key}=${kv.value} disables TLS certificate verification.`
            });
      }
    }
  }
});
function sigOff(c) {
  if (c.base === "apk" && hasFlag(c, "--allow-untrusted")) return "apk --allow-untrusted";
  if (c.base === "apt-get" || c.base === "apt") {
    const f = [
      "--allow-unauthenticated",
      "--force-yes",
      "--allow-insecure-repositories",
      "--allow-releaseinfo-change"
    ].find((x) => hasFlag(c, x));
    if (f && f !== "--allow-releaseinfo-change") return `${c.base} ${f}`;
    if (c.args.some(
      (a) => /AllowUnauthenticated=(true|1|yes)|AllowInsecureRepositories=(true|1|yes)/i.test(a.value)
    ))
      return `${c.base} -o AllowUnauthenticated`;
  }
  if (["yum", "dnf", "tdnf", "microdnf", "zypper"].includes(c.base)) {
    if (hasFlag(c, "--nogpgcheck", "--no-gpg-checks"))
      return `${c.base} ${hasFlag(c, "--nogpgcheck") ? "--nogpgcheck" : "--no-gpg-checks"}`;
    if (c.args.some((a) => /gpgcheck=(0|false|no)/i.test(a.value))) return `${c.base} gpgcheck=0`;
  }
  if (c.base === "rpm") {
    const f = ["--nosignature", "--nodigest", "--noverify", "--nofiledigest"].find((x) => hasFlag(c, x));
    if (f) return `rpm ${f}`;
  }
  return void 0;
}
var signatures = defineRule({
  id: "SG-DF-052",
  title: "Package signature verification disabled",
  severity: "high",
  description: "A package manager is told to accept unsigned packages: `apk --allow-untrusted`, `apt-get --allow-unauthenticated`/`--force-yes`, `yum/dnf --nogpgcheck`, `rpm --nosignature`.",
  rationale: "Signatures are what proves a package comes from the distribution; without them a mirror or network attacker can ship anything.",
  fix: "```dockerfile\n# before\nRUN apk add --allow-untrusted ./tool.apk\n# after (sign the package and trust the key)\nCOPY keys/ /etc/apk/keys/\nRUN apk add --no-cache ./tool.apk\n```",
  tags: ["security", "dockerfile", "supply-chain"],
  equivalents: {
    checkov: ["CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11"]
  },
  hint: "remove the flag and import the signing key instead",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        const what = sigOff(cmd);
        if (what)
          report({
            at: inst,
            span: cmd.span,
            key: cmd.text,
            message: `\`${what}\` disables package signature verification.`
          });
      }
  }
});
var POINTLESS = /* @__PURE__ */ new Set([
  "ssh",
  "vim",
  "vi",
  "nano",
  "shutdown",
  "service",
  "ps",
  "free",
  "top",
  "htop",
  "kill",
  "mount",
  "ifconfig"
]);
var pointless = defineRule({
  id: "SG-DF-057",
  title: "Command that makes no sense in a build",
  severity: "info",
  description: "A RUN invokes an interactive or system-management command (ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig).",
  rationale: "Builds have no terminal, no init system and no running services; these commands fail, hang, or do nothing useful.",
  fix: '```dockerfile\n# before\nRUN service nginx start\n# after\nCMD ["nginx", "-g", "daemon off;"]\n```',
  tags: ["dockerfile", "best-practice"],
  equivalents: { hadolint: ["DL3001"] },
  hint: "remove the command; start services with CMD/ENTRYPOINT",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage))
        if (POINTLESS.has(cmd.base) && cmd.context !== "command-substitution")
          report({
            at: inst,
            span: cmd.nameSpan,
            key: cmd.text,
            message: `\`${cmd.base}\` has no useful effect in a container build.`
          });
  }
});
var lnShell = defineRule({
  id: "SG-DF-065",
  title: "Default shell replaced with ln instead of SHELL",
  severity: "low",
  description: "A RUN symlinks another shell over `/bin/sh` (`ln -sf /bin/bash /bin/sh`).",
  rationale: "It silently changes the shell for every later RUN and for every script in the image that expects a POSIX sh; SHELL changes only the Dockerfile.",
  fix: '```dockerfile\n# before\nRUN ln -sf /bin/bash /bin/sh\n# after\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n```',
  tags: ["dockerfile", "best-practice"],
  equivalents: { hadolint: ["DL4005"] },
  hint: "use the SHELL instruction",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        if (cmd.base !== "ln") continue;
        const ops = operands(cmd);
        if (ops.length >= 2 && ops.at(-1)?.value === "/bin/sh")
          report({
            at: inst,
            span: cmd.span,
            key: cmd.text,
            message: `\`${cmd.text}\` replaces /bin/sh; use SHELL instead.`
          });
      }
  }
});
var WGET_QUIET = ["--progress", "--quiet", "--no-verbose", "--output-file", "--append-output"];
var WGET_SHORT_WITH_VALUE = /* @__PURE__ */ new Set([..."aAbBDeiIlOoPQRtTUwX"]);
function wgetQuiet(cmd) {
  if (hasFlag(cmd, ...WGET_QUIET)) return true;
  for (const a of cmd.args) {
    const v = a.value;
    if (v === "--") return false;
    if (!v.startsWith("-") || v.startsWith("--")) continue;
    if (v === "-nv" || v.startsWith("-nv")) return true;
    if (v.startsWith("-n")) continue;
    for (const c of v.slice(1)) {
      if (c === "q" || c === "o" || c === "a") return true;
      if (WGET_SHORT_WITH_VALUE.has(c)) break;
    }
  }
  return false;
}
var wgetProgress = defineRule({
  id: "SG-DF-067",
  title: "wget without --progress or -q",
  severity: "info",
  description: "`wget` without `--progress=\u2026`, `-q`/`--quiet`, `-nv`/`--no-verbose` or a log file (`-o`/`-a`).",
  rationale: "wget's default progress bar is written line by line into non-interactive build logs: downloading a large file adds thousands of lines that bury the useful output.",
  fix: "Add `--progress=dot:giga` (one dot per 32 MB) or run wget quietly with `-q`/`-nv`.\n\n```dockerfile\n# before\nRUN wget https://example.com/big.tar.gz\n# after\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n```",
  tags: ["dockerfile", "best-practice", "logs"],
  equivalents: { hadolint: ["DL3047"] },
  hint: "add `--progress=dot:giga` (or `-q`/`-nv`)",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        if (cmd.base !== "wget" || wgetQuiet(cmd)) continue;
        report({
          at: inst,
          span: cmd.span,
          key: cmd.text,
          message: `\`${cmd.text}\` prints a progress bar into the build log.`
        });
      }
  }
});
function topCommands(inst) {
  if (inst.heredocs.length) return Infinity;
  return (inst.script?.commands ?? []).filter((c) => c.context === "top").length;
}
var consecutiveRun = defineRule({
  id: "SG-DF-068",
  title: "Consecutive single-command RUN instructions",
  severity: "info",
  description: "Two or more RUN instructions in a row (comments between them do not count) that each run a single command and have the same flags. RUNs that chain commands (`&&`, `;`) are left alone: splitting them was a deliberate choice.",
  rationale: "Every RUN adds a layer; consecutive one-command RUNs usually belong together, and merging them gives a smaller image and lets clean-up commands actually remove files.",
  fix: "Chain the commands in one RUN; keep separate RUNs where a separate cache layer is wanted.\n\n```dockerfile\n# before\nRUN ./configure\nRUN make\n# after\nRUN ./configure \\\n && make\n```",
  tags: ["dockerfile", "best-practice", "size"],
  equivalents: { hadolint: ["DL3059"] },
  hint: "merge the RUN instructions with `&&`",
  check({ df, report }) {
    const flagsOf = (inst) => inst.flags.map((f) => `${f.name}=${f.value ?? ""}`).join(" ");
    for (const stage of df.stages) {
      let prev;
      for (const inst of stage.instructions) {
        if (inst.keyword !== "RUN") {
          prev = void 0;
          continue;
        }
        if (prev && flagsOf(prev) === flagsOf(inst) && topCommands(prev) === 1 && topCommands(inst) === 1)
          report({
            at: inst,
            message: `This RUN directly follows the single-command RUN on line ${prev.span.line}; consider merging them.`
          });
        prev = inst;
      }
    }
  }
});
var shellRules = [
  curlPipeShell,
  sudo,
  chmod,
  cd,
  pipefail,
  wgetAndCurl,
  gitClone,
  tls,
  signatures,
  pointless,
  lnShell,
  wgetProgress,
  consecutiveRun
];

// src/dockerfile/stage-user.ts
function stageUser(df, stage) {
  const globals = new Map(df.globalArgs.map((a) => [a.name, a.value]));
  const env = /* @__PURE__ */ new Map();
  let args = /* @__PURE__ */ new Map();
  let user;
  const scope = () => new Map([...args, ...env]);
  const substitute = (text) => {
    const r = substituteArgs(text, scope());
    return r.unresolved ? void 0 : r.text;
  };
  const apply = (inst) => {
    if (inst.keyword === "ARG")
      for (const kv of keyValues(inst))
        args.set(kv.key, kv.value === void 0 ? globals.get(kv.key) : substitute(kv.value));
    else if (inst.keyword === "ENV")
      for (const kv of keyValues(inst))
        env.set(kv.key, kv.value === void 0 ? void 0 : substitute(kv.value));
    else if (inst.keyword === "USER") {
      const text = inst.args.map((a) => a.value).join(" ");
      const value = substitute(text);
      user = {
        inst,
        text,
        value: value ?? text,
        runsAs: value === void 0 || value.trim() === "" ? "unknown" : isRootUser(value) ? "root" : "non-root"
      };
    }
  };
  let triggers = [];
  for (const s of stageChain(df, stage).reverse()) {
    args = /* @__PURE__ */ new Map();
    for (const t of triggers) apply(t);
    triggers = [];
    for (const inst of s.instructions) {
      if (inst.keyword === "ONBUILD") {
        if (inst.trigger) triggers.push(inst.trigger);
      } else apply(inst);
    }
  }
  return user;
}

// src/dockerfile/rules/user.ts
var KNOWN_NONROOT_IMAGES = [
  "gcr.io/distroless/*:nonroot",
  "gcr.io/distroless/*:*-nonroot",
  "gcr.io/distroless/*:nonroot-*",
  "cgr.dev/chainguard/*",
  "docker.io/nginxinc/nginx-unprivileged*",
  "docker.io/bitnami/*"
];
var ROOT_DEFAULT_EXCEPTIONS = ["cgr.dev/chainguard/wolfi-base*", "cgr.dev/chainguard/*:*-dev"];
function nonRootByDefault(ref, extra = []) {
  if (ref.scratch || ref.unresolved) return false;
  if (imageMatches(ref, extra)) return true;
  return imageMatches(ref, KNOWN_NONROOT_IMAGES) && !imageMatches(ref, ROOT_DEFAULT_EXCEPTIONS);
}
function effectiveUser(df, stage) {
  return inheritedInstructions(df, stage).filter((i) => i.keyword === "USER").at(-1);
}
var userNonRoot = defineRule({
  id: "SG-DF-001",
  title: "Final stage runs as root",
  severity: "high",
  description: "The final stage sets no USER (and its base image does not default to a non-root user), or its last USER is root (`root`, `0`, `000`, `root:root`, `0:0`), also once the ARG and ENV values the Dockerfile gives are substituted (`ARG APP_USER=root` then `USER $APP_USER`; `USER ${UID:-0}`). A USER whose variable has no value in the Dockerfile (an ARG without a default, or a variable the base image may set) is not judged here; the policy setting `dockerfile.require-non-root` refuses it.",
  rationale: "A process running as root inside the container is root on the host if it escapes the container, can modify the whole image filesystem at run time, and is refused by Kubernetes `runAsNonRoot` policies. A USER set in an earlier build stage does not carry into the final image.",
  fix: [
    "Create an unprivileged user (or use the base image's one) and switch to it at the end of the final stage.",
    "",
    "```dockerfile",
    "# before",
    "FROM node:20-slim",
    "COPY . /app",
    'CMD ["node", "/app/server.js"]',
    "",
    "# after",
    "FROM node:20-slim",
    "COPY --chown=node:node . /app",
    "USER node",
    'CMD ["node", "/app/server.js"]',
    "```",
    "",
    "With a numeric id (`USER 10001:10001`) Kubernetes can verify `runAsNonRoot` without reading /etc/passwd."
  ].join("\n"),
  tags: ["security", "dockerfile", "least-privilege"],
  equivalents: {
    checkov: ["CKV_DOCKER_3", "CKV_DOCKER_8"],
    dockle: ["CIS-DI-0001"]
  },
  related: {
    checks: { hadolint: ["DL3002"], trivy: ["DS-0002", "AVD-DS-0002"] },
    differs: "hadolint DL3002 and Trivy DS002 read USER instructions; SG-DF-001 judges the user the final image runs as: a final stage on scratch without USER runs as root, a base known to run as non-root (distroless `:nonroot`, Chainguard) needs no USER, a base named by a variable is not judged, the last USER of a build stage the final image does not build on does not count, and a USER without a name (which Docker refuses) is no user, and variables in USER are substituted with the values the Dockerfile gives"
  },
  hint: "add `USER <non-root user>` at the end of the final stage",
  check({ df, options, report }) {
    const stage = finalStage(df);
    const user = stageUser(df, stage);
    const base = rootImage(df, stage);
    if (!user) {
      if (base.unresolved) return;
      if (nonRootByDefault(base, options.nonRootImages)) return;
      const earlier = df.stages.find(
        (s) => !stageChain(df, stage).includes(s) && s.instructions.some((i) => i.keyword === "USER")
      );
      report({
        at: stage.from,
        span: stage.imageSpan,
        message: `The final stage (FROM ${stage.image.raw}) sets no USER, so the container runs as root${earlier ? ` (the USER in ${earlier.name ? `stage "${earlier.name}"` : `stage ${earlier.index}`} does not carry over)` : ""}.`,
        fix: base.scratch ? "add `USER 65532:65532` (scratch has no users; any numeric id works)" : "create a user (e.g. `RUN useradd -r -u 10001 app`) and add `USER app` at the end of the final stage"
      });
      return;
    }
    if (user.runsAs === "root")
      report({
        at: user.inst,
        message: `The last USER of the final stage is "${user.text}"${user.value === user.text ? "" : ` ("${user.value}" once its variables are substituted)`}, so the container runs as root.`,
        fix: "switch to an unprivileged user after the steps that need root, e.g. `USER 10001`"
      });
  }
});
var useraddUid = defineRule({
  id: "SG-DF-044",
  title: "useradd with a high UID without -l",
  severity: "low",
  description: "`useradd` with a large `--uid` and without `-l`/`--no-log-init`.",
  rationale: "useradd writes a sparse entry at the UID offset into /var/log/faillog and lastlog; without `-l` a high UID makes the layer gigabytes large (a known Go archive/tar bug makes it worse).",
  fix: [
    "Add `-l` (`--no-log-init`).",
    "",
    "```dockerfile",
    "# before",
    "RUN useradd -u 123456 app",
    "# after",
    "RUN useradd -l -u 123456 app",
    "```"
  ].join("\n"),
  tags: ["dockerfile", "best-practice", "size"],
  equivalents: { hadolint: ["DL3046"] },
  hint: "add `-l` to useradd",
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        if (cmd.base !== "useradd" || hasFlag(cmd, "-l", "--no-log-init")) continue;
        const uid = flagValue(cmd, "-u", "--uid");
        if (uid && /^\d+$/.test(uid) && Number(uid) > 99999)
          report({
            at: inst,
            span: cmd.span,
            message: `useradd with UID ${uid} and without -l bloats the image with sparse lastlog/faillog files.`,
            key: cmd.text
          });
      }
  }
});
var chownHome = defineRule({
  id: "SG-DF-041",
  title: "COPY into a non-root user's home without --chown",
  severity: "low",
  description: "After `USER <name>` (not root), a COPY/ADD writes into `/home/<name>` (or a relative path under a WORKDIR there) without `--chown`, so the files belong to root.",
  rationale: "COPY and ADD always create files owned by root unless `--chown` is given, so the application user cannot write its own home (caches, config) and people work around it with `chmod 777` or by running as root.",
  fix: [
    "Give the files to the user that runs the app.",
    "",
    "```dockerfile",
    "# before",
    "USER app",
    "WORKDIR /home/app",
    "COPY . .",
    "# after",
    "USER app",
    "WORKDIR /home/app",
    "COPY --chown=app:app . .",
    "```"
  ].join("\n"),
  tags: ["dockerfile", "best-practice", "least-privilege"],
  hint: "add `--chown=<user>:<group>` to the COPY",
  check({ df, report }) {
    for (const stage of df.stages) {
      let user;
      let workdir2 = "/";
      for (const inst of stage.instructions) {
        if (inst.keyword === "USER") user = inst.args[0]?.value.split(":")[0];
        if (inst.keyword === "WORKDIR") {
          const w = inst.args[0]?.value ?? "";
          workdir2 = w.startsWith("/") ? w : `${workdir2.replace(/\/$/, "")}/${w}`;
        }
        if (inst.keyword !== "COPY" && inst.keyword !== "ADD" || !user || isRootUser(user)) continue;
        if (/^\d+$/.test(user) || user.includes("$")) continue;
        if (inst.flags.some((f) => f.name === "chown" || f.name === "chmod")) continue;
        const words = operands(inst);
        const dest = words.at(-1)?.value;
        if (!dest || words.length < 2) continue;
        const abs = dest.startsWith("/") ? dest : `${workdir2.replace(/\/$/, "")}/${dest}`;
        const home = `/home/${user}`;
        if (abs === home || abs.startsWith(`${home}/`) || dest.startsWith("~"))
          report({
            at: inst,
            message: `${inst.keyword} into ${abs} (home of USER ${user}) without --chown leaves the files owned by root.`,
            fix: `add \`--chown=${user}:${user}\``
          });
      }
    }
  }
});
var numericUser = defineRule({
  id: "SG-DF-063",
  title: "Final USER is a name, not a numeric id",
  severity: "info",
  description: "The final stage runs as a non-root user given by name (`USER app`) rather than by id (`USER 10001`).",
  rationale: "Kubernetes `runAsNonRoot` can only verify a numeric user; with a name the pod is refused unless `runAsUser` is set, and the name may resolve differently on other bases.",
  fix: "```dockerfile\n# before\nUSER app\n# after\nUSER 10001:10001\n```",
  tags: ["dockerfile", "kubernetes", "least-privilege"],
  equivalents: { hadolint: ["DL3066"] },
  hint: "use the numeric uid (and gid)",
  check({ df, report }) {
    const user = effectiveUser(df, finalStage(df));
    const value = user?.args[0]?.value;
    if (!user || !value || value.includes("$") || isRootUser(value)) return;
    if (value.split(":").every((p) => /^\d+$/.test(p))) return;
    report({ at: user, message: `USER ${value} is a name; Kubernetes runAsNonRoot cannot verify it.` });
  }
});
var userRules = [userNonRoot, useraddUid, chownHome, numericUser];

// src/dockerfile/rules/index.ts
var RULES = [
  ...userRules,
  ...baseImageRules,
  ...secretRules,
  ...packageRules,
  ...shellRules,
  ...instructionRules,
  ...copyRules
].sort((a, b) => compareText(a.meta.id, b.meta.id));
function dockerfileRules() {
  return RULES.map((r) => r.meta);
}

// src/dockerfile/shellcheck.ts
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename as basename2, delimiter, join } from "node:path";
var EXCLUDED = ["SC1090", "SC2187"];
var PROXY_VARS = [
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "FTP_PROXY",
  "ftp_proxy",
  "NO_PROXY",
  "no_proxy"
];
var DIALECT = {
  sh: "sh",
  bash: "bash",
  dash: "dash",
  ksh: "ksh",
  ash: "dash",
  busybox: "dash"
};
var DEFAULT_TIMEOUT_MS = 6e4;
var MAX_SUBST_DEPTH = 8;
var MAX_SCRIPT_CHARS = 64 * 1024;
var MAX_SCRIPTS = 2e3;
var binaries = /* @__PURE__ */ new Map();
function findShellcheck(path = process.env.PATH ?? "") {
  let found = binaries.get(path);
  if (found === void 0) {
    found = null;
    for (const dir of path.split(delimiter)) {
      if (!dir) continue;
      const candidate = join(dir, "shellcheck");
      try {
        accessSync(candidate, constants.X_OK);
        found = candidate;
        break;
      } catch {
      }
    }
    binaries.set(path, found);
  }
  return found ?? void 0;
}
function shellcheckSeverity(level) {
  return level === "error" ? "medium" : level === "warning" ? "low" : "info";
}
var BATCH = 250;
var POOL = 2;
async function runShellcheck(dfs, binary, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const collected = dfs.map((df) => collectScripts(df));
  let total = 0;
  for (const c of collected) {
    const kept = [];
    for (const script of c.scripts) {
      const reason = script.text.length > MAX_SCRIPT_CHARS ? `script longer than ${MAX_SCRIPT_CHARS / 1024} KiB` : substitutionDepth(script.text) > MAX_SUBST_DEPTH ? `command substitutions nested more than ${MAX_SUBST_DEPTH} deep` : total >= MAX_SCRIPTS ? `more than ${MAX_SCRIPTS} RUN scripts in one run` : void 0;
      if (reason) c.skipped.push({ line: script.at.span.line, reason });
      else {
        kept.push(script);
        total++;
      }
    }
    c.scripts = kept;
    c.skipped.sort((a, b) => a.line - b.line);
  }
  const runs = collected.map((c) => ({ reports: [], skipped: c.skipped }));
  const all = collected.flatMap((c, d) => c.scripts.map((script) => ({ script, d })));
  if (all.length === 0) return runs;
  const dir = await mkdtemp(join(tmpdir(), "shipgate-shellcheck-"));
  try {
    const files = all.map((_, i) => join(dir, `${i}.sh`));
    await Promise.all(all.map((s, i) => writeFile(files[i], s.script.text)));
    const index = new Map(files.map((f, i) => [f, i]));
    const batches = [];
    for (let i = 0; i < all.length; i += BATCH)
      batches.push(Array.from({ length: Math.min(BATCH, all.length - i) }, (_, k) => i + k));
    const outs = await mapConcurrent(batches, POOL, (batch) => {
      const names = [...new Set(batch.map((i) => dfs[all[i].d].path))];
      const paths = names.length > 3 ? `${names[0]} and ${names.length - 1} more Dockerfiles` : names.join(", ");
      return execShellcheck(
        binary,
        batch.map((i) => files[i]),
        timeoutMs,
        paths
      );
    });
    for (const c of outs.flat()) {
      const entry = all[index.get(c.file) ?? -1];
      if (!entry) continue;
      const { script, d } = entry;
      const code = `SC${c.code}`;
      runs[d].reports.push({
        at: script.at,
        span: mapSpan(script, c),
        message: `${c.message} (${code})`,
        key: `${code}:${c.message}`,
        fix: `https://www.shellcheck.net/wiki/${code}`,
        properties: { shellcheck: { code, level: c.level } },
        code,
        level: c.level
      });
    }
    return runs;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function substitutionDepth(text) {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "$" && text[i + 1] === "(") {
      depth++;
      i++;
      if (depth > max) max = depth;
    } else if (text[i] === ")" && depth > 0) depth--;
  }
  return max;
}
async function execShellcheck(binary, files, timeoutMs, path) {
  const args = ["--norc", "--format=json1", "--severity=style", `--exclude=${EXCLUDED.join(",")}`, ...files];
  const { execFile } = await import("node:child_process");
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const status = err && typeof err.code === "number" ? err.code : err ? -1 : 0;
      if (err && (err.killed || err.signal)) {
        reject(
          new ShipgateError("TIMEOUT", `${path}: ShellCheck did not finish within ${timeoutMs / 1e3}s`, {
            hint: "set dockerfile.shellcheck: false in shipgate.yaml to lint without ShellCheck"
          })
        );
        return;
      }
      if (status !== 0 && status !== 1) {
        const why = stderr.trim().split("\n")[0] || `exit ${status}`;
        reject(new ShipgateError("INPUT", `${path}: ShellCheck failed: ${why}`));
        return;
      }
      try {
        const parsed = JSON.parse(stdout);
        resolve(parsed.comments ?? []);
      } catch (e) {
        reject(new ShipgateError("INPUT", `${path}: ShellCheck printed no JSON report`, { cause: e }));
      }
    });
  });
}
function offsetOf(text, line, column) {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  for (let c = 1; c < column && off < text.length && text[off] !== "\n"; c++)
    off += (text.codePointAt(off) ?? 0) > 65535 ? 2 : 1;
  return off;
}
function mapSpan(script, c) {
  const fallback = script.at.span;
  const start = script.pos[offsetOf(script.text, c.line, c.column)];
  if (!start) return fallback;
  const endOff = offsetOf(script.text, c.endLine, c.endColumn);
  const last = endOff > 0 ? script.pos[endOff - 1] : void 0;
  const end = last && endOff > offsetOf(script.text, c.line, c.column) ? { line: last.line, column: last.column + 1 } : start;
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
function collectScripts(df) {
  const scripts = [];
  const skipped = [];
  const stageShell = [];
  const stageVars = [];
  for (const stage of df.stages) {
    const base = stage.baseStage;
    let shell = base !== void 0 ? stageShell[base] ?? "/bin/sh" : "/bin/sh";
    const vars = new Set(base !== void 0 ? stageVars[base] : []);
    for (const inst of stage.instructions) {
      if (inst.keyword === "SHELL" && inst.json?.[0]) shell = inst.json[0];
      if (inst.keyword === "ARG" || inst.keyword === "ENV") for (const v of declaredNames(inst)) vars.add(v);
      const run = inst.keyword === "RUN" ? inst : inst.trigger?.keyword === "RUN" ? inst.trigger : void 0;
      if (!run) continue;
      const line = inst.span.line;
      if (run.json) {
        skipped.push({ line, reason: "exec form (no shell runs it)" });
        continue;
      }
      const s = buildScript(df, inst, run, shell, vars);
      if (typeof s === "string") skipped.push({ line, reason: s });
      else scripts.push(s);
    }
    stageShell.push(shell);
    stageVars.push(vars);
  }
  return { scripts, skipped };
}
function declaredNames(inst) {
  const words = inst.args.map((w) => w.value);
  if (inst.keyword === "ENV" && words[0] && !words[0].includes("=")) return [words[0]];
  return words.map((w) => w.split("=")[0] ?? "").filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
}
function dialectOf(shell) {
  const name = basename2(shell).replace(/\.exe$/i, "").toLowerCase();
  return DIALECT[name];
}
function buildScript(df, at, run, shell, vars) {
  const first = run.args[0];
  if (!first) return "empty RUN";
  let dialect = dialectOf(shell);
  let body;
  const heredoc = run.heredocs[0];
  const firstLine = df.lines[first.span.line - 1] ?? "";
  const afterArgs = firstLine.slice(first.span.column - 1);
  if (heredoc && /^(?:\s*<<-?\s*(?:"[^"]*"|'[^']*'|[^\s<>|&;]+))+\s*$/.test(afterArgs)) {
    body = lines(heredoc.span.line + 1, 1, heredoc.body);
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(heredoc.body);
    if (shebang) {
      const interp = shebang[1] === "/usr/bin/env" ? shebang[2] ?? "" : shebang[1] ?? "";
      dialect = dialectOf(interp);
      if (!dialect) return `not a POSIX shell (${basename2(interp)})`;
      const nl = body.text.indexOf("\n");
      body = nl < 0 ? { text: "", pos: [] } : { text: body.text.slice(nl + 1), pos: body.pos.slice(nl + 1) };
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
      df.escape
    );
  }
  if (!dialect) return `not a POSIX shell (${basename2(shell)})`;
  if (run.script?.language === "other") return "Windows base image (no POSIX shell)";
  const names = [...PROXY_VARS, ...vars];
  const prologue = `#!/bin/${dialect}
export ${names.map((n) => `${n}=1`).join(" ")}
`;
  return {
    at,
    text: prologue + body.text,
    pos: [...Array(prologue.length).fill(void 0), ...body.pos, body.pos.at(-1)]
  };
}
function lines(line, column, text) {
  const pos = [];
  let l = line;
  let c = column;
  for (const ch of text) {
    pos.push({ line: l, column: c });
    if (ch === "\n") {
      l++;
      c = 1;
    } else {
      if (ch.length > 1) pos.push({ line: l, column: c + 1 });
      c += ch.length;
    }
  }
  return { text, pos };
}
function region(df, startLine, startColumn, endLine, endColumn, join2, escape = "\\") {
  let text = "";
  const pos = [];
  for (let l = startLine; l <= endLine; l++) {
    const full = df.lines[l - 1] ?? "";
    const from = l === startLine ? startColumn - 1 : 0;
    const to = l === endLine ? Math.min(full.length, endColumn - 1) : full.length;
    let seg = full.slice(from, to);
    if (join2 && l > startLine && /^\s*(?:#|$)/.test(full)) continue;
    let continued = false;
    if (join2) {
      const m = new RegExp(`${escape.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")}[ \\t]*$`).exec(seg);
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
      text += "\n";
      pos.push({ line: l, column: from + seg.length + 1 });
    }
  }
  return { text, pos };
}

// src/dockerfile/lint.ts
async function lintDockerfile(input, options = {}) {
  return (await lintDockerfiles([input], options))[0];
}
async function lintDockerfiles(inputs, options = {}) {
  const parse = async (input) => {
    const df = await parseDockerfile(input.content, input.path);
    if (options.target) selectTarget(df, options.target);
    return df;
  };
  const shellcheck = options.shellcheck === true ? findShellcheck() : void 0;
  if (!shellcheck) {
    const results = [];
    for (const input of inputs) {
      const df = await parse(input);
      results.push({
        findings: runRules(df, options),
        target: toTarget(df),
        shellcheck: unchecked(df, options.shellcheck === true ? "missing" : "off")
      });
    }
    return results;
  }
  const dfs = [];
  for (const input of inputs) dfs.push(await parse(input));
  const findings = dfs.map((df) => runRules(df, options));
  const checked = await shellcheckFindings(dfs, shellcheck, options, findings);
  return dfs.map((df, i) => ({
    findings: checked[i].rules.length ? sortFindings(findings[i]) : findings[i],
    target: toTarget(df),
    shellcheck: checked[i]
  }));
}
var hasRun = (df) => df.instructions.some((i) => i.keyword === "RUN" || i.trigger?.keyword === "RUN");
var unchecked = (df, state) => ({
  state: hasRun(df) ? state : "none",
  skipped: [],
  rules: []
});
async function shellcheckFindings(dfs, binary, options, findings) {
  const checked = dfs.filter(hasRun);
  const runs = await runShellcheck(checked, binary, options.shellcheckTimeoutMs);
  const rules = /* @__PURE__ */ new Map();
  return dfs.map((df, i) => {
    const run = runs[checked.indexOf(df)];
    if (!run) return unchecked(df, "off");
    const used = /* @__PURE__ */ new Set();
    const seen = /* @__PURE__ */ new Map();
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
      findings[i].push(f);
    }
    return { state: "ran", skipped: run.skipped, rules: [...used].map((r) => r.meta) };
  });
}
function shellcheckRule(code, severity) {
  const wiki = `https://www.shellcheck.net/wiki/${code}`;
  return defineRule({
    id: code,
    title: `ShellCheck ${code}`,
    severity,
    description: `ShellCheck's check ${code} on the shell script of a RUN instruction; each finding's message says what it found.`,
    rationale: "A RUN script is a shell script: quoting, exit-status and portability mistakes break builds or make them do something else than intended.",
    fix: `See ${wiki}; or \`# hadolint ignore=${code}\` above the RUN when it is intended.`,
    tags: ["shellcheck", "best-practice"],
    equivalents: { hadolint: [code] },
    hint: wiki,
    check: () => void 0
  });
}
function selectTarget(df, target) {
  const stage = df.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
  if (!stage) {
    const names = df.stages.map((s) => s.name).filter((n) => !!n);
    throw new ShipgateError("USAGE", `${df.path}: no stage named "${target}"`, {
      hint: names.length ? `stages: ${names.join(", ")}` : "the Dockerfile has no named stages (FROM \u2026 AS <name>)"
    });
  }
  for (const s of df.stages) s.isFinal = s === stage;
}
function runRules(df, options, rules = RULES) {
  const opts = { ...options };
  if (options.hadolint?.trustedRegistries.length && !options.allowedRegistries)
    opts.allowedRegistries = options.hadolint.trustedRegistries;
  const findings = [];
  const seen = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    rule.check({
      df,
      options: opts,
      report: (r) => {
        const f = toFinding(df, rule, r, seen);
        const s = suppression(df, rule.meta, r.at, opts);
        if (s) f.suppressed = s;
        findings.push(f);
      }
    });
  }
  return sortFindings(findings);
}
function sortFindings(findings) {
  return findings.sort(
    (a, b) => (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) || (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0) || compareSeverity(b.severity, a.severity) || compareText(a.ruleId, b.ruleId)
  );
}
function stageIdentity(df, inst) {
  if (inst.stage < 0) return "global";
  const s = df.stages[inst.stage];
  if (!s) return "global";
  return s.name ? `name:${s.name.toLowerCase()}` : `image:${s.image.raw}${s.isFinal ? ":final" : ""}`;
}
function toFinding(df, rule, r, seen) {
  const span = r.span ?? r.at.span;
  const base = stableHash(rule.meta.id, stageIdentity(df, r.at), r.at.normalized, r.key);
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  const finding = {
    ruleId: rule.meta.id,
    kind: "dockerfile",
    severity: r.severity ?? rule.meta.severity,
    message: r.message,
    location: {
      path: df.path,
      startLine: span.line,
      startColumn: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
      snippet: snippetOf(df, span.line)
    },
    fingerprint: n === 0 ? base : stableHash(base, n),
    fix: r.fix ?? rule.hint
  };
  const stage = r.at.stage >= 0 ? df.stages[r.at.stage] : void 0;
  finding.properties = {
    instruction: r.at.keyword,
    ...stage ? { stage: stage.name ?? stage.index } : {},
    ...r.properties
  };
  return finding;
}
var snippets = /* @__PURE__ */ new WeakMap();
function snippetOf(df, line) {
  let lines2 = snippets.get(df);
  if (!lines2) snippets.set(df, lines2 = /* @__PURE__ */ new Map());
  let text = lines2.get(line);
  if (text === void 0) lines2.set(line, text = redactLine(df.lines[line - 1] ?? ""));
  return text;
}
var SECRET_PATTERNS_GLOBAL = SECRET_PATTERNS.map((p) => ({
  re: new RegExp(p.re.source, "g"),
  keep: p.keep
}));
var KEY_VALUE = /([A-Za-z_][A-Za-z0-9_]*)(=|\s+)("[^"]*"|'[^']*'|\S+)/g;
function redactLine(line) {
  let out = line;
  for (const p of SECRET_PATTERNS_GLOBAL) out = out.replace(p.re, (m) => redact(m, { keep: p.keep }));
  return out.replace(
    KEY_VALUE,
    (whole, key, sep, value) => isSecretName(key) && !value.startsWith("$") ? `${key}${sep}${redact(value.replace(/^["']|["']$/g, ""), { keep: 2 })}` : whole
  );
}
function ruleAliases(meta) {
  const ids = /* @__PURE__ */ new Set([meta.id.toUpperCase()]);
  const eq = meta.equivalents ?? {};
  for (const list of Object.values(eq)) for (const id of list ?? []) ids.add(id.toUpperCase());
  for (const list of Object.values(meta.related?.checks ?? {}))
    for (const id of list ?? []) ids.add(id.toUpperCase());
  for (const id of [...eq.trivy ?? [], ...meta.related?.checks.trivy ?? []]) {
    const m = /^(?:AVD-)?DS-?0*(\d+)$/i.exec(id);
    if (m) {
      const num = Number(m[1]);
      ids.add(`DS-${String(num).padStart(4, "0")}`);
      ids.add(`AVD-DS-${String(num).padStart(4, "0")}`);
      ids.add(`DS${String(num).padStart(3, "0")}`);
    }
  }
  return ids;
}
var aliasCache = /* @__PURE__ */ new WeakMap();
function matches(meta, ids) {
  let aliases = aliasCache.get(meta);
  if (!aliases) {
    aliases = ruleAliases(meta);
    aliasCache.set(meta, aliases);
  }
  return ids.find((id) => aliases.has(id.trim().toUpperCase()));
}
var PRAGMA = /^(shipgate|hadolint)\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)(?:\s+(?:--|#)\s*(.*))?$/i;
function pragmaIds(text) {
  const m = PRAGMA.exec(text.trim());
  if (!m) return void 0;
  return {
    tool: m[1].toLowerCase(),
    global: !!m[2],
    ids: m[3].split(/[\s,]+/).filter(Boolean),
    ...m[4] ? { reason: m[4] } : {}
  };
}
var pragmaCache = /* @__PURE__ */ new WeakMap();
function pragmasOf(comments) {
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
function suppression(df, meta, at, options) {
  const inline = options.inlinePragmas !== false && !options.hadolint?.disableIgnorePragma;
  if (inline) {
    for (const p of pragmasOf(at.comments)) {
      const id = !p.global ? matches(meta, p.ids) : void 0;
      if (id) return { kind: "inline", reason: p.reason ?? `# ${p.tool} ignore=${id} (line ${p.line})` };
    }
    for (const p of pragmasOf(df.comments)) {
      const id = p.global ? matches(meta, p.ids) : void 0;
      if (id)
        return { kind: "inline", reason: p.reason ?? `# ${p.tool} global ignore=${id} (line ${p.line})` };
    }
    const check = df.directives.find((d) => d.name === "check");
    const skip = check ? /(?:^|;)\s*skip\s*=\s*([^;]+)/i.exec(check.value)?.[1] : void 0;
    if (skip) {
      const ids = skip.split(",").map((s) => s.trim());
      const id = ids.includes("all") ? "all" : matches(meta, ids);
      if (id && (id !== "all" || meta.equivalents?.buildkit?.length))
        return { kind: "inline", reason: `# check=skip=${id} (line ${check?.line})` };
    }
  }
  if (options.hadolint) {
    const id = matches(meta, options.hadolint.ignored);
    if (id) return { kind: "hadolint-config", reason: `${id} ignored in ${options.hadolint.path}` };
  }
  if (options.ignoreRules) {
    const id = matches(meta, options.ignoreRules);
    if (id) return { kind: "policy", reason: `${id} ignored by policy` };
  }
  return void 0;
}
function toTarget(df) {
  return {
    path: df.path,
    stages: df.stages.map((s) => ({
      ...s.name !== void 0 ? { name: s.name } : {},
      baseImage: s.image.resolved,
      line: s.from.span.line
    })),
    instructions: df.instructions.map((i) => ({
      line: i.span.line,
      endLine: i.span.endLine,
      keyword: i.keyword,
      text: i.normalized,
      stage: i.stage
    })),
    pulledImages: pulledImages(df).map((p) => ({ image: p.image.raw, line: p.inst.span.line })),
    finalUser: finalUserOf(df)
  };
}
function finalUserOf(df) {
  const u = df.stages.length ? stageUser(df, finalStage(df)) : void 0;
  return u ? { line: u.inst.span.line, text: u.text, value: u.value, runsAs: u.runsAs } : null;
}

export {
  KEYWORDS,
  parseDockerfile,
  RULES,
  dockerfileRules,
  lintDockerfile,
  lintDockerfiles,
  runRules,
  ruleAliases,
  toTarget
};
