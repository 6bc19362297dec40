#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  writeReports
} from "./chunk-2XTX55MY.js";
import {
  bool,
  oneOf,
  str
} from "./chunk-LYRF6LE5.js";
import {
  parseSeverity
} from "./chunk-WRC2BTZW.js";

// src/cli/output.ts
var FORMATS = ["text", "json", "sarif"];
var LINT_OUTPUT_OPTIONS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  sarif: { type: "string" },
  json: { type: "string" },
  summary: { type: "string" },
  category: { type: "string" },
  "no-color": { type: "boolean" },
  "show-suppressed": { type: "boolean" }
};
var OUTPUT_OPTIONS = { ...LINT_OUTPUT_OPTIONS, "list-packages": { type: "boolean" } };
var LINT_OUTPUT_HELP = `Output:
  -f, --format FMT        text (default), json or sarif, written to stdout or --output
  -o, --output FILE       write the main format to FILE instead of stdout
      --sarif FILE        also write SARIF 2.1.0 (trimmed to GitHub's limits)
      --json FILE         also write the JSON report
      --summary FILE      also write the markdown summary (decision, counts, top findings)
      --category NAME     SARIF category (automationDetails.id) for this scan
      --no-color          no ANSI colours (also NO_COLOR=1)
      --show-suppressed   list suppressed findings in text output`;
var OUTPUT_HELP = `${LINT_OUTPUT_HELP}
      --list-packages     list the image's packages (the inventory) in text output`;
function useColor(p, toFile) {
  if (bool(p, "no-color") || process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return !toFile && Boolean(process.stdout.isTTY);
}
function checkOutputFlags(p) {
  oneOf(p, "format", FORMATS, "text");
}
async function writeOutputs(result, p, repoRoot, more = []) {
  const output = str(p, "output");
  const requests = [
    { format: oneOf(p, "format", FORMATS, "text"), ...output ? { path: output } : {} }
  ];
  for (const format of ["sarif", "json", "summary"]) {
    const path = str(p, format);
    if (path) requests.push({ format, path });
  }
  const category = str(p, "category");
  await writeReports(result, [...requests, ...more], {
    repoRoot,
    ...category ? { category } : {},
    text: {
      color: useColor(p, Boolean(output)),
      showSuppressed: bool(p, "show-suppressed"),
      listPackages: bool(p, "list-packages")
    }
  });
}

// src/cli/policy-flags.ts
var POLICY_OPTIONS = {
  config: { type: "string", short: "c" },
  "fail-on": { type: "string" }
};
function failOnFlag(p) {
  const text = str(p, "fail-on");
  return text === void 0 ? void 0 : parseSeverity(text, "--fail-on") ?? "none";
}

export {
  LINT_OUTPUT_OPTIONS,
  OUTPUT_OPTIONS,
  LINT_OUTPUT_HELP,
  OUTPUT_HELP,
  checkOutputFlags,
  writeOutputs,
  POLICY_OPTIONS,
  failOnFlag
};
