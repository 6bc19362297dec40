#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  batchError
} from "./chunk-FJAP4N5B.js";
import {
  lintDockerfiles
} from "./chunk-DLZNSFT6.js";
import "./chunk-44QYIPQ7.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-DNEHU5TI.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-RFIJBJJT.js";
import "./chunk-6FSLFHTN.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/dockerfile/lint-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var options = workerData;
var port = parentPort;
port.on("message", (req) => {
  void lintDockerfiles(req.inputs, options).then(
    (results) => port.postMessage({ batch: req.batch, results }),
    (e) => port.postMessage({ batch: req.batch, error: batchError(e) })
  );
});
port.postMessage({ ready: true });
