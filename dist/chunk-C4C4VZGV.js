#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  oneOf,
  parseCommand
} from "./chunk-N7PLTF7E.js";
import {
  ruleHelpUri
} from "./chunk-4W53UNPV.js";
import {
  allRules
} from "./chunk-7KII5CIB.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import {
  EXIT
} from "./chunk-6QO4RSHM.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/rules.ts
var HELP = `Usage: shipgate rules [--format text|json] [--kind dockerfile|manifest|secret|config|malware|vulnerability]

Lists every rule with its id, severity, title and the equivalent checks of other tools.
`;
async function run(argv) {
  const p = parseCommand(
    "rules",
    argv,
    { format: { type: "string", short: "f" }, kind: { type: "string" } },
    HELP
  );
  if (!p) return EXIT.OK;
  const format = oneOf(p, "format", ["text", "json"], "text");
  const kind = oneOf(
    p,
    "kind",
    ["all", "dockerfile", "manifest", "secret", "config", "malware", "vulnerability"],
    "all"
  );
  const rules = (await allRules()).filter((r) => kind === "all" || r.kind === kind);
  if (format === "json") {
    process.stdout.write(
      `${JSON.stringify(
        rules.map((r) => ({ ...r, helpUri: ruleHelpUri(r) })),
        null,
        2
      )}
`
    );
    return EXIT.OK;
  }
  for (const r of rules) {
    const eq = Object.entries(r.equivalents ?? {}).flatMap(([tool, ids]) => (ids ?? []).map((id) => `${tool}:${id}`)).join(" ");
    process.stdout.write(`${r.id.padEnd(11)} ${r.severity.padEnd(8)} ${r.title}${eq ? `  [${eq}]` : ""}
`);
  }
  return EXIT.OK;
}
export {
  run
};
