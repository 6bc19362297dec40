#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  renderSbom
} from "./chunk-3FWVJDO7.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-W7U6HLX4.js";
import "./chunk-3QODUBSV.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-Y4CQZHBA.js";
import "./chunk-NQRDU5S6.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";
export {
  renderSbom
};
