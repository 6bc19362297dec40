#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  sbomKind
} from "./chunk-VZR4YNCM.js";
import {
  parsePlatform
} from "./chunk-TJLGGXV5.js";
import {
  toCycloneDx,
  toSpdx
} from "./chunk-W7U6HLX4.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";

// src/report/sbom.ts
function renderSbom(result, format) {
  const target = result.image;
  if (!target) throw new ShipgateError("USAGE", "an SBOM needs an image to scan");
  const { platform, ...facts } = target;
  const image = { ...facts, ...platform ? { platform: parsePlatform(platform) } : {} };
  const inventory = { ...target.os ? { os: target.os } : {}, packages: result.packages };
  const text = sbomKind(format) === "spdx" ? toSpdx(inventory, image) : toCycloneDx(inventory, image);
  return text.endsWith("\n") ? text : `${text}
`;
}

export {
  renderSbom
};
