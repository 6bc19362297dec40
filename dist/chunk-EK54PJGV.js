#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  describeIssue,
  loadPolicy,
  parsePolicy
} from "./chunk-IEK7524S.js";
import "./chunk-GJAWIMVQ.js";
import {
  POLICY_FILE_NAMES,
  defaultPolicy,
  findPolicyFile
} from "./chunk-GZGRCBD6.js";
import "./chunk-DML5XCCS.js";
import "./chunk-XNFBH2M5.js";
import "./chunk-YNPQFTY5.js";
export {
  POLICY_FILE_NAMES,
  defaultPolicy,
  describeIssue,
  findPolicyFile,
  loadPolicy,
  parsePolicy
};
