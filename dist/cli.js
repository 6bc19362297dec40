#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  shipgateCacheDir
} from "./chunk-YGEM47PD.js";
import {
  ShipgateError,
  formatError
} from "./chunk-6QO4RSHM.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/cli/index.ts
import * as nodeModule from "node:module";

// src/cli/node-version.ts
var MIN_MAJOR = 22;
function nodeTooOld(version = process.version) {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (Number.isInteger(major) && major >= MIN_MAJOR) return void 0;
  return new ShipgateError(
    "USAGE",
    `shipgate needs Node.js ${MIN_MAJOR} or later; this is Node.js ${version}`,
    {
      hint: "install Node.js 22 or 24, or use the action, which runs on node24"
    }
  );
}

// src/cli/index.ts
var tooOld = nodeTooOld();
if (tooOld) {
  process.stderr.write(`${formatError(tooOld)}
`);
  process.exit(tooOld.exitCode);
}
try {
  nodeModule.enableCompileCache(shipgateCacheDir("node-compile-cache"));
} catch {
}
await import("./chunk-AQ5R7NG6.js");
