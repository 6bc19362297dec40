#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  run,
  scanCommand,
  scanPipelineOptions
} from "./chunk-Y6L5ASGL.js";
import "./chunk-XTXKZHTC.js";
import "./chunk-2FR3COPZ.js";
import "./chunk-SVCZTZML.js";
import "./chunk-4W53UNPV.js";
import "./chunk-BNXCCGJA.js";
import "./chunk-IYUGHP62.js";
import "./chunk-DR7B52UQ.js";
import "./chunk-K47NRAYF.js";
import "./chunk-B5YGYBGC.js";
import "./chunk-VO5R45AY.js";
import "./chunk-BTJTVSYA.js";
import "./chunk-Z2CVXH3Y.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-MEPUX6SS.js";
import "./chunk-U65Y67VX.js";
import "./chunk-C3ZVZZGM.js";
import "./chunk-2LLMRT2Y.js";
import "./chunk-LPHRMR6J.js";
import "./chunk-63NLDXJT.js";
import "./chunk-N7PLTF7E.js";
import "./chunk-ZOQOZBHX.js";
import "./chunk-ORKN2LZK.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-N6WO2XDE.js";
import "./chunk-YU3NDXT2.js";
import "./chunk-Y2GHVQDS.js";
import "./chunk-GHVLKZWM.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-VYLKKKIO.js";
import "./chunk-3O74ZIFX.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-47YVZKWL.js";
import "./chunk-PUVAPGBL.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-7RXX3OXC.js";
import "./chunk-DML5XCCS.js";
import "./chunk-2SDDFVUH.js";
import "./chunk-YGEM47PD.js";
import "./chunk-HSB3NKVL.js";
import "./chunk-TAIR2IJN.js";
import "./chunk-QI4NSRLW.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-IARREIY2.js";
import "./chunk-PZYIHU7A.js";
import "./chunk-JFZH5UAZ.js";
import "./chunk-SNG72773.js";
import "./chunk-Y4CQZHBA.js";
import "./chunk-NQRDU5S6.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-NBX24EBK.js";
import "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";
export {
  run,
  scanCommand,
  scanPipelineOptions
};
