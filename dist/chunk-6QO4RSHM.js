#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  oneLine
} from "./chunk-KDR2SZEQ.js";

// src/core/errors.ts
var EXIT = {
  OK: 0,
  POLICY_FAILED: 1,
  INPUT_ERROR: 2,
  INTERNAL_ERROR: 3,
  REMOTE_ERROR: 4
};
function parseExitCode(v, what = "--exit-code") {
  const s = v.trim();
  const n = Number(s);
  if (!/^\d{1,3}$/.test(s) || n > 255)
    throw new ShipgateError("USAGE", `${what}: invalid exit code "${v}"`, {
      hint: `use a number from 0 to 255 (default ${EXIT.POLICY_FAILED})`
    });
  return n;
}
var REMOTE_CODES = /* @__PURE__ */ new Set([
  "NETWORK",
  "REGISTRY",
  "GITHUB_API",
  "TIMEOUT",
  "SIGN"
]);
var ShipgateError = class extends Error {
  name = "ShipgateError";
  code;
  hint;
  chosenExit;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = code;
    if (options.hint !== void 0) this.hint = options.hint;
    if (options.exitCode !== void 0) this.chosenExit = options.exitCode;
  }
  get exitCode() {
    if (this.chosenExit !== void 0) return this.chosenExit;
    if (this.code === "INTERNAL") return EXIT.INTERNAL_ERROR;
    if (this.code === "VERIFY") return EXIT.POLICY_FAILED;
    if (REMOTE_CODES.has(this.code)) return EXIT.REMOTE_ERROR;
    return EXIT.INPUT_ERROR;
  }
};
function isShipgateError(e) {
  return e instanceof ShipgateError;
}
function toShipgateError(e) {
  if (e instanceof ShipgateError) return e;
  const err = e;
  if (err && typeof err === "object" && typeof err.code === "string") {
    if (err.code === "ENOENT")
      return new ShipgateError("NOT_FOUND", `${err.path ?? "file"}: no such file or directory`, { cause: e });
    if (err.code === "EACCES" || err.code === "EPERM")
      return new ShipgateError("INPUT", `${err.path ?? "file"}: permission denied`, { cause: e });
    if (err.code === "EISDIR")
      return new ShipgateError("INPUT", `${err.path ?? "path"}: is a directory`, { cause: e });
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"].includes(err.code))
      return new ShipgateError(
        "NETWORK",
        `network error: ${err.code}${err.message ? ` (${oneLine(err.message)})` : ""}`,
        {
          cause: e
        }
      );
  }
  const message = e instanceof Error ? e.message : String(e);
  return new ShipgateError("INTERNAL", `internal error: ${oneLine(message)}`, { cause: e });
}
function formatError(e) {
  const base = `shipgate: error [${e.code}]: ${oneLine(e.message)}`;
  return e.hint ? `${base} (hint: ${oneLine(e.hint)})` : base;
}

export {
  EXIT,
  parseExitCode,
  ShipgateError,
  isShipgateError,
  toShipgateError,
  formatError
};
