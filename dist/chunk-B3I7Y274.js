#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  EOL_RULE,
  IMG_RULE_META,
  MAL_RULE_META
} from "./chunk-6I4GOAWP.js";
import {
  SECRET_RULE_META
} from "./chunk-4BXU6E3L.js";
import {
  ruleHelpUri
} from "./chunk-OHBRUBJW.js";
import {
  oneOf,
  parse
} from "./chunk-I3EOAX5I.js";
import {
  dockerfileRules
} from "./chunk-CRQVELII.js";
import "./chunk-M3P4NN3O.js";
import "./chunk-DML5XCCS.js";
import "./chunk-23VTO3BX.js";
import {
  EXIT
} from "./chunk-XNFBH2M5.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/rules.ts
var HELP = `Usage: shipgate rules [--format text|json] [--kind dockerfile|secret|config|malware|vulnerability]

Lists every rule with its id, severity, title and the equivalent checks of other tools.
`;
function allRules() {
  return [...dockerfileRules(), ...SECRET_RULE_META, ...IMG_RULE_META, ...MAL_RULE_META, EOL_RULE];
}
async function run(argv) {
  const p = parse("rules", argv, {
    format: { type: "string", short: "f" },
    kind: { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if (p.values.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  const format = oneOf(p, "format", ["text", "json"], "text");
  const kind = oneOf(
    p,
    "kind",
    ["all", "dockerfile", "secret", "config", "malware", "vulnerability"],
    "all"
  );
  const rules = allRules().filter((r) => kind === "all" || r.kind === kind);
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
  allRules,
  run
};
