#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/core/hash.ts
import { hash } from "node:crypto";
function stableHash(...parts) {
  let text = "";
  for (const p of parts) text += `${p ?? ""}\0`;
  return hash("sha256", text, "hex").slice(0, 32);
}

export {
  stableHash
};
