#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/core/hash.ts
import { createHash } from "node:crypto";
function stableHash(...parts) {
  const h = createHash("sha256");
  for (const p of parts) h.update(`${p ?? ""}\0`);
  return h.digest("hex").slice(0, 32);
}

export {
  stableHash
};
