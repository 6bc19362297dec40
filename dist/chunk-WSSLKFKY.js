#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  scanCommand
} from "./chunk-TK4FVBFR.js";
import "./chunk-TGSFPGTN.js";
import "./chunk-MOPACGIO.js";
import "./chunk-GLGCZAVK.js";
import "./chunk-3MBQI7KF.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-2DGSQNDZ.js";
import "./chunk-OKNVREXE.js";
import "./chunk-LPHRMR6J.js";
import "./chunk-D6IWNGPV.js";
import "./chunk-QVKCMRK4.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-X4NCKJN2.js";
import "./chunk-4B7RINH2.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-KSYBKCYD.js";
import "./chunk-BNDBTCUE.js";
import "./chunk-SVCZTZML.js";
import "./chunk-4W53UNPV.js";
import "./chunk-K2K4XQA3.js";
import "./chunk-LRCAY7SV.js";
import "./chunk-K47NRAYF.js";
import "./chunk-B5YGYBGC.js";
import "./chunk-MEPUX6SS.js";
import "./chunk-U65Y67VX.js";
import "./chunk-63NLDXJT.js";
import "./chunk-N7PLTF7E.js";
import "./chunk-ORKN2LZK.js";
import "./chunk-VYLKKKIO.js";
import "./chunk-UNOSWRVX.js";
import "./chunk-PUVAPGBL.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-YU3NDXT2.js";
import "./chunk-GHVLKZWM.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-LDYEDCNY.js";
import "./chunk-46KYFTZL.js";
import "./chunk-QI4NSRLW.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-DML5XCCS.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-KKPUYKM2.js";
import "./chunk-ZQHAK5UD.js";
import "./chunk-SNG72773.js";
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
