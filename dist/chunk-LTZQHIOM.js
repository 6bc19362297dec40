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
} from "./chunk-HQ636VMP.js";
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
