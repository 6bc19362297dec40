#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  decisionHeadline
} from "./chunk-MEPUX6SS.js";
import {
  PART_LABEL,
  SEVERITIES_DESC,
  exploitLabels,
  fixabilityTable,
  imageDisplayName,
  imagePlaceLabel,
  plural,
  ruleIndex,
  truncate
} from "./chunk-6PB7EY26.js";
import {
  ruleHelpUri
} from "./chunk-4W53UNPV.js";
import {
  PARTS,
  sortFindings
} from "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-6QO4RSHM.js";
import {
  mask
} from "./chunk-HYPJQQQ3.js";
import {
  oneLine,
  stripControl
} from "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/report/summary.ts
var ICON = { critical: "\u{1F7E5}", high: "\u{1F7E7}", medium: "\u{1F7E8}", low: "\u{1F7E6}", info: "\u2B1C" };
var MAX_REASONS = 20;
var TRUNCATED_NOTE = "_The summary was cut to fit the size limit; the SARIF and JSON reports have every finding._";
function escapeMarkdown(text) {
  return oneLine(stripControl(mask(text))).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1").replace(/@/g, "@&#8203;");
}
function safeUrl(url) {
  return encodeURI(url).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function urlPath(path) {
  return path.split("/").map(
    (s) => encodeURIComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  ).join("/");
}
function where(f, base) {
  const l = f.location;
  if (!l) return "";
  const label = escapeMarkdown(`${l.path}:${l.startLine}`);
  if (!base) return label;
  const anchor = l.endLine && l.endLine > l.startLine ? `#L${l.startLine}-L${l.endLine}` : `#L${l.startLine}`;
  return `[${label}](${safeUrl(base.replace(/\/?$/, "/"))}${urlPath(l.path)}${anchor})`;
}
function findingLine(f, result, base) {
  const rule = ruleIndex(result).get(f.ruleId);
  const id = `[${escapeMarkdown(f.ruleId)}](${safeUrl(ruleHelpUri(rule ?? { id: f.ruleId, kind: f.kind }))})`;
  const at = where(f, base);
  const v = f.vulnerability;
  const pkg = v ? ` ${escapeMarkdown(`${v.packageName} ${v.packageVersion}`)}${v.fixedVersions.length ? ` \u2192 ${escapeMarkdown(truncate(mask(v.fixedVersions.join(", ")), 60))}` : " (no fix)"}` : "";
  const exploit = exploitLabels(f).map((l) => ` **${escapeMarkdown(l)}**`).join("");
  const text = escapeMarkdown(truncate(mask(oneLine(v?.summary ?? f.message)), 160));
  const inImage = f.kind !== "dockerfile" ? imagePlaceLabel(f) : void 0;
  const fix = !v && f.fix ? ` \u2014 fix: ${escapeMarkdown(truncate(mask(f.fix), 120))}` : "";
  const sup = f.suppressed ? ` \u2014 _suppressed (${escapeMarkdown(f.suppressed.kind)}${f.suppressed.reason ? `: ${escapeMarkdown(truncate(mask(f.suppressed.reason), 100))}` : ""})_` : "";
  return `- ${ICON[f.severity]} **${f.severity}** ${id}${pkg}${exploit}: ${text}${at ? ` \xB7 ${at}` : ""}${inImage ? ` \xB7 _${escapeMarkdown(inImage)}_` : ""}${fix}${sup}`;
}
function details(summary, lines) {
  return ["", `<details><summary>${summary}</summary>`, "", ...lines, "", "</details>"];
}
function head(result, o, all, top) {
  const active = all.filter((f) => !f.suppressed);
  const suppressed = all.length - active.length;
  const d = result.decision;
  const out = [];
  out.push(
    `## ${o.title ? escapeMarkdown(o.title) : "shipgate"}: ${d ? d.approved ? "\u2705 approved" : "\u274C not approved" : "scan results"}`
  );
  if (d) {
    const blocking = d.reasons.filter((r) => r.blocking);
    const notes = d.reasons.filter((r) => !r.blocking);
    if (blocking.length) {
      out.push("", "**Why not approved:**", "");
      out.push(...blocking.slice(0, MAX_REASONS).map((r) => `- ${escapeMarkdown(r.message)}`));
      if (blocking.length > MAX_REASONS) out.push(`- \u2026and ${blocking.length - MAX_REASONS} more`);
    }
    if (notes.length) {
      out.push("");
      out.push(...notes.slice(0, MAX_REASONS).map((r) => `- \u2139\uFE0F ${escapeMarkdown(r.message)}`));
    }
    out.push("", `<sub>${escapeMarkdown(decisionHeadline(d))} \xB7 policy: ${escapeMarkdown(d.policy)}</sub>`);
  }
  if (result.index) {
    out.push("", `**Platforms** of the index \`${result.index.digest}\`:`, "");
    out.push("| Platform | Manifest | Decision |", "|:--|:--|:--|");
    for (const p of result.index.platforms)
      out.push(
        `| ${escapeMarkdown(p.platform)} | \`${p.digest}\` | ${p.decision.approved ? "\u2705" : "\u274C"} ${escapeMarkdown(decisionHeadline(p.decision))} |`
      );
    for (const s of result.index.skipped)
      out.push(`| skipped | \`${s.digest}\` | ${escapeMarkdown(s.reason)} |`);
  }
  const targets = [];
  if (result.image)
    targets.push(
      `image ${escapeMarkdown(imageDisplayName(result.image.ref, result.image.digest) ?? result.image.ref)}`
    );
  for (const df of result.dockerfiles) targets.push(escapeMarkdown(df.path));
  if (targets.length) out.push("", `**Scanned:** ${targets.join(", ")}`);
  const table = fixabilityTable(all);
  const rows = SEVERITIES_DESC.filter((s) => table[s].fixable + table[s].noFix > 0);
  out.push("");
  if (rows.length === 0)
    out.push(`No findings${suppressed ? ` (${plural(suppressed, "suppressed finding")})` : ""}.`);
  else {
    out.push("| Severity | Fixable | No fix |", "|:--|--:|--:|");
    for (const s of rows) out.push(`| ${ICON[s]} ${s} | ${table[s].fixable} | ${table[s].noFix} |`);
    const parts = PARTS.map((p) => [p, active.filter((f) => f.kind === p).length]).filter(
      ([, n]) => n > 0
    );
    out.push(
      "",
      `${parts.map(([p, n]) => `${PART_LABEL[p]}: **${n}**`).join(" \xB7 ")}${suppressed ? ` \xB7 suppressed: ${suppressed}` : ""}`
    );
  }
  if (top.length) out.push("", "### Top findings", "", ...top.map((f) => findingLine(f, result, o.linkBase)));
  return out;
}
function rest(result, o, all, top) {
  const sections = [];
  for (const part of PARTS) {
    const list = all.filter((f) => f.kind === part && !f.suppressed && !top.has(f));
    if (list.length === 0) continue;
    const total = all.filter((f) => f.kind === part && !f.suppressed).length;
    const label = `${PART_LABEL[part]}: ${list.length === total ? list.length : `${list.length} more`}`;
    sections.push(
      details(
        label,
        list.map((f) => findingLine(f, result, o.linkBase))
      )
    );
  }
  const suppressed = all.filter((f) => f.suppressed);
  if (suppressed.length)
    sections.push(
      details(
        `Suppressed: ${suppressed.length}`,
        suppressed.map((f) => findingLine(f, result, o.linkBase))
      )
    );
  if (result.warnings.length)
    sections.push(
      details(
        `Warnings: ${result.warnings.length}`,
        result.warnings.map((w) => `- ${escapeMarkdown(w)}`)
      )
    );
  return sections;
}
var bytes = (s) => Buffer.byteLength(s);
function toMarkdownSummary(result, o = {}) {
  const budget = o.maxBytes ?? 1e6;
  const all = sortFindings(result.findings);
  const top = all.filter((f) => !f.suppressed).slice(0, o.maxFindings ?? 10);
  const headLines = head(result, o, all, top);
  const sections = rest(result, o, all, new Set(top));
  const full = mask(`${[...headLines, ...sections.flat()].join("\n")}
`);
  if (bytes(full) <= budget) return full;
  const reserve = bytes(TRUNCATED_NOTE) + bytes("\n\n</details>\n") + 16;
  const kept = [];
  let size = 0;
  let open = false;
  let cut = false;
  for (const line of [...headLines, ...sections.flat()]) {
    const masked = mask(line);
    const n = bytes(masked) + 1;
    if (size + n + reserve > budget) {
      cut = true;
      break;
    }
    kept.push(masked);
    size += n;
    if (line.startsWith("<details>")) open = true;
    if (line === "</details>") open = false;
  }
  if (open) kept.push("", "</details>");
  if (cut) kept.push("", TRUNCATED_NOTE);
  return `${kept.join("\n")}
`;
}
export {
  escapeMarkdown,
  toMarkdownSummary
};
