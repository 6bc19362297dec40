#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  external_exports
} from "./chunk-GJAWIMVQ.js";
import {
  MALWARE_MODES,
  defaultPolicy,
  findPolicyFile
} from "./chunk-PUVAPGBL.js";
import {
  FAIL_ON_VALUES
} from "./chunk-2L5WH6HQ.js";
import {
  require_dist
} from "./chunk-DML5XCCS.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  oneLine
} from "./chunk-KDR2SZEQ.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/policy/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";

// src/policy/schema.ts
var SEVERITY_VALUES = ["critical", "high", "medium", "low", "info"];
var GATE_PARTS = ["dockerfile", "manifests", "vulnerabilities", "secrets", "config", "malware"];
var isoDate = external_exports.iso.date().describe("A date, YYYY-MM-DD");
var globList = external_exports.array(external_exports.string().min(1)).describe("Glob patterns (picomatch syntax)");
var count = external_exports.number().int().min(0).max(1e6);
var gateSchema = external_exports.strictObject({
  "fail-on": external_exports.enum(FAIL_ON_VALUES).default("high").describe(
    "Block when an unsuppressed finding is at or above this severity (`info`: any finding blocks); `none` never blocks on severity."
  ),
  "only-fixable": external_exports.boolean().default(false).describe("Vulnerabilities without a fixed version do not count toward fail-on and max."),
  max: external_exports.strictObject({
    critical: count.optional(),
    high: count.optional(),
    medium: count.optional(),
    low: count.optional(),
    info: count.optional()
  }).default({}).describe(
    "Block when more unsuppressed findings than this exist at a severity (across the gated parts)."
  ),
  parts: external_exports.array(external_exports.enum(GATE_PARTS)).default([...GATE_PARTS]).describe(
    "Which parts of the scan can block. Secrets and malware block whenever they are listed here."
  )
}).describe("When the gate blocks.");
var dockerfileSchema = external_exports.strictObject({
  "require-non-root": external_exports.boolean().default(false).describe("Block when the final stage runs as root or sets no USER, whatever the rule severity."),
  "require-multistage": external_exports.boolean().default(false).describe(
    "Block when a single-stage build carries compilers or package managers into the final image."
  ),
  "require-digest-pinned-base": external_exports.boolean().default(false).describe("Block when a base image is not pinned by digest (FROM image@sha256:...)."),
  "minimal-base": external_exports.array(external_exports.string().min(1)).optional().describe(
    'Allow-list of final-stage base images (glob patterns on the image name, e.g. "gcr.io/distroless/*"). When set, any other final base blocks.'
  ),
  "allowed-registries": external_exports.array(external_exports.string().min(1)).optional().describe(
    'Registries base images may come from (e.g. docker.io, ghcr.io, "*.dkr.ecr.*.amazonaws.com").'
  ),
  shellcheck: external_exports.boolean().default(true).describe(
    "Run ShellCheck on every RUN script (findings SC1000-SC9999, as hadolint reports them) when a shellcheck binary is on PATH."
  ),
  history: external_exports.boolean().default(true).describe(
    "Lint a scanned image's build history with the Dockerfile rules that apply to a built image (history lint)."
  )
}).describe("Properties every Dockerfile must have.");
var manifestsSchema = external_exports.strictObject({
  pss: external_exports.enum(["privileged", "baseline", "restricted"]).default("privileged").describe(
    "Pod Security Standards level to check manifests against (restricted includes baseline); privileged checks none of the SG-K8S-1NN controls."
  ),
  "allowed-registries": external_exports.array(external_exports.string().min(1)).optional().describe(
    'Registries container images in manifests may come from (e.g. ghcr.io/org, "*.dkr.ecr.*.amazonaws.com"); when set, SG-K8S-026 reports any other.'
  )
}).describe("Kubernetes manifest checks.");
var imageSchema = external_exports.strictObject({
  "max-size-mb": external_exports.number().int().positive().default(1024).describe("SG-IMG-007 reports an image whose compressed size is over this many MiB."),
  "max-layers": external_exports.number().int().positive().default(50).describe("SG-IMG-008 reports an image with more layers than this."),
  "max-age-days": external_exports.number().int().positive().default(365).describe("SG-IMG-010 reports an image built more than this many days ago.")
}).describe("Limits of the image configuration checks.");
var ruleOverride = external_exports.strictObject({
  enabled: external_exports.boolean().optional().describe("false turns the rule off; true turns an optional rule on."),
  severity: external_exports.enum(SEVERITY_VALUES).optional().describe("Severity to report this rule with.")
}).describe("Override for one rule.");
var ignoreSchema = external_exports.strictObject({
  id: external_exports.string().min(1).describe("Rule id (SG-DF-001) or vulnerability id or alias (CVE-2024-1234, GHSA-...); globs allowed."),
  paths: globList.optional().describe("Only findings at these repository paths or image paths."),
  packages: globList.optional().describe("Only vulnerabilities in these packages (name or purl)."),
  images: globList.optional().describe("Only findings in these images (reference without tag or digest)."),
  reason: external_exports.string().trim().min(1).describe("Why this is acceptable (required; shown in reports)."),
  expires: isoDate.optional().describe("The ignore stops applying after this date (YYYY-MM-DD).")
}).describe("A finding the gate accepts, with a reason.");
var secretAllowSchema = external_exports.strictObject({
  fingerprint: external_exports.string().min(1).optional().describe("Fingerprint of one secret finding (from the JSON report)."),
  rule: external_exports.string().min(1).optional().describe("A secret rule id (SG-SEC-003): every finding of it."),
  paths: globList.optional().describe("Only secrets at these paths (image or repository)."),
  reason: external_exports.string().trim().min(1).describe("Why this secret is acceptable (e.g. a test fixture)."),
  expires: isoDate.optional().describe("The allowance stops applying after this date (YYYY-MM-DD).")
}).refine((a) => a.fingerprint !== void 0 || a.rule !== void 0, {
  message: "needs a fingerprint or a rule"
}).describe("A secret finding that may pass.");
var policySchema = external_exports.strictObject({
  version: external_exports.literal(1).describe("Schema version of this file; always 1."),
  gate: gateSchema.default({ "fail-on": "high", "only-fixable": false, max: {}, parts: [...GATE_PARTS] }),
  dockerfile: dockerfileSchema.default({
    "require-non-root": false,
    "require-multistage": false,
    "require-digest-pinned-base": false,
    shellcheck: true,
    history: true
  }),
  manifests: manifestsSchema.default({ pss: "privileged" }),
  image: imageSchema.default({ "max-size-mb": 1024, "max-layers": 50, "max-age-days": 365 }),
  rules: external_exports.record(external_exports.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/), ruleOverride).default({}).describe("Per-rule overrides keyed by rule id."),
  ignores: external_exports.array(ignoreSchema).default([]).describe("Findings the gate accepts."),
  secrets: external_exports.strictObject({
    allow: external_exports.array(secretAllowSchema).default([])
  }).default({ allow: [] }).describe("Secrets always block unless allowed here."),
  vulnerabilities: external_exports.strictObject({
    "ignore-unfixed": external_exports.boolean().default(false).describe("Hide vulnerabilities that have no fix yet."),
    vex: external_exports.array(external_exports.string().min(1)).default([]).describe("OpenVEX documents to apply (paths relative to this file)."),
    kev: external_exports.enum(["off", "report", "block"]).optional().describe(
      "CISA's Known Exploited Vulnerabilities catalogue: report shows which vulnerabilities are in it; block also refuses the image when an unsuppressed one is (and when the catalogue cannot be loaded). Default off."
    ),
    epss: external_exports.enum(["off", "report"]).optional().describe(
      "FIRST's EPSS scores (probability of exploitation in 30 days): report shows them. Default off."
    ),
    "epss-above": external_exports.number().min(0).max(1).optional().describe(
      "Refuse the image when an unsuppressed vulnerability has an EPSS score above this (0 to 1), or when the scores cannot be loaded. Implies epss: report."
    ),
    "epss-file": external_exports.string().min(1).optional().describe(
      "A local EPSS file (epss_scores-YYYY-MM-DD.csv[.gz], relative to this file) instead of the download; implies epss: report."
    ),
    "kev-file": external_exports.string().min(1).optional().describe(
      "A local copy of known_exploited_vulnerabilities.json (relative to this file) instead of the download; implies kev: report."
    )
  }).default({ "ignore-unfixed": false, vex: [] }).describe("Vulnerability matching options."),
  malware: external_exports.strictObject({
    mode: external_exports.enum(MALWARE_MODES).default("required").describe(
      "required: malware scanning that could not run (ClamAV or its signature database missing) blocks; optional: it is a warning, and the report says malware scanning did not run."
    ),
    "clamav-db": external_exports.string().min(1).optional().describe("ClamAV signature database folder (relative to this file); default ClamAV's own.")
  }).default({ mode: "required" }).describe("Malware scanning."),
  analyzers: external_exports.record(external_exports.string().regex(/^[a-z][a-z0-9-]*$/), external_exports.enum(["required", "optional"])).default({}).describe(
    "Per image analyzer (see the JSON report's `analyzers`): required (default) blocks when it fails; optional makes its failure a warning, recorded in the report and the decision."
  )
}).describe("shipgate policy (shipgate.yaml)");
function policyJsonSchema() {
  const schema = external_exports.toJSONSchema(policySchema, { io: "input", unrepresentable: "any" });
  return {
    $schema: schema.$schema,
    $id: "https://raw.githubusercontent.com/shipgate/shipgate/main/schemas/shipgate.schema.json",
    title: "shipgate.yaml",
    ...schema
  };
}

// src/policy/load.ts
var MAX_POLICY_BYTES = 4 * 1024 * 1024;
function loadPolicy(repoRoot, explicitPath) {
  let file;
  if (explicitPath) {
    file = isAbsolute(explicitPath) ? explicitPath : resolve(repoRoot, explicitPath);
    if (!existsSync(file))
      throw new ShipgateError("NOT_FOUND", `policy file ${explicitPath} does not exist`, {
        hint: "check the --config flag or the action input `config`"
      });
    if (statSync(file).isDirectory())
      throw new ShipgateError("INPUT", `policy file ${explicitPath} is a directory`, {
        hint: "give the path of the shipgate.yaml file itself"
      });
  } else {
    file = findPolicyFile(repoRoot);
    if (!file) return defaultPolicy();
  }
  const rel = relative(repoRoot, file);
  const display = rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : file;
  if (statSync(file).size > MAX_POLICY_BYTES)
    throw new ShipgateError("CONFIG_INVALID", `${display} is larger than ${MAX_POLICY_BYTES >> 20} MiB`, {
      hint: "a policy is a few kilobytes; move long ignore lists into fewer, broader entries"
    });
  const policy = parsePolicy(readFileSync(file, "utf8"), display);
  return { ...policy, baseDir: resolve(file, "..") };
}
function parsePolicy(text, name = "shipgate.yaml") {
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: true, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    const where = pos ? `:${pos.line}:${pos.col}` : "";
    const msg = yamlError.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "syntax error";
    throw new ShipgateError("CONFIG_INVALID", `${name}${where}: YAML syntax error: ${msg}`);
  }
  let data;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ShipgateError("CONFIG_INVALID", `${name}: ${oneLine(e.message)}`, {
      hint: "use fewer YAML aliases (*name); write the values out"
    });
  }
  if (data === null || data === void 0)
    throw new ShipgateError(
      "CONFIG_INVALID",
      `${name}: the file is empty (expected a mapping with version: 1)`
    );
  if (typeof data !== "object" || Array.isArray(data))
    throw new ShipgateError("CONFIG_INVALID", `${name}: expected a mapping with version: 1 at the top level`);
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
    throw new ShipgateError(
      "CONFIG_INVALID",
      `${name}: ${first ? describeIssue(first, data) : "invalid"}${more}`,
      {
        hint: "see docs/policy.md for every key, or point your editor at schemas/shipgate.schema.json"
      }
    );
  }
  return { ...parsed.data, source: name };
}
function describeIssue(issue, input) {
  const path = formatPath(issue.path);
  const at = path ? `${path}: ` : "";
  const value = valueAt(input, issue.path);
  if (value === void 0 && (issue.code === "invalid_value" || issue.code === "invalid_type"))
    return `${at}required`;
  switch (issue.code) {
    case "invalid_value":
      if (issue.path.length && issue.path[issue.path.length - 1] === "version")
        return `${at}unsupported version ${show(value)} (expected 1)`;
      return `${at}invalid value ${show(value)} (expected one of ${issue.values.map(String).join(", ")})`;
    case "unrecognized_keys":
      return issue.keys.map((k) => `${formatPath([...issue.path, k])}: unknown key`).join(", ").concat(suggestion(issue.keys[0]));
    case "invalid_type":
      return `${at}expected ${issue.expected}, got ${typeName(value)}${show(value) ? ` ${show(value)}` : ""}`;
    case "invalid_format":
      if (issue.format === "date") return `${at}invalid date ${show(value)} (expected YYYY-MM-DD)`;
      return `${at}invalid ${issue.format} ${show(value)}`;
    case "too_small":
      if (typeof value === "string") return `${at}must not be empty`;
      return `${at}must be at least ${String(issue.minimum)}`;
    case "too_big":
      return `${at}must be at most ${String(issue.maximum)}`;
    case "invalid_key":
      return `${at}invalid key`;
    default:
      return `${at}${issue.message}`;
  }
}
var KNOWN_KEYS = [
  "version",
  "gate",
  "fail-on",
  "only-fixable",
  "max",
  "parts",
  "dockerfile",
  "require-non-root",
  "require-multistage",
  "require-digest-pinned-base",
  "minimal-base",
  "allowed-registries",
  "manifests",
  "pss",
  "rules",
  "enabled",
  "severity",
  "ignores",
  "id",
  "paths",
  "packages",
  "images",
  "reason",
  "expires",
  "secrets",
  "allow",
  "fingerprint",
  "rule",
  "vulnerabilities",
  "ignore-unfixed",
  "vex",
  "kev",
  "epss",
  "epss-above",
  "epss-file",
  "kev-file"
];
function suggestion(key) {
  if (!key) return "";
  const norm = (s) => s.toLowerCase().replace(/[_\s]/g, "-");
  const k = norm(key);
  const hit = KNOWN_KEYS.find(
    (known) => known !== key && (known === k || known === `${k}s` || `${known}s` === k)
  );
  return hit ? ` (did you mean "${hit}"?)` : "";
}
function formatPath(path) {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}
function valueAt(input, path) {
  let cur = input;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return void 0;
    cur = cur[p];
  }
  return cur;
}
function typeName(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "list";
  if (typeof v === "object") return "mapping";
  return typeof v;
}
function show(v) {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v === void 0) return "(missing)";
  if (typeof v === "object" && v !== null) return "";
  return String(v);
}

export {
  policyJsonSchema,
  loadPolicy,
  parsePolicy
};
