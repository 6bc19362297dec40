#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  printable
} from "./chunk-KDR2SZEQ.js";
import {
  progressLine
} from "./chunk-5JUTSDFM.js";

// src/core/logger.ts
var LEVELS = { debug: 10, info: 20, warn: 30, error: 40 };
var PROGRESS_INTERVAL_MS = 5e3;
var ProgressReporter = class {
  constructor(sinkList, clock, label, total, unit) {
    this.sinkList = sinkList;
    this.clock = clock;
    const now = clock();
    this.state = { label, done: 0, unit, startedAt: now, now, finished: false };
    if (total !== void 0) this.state.total = total;
    this.lastLine = now;
  }
  sinkList;
  clock;
  state;
  lastLine;
  printed = false;
  add(n) {
    if (this.state.finished) return;
    this.state.done += n;
    this.emit();
  }
  done() {
    if (this.state.finished) return;
    this.state.finished = true;
    this.emit();
  }
  emit() {
    this.state.now = this.clock();
    const due = this.state.now - this.lastLine >= PROGRESS_INTERVAL_MS;
    const line = (this.state.finished ? this.printed : due) ? printable(mask(progressLine(this.state))) : void 0;
    for (const sink of this.sinkList) {
      if (sink.progress) sink.progress({ ...this.state });
      else if (line !== void 0) sink.write("info", line);
    }
    if (line !== void 0) {
      this.lastLine = this.state.now;
      this.printed = true;
    }
  }
};
var SILENT = { add() {
}, done() {
} };
var groupDepth = 0;
var secrets = /* @__PURE__ */ new Set();
function addSecret(value) {
  if (!value || value.length < 4 || secrets.has(value)) return;
  secrets.add(value);
  for (const sink of sinks) sink.secret?.(value);
}
function mask(text) {
  if (secrets.size === 0) return text;
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join("***");
  return out;
}
function forgetSecret(value) {
  if (value) secrets.delete(value);
}
var sinks = [];
var Logger = class _Logger {
  constructor(sinkList, level = "info", prefix = "") {
    this.sinkList = sinkList;
    this.level = level;
    this.prefix = prefix;
  }
  sinkList;
  level;
  prefix;
  debug(msg) {
    this.log("debug", msg);
  }
  info(msg) {
    this.log("info", msg);
  }
  warn(msg) {
    this.log("warn", msg);
  }
  error(msg) {
    this.log("error", msg);
  }
  enabled(level) {
    return LEVELS[level] >= LEVELS[this.level];
  }
  /** The clock progress is measured with (tests set a fake one). */
  clock = () => performance.now();
  /** Reports progress of long work: a bar on a terminal, a line every few seconds in a CI log. */
  progress(label, options = {}) {
    if (!this.enabled("info")) return SILENT;
    return new ProgressReporter(
      this.sinkList,
      this.clock,
      printable(mask(`${this.prefix}${label}`)),
      options.total,
      options.unit ?? "bytes"
    );
  }
  /** Runs work inside a collapsible log section where the sink has them; nested calls do not nest. */
  async group(title, work) {
    if (!this.enabled("info") || groupDepth > 0) return work();
    groupDepth++;
    const line = printable(mask(title));
    for (const s of this.sinkList) s.group?.(line);
    try {
      return await work();
    } finally {
      for (const s of this.sinkList) s.endGroup?.();
      groupDepth--;
    }
  }
  /** A child logger that prefixes its lines, e.g. "[image] ". */
  child(prefix) {
    const child = new _Logger(this.sinkList, this.level, `${this.prefix}${prefix}`);
    child.clock = this.clock;
    return child;
  }
  /** Runs work with start/finish lines and the elapsed time at debug level (progress on long work). */
  async step(title, work) {
    const t0 = performance.now();
    this.info(`${title}...`);
    try {
      return await work();
    } finally {
      this.debug(`${title}: done in ${Math.round(performance.now() - t0)} ms`);
    }
  }
  log(level, msg) {
    if (!this.enabled(level)) return;
    const line = printable(mask(`${this.prefix}${msg}`));
    for (const s of this.sinkList) s.write(level, line);
  }
};
var stderrSink = {
  write(level, line) {
    const tag = level === "warn" ? "warning: " : level === "error" ? "error: " : "";
    process.stderr.write(`${tag}${line}
`);
  }
};
var current;
function logger() {
  current ??= new Logger([stderrSink], process.env.SHIPGATE_LOG_LEVEL === "debug" ? "debug" : "info");
  return current;
}
function setLogger(l, sinkList = []) {
  current = l;
  sinks.length = 0;
  sinks.push(...sinkList);
  for (const s of secrets) for (const sink of sinkList) sink.secret?.(s);
}

export {
  addSecret,
  mask,
  forgetSecret,
  Logger,
  logger,
  setLogger
};
