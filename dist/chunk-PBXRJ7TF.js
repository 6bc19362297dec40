#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  IMG_RULES,
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

// src/config/analyzers/leftovers.ts
var CACHES = [
  {
    name: "apt package lists (/var/lib/apt/lists)",
    test: (p) => p.startsWith("/var/lib/apt/lists/") && !/\/(?:lock|partial\/.*|auxfiles\/.*)$/.test(p)
  },
  {
    name: "apt cache (/var/cache/apt)",
    test: (p) => /^\/var\/cache\/apt\/(?:archives\/[^/]+\.deb|[^/]+\.bin)$/.test(p)
  },
  {
    name: "apk cache (/var/cache/apk)",
    test: (p) => p.startsWith("/var/cache/apk/") || p.startsWith("/etc/apk/cache/")
  },
  {
    name: "yum/dnf cache (/var/cache/yum, /var/cache/dnf)",
    test: (p) => /^\/var\/cache\/(?:yum|dnf)\//.test(p)
  },
  { name: "pip cache (~/.cache/pip)", test: (p) => /^\/(?:root|home\/[^/]+)\/\.cache\/pip\//.test(p) },
  { name: "npm cache (~/.npm/_cacache)", test: (p) => /^\/(?:root|home\/[^/]+)\/\.npm\/_cacache\//.test(p) },
  {
    name: "yarn cache",
    test: (p) => p.startsWith("/usr/local/share/.cache/yarn/") || /^\/(?:root|home\/[^/]+)\/\.cache\/yarn\//.test(p)
  }
];
var UNNECESSARY_FILES = /* @__PURE__ */ new Set([
  "Dockerfile",
  "docker-compose.yml",
  "docker-compose.yaml",
  "compose.yaml",
  "compose.yml",
  ".vimrc",
  ".DS_Store"
]);
var UNNECESSARY_DIRS = /* @__PURE__ */ new Set([".cache", ".npm", ".git", ".aws", ".azure", ".gcp", ".vscode", ".idea"]);
var CREDENTIAL_FILES = /* @__PURE__ */ new Set([
  "credentials.json",
  "credential.json",
  "credentials",
  "credential",
  "password.txt",
  "id_rsa",
  "id_dsa",
  "id_ecdsa",
  "id_ed25519",
  "secret_token.rb",
  "carrierwave.rb",
  "omniauth.rb",
  "settings.py",
  "database.yml",
  "credentials.xml",
  ".env"
]);
var CREDENTIAL_EXTENSIONS = /* @__PURE__ */ new Set([
  ".secret",
  ".ovpn",
  ".private_key",
  ".cscfg",
  ".rdp",
  ".mdf",
  ".sdf",
  ".bek",
  ".tpm",
  ".fve",
  ".jks",
  ".psafe3",
  ".agilekeychain",
  ".keychain",
  ".pcap",
  ".gnucache"
]);
var PACKAGE_CONTENT = /^\/(?:usr\/(?:share|lib|lib64|local\/lib|include)|opt\/[^/]+\/lib)\/|\/(?:node_modules|vendor|site-packages|dist-packages)\//;
function unnecessaryDir(path) {
  const parent = path.slice(0, path.lastIndexOf("/"));
  return UNNECESSARY_DIRS.has(parent.slice(parent.lastIndexOf("/") + 1)) ? parent : void 0;
}
function isCredentialFile(base) {
  const dot = base.lastIndexOf(".");
  return CREDENTIAL_FILES.has(base) || dot >= 0 && CREDENTIAL_EXTENSIONS.has(base.slice(dot));
}
function checkLeftovers(view, info) {
  const out = [];
  const target = targetName(info);
  const cacheHits = /* @__PURE__ */ new Map();
  const dirsSeen = /* @__PURE__ */ new Set();
  for (const e of view.entries()) {
    if (e.type === "file") {
      for (const c of CACHES) {
        if (!c.test(e.path)) continue;
        const hit = cacheHits.get(c);
        if (hit) {
          hit.count++;
          hit.bytes += e.size;
        } else cacheHits.set(c, { count: 1, bytes: e.size, first: e });
      }
    }
    if (e.type === "dir" || PACKAGE_CONTENT.test(e.path)) continue;
    const base = e.path.slice(e.path.lastIndexOf("/") + 1);
    const dir = unnecessaryDir(e.path);
    if (dir && !dirsSeen.has(dir)) {
      dirsSeen.add(dir);
      out.push(
        finding(
          IMG_RULES.unnecessaryFiles,
          `${dir} is in the image (e.g. ${e.path}).`,
          `${target}:${dir}`,
          fileLoc(info, e, dir)
        )
      );
    }
    if (e.type === "file" && UNNECESSARY_FILES.has(base)) {
      out.push(
        finding(
          IMG_RULES.unnecessaryFiles,
          `${e.path} is in the image.`,
          `${target}:${e.path}`,
          fileLoc(info, e)
        )
      );
    }
    if (e.type === "file" && isCredentialFile(base)) {
      out.push(
        finding(
          IMG_RULES.credentialFile,
          `${e.path} is in the image; its name is that of a credential file.`,
          `${target}:${e.path}`,
          fileLoc(info, e)
        )
      );
    }
  }
  for (const [c, hit] of cacheHits) {
    out.push(
      finding(
        IMG_RULES.packageCache,
        `The ${c.name} is left in the image: ${hit.count} file(s), ${Math.max(1, Math.round(hit.bytes / 1024))} KiB.`,
        `${target}:${c.name}`,
        fileLoc(info, hit.first),
        void 0,
        { files: hit.count, bytes: hit.bytes }
      )
    );
  }
  return out;
}
var leftoversAnalyzer = {
  version: 2,
  rules: [IMG_RULES.packageCache, IMG_RULES.unnecessaryFiles, IMG_RULES.credentialFile],
  create: () => [
    {
      name: "leftovers",
      wants: () => false,
      analyze: () => void 0,
      finish: (view, info) => ({ findings: checkLeftovers(view, info) })
    }
  ]
};
export {
  leftoversAnalyzer
};
