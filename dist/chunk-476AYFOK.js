#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  IMG_RULES,
  configOnlyAnalyzer,
  finding,
  imageLoc,
  targetName
} from "./chunk-N7ECBZ5M.js";
import {
  scanText
} from "./chunk-GLGC76FD.js";
import "./chunk-6INDVNBY.js";
import "./chunk-NBX24EBK.js";
import {
  addSecret
} from "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
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
function isRoot(user) {
  const u = (user ?? "").trim();
  if (u === "") return true;
  const name = u.split(":")[0];
  return name === "root" || name === "0";
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
  for (const env of cfg.Env ?? []) {
    const eq = env.indexOf("=");
    if (eq <= 0) continue;
    const name = env.slice(0, eq);
    const value = env.slice(eq + 1);
    if (!value || !CREDENTIAL_NAME.test(name) || CREDENTIAL_NAME_OK.test(name)) continue;
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
  return out;
}
var imageConfigAnalyzer = {
  version: 1,
  rules: [
    IMG_RULES.root,
    IMG_RULES.healthcheck,
    IMG_RULES.privilegedPort,
    IMG_RULES.sensitiveVolume,
    IMG_RULES.ociLabels,
    IMG_RULES.credentialEnv
  ],
  create: () => [configOnlyAnalyzer("image-config", (info) => checkConfig(info))]
};
export {
  checkConfig,
  imageConfigAnalyzer
};
