#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/cli/v8-tuning.ts
import { setFlagsFromString } from "node:v8";
var LINT_TURBOFAN_INVOCATIONS = 12e3;
function tuneForLint() {
  setFlagsFromString(`--invocation-count-for-turbofan=${LINT_TURBOFAN_INVOCATIONS}`);
}
function tuneForImages() {
  setFlagsFromString("--semi-space-growth-factor=1");
}
var SERVICE_TURBOFAN_INVOCATIONS = 500;
var SERVICE_SEMI_SPACE_GROWTH = 16;
function tuneForService() {
  setFlagsFromString(`--invocation-count-for-turbofan=${SERVICE_TURBOFAN_INVOCATIONS}`);
  setFlagsFromString(`--semi-space-growth-factor=${SERVICE_SEMI_SPACE_GROWTH}`);
}

export {
  tuneForLint,
  tuneForImages,
  tuneForService
};
