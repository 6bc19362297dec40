#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  run,
  scanCommand
} from "./chunk-NPMMFGXJ.js";
import "./chunk-VBUDBWTJ.js";
import "./chunk-JNST6F3F.js";
import "./chunk-TKPGPKVO.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-YZGXWLFQ.js";
import "./chunk-5GFG2UL3.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-TCZB4YD4.js";
import "./chunk-63QWEKYT.js";
import "./chunk-CCVRPXXR.js";
import "./chunk-XB3BWD3K.js";
import "./chunk-YFHBOS32.js";
import "./chunk-U65Y67VX.js";
import "./chunk-LYRF6LE5.js";
import "./chunk-FALZRFZI.js";
import "./chunk-VYLKKKIO.js";
import "./chunk-5QO6DIPQ.js";
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
import "./chunk-EK5W42CT.js";
import "./chunk-TG6MR2NM.js";
import "./chunk-CBPPCJ6P.js";
import "./chunk-NQRDU5S6.js";
import "./chunk-YH6AYXDN.js";
import "./chunk-6INDVNBY.js";
import "./chunk-NBX24EBK.js";
import "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";
export {
  run,
  scanCommand
};
