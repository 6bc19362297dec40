#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  repoRelative
} from "./chunk-VYLKKKIO.js";
import {
  compareText
} from "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/pipeline/manifests.ts
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
var MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
var MAX_MANIFEST_FILES = 5e3;
var YAML_FILE = /\.ya?ml$/i;
var SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git", "vendor"]);
async function readBounded(stream, name) {
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += b.length;
    if (total > MAX_MANIFEST_BYTES)
      throw new ShipgateError(
        "INPUT",
        `${name} is larger than ${MAX_MANIFEST_BYTES} bytes, too large for manifests`,
        {
          hint: "split the manifests into several files"
        }
      );
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}
async function walk(dir, out) {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => compareText(a.name, b.name));
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith(".")) await walk(join(dir, e.name), out);
    } else if (e.isFile() && YAML_FILE.test(e.name)) {
      out.push(join(dir, e.name));
      if (out.length > MAX_MANIFEST_FILES)
        throw new ShipgateError("INPUT", `${dir}: more than ${MAX_MANIFEST_FILES} YAML files`, {
          hint: "name the manifest folders themselves, not the repository root"
        });
    }
  }
}
async function readManifests(paths, repoRoot, stdin = process.stdin) {
  const out = [];
  for (const path of paths) {
    if (path === "-") {
      out.push({ path: "-", content: await readBounded(stdin, "standard input") });
      continue;
    }
    const abs = resolve(path);
    const s = await stat(abs).catch(() => void 0);
    if (!s)
      throw new ShipgateError("NOT_FOUND", `manifest path ${path} does not exist`, {
        hint: "check the path (it is relative to the working directory)"
      });
    const files = [];
    if (s.isDirectory()) {
      await walk(abs, files);
      if (files.length === 0)
        throw new ShipgateError("INPUT", `${path} is a folder without .yaml or .yml files`, {
          hint: "name a Dockerfile, or a folder or file of Kubernetes manifests"
        });
    } else files.push(abs);
    for (const f of files)
      out.push({
        path: repoRelative(repoRoot, f),
        content: await readBounded(
          createReadStream(f, { highWaterMark: 64 * 1024 }),
          f
        )
      });
  }
  return out;
}
export {
  readManifests
};
