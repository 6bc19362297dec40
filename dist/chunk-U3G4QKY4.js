#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  ruleHelpUri
} from "./chunk-4W53UNPV.js";
import {
  countBySeverity
} from "./chunk-U65Y67VX.js";
import {
  PARTS,
  compareText,
  sortFindings
} from "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-6QO4RSHM.js";
import {
  mask
} from "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/report/json.ts
var JSON_SCHEMA_VERSION = 1;
var ORDER = {
  report: [
    "schemaVersion",
    "tool",
    "startedAt",
    "finishedAt",
    "decision",
    "summary",
    "dockerfiles",
    "image",
    "index",
    "analyzers",
    "exploitData",
    "findings",
    "rules",
    "packages",
    "warnings"
  ],
  tool: ["name", "version"],
  decision: ["approved", "policy", "reasons"],
  reason: ["code", "blocking", "severity", "message", "findings"],
  summary: ["findings", "suppressed", "fixable", "bySeverity", "byPart", "packages"],
  bySeverity: ["critical", "high", "medium", "low", "info"],
  byPart: [...PARTS],
  dockerfile: ["path", "stages"],
  stage: ["name", "baseImage", "line"],
  image: ["ref", "repository", "digest", "configDigest", "platform", "os", "size", "layers"],
  index: ["digest", "platforms", "skipped"],
  platform: ["platform", "digest", "configDigest", "decision", "counts"],
  skipped: ["digest", "reason"],
  os: ["id", "versionId", "codename", "prettyName", "idLike", "eol", "eolDate"],
  layer: ["index", "digest", "diffId", "size", "createdBy"],
  finding: [
    "ruleId",
    "kind",
    "severity",
    "message",
    "location",
    "image",
    "fingerprint",
    "fixable",
    "fix",
    "vulnerability",
    "suppressed",
    "properties"
  ],
  location: ["path", "startLine", "startColumn", "endLine", "endColumn", "snippet"],
  imageLocation: ["ref", "digest", "layerIndex", "layerDigest", "path", "createdBy", "deleted"],
  vulnerability: [
    "id",
    "aliases",
    "packageName",
    "packageVersion",
    "ecosystem",
    "purl",
    "fixedVersions",
    "fixState",
    "score",
    "severitySource",
    "cvss",
    "summary",
    "published",
    "modified",
    "references",
    "epss",
    "kev"
  ],
  cvss: ["version", "vector", "score", "source"],
  suppression: ["kind", "reason", "expires"],
  rule: [
    "id",
    "kind",
    "title",
    "severity",
    "description",
    "rationale",
    "fix",
    "tags",
    "equivalents",
    "related",
    "optional",
    "helpUri"
  ],
  package: ["name", "version", "type", "purl"]
};
var CHILDREN = {
  report: {
    tool: "tool",
    decision: "decision",
    summary: "summary",
    dockerfiles: "dockerfile",
    image: "image",
    index: "index",
    findings: "finding",
    rules: "rule",
    packages: "package"
  },
  decision: { reasons: "reason" },
  index: { platforms: "platform", skipped: "skipped" },
  platform: { decision: "decision", counts: "bySeverity" },
  summary: { bySeverity: "bySeverity", byPart: "byPart" },
  dockerfile: { stages: "stage" },
  image: { os: "os", layers: "layer" },
  finding: {
    location: "location",
    image: "imageLocation",
    vulnerability: "vulnerability",
    suppressed: "suppression"
  },
  vulnerability: { cvss: "cvss" }
};
function orderOf(obj, shape, orders) {
  const keys = Object.keys(obj);
  const id = `${shape ?? ""}\0${keys.join("\0")}`;
  let o = orders.get(id);
  if (!o) {
    const first = shape ? ORDER[shape] : [];
    const order = [...first.filter((k) => k in obj), ...keys.filter((k) => !first.includes(k)).sort()];
    o = { order, same: order.every((k, i) => k === keys[i]) };
    orders.set(id, o);
  }
  return o;
}
function ordered(value, shape, orders = /* @__PURE__ */ new Map()) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let out2;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const o = ordered(v, shape, orders);
      if (o !== v && !out2) out2 = value.slice(0, i);
      out2?.push(o);
    }
    return out2 ?? value;
  }
  const obj = value;
  const { order, same } = orderOf(obj, shape, orders);
  const children = shape ? CHILDREN[shape] : void 0;
  let out = same ? void 0 : {};
  for (let i = 0; i < order.length; i++) {
    const k = order[i];
    const v = obj[k];
    const o = ordered(v, children?.[k], orders);
    if (o !== v && !out) {
      out = {};
      for (let j = 0; j < i; j++) out[order[j]] = obj[order[j]];
    }
    if (out) out[k] = o;
  }
  return out ?? obj;
}
function toJson(result) {
  const findings = sortFindings(result.findings).map((f) => {
    if (f.kind !== "secret" || f.location?.snippet === void 0) return f;
    const { snippet: _snippet, ...location } = f.location;
    return { ...f, location };
  });
  const active = findings.filter((f) => !f.suppressed);
  const byPart = Object.fromEntries(PARTS.map((p) => [p, active.filter((f) => f.kind === p).length]));
  const rules = [...result.rules].sort((a, b) => PARTS.indexOf(a.kind) - PARTS.indexOf(b.kind) || compareText(a.id, b.id)).map((r) => ({ ...r, helpUri: ruleHelpUri(r) }));
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: result.tool,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    decision: result.decision ?? null,
    summary: {
      findings: active.length,
      suppressed: findings.length - active.length,
      fixable: active.filter((f) => f.fixable).length,
      bySeverity: countBySeverity(findings),
      byPart,
      packages: result.packages.length
    },
    // Instruction texts are an internal mapping aid and may hold the very secrets a finding reports.
    dockerfiles: result.dockerfiles.map((d) => ({ path: d.path, stages: d.stages })),
    image: result.image ?? null,
    // Every platform of a multi-platform image, each with its own decision (absent for one image).
    index: result.index,
    // What each image analyzer did: a failed or incomplete one is why a scan may not be approved.
    analyzers: result.analyzers ?? null,
    // The EPSS / KEV data the policy asked for: loaded (with its date) or why not.
    exploitData: result.exploitData ?? null,
    findings,
    rules,
    packages: result.packages,
    warnings: result.warnings
  };
  return mask(`${JSON.stringify(ordered(report, "report"), null, 2)}
`);
}
export {
  JSON_SCHEMA_VERSION,
  toJson
};
