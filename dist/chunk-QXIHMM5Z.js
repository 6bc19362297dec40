#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  bool,
  list,
  oneOf,
  str
} from "./chunk-N7PLTF7E.js";
import {
  MALWARE_MODES
} from "./chunk-CE3SJGIG.js";
import {
  SCANNERS,
  isScanner
} from "./chunk-7KII5CIB.js";
import {
  parseSeverity,
  parseSeverityList
} from "./chunk-LJLRXQKZ.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";

// src/cli/policy-flags.ts
function failOnFlag(p) {
  const text = str(p, "fail-on");
  return text === void 0 ? void 0 : parseSeverity(text, "--fail-on") ?? "none";
}
function gateFlags(p) {
  const scanners = list(p, "scanners");
  const unknown = scanners.filter((s) => !isScanner(s));
  if (unknown.length) {
    throw new ShipgateError("USAGE", `--scanners: unknown scanner "${unknown[0]}"`, {
      hint: `use ${SCANNERS.join(", ")}`
    });
  }
  const malwareMode = str(p, "malware-mode") ? oneOf(p, "malware-mode", MALWARE_MODES, "required") : void 0;
  const failOn = failOnFlag(p);
  const severityText = str(p, "severity");
  return {
    ...failOn ? { failOn } : {},
    ...severityText !== void 0 ? { severities: parseSeverityList(severityText, "--severity") } : {},
    ...list(p, "ignorefile").length ? { ignoreFiles: list(p, "ignorefile") } : {},
    ...scanners.length ? { scanners } : {},
    ...str(p, "vuln-db") ? { vulnDb: str(p, "vuln-db") } : {},
    ...bool(p, "offline") ? { offline: true } : {},
    ...bool(p, "ignore-unfixed") ? { ignoreUnfixed: true } : {},
    ...list(p, "vex").length ? { vex: list(p, "vex") } : {},
    ...malwareMode ? { malwareMode } : {},
    ...str(p, "clamav-db") ? { clamavDb: str(p, "clamav-db") } : {}
  };
}

export {
  failOnFlag,
  gateFlags
};
