#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  compareText
} from "./chunk-WXYCZFY5.js";

// src/analyzers/registry.ts
var ANALYZERS = [
  {
    name: "inventory",
    scanner: "vuln",
    always: true,
    load: async () => (await import("./chunk-B5FISWRF.js")).inventoryModule
  },
  { name: "secrets", scanner: "secret", load: async () => (await import("./chunk-JX3QG5E2.js")).secretsModule },
  {
    name: "image-config",
    scanner: "config",
    load: async () => (await import("./chunk-HFXRQDMI.js")).imageConfigAnalyzer
  },
  {
    name: "build",
    scanner: "config",
    load: async () => (await import("./chunk-QZFUFOAV.js")).buildAnalyzer
  },
  {
    name: "end-of-life",
    scanner: "config",
    load: async () => (await import("./chunk-QBCTRBEV.js")).endOfLifeAnalyzer
  },
  {
    name: "users",
    scanner: "config",
    load: async () => (await import("./chunk-IABPS326.js")).usersAnalyzer
  },
  {
    name: "file-modes",
    scanner: "config",
    load: async () => (await import("./chunk-R5SPAUOR.js")).fileModesAnalyzer
  },
  {
    name: "leftovers",
    scanner: "config",
    load: async () => (await import("./chunk-PBXRJ7TF.js")).leftoversAnalyzer
  },
  {
    name: "tools",
    scanner: "config",
    load: async () => (await import("./chunk-FYAWLES5.js")).toolsAnalyzer
  },
  {
    name: "history",
    scanner: "config",
    load: async () => (await import("./chunk-QJPUAGCU.js")).historyAnalyzer
  },
  {
    name: "malware",
    scanner: "malware",
    load: async () => (await import("./chunk-RXMP6PYG.js")).malwareModule
  }
];
var SCANNERS = [...new Set(ANALYZERS.map((a) => a.scanner))];
function isScanner(name) {
  return SCANNERS.includes(name);
}
var SCANNER_PART = {
  vuln: "vulnerability",
  secret: "secret",
  config: "config",
  malware: "malware"
};
function scannerPart(scanner) {
  return SCANNER_PART[scanner];
}
async function createAnalyzers(settings) {
  const entries = ANALYZERS.filter(
    (a) => a.always === true || settings.scanners.has(a.scanner)
  );
  return Promise.all(
    entries.map(async (entry) => {
      const module = await entry.load();
      return { entry, module, walkers: module.create(settings) };
    })
  );
}
async function analyzerRules(scanners) {
  const out = [];
  for (const scanner of SCANNERS) {
    if (scanners && !scanners.has(scanner)) continue;
    const entries = ANALYZERS.filter((a) => a.scanner === scanner);
    const modules = await Promise.all(entries.map((a) => a.load()));
    out.push(...modules.flatMap((m) => m.rules).sort((a, b) => compareText(a.id, b.id)));
  }
  return out;
}
async function allRules() {
  const [{ dockerfileRules }, { manifestRules }, { EOL_RULE }, rules] = await Promise.all([
    import("./chunk-OPHSECJH.js"),
    import("./chunk-6XRNOJ3K.js"),
    import("./chunk-UIWMKIGI.js"),
    analyzerRules()
  ]);
  return [...dockerfileRules(), ...manifestRules(), ...rules, EOL_RULE];
}
var RULE_DOCS = [
  { file: "dockerfile.md", load: async () => (await import("./chunk-BGDZUTPQ.js")).DOCKERFILE_DOCS },
  {
    file: "manifests.md",
    load: async () => (await import("./chunk-6XRNOJ3K.js")).MANIFESTS_DOCS,
    rules: async () => (await import("./chunk-6XRNOJ3K.js")).manifestRules()
  },
  {
    file: "secrets.md",
    scanner: "secret",
    load: async () => (await import("./chunk-DJHVNVOL.js")).SECRETS_DOCS
  },
  {
    file: "image-config.md",
    scanner: "config",
    load: async () => (await import("./chunk-SDXAMMAK.js")).IMAGE_CONFIG_DOCS
  },
  {
    file: "malware.md",
    scanner: "malware",
    load: async () => (await import("./chunk-2HRGRHPC.js")).MALWARE_DOCS
  }
];
async function ruleDocsPages() {
  const { dockerfileRules } = await import("./chunk-OPHSECJH.js");
  return Promise.all(
    RULE_DOCS.map(async (d) => ({
      file: d.file,
      page: {
        ...await d.load(),
        rules: d.rules ? await d.rules() : d.scanner ? await analyzerRules(/* @__PURE__ */ new Set([d.scanner])) : dockerfileRules()
      }
    }))
  );
}

export {
  ANALYZERS,
  SCANNERS,
  isScanner,
  scannerPart,
  createAnalyzers,
  analyzerRules,
  allRules,
  ruleDocsPages
};
