#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/policy/defaults.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
var POLICY_FILE_NAMES = [
  "shipgate.yaml",
  "shipgate.yml",
  ".shipgate.yaml",
  ".shipgate.yml"
];
var DEFAULT_POLICY_FILE = {
  version: 1,
  gate: {
    "fail-on": "high",
    "only-fixable": false,
    max: {},
    parts: ["dockerfile", "vulnerabilities", "secrets", "config", "malware"]
  },
  dockerfile: {
    "require-non-root": false,
    "require-multistage": false,
    "require-digest-pinned-base": false
  },
  rules: {},
  ignores: [],
  secrets: { allow: [] },
  vulnerabilities: { "ignore-unfixed": false, vex: [] }
};
function defaultPolicy() {
  return { ...structuredClone(DEFAULT_POLICY_FILE), source: "default policy" };
}
function findPolicyFile(repoRoot) {
  for (const name of POLICY_FILE_NAMES) {
    const p = join(repoRoot, name);
    if (existsSync(p)) return p;
  }
  return void 0;
}

export {
  POLICY_FILE_NAMES,
  defaultPolicy,
  findPolicyFile
};
