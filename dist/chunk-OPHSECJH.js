#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  loadHadolintConfig,
  parseHadolintConfig
} from "./chunk-7RXX3OXC.js";
import "./chunk-DML5XCCS.js";
import {
  DOCKERFILE_DOCS,
  HISTORY_RULES,
  MAX_HISTORY_BYTES,
  historyRules,
  lintHistory,
  matchHistoryToInstruction,
  ownHistoryEntries
} from "./chunk-Z4T7NOW3.js";
import {
  lintDockerfilesParallel
} from "./chunk-FJAP4N5B.js";
import {
  dockerfileRules,
  lintDockerfile,
  lintDockerfiles,
  parseDockerfile,
  ruleAliases,
  toTarget
} from "./chunk-DLZNSFT6.js";
import "./chunk-44QYIPQ7.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-DNEHU5TI.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-RFIJBJJT.js";
import "./chunk-6FSLFHTN.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";
export {
  DOCKERFILE_DOCS,
  HISTORY_RULES,
  MAX_HISTORY_BYTES,
  dockerfileRules,
  historyRules,
  lintDockerfile,
  lintDockerfiles,
  lintDockerfilesParallel,
  lintHistory,
  loadHadolintConfig,
  matchHistoryToInstruction,
  ownHistoryEntries,
  parseDockerfile,
  parseHadolintConfig,
  ruleAliases,
  toTarget
};
