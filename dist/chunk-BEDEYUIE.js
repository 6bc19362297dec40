#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  scanCommand
} from "./chunk-BB6B4XX3.js";
import "./chunk-HCACKMJC.js";
import "./chunk-WNDTPNI7.js";
import "./chunk-EYME2ZUS.js";
import "./chunk-LPHRMR6J.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-XOTGUEJX.js";
import "./chunk-555NRNYB.js";
import "./chunk-T3IBS4JE.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-2XTX55MY.js";
import "./chunk-63QWEKYT.js";
import "./chunk-ALTOMGJX.js";
import "./chunk-NQ7JLJSQ.js";
import "./chunk-YFHBOS32.js";
import "./chunk-M25HSUGT.js";
import "./chunk-U65Y67VX.js";
import "./chunk-LYRF6LE5.js";
import "./chunk-FALZRFZI.js";
import "./chunk-VYLKKKIO.js";
import "./chunk-GJZAA7JJ.js";
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
import "./chunk-PORJYYC7.js";
import "./chunk-M6FEL437.js";
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
