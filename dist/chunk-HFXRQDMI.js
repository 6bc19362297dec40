#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  isRootUser
} from "./chunk-RFIJBJJT.js";
import {
  parseImageRef,
  splitReference
} from "./chunk-6FSLFHTN.js";
import "./chunk-6QO4RSHM.js";
import {
  IMG_RULES,
  configOnlyAnalyzer,
  finding,
  imageLoc,
  targetName
} from "./chunk-LI4R4AXY.js";
import {
  safeText,
  scanText
} from "./chunk-7ARZCZGE.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import {
  addSecret
} from "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/config/analyzers/image-config.ts
var SENSITIVE_VOLUMES = /* @__PURE__ */ new Set([
  "/",
  "/etc",
  "/proc",
  "/sys",
  "/dev",
  "/boot",
  "/root",
  "/run",
  "/var/run",
  "/var/run/docker.sock",
  "/run/docker.sock",
  "/var/lib/docker",
  "/var/lib/kubelet",
  "/usr",
  "/bin",
  "/sbin",
  "/lib",
  "/lib64"
]);
var CREDENTIAL_NAME = /(?:PASS(?:WORD|WD)?|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)(?:_|$)/i;
var CREDENTIAL_NAME_OK = /^(?:GPG_KEYS?|.*_(?:FILE|PATH|DIR|URL|HOST|PORT|USER|USERNAME|NAME|ID))$/i;
function scannedTag(ref) {
  const parsed = parseImageRef(ref);
  if (parsed.transport === "registry") return parsed.digest ? void 0 : parsed.tag ?? "latest";
  if (parsed.transport !== "docker-daemon" || /^(?:sha256:)?[0-9a-f]{12,64}$/.test(parsed.name))
    return void 0;
  const { tag, digest } = splitReference(parsed.name);
  return digest ? void 0 : tag ?? "latest";
}
function shellWords(line) {
  const words = [];
  let word;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (/\s/.test(c)) {
      if (word !== void 0) words.push(word);
      word = void 0;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = "";
      while (j < line.length && line[j] !== c) {
        if (c === '"' && line[j] === "\\" && j + 1 < line.length) j++;
        text += line[j];
        j++;
      }
      word = (word ?? "") + text;
      i = j;
    } else if (c === "\\" && i + 1 < line.length) word = (word ?? "") + line[++i];
    else word = (word ?? "") + c;
  }
  if (word !== void 0) words.push(word);
  return words;
}
function historyAssignments(createdBy) {
  if (/#\(nop\)\s+ENV\s/.test(createdBy) || /^\s*ENV\s/.test(createdBy)) return [];
  const out = [];
  for (const w of shellWords(createdBy)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/s.exec(w);
    if (m && !/^\$/.test(m[2]) && m[2].length >= 4 && !/dummy/i.test(w))
      out.push({ name: m[1], value: m[2] });
  }
  return out;
}
var isCredentialName = (name) => CREDENTIAL_NAME.test(name) && !CREDENTIAL_NAME_OK.test(name);
function isRoot(user) {
  const u = (user ?? "").trim();
  return u === "" || isRootUser(u);
}
function checkConfig(info, options = {}) {
  const out = [];
  const cfg = info.config.config ?? {};
  const loc = imageLoc(info);
  const target = targetName(info);
  if (isRoot(cfg.User)) {
    const how = cfg.User ? `User is "${cfg.User}"` : "no User is set";
    out.push(finding(IMG_RULES.root, `The image runs as root: ${how}.`, target, loc));
  }
  const test = cfg.Healthcheck?.Test;
  if (!test || test.length === 0 || test[0] === "NONE") {
    const why = test?.[0] === "NONE" ? "the health check is disabled (NONE)" : "no HEALTHCHECK is set";
    out.push(finding(IMG_RULES.healthcheck, `The image has no health check: ${why}.`, target, loc));
  }
  for (const port of Object.keys(cfg.ExposedPorts ?? {})) {
    const n = Number(port.split("/")[0]);
    if (Number.isInteger(n) && n > 0 && n < 1024) {
      const extra = n === 22 ? " (SSH inside a container)" : "";
      out.push(
        finding(
          IMG_RULES.privilegedPort,
          `The image exposes privileged port ${port}${extra}.`,
          `${target}:${port}`,
          loc
        )
      );
    }
  }
  for (const vol of Object.keys(cfg.Volumes ?? {})) {
    const clean = vol.replace(/\/+$/, "") || "/";
    if (SENSITIVE_VOLUMES.has(clean)) {
      out.push(
        finding(
          IMG_RULES.sensitiveVolume,
          `The image declares the sensitive path ${clean} as a volume.`,
          `${target}:${clean}`,
          loc
        )
      );
    }
  }
  const labels = cfg.Labels ?? {};
  const required = options.requiredLabels ?? [
    "org.opencontainers.image.source",
    "org.opencontainers.image.revision"
  ];
  const missing = required.filter((l) => !labels[l]);
  if (missing.length) {
    out.push(
      finding(
        IMG_RULES.ociLabels,
        `The image has no ${missing.join(" or ")} label.`,
        `${target}:${missing.join(",")}`,
        loc,
        void 0,
        { missing }
      )
    );
  }
  if (scannedTag(info.ref) === "latest") {
    out.push(
      finding(
        IMG_RULES.latestTag,
        `The image was scanned as ${info.ref}, by the latest tag, which moves.`,
        `${target}:latest`,
        loc
      )
    );
  }
  for (const env of cfg.Env ?? []) {
    const eq = env.indexOf("=");
    if (eq <= 0) continue;
    const name = env.slice(0, eq);
    const value = env.slice(eq + 1);
    if (!value || !isCredentialName(name)) continue;
    addSecret(value);
    if (scanText(env, { kind: "env", path: name }).length > 0) continue;
    out.push(
      finding(
        IMG_RULES.credentialEnv,
        `The environment variable ${name} looks like a credential and is set in the image.`,
        `${target}:${name}`,
        loc
      )
    );
  }
  const reported = /* @__PURE__ */ new Set();
  (info.config.history ?? []).forEach((h, i) => {
    for (const { name, value } of historyAssignments(h.created_by ?? "")) {
      if (!isCredentialName(name) || reported.has(name)) continue;
      addSecret(value);
      if (scanText(`${name}=${value}`, { kind: "history", path: String(i) }).length > 0) continue;
      reported.add(name);
      out.push(
        finding(
          IMG_RULES.credentialEnv,
          `The build history (step ${i + 1}) keeps a value of ${name}, which looks like a credential.`,
          `${target}:history:${name}`,
          { ...loc, createdBy: safeText(h.created_by ?? "") }
        )
      );
    }
  });
  return out;
}
var imageConfigAnalyzer = {
  version: 2,
  rules: [
    IMG_RULES.root,
    IMG_RULES.healthcheck,
    IMG_RULES.privilegedPort,
    IMG_RULES.sensitiveVolume,
    IMG_RULES.ociLabels,
    IMG_RULES.credentialEnv,
    IMG_RULES.latestTag
  ],
  create: () => [configOnlyAnalyzer("image-config", (info) => checkConfig(info))]
};
export {
  checkConfig,
  imageConfigAnalyzer,
  scannedTag
};
