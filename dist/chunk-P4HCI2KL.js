#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import "./chunk-YNPQFTY5.js";

// src/policy/manifest-options.ts
function manifestLintOptions(policy, pss) {
  const opts = {};
  const level = pss ?? policy.manifests.pss;
  if (level !== "privileged") opts.pss = level;
  const registries = policy.manifests["allowed-registries"];
  if (registries) opts.allowedRegistries = [...registries];
  const overrides = Object.entries(policy.rules);
  const disabled = overrides.filter(([, o]) => o.enabled === false).map(([id]) => id);
  if (disabled.length) opts.ignoreRules = disabled;
  const enabled = overrides.filter(([, o]) => o.enabled === true).map(([id]) => id);
  if (enabled.length) opts.enableRules = enabled;
  return opts;
}
export {
  manifestLintOptions
};
