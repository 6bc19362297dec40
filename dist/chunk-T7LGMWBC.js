#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  loadPolicy,
  parsePolicy
} from "./chunk-LTVSCJGL.js";
import {
  POLICY_FILE_NAMES,
  defaultPolicy,
  findPolicyFile
} from "./chunk-CE3SJGIG.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-VL4GPTQJ.js";
import "./chunk-DML5XCCS.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";
export {
  POLICY_FILE_NAMES,
  defaultPolicy,
  findPolicyFile,
  loadPolicy,
  parsePolicy
};
