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

// src/dockerfile/wasm.ts
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { fileURLToPath } from "node:url";
var PACKAGE_OF = {
  "web-tree-sitter.wasm": "web-tree-sitter",
  "tree-sitter-bash.wasm": "tree-sitter-bash"
};
function locateWasm(file, moduleUrl = import.meta.url, exists = existsSync) {
  const beside = fileURLToPath(new URL(`./${file}`, moduleUrl));
  if (exists(beside)) return beside;
  const require2 = createRequire(moduleUrl);
  return require2.resolve(`${PACKAGE_OF[file]}/${file}`);
}
var wasm = globalThis.WebAssembly;
var bash;
function bashParser() {
  if (!bash) {
    bash = loadBashParser().catch((e) => {
      throw new ShipgateError(
        "INTERNAL",
        `the bash parser could not be loaded: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
        { hint: "reinstall shipgate: its WebAssembly files (dist/*.wasm) are missing or damaged", cause: e }
      );
    });
    bash.catch(() => void 0);
  }
  return bash;
}
async function loadBashParser() {
  setFlagsFromString("--no-wasm-tier-up");
  setFlagsFromString("--no-wasm-dynamic-tiering");
  const grammar = wasm.compile(readFileSync(locateWasm("tree-sitter-bash.wasm")));
  grammar.catch(() => void 0);
  const runtime = readFileSync(locateWasm("web-tree-sitter.wasm"));
  const { Parser, Language: Lang } = await import("./chunk-SF7IKEZK.js");
  await Parser.init({
    wasmBinary: runtime.buffer.slice(runtime.byteOffset, runtime.byteOffset + runtime.byteLength)
  });
  const language = Lang.loadSync(await grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

export {
  locateWasm,
  bashParser
};
