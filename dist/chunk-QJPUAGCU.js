#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import "./chunk-7RXX3OXC.js";
import "./chunk-DML5XCCS.js";
import {
  MAX_HISTORY_BYTES,
  lintHistory
} from "./chunk-Z4T7NOW3.js";
import "./chunk-FJAP4N5B.js";
import "./chunk-DLZNSFT6.js";
import "./chunk-44QYIPQ7.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-DNEHU5TI.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-RFIJBJJT.js";
import "./chunk-6FSLFHTN.js";
import {
  historyLayers
} from "./chunk-7ZJFHRMQ.js";
import "./chunk-6QO4RSHM.js";
import {
  configOnlyAnalyzer,
  imageLoc,
  targetName
} from "./chunk-LI4R4AXY.js";
import {
  safeText
} from "./chunk-7ARZCZGE.js";
import "./chunk-6INDVNBY.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/analyzers/history.ts
var HISTORY_SOURCE = "history";
function withoutFinalStop(message) {
  let end = message.length;
  while (end > 0 && /[.\s]/.test(message[end - 1] ?? "")) end--;
  return message.slice(0, end);
}
async function checkHistory(info) {
  const history = info.config.history ?? [];
  const { hits, unparsed, overLimit } = await lintHistory(history.map((h) => h.created_by));
  const [first] = unparsed;
  if (first)
    logger().debug(
      `history lint: ${unparsed.length} of ${history.length} history entries are no Dockerfile instruction and were not linted (step ${first.entry + 1}: ${safeText(first.createdBy).slice(0, 120)})`
    );
  const layersOf = historyLayers(info);
  const loc = imageLoc(info);
  const target = targetName(info);
  const findings = hits.map(({ entry, keyword, finding }) => {
    const createdBy = safeText(history[entry]?.created_by ?? "");
    const li = layersOf[entry];
    const layer = li === void 0 ? void 0 : info.layers[li];
    const message = safeText(withoutFinalStop(finding.message));
    const { stage: _stage, ...properties } = finding.properties ?? {};
    return {
      ruleId: finding.ruleId,
      kind: "config",
      severity: finding.severity,
      message: `${message} (image history, step ${entry + 1}).`,
      fingerprint: stableHash(finding.ruleId, HISTORY_SOURCE, target, finding.fingerprint),
      ...finding.fix ? { fix: safeText(finding.fix) } : {},
      image: {
        ...loc,
        createdBy,
        ...layer ? { layerIndex: layer.index, layerDigest: layer.digest } : {}
      },
      properties: { ...properties, instruction: keyword, source: HISTORY_SOURCE, step: entry + 1 }
    };
  });
  return overLimit ? {
    findings,
    incomplete: `history lint read the instructions up to ${MAX_HISTORY_BYTES / 1024 / 1024} MiB; ${overLimit} later history entr${overLimit === 1 ? "y was" : "ies were"} not linted`
  } : { findings };
}
var historyAnalyzer = {
  version: 1,
  // Its findings are Dockerfile rules' (listed and documented with the Dockerfile linter); the pipeline adds their
  // metadata when they fire.
  rules: [],
  create: (settings) => settings.historyLint === false ? [] : [
    {
      ...configOnlyAnalyzer("history", () => []),
      finish: (_view, info) => checkHistory(info)
    }
  ]
};
export {
  HISTORY_SOURCE,
  checkHistory,
  historyAnalyzer
};
