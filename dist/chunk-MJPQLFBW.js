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

// src/core/logger.ts
var LEVELS = { debug: 10, info: 20, warn: 30, error: 40 };
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
  /** A child logger that prefixes its lines, e.g. "[image] ". */
  child(prefix) {
    return new _Logger(this.sinkList, this.level, `${this.prefix}${prefix}`);
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
  Logger,
  stderrSink,
  logger,
  setLogger
};
