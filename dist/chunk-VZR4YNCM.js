#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/report/sbom-formats.ts
var SBOM_FORMATS = ["cyclonedx", "spdx", "cyclonedx-json", "spdx-json"];
function sbomKind(format) {
  return format.startsWith("spdx") ? "spdx" : "cyclonedx";
}

export {
  SBOM_FORMATS,
  sbomKind
};
