#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/policy/overrides.ts
import { isAbsolute, resolve } from "node:path";
function withPipelineOptions(policy, opts) {
  if (!opts.ignoreUnfixed && !opts.vex?.length) return policy;
  return {
    ...policy,
    vulnerabilities: {
      "ignore-unfixed": policy.vulnerabilities["ignore-unfixed"] || !!opts.ignoreUnfixed,
      vex: [...policy.vulnerabilities.vex, ...opts.vex ?? []]
    }
  };
}
function policyVexFiles(policy) {
  return policy.vulnerabilities.vex.map(
    (p) => isAbsolute(p) || !policy.baseDir ? p : resolve(policy.baseDir, p)
  );
}

export {
  withPipelineOptions,
  policyVexFiles
};
