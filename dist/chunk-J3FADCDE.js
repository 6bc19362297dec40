#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  loadPolicy,
  policyJsonSchema
} from "./chunk-IEK7524S.js";
import "./chunk-GJAWIMVQ.js";
import {
  findRepoRoot
} from "./chunk-LXDWAIXN.js";
import {
  parse
} from "./chunk-I3EOAX5I.js";
import "./chunk-GZGRCBD6.js";
import "./chunk-YRLS6VAV.js";
import "./chunk-M3P4NN3O.js";
import "./chunk-DML5XCCS.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-XNFBH2M5.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/policy.ts
var HELP = `Usage: shipgate policy check [FILE]    validate a policy file (default: shipgate.yaml at the repository root)
       shipgate policy schema          print the policy file's JSON Schema (for editor completion)
`;
async function run(argv) {
  const p = parse("policy", argv, { help: { type: "boolean", short: "h" } });
  const [sub, file] = p.positionals;
  if (p.values.help || !sub) {
    process.stdout.write(HELP);
    return p.values.help ? EXIT.OK : EXIT.INPUT_ERROR;
  }
  if (sub === "schema") {
    process.stdout.write(`${JSON.stringify(policyJsonSchema(), null, 2)}
`);
    return EXIT.OK;
  }
  if (sub === "check") {
    const policy = loadPolicy(findRepoRoot(), file);
    process.stdout.write(`${policy.source}: valid (fail on ${policy.gate["fail-on"]} or above)
`);
    return EXIT.OK;
  }
  throw new ShipgateError("USAGE", `policy: unknown subcommand "${sub}"`, {
    hint: 'use "check" or "schema"'
  });
}
export {
  run
};
