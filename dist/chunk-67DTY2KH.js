#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  ANALYZERS,
  SCANNERS,
  allRules,
  analyzerRules,
  createAnalyzers,
  isScanner,
  ruleDocsPages,
  scannerPart
} from "./chunk-7KII5CIB.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";
export {
  ANALYZERS,
  SCANNERS,
  allRules,
  analyzerRules,
  createAnalyzers,
  isScanner,
  ruleDocsPages,
  scannerPart
};
