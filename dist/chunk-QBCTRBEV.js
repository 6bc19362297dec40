#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  osReleaseAnalyzer
} from "./chunk-Y4CQZHBA.js";
import "./chunk-NQRDU5S6.js";
import "./chunk-6QO4RSHM.js";
import {
  IMG_RULES,
  finding,
  imageLoc,
  targetName
} from "./chunk-LI4R4AXY.js";
import "./chunk-7ARZCZGE.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/config/analyzers/end-of-life.ts
function checkEndOfLife(info, os) {
  if (!os?.eol) return [];
  const name = os.prettyName ?? `${os.id} ${os.versionId ?? ""}`.trim();
  return [
    finding(
      IMG_RULES.eol,
      `The base OS ${name} is end of life${os.eolDate ? ` since ${os.eolDate}` : ""}.`,
      `${targetName(info)}:${os.id}:${os.versionId ?? ""}`,
      imageLoc(info)
    )
  ];
}
var endOfLifeAnalyzer = {
  version: 1,
  rules: [IMG_RULES.eol],
  create(settings) {
    if (settings.scanners.has("vuln")) return [];
    const release = osReleaseAnalyzer();
    return [
      {
        name: "end-of-life",
        maxBytes: release.maxBytes,
        wants: (e) => release.wants(e),
        analyze: (e, content, truncated) => release.analyze(e, content, truncated),
        finish: async (view, info) => ({
          findings: checkEndOfLife(info, (await release.finish(view, info)).os)
        })
      }
    ];
  }
};
export {
  checkEndOfLife,
  endOfLifeAnalyzer
};
