#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  applyPolicy,
  decide,
  dockerfileLintOptions,
  repoRelative
} from "./chunk-VHKSCCE4.js";
import {
  defaultPolicy,
  findPolicyFile
} from "./chunk-NFJWSOGN.js";
import {
  ANALYZERS,
  SCANNERS,
  analyzerRules,
  scannerPart
} from "./chunk-PCZ452MH.js";
import {
  withPipelineOptions
} from "./chunk-6FNX4VTA.js";
import {
  dockerfileRules,
  lintDockerfile,
  loadHadolintConfig
} from "./chunk-A6DYLMPC.js";
import {
  severityRank
} from "./chunk-RUY2X633.js";
import {
  VERSION
} from "./chunk-OSPGIW3E.js";
import {
  ShipgateError
} from "./chunk-FIBSGUYX.js";
import {
  logger
} from "./chunk-MJPQLFBW.js";

// src/pipeline/deadline.ts
function parseDuration(text, what) {
  const t = text.trim();
  const bad = () => {
    throw new ShipgateError("USAGE", `${what}: invalid duration "${text.slice(0, 40)}"`, {
      hint: "use e.g. 15m, 90s, 1h or 0 for no limit"
    });
  };
  if (/^\d+$/.test(t)) return Number(t) * 1e3;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (!t || !m) return bad();
  const [, h = "0", min = "0", s = "0"] = m;
  return ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1e3;
}
function formatDuration(ms) {
  const s = Math.round(ms / 1e3);
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}
async function withDeadline(ms, work) {
  if (!ms) return work(void 0);
  const controller = new AbortController();
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const err = new ShipgateError("TIMEOUT", `the scan did not finish within ${formatDuration(ms)}`, {
        hint: "raise the limit with --timeout (or SHIPGATE_TIMEOUT), e.g. --timeout 30m"
      });
      controller.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

// src/pipeline/run.ts
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";

// src/core/order.ts
var PARTS = ["dockerfile", "vulnerability", "secret", "config", "malware"];
function cmp(a, b) {
  if (a === b) return 0;
  if (a === void 0) return 1;
  if (b === void 0) return -1;
  return a < b ? -1 : 1;
}
function compareFindings(a, b) {
  return severityRank(b.severity) - severityRank(a.severity) || PARTS.indexOf(a.kind) - PARTS.indexOf(b.kind) || cmp(a.location?.path, b.location?.path) || cmp(a.location?.startLine, b.location?.startLine) || cmp(a.location?.startColumn, b.location?.startColumn) || cmp(a.vulnerability?.packageName, b.vulnerability?.packageName) || cmp(a.image?.path, b.image?.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint);
}
function sortFindings(findings) {
  return [...findings].sort(compareFindings);
}

// src/pipeline/run.ts
var MAX_DOCKERFILE_BYTES = 4 * 1024 * 1024;
async function readDockerfile(path) {
  const abs = resolve(path);
  let size;
  try {
    const s = await stat(abs);
    if (s.isDirectory()) {
      throw new ShipgateError("INPUT", `${path} is a directory`, {
        hint: "give the Dockerfile itself, e.g. ./Dockerfile"
      });
    }
    size = s.size;
  } catch (e) {
    if (e instanceof ShipgateError) throw e;
    throw new ShipgateError("NOT_FOUND", `Dockerfile ${path} does not exist`, {
      hint: "check the path (it is relative to the working directory)"
    });
  }
  if (size > MAX_DOCKERFILE_BYTES) {
    throw new ShipgateError("INPUT", `${path} is ${size} bytes, too large for a Dockerfile`);
  }
  return readBounded(abs, path);
}
async function readBounded(abs, path) {
  const chunks = [];
  let total = 0;
  for await (const chunk of createReadStream(abs, { highWaterMark: 64 * 1024 })) {
    total += chunk.length;
    if (total > MAX_DOCKERFILE_BYTES)
      throw new ShipgateError(
        "INPUT",
        `${path} is larger than ${MAX_DOCKERFILE_BYTES} bytes, too large for a Dockerfile`,
        {
          hint: "give the Dockerfile itself, a regular text file"
        }
      );
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
async function readPolicy(repoRoot, configPath) {
  if (!configPath && !findPolicyFile(repoRoot)) return defaultPolicy();
  const { loadPolicy } = await import("./chunk-SZ7RE3IH.js");
  return loadPolicy(repoRoot, configPath);
}
function runPipeline(opts, inputs = {}) {
  return withDeadline(opts.timeoutMs, (signal) => runUntil(opts, inputs, signal));
}
async function runUntil(opts, inputs, signal) {
  const log = logger();
  const startedAt = /* @__PURE__ */ new Date();
  const scanners = new Set(opts.scanners ?? SCANNERS);
  if (opts.dockerfiles.length === 0 && !opts.image) {
    throw new ShipgateError("USAGE", "nothing to scan: give a Dockerfile, an image, or both", {
      hint: "e.g. shipgate scan --dockerfile Dockerfile --image oci-archive:app.tar"
    });
  }
  const policy = withPipelineOptions(await readPolicy(opts.repoRoot, opts.configPath), {
    ...opts.ignoreUnfixed ? { ignoreUnfixed: true } : {},
    ...opts.vex ? { vex: opts.vex.map((v) => resolve(v)) } : {},
    ...opts.malwareMode ? { malwareMode: opts.malwareMode } : {},
    ...opts.clamavDb ? { clamavDb: resolve(opts.clamavDb) } : {}
  });
  log.debug(`policy: ${policy.source}`);
  const hadolint = await loadHadolintConfig(opts.repoRoot);
  const lintOptions = { ...dockerfileLintOptions(policy), ...hadolint ? { hadolint } : {} };
  const findings = [];
  const rules = /* @__PURE__ */ new Map();
  const addRules = (metas) => {
    for (const m of metas) rules.set(m.id, m);
  };
  const warnings = [];
  const dockerfiles = [];
  for (const name of Object.keys(policy.analyzers)) {
    if (!ANALYZERS.some((a) => a.name === name))
      warnings.push(
        `${policy.source}: analyzers.${name}: no such analyzer (one of ${ANALYZERS.map((a) => a.name).join(", ")}); the setting does nothing`
      );
  }
  const secrets = scanners.has("secret") ? await import("./chunk-KD7DJWCR.js") : void 0;
  if (secrets) addRules(await analyzerRules(/* @__PURE__ */ new Set(["secret"])));
  if (opts.dockerfiles.length) addRules(dockerfileRules());
  const texts = await Promise.all(opts.dockerfiles.map((path) => readDockerfile(path)));
  for (const [i, path] of opts.dockerfiles.entries()) {
    const content = texts[i];
    const rel = repoRelative(opts.repoRoot, path);
    const { findings: found, target } = await lintDockerfile({ path: rel, content }, lintOptions);
    log.info(`${rel}: ${found.length} Dockerfile finding${found.length === 1 ? "" : "s"}`);
    findings.push(...found);
    dockerfiles.push(target);
    if (secrets) findings.push(...secrets.scanDockerfileText(rel, content));
  }
  if (opts.context && secrets) {
    const dockerfile = opts.dockerfiles[0];
    findings.push(
      ...await secrets.scanBuildContext(
        resolve(opts.context),
        dockerfile ? resolve(dockerfile) : void 0,
        {
          repoRoot: opts.repoRoot
        }
      )
    );
  }
  let image;
  let packages = [];
  let analyzers;
  if (opts.image) {
    const { mapImageFindings, scanImage } = await import("./chunk-QD7KZPDE.js");
    const scanned = await scanImage(opts, scanners, policy, inputs.image, signal);
    image = scanned.target;
    packages = scanned.packages;
    analyzers = scanned.analyzers;
    warnings.push(...scanned.warnings);
    addRules(scanned.rules);
    findings.push(...mapImageFindings(scanned.findings, dockerfiles[0]));
  }
  const applied = applyPolicy(findings, policy, startedAt);
  warnings.push(...applied.warnings);
  for (const w of applied.warnings) log.warn(w);
  const present = new Set(applied.findings.map((f) => f.ruleId));
  const result = {
    tool: { name: "shipgate", version: VERSION },
    startedAt: startedAt.toISOString(),
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    dockerfiles,
    ...image ? { image } : {},
    packages,
    findings: sortFindings(applied.findings),
    // Every Dockerfile rule that ran (SARIF lists them), plus the metadata of every other rule that fired.
    parts: [
      ...dockerfiles.length ? ["dockerfile"] : [],
      // Secrets are also looked for in Dockerfiles; the other scanners need an image.
      ...SCANNERS.filter((s) => scanners.has(s) && (image || s === "secret" && dockerfiles.length)).map(
        scannerPart
      )
    ],
    rules: [...rules.values()].filter((r) => r.kind === "dockerfile" || present.has(r.id)),
    ...analyzers ? { analyzers } : {},
    warnings
  };
  result.decision = decide(
    result,
    policy,
    opts.failOn ? { failOn: opts.failOn, now: startedAt } : { now: startedAt }
  );
  return result;
}

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

export {
  PARTS,
  sortFindings,
  parseDuration,
  runPipeline,
  decisionHeadline,
  blockingReasonsLine,
  decisionLines
};
