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

// src/oci/platform.ts
function parsePlatform(s) {
  const parts = s.split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p2) => !p2))
    throw new ShipgateError("USAGE", `invalid platform "${s}"`, {
      hint: "use os/arch[/variant], e.g. linux/arm64"
    });
  const p = { os: parts[0], architecture: parts[1] };
  if (parts[2]) p.variant = parts[2];
  return p;
}
function formatPlatform(p) {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}

export {
  parsePlatform,
  formatPlatform
};
