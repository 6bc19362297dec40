#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  DOCKERFILE_DOCS
} from "./chunk-Z4T7NOW3.js";
import "./chunk-DLZNSFT6.js";
import "./chunk-44QYIPQ7.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-DNEHU5TI.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-RFIJBJJT.js";
import "./chunk-6FSLFHTN.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";
export {
  DOCKERFILE_DOCS
};
