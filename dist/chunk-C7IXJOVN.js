#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  checkOutputFlags,
  writeOutputs
} from "./chunk-FSBQCGWF.js";
import "./chunk-46PCFN3W.js";
import {
  failOnFlag
} from "./chunk-QXIHMM5Z.js";
import {
  runPipeline
} from "./chunk-EKA2GYPS.js";
import {
  tuneForLint
} from "./chunk-JBZB6ZHA.js";
import "./chunk-VW2INED4.js";
import {
  helpSection,
  parseTableCommand
} from "./chunk-63NLDXJT.js";
import {
  list,
  oneOf,
  str
} from "./chunk-N7PLTF7E.js";
import "./chunk-ZFXYH7RL.js";
import "./chunk-UZUG6JWW.js";
import "./chunk-CE3SJGIG.js";
import {
  PSS_VALUES
} from "./chunk-2L5WH6HQ.js";
import "./chunk-ORKN2LZK.js";
import {
  findRepoRoot
} from "./chunk-VYLKKKIO.js";
import "./chunk-7KII5CIB.js";
import "./chunk-7RXX3OXC.js";
import "./chunk-DML5XCCS.js";
import "./chunk-Z4T7NOW3.js";
import "./chunk-FJAP4N5B.js";
import "./chunk-DLZNSFT6.js";
import "./chunk-44QYIPQ7.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-DNEHU5TI.js";
import "./chunk-3QODUBSV.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-RFIJBJJT.js";
import "./chunk-6FSLFHTN.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/lint.ts
import { existsSync, statSync } from "node:fs";
var HELP = `Usage: shipgate lint [Dockerfile | MANIFEST | DIR | -]... [options]

Lints Dockerfiles (default ./Dockerfile) and Kubernetes manifests, and applies the policy's gate to the
findings. Arguments ending in .yaml or .yml, folders (their .yaml/.yml files) and - (standard input, e.g.
helm template output) are manifests; anything else is a Dockerfile.

Targets:
${helpSection("lint", "Targets")}

Policy:
${helpSection("lint", "Policy")}

Output:
${helpSection("lint", "Output")}

Environment:
  SHIPGATE_LINT_WORKERS=N  worker threads for many Dockerfiles (default: one per two cores beyond two, at
                           most three, none below 48 files); 0 lints on one thread. The report is the same.
`;
function isManifestPath(arg) {
  if (arg === "-" || /\.ya?ml$/i.test(arg)) return true;
  try {
    return statSync(arg).isDirectory();
  } catch {
    return false;
  }
}
async function run(argv) {
  const p = parseTableCommand("lint", argv, HELP);
  if (!p) return EXIT.OK;
  tuneForLint();
  checkOutputFlags(p);
  const manifests = [...list(p, "manifests")];
  let files = [];
  for (const arg of p.positionals) (isManifestPath(arg) ? manifests : files).push(arg);
  const pss = str(p, "pss") ? oneOf(p, "pss", PSS_VALUES, "privileged") : void 0;
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
