#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  ShipgateError
} from "./chunk-XNFBH2M5.js";

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

// src/dockerfile/image-ref.ts
var VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
function substituteArgs(text, args) {
  let unresolved = false;
  const out = text.replace(
    VAR,
    (whole, braced, op, word, bare) => {
      const name = braced ?? bare ?? "";
      const value = args.get(name);
      const set = value !== void 0 && (op?.startsWith(":") ? value !== "" : true);
      if (op?.endsWith("-")) return set ? value ?? "" : word ?? "";
      if (op?.endsWith("+")) return set ? word ?? "" : "";
      if (value === void 0) {
        unresolved = true;
        return whole;
      }
      return value;
    }
  );
  return { text: out, unresolved };
}
function parseImageRef(raw, resolved = raw, unresolved = false) {
  let rest = resolved.trim();
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf("/");
  const first = slash >= 0 ? rest.slice(0, slash) : "";
  let registry = "docker.io";
  let repository = rest;
  if (slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = first.toLowerCase();
    repository = rest.slice(slash + 1);
  }
  if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = "docker.io";
  if (registry === "docker.io" && !repository.includes("/")) repository = `library/${repository}`;
  const ref = {
    raw,
    resolved,
    registry,
    repository: repository.toLowerCase(),
    scratch: resolved.trim().toLowerCase() === "scratch",
    unresolved
  };
  if (tag !== void 0) ref.tag = tag;
  if (digest !== void 0) ref.digest = digest;
  return ref;
}
function familiarName(ref) {
  if (ref.registry === "docker.io") return ref.repository.replace(/^library\//, "");
  return `${ref.registry}/${ref.repository}`;
}
var globCache = /* @__PURE__ */ new Map();
function globMatch(pattern, text) {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`,
      "i"
    );
    if (globCache.size > 1e3) globCache.clear();
    globCache.set(pattern, re);
  }
  return re.test(text);
}

export {
  severityRank,
  compareSeverity,
  atLeast,
  isSeverity,
  parseSeverity,
  severityFromScore,
  securitySeverity,
  substituteArgs,
  parseImageRef,
  familiarName,
  globMatch
};
