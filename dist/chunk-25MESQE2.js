#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  OUTPUT_HELP,
  OUTPUT_OPTIONS,
  checkOutputFlags,
  writeOutputs
} from "./chunk-76H4TJID.js";
import "./chunk-OHBRUBJW.js";
import {
  runPipeline
} from "./chunk-TLAH3CDU.js";
import {
  findRepoRoot
} from "./chunk-FFKUHJK4.js";
import {
  parse,
  str
} from "./chunk-I3EOAX5I.js";
import "./chunk-GZGRCBD6.js";
import "./chunk-CRQVELII.js";
import "./chunk-YRLS6VAV.js";
import {
  parseSeverity
} from "./chunk-M3P4NN3O.js";
import "./chunk-ZOTEE5XN.js";
import "./chunk-DML5XCCS.js";
import "./chunk-23VTO3BX.js";
import "./chunk-QRC7J5MF.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-XNFBH2M5.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/lint.ts
import { existsSync } from "node:fs";
var HELP = `Usage: shipgate lint [Dockerfile...] [options]

Lints Dockerfiles (default ./Dockerfile) and applies the policy's gate to the findings.

Options:
      --config FILE       policy file (default shipgate.yaml at the repository root, if any)
      --fail-on SEV       fail at this severity or above: critical, high, medium, low, info, none
${OUTPUT_HELP}
`;
async function run(argv) {
  const p = parse("lint", argv, {
    ...OUTPUT_OPTIONS,
    config: { type: "string", short: "c" },
    "fail-on": { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if (p.values.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  checkOutputFlags(p);
  let files = p.positionals;
  if (files.length === 0) {
    if (!existsSync("Dockerfile")) {
      throw new ShipgateError("USAGE", "no Dockerfile given and ./Dockerfile does not exist", {
        hint: 'run "shipgate lint path/to/Dockerfile"'
      });
    }
    files = ["Dockerfile"];
  }
  const failOnText = str(p, "fail-on");
  const failOn = failOnText === void 0 ? void 0 : parseSeverity(failOnText, "--fail-on") ?? "none";
  const repoRoot = findRepoRoot();
  const config = str(p, "config");
  const result = await runPipeline({
    dockerfiles: files,
    repoRoot,
    scanners: [],
    ...config ? { configPath: config } : {},
    ...failOn ? { failOn } : {}
  });
  await writeOutputs(result, p, repoRoot);
  return result.decision?.approved === false ? EXIT.POLICY_FAILED : EXIT.OK;
}
export {
  run
};
