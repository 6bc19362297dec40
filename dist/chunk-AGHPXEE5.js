#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  scanCommand
} from "./chunk-BFYECK4X.js";
import "./chunk-TNQOYG2B.js";
import "./chunk-4IVBVLWX.js";
import "./chunk-YCF6QOLD.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-2DGSQNDZ.js";
import "./chunk-3MBQI7KF.js";
import "./chunk-OKNVREXE.js";
import "./chunk-LPHRMR6J.js";
import "./chunk-HHFGLOVF.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-EGUD6EYN.js";
import "./chunk-Y5AQ3GCW.js";
import "./chunk-KLRVEYIS.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-WGF23AVJ.js";
import "./chunk-DIFTYNTD.js";
import "./chunk-63QWEKYT.js";
import "./chunk-QTCKDDHV.js";
import "./chunk-K47NRAYF.js";
import "./chunk-Q3YOL64G.js";
import "./chunk-MEPUX6SS.js";
import "./chunk-U65Y67VX.js";
import "./chunk-63NLDXJT.js";
import "./chunk-N7PLTF7E.js";
import "./chunk-L3W2BYHY.js";
import "./chunk-VYLKKKIO.js";
import "./chunk-3STVGRB6.js";
import "./chunk-2DWJ5746.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-YU3NDXT2.js";
import "./chunk-D6IWNGPV.js";
import "./chunk-X4NCKJN2.js";
import "./chunk-GHVLKZWM.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-WF3ZM65H.js";
import "./chunk-QI4NSRLW.js";
import "./chunk-IARREIY2.js";
import "./chunk-GOASRH6Z.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-DML5XCCS.js";
import "./chunk-SNG72773.js";
import "./chunk-NIEJ6ZYO.js";
import "./chunk-FWBD33OU.js";
import "./chunk-Y4CQZHBA.js";
import "./chunk-NQRDU5S6.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-NBX24EBK.js";
import "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/sign.ts
function run(argv) {
  return scanCommand("sign", argv);
}
export {
  run
};
