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
  let out = policy;
  if (opts.ignoreUnfixed || opts.vex?.length) {
    out = {
      ...out,
      vulnerabilities: {
        ...policy.vulnerabilities,
        "ignore-unfixed": policy.vulnerabilities["ignore-unfixed"] || !!opts.ignoreUnfixed,
        vex: [...policy.vulnerabilities.vex, ...opts.vex ?? []]
      }
    };
  }
  if (opts.malwareMode || opts.clamavDb) {
    out = {
      ...out,
      malware: {
        ...policy.malware,
        ...opts.malwareMode ? { mode: opts.malwareMode } : {},
        ...opts.clamavDb ? { "clamav-db": opts.clamavDb } : {}
      }
    };
  }
  return out;
}
function withExtraIgnores(policy, extra) {
  if (extra.ignores.length === 0 && extra.allow.length === 0) return policy;
  return {
    ...policy,
    ignores: [...policy.ignores, ...extra.ignores],
    secrets: { ...policy.secrets, allow: [...policy.secrets.allow, ...extra.allow] }
  };
}
function policyClamavDatabase(policy) {
  const db = policy.malware["clamav-db"];
  return db === void 0 || isAbsolute(db) || !policy.baseDir ? db : resolve(policy.baseDir, db);
}
function policyImageLimits(policy) {
  const image = policy.image;
  return {
    maxSizeBytes: image["max-size-mb"] * 1024 * 1024,
    maxLayers: image["max-layers"],
    maxAgeDays: image["max-age-days"]
  };
}
function policyVexFiles(policy) {
  return policy.vulnerabilities.vex.map(
    (p) => isAbsolute(p) || !policy.baseDir ? p : resolve(policy.baseDir, p)
  );
}
function policyExploitData(policy) {
  const v = policy.vulnerabilities;
  const sources = [];
  if (v.epss === "report" || v["epss-above"] !== void 0 || v["epss-file"] && v.epss !== "off")
    sources.push("epss");
  if (v.kev === "report" || v.kev === "block" || v["kev-file"] && v.kev !== "off") sources.push("kev");
  const at = (p) => isAbsolute(p) || !policy.baseDir ? p : resolve(policy.baseDir, p);
  return {
    sources,
    files: {
      ...v["epss-file"] ? { epss: at(v["epss-file"]) } : {},
      ...v["kev-file"] ? { kev: at(v["kev-file"]) } : {}
    }
  };
}

export {
  withPipelineOptions,
  withExtraIgnores,
  policyClamavDatabase,
  policyImageLimits,
  policyVexFiles,
  policyExploitData
};
