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
} from "./chunk-FFKUHJK4.js";
import {
  defaultPolicy,
  findPolicyFile
} from "./chunk-GZGRCBD6.js";
import {
  dockerfileRules,
  lintDockerfile,
  loadHadolintConfig
} from "./chunk-CRQVELII.js";
import {
  withPipelineOptions
} from "./chunk-YRLS6VAV.js";
import {
  compareSeverity
} from "./chunk-M3P4NN3O.js";
import {
  VERSION
} from "./chunk-ZOTEE5XN.js";
import {
  logger
} from "./chunk-QRC7J5MF.js";
import {
  ShipgateError
} from "./chunk-XNFBH2M5.js";

// src/pipeline/run.ts
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
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
  return readFile(abs, "utf8");
}
function sortFindings(findings) {
  return findings.sort(
    (a, b) => Number(Boolean(a.suppressed)) - Number(Boolean(b.suppressed)) || compareSeverity(b.severity, a.severity) || (a.location?.path ?? "").localeCompare(b.location?.path ?? "") || (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint)
  );
}
async function readPolicy(repoRoot, configPath) {
  if (!configPath && !findPolicyFile(repoRoot)) return defaultPolicy();
  const { loadPolicy } = await import("./chunk-EK54PJGV.js");
  return loadPolicy(repoRoot, configPath);
}
async function runPipeline(opts) {
  const log = logger();
  const startedAt = /* @__PURE__ */ new Date();
  const scanners = new Set(opts.scanners ?? ["vuln", "secret", "config", "malware"]);
  if (opts.dockerfiles.length === 0 && !opts.image) {
    throw new ShipgateError("USAGE", "nothing to scan: give a Dockerfile, an image, or both", {
      hint: "e.g. shipgate scan --dockerfile Dockerfile --image oci-archive:app.tar"
    });
  }
  const policy = withPipelineOptions(await readPolicy(opts.repoRoot, opts.configPath), {
    ...opts.ignoreUnfixed ? { ignoreUnfixed: true } : {},
    ...opts.vex ? { vex: opts.vex.map((v) => resolve(v)) } : {}
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
  const secrets = scanners.has("secret") ? await import("./chunk-6BM2X333.js") : void 0;
  if (secrets) addRules(secrets.SECRET_RULE_META);
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
  if (opts.image) {
    const { mapImageFindings, scanImage } = await import("./chunk-BYQULB75.js");
    const scanned = await scanImage(opts, scanners, policy);
    image = scanned.target;
    packages = scanned.packages;
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
      ...image && scanners.has("vuln") ? ["vulnerability"] : [],
      ...secrets && (image || dockerfiles.length) ? ["secret"] : [],
      ...image && scanners.has("config") ? ["config"] : [],
      ...image && scanners.has("malware") ? ["malware"] : []
    ],
    rules: [...rules.values()].filter((r) => r.kind === "dockerfile" || present.has(r.id)),
    warnings
  };
  result.decision = decide(
    result,
    policy,
    opts.failOn ? { failOn: opts.failOn, now: startedAt } : { now: startedAt }
  );
  return result;
}

export {
  runPipeline
};
