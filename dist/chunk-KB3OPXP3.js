#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  scanCommand
} from "./chunk-SB7VEXOE.js";
import "./chunk-FSBQCGWF.js";
import "./chunk-46PCFN3W.js";
import "./chunk-VXL7EI4S.js";
import "./chunk-QXIHMM5Z.js";
import "./chunk-EKA2GYPS.js";
import "./chunk-JBZB6ZHA.js";
import "./chunk-VW2INED4.js";
import "./chunk-RSVFU7XH.js";
import "./chunk-PDDR2B3M.js";
import "./chunk-63NLDXJT.js";
import "./chunk-N7PLTF7E.js";
import "./chunk-ZFXYH7RL.js";
import "./chunk-MEPUX6SS.js";
import "./chunk-UZUG6JWW.js";
import "./chunk-6PB7EY26.js";
import "./chunk-LPHRMR6J.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-CE3SJGIG.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-ICL5DW5G.js";
import "./chunk-ORKN2LZK.js";
import "./chunk-EAWDZE7V.js";
import "./chunk-DJZU7JBD.js";
import "./chunk-6NPJNXW7.js";
import "./chunk-DRSEBZ5C.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-VYLKKKIO.js";
import "./chunk-U65Y67VX.js";
import "./chunk-7KII5CIB.js";
import "./chunk-7RXX3OXC.js";
import "./chunk-DML5XCCS.js";
import "./chunk-Z4T7NOW3.js";
import "./chunk-FJAP4N5B.js";
import "./chunk-DLZNSFT6.js";
import "./chunk-44QYIPQ7.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-DNEHU5TI.js";
import "./chunk-3QODUBSV.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-RFIJBJJT.js";
import "./chunk-6FSLFHTN.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/sign.ts
function run(argv) {
  return scanCommand("sign", argv);
}
export {
  run
};
