#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  require_dist
} from "./chunk-DML5XCCS.js";
import {
  lintDockerfiles
} from "./chunk-GPUPASFN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/dockerfile/lint-pool.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
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
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: options }));
  try {
    const here = (async () => {
      for (let batch = take(); batch !== void 0; batch = take()) {
        try {
          replies[batch] = { batch, results: await lintDockerfiles(batches[batch], options) };
        } catch (e) {
          const err = e instanceof ShipgateError ? e : void 0;
          if (!err) throw e;
          replies[batch] = {
            batch,
            error: { code: err.code, message: err.message, ...err.hint ? { hint: err.hint } : {} }
          };
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

// src/dockerfile/hadolint.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import { join } from "node:path";
var NAMES = [".hadolint.yaml", ".hadolint.yml"];
function stringList(value, key, path) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" || typeof v === "number"))
    throw new ShipgateError("CONFIG_INVALID", `${path}: "${key}" must be a list of strings`, {
      hint: `e.g. ${key}:
  - DL3008`
    });
  return value.map(String);
}
async function loadHadolintConfig(repoRoot) {
  for (const name of NAMES) {
    const path = join(repoRoot, name);
    let text;
    try {
      text = await readFile(path, "utf8");
    } catch (e) {
      if (e.code === "ENOENT") continue;
      throw new ShipgateError("CONFIG_INVALID", `${path}: cannot be read (${e.message})`, {
        cause: e
      });
    }
    return parseHadolintConfig(text, name);
  }
  return void 0;
}
function parseHadolintConfig(text, path) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(text);
  } catch (e) {
    const msg = e.message.split("\n")[0] ?? "invalid YAML";
    throw new ShipgateError("CONFIG_INVALID", `${path}: ${msg}`, { hint: "fix the YAML syntax", cause: e });
  }
  if (doc === null || doc === void 0) doc = {};
  if (typeof doc !== "object" || Array.isArray(doc))
    throw new ShipgateError("CONFIG_INVALID", `${path}: expected a mapping at the top level`);
  const o = doc;
  const disable = o["disable-ignore-pragma"];
  if (disable !== void 0 && typeof disable !== "boolean")
    throw new ShipgateError("CONFIG_INVALID", `${path}: "disable-ignore-pragma" must be true or false`);
  return {
    path,
    ignored: stringList(o.ignored, "ignored", path),
    trustedRegistries: stringList(o.trustedRegistries, "trustedRegistries", path),
    disableIgnorePragma: disable === true
  };
}

export {
  lintDockerfilesParallel,
  loadHadolintConfig,
  parseHadolintConfig
};
