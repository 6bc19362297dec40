#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/core/cache-dir.ts
import { homedir } from "node:os";
import { join } from "node:path";
function shipgateCacheDir(name, env = process.env) {
  if (env.SHIPGATE_CACHE_DIR) return join(env.SHIPGATE_CACHE_DIR, name);
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "shipgate", name);
  return join(homedir(), ".cache", "shipgate", name);
}

export {
  shipgateCacheDir
};
