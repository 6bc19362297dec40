#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/core/user.ts
function isRootUser(value) {
  const user = value.split(":")[0]?.trim() ?? "";
  return user === "root" || /^0+$/.test(user);
}

export {
  isRootUser
};
