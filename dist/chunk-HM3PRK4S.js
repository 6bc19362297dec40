#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  scanCommand
} from "./chunk-WOJJJLCG.js";
import "./chunk-JUTXUAA2.js";
import "./chunk-HXKVHFRB.js";
import "./chunk-7JMDDUKN.js";
import "./chunk-OZR5VCAC.js";
import "./chunk-2DMT7KPT.js";
import "./chunk-YIOGJNIN.js";
import "./chunk-OEXYHHJZ.js";
import "./chunk-LPHRMR6J.js";
import "./chunk-MEPUX6SS.js";
import "./chunk-63YEDXV3.js";
import "./chunk-PNCI7S36.js";
import "./chunk-6D37QQ6X.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-4NJYZS2M.js";
import "./chunk-JMBDVLRC.js";
import "./chunk-B5YGYBGC.js";
import "./chunk-63NLDXJT.js";
import "./chunk-N7PLTF7E.js";
import "./chunk-UZUG6JWW.js";
import "./chunk-6OW5OZUH.js";
import "./chunk-WZP5KO7J.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-ORKN2LZK.js";
import "./chunk-YU3NDXT2.js";
import "./chunk-6NPJNXW7.js";
import "./chunk-GHVLKZWM.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-VYLKKKIO.js";
import "./chunk-U65Y67VX.js";
import "./chunk-6PB7EY26.js";
import "./chunk-ZFXYH7RL.js";
import "./chunk-K47NRAYF.js";
import "./chunk-DP5CCVE2.js";
import "./chunk-CE3SJGIG.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-7RXX3OXC.js";
import "./chunk-DML5XCCS.js";
import "./chunk-MPV77FRT.js";
import "./chunk-YGEM47PD.js";
import "./chunk-ZWF3DYNT.js";
import "./chunk-UGVCMCOJ.js";
import "./chunk-QI4NSRLW.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-2M2NGTRS.js";
import "./chunk-E75PU2NI.js";
import "./chunk-SNG72773.js";
import "./chunk-Y4CQZHBA.js";
import "./chunk-NQRDU5S6.js";
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
