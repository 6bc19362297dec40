#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// package.json
var package_default = {
  name: "@shipgate/cli",
  version: "0.1.0",
  description: "Supply-chain gate for container images: Dockerfile lint, image scan, policy gate, reports for GitHub and GitLab.",
  license: "Apache-2.0",
  homepage: "https://github.com/shipgate/shipgate#readme",
  repository: {
    type: "git",
    url: "git+https://github.com/shipgate/shipgate.git"
  },
  bugs: {
    url: "https://github.com/shipgate/shipgate/issues"
  },
  type: "module",
  bin: {
    shipgate: "dist/cli.js"
  },
  engines: {
    node: "^22.22.2 || ^24.15.0 || >=26"
  },
  files: [
    "dist",
    "action.yml",
    "schemas",
    "README.md",
    "docs"
  ],
  publishConfig: {
    access: "public"
  },
  scripts: {
    build: "node build/build.mjs",
    demo: "node build/demo.mjs",
    test: "node build/test.mjs",
    "test:watch": "vitest",
    lint: "eslint . --max-warnings 0 && node build/lint-workflows.mjs && depcruise src --config .dependency-cruiser.cjs && knip",
    format: "prettier --write .",
    "format:check": "prettier --check .",
    typecheck: "tsc --noEmit",
    bench: "node bench/run.mjs",
    "lint:layers": "depcruise src --config .dependency-cruiser.cjs",
    "lint:workflows": "node build/lint-workflows.mjs",
    "test:unit": "node build/test.mjs --project unit",
    "test:e2e": "node build/test.mjs --project e2e --project oracle --project hostile",
    "docs:cli": "node build/cli-docs.mjs && prettier --write docs/cli.md",
    "gen:front-doors": "tsx build/front-doors.mjs",
    reliability: "node build/reliability.mjs && prettier --write docs/reliability.md"
  },
  dependencies: {
    "@actions/cache": "6.3.0",
    "@actions/core": "3.0.1",
    "@actions/github": "9.1.1",
    "@cyclonedx/cyclonedx-library": "10.3.0",
    "@renovatebot/pep440": "4.2.4",
    "@sigstore/bundle": "5.0.1",
    "@sigstore/core": "4.0.1",
    "@sigstore/protobuf-specs": "0.5.2",
    "@sigstore/sign": "5.1.0",
    "@sigstore/tuf": "5.0.1",
    "@sigstore/verify": "4.1.3",
    "ae-cvss-calculator": "1.0.13",
    "cli-progress": "3.12.0",
    "dockerfile-ast": "0.7.1",
    fflate: "0.8.3",
    fzstd: "0.1.1",
    jose: "6.2.18",
    "packageurl-js": "2.0.1",
    picomatch: "4.0.7",
    semver: "7.8.6",
    "spdx-expression-parse": "5.0.0",
    "sql.js": "1.16.0",
    "tar-stream": "3.2.2",
    "tree-sitter-bash": "0.25.1",
    "web-tree-sitter": "0.27.2",
    yaml: "2.9.1",
    zod: "4.6.7"
  },
  devDependencies: {
    "@action-validator/core": "0.6.0",
    "@eslint/js": "10.0.1",
    "@microsoft/sarif-multitool": "5.7.0",
    "@sigstore/cli": "0.10.3",
    "@sigstore/mock": "0.13.0",
    "@types/cli-progress": "3.11.6",
    "@types/node": "22.20.7",
    "@types/picomatch": "4.0.3",
    "@types/sarif": "2.1.7",
    "@types/semver": "7.8.0",
    "@types/spdx-expression-parse": "4.0.0",
    "@types/sql.js": "1.4.11",
    "@types/tar-stream": "3.1.5",
    ajv: "8.20.0",
    "ajv-formats": "3.0.1",
    "ajv-formats-draft2019": "1.6.1",
    "dependency-cruiser": "17.3.9",
    esbuild: "0.28.2",
    eslint: "10.15.0",
    "fast-check": "4.11.0",
    "gitlab-ci-local": "4.75.1",
    knip: "6.44.2",
    prettier: "3.10.1",
    recheck: "4.5.0",
    tsx: "4.23.15",
    typescript: "6.0.3",
    "typescript-eslint": "8.73.0",
    vitest: "4.1.12"
  }
};

// src/core/version.ts
var VERSION = package_default.version;
var COMMIT = true ? "7bc5940069ed3c44f8bb77ad8a6c96d43c5c4265" : "unknown";

export {
  VERSION,
  COMMIT
};
