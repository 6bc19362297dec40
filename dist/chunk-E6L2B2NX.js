#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/analyzers/registry.ts
var ANALYZERS = [
  {
    name: "inventory",
    scanner: "vuln",
    always: true,
    load: async () => (await import("./chunk-YYQPX2W6.js")).inventoryModule
  },
  { name: "secrets", scanner: "secret", load: async () => (await import("./chunk-EW5G2E6F.js")).secretsModule },
  {
    name: "image-config",
    scanner: "config",
    load: async () => (await import("./chunk-I2D4SGMV.js")).imageConfigAnalyzer
  },
  {
    name: "build",
    scanner: "config",
    load: async () => (await import("./chunk-A3CAHJNL.js")).buildAnalyzer
  },
  {
    name: "end-of-life",
    scanner: "config",
    load: async () => (await import("./chunk-MKG44276.js")).endOfLifeAnalyzer
  },
  {
    name: "users",
    scanner: "config",
    load: async () => (await import("./chunk-GGXYUCUB.js")).usersAnalyzer
  },
  {
    name: "file-modes",
    scanner: "config",
    load: async () => (await import("./chunk-TIILR7L7.js")).fileModesAnalyzer
  },
  {
    name: "leftovers",
    scanner: "config",
    load: async () => (await import("./chunk-JI2PJG34.js")).leftoversAnalyzer
  },
  {
    name: "tools",
    scanner: "config",
    load: async () => (await import("./chunk-5EZB744U.js")).toolsAnalyzer
  },
  {
    name: "malware",
    scanner: "malware",
    load: async () => (await import("./chunk-TEIFHSRD.js")).malwareModule
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
    out.push(...modules.flatMap((m) => m.rules).sort((a, b) => a.id.localeCompare(b.id)));
  }
  return out;
}
async function allRules() {
  const [{ dockerfileRules }, { manifestRules }, { EOL_RULE }, rules] = await Promise.all([
    import("./chunk-Y7B62M6W.js"),
    import("./chunk-Q6563F4U.js"),
    import("./chunk-VNDHOZ74.js"),
    analyzerRules()
  ]);
  return [...dockerfileRules(), ...manifestRules(), ...rules, EOL_RULE];
}
var RULE_DOCS = [
  { file: "dockerfile.md", load: async () => (await import("./chunk-733IQLIF.js")).DOCKERFILE_DOCS },
  {
    file: "manifests.md",
    load: async () => (await import("./chunk-Q6563F4U.js")).MANIFESTS_DOCS,
    rules: async () => (await import("./chunk-Q6563F4U.js")).manifestRules()
  },
  {
    file: "secrets.md",
    scanner: "secret",
    load: async () => (await import("./chunk-DJHVNVOL.js")).SECRETS_DOCS
  },
  {
    file: "image-config.md",
    scanner: "config",
    load: async () => (await import("./chunk-TIJWQJQH.js")).IMAGE_CONFIG_DOCS
  },
  {
    file: "malware.md",
    scanner: "malware",
    load: async () => (await import("./chunk-2HRGRHPC.js")).MALWARE_DOCS
  }
];
async function ruleDocsPages() {
  const { dockerfileRules } = await import("./chunk-Y7B62M6W.js");
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
