#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/core/text.ts
var ANSI_SEQUENCE = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?)/g;
var LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function stripControl(text) {
  return text.replace(ANSI_SEQUENCE, "").replace(/\r(?!\n)/g, "\n").replace(CONTROL, "");
}
function printable(text) {
  return text.replace(ANSI_SEQUENCE, "").replace(LINE_BREAK, " ").replace(CONTROL, "");
}
function oneLine(text) {
  return printable(text).replace(/\s+/g, " ").trim();
}

export {
  stripControl,
  printable,
  oneLine
};
