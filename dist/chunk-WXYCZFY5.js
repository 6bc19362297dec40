#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  severityRank
} from "./chunk-LJLRXQKZ.js";

// src/core/order.ts
var PARTS = [
  "dockerfile",
  "manifest",
  "vulnerability",
  "secret",
  "config",
  "malware"
];
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function cmp(a, b) {
  if (a === b) return 0;
  if (a === void 0) return 1;
  if (b === void 0) return -1;
  return a < b ? -1 : 1;
}
function compareFindings(a, b) {
  return severityRank(b.severity) - severityRank(a.severity) || PARTS.indexOf(a.kind) - PARTS.indexOf(b.kind) || cmp(a.location?.path, b.location?.path) || cmp(a.location?.startLine, b.location?.startLine) || cmp(a.location?.startColumn, b.location?.startColumn) || cmp(a.vulnerability?.packageName, b.vulnerability?.packageName) || cmp(a.image?.path, b.image?.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint);
}
function sortFindings(findings) {
  return [...findings].sort(compareFindings);
}

export {
  PARTS,
  compareText,
  sortFindings
};
