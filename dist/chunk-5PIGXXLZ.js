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
} from "./chunk-M7NU6XCW.js";
import "./chunk-4Z2EEEDB.js";
import "./chunk-MR4EMEFN.js";
import "./chunk-PCIKBR34.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-2DGSQNDZ.js";
import "./chunk-3MBQI7KF.js";
import "./chunk-OKNVREXE.js";
import "./chunk-LPHRMR6J.js";
import "./chunk-HHFGLOVF.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-MI7WNBWV.js";
import "./chunk-ZAFDHJDK.js";
import "./chunk-OJCBPLFV.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-N63AHO23.js";
import "./chunk-SVCZTZML.js";
import "./chunk-4W53UNPV.js";
import "./chunk-DW62LGJL.js";
import "./chunk-K47NRAYF.js";
import "./chunk-B5YGYBGC.js";
import "./chunk-MEPUX6SS.js";
import "./chunk-U65Y67VX.js";
import "./chunk-63NLDXJT.js";
import "./chunk-N7PLTF7E.js";
import "./chunk-L3W2BYHY.js";
import "./chunk-VYLKKKIO.js";
import "./chunk-LLLJOV6T.js";
import "./chunk-IRK6M6AJ.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-YU3NDXT2.js";
import "./chunk-D6IWNGPV.js";
import "./chunk-X4NCKJN2.js";
import "./chunk-GHVLKZWM.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-4BCYMWJS.js";
import "./chunk-QI4NSRLW.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-OESHQTCA.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-DML5XCCS.js";
import "./chunk-SNG72773.js";
import "./chunk-U5ZHU5LT.js";
import "./chunk-EWOY6TZW.js";
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
