#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  buildAnalyzer,
  checkBuild,
  historyLayers
} from "./chunk-6PGVXDJX.js";
import "./chunk-SHBHPEZR.js";
import "./chunk-GLGC76FD.js";
import "./chunk-6INDVNBY.js";
import "./chunk-NBX24EBK.js";
import "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";
export {
  buildAnalyzer,
  checkBuild,
  historyLayers
};
