#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  cliSink
} from "./chunk-TS7T5JXD.js";
import "./chunk-ZC522ZWZ.js";
import {
  COMMIT,
  VERSION
} from "./chunk-3QODUBSV.js";
import {
  EXIT,
  ShipgateError,
  formatError,
  toShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  Logger,
  setLogger
} from "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/cli/main.ts
var COMMANDS = {
  scan: {
    summary: "lint Dockerfiles and manifests, scan an image, apply the policy and decide",
    load: () => import("./chunk-Z43CHEB5.js")
  },
  lint: {
    summary: "lint Dockerfiles and Kubernetes manifests (no image)",
    load: () => import("./chunk-C7IXJOVN.js"),
    // The bash parser starts loading, so its asynchronous steps overlap the loading of the lint code. A failure
    // shows when a RUN is parsed.
    warm: () => {
      import("./chunk-7LMP4W46.js").then((m) => m.bashParser()).catch(() => void 0);
    }
  },
  sbom: { summary: "write an SBOM (CycloneDX or SPDX) of an image", load: () => import("./chunk-UNE2KC43.js") },
  rules: { summary: "list every rule with its metadata", load: () => import("./chunk-C4C4VZGV.js") },
  policy: {
    summary: "validate a policy file, print its JSON Schema, or generate admission policies",
    load: () => import("./chunk-5SEXE24O.js")
  },
  push: {
    summary: "push an approved image to a registry, only from a GitHub Actions or GitLab CI job",
    load: () => import("./chunk-TXWSPNGN.js")
  },
  sign: {
    summary: "scan a registry image and, if approved, sign and attest its digest (sigstore)",
    load: () => import("./chunk-KB3OPXP3.js")
  },
  attest: {
    summary: "sign a statement of your own predicate about an image digest and attach it",
    load: () => import("./chunk-UV3YMDSN.js")
  },
  verify: {
    summary: "verify an image's signatures and shipgate approval for its digest",
    load: () => import("./chunk-4IBSBLUU.js")
  },
  "sign-blob": {
    summary: "sign files (release assets): a sigstore bundle with their provenance next to each",
    load: () => import("./chunk-VMWNFBL3.js")
  },
  "verify-blob": {
    summary: "verify a file against its sigstore bundle: digest, signer, predicate type, age",
    load: () => import("./chunk-KIBBK3G4.js")
  },
  audit: {
    summary: "find the images in a registry that are not signed and approved as verify expects",
    load: () => import("./chunk-KONNVQ25.js")
  },
  "registry-auth": {
    summary: "serve registry tokens that grant push only to verified CI jobs",
    load: () => import("./chunk-36BR2F63.js")
  }
};
var NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
var USAGE = `shipgate ${VERSION}: supply-chain gate for container images

Usage: shipgate <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(NAME_WIDTH)}  ${c.summary}`).join("\n")}

Global options:
  -h, --help       help for shipgate or a command
  -V, --version    print the version and the commit it was built from
  -q, --quiet      only warnings and errors on stderr (no progress, no log sections)
  -v, --verbose    debug output on stderr

Environment:
  SHIPGATE_CACHE_DIR  cache folder (default $XDG_CACHE_HOME/shipgate, else ~/.cache/shipgate): vulnerability
                      data, sigstore's trust metadata, and Node's compiled code for a faster start
                      (NODE_DISABLE_COMPILE_CACHE=1 turns that part off)

Exit codes: 0 approved, 1 policy failed, 2 usage or input error, 3 internal error, 4 remote service error
or timeout.
Docs: https://github.com/shipgate/shipgate#readme
`;
var sink;
async function configureLogging(argv) {
  let level = process.env.SHIPGATE_LOG_LEVEL === "debug" ? "debug" : "info";
  const rest = [];
  for (const a of argv) {
    if (a === "-q" || a === "--quiet") level = "warn";
    else if (a === "-v" || a === "--verbose" || a === "--debug") level = "debug";
    else rest.push(a);
  }
  sink = await cliSink();
  setLogger(new Logger([sink], level), [sink]);
  return rest;
}
async function main(argv) {
  try {
    const args = await configureLogging(argv);
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
    if (!rest.includes("--help") && !rest.includes("-h")) cmd.warm?.();
    try {
      return await (await cmd.load()).run(rest);
    } finally {
      sink?.close?.();
    }
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

// src/cli/start.ts
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(EXIT.OK);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
