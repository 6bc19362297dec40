#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  parseOsRelease
} from "./chunk-NQRDU5S6.js";
import {
  IMG_RULES,
  TextFiles,
  existing,
  fileLoc,
  finding,
  targetName
} from "./chunk-LI4R4AXY.js";
import "./chunk-7ARZCZGE.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/config/analyzers/tools.ts
var SHELLS = ["sh", "bash", "dash", "ash", "zsh", "ksh", "busybox"];
var PACKAGE_MANAGERS = [
  "apt",
  "apt-get",
  "dpkg",
  "apk",
  "yum",
  "dnf",
  "microdnf",
  "rpm",
  "zypper",
  "pip",
  "pip3",
  "npm"
];
var BIN_DIRS = ["/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin"];
function installed(view, name) {
  for (const d of BIN_DIRS) {
    const st = existing(view, `${d}/${name}`);
    if (st) return { ...st, path: `${d}/${name}` };
  }
  return void 0;
}
function minimalBy(files, view, info) {
  const release = files.visible(view, "/etc/os-release") ?? files.visible(view, "/usr/lib/os-release");
  const os = release ? parseOsRelease(release.text) : void 0;
  if (/distroless/i.test(os?.prettyName ?? "")) return `os-release (${os?.prettyName})`;
  if (["chainguard", "wolfi"].includes(os?.id ?? "")) return `os-release (ID=${os?.id})`;
  const labels = Object.entries(info.config.config?.Labels ?? {}).map(([k, v]) => `${k}=${v}`).join("\n");
  return /(?:distroless|scratch|minimal|chainguard)/i.test(labels) ? "its labels" : void 0;
}
function checkTools(files, view, info) {
  const out = [];
  const target = targetName(info);
  for (const tool of ["sudo", "doas"]) {
    const st = BIN_DIRS.map((d) => existing(view, `${d}/${tool}`)).find(Boolean);
    if (st)
      out.push(
        finding(IMG_RULES.sudo, `${tool} is installed (${st.path}).`, `${target}:${tool}`, fileLoc(info, st))
      );
  }
  const by = minimalBy(files, view, info);
  if (by) {
    for (const name of [...SHELLS, ...PACKAGE_MANAGERS]) {
      const st = installed(view, name);
      if (!st) continue;
      out.push(
        finding(
          IMG_RULES.minimalTools,
          `The image claims to be minimal (by ${by}) but contains ${st.path}.`,
          `${target}:${st.path}`,
          fileLoc(info, st)
        )
      );
    }
  }
  return out;
}
var toolsAnalyzer = {
  version: 1,
  rules: [IMG_RULES.sudo, IMG_RULES.minimalTools],
  create() {
    const files = new TextFiles(/* @__PURE__ */ new Set(["/etc/os-release", "/usr/lib/os-release"]));
    return [
      {
        name: "tools",
        maxBytes: 64 * 1024,
        wants: (e) => files.wants(e),
        analyze: (e, content) => files.add(e, content),
        finish: (view, info) => ({ findings: checkTools(files, view, info) })
      }
    ];
  }
};
export {
  toolsAnalyzer
};
