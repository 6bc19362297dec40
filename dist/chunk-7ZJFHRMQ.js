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
} from "./chunk-LI4R4AXY.js";
import {
  safeText
} from "./chunk-7ARZCZGE.js";

// src/config/analyzers/build.ts
var REMOTE_ADD = /(?:^|\s|#\(nop\)\s*)ADD\s+(?:--[\w-]+(?:=\S+)?\s+)*((?:https?|ftp):\/\/\S+)/i;
function formatBytes(n) {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;
}
function historyLayers(info) {
  let layer = 0;
  return (info.config.history ?? []).map((h) => h.empty_layer ? void 0 : layer++);
}
function checkBuild(info, options = {}) {
  const out = [];
  const loc = imageLoc(info);
  const target = targetName(info);
  const layersOf = historyLayers(info);
  (info.config.history ?? []).forEach((h, i) => {
    const by = h.created_by ?? "";
    const m = REMOTE_ADD.exec(by);
    if (!m || /--checksum=/.test(by)) return;
    const li = layersOf[i];
    const layer = li === void 0 ? void 0 : info.layers[li];
    const createdBy = safeText(by);
    const url = safeText(m[1]);
    out.push(
      finding(
        IMG_RULES.remoteAdd,
        `The build added ${url} with ADD (step ${i + 1}) without a checksum.`,
        `${target}:${url}`,
        {
          ...loc,
          createdBy,
          ...layer ? { layerIndex: layer.index, layerDigest: layer.digest } : {}
        }
      )
    );
  });
  const maxSize = options.maxSizeBytes ?? 1024 ** 3;
  if (info.size > maxSize) {
    out.push(
      finding(
        IMG_RULES.size,
        `The image is ${formatBytes(info.size)} compressed, over ${formatBytes(maxSize)}.`,
        target,
        loc,
        void 0,
        { size: info.size }
      )
    );
  }
  const maxLayers = options.maxLayers ?? 50;
  if (info.layers.length > maxLayers) {
    out.push(
      finding(
        IMG_RULES.layers,
        `The image has ${info.layers.length} layers, over ${maxLayers}.`,
        target,
        loc
      )
    );
  }
  if (info.config.created) {
    const created = Date.parse(info.config.created);
    const now = (options.now ?? /* @__PURE__ */ new Date()).getTime();
    const days = Math.floor((now - created) / 864e5);
    const maxAge = options.maxAgeDays ?? 365;
    if (Number.isFinite(created) && created > 0 && days > maxAge) {
      out.push(
        finding(
          IMG_RULES.age,
          `The image was built ${days} days ago (${info.config.created.slice(0, 10)}), over ${maxAge} days.`,
          target,
          loc
        )
      );
    }
  }
  return out;
}
var buildAnalyzer = {
  version: 1,
  rules: [IMG_RULES.remoteAdd, IMG_RULES.size, IMG_RULES.layers, IMG_RULES.age],
  create: (settings) => [configOnlyAnalyzer("build", (info) => checkBuild(info, settings.limits ?? {}))]
};

export {
  historyLayers,
  checkBuild,
  buildAnalyzer
};
