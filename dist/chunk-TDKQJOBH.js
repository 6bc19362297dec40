#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  scanCommand
} from "./chunk-DNZPCIHV.js";
import "./chunk-KWF23HIN.js";
import "./chunk-EE3G6NEX.js";
import "./chunk-TKPGPKVO.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-A3P3JPWH.js";
import "./chunk-AUP3MZ56.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-2VP4H2HY.js";
import "./chunk-63QWEKYT.js";
import "./chunk-3AIM2MXC.js";
import "./chunk-XB3BWD3K.js";
import "./chunk-YFHBOS32.js";
import "./chunk-U65Y67VX.js";
import "./chunk-LYRF6LE5.js";
import "./chunk-FALZRFZI.js";
import "./chunk-VYLKKKIO.js";
import "./chunk-PPA42U62.js";
import "./chunk-62UOYVGW.js";
import "./chunk-XWGNLJ2M.js";
import "./chunk-OSPBQAJB.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-3BWA7Y3J.js";
import "./chunk-X3RXQSOQ.js";
import "./chunk-XFBQM6L4.js";
import "./chunk-IARREIY2.js";
import "./chunk-7ID7TX7T.js";
import "./chunk-WRC2BTZW.js";
import "./chunk-DML5XCCS.js";
import "./chunk-3NAJZOGZ.js";
import "./chunk-VS4DLFWA.js";
import "./chunk-KPO3MDM2.js";
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
