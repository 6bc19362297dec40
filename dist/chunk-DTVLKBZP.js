#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  stableHash
} from "./chunk-XFIAZQWE.js";

// src/vuln/rules.ts
var EOL_RULE = {
  id: "SG-OS-001",
  kind: "vulnerability",
  title: "Base image OS release is end of life",
  severity: "high",
  description: "The image is built on an operating system release that no longer receives security updates.",
  rationale: "Vulnerabilities found after the end of life are never fixed in the release, and scanners stop getting advisories for it, so an empty report says nothing.",
  fix: "Rebuild on a supported release of the base image, e.g.\n\n```Dockerfile\nFROM debian:12-slim\n```",
  tags: ["vulnerability", "os", "eol"],
  equivalents: { trivy: ["EOSL"] }
};
function osName(os) {
  return os.prettyName ?? `${os.id}${os.versionId ? ` ${os.versionId}` : ""}${os.codename ? ` (${os.codename})` : ""}`;
}
function eolFinding(os, image) {
  if (!os?.eol) return void 0;
  const name = osName(os);
  const f = {
    ruleId: EOL_RULE.id,
    kind: "vulnerability",
    severity: EOL_RULE.severity,
    message: `${name} reached end of life${os.eolDate ? ` on ${os.eolDate}` : ""} and no longer receives security updates`,
    fingerprint: stableHash(EOL_RULE.id, os.id, os.versionId),
    fixable: true,
    fix: `rebuild on a supported ${os.id} release`,
    properties: { os: os.id, versionId: os.versionId, eolDate: os.eolDate }
  };
  if (image) f.image = image;
  return f;
}
function vulnerabilityRule(finding) {
  if (finding.ruleId === EOL_RULE.id) return EOL_RULE;
  const v = finding.vulnerability;
  const id = finding.ruleId;
  const title = v?.summary ? `${id}: ${v.summary}` : id;
  const refs = (v?.references ?? []).slice(0, 10).map((u) => `- <${u}>`);
  const aliases = v?.aliases.length ? `

Aliases: ${v.aliases.join(", ")}.` : "";
  const fixText = v?.fixState === "fixed" ? `Upgrade ${v.packageName} to ${v.fixedVersions.join(" or ")} or later${finding.fix ? ` (${finding.fix})` : ""}.` : "No fixed version is published yet: mitigate, accept with a reason and expiry in shipgate.yaml, or record a VEX statement if the code is not reachable.";
  return {
    id,
    kind: "vulnerability",
    title,
    severity: finding.severity,
    description: `${v?.summary ?? id}${v ? ` (${v.ecosystem} package ${v.packageName})` : ""}.${aliases}`,
    rationale: "A known vulnerability in a package installed in the image.",
    fix: refs.length ? `${fixText}

References:
${refs.join("\n")}` : fixText,
    tags: ["vulnerability", "security", ...v ? [v.ecosystem.split(":")[0], v.fixState] : []]
  };
}

export {
  EOL_RULE,
  eolFinding,
  vulnerabilityRule
};
