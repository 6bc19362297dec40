#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  toCycloneDx,
  toSpdx
} from "./chunk-CD4J457K.js";
import {
  ShipgateError
} from "./chunk-XNFBH2M5.js";

// src/cli/sbom.ts
var SBOM_FORMATS = ["cyclonedx", "spdx", "cyclonedx-json", "spdx-json"];
function imageInfo(result) {
  const t = result.image;
  if (!t) throw new ShipgateError("USAGE", "an SBOM needs an image to scan");
  const [os = "linux", architecture = "amd64", variant] = (t.platform ?? "").split("/");
  return {
    ref: t.ref,
    ...t.repository ? { repository: t.repository } : {},
    ...t.tag ? { tag: t.tag } : {},
    ...t.digest ? { digest: t.digest } : {},
    configDigest: t.configDigest ?? "",
    platform: { os, architecture, ...variant ? { variant } : {} },
    config: {},
    layers: t.layers.map((l) => ({
      index: l.index,
      digest: l.digest,
      ...l.diffId ? { diffId: l.diffId } : {},
      mediaType: "",
      size: l.size,
      ...l.createdBy ? { createdBy: l.createdBy } : {}
    })),
    size: t.size ?? 0
  };
}
function renderSbom(result, format) {
  const inventory = { ...result.image?.os ? { os: result.image.os } : {}, packages: result.packages };
  const info = imageInfo(result);
  const text = format.startsWith("spdx") ? toSpdx(inventory, info, {}) : toCycloneDx(inventory, info, {});
  return text.endsWith("\n") ? text : `${text}
`;
}

export {
  SBOM_FORMATS,
  renderSbom
};
