#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  logger
} from "./chunk-HYPJQQQ3.js";

// src/policy/defaults.ts
import { existsSync } from "node:fs";
import { join } from "node:path";

// src/policy/modes.ts
var MALWARE_MODES = ["required", "optional"];

// src/policy/defaults.ts
var POLICY_FILE_NAMES = ["shipgate.yaml", "shipgate.yml"];
var UNREAD_POLICY_FILE_NAMES = [".shipgate.yaml", ".shipgate.yml"];
var DEFAULT_POLICY_FILE = {
  version: 1,
  gate: {
    "fail-on": "high",
    "only-fixable": false,
    max: {},
    parts: ["dockerfile", "manifests", "vulnerabilities", "secrets", "config", "malware"]
  },
  dockerfile: {
    "require-non-root": false,
    "require-multistage": false,
    "require-digest-pinned-base": false,
    shellcheck: true,
    history: true
  },
  manifests: { pss: "privileged" },
  image: { "max-size-mb": 1024, "max-layers": 50, "max-age-days": 365 },
  rules: {},
  ignores: [],
  secrets: { allow: [] },
  vulnerabilities: { "ignore-unfixed": false, vex: [] },
  malware: { mode: "required" },
  analyzers: {}
};
function defaultPolicy() {
  return { ...structuredClone(DEFAULT_POLICY_FILE), source: "default policy" };
}
function findPolicyFile(repoRoot) {
  for (const name of POLICY_FILE_NAMES) {
    const p = join(repoRoot, name);
    if (existsSync(p)) return p;
  }
  const unread = UNREAD_POLICY_FILE_NAMES.find((name) => existsSync(join(repoRoot, name)));
  if (unread)
    logger().warn(
      `${unread} is not read as a policy (other tools use that name); using the default policy. If it is a shipgate policy, rename it to shipgate.yaml or pass it with --config (action input \`config\`)`
    );
  return void 0;
}

export {
  MALWARE_MODES,
  POLICY_FILE_NAMES,
  defaultPolicy,
  findPolicyFile
};
