#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/core/finding.ts
var DOCS_BASE_URL = "https://github.com/shipgate/shipgate/blob/main/docs";
function ruleHelpUri(rule) {
  if (rule.kind === "dockerfile" && /^SC\d{4}$/.test(rule.id))
    return `https://www.shellcheck.net/wiki/${rule.id}`;
  const page = rule.kind === "dockerfile" ? "rules/dockerfile.md" : rule.kind === "manifest" ? "rules/manifests.md" : rule.kind === "secret" ? "rules/secrets.md" : rule.kind === "config" ? "rules/image-config.md" : rule.kind === "malware" ? "rules/malware.md" : "vulnerabilities.md";
  return `${DOCS_BASE_URL}/${page}#${rule.id.toLowerCase()}`;
}

export {
  ruleHelpUri
};
