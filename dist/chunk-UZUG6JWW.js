#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  mask
} from "./chunk-HYPJQQQ3.js";

// src/report/output-file.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
async function writeReportFile(path, text) {
  const abs = resolve(path);
  try {
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, mask(text));
  } catch (e) {
    const code = e.code ?? "error";
    throw new ShipgateError("INPUT", `cannot write ${path} (${code})`, {
      hint: "check the path and its permissions"
    });
  }
  return abs;
}
function writeReportStdout(text) {
  process.stdout.write(mask(text));
}

export {
  writeReportFile,
  writeReportStdout
};
