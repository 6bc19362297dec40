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

// src/report/sarif/category.ts
function userCategory(value, what = "category") {
  const v = value?.trim();
  if (!v) return void 0;
  if (new RegExp("\\p{Cc}", "u").test(v))
    throw new ShipgateError("USAGE", `${what}: the category contains a control character`, {
      hint: "use printable text, e.g. web or /image:web"
    });
  return v.endsWith("/") ? v : `${v}/`;
}

export {
  userCategory
};
