#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  addSecret
} from "./chunk-HYPJQQQ3.js";

// src/platform/jwt.ts
function json(part) {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return void 0;
  }
}
function decodeJwt(token) {
  addSecret(token);
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[0] || !parts[1])
    return "not a JSON Web Token (expected three base64url parts)";
  const header = json(parts[0]);
  if (!header || typeof header !== "object" || Array.isArray(header))
    return "not a valid ID token: its header is not base64url JSON";
  if (typeof header.alg !== "string")
    return 'not a valid ID token: its header has no "alg"';
  const payload = json(parts[1]);
  if (payload === void 0) return "not a valid ID token: its payload is not base64url JSON";
  return { header, payload };
}

export {
  decodeJwt
};
