#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  LINT_OUTPUT_HELP,
  LINT_OUTPUT_OPTIONS,
  POLICY_OPTIONS,
  checkOutputFlags,
  failOnFlag,
  writeOutputs
} from "./chunk-YGJATXXT.js";
import "./chunk-2CB2GHLR.js";
import "./chunk-OHBRUBJW.js";
import {
  runPipeline
} from "./chunk-WRN65VIH.js";
import "./chunk-U65Y67VX.js";
import {
  findRepoRoot
} from "./chunk-E6RXDVUV.js";
import {
  parseCommand,
  str
} from "./chunk-LYRF6LE5.js";
import "./chunk-UQEJMVB5.js";
import "./chunk-FALZRFZI.js";
import "./chunk-JEHDYKL5.js";
import "./chunk-KOFARODE.js";
import "./chunk-BQRJFUTN.js";
import "./chunk-DML5XCCS.js";
import "./chunk-IARREIY2.js";
import "./chunk-3NAJZOGZ.js";
import "./chunk-7ID7TX7T.js";
import "./chunk-YQ4C24VF.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-YH6AYXDN.js";
import "./chunk-6INDVNBY.js";
import "./chunk-NBX24EBK.js";
import "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/lint.ts
import { existsSync } from "node:fs";
var HELP = `Usage: shipgate lint [Dockerfile...] [options]

Lints Dockerfiles (default ./Dockerfile) and applies the policy's gate to the findings.

Options:
      --config FILE       policy file (default shipgate.yaml at the repository root, if any)
      --fail-on SEV       fail at this severity or above: critical, high, medium, low, info, none
${LINT_OUTPUT_HELP}
`;
async function run(argv) {
  const p = parseCommand("lint", argv, { ...LINT_OUTPUT_OPTIONS, ...POLICY_OPTIONS }, HELP);
  if (!p) return EXIT.OK;
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
  const failOn = failOnFlag(p);
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
