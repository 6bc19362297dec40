#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  globMatch,
  parseImageRef
} from "./chunk-44QYIPQ7.js";
import {
  atLeast,
  severityRank
} from "./chunk-LJLRXQKZ.js";
import {
  familiarName,
  splitReference,
  withoutTransport
} from "./chunk-6FSLFHTN.js";

// src/policy/match.ts
function anyMatch(patterns, values) {
  const vs = values.filter((v) => !!v);
  return patterns.some(
    (p) => vs.some((v) => globMatch(p, v) || globMatch(p.replace(/^\/+/, ""), v.replace(/^\/+/, "")))
  );
}
function findingIds(f) {
  const ids = [f.ruleId];
  if (f.vulnerability) ids.push(f.vulnerability.id, ...f.vulnerability.aliases);
  return ids;
}
function findingPaths(f) {
  return [f.location?.path, f.image?.path].filter((p) => !!p);
}
function ignoreMatches(ig, f) {
  if (!findingIds(f).some((id) => globMatch(ig.id, id))) return false;
  if (ig.paths && !anyMatch(ig.paths, findingPaths(f))) return false;
  if (ig.packages) {
    const v = f.vulnerability;
    const names = v ? [v.packageName, v.purl, v.purl?.replace(/@[^@]*$/, "")] : [];
    if (!anyMatch(ig.packages, names)) return false;
  }
  if (ig.images) {
    const ref = f.image?.ref;
    const values = ref ? [ref, splitReference(withoutTransport(ref)).name] : [];
    if (!anyMatch(ig.images, values)) return false;
  }
  return true;
}
function secretAllowMatches(a, f) {
  if (a.fingerprint !== void 0 && a.fingerprint !== f.fingerprint) return false;
  if (a.rule !== void 0 && !globMatch(a.rule, f.ruleId)) return false;
  if (a.paths && !anyMatch(a.paths, findingPaths(f))) return false;
  return true;
}
function daysUntil(date, now) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const [y, m, d] = date.split("-").map(Number);
  return Math.round((Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) - today) / 864e5);
}
function isExpired(expires, now) {
  return expires !== void 0 && daysUntil(expires, now) < 0;
}

// src/policy/properties.ts
var PROPERTY_RULES = {
  "require-non-root": "SG-DF-001",
  "require-multistage": "SG-DF-002",
  "require-digest-pinned-base": "SG-DF-004",
  "minimal-base": "SG-DF-003",
  "allowed-registries": "SG-DF-053"
};
function requiredPropertyRules(policy) {
  const d = policy.dockerfile;
  const on = {
    "require-non-root": d["require-non-root"],
    "require-multistage": d["require-multistage"],
    "require-digest-pinned-base": d["require-digest-pinned-base"],
    "minimal-base": d["minimal-base"] !== void 0,
    "allowed-registries": d["allowed-registries"] !== void 0
  };
  const out = /* @__PURE__ */ new Map();
  for (const [prop, rule] of Object.entries(PROPERTY_RULES))
    if (on[prop]) out.set(rule, prop);
  return out;
}
function checkRequiredProperties(targets, policy, now) {
  const out = [];
  for (const t of targets) for (const v of checkOne(t, policy)) if (!waived(v, policy, now)) out.push(v);
  return out;
}
function waived(v, policy, now) {
  return policy.ignores.some(
    (ig) => ig.id === v.property && !isExpired(ig.expires, now) && (!ig.paths || ig.paths.some((p) => globMatch(p, v.path)))
  );
}
function checkOne(t, policy) {
  const req = policy.dockerfile;
  const out = [];
  if (t.stages.length === 0) return out;
  const names = new Set(t.stages.map((s) => s.name?.toLowerCase()).filter((n) => !!n));
  const final = t.stages.at(-1);
  if (!final) return out;
  if (req["require-non-root"]) {
    const user = t.finalUser;
    if (!user)
      out.push({
        property: "require-non-root",
        path: t.path,
        line: final.line,
        message: "final stage sets no USER and runs as root"
      });
    else if (user.runsAs === "root")
      out.push({
        property: "require-non-root",
        path: t.path,
        line: user.line,
        message: `final stage runs as root (USER ${user.text}${user.value === user.text ? "" : `, that is ${user.value}`})`
      });
    else if (user.runsAs === "unknown")
      out.push({
        property: "require-non-root",
        path: t.path,
        line: user.line,
        message: `final stage's USER ${user.text} cannot be checked (a variable with no value in the Dockerfile)`
      });
  }
  if (req["require-multistage"] && t.stages.length < 2)
    out.push({
      property: "require-multistage",
      path: t.path,
      line: final.line,
      message: "single-stage build (no separate build stage)"
    });
  const pulled = [
    ...t.stages.filter((s) => !names.has(s.baseImage.trim().toLowerCase())).map((s) => ({ image: s.baseImage.trim(), line: s.line, what: "base image" })),
    ...t.pulledImages.map((p) => ({ image: p.image.trim(), line: p.line, what: "image" }))
  ];
  for (const { image, line, what } of pulled) {
    if (image.toLowerCase() === "scratch") continue;
    const ref = parseImageRef(image);
    const unresolved = image.includes("$");
    if (req["require-digest-pinned-base"] && !ref.digest)
      out.push({
        property: "require-digest-pinned-base",
        path: t.path,
        line,
        message: unresolved ? `${what} ${image} cannot be checked for a digest (unresolved variable)` : `${what} ${image} is not pinned by digest`
      });
    const registries = req["allowed-registries"];
    if (registries && (unresolved || !registries.some((r) => globMatch(r, ref.registry))))
      out.push({
        property: "allowed-registries",
        path: t.path,
        line,
        message: unresolved ? `${what} ${image} cannot be checked against the allowed registries (unresolved variable)` : `${what} ${image} comes from ${ref.registry}, which is not an allowed registry (${registries.join(", ")})`
      });
  }
  const minimal = req["minimal-base"];
  if (minimal) {
    const base = finalBase(t, names);
    if (base && base.toLowerCase() !== "scratch") {
      const ref = parseImageRef(base);
      const candidates = [
        familiarName(ref),
        `${ref.registry}/${ref.repository}`,
        base,
        base.replace(/@.*$/, "")
      ];
      if (!minimal.some((p) => candidates.some((c) => globMatch(p, c))))
        out.push({
          property: "minimal-base",
          path: t.path,
          line: final.line,
          message: `final base image ${base} is not in the minimal-base allow-list`
        });
    }
  }
  return out;
}
function finalBase(t, names) {
  let base = t.stages[t.stages.length - 1]?.baseImage.trim();
  for (let hops = 0; base && names.has(base.toLowerCase()) && hops < t.stages.length; hops++) {
    const name = base.toLowerCase();
    base = t.stages.find((s) => s.name?.toLowerCase() === name)?.baseImage.trim();
  }
  return base;
}

// src/policy/apply.ts
var EXPIRY_WARNING_DAYS = 14;
function applyPolicy(findings, policy, now = /* @__PURE__ */ new Date()) {
  const warnings = [];
  const out = [];
  const used = /* @__PURE__ */ new Set();
  const usedAllow = /* @__PURE__ */ new Set();
  const secretIgnoreWarned = /* @__PURE__ */ new Set();
  const escalate = requiredPropertyRules(policy);
  for (const original of findings) {
    const override = policy.rules[original.ruleId];
    if (override?.enabled === false) continue;
    let f = original;
    const requiredBy = escalate.get(f.ruleId);
    if (override?.severity && override.severity !== f.severity) {
      f = {
        ...f,
        severity: override.severity,
        properties: { ...f.properties, originalSeverity: f.severity }
      };
    } else if (!override?.severity && requiredBy && severityRank(f.severity) < severityRank("high")) {
      f = {
        ...f,
        severity: "high",
        properties: { ...f.properties, originalSeverity: f.severity, requiredBy }
      };
    }
    if (!f.suppressed) f = suppress(f, policy, now, used, usedAllow, secretIgnoreWarned, warnings);
    out.push(f);
  }
  policy.ignores.forEach((ig, i) => {
    if (isExpired(ig.expires, now)) {
      warnings.push(`ignore for ${ig.id} expired on ${ig.expires} and no longer applies (${ig.reason})`);
      return;
    }
    if (ig.expires) {
      const days = daysUntil(ig.expires, now);
      if (days <= EXPIRY_WARNING_DAYS)
        warnings.push(
          `ignore for ${ig.id} expires on ${ig.expires} (${days === 0 ? "today" : `in ${days} day${days === 1 ? "" : "s"}`})`
        );
    }
    if (!used.has(i) && !secretIgnoreWarned.has(i)) warnings.push(`ignore for ${ig.id} matched no finding`);
  });
  policy.secrets.allow.forEach((a, i) => {
    const what = a.fingerprint ? `secret ${a.fingerprint}` : `secret rule ${a.rule ?? ""}`;
    if (isExpired(a.expires, now))
      warnings.push(`allowance for ${what} expired on ${a.expires} and no longer applies`);
    else if (!usedAllow.has(i)) warnings.push(`allowance for ${what} matched no finding`);
  });
  return { findings: out, warnings };
}
function suppress(f, policy, now, used, usedAllow, secretIgnoreWarned, warnings) {
  if (f.kind === "secret") {
    const i2 = policy.secrets.allow.findIndex((a2) => !isExpired(a2.expires, now) && secretAllowMatches(a2, f));
    const a = policy.secrets.allow[i2];
    if (a) {
      usedAllow.add(i2);
      return withSuppression(f, a.reason, a.expires);
    }
    policy.ignores.forEach((ig2, j) => {
      if (!secretIgnoreWarned.has(j) && findingIds(f).some((id) => globMatch(ig2.id, id))) {
        secretIgnoreWarned.add(j);
        warnings.push(
          `ignore for ${ig2.id} does not apply to secrets; list the secret under secrets.allow instead`
        );
      }
    });
    return f;
  }
  const i = policy.ignores.findIndex((ig2) => !isExpired(ig2.expires, now) && ignoreMatches(ig2, f));
  const ig = policy.ignores[i];
  if (ig) {
    used.add(i);
    return withSuppression(f, ig.reason, ig.expires);
  }
  if (f.kind === "vulnerability" && policy.vulnerabilities["ignore-unfixed"] && f.vulnerability && (f.vulnerability.fixState === "unfixed" || f.vulnerability.fixState === "wont-fix")) {
    return withSuppression(f, "no fix available (vulnerabilities.ignore-unfixed)");
  }
  return f;
}
function withSuppression(f, reason, expires) {
  return { ...f, suppressed: expires ? { kind: "policy", reason, expires } : { kind: "policy", reason } };
}

// src/policy/severity-filter.ts
var DESC = ["critical", "high", "medium", "low", "info"];
function filterBySeverity(findings, severities) {
  const keep = new Set(severities);
  const hidden = {};
  const shown = [];
  for (const f of findings) {
    if (keep.has(f.severity)) shown.push(f);
    else hidden[f.severity] = (hidden[f.severity] ?? 0) + 1;
  }
  return { findings: shown, filter: { severities: DESC.filter((s) => keep.has(s)), hidden } };
}
function hiddenCount(filter) {
  return Object.values(filter.hidden).reduce((a, b) => a + b, 0);
}
function hiddenMessage(filter) {
  const n = hiddenCount(filter);
  const by = DESC.filter((s) => filter.hidden[s]).map((s) => `${filter.hidden[s]} ${s}`);
  return `${n} finding${n === 1 ? "" : "s"} hidden by severity ${filter.severities.map((s) => s.toUpperCase()).join(",")} (${by.join(", ")}); hidden findings are not reported and do not count toward the gate`;
}

// src/policy/decide.ts
var MAX_FINGERPRINTS = 20;
var MAX_ITEM_REASONS = 10;
var PART_OF = {
  dockerfile: "dockerfile",
  manifest: "manifests",
  vulnerability: "vulnerabilities",
  secret: "secrets",
  config: "config",
  malware: "malware"
};
var NOUN = {
  dockerfile: ["Dockerfile finding", "Dockerfile findings"],
  manifest: ["Kubernetes manifest finding", "Kubernetes manifest findings"],
  vulnerability: ["vulnerability", "vulnerabilities"],
  config: ["image configuration finding", "image configuration findings"]
};
var SEVERITIES_DESC = ["critical", "high", "medium", "low", "info"];
var SCANNER_PART = {
  vuln: "vulnerabilities",
  secret: "secrets",
  config: "config",
  malware: "malware"
};
function analyzerReasons(analyzers, policy, parts) {
  const out = [];
  for (const a of analyzers) {
    if (a.status === "ok") continue;
    const part = SCANNER_PART[a.scanner];
    const gated = part === void 0 || parts.has(part);
    const detail = a.detail ?? "no details";
    if (a.status === "incomplete" && a.scanner === "malware") {
      const optional2 = policy.malware.mode === "optional";
      out.push({
        code: "malware-not-scanned",
        blocking: gated && !optional2,
        message: optional2 ? `malware scanning did not run (${detail}); malware.mode is optional` : `malware scanning did not run (${detail}); set up ClamAV and its signature database, or set malware.mode: optional`
      });
      continue;
    }
    const optional = policy.analyzers[a.name] === "optional";
    const what = a.status === "failed" ? `analyzer ${a.name} ${detail}` : `analyzer ${a.name} incomplete: ${detail}`;
    out.push({
      code: "analyzer-failed",
      blocking: gated && !optional,
      message: optional ? `${what} (optional by policy)` : what
    });
  }
  return out;
}
function cleanPhrase(analyzers) {
  const notOk = (scanner) => analyzers.some((a) => a.scanner === scanner && a.status !== "ok");
  const secrets = notOk("secret") ? "secret scanning incomplete" : "no secrets";
  const malware = notOk("malware") ? "malware scanning did not run" : void 0;
  return malware ? `${secrets}, ${malware}` : `${secrets} or malware`;
}
function decide(result, policy, overrides = {}) {
  const now = overrides.now ?? /* @__PURE__ */ new Date();
  const threshold = resolveThreshold(overrides.failOn ?? policy.gate["fail-on"]);
  const parts = new Set(policy.gate.parts);
  const onlyFixable = policy.gate["only-fixable"];
  const active = result.findings.filter((f) => !f.suppressed && parts.has(PART_OF[f.kind]));
  const blocking = [];
  const info = [];
  for (const r of analyzerReasons(result.analyzers ?? [], policy, parts))
    (r.blocking ? blocking : info).push(r);
  blocking.push(
    ...itemReasons(
      active.filter((f) => f.kind === "secret"),
      "secret"
    )
  );
  blocking.push(
    ...itemReasons(
      active.filter((f) => f.kind === "malware"),
      "malware"
    )
  );
  const explained = /* @__PURE__ */ new Set();
  for (const v of checkRequiredProperties(result.dockerfiles, policy, now)) {
    const behind = active.filter((f) => f.ruleId === PROPERTY_RULES[v.property] && f.location?.path === v.path).map((f) => f.fingerprint);
    for (const fp of behind) explained.add(fp);
    blocking.push({
      code: "required-property",
      blocking: true,
      message: `${v.path}:${v.line}: ${v.message} (${v.property})`,
      findings: behind.slice(0, MAX_FINGERPRINTS)
    });
  }
  const counted = active.filter(
    (f) => f.kind !== "secret" && f.kind !== "malware" && !explained.has(f.fingerprint) && !(onlyFixable && f.kind === "vulnerability" && !f.fixable)
  );
  if (threshold) {
    for (const kind of ["vulnerability", "dockerfile", "manifest", "config"]) {
      const over = counted.filter((f) => f.kind === kind && atLeast(f.severity, threshold));
      if (over.length === 0) continue;
      let note = "";
      if (kind === "vulnerability") {
        const fixable = over.filter((f) => f.fixable).length;
        const excluded = onlyFixable ? active.filter((f) => f.kind === kind && !f.fixable && atLeast(f.severity, threshold)).length : 0;
        note = onlyFixable ? excluded > 0 ? ` (only fixable counted; ${excluded} without a fix not counted)` : "" : ` (${fixable} fixable)`;
      }
      blocking.push({
        code: "severity-threshold",
        blocking: true,
        severity: highest(over),
        message: `${countPhrase(over, NOUN[kind])} at or above the threshold ${threshold}${note}`,
        findings: fingerprints(over)
      });
    }
  }
  blocking.push(...exploitReasons(result, policy, active, parts));
  for (const sev of SEVERITIES_DESC) {
    const max = policy.gate.max[sev];
    if (max === void 0) continue;
    const at = counted.filter((f) => f.severity === sev);
    if (at.length > max)
      blocking.push({
        code: "max-count",
        blocking: true,
        severity: sev,
        message: `${at.length} ${sev} finding${at.length === 1 ? "" : "s"}, more than the maximum of ${max} (gate.max.${sev})`,
        findings: fingerprints(at)
      });
  }
  for (const ig of policy.ignores)
    if (isExpired(ig.expires, now))
      info.push({
        code: "ignore-expired",
        blocking: false,
        message: `ignore for ${ig.id} expired on ${ig.expires}`
      });
  for (const a of policy.secrets.allow)
    if (isExpired(a.expires, now))
      info.push({
        code: "ignore-expired",
        blocking: false,
        message: `secrets.allow for ${a.fingerprint ?? a.rule ?? "secret"} expired on ${a.expires}`
      });
  const hidden = overrides.severityFilter ? hiddenCount(overrides.severityFilter) : 0;
  if (overrides.severityFilter && hidden > 0)
    info.push({ code: "severity-filter", blocking: false, message: hiddenMessage(overrides.severityFilter) });
  const approved = blocking.length === 0;
  if (approved) {
    const suppressed = result.findings.filter((f) => f.suppressed).length;
    const below = active.length;
    const what = threshold ? `nothing at or above the threshold ${threshold}` : "no severity threshold (fail-on none)";
    const extra = [
      below ? `${below} finding${below === 1 ? "" : "s"} below it` : "",
      suppressed ? `${suppressed} suppressed` : "",
      hidden ? `${hidden} hidden by severity` : ""
    ].filter(Boolean);
    info.unshift({
      code: "ok",
      blocking: false,
      message: `approved: ${what}, ${cleanPhrase(result.analyzers ?? [])}${extra.length ? ` (${extra.join(", ")})` : ""}`
    });
  }
  return { approved, reasons: [...blocking, ...info], policy: policy.source };
}
function exploitReasons(result, policy, active, parts) {
  const v = policy.vulnerabilities;
  const matched = result.image !== void 0 && (result.parts?.includes("vulnerability") ?? true);
  if (!parts.has("vulnerabilities") || !matched) return [];
  const vulns = active.filter((f) => f.kind === "vulnerability");
  const out = [];
  const missing = (source, rule) => {
    const why = result.exploitData?.errors[source] ?? "it was not loaded";
    const name = source === "kev" ? "CISA's KEV catalogue" : "the EPSS scores";
    return {
      code: "exploit-data-missing",
      blocking: true,
      message: `${name} could not be loaded (${why}), so ${rule} cannot be checked`
    };
  };
  if (v.kev === "block") {
    if (!result.exploitData?.kev) out.push(missing("kev", "vulnerabilities.kev: block"));
    else {
      const hit = vulns.filter((f) => f.vulnerability?.kev);
      if (hit.length)
        out.push({
          code: "kev",
          blocking: true,
          severity: highest(hit),
          message: `${hit.length} ${hit.length === 1 ? "vulnerability is" : "vulnerabilities are"} in CISA's Known Exploited Vulnerabilities catalogue: ${idList(hit)} (vulnerabilities.kev: block)`,
          findings: fingerprints(hit)
        });
    }
  }
  const above = v["epss-above"];
  if (above !== void 0) {
    if (!result.exploitData?.epss) out.push(missing("epss", `vulnerabilities.epss-above: ${above}`));
    else {
      const hit = vulns.filter((f) => (f.vulnerability?.epss?.score ?? -1) > above);
      if (hit.length)
        out.push({
          code: "epss",
          blocking: true,
          severity: highest(hit),
          message: `${hit.length} ${hit.length === 1 ? "vulnerability has" : "vulnerabilities have"} an EPSS score above ${above}: ${idList(hit, (f) => ` ${f.vulnerability.epss.score}`)} (vulnerabilities.epss-above)`,
          findings: fingerprints(hit)
        });
    }
  }
  return out;
}
function idList(findings, extra = () => "") {
  const shown = findings.slice(0, 5).map((f) => `${f.ruleId}${extra(f)} (${f.vulnerability?.packageName ?? "package"})`);
  return findings.length > 5 ? `${shown.join(", ")} and ${findings.length - 5} more` : shown.join(", ");
}
function resolveThreshold(v) {
  return v === "none" ? void 0 : v;
}
function itemReasons(findings, code) {
  const shown = findings.slice(0, MAX_ITEM_REASONS).map((f) => ({
    code,
    blocking: true,
    severity: f.severity,
    message: `${code} found: ${f.ruleId} ${where(f)}`,
    findings: [f.fingerprint]
  }));
  const rest = findings.slice(MAX_ITEM_REASONS);
  if (rest.length)
    shown.push({
      code,
      blocking: true,
      severity: highest(rest),
      message: `and ${rest.length} more ${code === "secret" ? "secrets" : "malware findings"}`,
      findings: fingerprints(rest)
    });
  return shown;
}
function where(f) {
  const i = f.image;
  if (i && (i.layerIndex !== void 0 || i.path)) {
    const layer = i.layerIndex !== void 0 ? `in layer ${i.layerIndex}` : "in the image";
    const deleted = i.deleted ? ", deleted in a later layer" : "";
    return i.path ? `${layer} (${i.path}${deleted})` : layer;
  }
  if (f.location) return `at ${f.location.path}:${f.location.startLine}`;
  return "in the image";
}
function countPhrase(findings, [one, many]) {
  const parts = [];
  for (const s of SEVERITIES_DESC) {
    const n = findings.filter((f) => f.severity === s).length;
    if (n) parts.push(`${n} ${s}`);
  }
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0] ?? "0";
  return `${list} ${findings.length === 1 ? one : many}`;
}
function highest(findings) {
  let best;
  for (const f of findings) if (!best || severityRank(f.severity) > severityRank(best)) best = f.severity;
  return best;
}
function fingerprints(findings) {
  return findings.slice(0, MAX_FINGERPRINTS).map((f) => f.fingerprint);
}

// src/policy/dockerfile-options.ts
function dockerfileLintOptions(policy) {
  const opts = {};
  const minimal = policy.dockerfile["minimal-base"];
  if (minimal) opts.minimalBases = [...minimal];
  const registries = policy.dockerfile["allowed-registries"];
  if (registries) opts.allowedRegistries = [...registries];
  opts.shellcheck = policy.dockerfile.shellcheck !== false;
  const disabled = Object.entries(policy.rules).filter(([, o]) => o.enabled === false).map(([id]) => id);
  if (disabled.length) opts.ignoreRules = disabled;
  return opts;
}

export {
  applyPolicy,
  filterBySeverity,
  hiddenMessage,
  decide,
  dockerfileLintOptions
};
