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

// src/cli/args.ts
import { parseArgs } from "node:util";
function parse(command, argv, options) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message.replace(/^TypeError \[[A-Z_]+\]: /, "") : String(e);
    throw new ShipgateError("USAGE", `${command}: ${msg.split("\n")[0]}`, {
      hint: `run "shipgate ${command} --help"`
    });
  }
}
function str(p, name) {
  const v = p.values[name];
  return typeof v === "string" ? v : void 0;
}
function bool(p, name) {
  return p.values[name] === true;
}
function list(p, name) {
  const v = p.values[name];
  const arr = Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  return arr.flatMap((x) => x.split(",")).map((x) => x.trim()).filter(Boolean);
}
function oneOf(p, name, allowed, dflt) {
  const v = str(p, name);
  if (v === void 0) return dflt;
  if (allowed.includes(v)) return v;
  throw new ShipgateError("USAGE", `--${name}: invalid value "${v}"`, {
    hint: `use one of ${allowed.join(", ")}`
  });
}
function parseCommand(command, argv, options, help) {
  const p = parse(command, argv, { ...options, help: { type: "boolean", short: "h" } });
  if (!p.values.help) return p;
  process.stdout.write(help);
  return void 0;
}

export {
  parse,
  str,
  bool,
  list,
  oneOf,
  parseCommand
};
