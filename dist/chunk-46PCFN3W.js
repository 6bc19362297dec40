#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  writeReportFile,
  writeReportStdout
} from "./chunk-UZUG6JWW.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  logger,
  mask
} from "./chunk-HYPJQQQ3.js";

// src/report/write.ts
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// src/report/history-secrets.ts
async function registerHistorySecrets(result) {
  const lines = /* @__PURE__ */ new Set();
  for (const l of result.image?.layers ?? []) if (l.createdBy) lines.add(l.createdBy);
  for (const p of result.packages) if (p.createdBy) lines.add(p.createdBy);
  if (lines.size === 0) return;
  const { scanText } = await import("./chunk-5JYNQTG3.js");
  for (const line of lines) scanText(line, { kind: "history" });
}

// src/report/write.ts
var SUCCESS = {
  text: "text report",
  json: "json report",
  sarif: "sarif report",
  summary: "summary",
  cyclonedx: "cyclonedx SBOM",
  spdx: "spdx SBOM",
  gitlab: "GitLab reports"
};
function repoReader(repoRoot) {
  return (path) => {
    try {
      return readFileSync(resolve(repoRoot, path), "utf8");
    } catch {
      return void 0;
    }
  };
}
async function loadWriters(requests, result) {
  const formats = new Set(requests.map((r) => r.format));
  const w = {};
  if (formats.has("json")) w.json = await import("./chunk-U3G4QKY4.js");
  if (formats.has("sarif")) w.sarif = await import("./chunk-GG3Q6W45.js");
  if (formats.has("summary")) w.summary = await import("./chunk-AP2FLG6S.js");
  if (formats.has("text")) w.text = await import("./chunk-MXEFEMGP.js");
  if (formats.has("gitlab")) w.gitlab = await import("./chunk-6XC34SQX.js");
  if (formats.has("cyclonedx") || formats.has("spdx") || formats.has("gitlab") && result.image)
    w.sbom = await import("./chunk-D4ZQNDS2.js");
  return w;
}
function loaded(writer, format) {
  if (!writer) throw new ShipgateError("INTERNAL", `the ${format} writer was not loaded`);
  return writer;
}
var Renderer = class {
  constructor(result, options, writers) {
    this.result = result;
    this.options = options;
    this.writers = writers;
    this.readFile = repoReader(options.repoRoot);
  }
  result;
  options;
  writers;
  texts = /* @__PURE__ */ new Map();
  sarifWarnings = [];
  readFile;
  text(format) {
    let text = this.texts.get(format);
    if (text === void 0) {
      text = this.render(format);
      this.texts.set(format, text);
    }
    return text;
  }
  render(format) {
    const { result, options, writers } = this;
    switch (format) {
      case "json":
        return loaded(writers.json, format).toJson(result);
      case "sarif": {
        const sarif = loaded(writers.sarif, format);
        const log = sarif.toSarif(result, {
          repoRoot: options.repoRoot,
          readFile: this.readFile,
          ...options.category ? { category: options.category } : {}
        });
        const limited = sarif.limitForGitHub(log);
        for (const w of limited.warnings) logger().warn(w);
        this.sarifWarnings.push(...limited.warnings);
        return `${JSON.stringify(limited.log, null, 2)}
`;
      }
      case "summary":
        return loaded(writers.summary, format).toMarkdownSummary(result, options.summary ?? {});
      case "text":
        return loaded(writers.text, format).toText(result, {
          color: false,
          ...options.text,
          readFile: this.readFile
        });
      case "cyclonedx":
      case "spdx":
        return loaded(writers.sbom, format).renderSbom(result, format);
    }
  }
};
async function writeReports(result, requests, options) {
  await registerHistorySecrets(result);
  const writers = await loadWriters(requests, result);
  const renderer = new Renderer(result, options, writers);
  let sarif;
  for (const req of requests) {
    if (req.format === "gitlab") {
      await loaded(writers.gitlab, "gitlab").writeGitlabReports(result, req.path, {
        repoRoot: options.repoRoot,
        ...result.image ? { cyclonedx: () => renderer.text("cyclonedx") } : {}
      });
    } else if (req.path === void 0) {
      writeReportStdout(renderer.text(req.format));
      continue;
    } else {
      const text = renderer.text(req.format);
      await writeReportFile(req.path, text);
      if (req.format === "sarif") sarif = JSON.parse(mask(text));
    }
    logger().info(`wrote ${SUCCESS[req.format]} to ${req.path}`);
  }
  return { ...sarif ? { sarif } : {}, sarifWarnings: renderer.sarifWarnings };
}

export {
  writeReports
};
