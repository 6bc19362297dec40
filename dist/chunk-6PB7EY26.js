#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/report/common.ts
var PART_LABEL = {
  dockerfile: "Dockerfile",
  manifest: "Kubernetes manifests",
  vulnerability: "Vulnerabilities",
  secret: "Secrets",
  config: "Image configuration",
  malware: "Malware"
};
var SEVERITIES_DESC = ["critical", "high", "medium", "low", "info"];
function ruleIndex(result) {
  const m = /* @__PURE__ */ new Map();
  for (const r of result.rules) if (!m.has(r.id)) m.set(r.id, r);
  return m;
}
function shortDigest(digest, hexChars = 12) {
  if (!digest) return void 0;
  const i = digest.indexOf(":");
  return i < 0 ? digest.slice(0, hexChars) : `${digest.slice(0, i + 1)}${digest.slice(i + 1, i + 1 + hexChars)}`;
}
function imageDisplayName(ref, digest) {
  if (!ref) return digest;
  if (!digest || ref.includes(digest)) return ref;
  return `${ref}@${digest}`;
}
function slug(text, hash, max = 64) {
  const s = text.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  if (!s) return "default";
  if (s.length <= max) return s;
  return `${s.slice(0, max - 9).replace(/[-.]+$/, "")}-${hash(text).slice(0, 8)}`;
}
function truncate(text, max) {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}\u2026`;
}
function plural(n, word, pluralWord = `${word}s`) {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
function locationLabel(f) {
  const l = f.location;
  if (!l) return void 0;
  return l.startColumn ? `${l.path}:${l.startLine}:${l.startColumn}` : `${l.path}:${l.startLine}`;
}
function imagePlaceLabel(f) {
  const i = f.image;
  if (!i) return void 0;
  const parts = [];
  if (i.path) parts.push(i.deleted ? `${i.path} (deleted in a later layer)` : i.path);
  if (i.layerIndex !== void 0 || i.layerDigest) {
    const d = shortDigest(i.layerDigest);
    parts.push(`layer ${i.layerIndex ?? "?"}${d ? ` ${d}` : ""}`);
  }
  return parts.length ? parts.join(", ") : void 0;
}
function fixabilityTable(findings) {
  const out = {};
  for (const s of SEVERITIES_DESC) out[s] = { fixable: 0, noFix: 0 };
  for (const f of findings) {
    if (f.suppressed) continue;
    if (f.fixable) out[f.severity].fixable++;
    else out[f.severity].noFix++;
  }
  return out;
}
function exploitLabels(f) {
  const v = f.vulnerability;
  const out = [];
  if (v?.kev) out.push(v.kev.ransomware ? "KEV (ransomware)" : "KEV");
  if (v?.epss) out.push(`EPSS ${Number(v.epss.score.toFixed(3))}`);
  return out;
}

export {
  PART_LABEL,
  SEVERITIES_DESC,
  ruleIndex,
  imageDisplayName,
  slug,
  truncate,
  plural,
  locationLabel,
  imagePlaceLabel,
  fixabilityTable,
  exploitLabels
};
