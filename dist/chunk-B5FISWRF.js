#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  INVENTORY_ANALYZERS,
  collectInventory,
  inventoryAnalyzers,
  inventoryModule,
  toCycloneDx,
  toSpdx
} from "./chunk-W7U6HLX4.js";
import "./chunk-3QODUBSV.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import {
  EOL_TABLE_UPDATED,
  eolDate,
  isInventoryPart,
  osEndOfLife
} from "./chunk-Y4CQZHBA.js";
import "./chunk-NQRDU5S6.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";
export {
  EOL_TABLE_UPDATED,
  INVENTORY_ANALYZERS,
  collectInventory,
  eolDate,
  inventoryAnalyzers,
  inventoryModule,
  isInventoryPart,
  osEndOfLife,
  toCycloneDx,
  toSpdx
};
