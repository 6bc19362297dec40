#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/core/redact.ts
var MIN_SHOWN_LENGTH = 16;
var MAX_STARS = 16;
function scannerForm(value) {
  const v = value.replace(/\\n|\s+/g, "");
  const len = v.length;
  if (len < MIN_SHOWN_LENGTH) return "*".repeat(Math.max(3, Math.min(len, 8)));
  const budget = Math.floor(len * 0.3);
  const prefix = Math.min(4, Math.ceil(budget / 2));
  const suffix = Math.min(4, budget - prefix);
  const stars = "*".repeat(Math.min(MAX_STARS, len - prefix - suffix));
  return `${v.slice(0, prefix)}${stars}${suffix > 0 ? v.slice(len - suffix) : ""}`;
}
function redact(value, options = {}) {
  const { keep } = options;
  if (keep === void 0) return scannerForm(value);
  if (options.knownPrefix) return `${value.slice(0, keep)}****`;
  if (value.length <= 4) return "****";
  return `${value.slice(0, Math.min(keep, Math.floor(value.length / 4)))}****`;
}
function maskRange(text, start, end) {
  const s = Math.max(0, start);
  const e = Math.min(text.length, end);
  return e > s ? `${text.slice(0, s)}${"*".repeat(e - s)}${text.slice(e)}` : text;
}
function redactUrl(url) {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "<invalid url>";
  }
}

export {
  redact,
  maskRange,
  redactUrl
};
