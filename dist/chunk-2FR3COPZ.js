#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  PART_LABEL,
  SEVERITIES_DESC,
  exploitLabels,
  fixabilityTable,
  imageDisplayName,
  imagePlaceLabel,
  limitForGitHub,
  locationLabel,
  plural,
  ruleIndex,
  toSarif,
  truncate,
  writeReportFile,
  writeReportStdout
} from "./chunk-SVCZTZML.js";
import {
  ruleHelpUri
} from "./chunk-4W53UNPV.js";
import {
  PARTS,
  sortFindings
} from "./chunk-K47NRAYF.js";
import {
  decisionHeadline,
  decisionLines,
  platformLines
} from "./chunk-MEPUX6SS.js";
import {
  countBySeverity
} from "./chunk-U65Y67VX.js";
import {
  severityRank
} from "./chunk-LJLRXQKZ.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  maskRange
} from "./chunk-6INDVNBY.js";
import {
  stableHash
} from "./chunk-NBX24EBK.js";
import {
  logger,
  mask
} from "./chunk-GMQYA5PP.js";
import {
  oneLine,
  printable,
  stripControl
} from "./chunk-KDR2SZEQ.js";

// src/report/write.ts
import { readFileSync } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/report/gitlab/index.ts
import { mkdir, readFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";

// src/report/gitlab/code-quality.ts
var SEVERITY = {
  critical: "blocker",
  high: "critical",
  medium: "major",
  low: "minor",
  info: "info"
};
var KIND_CATEGORY = {
  dockerfile: "Style",
  manifest: "Security",
  vulnerability: "Security",
  secret: "Security",
  config: "Security",
  malware: "Security"
};
var TAG_CATEGORY = {
  security: "Security",
  "supply-chain": "Security",
  secrets: "Security",
  "least-privilege": "Security",
  "attack-surface": "Security",
  provenance: "Security",
  tls: "Security",
  correctness: "Bug Risk",
  reliability: "Bug Risk",
  reproducibility: "Bug Risk",
  size: "Performance",
  cache: "Performance",
  portability: "Compatibility",
  deprecated: "Compatibility",
  readability: "Clarity",
  style: "Style"
};
function categories(f, rule) {
  const out = /* @__PURE__ */ new Set();
  for (const t of rule?.tags ?? []) {
    const c = TAG_CATEGORY[t];
    if (c) out.add(c);
  }
  if (out.size === 0) out.add(KIND_CATEGORY[f.kind]);
  return [...out].sort();
}
function fallbackLocation(dockerfiles) {
  const d = dockerfiles[0];
  const stage = d?.stages.at(-1);
  return d && stage ? { path: d.path, line: stage.line } : void 0;
}
function describe(f, attached) {
  const text = oneLine(stripControl(f.message));
  if (!attached) return truncate(text, 2e3);
  const place = imagePlaceLabel(f);
  return truncate(place ? `${text} (in the image: ${place})` : `${text} (in the image)`, 2e3);
}
function buildCodeQualityReport(result) {
  const fallback = fallbackLocation(result.dockerfiles);
  const rules = ruleIndex(result);
  const issues = [];
  let skipped = 0;
  for (const f of sortFindings(result.findings)) {
    if (f.suppressed || f.kind === "vulnerability") continue;
    const loc = f.location ? { path: f.location.path, line: f.location.startLine, end: f.location.endLine } : fallback && { path: fallback.path, line: fallback.line, end: void 0 };
    if (!loc) {
      skipped++;
      continue;
    }
    const lines = { begin: Math.max(1, loc.line) };
    if (loc.end !== void 0 && loc.end > lines.begin) lines.end = loc.end;
    issues.push({
      type: "issue",
      engine_name: "shipgate",
      check_name: f.ruleId,
      description: describe(f, !f.location),
      categories: categories(f, rules.get(f.ruleId)),
      fingerprint: stableHash("gitlab-codequality", f.fingerprint),
      severity: SEVERITY[f.severity],
      location: { path: loc.path, lines }
    });
  }
  return { issues, skipped };
}

// src/report/gitlab/dotenv.ts
function dotenvVariables(result) {
  const counts = countBySeverity(result.findings);
  const vars = {
    SHIPGATE_APPROVED: result.decision?.approved === true ? "true" : "false"
  };
  if (result.image?.ref) vars.SHIPGATE_IMAGE = result.image.ref;
  if (result.image?.digest) vars.SHIPGATE_DIGEST = result.image.digest;
  for (const s of SEVERITIES_DESC) vars[`SHIPGATE_${s.toUpperCase()}`] = String(counts[s]);
  vars.SHIPGATE_SUPPRESSED = String(result.findings.filter((f) => f.suppressed).length);
  return vars;
}
function formatDotenv(vars) {
  const lines = [];
  for (const [k, v] of Object.entries(vars)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) continue;
    lines.push(`${k}=${v.replace(/[\u0000-\u001f\u007f]/g, " ").trim()}`);
  }
  return `${lines.join("\n")}
`;
}

// src/report/gitlab/common.ts
import { createHash } from "node:crypto";
var SCHEMA_VERSION = "15.2.4";
function schemaUrl(kind) {
  return `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${SCHEMA_VERSION}/dist/${kind}-report-format.json`;
}
var PROJECT_URL = "https://github.com/shipgate/shipgate";
var SEVERITY_NAME = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info"
};
function gitlabSeverity(f) {
  const v = f.vulnerability;
  if (v?.severitySource?.toLowerCase().startsWith("unknown")) return "Unknown";
  if (f.severity === "info" && v && v.score === void 0 && !v.cvss?.length && !v.severitySource)
    return "Unknown";
  return SEVERITY_NAME[f.severity];
}
function gitlabTime(iso, fallback = /* @__PURE__ */ new Date()) {
  const d = iso ? new Date(iso) : fallback;
  const t = Number.isNaN(d.getTime()) ? fallback : d;
  return t.toISOString().slice(0, 19);
}
function uuidV5(namespace, name) {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const h = createHash("sha1").update(ns).update(name, "utf8").digest();
  h[6] = h[6] & 15 | 80;
  h[8] = h[8] & 63 | 128;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
var ID_NAMESPACE = "5b0f4c1e-6a8d-4d3f-9b7e-2c1a0d9e8f70";
function uuidFromName(name) {
  return uuidV5(ID_NAMESPACE, name);
}
function identifierFor(id) {
  const upper = id.toUpperCase();
  if (/^CVE-\d{4}-\d+$/.test(upper))
    return { type: "cve", name: upper, value: upper, url: `https://nvd.nist.gov/vuln/detail/${upper}` };
  if (/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i.test(id))
    return { type: "ghsa", name: id, value: id, url: `https://github.com/advisories/${id}` };
  if (/^CWE-\d+$/.test(upper)) {
    const n = upper.slice(4);
    return { type: "cwe", name: upper, value: n, url: `https://cwe.mitre.org/data/definitions/${n}.html` };
  }
  const prefix = /^([A-Za-z]+)-/.exec(id)?.[1]?.toLowerCase() ?? "osv";
  return {
    type: prefix,
    name: id,
    value: id,
    url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`
  };
}
var MAX_IDENTIFIERS = 20;
function vulnerabilityIdentifiers(v) {
  const ids = [...new Set([v.id, ...v.aliases].filter((s) => s.trim() !== ""))];
  const cve = ids.find((i) => /^CVE-\d{4}-\d+$/i.test(i));
  const ordered2 = cve ? [cve, ...ids.filter((i) => i !== cve)] : ids;
  return ordered2.slice(0, MAX_IDENTIFIERS).map(identifierFor);
}
var URL_RE = /^(https?|ftp):\/\/.+/;
function links(urls) {
  return [...new Set(urls.filter((u) => URL_RE.test(u)))].map((url) => ({ url }));
}
var CVSS2 = /^((AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))\/)*(AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))$/;
var CVSS3_PART = "(AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])";
var CVSS3 = new RegExp(`^CVSS:3[.][01]/(${CVSS3_PART}/)*${CVSS3_PART}$`);
var CVSS4 = /^CVSS:4[.]0\/AV:[NALP]\/AC:[LH]\/AT:[NP]\/PR:[NLH]\/UI:[NPA]\/VC:[HLN]\/VI:[HLN]\/VA:[HLN]\/SC:[HLN]\/SI:[HLN]\/SA:[HLN](\/E:[XAPU])?(\/CR:[XHML])?(\/IR:[XHML])?(\/AR:[XHML])?(\/MAV:[XNALP])?(\/MAC:[XLH])?(\/MAT:[XNP])?(\/MPR:[XNLH])?(\/MUI:[XNPA])?(\/MVC:[XNLH])?(\/MVI:[XNLH])?(\/MVA:[XNLH])?(\/MSC:[XNLH])?(\/MSI:[XNLHS])?(\/MSA:[XNLHS])?(\/S:[XNP])?(\/AU:[XNY])?(\/R:[XAUI])?(\/V:[XDC])?(\/RE:[XLMH])?(\/U:(X|Clear|Green|Amber|Red))?$/;
function validCvssVector(vector) {
  const n = vector.length;
  if (vector.startsWith("CVSS:4")) return n >= 32 && n <= 256 && CVSS4.test(vector);
  if (vector.startsWith("CVSS:3")) return n >= 32 && n <= 128 && CVSS3.test(vector);
  return n >= 16 && n <= 128 && CVSS2.test(vector);
}
function cvssVectors(v) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const c of v.cvss ?? []) {
    const vector = c.vector.replace(/^\(|\)$/g, "");
    if (seen.has(vector) || !validCvssVector(vector)) continue;
    seen.add(vector);
    out.push({ vendor: c.source.trim() || "unknown", vector });
  }
  return out.length ? out.slice(0, 10) : void 0;
}
var OS_PACKAGE_TYPES = /* @__PURE__ */ new Set(["deb", "apk", "rpm"]);
var OS_ECOSYSTEMS = /^(debian|ubuntu|alpine|alpaquita|bellsoft hardened containers|red hat|rocky linux|almalinux|suse|opensuse|sles|wolfi|chainguard|photon os|mageia|openeuler|azure linux|mariner|amazon linux|oracle linux|centos|fedora|minimos|echo)(:|$)/i;
var PackageIndex = class {
  byKey = /* @__PURE__ */ new Map();
  constructor(packages) {
    for (const p of packages) {
      const k = `${p.name}\0${p.version}`;
      const list = this.byKey.get(k);
      if (list) list.push(p);
      else this.byKey.set(k, [p]);
    }
  }
  find(name, version, path) {
    const list = this.byKey.get(`${name}\0${version}`);
    if (!list) return void 0;
    return path && list.find((p) => p.path === path || p.binaryPath === path) || list[0];
  }
};
function purlType(purl) {
  return purl ? /^pkg:([a-z0-9.+-]+)\//i.exec(purl)?.[1]?.toLowerCase() : void 0;
}
function findingPackage(f, index) {
  const v = f.vulnerability;
  return v ? index.find(v.packageName, v.packageVersion, f.image?.path) : void 0;
}
function isOsVulnerability(f, pkg) {
  const v = f.vulnerability;
  if (!v) return false;
  const t = purlType(v.purl) ?? pkg?.type ?? purlType(pkg?.purl);
  if (t) return OS_PACKAGE_TYPES.has(t);
  return OS_ECOSYSTEMS.test(v.ecosystem);
}
function operatingSystem(os) {
  if (!os?.id) return "unknown";
  return os.versionId ? `${os.id}:${os.versionId}` : os.id;
}

// src/report/gitlab/remediation.ts
var SAFE_PACKAGE = /^[A-Za-z0-9][A-Za-z0-9.+_:~-]*$/;
function family(os) {
  const ids = [os.id, ...os.idLike ?? []].map((s) => s.toLowerCase());
  if (ids.some((i) => i === "debian" || i === "ubuntu")) return "debian";
  if (ids.some((i) => i === "alpine" || i === "wolfi" || i === "chainguard")) return "alpine";
  if (ids.some((i) => ["rhel", "fedora", "centos", "rocky", "almalinux", "amzn", "ol"].includes(i)))
    return "rhel";
  if (ids.some((i) => i.startsWith("sles") || i.startsWith("opensuse") || i === "suse")) return "suse";
  return void 0;
}
function upgradeCommand(os, packages) {
  if (!os || packages.length === 0 || !packages.every((p) => SAFE_PACKAGE.test(p))) return void 0;
  const list = [...new Set(packages)].sort().join(" ");
  switch (family(os)) {
    case "debian":
      return `apt-get update && apt-get install -y --no-install-recommends --only-upgrade ${list} && rm -rf /var/lib/apt/lists/*`;
    case "alpine":
      return `apk add --no-cache --upgrade ${list}`;
    case "rhel":
      return `yum -y update ${list} && yum clean all`;
    case "suse":
      return `zypper --non-interactive update ${list} && zypper clean --all`;
    default:
      return void 0;
  }
}
function finalFromLine(target) {
  const stage = target.stages.at(-1);
  if (!stage || stage.baseImage.trim().toLowerCase() === "scratch") return void 0;
  const from = target.instructions.find((i) => i.keyword.toUpperCase() === "FROM" && i.line === stage.line);
  return from?.endLine ?? stage.line;
}
var CONTEXT = 3;
function insertLineDiff(path, text, afterLine, newLine) {
  const eolAtEnd = text.endsWith("\n");
  const crlf = text.includes("\r\n");
  const lines = (eolAtEnd ? text.slice(0, -1) : text).split("\n").map((l) => crlf ? l.replace(/\r$/, "") : l);
  if (text === "" || afterLine < 1 || afterLine > lines.length) return void 0;
  const eol = crlf ? "\r" : "";
  const at = afterLine - 1;
  const beforeStart = Math.max(0, at - (CONTEXT - 1));
  const afterEnd = Math.min(lines.length, at + 1 + CONTEXT);
  const body = [];
  const noEol = "\\ No newline at end of file";
  const isLast = at === lines.length - 1;
  for (let i = beforeStart; i < at; i++) body.push(` ${lines[i]}${eol}`);
  if (isLast && !eolAtEnd) {
    body.push(`-${lines[at]}`, noEol, `+${lines[at]}${eol}`, `+${newLine}`, noEol);
  } else {
    body.push(` ${lines[at]}${eol}`, `+${newLine}${eol}`);
    for (let i = at + 1; i < afterEnd; i++) body.push(` ${lines[i]}${eol}`);
    if (afterEnd === lines.length && !eolAtEnd) body.push(noEol);
  }
  const oldCount = afterEnd - beforeStart;
  const start = beforeStart + 1;
  return [
    `diff --git a/${path} b/${path}`,
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -${start},${oldCount} +${start},${oldCount + 1} @@`,
    ...body,
    ""
  ].join("\n");
}

// src/report/gitlab/security.ts
var MAX_NAME = 255;
var MAX_SOLUTION = 7e3;
var MAX_DESCRIPTION = 1048576;
function clean(text, max) {
  return truncate(stripControl(text).trim(), max);
}
function scanObject(result, type, suppressed, failed) {
  const tool = {
    id: "shipgate",
    name: "shipgate",
    version: result.tool.version,
    vendor: { name: "shipgate" },
    url: PROJECT_URL
  };
  const messages = result.warnings.map((w) => clean(w, 4e3)).filter((w) => w !== "").map((value) => ({ level: "warn", value }));
  if (suppressed > 0)
    messages.push({
      level: "info",
      value: `${suppressed} suppressed finding${suppressed === 1 ? " is" : "s are"} not reported (ignored by policy, VEX or inline pragma).`
    });
  return {
    analyzer: tool,
    scanner: tool,
    type,
    start_time: gitlabTime(result.startedAt),
    end_time: gitlabTime(result.finishedAt),
    status: failed ? "failure" : "success",
    messages
  };
}
function solution(f) {
  const v = f.vulnerability;
  if (f.fix) return clean(f.fix, MAX_SOLUTION);
  if (v.fixedVersions.length)
    return clean(`Upgrade ${v.packageName} to ${v.fixedVersions.join(" or ")} or later.`, MAX_SOLUTION);
  if (v.fixState === "wont-fix")
    return `The distribution will not fix this vulnerability in ${v.packageName}; consider another base image.`;
  return `No fixed version of ${v.packageName} is available yet.`;
}
function details(f, pkg) {
  const out = {};
  const path = f.image?.path ?? pkg?.path;
  if (path) out.package_path = { name: "Found in", type: "text", value: path };
  const layerIndex = f.image?.layerIndex ?? pkg?.layerIndex;
  const layerDigest = f.image?.layerDigest ?? pkg?.layerDigest;
  const createdBy = f.image?.createdBy ?? pkg?.createdBy;
  if (layerIndex !== void 0 || layerDigest) {
    const parts = [
      `layer ${layerIndex ?? "?"}`,
      layerDigest,
      createdBy ? `(${clean(createdBy, 300)})` : void 0
    ];
    out.layer = { name: "Image layer", type: "text", value: parts.filter(Boolean).join(" ") };
  }
  const v = f.vulnerability;
  if (v.fixedVersions.length)
    out.fixed_versions = { name: "Fixed versions", type: "text", value: v.fixedVersions.join(", ") };
  if (v.severitySource)
    out.severity_source = { name: "Severity source", type: "text", value: v.severitySource };
  if (v.kev)
    out.kev = {
      name: "CISA Known Exploited Vulnerabilities",
      type: "text",
      value: `${v.kev.cve} added ${v.kev.dateAdded}${v.kev.ransomware ? "; known ransomware campaign use" : ""}`
    };
  if (v.epss)
    out.epss = {
      name: "EPSS",
      type: "text",
      value: `${v.epss.score} (percentile ${v.epss.percentile}, ${v.epss.cve}, ${v.epss.date})`
    };
  return Object.keys(out).length ? out : void 0;
}
function vulnerability(f, pkg, type, location) {
  const v = f.vulnerability;
  const identifiers = vulnerabilityIdentifiers(v);
  const primary = identifiers[0]?.name ?? v.id;
  const summary = v.summary ? clean(v.summary, MAX_NAME) : "";
  const description = [f.message, v.summary && !f.message.includes(v.summary) ? v.summary : void 0].filter((s) => !!s).join("\n\n");
  const out = {
    id: uuidFromName(`${type}\0${f.fingerprint}`),
    name: summary || clean(`${primary} in ${v.packageName}`, MAX_NAME),
    description: clean(description, MAX_DESCRIPTION),
    severity: gitlabSeverity(f),
    identifiers: identifiers.length ? identifiers : [{ type: "shipgate", name: f.ruleId, value: f.ruleId }],
    links: links(v.references),
    location
  };
  const sol = solution(f);
  if (sol) out.solution = sol;
  const cvss = cvssVectors(v);
  if (cvss) out.cvss_vectors = cvss;
  const d = details(f, pkg);
  if (d) out.details = d;
  return out;
}
function imageName(result, f) {
  return f.image?.ref || result.image?.ref || "unknown";
}
function classify(result) {
  const index = new PackageIndex(result.packages);
  const out = { system: [], os: [], lang: [], osSuppressed: 0, langSuppressed: 0 };
  for (const f of sortFindings(result.findings)) {
    if (f.kind !== "vulnerability") continue;
    if (!f.vulnerability) {
      if (f.suppressed) out.osSuppressed++;
      else out.system.push(f);
      continue;
    }
    const pkg = findingPackage(f, index);
    const isOs = isOsVulnerability(f, pkg);
    if (f.suppressed) {
      if (isOs) out.osSuppressed++;
      else out.langSuppressed++;
    } else (isOs ? out.os : out.lang).push([f, pkg]);
  }
  return out;
}
function remediations(result, vulns, ids, options) {
  const target = result.dockerfiles.length === 1 ? result.dockerfiles[0] : void 0;
  const text = target && options.dockerfileTexts?.get(target.path);
  const line = target && finalFromLine(target);
  if (!target || text === void 0 || line === void 0) return [];
  const byPackage = /* @__PURE__ */ new Map();
  vulns.forEach(([f, pkg], i) => {
    const v = f.vulnerability;
    if (!v.fixedVersions.length) return;
    const name = pkg?.name ?? v.packageName;
    const entry = byPackage.get(name) ?? { fixes: [], vulnIds: [], versions: /* @__PURE__ */ new Set() };
    entry.fixes.push(ids[i]);
    entry.vulnIds.push(v.id);
    for (const fv of v.fixedVersions) entry.versions.add(fv);
    byPackage.set(name, entry);
  });
  const out = [];
  for (const [name, e] of [...byPackage].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    const cmd = upgradeCommand(result.image?.os, [name]);
    const diff = cmd && insertLineDiff(target.path, text, line, `RUN ${cmd}`);
    if (!diff) continue;
    const fixed = [...new Set(e.vulnIds)];
    out.push({
      fixes: [...new Set(e.fixes)].map((id) => ({ id })),
      summary: clean(
        `Upgrade ${name} to ${[...e.versions].join(" or ")} or later in ${target.path} (fixes ${fixed.slice(0, 10).join(", ")}${fixed.length > 10 ? ", \u2026" : ""})`,
        1e3
      ),
      diff: Buffer.from(diff, "utf8").toString("base64")
    });
  }
  return out;
}
function systemVulnerability(f, result, osName, options) {
  const os = result.image?.os;
  const location = {
    dependency: { package: { name: os?.id ?? "operating-system" }, version: os?.versionId ?? "" },
    operating_system: osName,
    image: imageName(result, f)
  };
  if (options.defaultBranchImage) location.default_branch_image = truncate(options.defaultBranchImage, 255);
  const out = {
    id: uuidFromName(`container_scanning\0${f.fingerprint}`),
    name: clean(f.message, MAX_NAME),
    description: clean(f.message, MAX_DESCRIPTION),
    severity: gitlabSeverity(f),
    identifiers: [
      { type: "shipgate", name: f.ruleId, value: f.ruleId, url: ruleHelpUri({ id: f.ruleId, kind: f.kind }) }
    ],
    links: [],
    location
  };
  if (f.fix) out.solution = clean(f.fix, MAX_SOLUTION);
  return out;
}
function buildContainerScanningReport(result, options = {}) {
  const { system, os, lang, osSuppressed, langSuppressed } = classify(result);
  const osName = operatingSystem(result.image?.os);
  const located = ([f, pkg]) => {
    const v = f.vulnerability;
    const location = {
      dependency: { package: { name: v.packageName }, version: v.packageVersion },
      operating_system: osName,
      image: imageName(result, f)
    };
    if (options.defaultBranchImage) location.default_branch_image = truncate(options.defaultBranchImage, 255);
    return vulnerability(f, pkg, "container_scanning", location);
  };
  const osVulnerabilities = os.map(located);
  const vulnerabilities = [
    ...system.map((f) => systemVulnerability(f, result, osName, options)),
    ...osVulnerabilities,
    ...lang.map(located)
  ];
  return {
    version: SCHEMA_VERSION,
    schema: schemaUrl("container-scanning"),
    scan: scanObject(result, "container_scanning", osSuppressed + langSuppressed, options.failed ?? false),
    vulnerabilities,
    remediations: remediations(
      result,
      os,
      osVulnerabilities.map((v) => v.id),
      options
    )
  };
}

// src/report/gitlab/index.ts
var GITLAB_REPORT_FILES = {
  containerScanning: "gl-container-scanning-report.json",
  codeQuality: "gl-code-quality-report.json",
  cyclonedx: "gl-sbom.cdx.json",
  dotenv: "shipgate.env"
};
async function dockerfileTexts(result, root) {
  const texts = /* @__PURE__ */ new Map();
  for (const d of result.dockerfiles) {
    try {
      texts.set(d.path, await readFile(isAbsolute(d.path) ? d.path : join(root, d.path), "utf8"));
    } catch {
      logger().debug(`gitlab: cannot read ${d.path}; no remediation patches for it`);
    }
  }
  return texts;
}
function json(value) {
  return `${JSON.stringify(value, null, 2)}
`;
}
async function writeGitlabReports(result, dir, options = {}) {
  const root = resolve(options.repoRoot ?? process.cwd());
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new ShipgateError("INPUT", `cannot create the GitLab reports folder ${dir}`, {
      hint: "pass a writable folder to --gitlab-reports",
      cause: e
    });
  }
  const securityOptions = {
    dockerfileTexts: await dockerfileTexts(result, root),
    ...options.defaultBranchImage ? { defaultBranchImage: options.defaultBranchImage } : {},
    ...options.failed ? { failed: true } : {}
  };
  const codeQuality = buildCodeQualityReport(result);
  const files = {
    containerScanning: join(dir, GITLAB_REPORT_FILES.containerScanning),
    codeQuality: join(dir, GITLAB_REPORT_FILES.codeQuality),
    dotenv: join(dir, GITLAB_REPORT_FILES.dotenv),
    codeQualitySkipped: codeQuality.skipped
  };
  await writeReportFile(files.containerScanning, json(buildContainerScanningReport(result, securityOptions)));
  await writeReportFile(files.codeQuality, json(codeQuality.issues));
  await writeReportFile(files.dotenv, formatDotenv(dotenvVariables(result)));
  if (options.cyclonedx) {
    const sbom = await options.cyclonedx(result);
    files.cyclonedx = join(dir, GITLAB_REPORT_FILES.cyclonedx);
    await writeReportFile(files.cyclonedx, typeof sbom === "string" ? sbom : json(sbom));
  }
  if (codeQuality.skipped > 0)
    logger().info(
      `gitlab: ${codeQuality.skipped} finding(s) have no Dockerfile line to attach to and are not in the Code Quality report`
    );
  return files;
}

// src/report/history-secrets.ts
async function registerHistorySecrets(result) {
  const lines = /* @__PURE__ */ new Set();
  for (const l of result.image?.layers ?? []) if (l.createdBy) lines.add(l.createdBy);
  for (const p of result.packages) if (p.createdBy) lines.add(p.createdBy);
  if (lines.size === 0) return;
  const { scanText } = await import("./chunk-25AREKU4.js");
  for (const line of lines) scanText(line, { kind: "history" });
}

// src/report/json.ts
var JSON_SCHEMA_VERSION = 1;
var ORDER = {
  report: [
    "schemaVersion",
    "tool",
    "startedAt",
    "finishedAt",
    "decision",
    "summary",
    "dockerfiles",
    "image",
    "index",
    "analyzers",
    "exploitData",
    "findings",
    "rules",
    "packages",
    "warnings"
  ],
  tool: ["name", "version"],
  decision: ["approved", "policy", "reasons"],
  reason: ["code", "blocking", "severity", "message", "findings"],
  summary: ["findings", "suppressed", "fixable", "bySeverity", "byPart", "packages"],
  bySeverity: ["critical", "high", "medium", "low", "info"],
  byPart: [...PARTS],
  dockerfile: ["path", "stages"],
  stage: ["name", "baseImage", "line"],
  image: ["ref", "repository", "digest", "configDigest", "platform", "os", "size", "layers"],
  index: ["digest", "platforms", "skipped"],
  platform: ["platform", "digest", "configDigest", "decision", "counts"],
  skipped: ["digest", "reason"],
  os: ["id", "versionId", "codename", "prettyName", "idLike", "eol", "eolDate"],
  layer: ["index", "digest", "diffId", "size", "createdBy"],
  finding: [
    "ruleId",
    "kind",
    "severity",
    "message",
    "location",
    "image",
    "fingerprint",
    "fixable",
    "fix",
    "vulnerability",
    "suppressed",
    "properties"
  ],
  location: ["path", "startLine", "startColumn", "endLine", "endColumn", "snippet"],
  imageLocation: ["ref", "digest", "layerIndex", "layerDigest", "path", "createdBy", "deleted"],
  vulnerability: [
    "id",
    "aliases",
    "packageName",
    "packageVersion",
    "ecosystem",
    "purl",
    "fixedVersions",
    "fixState",
    "score",
    "severitySource",
    "cvss",
    "summary",
    "published",
    "modified",
    "references",
    "epss",
    "kev"
  ],
  cvss: ["version", "vector", "score", "source"],
  suppression: ["kind", "reason", "expires"],
  rule: [
    "id",
    "kind",
    "title",
    "severity",
    "description",
    "rationale",
    "fix",
    "tags",
    "equivalents",
    "related",
    "optional",
    "helpUri"
  ],
  package: ["name", "version", "type", "purl"]
};
var CHILDREN = {
  report: {
    tool: "tool",
    decision: "decision",
    summary: "summary",
    dockerfiles: "dockerfile",
    image: "image",
    index: "index",
    findings: "finding",
    rules: "rule",
    packages: "package"
  },
  decision: { reasons: "reason" },
  index: { platforms: "platform", skipped: "skipped" },
  platform: { decision: "decision", counts: "bySeverity" },
  summary: { bySeverity: "bySeverity", byPart: "byPart" },
  dockerfile: { stages: "stage" },
  image: { os: "os", layers: "layer" },
  finding: {
    location: "location",
    image: "imageLocation",
    vulnerability: "vulnerability",
    suppressed: "suppression"
  },
  vulnerability: { cvss: "cvss" }
};
function ordered(value, shape, orders = /* @__PURE__ */ new Map()) {
  if (value === void 0 || typeof value === "function") return void 0;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => ordered(v, shape, orders) ?? null);
  const obj = value;
  const keys = Object.keys(obj);
  const id = `${shape ?? ""}\0${keys.join("\0")}`;
  let order = orders.get(id);
  if (!order) {
    const first = shape ? ORDER[shape] : [];
    order = [...first.filter((k) => k in obj), ...keys.filter((k) => !first.includes(k)).sort()];
    orders.set(id, order);
  }
  const children = shape ? CHILDREN[shape] : void 0;
  const out = {};
  for (const k of order) {
    const v = ordered(obj[k], children?.[k], orders);
    if (v !== void 0) out[k] = v;
  }
  return out;
}
function toJson(result) {
  const findings = sortFindings(result.findings).map((f) => {
    if (f.kind !== "secret" || f.location?.snippet === void 0) return f;
    const { snippet: _snippet, ...location } = f.location;
    return { ...f, location };
  });
  const active = findings.filter((f) => !f.suppressed);
  const byPart = Object.fromEntries(PARTS.map((p) => [p, active.filter((f) => f.kind === p).length]));
  const rules = [...result.rules].sort((a, b) => PARTS.indexOf(a.kind) - PARTS.indexOf(b.kind) || a.id.localeCompare(b.id)).map((r) => ({ ...r, helpUri: ruleHelpUri(r) }));
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: result.tool,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    decision: result.decision ?? null,
    summary: {
      findings: active.length,
      suppressed: findings.length - active.length,
      fixable: active.filter((f) => f.fixable).length,
      bySeverity: countBySeverity(findings),
      byPart,
      packages: result.packages.length
    },
    // Instruction texts are an internal mapping aid and may hold the very secrets a finding reports.
    dockerfiles: result.dockerfiles.map((d) => ({ path: d.path, stages: d.stages })),
    image: result.image ?? null,
    // Every platform of a multi-platform image, each with its own decision (absent for one image).
    index: result.index,
    // What each image analyzer did: a failed or incomplete one is why a scan may not be approved.
    analyzers: result.analyzers ?? null,
    // The EPSS / KEV data the policy asked for: loaded (with its date) or why not.
    exploitData: result.exploitData ?? null,
    findings,
    rules,
    packages: result.packages,
    warnings: result.warnings
  };
  return mask(`${JSON.stringify(ordered(report, "report"), null, 2)}
`);
}

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
function details2(summary, lines) {
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
      details2(
        label,
        list.map((f) => findingLine(f, result, o.linkBase))
      )
    );
  }
  const suppressed = all.filter((f) => f.suppressed);
  if (suppressed.length)
    sections.push(
      details2(
        `Suppressed: ${suppressed.length}`,
        suppressed.map((f) => findingLine(f, result, o.linkBase))
      )
    );
  if (result.warnings.length)
    sections.push(
      details2(
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

// src/report/text.ts
function packageTable(result, p) {
  const rows = result.packages.map((pkg) => [
    pkg.type,
    clean2(pkg.namespace ? `${pkg.namespace}/${pkg.name}` : pkg.name),
    clean2(pkg.version),
    clean2(
      pkg.sourceName && pkg.sourceName !== pkg.name ? `${pkg.sourceName} ${pkg.sourceVersion ?? ""}`.trim() : ""
    ),
    pkg.layerIndex === void 0 ? "" : `layer ${pkg.layerIndex}`
  ]);
  const head2 = ["TYPE", "NAME", "VERSION", "SOURCE", "LAYER"];
  const widths = head2.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r) => `  ${r.map((c, i) => truncate(c, widths[i]).padEnd(widths[i])).join("  ")}`.trimEnd();
  return [p.bold(`Packages (${rows.length})`), p.dim(line(head2)), ...rows.map(line), ""];
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
function clean2(text) {
  return printable(text);
}
var CONTEXT2 = 2;
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
function sources(result, readFile2) {
  const cache = /* @__PURE__ */ new Map();
  return (path) => {
    if (cache.has(path)) return cache.get(path);
    const text = readFile2?.(path);
    const source = text === void 0 ? void 0 : { lines: text.split(/\r\n|\r|\n/), redactions: secretRanges(result.findings, path) };
    cache.set(path, source);
    return source;
  };
}
function codeFrame(f, p, { lines, redactions }) {
  const loc = f.location;
  if (loc.startLine < 1 || loc.startLine > lines.length) return [];
  const endLine = Math.min(loc.endLine ?? loc.startLine, loc.startLine + MAX_FRAME_LINES - 1);
  const first = Math.max(1, loc.startLine - CONTEXT2);
  const last = Math.min(lines.length, endLine + CONTEXT2);
  const width = String(last).length;
  const out = [];
  for (let n = first; n <= last; n++) {
    const inside = n >= loc.startLine && n <= endLine;
    const raw = maskSecrets(clean2(lines[n - 1] ?? ""), n, redactions);
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
  const reason = s.reason ? `, ${clean2(oneLine(s.reason))}` : "";
  return ` (suppressed: ${s.kind}${reason}${s.expires ? `, until ${clean2(s.expires)}` : ""})`;
}
function findingBlock(f, result, o, p, source) {
  const rule = ruleIndex(result).get(f.ruleId);
  const where2 = locationLabel(f);
  const title = rule?.title ? ` ${p.dim(clean2(oneLine(rule.title)))}` : "";
  const out = [
    `  ${p.sev[f.severity](f.severity.toUpperCase().padEnd(8))} ${p.bold(clean2(f.ruleId))}${title}${where2 ? `  ${p.cyan(clean2(where2))}` : ""}${p.dim(suppressedNote(f))}`,
    `    ${clean2(oneLine(f.message))}`
  ];
  const inImage = imagePlaceLabel(f);
  if (inImage) out.push(p.dim(`    in image: ${clean2(inImage)}`));
  if (f.image?.createdBy && o.verbose)
    out.push(p.dim(`    layer created by: ${clean2(truncate(oneLine(f.image.createdBy), 120))}`));
  const file = f.location ? source(f.location.path) : void 0;
  if (file) out.push(...codeFrame(f, p, file));
  const fix = f.fix ?? (o.verbose ? rule?.fix : void 0);
  if (fix) out.push(`    ${p.green("fix:")} ${clean2(oneLine(fix))}`);
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
    id: clean2(f.ruleId),
    sev: f.severity.toUpperCase(),
    installed: clean2(f.vulnerability?.packageVersion ?? ""),
    fixed: clean2(truncate(fixedText(f), 32)),
    title: clean2(
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
    (a, b) => Math.max(...b.map((f) => severityRank(f.severity))) - Math.max(...a.map((f) => severityRank(f.severity))) || (a[0].vulnerability?.packageName ?? "").localeCompare(b[0].vulnerability?.packageName ?? "")
  );
  const out = [];
  for (const list of groups) {
    const first = list[0];
    const v = first.vulnerability;
    const name = v ? `${v.packageName} ${v.packageVersion} (${v.ecosystem})` : first.ruleId;
    const where2 = [imagePlaceLabel(first), locationLabel(first)].filter(Boolean).join(", ");
    out.push(`  ${p.bold(clean2(name))}${where2 ? p.dim(`  ${clean2(where2)}`) : ""}`);
    out.push(
      p.dim(
        `    ${cell("ID", w.id)}  ${cell("SEVERITY", w.sev)}  ${cell("INSTALLED", w.installed)}  ${cell("FIXED", w.fixed)}  TITLE`
      )
    );
    const sorted = [...list].sort(
      (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.ruleId.localeCompare(b.ruleId)
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
  const ordered2 = [
    ...result.dockerfiles.map((d) => groups.get(`file:${d.path}`)),
    ...files.sort().map((k) => groups.get(k))
  ];
  return image ? [...ordered2, image] : ordered2;
}
function toText(result, o) {
  const p = palette(o.color);
  const all = sortFindings(result.findings);
  const shown = o.showSuppressed ? all : all.filter((f) => !f.suppressed);
  const out = [];
  const source = sources(result, o.readFile);
  for (const g of groupByTarget(result, shown)) {
    const count = g.findings.length;
    out.push(`${p.bold(clean2(g.title))}${p.dim(` (${plural(count, "finding")})`)}`);
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
        `image: ${plural(result.packages.length, "package")} on ${clean2(image.os.prettyName ?? image.os.id)}${image.platform ? ` (${clean2(image.platform)})` : ""}${image.os.eol ? ", end of life" : ""}`
      )
    );
  for (const w of result.warnings) out.push(`${p.sev.medium("warning:")} ${clean2(oneLine(w))}`);
  const counts = countBySeverity(all);
  const suppressed = all.filter((f) => f.suppressed).length;
  const total = all.length - suppressed;
  const bySev = SEVERITIES_DESC.filter((s) => counts[s] > 0).map((s) => p.sev[s](`${counts[s]} ${s}`)).join(", ");
  out.push(
    `${p.bold(plural(total, "finding"))}${bySev ? ` (${bySev})` : ""}${suppressed ? `, ${suppressed} suppressed${o.showSuppressed ? "" : " (--show-suppressed lists them)"}` : ""}`
  );
  if (result.index) out.push(...platformLines(result.index).map(clean2));
  if (result.decision) {
    const [head2, ...reasons] = decisionLines(result.decision);
    out.push(result.decision.approved ? p.green(clean2(head2)) : p.red(clean2(head2)), ...reasons.map(clean2));
  }
  return `${out.join("\n")}
`;
}

// src/report/write.ts
var SUCCESS = {
  text: "text report",
  json: "json report",
  sarif: "sarif report",
  summary: "summary",
  cyclonedx: "cyclonedx SBOM",
  spdx: "spdx SBOM",
  gitlab: "GitLab reports"
};
function repoReader(repoRoot) {
  return (path) => {
    try {
      return readFileSync(resolve2(repoRoot, path), "utf8");
    } catch {
      return void 0;
    }
  };
}
var Renderer = class {
  constructor(result, options, sbom) {
    this.result = result;
    this.options = options;
    this.sbom = sbom;
    this.readFile = repoReader(options.repoRoot);
  }
  result;
  options;
  sbom;
  texts = /* @__PURE__ */ new Map();
  sarifWarnings = [];
  readFile;
  text(format) {
    let text = this.texts.get(format);
    if (text === void 0) {
      text = this.render(format);
      this.texts.set(format, text);
    }
    return text;
  }
  render(format) {
    const { result, options } = this;
    switch (format) {
      case "json":
        return toJson(result);
      case "sarif": {
        const log = toSarif(result, {
          repoRoot: options.repoRoot,
          readFile: this.readFile,
          ...options.category ? { category: options.category } : {}
        });
        const limited = limitForGitHub(log);
        for (const w of limited.warnings) logger().warn(w);
        this.sarifWarnings.push(...limited.warnings);
        return `${JSON.stringify(limited.log, null, 2)}
`;
      }
      case "summary":
        return toMarkdownSummary(result, options.summary ?? {});
      case "text":
        return toText(result, { color: false, ...options.text, readFile: this.readFile });
      case "cyclonedx":
      case "spdx":
        if (!this.sbom) throw new ShipgateError("INTERNAL", "the SBOM writers were not loaded");
        return this.sbom.renderSbom(result, format);
    }
  }
};
async function sbomWriters(requests, result) {
  const needed = requests.some(
    (r) => r.format === "cyclonedx" || r.format === "spdx" || r.format === "gitlab" && result.image
  );
  return needed ? import("./chunk-BSP3QQ7T.js") : void 0;
}
async function writeReports(result, requests, options) {
  await registerHistorySecrets(result);
  const renderer = new Renderer(result, options, await sbomWriters(requests, result));
  let sarif;
  for (const req of requests) {
    if (req.format === "gitlab") {
      await writeGitlabReports(result, req.path, {
        repoRoot: options.repoRoot,
        ...result.image ? { cyclonedx: () => renderer.text("cyclonedx") } : {}
      });
    } else if (req.path === void 0) {
      writeReportStdout(renderer.text(req.format));
      continue;
    } else {
      const text = renderer.text(req.format);
      await writeReportFile(req.path, text);
      if (req.format === "sarif") sarif = JSON.parse(mask(text));
    }
    logger().info(`wrote ${SUCCESS[req.format]} to ${req.path}`);
  }
  return { ...sarif ? { sarif } : {}, sarifWarnings: renderer.sarifWarnings };
}

export {
  writeReports
};
