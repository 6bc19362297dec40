#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";

// src/core/severity.ts
var SEVERITIES = ["info", "low", "medium", "high", "critical"];
function severityRank(s) {
  return SEVERITIES.indexOf(s);
}
function compareSeverity(a, b) {
  return severityRank(a) - severityRank(b);
}
function atLeast(s, threshold) {
  return severityRank(s) >= severityRank(threshold);
}
function isSeverity(v) {
  return typeof v === "string" && SEVERITIES.includes(v);
}
function parseSeverity(v, what = "severity") {
  const s = v.trim().toLowerCase();
  if (s === "none" || s === "never" || s === "off") return void 0;
  if (s === "moderate") return "medium";
  if (s === "negligible" || s === "unknown") return "info";
  if (isSeverity(s)) return s;
  throw new ShipgateError("USAGE", `invalid ${what} "${v}"`, {
    hint: `use one of ${[...SEVERITIES].reverse().join(", ")} or none`
  });
}
function parseSeverityList(v, what = "severity") {
  const names = v.split(",").map((s) => s.trim()).filter(Boolean);
  if (names.length === 0)
    throw new ShipgateError("USAGE", `${what}: no severity given`, {
      hint: `list one or more of ${[...SEVERITIES].reverse().join(", ")}, e.g. CRITICAL,HIGH`
    });
  const out = /* @__PURE__ */ new Set();
  for (const name of names) {
    const s = parseSeverity(name, what);
    if (!s)
      throw new ShipgateError("USAGE", `invalid ${what} "${name}"`, {
        hint: `list the severities to report, from ${[...SEVERITIES].reverse().join(", ")}`
      });
    out.add(s);
  }
  return SEVERITIES.filter((s) => out.has(s));
}
function severityFromScore(score) {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}
function securitySeverity(s) {
  switch (s) {
    case "critical":
      return "9.5";
    case "high":
      return "8.0";
    case "medium":
      return "5.5";
    case "low":
      return "3.0";
    case "info":
      return "0.0";
  }
}

export {
  severityRank,
  compareSeverity,
  atLeast,
  isSeverity,
  parseSeverity,
  parseSeverityList,
  severityFromScore,
  securitySeverity
};
