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
} from "./chunk-EYYRLNLR.js";
import "./chunk-YGJATXXT.js";
import "./chunk-2CB2GHLR.js";
import "./chunk-OHBRUBJW.js";
import "./chunk-HCSLQ33E.js";
import "./chunk-6I2YPRPN.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-TO2BZPZJ.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-WRN65VIH.js";
import "./chunk-U65Y67VX.js";
import "./chunk-TKPGPKVO.js";
import "./chunk-E6RXDVUV.js";
import "./chunk-LYRF6LE5.js";
import "./chunk-UQEJMVB5.js";
import "./chunk-XWGNLJ2M.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-FALZRFZI.js";
import "./chunk-JEHDYKL5.js";
import "./chunk-OSPBQAJB.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-3BWA7Y3J.js";
import "./chunk-KOFARODE.js";
import "./chunk-BQRJFUTN.js";
import "./chunk-DML5XCCS.js";
import "./chunk-IARREIY2.js";
import "./chunk-3NAJZOGZ.js";
import "./chunk-7ID7TX7T.js";
import "./chunk-K2CEOVX3.js";
import "./chunk-YQ4C24VF.js";
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
