#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import "./chunk-YNPQFTY5.js";

// src/config/docs-page.ts
var IMAGE_CONFIG_DOCS = {
  title: "Image configuration rules (SG-IMG)",
  intro: `These checks look at the built image: its configuration (user, health check, ports, volumes, labels,
environment), its build history and its final filesystem (setuid files, modes, package caches, accounts). They
cover dockle's CIS-DI and DKL checks where those apply; the equivalents are listed per rule. Findings that come
from a layer carry the layer's \`created_by\`, so reports point at the Dockerfile instruction that made it. The
build history is also linted with the Dockerfile rules that apply to a built image; those findings keep their
SG-DF ids ([history lint](dockerfile.md#image-history-lint)).

The limits of the size, layer-count and age checks are set under \`image:\` in \`shipgate.yaml\` (\`max-size-mb\`, default 1024; \`max-layers\`, default 50; \`max-age-days\`, default 365).`
};
export {
  IMAGE_CONFIG_DOCS
};
