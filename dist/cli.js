#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
const require = __sgCreateRequire(import.meta.url);

// src/core/errors.ts
var EXIT = {
  OK: 0,
  POLICY_FAILED: 1,
  INPUT_ERROR: 2,
  INTERNAL_ERROR: 3,
  REMOTE_ERROR: 4
};
var REMOTE_CODES = /* @__PURE__ */ new Set(["NETWORK", "REGISTRY", "GITHUB_API", "GITLAB_API"]);
var ShipgateError = class extends Error {
  name = "ShipgateError";
  code;
  hint;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = code;
    if (options.hint !== void 0) this.hint = options.hint;
  }
  get exitCode() {
    if (this.code === "INTERNAL") return EXIT.INTERNAL_ERROR;
    if (REMOTE_CODES.has(this.code)) return EXIT.REMOTE_ERROR;
    return EXIT.INPUT_ERROR;
  }
};
function toShipgateError(e) {
  if (e instanceof ShipgateError) return e;
  const err = e;
  if (err && typeof err === "object" && typeof err.code === "string") {
    if (err.code === "ENOENT") return new ShipgateError("NOT_FOUND", `${err.path ?? "file"}: no such file or directory`, { cause: e });
    if (err.code === "EACCES" || err.code === "EPERM")
      return new ShipgateError("INPUT", `${err.path ?? "file"}: permission denied`, { cause: e });
    if (err.code === "EISDIR") return new ShipgateError("INPUT", `${err.path ?? "path"}: is a directory`, { cause: e });
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"].includes(err.code))
      return new ShipgateError("NETWORK", `network error: ${err.code}${err.message ? ` (${oneLine(err.message)})` : ""}`, {
        cause: e
      });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new ShipgateError("INTERNAL", `internal error: ${oneLine(message)}`, { cause: e });
}
function formatError(e) {
  const base = `shipgate: error [${e.code}]: ${oneLine(e.message)}`;
  return e.hint ? `${base} (hint: ${oneLine(e.hint)})` : base;
}
function oneLine(s) {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

// package.json
var package_default = {
  name: "shipgate",
  version: "0.1.0",
  description: "Supply-chain gate for container images: Dockerfile lint, image scan, policy gate, reports for GitHub and GitLab.",
  license: "Apache-2.0",
  type: "module",
  bin: {
    shipgate: "dist/cli.js"
  },
  engines: {
    node: ">=20"
  },
  files: [
    "dist",
    "action.yml",
    "schemas",
    "README.md",
    "docs"
  ],
  scripts: {
    build: "node build/build.mjs",
    demo: "node build/demo.mjs",
    test: "vitest run",
    "test:watch": "vitest",
    lint: "eslint . --max-warnings 0",
    format: "prettier --write .",
    "format:check": "prettier --check .",
    typecheck: "tsc --noEmit",
    bench: "node bench/run.mjs"
  },
  dependencies: {
    "@actions/core": "3.0.1",
    "@actions/github": "9.1.1",
    "@cyclonedx/cyclonedx-library": "10.3.0",
    "@renovatebot/pep440": "4.2.4",
    "ae-cvss-calculator": "1.0.13",
    "dockerfile-ast": "0.7.1",
    fzstd: "0.1.1",
    "packageurl-js": "2.0.1",
    semver: "7.8.6",
    "tar-stream": "3.2.2",
    "tree-sitter-bash": "0.25.1",
    "web-tree-sitter": "0.27.2",
    yaml: "2.9.1",
    zod: "4.6.7"
  },
  devDependencies: {
    "@eslint/js": "10.0.1",
    "@microsoft/sarif-multitool": "5.7.0",
    "@types/node": "20.19.43",
    "@types/sarif": "2.1.7",
    "@types/semver": "7.8.0",
    "@types/tar-stream": "3.1.5",
    ajv: "8.20.0",
    "ajv-formats": "3.0.1",
    esbuild: "0.28.2",
    eslint: "10.15.0",
    prettier: "3.10.1",
    tsx: "4.23.15",
    typescript: "6.0.3",
    "typescript-eslint": "8.73.0",
    vitest: "4.1.12"
  }
};

// src/core/version.ts
var VERSION = package_default.version;

// src/cli/main.ts
async function main(argv) {
  try {
    if (argv[0] === "--version" || argv[0] === "-V") {
      process.stdout.write(`shipgate ${VERSION}
`);
      return EXIT.OK;
    }
    process.stdout.write("usage: shipgate <command>\n");
    return EXIT.OK;
  } catch (e) {
    const err = toShipgateError(e);
    process.stderr.write(`${formatError(err)}
`);
    return err.exitCode;
  }
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2));
