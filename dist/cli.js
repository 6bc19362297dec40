#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  COMMIT,
  VERSION
} from "./chunk-QAOPYVPE.js";
import {
  EXIT,
  ShipgateError,
  formatError,
  toShipgateError
} from "./chunk-6XGGRQ24.js";
import {
  Logger,
  setLogger,
  stderrSink
} from "./chunk-MJPQLFBW.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/cli/main.ts
var COMMANDS = {
  scan: {
    summary: "lint Dockerfiles, scan an image, apply the policy and decide",
    load: () => import("./chunk-TDI3HSTX.js")
  },
  lint: { summary: "lint Dockerfiles only", load: () => import("./chunk-SQGIW2MR.js") },
  sbom: { summary: "write an SBOM (CycloneDX or SPDX) of an image", load: () => import("./chunk-E3AH7H4P.js") },
  rules: { summary: "list every rule with its metadata", load: () => import("./chunk-MNHMUZJC.js") },
  policy: {
    summary: "validate a policy file, print its JSON Schema, or generate admission policies",
    load: () => import("./chunk-43VMZHM2.js")
  },
  push: {
    summary: "push an approved image to a registry, only from a GitHub Actions or GitLab CI job",
    load: () => import("./chunk-B5NYEKGZ.js")
  }
};
var USAGE = `shipgate ${VERSION}: supply-chain gate for container images

Usage: shipgate <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`).join("\n")}

Global options:
  -h, --help       help for shipgate or a command
  -V, --version    print the version and the commit it was built from
  -q, --quiet      only warnings and errors on stderr
  -v, --verbose    debug output on stderr

Exit codes: 0 approved, 1 policy failed, 2 usage or input error, 3 internal error, 4 remote service error
or timeout.
Docs: https://github.com/shipgate/shipgate#readme
`;
function configureLogging(argv) {
  let level = process.env.SHIPGATE_LOG_LEVEL === "debug" ? "debug" : "info";
  const rest = [];
  for (const a of argv) {
    if (a === "-q" || a === "--quiet") level = "warn";
    else if (a === "-v" || a === "--verbose" || a === "--debug") level = "debug";
    else rest.push(a);
  }
  setLogger(new Logger([stderrSink], level), [stderrSink]);
  return rest;
}
async function main(argv) {
  try {
    const args = configureLogging(argv);
    const [first, ...rest] = args;
    if (first === "--version" || first === "-V" || first === "version") {
      process.stdout.write(`shipgate ${VERSION} (commit ${COMMIT})
`);
      return EXIT.OK;
    }
    if (first === void 0 || first === "--help" || first === "-h" || first === "help") {
      if (first === "help" && rest[0] && COMMANDS[rest[0]])
        return (await COMMANDS[rest[0]].load()).run(["--help"]);
      process.stdout.write(USAGE);
      return first === void 0 ? EXIT.INPUT_ERROR : EXIT.OK;
    }
    const cmd = COMMANDS[first];
    if (!cmd) {
      throw new ShipgateError("USAGE", `unknown command "${first}"`, {
        hint: `commands: ${Object.keys(COMMANDS).join(", ")}; run "shipgate --help"`
      });
    }
    return await (await cmd.load()).run(rest);
  } catch (e) {
    const err = toShipgateError(e);
    process.stderr.write(`${formatError(err)}
`);
    if (err.code === "TIMEOUT") setTimeout(() => process.exit(err.exitCode), 1e3).unref();
    if (err.code === "INTERNAL" && process.env.SHIPGATE_LOG_LEVEL === "debug" && err.cause instanceof Error) {
      process.stderr.write(`${err.cause.stack ?? ""}
`);
    }
    return err.exitCode;
  }
}

// src/cli/index.ts
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(EXIT.OK);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
