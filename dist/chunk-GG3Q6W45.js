#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  userCategory
} from "./chunk-ZFXYH7RL.js";
import {
  PART_LABEL,
  SEVERITIES_DESC,
  imageDisplayName,
  imagePlaceLabel,
  plural,
  ruleIndex,
  slug,
  truncate
} from "./chunk-6PB7EY26.js";
import {
  ruleHelpUri
} from "./chunk-4W53UNPV.js";
import {
  PARTS,
  sortFindings
} from "./chunk-WXYCZFY5.js";
import {
  isSeverity,
  securitySeverity,
  severityFromScore,
  severityRank
} from "./chunk-LJLRXQKZ.js";
import {
  imageRepository
} from "./chunk-6FSLFHTN.js";
import "./chunk-6QO4RSHM.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";
import {
  mask
} from "./chunk-HYPJQQQ3.js";
import {
  oneLine
} from "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/report/sarif/sarif.ts
import { pathToFileURL } from "node:url";

// src/report/sarif/line-hash.ts
var BLOCK = 100;
var MOD = 37n;
var TAB = 9;
var LF = 10;
var CR = 13;
var SPACE = 32;
var END = 65535;
var FIRST_MOD = (() => {
  let m = 1n;
  for (let i = 0; i < BLOCK; i++) m = BigInt.asIntN(64, m * MOD);
  return m;
})();
function lineHashes(text) {
  const window = new Array(BLOCK).fill(0);
  const lineAt = new Array(BLOCK).fill(-1);
  const counts = /* @__PURE__ */ new Map();
  const out = [];
  let hash = 0n;
  let index = 0;
  let line = 0;
  let atLineStart = true;
  let afterCR = false;
  const emit = () => {
    const hex = BigInt.asUintN(64, hash).toString(16);
    const n = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, n);
    out[lineAt[index] - 1] = `${hex}:${n}`;
    lineAt[index] = -1;
  };
  const push = (c) => {
    const leaving = window[index];
    window[index] = c;
    hash = BigInt.asIntN(64, MOD * hash + BigInt(c) - FIRST_MOD * BigInt(leaving));
    index = (index + 1) % BLOCK;
  };
  const feed = (code) => {
    let c = code;
    if (c === SPACE || c === TAB || afterCR && c === LF) {
      afterCR = false;
      return;
    }
    if (c === CR) {
      c = LF;
      afterCR = true;
    } else afterCR = false;
    if (lineAt[index] !== -1) emit();
    if (atLineStart) {
      atLineStart = false;
      line++;
      lineAt[index] = line;
    }
    if (c === LF) atLineStart = true;
    push(c);
  };
  for (let i = 0; i < text.length; i++) feed(text.charCodeAt(i));
  feed(END);
  for (let i = 0; i < BLOCK; i++) {
    if (lineAt[index] !== -1) emit();
    push(0);
  }
  return out;
}

// src/report/sarif/locations.ts
import { isAbsolute, relative } from "node:path";
var SRCROOT = "%SRCROOT%";
function repoPath(path, repoRoot) {
  let p = path.replace(/\\/g, "/");
  if (isAbsolute(p) && repoRoot) {
    const rel = relative(repoRoot, p).replace(/\\/g, "/");
    if (!rel.startsWith("..")) p = rel;
  }
  return p.replace(/^(\.\/)+/, "");
}
function uriPath(path) {
  return path.split("/").map((s) => encodeURIComponent(s)).join("/");
}
function region(loc, lineText, withSnippet) {
  const startLine = Math.max(1, Math.floor(loc.startLine));
  const r = { startLine };
  if (loc.startColumn && loc.startColumn >= 1) r.startColumn = loc.startColumn;
  if (loc.endLine && loc.endLine >= startLine) r.endLine = loc.endLine;
  if (loc.endColumn && loc.endColumn >= 1) {
    const sameLine = (r.endLine ?? startLine) === startLine;
    if (!sameLine || loc.endColumn > (r.startColumn ?? 1)) r.endColumn = loc.endColumn;
  }
  const snippet = loc.snippet ?? lineText;
  if (withSnippet && snippet !== void 0) r.snippet = { text: snippet };
  return r;
}
function lineOf(ctx, path, line) {
  return ctx.lines(path)?.[line - 1];
}
function repoLocation(ctx, loc, withSnippet) {
  const path = repoPath(loc.path, ctx.repoRoot);
  return {
    artifactLocation: { uri: uriPath(path), uriBaseId: SRCROOT },
    region: region(loc, withSnippet ? lineOf(ctx, path, loc.startLine) : void 0, withSnippet)
  };
}
function finalFromLine(ctx) {
  const df = ctx.result.dockerfiles[0];
  const stage = df?.stages[df.stages.length - 1];
  if (!df || !stage) return void 0;
  const path = repoPath(df.path, ctx.repoRoot);
  const text = lineOf(ctx, path, stage.line);
  const loc = { path, startLine: stage.line, startColumn: 1 };
  if (text !== void 0 && text.length > 0) {
    loc.endLine = stage.line;
    loc.endColumn = text.length + 1;
  }
  return loc;
}
function inImageUri(f, ctx) {
  const p = f.image?.path;
  if (p) return uriPath(p.replace(/^\/+/, ""));
  const ref = f.image?.ref ?? ctx.result.image?.ref;
  return uriPath(ref ? imageRepository({ ref }).replace(/^\/+/, "") : "image");
}
function imageName(f, ctx) {
  return imageDisplayName(f.image?.ref ?? ctx.result.image?.ref, f.image?.digest ?? ctx.result.image?.digest);
}
function imageLocation(f, ctx, id) {
  const name = imageName(f, ctx);
  const place = imagePlaceLabel(f);
  const createdBy = f.image?.createdBy ? `; created by: ${truncate(f.image.createdBy, 160)}` : "";
  const loc = {
    physicalLocation: { artifactLocation: { uri: inImageUri(f, ctx) }, region: { startLine: 1 } },
    logicalLocations: [
      {
        name: f.image?.path ?? name ?? "image",
        fullyQualifiedName: `${name ?? "image"}${f.image?.path ? `:${f.image.path}` : ""}`,
        kind: "resource"
      }
    ],
    message: {
      text: `In image ${name ?? "(unknown)"}${place ? `: ${place}` : ""}${createdBy}.`
    }
  };
  if (id !== void 0) loc.id = id;
  return loc;
}
function placeFinding(f, ctx) {
  const withSnippet = f.kind !== "secret";
  const fromImage = f.image !== void 0 && f.kind !== "dockerfile";
  if (f.location) {
    const out = {
      locations: [{ physicalLocation: repoLocation(ctx, f.location, withSnippet) }],
      source: fromImage ? "layer-instruction" : "dockerfile"
    };
    if (fromImage) out.relatedLocations = [imageLocation(f, ctx, 1)];
    return out;
  }
  if (fromImage || ctx.result.image) {
    const from = finalFromLine(ctx);
    if (from) {
      return {
        locations: [{ physicalLocation: repoLocation(ctx, from, withSnippet) }],
        relatedLocations: [imageLocation(f, ctx, 1)],
        source: "base-image-from"
      };
    }
  }
  return { locations: [imageLocation(f, ctx)], source: "image" };
}

// src/report/sarif/rules.ts
var SARIF_LEVEL = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note"
};
var PRECISION = {
  dockerfile: "very-high",
  manifest: "very-high",
  vulnerability: "high",
  secret: "high",
  config: "very-high",
  malware: "high"
};
var PART_TAG = {
  dockerfile: ["dockerfile"],
  manifest: ["kubernetes"],
  vulnerability: ["vulnerability", "container"],
  secret: ["secret", "container"],
  config: ["image-config", "container"],
  malware: ["malware", "container"]
};
var MAX_TAGS = 20;
function pascalCase(text) {
  const words = text.match(/[A-Za-z0-9]+/g) ?? [];
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  const cut = name.length > 80 ? name.slice(0, 80) : name;
  return /^[A-Za-z]/.test(cut) ? cut : `Rule${cut}`;
}
function isSecurityRule(rule) {
  return rule.kind !== "dockerfile" || rule.tags.some((t) => t.toLowerCase() === "security");
}
function tagsFor(rule) {
  const tags = [];
  const add = (t) => {
    const v = t.trim();
    if (v && !tags.some((x) => x.toLowerCase() === v.toLowerCase())) tags.push(v);
  };
  if (isSecurityRule(rule)) add("security");
  for (const t of PART_TAG[rule.kind]) add(t);
  for (const t of rule.tags) add(t);
  return tags.slice(0, MAX_TAGS);
}
function equivalentsText(eq) {
  if (!eq) return void 0;
  const parts = Object.entries(eq).filter(([, ids]) => Array.isArray(ids) && ids.length > 0).map(([tool, ids]) => `${tool} ${ids.join(", ")}`);
  return parts.length ? parts.join("; ") : void 0;
}
function ruleDescriptor(rule) {
  const helpUri = encodeURI(ruleHelpUri(rule));
  const eq = equivalentsText(rule.equivalents);
  const rel = rule.related && equivalentsText(rule.related.checks);
  const related = rel ? `${rel} (not equivalent: ${rule.related?.differs})` : void 0;
  const text = [
    `${rule.title}.`,
    `What: ${oneLine(rule.description)}`,
    `Why: ${oneLine(rule.rationale)}`,
    `How to fix: ${rule.fix}`,
    eq ? `Equivalent checks: ${eq}.` : void 0,
    related ? `Related checks: ${related}.` : void 0,
    `Documentation: ${helpUri}`
  ].filter(Boolean).join("\n\n");
  const markdown = [
    `**${rule.title}** (\`${rule.id}\`)`,
    `**What:** ${rule.description}`,
    `**Why:** ${rule.rationale}`,
    `**How to fix:**

${rule.fix}`,
    eq ? `**Equivalent checks:** ${eq}` : void 0,
    related ? `**Related checks:** ${related}` : void 0,
    `[Documentation](${helpUri})`
  ].filter(Boolean).join("\n\n");
  return {
    id: rule.id,
    name: pascalCase(rule.title),
    shortDescription: { text: withPeriod(truncate(oneLine(rule.title), 1e3)) },
    fullDescription: { text: withPeriod(oneLine(rule.description)) },
    helpUri,
    help: { text, markdown },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags: tagsFor(rule),
      precision: PRECISION[rule.kind],
      "security-severity": securitySeverity(rule.severity),
      ...rule.equivalents ? { equivalents: rule.equivalents } : {}
    }
  };
}
function withPeriod(s) {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
function maxScore(findings) {
  let best;
  for (const f of findings) {
    const v = f.vulnerability;
    const scores = [v?.score, ...(v?.cvss ?? []).map((c) => c.score)].filter(
      (s) => typeof s === "number" && Number.isFinite(s)
    );
    for (const s of scores) if (best === void 0 || s > best) best = s;
  }
  return best;
}
function mostSevere(findings) {
  let s = "info";
  for (const f of findings) if (severityRank(f.severity) > severityRank(s)) s = f.severity;
  return s;
}
var MAX_REFERENCES = 15;
function vulnerabilityDescriptor(id, findings, meta) {
  const details = findings.map((f) => f.vulnerability).filter((v) => v !== void 0);
  const first = details[0];
  const severity = findings.length ? mostSevere(findings) : meta?.severity ?? "info";
  const score = maxScore(findings);
  const securitySev = score !== void 0 ? score.toFixed(1) : securitySeverity(severity);
  const summary = first?.summary ?? meta?.title;
  const aliases = [...new Set(details.flatMap((d) => d.aliases))].filter((a) => a !== id);
  const refs = [...new Set(details.flatMap((d) => d.references))];
  const helpUri = encodeURI(ruleHelpUri({ id, kind: "vulnerability" }));
  const packages = /* @__PURE__ */ new Map();
  for (const d of details) {
    const key = `${d.ecosystem}\0${d.packageName}\0${d.packageVersion}`;
    if (!packages.has(key))
      packages.set(key, {
        name: d.packageName,
        installed: d.packageVersion,
        fixed: d.fixedVersions.length ? d.fixedVersions.join(", ") : fixStateText(d.fixState),
        ecosystem: d.ecosystem
      });
  }
  const pkgs = [...packages.values()];
  const cvss = details.flatMap((d) => d.cvss ?? []);
  const uniqueCvss = [...new Map(cvss.map((c) => [`${c.source}|${c.vector}`, c])).values()];
  const title = summary ? `${id}: ${oneLine(summary)}` : `${id} in ${pkgs.map((p) => p.name).join(", ") || "a package"}`;
  const severityLine = `Severity: ${severity}${score !== void 0 ? ` (CVSS ${score.toFixed(1)})` : ""}${first?.severitySource ? `, from ${first.severitySource}` : ""}.`;
  const text = [
    title,
    aliases.length ? `Aliases: ${aliases.join(", ")}.` : void 0,
    severityLine,
    ...pkgs.map((p) => `Package ${p.name} (${p.ecosystem}) ${p.installed}; fixed in: ${p.fixed}.`),
    ...uniqueCvss.map((c) => `CVSS ${c.version} (${c.source}): ${c.vector} = ${c.score}`),
    pkgs.some((p) => !/^(no fix|unknown|will not)/.test(p.fixed)) ? "How to fix: upgrade the package to a fixed version, or rebuild on a newer base image that contains it." : "How to fix: no fixed version is known yet; rebuild regularly on a maintained base image, or remove the package if it is not needed.",
    refs.length ? `References:
${refs.slice(0, MAX_REFERENCES).join("\n")}` : void 0
  ].filter(Boolean).join("\n\n");
  const markdown = [
    `**${mdEscapeLite(title)}**`,
    aliases.length ? `**Aliases:** ${aliases.map(mdEscapeLite).join(", ")}` : void 0,
    severityLine,
    [
      "| Package | Ecosystem | Installed | Fixed in |",
      "| --- | --- | --- | --- |",
      ...pkgs.map(
        (p) => `| ${cell(p.name)} | ${cell(p.ecosystem)} | ${cell(p.installed)} | ${cell(p.fixed)} |`
      )
    ].join("\n"),
    uniqueCvss.length ? uniqueCvss.map((c) => `- CVSS ${c.version} (${cell(c.source)}): \`${c.vector}\` = ${c.score}`).join("\n") : void 0,
    pkgs.some((p) => !/^(no fix|unknown|will not)/.test(p.fixed)) ? "**How to fix:** upgrade the package to a fixed version, or rebuild on a newer base image that contains it." : "**How to fix:** no fixed version is known yet; rebuild regularly on a maintained base image, or remove the package if it is not needed.",
    refs.length ? `**References:**

${refs.slice(0, MAX_REFERENCES).map((r) => `- <${r.replace(/[<>\s]/g, encodeURIComponent)}>`).join("\n")}` : void 0
  ].filter(Boolean).join("\n\n");
  const tags = ["security", "vulnerability", "container", ...meta?.tags ?? []];
  for (const p of pkgs) tags.push(p.ecosystem.toLowerCase());
  return {
    id,
    name: pascalCase(`Vulnerability ${id}`),
    shortDescription: { text: withPeriod(truncate(title, 1e3)) },
    fullDescription: { text: withPeriod(truncate(summary ? oneLine(summary) : title, 4e3)) },
    helpUri,
    help: { text, markdown },
    defaultConfiguration: { level: SARIF_LEVEL[severity] },
    properties: {
      tags: [...new Set(tags)].slice(0, MAX_TAGS),
      precision: PRECISION.vulnerability,
      "security-severity": securitySev,
      ...aliases.length ? { aliases } : {},
      ...score !== void 0 ? { cvssScore: score, cvssSeverity: severityFromScore(score) } : {}
    }
  };
}
function fixStateText(s) {
  if (s === "wont-fix") return "will not be fixed";
  if (s === "unknown") return "unknown";
  return "no fix yet";
}
function mdEscapeLite(s) {
  return oneLine(s).replace(/[\\`*_{}[\]()<>#|!~&]/g, (c) => `\\${c}`);
}
function cell(s) {
  return mdEscapeLite(s);
}

// src/report/sarif/sarif.ts
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/shipgate/shipgate";
var FINGERPRINT_KEY = "shipgate/v1";
function partsOf(result, options = {}) {
  if (options.parts) return PARTS.filter((p) => options.parts?.includes(p));
  if (result.parts) return PARTS.filter((p) => result.parts?.includes(p));
  const present = /* @__PURE__ */ new Set();
  for (const f of result.findings) present.add(f.kind);
  for (const r of result.rules) present.add(r.kind);
  if (result.dockerfiles.length) present.add("dockerfile");
  if (result.image) present.add("vulnerability");
  return PARTS.filter((p) => present.has(p));
}
function defaultCategory(result, part, repoRoot = "") {
  const dockerfiles = result.dockerfiles.map((d) => repoPath(d.path, repoRoot)).sort();
  if (dockerfiles.length === 0) {
    for (const f of result.findings)
      if (f.kind === "dockerfile" && f.location) dockerfiles.push(f.location.path);
  }
  const image = result.image ? imageRepository(result.image) : void 0;
  if (part === "manifest") return slug(image ?? "default", (s) => stableHash(s));
  const target = part === "dockerfile" ? dockerfiles.length ? [...new Set(dockerfiles)].join("+") : image : image ?? (dockerfiles.length ? [...new Set(dockerfiles)].join("+") : void 0);
  return slug(target ?? "default", (s) => stableHash(s));
}
function automationId(result, part, options) {
  const given = userCategory(options.category);
  if (given) return `${given}${part}/`;
  return `shipgate/${part}/${defaultCategory(result, part, options.repoRoot) || "default"}/`;
}
function suppressionOf(s) {
  const why = s.reason ?? {
    inline: "suppressed by an inline pragma",
    policy: "ignored by policy",
    vex: "not affected according to a VEX statement",
    "hadolint-config": "ignored in .hadolint.yaml",
    baseline: "in the accepted baseline"
  }[s.kind];
  return {
    kind: s.kind === "inline" ? "inSource" : "external",
    status: "accepted",
    justification: `${why}${s.expires ? ` (until ${s.expires})` : ""}`,
    properties: { shipgateKind: s.kind, ...s.expires ? { expires: s.expires } : {} }
  };
}
function messageText(f, result, fromLineFallback) {
  const parts = [f.message.trim()];
  if (!/[.!?]$/.test(parts[0])) parts[0] = `${parts[0]}.`;
  if (f.image || f.kind !== "dockerfile" && f.kind !== "manifest" && result.image) {
    const name = imageDisplayName(f.image?.ref ?? result.image?.ref, f.image?.digest ?? result.image?.digest);
    if (name) parts.push(`Image: ${name}.`);
    const v = f.vulnerability;
    if (v && !parts[0]?.includes(`${v.packageName} ${v.packageVersion}`))
      parts.push(`Package: ${v.packageName} ${v.packageVersion} (${v.ecosystem}).`);
    const place = imagePlaceLabel(f);
    if (place) parts.push(`In image: ${place}.`);
    if (f.image?.createdBy) parts.push(`Layer created by: ${truncate(f.image.createdBy.trim(), 160)}.`);
    if (fromLineFallback)
      parts.push(
        "Shown on the final stage's FROM line: the layer comes from the base image or could not be mapped to an instruction."
      );
  }
  if (f.fix) parts.push(`Fix: ${f.fix.trim()}${/[.!?]$/.test(f.fix.trim()) ? "" : "."}`);
  return parts.join(" ");
}
function resultProperties(f, source) {
  const p = { severity: f.severity, part: f.kind, locationSource: source };
  if (f.fixable !== void 0) p.fixable = f.fixable;
  const i = f.image;
  if (i) {
    if (i.ref) p.image = i.ref;
    if (i.digest) p.imageDigest = i.digest;
    if (i.path) p.pathInImage = i.path;
    if (i.layerIndex !== void 0) p.layerIndex = i.layerIndex;
    if (i.layerDigest) p.layerDigest = i.layerDigest;
    if (i.createdBy) p.layerCreatedBy = truncate(i.createdBy, 500);
    if (i.deleted) p.deletedInLaterLayer = true;
  }
  const v = f.vulnerability;
  if (v) {
    p.package = v.packageName;
    p.installedVersion = v.packageVersion;
    p.ecosystem = v.ecosystem;
    if (v.purl) p.purl = v.purl;
    p.fixedVersions = v.fixedVersions;
    p.fixState = v.fixState;
    if (v.epss) {
      p.epss = v.epss.score;
      p.epssPercentile = v.epss.percentile;
      p.epssDate = v.epss.date;
    }
    if (v.kev) {
      p.kev = true;
      p.kevDateAdded = v.kev.dateAdded;
      if (v.kev.ransomware) p.kevRansomware = true;
    }
  }
  if (f.properties && Object.keys(f.properties).length) p.details = f.properties;
  return p;
}
function rulesForPart(part, findings, metas) {
  const byRule = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const ids = [...byRule.keys()].sort();
  return ids.map((id) => {
    const meta = metas.get(id);
    const fs = byRule.get(id) ?? [];
    if (part === "vulnerability" || !meta && fs.some((f) => f.vulnerability))
      return vulnerabilityDescriptor(id, fs, meta);
    return ruleDescriptor(meta ?? fallbackMeta(id, part, fs));
  });
}
function fallbackMeta(id, kind, findings) {
  const f = findings[0];
  return {
    id,
    kind,
    title: id,
    severity: f?.severity ?? "info",
    description: f?.message ?? id,
    rationale: "See the documentation of this rule.",
    fix: f?.fix ?? "See the documentation of this rule.",
    tags: []
  };
}
function buildRun(part, findings, result, options, files) {
  const metas = ruleIndex(result);
  const rules = rulesForPart(part, findings, metas);
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  const ctx = { result, repoRoot: options.repoRoot, lines: files.lines };
  const results = findings.map((f) => {
    const placed = placeFinding(f, ctx);
    const r = {
      ruleId: f.ruleId,
      ruleIndex: indexOf.get(f.ruleId) ?? 0,
      level: SARIF_LEVEL[f.severity],
      message: { text: messageText(f, result, placed.source === "base-image-from") },
      locations: placed.locations,
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: resultProperties(f, placed.source)
    };
    if (placed.relatedLocations) r.relatedLocations = placed.relatedLocations;
    const phys = placed.locations[0]?.physicalLocation;
    const line = phys?.region?.startLine;
    if (placed.source === "dockerfile" && phys?.artifactLocation?.uriBaseId === SRCROOT && line && phys.artifactLocation.uri) {
      const h = files.hashes(decodeURIComponent(phys.artifactLocation.uri))?.[line - 1];
      if (h && r.partialFingerprints) r.partialFingerprints.primaryLocationLineHash = h;
    }
    if (f.suppressed) r.suppressions = [suppressionOf(f.suppressed)];
    return r;
  });
  const id = automationId(result, part, options);
  const run = {
    tool: {
      driver: {
        name: "shipgate",
        fullName: `shipgate (${PART_LABEL[part].toLowerCase()})`,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: INFORMATION_URI,
        rules,
        properties: { part }
      }
    },
    automationDetails: {
      id,
      description: {
        text: `shipgate ${PART_LABEL[part].toLowerCase()} results for ${options.category?.trim() || defaultCategory(result, part, options.repoRoot)}.`
      }
    },
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri(options.repoRoot) } },
    invocations: [
      {
        executionSuccessful: true,
        ...validDate(result.startedAt) ? { startTimeUtc: result.startedAt } : {},
        ...validDate(result.finishedAt) ? { endTimeUtc: result.finishedAt } : {},
        ...result.warnings.length ? {
          toolExecutionNotifications: result.warnings.map((w) => ({
            level: "warning",
            message: { text: w }
          }))
        } : {}
      }
    ],
    columnKind: "utf16CodeUnits",
    results,
    properties: runProperties(part, result, options)
  };
  if (options.vcs) {
    run.versionControlProvenance = [
      {
        repositoryUri: options.vcs.repositoryUri,
        ...options.vcs.revisionId ? { revisionId: options.vcs.revisionId } : {},
        ...options.vcs.branch ? { branch: options.vcs.branch } : {},
        mappedTo: { uriBaseId: SRCROOT }
      }
    ];
  }
  return run;
}
function validDate(s) {
  return typeof s === "string" && !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s);
}
function runProperties(part, result, options) {
  const p = { part };
  if (part === "dockerfile" || result.dockerfiles.length)
    p.dockerfiles = result.dockerfiles.map((d) => repoPath(d.path, options.repoRoot));
  if (part !== "dockerfile" && result.image) {
    p.image = result.image.ref;
    if (result.image.digest) p.imageDigest = result.image.digest;
    if (result.image.platform) p.platform = result.image.platform;
    if (result.image.os)
      p.os = `${result.image.os.id}${result.image.os.versionId ? ` ${result.image.os.versionId}` : ""}`;
  }
  return p;
}
function rootUri(repoRoot) {
  const href = pathToFileURL(repoRoot || "/").href;
  return href.endsWith("/") ? href : `${href}/`;
}
function maskDeep(value) {
  if (typeof value === "string") return mask(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v);
    return out;
  }
  return value;
}
function sourceFiles(readFile) {
  const lines = /* @__PURE__ */ new Map();
  const hashes = /* @__PURE__ */ new Map();
  const linesOf = (path) => {
    if (!readFile) return void 0;
    if (!lines.has(path)) lines.set(path, readFile(path)?.split(/\r\n|\r|\n/));
    return lines.get(path);
  };
  return {
    lines: linesOf,
    hashes: (path) => {
      if (!readFile) return void 0;
      if (!hashes.has(path)) {
        const text = readFile(path);
        hashes.set(path, text === void 0 ? void 0 : lineHashes(text));
      }
      return hashes.get(path);
    }
  };
}
function toSarif(result, options) {
  const files = sourceFiles(options.readFile);
  const sorted = sortFindings(result.findings);
  const runs = partsOf(result, options).map(
    (part) => buildRun(
      part,
      sorted.filter((f) => f.kind === part),
      result,
      options,
      files
    )
  );
  return maskDeep({ $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs });
}

// src/report/sarif/limits.ts
import { gzipSync } from "node:zlib";
var GITHUB_SARIF_LIMITS = {
  maxGzipBytes: 10 * 1e3 * 1e3,
  maxRuns: 20,
  maxResultsPerRun: 25e3,
  maxLocationsPerResult: 1e3,
  maxRelatedLocationsPerResult: 1e3,
  maxThreadFlowLocationsPerResult: 1e4,
  maxRulesPerRun: 25e3,
  maxTagsPerRule: 20
};
var LEVEL_RANK = { error: 3, warning: 2, note: 1, none: 0 };
function resultSeverity(r) {
  const s = r.properties?.severity;
  return isSeverity(s) ? s : void 0;
}
function importance(r, run) {
  const sev = resultSeverity(r);
  const rank = sev !== void 0 ? severityRank(sev) : LEVEL_RANK[r.level ?? "warning"] ?? 2;
  const suppressed = r.suppressions?.length ? 0 : 1;
  const rule = ruleOf(r, run);
  const score = Number(rule?.properties?.["security-severity"]);
  return [rank, suppressed, Number.isFinite(score) ? score : 0];
}
function compareImportance(a, b) {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
function ruleOf(r, run) {
  const rules = run.tool.driver.rules ?? [];
  if (r.ruleIndex !== void 0 && rules[r.ruleIndex]?.id === (r.ruleId ?? rules[r.ruleIndex]?.id))
    return rules[r.ruleIndex];
  return r.ruleId ? rules.find((x) => x.id === r.ruleId) : void 0;
}
function runName(run, i) {
  return run.automationDetails?.id ?? `run ${i + 1}`;
}
function describeDropped(results) {
  const counts = /* @__PURE__ */ new Map();
  for (const r of results) {
    const k = resultSeverity(r) ?? r.level ?? "warning";
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const order = [...SEVERITIES_DESC, "error", "warning", "note", "none"];
  return [...counts.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([k, n]) => `${n} ${k}`).join(", ");
}
function noteTrim(target, key, n) {
  target.properties = { ...target.properties ?? {}, [key]: n };
}
function capLocations(result, limits, t) {
  if (result.locations && result.locations.length > limits.maxLocationsPerResult) {
    const n = result.locations.length - limits.maxLocationsPerResult;
    result.locations = result.locations.slice(0, limits.maxLocationsPerResult);
    t.locations += n;
    noteTrim(result, "shipgateTrimmedLocations", n);
  }
  if (result.relatedLocations && result.relatedLocations.length > limits.maxRelatedLocationsPerResult) {
    const n = result.relatedLocations.length - limits.maxRelatedLocationsPerResult;
    result.relatedLocations = result.relatedLocations.slice(0, limits.maxRelatedLocationsPerResult);
    t.relatedLocations += n;
    noteTrim(result, "shipgateTrimmedRelatedLocations", n);
  }
  let budget = limits.maxThreadFlowLocationsPerResult;
  let dropped = 0;
  for (const flow of result.codeFlows ?? [])
    for (const tf of flow.threadFlows) {
      const keep = Math.max(0, Math.min(tf.locations.length, budget));
      dropped += tf.locations.length - keep;
      tf.locations = tf.locations.slice(0, keep);
      budget -= keep;
    }
  if (dropped) {
    for (const flow of result.codeFlows ?? [])
      flow.threadFlows = flow.threadFlows.filter((tf) => tf.locations.length);
    result.codeFlows = result.codeFlows?.filter((f) => f.threadFlows.length);
    if (!result.codeFlows?.length) delete result.codeFlows;
    t.threadFlowLocations += dropped;
    noteTrim(result, "shipgateTrimmedThreadFlowLocations", dropped);
  }
}
function reindex(results, oldRules, rules) {
  const idx = new Map(rules.map((r, i) => [r.id, i]));
  for (const r of results) {
    const id = r.ruleId ?? (r.ruleIndex !== void 0 ? oldRules[r.ruleIndex]?.id : void 0);
    if (id === void 0) continue;
    r.ruleId = id;
    const i = idx.get(id);
    if (i === void 0) delete r.ruleIndex;
    else r.ruleIndex = i;
  }
}
function pruneRules(run) {
  const rules = run.tool.driver.rules ?? [];
  const results = run.results ?? [];
  const used = /* @__PURE__ */ new Set();
  for (const r of results) {
    const id = r.ruleId ?? (r.ruleIndex !== void 0 ? rules[r.ruleIndex]?.id : void 0);
    if (id) used.add(id);
  }
  const kept = rules.filter((r) => used.has(r.id));
  if (kept.length === rules.length) return 0;
  reindex(results, rules, kept);
  run.tool.driver.rules = kept;
  return rules.length - kept.length;
}
function mergeRuns(runs) {
  const first = runs[0];
  const ids = runs.map((r, i) => runName(r, i));
  const rules = [];
  const seen = /* @__PURE__ */ new Set();
  const results = [];
  for (const run of runs) {
    const old = run.tool.driver.rules ?? [];
    for (const rule of old)
      if (!seen.has(rule.id)) {
        seen.add(rule.id);
        rules.push(rule);
      }
    const rs = run.results ?? [];
    for (const r of rs) {
      if (r.ruleId === void 0 && r.ruleIndex !== void 0) r.ruleId = old[r.ruleIndex]?.id;
      r.properties = { ...r.properties ?? {}, mergedFrom: run.automationDetails?.id };
    }
    results.push(...rs);
  }
  reindex(results, [], rules);
  const prefix = first.tool.driver.name === "shipgate" ? "shipgate/" : "";
  return {
    ...first,
    tool: { ...first.tool, driver: { ...first.tool.driver, rules, properties: { part: "merged" } } },
    automationDetails: {
      id: `${prefix}merged/${stableHash(ids.join("\n")).slice(0, 12)}/`,
      description: { text: `Merged runs: ${ids.join(", ")}.` }
    },
    results,
    properties: { ...first.properties ?? {}, part: "merged", mergedRuns: ids }
  };
}
function gzipSize(log) {
  return gzipSync(JSON.stringify(log)).length;
}
function dropLeastImportant(runs, count, only) {
  const all = [];
  for (const run of only ? [only] : runs)
    (run.results ?? []).forEach((r, pos) => all.push({ run, r, key: importance(r, run), pos }));
  all.sort((a, b) => compareImportance(a.key, b.key) || b.pos - a.pos);
  const drop = all.slice(0, count);
  const dropSet = new Set(drop.map((d) => d.r));
  for (const run of only ? [only] : runs)
    if (run.results) run.results = run.results.filter((r) => !dropSet.has(r));
  return drop.map((d) => d.r);
}
function limitForGitHub(log, limits = {}) {
  const L = { ...GITHUB_SARIF_LIMITS, ...limits };
  const out = structuredClone(log);
  const t = {
    results: 0,
    locations: 0,
    relatedLocations: 0,
    threadFlowLocations: 0,
    rules: 0,
    tags: 0,
    runsMerged: 0
  };
  const warnings = [];
  let tagRules = 0;
  for (const run of out.runs)
    for (const rule of run.tool.driver.rules ?? []) {
      const tags = rule.properties?.tags;
      if (Array.isArray(tags) && tags.length > L.maxTagsPerRule) {
        t.tags += tags.length - L.maxTagsPerRule;
        tagRules++;
        rule.properties = { ...rule.properties, tags: tags.slice(0, L.maxTagsPerRule) };
      }
    }
  if (t.tags)
    warnings.push(
      `SARIF: ${plural(tagRules, "rule")} had more than ${L.maxTagsPerRule} tags; dropped ${plural(t.tags, "tag")} (GitHub rejects more).`
    );
  const capped = { loc: 0, rel: 0, flow: 0 };
  for (const run of out.runs)
    for (const r of run.results ?? []) {
      const before = { ...t };
      capLocations(r, L, t);
      if (t.locations > before.locations) capped.loc++;
      if (t.relatedLocations > before.relatedLocations) capped.rel++;
      if (t.threadFlowLocations > before.threadFlowLocations) capped.flow++;
    }
  if (t.locations)
    warnings.push(
      `SARIF: ${plural(capped.loc, "result")} had more than ${L.maxLocationsPerResult} locations; dropped ${plural(t.locations, "location")} (GitHub rejects more).`
    );
  if (t.relatedLocations)
    warnings.push(
      `SARIF: ${plural(capped.rel, "result")} had more than ${L.maxRelatedLocationsPerResult} related locations; dropped ${plural(t.relatedLocations, "related location")} (GitHub rejects more).`
    );
  if (t.threadFlowLocations)
    warnings.push(
      `SARIF: ${plural(capped.flow, "result")} had more than ${L.maxThreadFlowLocationsPerResult} code-flow locations; dropped ${t.threadFlowLocations}.`
    );
  if (out.runs.length > L.maxRuns) {
    const keep = Math.max(0, L.maxRuns - 1);
    const tail = out.runs.slice(keep);
    const merged = mergeRuns(tail);
    t.runsMerged = tail.length;
    out.runs = [...out.runs.slice(0, keep), merged];
    warnings.push(
      `SARIF: ${out.runs.length + tail.length - 1} runs exceed GitHub's limit of ${L.maxRuns}; merged the last ${tail.length} into one run with category ${merged.automationDetails?.id}.`
    );
  }
  out.runs.forEach((run, i) => {
    const results = run.results ?? [];
    if (results.length > L.maxResultsPerRun) {
      const dropped = dropLeastImportant(out.runs, results.length - L.maxResultsPerRun, run);
      t.results += dropped.length;
      noteTrim(run, "shipgateTrimmedResults", dropped.length);
      warnings.push(
        `SARIF: run ${runName(run, i)} had ${results.length} results, over GitHub's limit of ${L.maxResultsPerRun}; dropped the ${dropped.length} least severe (${describeDropped(dropped)}). The JSON report lists every finding.`
      );
      t.rules += pruneRules(run);
    }
    const rules = run.tool.driver.rules ?? [];
    if (rules.length > L.maxRulesPerRun) {
      const score = (r) => Number(r.properties?.["security-severity"]) || 0;
      const order = rules.map((r, idx) => ({ r, idx })).sort((a, b) => score(a.r) - score(b.r) || b.idx - a.idx);
      const dropIds = new Set(order.slice(0, rules.length - L.maxRulesPerRun).map((x) => x.r.id));
      const before = run.results?.length ?? 0;
      run.results = (run.results ?? []).filter(
        (r) => !dropIds.has(r.ruleId ?? rules[r.ruleIndex ?? -1]?.id ?? "")
      );
      const kept = rules.filter((r) => !dropIds.has(r.id));
      reindex(run.results, rules, kept);
      run.tool.driver.rules = kept;
      t.rules += dropIds.size;
      t.results += before - run.results.length;
      warnings.push(
        `SARIF: run ${runName(run, i)} had ${rules.length} rules, over GitHub's limit of ${L.maxRulesPerRun}; dropped the ${dropIds.size} least severe rules and their ${before - run.results.length} results.`
      );
    }
  });
  let size = gzipSize(out);
  if (size > L.maxGzipBytes) {
    const startSize = size;
    const dropped = [];
    for (let guard = 0; size > L.maxGzipBytes && guard < 50; guard++) {
      const total = out.runs.reduce((n2, r) => n2 + (r.results?.length ?? 0), 0);
      if (total === 0) break;
      const share = 1 - L.maxGzipBytes / size;
      const n = Math.min(total, Math.max(1, Math.ceil(total * share * 1.05)));
      dropped.push(...dropLeastImportant(out.runs, n));
      for (const run of out.runs) t.rules += pruneRules(run);
      size = gzipSize(out);
    }
    t.results += dropped.length;
    warnings.push(
      `SARIF: compressed size ${mb(startSize)} is over GitHub's limit of ${mb(L.maxGzipBytes)}; dropped the ${dropped.length} least severe results (${describeDropped(dropped)}) to reach ${mb(size)}.`
    );
    if (size > L.maxGzipBytes)
      warnings.push(
        `SARIF: still ${mb(size)} compressed without any results; GitHub will reject this upload (rule help texts are too large).`
      );
  }
  return { log: out, trimmed: t, warnings, gzipBytes: size };
}
function mb(bytes) {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}
export {
  FINGERPRINT_KEY,
  GITHUB_SARIF_LIMITS,
  defaultCategory,
  limitForGitHub,
  lineHashes,
  rootUri,
  toSarif
};
