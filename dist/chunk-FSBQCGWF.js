#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  writeReports
} from "./chunk-46PCFN3W.js";
import {
  bool,
  oneOf,
  str
} from "./chunk-N7PLTF7E.js";
import {
  userCategory
} from "./chunk-ZFXYH7RL.js";
import {
  FORMAT_VALUES
} from "./chunk-2L5WH6HQ.js";

// src/cli/output.ts
function useColor(p, toFile) {
  if (bool(p, "no-color") || process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return !toFile && Boolean(process.stdout.isTTY);
}
function checkOutputFlags(p) {
  oneOf(p, "format", FORMAT_VALUES, "text");
  userCategory(str(p, "category"), "--category");
}
async function writeOutputs(result, p, repoRoot, more = []) {
  const output = str(p, "output");
  const requests = [
    { format: oneOf(p, "format", FORMAT_VALUES, "text"), ...output ? { path: output } : {} }
  ];
  for (const format of ["sarif", "json", "summary"]) {
    const path = str(p, format);
    if (path) requests.push({ format, path });
  }
  const category = str(p, "category");
  await writeReports(result, [...requests, ...more], {
    repoRoot,
    ...category ? { category } : {},
    text: {
      color: useColor(p, Boolean(output)),
      showSuppressed: bool(p, "show-suppressed"),
      listPackages: bool(p, "list-packages")
    }
  });
}

export {
  checkOutputFlags,
  writeOutputs
};
