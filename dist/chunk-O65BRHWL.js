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
} from "./chunk-T3IBS4JE.js";
import "./chunk-2XTX55MY.js";
import "./chunk-63QWEKYT.js";
import {
  runPipeline
} from "./chunk-ALTOMGJX.js";
import "./chunk-NQ7JLJSQ.js";
import "./chunk-YFHBOS32.js";
import "./chunk-M25HSUGT.js";
import "./chunk-U65Y67VX.js";
import {
  list,
  oneOf,
  parseCommand,
  str
} from "./chunk-LYRF6LE5.js";
import "./chunk-FALZRFZI.js";
import {
  findRepoRoot
} from "./chunk-VYLKKKIO.js";
import "./chunk-GJZAA7JJ.js";
import "./chunk-62UOYVGW.js";
import "./chunk-W2B3TTNE.js";
import "./chunk-3ZQKS24I.js";
import "./chunk-IARREIY2.js";
import "./chunk-7ID7TX7T.js";
import "./chunk-WRC2BTZW.js";
import "./chunk-DML5XCCS.js";
import "./chunk-2MFDTXUL.js";
import "./chunk-M6FEL437.js";
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
import { existsSync, statSync } from "node:fs";
var HELP = `Usage: shipgate lint [Dockerfile | MANIFEST | DIR | -]... [options]

Lints Dockerfiles (default ./Dockerfile) and Kubernetes manifests, and applies the policy's gate to the
findings. Arguments ending in .yaml or .yml, folders (their .yaml/.yml files) and - (standard input, e.g.
helm template output) are manifests; anything else is a Dockerfile.

Options:
      --manifests PATH    Kubernetes manifests: a YAML file, a folder or - (repeatable)
      --pss LEVEL         also check the Pod Security Standards: baseline, restricted or privileged (none)
      --config FILE       policy file (default shipgate.yaml at the repository root, if any)
      --fail-on SEV       fail at this severity or above: critical, high, medium, low, info, none
${LINT_OUTPUT_HELP}
`;
var PSS_LEVELS = ["privileged", "baseline", "restricted"];
function isManifestPath(arg) {
  if (arg === "-" || /\.ya?ml$/i.test(arg)) return true;
  try {
    return statSync(arg).isDirectory();
  } catch {
    return false;
  }
}
async function run(argv) {
  const p = parseCommand(
    "lint",
    argv,
    {
      ...LINT_OUTPUT_OPTIONS,
      ...POLICY_OPTIONS,
      manifests: { type: "string", multiple: true },
      pss: { type: "string" }
    },
    HELP
  );
  if (!p) return EXIT.OK;
  checkOutputFlags(p);
  const manifests = [...list(p, "manifests")];
  let files = [];
  for (const arg of p.positionals) (isManifestPath(arg) ? manifests : files).push(arg);
  const pss = str(p, "pss") ? oneOf(p, "pss", PSS_LEVELS, "privileged") : void 0;
  if (files.length === 0 && manifests.length === 0) {
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
    ...manifests.length ? { manifests } : {},
    ...pss ? { pss } : {},
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
