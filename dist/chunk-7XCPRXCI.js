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
} from "./chunk-2TTJLSCJ.js";
import "./chunk-36CE6XXX.js";
import "./chunk-NX4PJLJM.js";
import "./chunk-OHBRUBJW.js";
import "./chunk-GMHEEBJ3.js";
import "./chunk-ZHF34PJT.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-43TFYCRX.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-W5VRG5IZ.js";
import "./chunk-U65Y67VX.js";
import "./chunk-TKPGPKVO.js";
import "./chunk-E6RXDVUV.js";
import "./chunk-LYRF6LE5.js";
import "./chunk-UQEJMVB5.js";
import "./chunk-YUTJTEX7.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-FALZRFZI.js";
import "./chunk-747UEB4H.js";
import "./chunk-NR5M6ORV.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-3BWA7Y3J.js";
import "./chunk-KOFARODE.js";
import "./chunk-BQRJFUTN.js";
import "./chunk-DML5XCCS.js";
import "./chunk-IARREIY2.js";
import "./chunk-3NAJZOGZ.js";
import "./chunk-7ID7TX7T.js";
import "./chunk-4DINEJW5.js";
import "./chunk-ABWQI7EG.js";
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
