#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  renderSbom
} from "./chunk-555NRNYB.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-3BWA7Y3J.js";
import "./chunk-PORJYYC7.js";
import "./chunk-M6FEL437.js";
import "./chunk-CBPPCJ6P.js";
import "./chunk-NQRDU5S6.js";
import "./chunk-YH6AYXDN.js";
import "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";
export {
  renderSbom
};
