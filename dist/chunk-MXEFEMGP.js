#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  decisionLines,
  platformLines
} from "./chunk-MEPUX6SS.js";
import {
  SEVERITIES_DESC,
  exploitLabels,
  imageDisplayName,
  imagePlaceLabel,
  locationLabel,
  plural,
  ruleIndex,
  truncate
} from "./chunk-6PB7EY26.js";
import {
  ruleHelpUri
} from "./chunk-4W53UNPV.js";
import {
  countBySeverity
} from "./chunk-U65Y67VX.js";
import {
  compareText,
  sortFindings
} from "./chunk-WXYCZFY5.js";
import {
  severityRank
} from "./chunk-LJLRXQKZ.js";
import "./chunk-6QO4RSHM.js";
import {
  maskRange
} from "./chunk-6INDVNBY.js";
import {
  oneLine,
  printable
} from "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/report/text.ts
function packageTable(result, p) {
  const rows = result.packages.map((pkg) => [
    pkg.type,
    clean(pkg.namespace ? `${pkg.namespace}/${pkg.name}` : pkg.name),
    clean(pkg.version),
    clean(
      pkg.sourceName && pkg.sourceName !== pkg.name ? `${pkg.sourceName} ${pkg.sourceVersion ?? ""}`.trim() : ""
    ),
    pkg.layerIndex === void 0 ? "" : `layer ${pkg.layerIndex}`
  ]);
  const head = ["TYPE", "NAME", "VERSION", "SOURCE", "LAYER"];
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r) => `  ${r.map((c, i) => truncate(c, widths[i]).padEnd(widths[i])).join("  ")}`.trimEnd();
  return [p.bold(`Packages (${rows.length})`), p.dim(line(head)), ...rows.map(line), ""];
}
function palette(color) {
  const c = (open, close) => (s) => color && s ? `\x1B[${open}m${s}\x1B[${close}m` : s;
  return {
    sev: {
      critical: c("1;35", "22;39"),
      high: c("31", "39"),
      medium: c("33", "39"),
      low: c("36", "39"),
      info: c("90", "39")
    },
    dim: c("2", "22"),
    bold: c("1", "22"),
    red: c("1;31", "22;39"),
    green: c("32", "39"),
    cyan: c("36", "39")
  };
}
function clean(text) {
  return printable(text);
}
var CONTEXT = 2;
var MAX_FRAME_LINES = 6;
var MAX_LINE = 160;
function secretRanges(findings, path) {
  const out = [];
  for (const f of findings) {
    const l = f.location;
    if (f.kind !== "secret" || f.image || !l || l.path !== path) continue;
    const last = l.endLine ?? l.startLine;
    for (let n = l.startLine; n <= last; n++)
      out.push({
        line: n,
        start: n === l.startLine ? l.startColumn ?? 1 : 1,
        end: n === last && l.endColumn ? l.endColumn : Number.MAX_SAFE_INTEGER
      });
  }
  return out;
}
function maskSecrets(text, n, redactions) {
  let out = text;
  for (const r of redactions) if (r.line === n) out = maskRange(out, r.start - 1, r.end - 1);
  return out;
}
function sources(result, readFile) {
  const cache = /* @__PURE__ */ new Map();
  return (path) => {
    if (cache.has(path)) return cache.get(path);
    const text = readFile?.(path);
    const source = text === void 0 ? void 0 : { lines: text.split(/\r\n|\r|\n/), redactions: secretRanges(result.findings, path) };
    cache.set(path, source);
    return source;
  };
}
function codeFrame(f, p, { lines, redactions }) {
  const loc = f.location;
  if (loc.startLine < 1 || loc.startLine > lines.length) return [];
  const endLine = Math.min(loc.endLine ?? loc.startLine, loc.startLine + MAX_FRAME_LINES - 1);
  const first = Math.max(1, loc.startLine - CONTEXT);
  const last = Math.min(lines.length, endLine + CONTEXT);
  const width = String(last).length;
  const out = [];
  for (let n = first; n <= last; n++) {
    const inside = n >= loc.startLine && n <= endLine;
    const raw = maskSecrets(clean(lines[n - 1] ?? ""), n, redactions);
    const shownText = truncate(raw, MAX_LINE);
    const gutter = `${inside ? ">" : " "} ${String(n).padStart(width)} | `;
    out.push(`    ${inside ? p.bold(gutter) : p.dim(gutter)}${inside ? shownText : p.dim(shownText)}`);
    if (n === loc.startLine && loc.startColumn && loc.startColumn <= MAX_LINE) {
      const start = loc.startColumn;
      const end = (loc.endLine ?? n) === n && loc.endColumn ? loc.endColumn : raw.length + 1;
      const len = Math.max(1, Math.min(end, MAX_LINE + 1) - start);
      const pad = raw.slice(0, start - 1).replace(/[^\t]/g, " ");
      out.push(`    ${" ".repeat(gutter.length)}${pad}${p.sev[f.severity]("^".repeat(len))}`);
    }
  }
  return out;
}
function suppressedNote(f) {
  if (!f.suppressed) return "";
  const s = f.suppressed;
  const reason = s.reason ? `, ${clean(oneLine(s.reason))}` : "";
  return ` (suppressed: ${s.kind}${reason}${s.expires ? `, until ${clean(s.expires)}` : ""})`;
}
function findingBlock(f, result, o, p, source) {
  const rule = ruleIndex(result).get(f.ruleId);
  const where = locationLabel(f);
  const title = rule?.title ? ` ${p.dim(clean(oneLine(rule.title)))}` : "";
  const out = [
    `  ${p.sev[f.severity](f.severity.toUpperCase().padEnd(8))} ${p.bold(clean(f.ruleId))}${title}${where ? `  ${p.cyan(clean(where))}` : ""}${p.dim(suppressedNote(f))}`,
    `    ${clean(oneLine(f.message))}`
  ];
  const inImage = imagePlaceLabel(f);
  if (inImage) out.push(p.dim(`    in image: ${clean(inImage)}`));
  if (f.image?.createdBy && o.verbose)
    out.push(p.dim(`    layer created by: ${clean(truncate(oneLine(f.image.createdBy), 120))}`));
  const file = f.location ? source(f.location.path) : void 0;
  if (file) out.push(...codeFrame(f, p, file));
  const fix = f.fix ?? (o.verbose ? rule?.fix : void 0);
  if (fix) out.push(`    ${p.green("fix:")} ${clean(oneLine(fix))}`);
  if (o.verbose) out.push(p.dim(`    docs: ${ruleHelpUri(rule ?? { id: f.ruleId, kind: f.kind })}`));
  return out;
}
function fixedText(f) {
  const v = f.vulnerability;
  if (!v) return "";
  if (v.fixedVersions.length) return v.fixedVersions.join(", ");
  return v.fixState === "wont-fix" ? "won't fix" : v.fixState === "unknown" ? "unknown" : "no fix";
}
function cell(text, width, paint) {
  const padded = text.padEnd(width);
  return paint ? paint(padded) : padded;
}
function vulnerabilityTables(findings, o, p) {
  const byPkg = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const v = f.vulnerability;
    const key = v ? `${v.ecosystem}\0${v.packageName}\0${v.packageVersion}\0${f.image?.path ?? ""}` : f.ruleId;
    const list = byPkg.get(key);
    if (list) list.push(f);
    else byPkg.set(key, [f]);
  }
  const titleMax = o.verbose ? 200 : 60;
  const rows = findings.map((f) => ({
    f,
    id: clean(f.ruleId),
    sev: f.severity.toUpperCase(),
    installed: clean(f.vulnerability?.packageVersion ?? ""),
    fixed: clean(truncate(fixedText(f), 32)),
    title: clean(
      [
        ...exploitLabels(f).map((l) => `[${l}]`),
        truncate(oneLine(f.vulnerability?.summary ?? f.message), titleMax)
      ].join(" ")
    )
  }));
  const w = {
    id: Math.max(2, ...rows.map((r) => r.id.length)),
    sev: 8,
    installed: Math.max(9, ...rows.map((r) => r.installed.length)),
    fixed: Math.max(5, ...rows.map((r) => r.fixed.length))
  };
  const rowOf = new Map(rows.map((r) => [r.f, r]));
  const groups = [...byPkg.values()].sort(
    (a, b) => Math.max(...b.map((f) => severityRank(f.severity))) - Math.max(...a.map((f) => severityRank(f.severity))) || compareText(a[0].vulnerability?.packageName ?? "", b[0].vulnerability?.packageName ?? "")
  );
  const out = [];
  for (const list of groups) {
    const first = list[0];
    const v = first.vulnerability;
    const name = v ? `${v.packageName} ${v.packageVersion} (${v.ecosystem})` : first.ruleId;
    const where = [imagePlaceLabel(first), locationLabel(first)].filter(Boolean).join(", ");
    out.push(`  ${p.bold(clean(name))}${where ? p.dim(`  ${clean(where)}`) : ""}`);
    out.push(
      p.dim(
        `    ${cell("ID", w.id)}  ${cell("SEVERITY", w.sev)}  ${cell("INSTALLED", w.installed)}  ${cell("FIXED", w.fixed)}  TITLE`
      )
    );
    const sorted = [...list].sort(
      (a, b) => severityRank(b.severity) - severityRank(a.severity) || compareText(a.ruleId, b.ruleId)
    );
    for (const f of sorted) {
      const r = rowOf.get(f);
      out.push(
        `    ${cell(r.id, w.id)}  ${cell(r.sev, w.sev, p.sev[f.severity])}  ${cell(r.installed, w.installed)}  ${cell(
          r.fixed,
          w.fixed,
          f.fixable ? p.green : void 0
        )}  ${r.title}${p.dim(suppressedNote(f))}`
      );
    }
    out.push("");
  }
  return out;
}
function groupByTarget(result, shown) {
  const groups = /* @__PURE__ */ new Map();
  for (const df of result.dockerfiles) groups.set(`file:${df.path}`, { title: df.path, findings: [] });
  const files = [];
  let image;
  for (const f of shown) {
    const fromImage = f.kind === "manifest" ? !f.location : f.image !== void 0 || f.kind !== "dockerfile" && !f.location;
    if (!fromImage && f.location) {
      const key = `file:${f.location.path}`;
      let g = groups.get(key);
      if (!g) {
        g = { title: f.location.path, findings: [] };
        groups.set(key, g);
        files.push(key);
      }
      g.findings.push(f);
      continue;
    }
    if (!image) {
      const i = result.image;
      const name = i ? imageDisplayName(i.ref, i.digest) ?? i.ref : imageDisplayName(f.image?.ref, f.image?.digest) ?? "image";
      image = { title: `image ${name}`, findings: [] };
    }
    image.findings.push(f);
  }
  if (!image && result.image)
    image = {
      title: `image ${imageDisplayName(result.image.ref, result.image.digest) ?? result.image.ref}`,
      findings: []
    };
  const ordered = [
    ...result.dockerfiles.map((d) => groups.get(`file:${d.path}`)),
    ...files.sort().map((k) => groups.get(k))
  ];
  return image ? [...ordered, image] : ordered;
}
function toText(result, o) {
  const p = palette(o.color);
  const all = sortFindings(result.findings);
  const shown = o.showSuppressed ? all : all.filter((f) => !f.suppressed);
  const out = [];
  const source = sources(result, o.readFile);
  for (const g of groupByTarget(result, shown)) {
    const count = g.findings.length;
    out.push(`${p.bold(clean(g.title))}${p.dim(` (${plural(count, "finding")})`)}`);
    if (count === 0) {
      out.push(`  ${p.green("no findings")}`, "");
      continue;
    }
    const vulns = g.findings.filter((f) => f.kind === "vulnerability");
    for (const f of g.findings.filter((x) => x.kind !== "vulnerability"))
      out.push(...findingBlock(f, result, o, p, source), "");
    if (vulns.length)
      out.push(p.bold(`  Vulnerabilities (${vulns.length})`), ...vulnerabilityTables(vulns, o, p));
  }
  const image = result.image;
  if (o.listPackages && result.packages.length) out.push(...packageTable(result, p));
  if (image?.os)
    out.push(
      p.dim(
        `image: ${plural(result.packages.length, "package")} on ${clean(image.os.prettyName ?? image.os.id)}${image.platform ? ` (${clean(image.platform)})` : ""}${image.os.eol ? ", end of life" : ""}`
      )
    );
  for (const w of result.warnings) out.push(`${p.sev.medium("warning:")} ${clean(oneLine(w))}`);
  const counts = countBySeverity(all);
  const suppressed = all.filter((f) => f.suppressed).length;
  const total = all.length - suppressed;
  const bySev = SEVERITIES_DESC.filter((s) => counts[s] > 0).map((s) => p.sev[s](`${counts[s]} ${s}`)).join(", ");
  out.push(
    `${p.bold(plural(total, "finding"))}${bySev ? ` (${bySev})` : ""}${suppressed ? `, ${suppressed} suppressed${o.showSuppressed ? "" : " (--show-suppressed lists them)"}` : ""}`
  );
  if (result.index) out.push(...platformLines(result.index).map(clean));
  if (result.decision) {
    const [head, ...reasons] = decisionLines(result.decision);
    out.push(result.decision.approved ? p.green(clean(head)) : p.red(clean(head)), ...reasons.map(clean));
  }
  return `${out.join("\n")}
`;
}
export {
  toText
};
