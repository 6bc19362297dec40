#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/report/decision.ts
function decisionHeadline(d) {
  if (d.approved) return "approved";
  const n = d.reasons.filter((r) => r.blocking).length;
  return `not approved (${n} blocking reason${n === 1 ? "" : "s"})`;
}
function blockingReasonsLine(d, max = 5) {
  const blocking = d.reasons.filter((r) => r.blocking).map((r) => r.message);
  const shown = blocking.slice(0, max).join("; ");
  return blocking.length > max ? `${shown}; and ${blocking.length - max} more` : shown;
}
function decisionLines(d) {
  const lines = [`shipgate: ${decisionHeadline(d)} (policy: ${d.policy})`];
  for (const r of d.reasons) lines.push(`  ${r.blocking ? "BLOCKING" : "note"}: ${r.message}`);
  return lines;
}
function platformLines(index) {
  const lines = [`platforms of the index ${index.digest}:`];
  for (const p of index.platforms) lines.push(`  ${p.platform} ${p.digest}: ${decisionHeadline(p.decision)}`);
  for (const s of index.skipped) lines.push(`  skipped ${s.digest}: ${s.reason}`);
  return lines;
}

export {
  decisionHeadline,
  blockingReasonsLine,
  decisionLines,
  platformLines
};
