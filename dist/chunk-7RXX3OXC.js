#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  require_dist
} from "./chunk-DML5XCCS.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/dockerfile/hadolint.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import { join } from "node:path";
var NAMES = [".hadolint.yaml", ".hadolint.yml"];
function stringList(value, key, path) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" || typeof v === "number"))
    throw new ShipgateError("CONFIG_INVALID", `${path}: "${key}" must be a list of strings`, {
      hint: `e.g. ${key}:
  - DL3008`
    });
  return value.map(String);
}
async function loadHadolintConfig(repoRoot) {
  for (const name of NAMES) {
    const path = join(repoRoot, name);
    let text;
    try {
      text = await readFile(path, "utf8");
    } catch (e) {
      if (e.code === "ENOENT") continue;
      throw new ShipgateError("CONFIG_INVALID", `${path}: cannot be read (${e.message})`, {
        cause: e
      });
    }
    return parseHadolintConfig(text, name);
  }
  return void 0;
}
function parseHadolintConfig(text, path) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(text);
  } catch (e) {
    const msg = e.message.split("\n")[0] ?? "invalid YAML";
    throw new ShipgateError("CONFIG_INVALID", `${path}: ${msg}`, { hint: "fix the YAML syntax", cause: e });
  }
  if (doc === null || doc === void 0) doc = {};
  if (typeof doc !== "object" || Array.isArray(doc))
    throw new ShipgateError("CONFIG_INVALID", `${path}: expected a mapping at the top level`);
  const o = doc;
  const disable = o["disable-ignore-pragma"];
  if (disable !== void 0 && typeof disable !== "boolean")
    throw new ShipgateError("CONFIG_INVALID", `${path}: "disable-ignore-pragma" must be true or false`);
  return {
    path,
    ignored: stringList(o.ignored, "ignored", path),
    trustedRegistries: stringList(o.trustedRegistries, "trustedRegistries", path),
    disableIgnorePragma: disable === true
  };
}

export {
  loadHadolintConfig,
  parseHadolintConfig
};
