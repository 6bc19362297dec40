#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  parseReference
} from "./chunk-2MFDTXUL.js";

// src/dockerfile/image-ref.ts
var VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
function substituteArgs(text, args) {
  let unresolved = false;
  const out = text.replace(
    VAR,
    (whole, braced, op, word, bare) => {
      const name = braced ?? bare ?? "";
      const value = args.get(name);
      const set = value !== void 0 && (op?.startsWith(":") ? value !== "" : true);
      if (op?.endsWith("-")) return set ? value ?? "" : word ?? "";
      if (op?.endsWith("+")) return set ? word ?? "" : "";
      if (value === void 0) {
        unresolved = true;
        return whole;
      }
      return value;
    }
  );
  return { text: out, unresolved };
}
function parseImageRef(raw, resolved = raw, unresolved = false) {
  const { registry, repository, tag, digest } = parseReference(resolved, { lenient: true });
  const ref = {
    raw,
    resolved,
    registry,
    repository,
    scratch: resolved.trim().toLowerCase() === "scratch",
    unresolved
  };
  if (tag !== void 0) ref.tag = tag;
  if (digest !== void 0) ref.digest = digest;
  return ref;
}

export {
  substituteArgs,
  parseImageRef
};
