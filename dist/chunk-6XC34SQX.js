#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  writeReportFile
} from "./chunk-UZUG6JWW.js";
import {
  SEVERITIES_DESC,
  imagePlaceLabel,
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
import "./chunk-LJLRXQKZ.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";
import {
  oneLine,
  stripControl
} from "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

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
  const ordered = cve ? [cve, ...ids.filter((i) => i !== cve)] : ids;
  return ordered.slice(0, MAX_IDENTIFIERS).map(identifierFor);
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
  for (const [name, e] of [...byPackage].sort(([a], [b]) => compareText(a, b))) {
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
export {
  buildCodeQualityReport,
  buildContainerScanningReport,
  dotenvVariables,
  formatDotenv,
  writeGitlabReports
};
