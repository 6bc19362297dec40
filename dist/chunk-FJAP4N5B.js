#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  lintDockerfiles
} from "./chunk-DLZNSFT6.js";
import {
  ShipgateError,
  toShipgateError
} from "./chunk-6QO4RSHM.js";

// src/dockerfile/lint-pool.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
function batchError(e) {
  const err = toShipgateError(e);
  return { code: err.code, message: err.message, ...err.hint ? { hint: err.hint } : {} };
}
var FILES_PER_WORKER = 24;
var MAX_WORKERS = 3;
var BATCHES_PER_THREAD = 4;
function workerCount(files, env = process.env, cores = availableParallelism()) {
  const set = env.SHIPGATE_LINT_WORKERS;
  if (set !== void 0 && set !== "") {
    if (!/^\d+$/.test(set))
      throw new ShipgateError("USAGE", `SHIPGATE_LINT_WORKERS=${set} is not a number`, {
        hint: "set a whole number of worker threads (0 lints on one thread)"
      });
    return Math.min(Number(set), Math.max(0, files - 1));
  }
  return Math.max(
    0,
    Math.min(Math.floor(cores / 2) - 1, MAX_WORKERS, Math.floor(files / FILES_PER_WORKER) - 1)
  );
}
function workerScript() {
  const path = fileURLToPath(new URL("./lint-worker.js", import.meta.url));
  return existsSync(path) ? path : void 0;
}
async function lintDockerfilesParallel(inputs, options = {}, script = workerScript()) {
  const workers = script ? workerCount(inputs.length) : 0;
  if (workers === 0) return lintDockerfiles(inputs, options);
  const size = Math.max(1, Math.ceil(inputs.length / ((workers + 1) * BATCHES_PER_THREAD)));
  const batches = [];
  for (let i = 0; i < inputs.length; i += size) batches.push(inputs.slice(i, i + size));
  const replies = batches.map(() => void 0);
  let next = 0;
  const take = () => next < batches.length ? next++ : void 0;
  const onWorker = (worker) => new Promise((resolve, reject) => {
    const send = () => {
      const batch = take();
      if (batch === void 0) resolve();
      else worker.postMessage({ batch, inputs: batches[batch] });
    };
    worker.on("message", (reply) => {
      if (!("ready" in reply)) replies[reply.batch] = reply;
      send();
    });
    worker.once(
      "error",
      (e) => reject(new ShipgateError("INTERNAL", `a lint worker thread failed: ${e.message}`, { cause: e }))
    );
    worker.once(
      "exit",
      (code) => reject(new ShipgateError("INTERNAL", `a lint worker thread stopped early (exit code ${code})`))
    );
  });
  const { Worker } = await import("node:worker_threads");
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: options }));
  try {
    const here = (async () => {
      for (let batch = take(); batch !== void 0; batch = take()) {
        try {
          replies[batch] = { batch, results: await lintDockerfiles(batches[batch], options) };
        } catch (e) {
          replies[batch] = { batch, error: batchError(e) };
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    await Promise.all([here, ...pool.map(onWorker)]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  const results = [];
  for (const reply of replies) {
    if (!reply) throw new ShipgateError("INTERNAL", "a batch of Dockerfiles was never linted");
    if ("error" in reply)
      throw new ShipgateError(reply.error.code, reply.error.message, {
        ...reply.error.hint ? { hint: reply.error.hint } : {}
      });
    results.push(...reply.results);
  }
  return results;
}

export {
  batchError,
  lintDockerfilesParallel
};
