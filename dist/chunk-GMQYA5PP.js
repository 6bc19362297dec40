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

// src/core/progress.ts
var UNITS = ["B", "kB", "MB", "GB", "TB"];
function formatBytes(n) {
  let v = Math.max(0, n);
  let i = 0;
  while (v >= 1e3 && i < UNITS.length - 1) {
    v /= 1e3;
    i++;
  }
  return `${i === 0 ? v.toFixed(0) : v.toFixed(1)} ${UNITS[i]}`;
}
function formatSeconds(s) {
  if (s < 60) return `${Math.max(1, Math.round(s))} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
function rate(state) {
  const seconds = (state.now - state.startedAt) / 1e3;
  return seconds >= 0.5 && state.done > 0 ? state.done / seconds : void 0;
}
function progressLine(state) {
  const amount = (n) => state.unit === "bytes" ? formatBytes(n) : String(n);
  const parts = [];
  if (state.total !== void 0 && state.total > 0) {
    const pct = Math.min(100, Math.floor(state.done / state.total * 100));
    parts.push(`${amount(state.done)} of ${amount(state.total)} (${pct}%)`);
  } else parts.push(amount(state.done));
  const r = rate(state);
  if (r !== void 0) {
    parts.push(state.unit === "bytes" ? `${formatBytes(r)}/s` : `${r.toFixed(1)}/s`);
    if (!state.finished && state.total !== void 0 && state.total > state.done)
      parts.push(`about ${formatSeconds((state.total - state.done) / r)} left`);
  }
  if (state.finished) parts.push(`done in ${formatSeconds((state.now - state.startedAt) / 1e3)}`);
  return `${state.label}: ${parts.join(", ")}`;
}

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
  progressLine,
  addSecret,
  mask,
  forgetSecret,
  Logger,
  logger,
  setLogger
};
