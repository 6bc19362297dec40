#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  scanCommand
} from "./chunk-HG3RIRKN.js";
import "./chunk-H7HMKOB4.js";
import "./chunk-YE3YS7OY.js";
import "./chunk-E2NJCAIB.js";
import "./chunk-TKPGPKVO.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-XOTGUEJX.js";
import "./chunk-CS76ZARG.js";
import "./chunk-74J2GHDP.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-OT5KCTTY.js";
import "./chunk-63QWEKYT.js";
import "./chunk-EARTOFJM.js";
import "./chunk-NQ7JLJSQ.js";
import "./chunk-YFHBOS32.js";
import "./chunk-M25HSUGT.js";
import "./chunk-U65Y67VX.js";
import "./chunk-LYRF6LE5.js";
import "./chunk-FALZRFZI.js";
import "./chunk-VYLKKKIO.js";
import "./chunk-333SKY23.js";
import "./chunk-62UOYVGW.js";
import "./chunk-CDGENQDI.js";
import "./chunk-OSPBQAJB.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-3BWA7Y3J.js";
import "./chunk-W2B3TTNE.js";
import "./chunk-3ZQKS24I.js";
import "./chunk-IARREIY2.js";
import "./chunk-7ID7TX7T.js";
import "./chunk-WRC2BTZW.js";
import "./chunk-DML5XCCS.js";
import "./chunk-2MFDTXUL.js";
import "./chunk-BZMGC3S7.js";
import "./chunk-HEZDP4TV.js";
import "./chunk-CBPPCJ6P.js";
import "./chunk-NQRDU5S6.js";
import "./chunk-YH6AYXDN.js";
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
