#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/core/os-release.ts
function parseEnvFile(text) {
  const out = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    let value = line.slice(eq + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    out[line.slice(0, eq).trim()] = value.replace(/\\(["'$`\\])/g, "$1");
  }
  return out;
}
function parseOsRelease(text) {
  const kv = parseEnvFile(text);
  if (!kv.ID) return void 0;
  const os = { id: kv.ID.toLowerCase() };
  if (kv.VERSION_ID) os.versionId = kv.VERSION_ID;
  const codename = kv.VERSION_CODENAME ?? kv.UBUNTU_CODENAME ?? /\(([^)]+)\)/.exec(kv.VERSION ?? "")?.[1];
  if (codename) os.codename = codename.toLowerCase();
  if (kv.PRETTY_NAME) os.prettyName = kv.PRETTY_NAME;
  if (kv.ID_LIKE) os.idLike = kv.ID_LIKE.split(/\s+/).filter(Boolean);
  return os;
}

export {
  parseEnvFile,
  parseOsRelease
};
