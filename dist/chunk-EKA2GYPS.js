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
  filterBySeverity,
  hiddenMessage
} from "./chunk-VW2INED4.js";
import {
  defaultPolicy,
  findPolicyFile
} from "./chunk-CE3SJGIG.js";
import {
  withExtraIgnores,
  withPipelineOptions
} from "./chunk-ORKN2LZK.js";
import {
  repoRelative
} from "./chunk-VYLKKKIO.js";
import {
  ANALYZERS,
  SCANNERS,
  analyzerRules,
  scannerPart
} from "./chunk-7KII5CIB.js";
import {
  loadHadolintConfig
} from "./chunk-7RXX3OXC.js";
import {
  require_dist
} from "./chunk-DML5XCCS.js";
import {
  historyRules
} from "./chunk-Z4T7NOW3.js";
import {
  lintDockerfilesParallel
} from "./chunk-FJAP4N5B.js";
import {
  dockerfileRules
} from "./chunk-DLZNSFT6.js";
import {
  VERSION
} from "./chunk-3QODUBSV.js";
import {
  sortFindings
} from "./chunk-WXYCZFY5.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

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
import { open, stat } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";

// src/policy/ignore-files.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, isAbsolute, relative, resolve } from "node:path";

// src/policy/trivyignore.ts
var import_yaml = __toESM(require_dist(), 1);
var YAML_LISTS = ["vulnerabilities", "misconfigurations", "secrets"];
var DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/;
function isYamlIgnoreFile(name) {
  return /\.ya?ml$/i.test(name);
}
function parseTrivyIgnore(text, name = ".trivyignore") {
  const out = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) return;
    const [id, ...fields] = line.split(/\s+/);
    const entry = { id };
    for (const field of fields) {
      const exp = /^exp:(.*)$/.exec(field);
      if (!exp)
        throw new ShipgateError("CONFIG_INVALID", `${name}:${i + 1}: unexpected "${field}" after ${id}`, {
          hint: "write one id a line, optionally followed by exp:YYYY-MM-DD"
        });
      entry.expires = isoDate(exp[1], `${name}:${i + 1}`);
    }
    out.push(entry);
  });
  return out;
}
function parseTrivyIgnoreYaml(text, name = ".trivyignore.yaml") {
  const doc = (0, import_yaml.parseDocument)(text, { uniqueKeys: true });
  const err = doc.errors[0];
  if (err)
    throw new ShipgateError(
      "CONFIG_INVALID",
      `${name}: YAML syntax error: ${err.message.split("\n")[0] ?? "syntax error"}`
    );
  const data = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === void 0) return [];
  if (typeof data !== "object" || Array.isArray(data))
    throw new ShipgateError("CONFIG_INVALID", `${name}: expected a mapping of ${YAML_LISTS.join(", ")}`);
  const out = [];
  for (const [key, value] of Object.entries(data)) {
    const list = YAML_LISTS.find((l) => l === key);
    if (!list) continue;
    if (value === null) continue;
    if (!Array.isArray(value)) throw new ShipgateError("CONFIG_INVALID", `${name}: ${key}: expected a list`);
    value.forEach((item, i) => out.push(yamlEntry(item, list, `${name}: ${key}[${i}]`)));
  }
  return out;
}
function yamlEntry(item, list, at) {
  if (item === null || typeof item !== "object" || Array.isArray(item))
    throw new ShipgateError("CONFIG_INVALID", `${at}: expected a mapping with an id`);
  const { id, paths, statement, expired_at: expiredAt } = item;
  if (typeof id !== "string" || !id.trim())
    throw new ShipgateError("CONFIG_INVALID", `${at}: id: required`, { hint: "e.g. id: CVE-2024-1234" });
  const entry = { id: id.trim(), ...list ? { list } : {} };
  if (paths !== void 0 && paths !== null) {
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === "string" && p.trim()))
      throw new ShipgateError("CONFIG_INVALID", `${at}: paths: expected a list of paths`);
    if (paths.length) entry.paths = paths.map((p) => p.trim());
  }
  if (typeof statement === "string" && statement.trim()) entry.statement = statement.trim();
  if (expiredAt !== void 0 && expiredAt !== null) {
    const text = expiredAt instanceof Date ? expiredAt.toISOString() : String(expiredAt);
    entry.expires = isoDate(text, `${at}: expired_at`);
  }
  return entry;
}
function isoDate(text, at) {
  const m = DATE.exec(text.trim());
  const day = m?.[1];
  if (!day || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw new ShipgateError("CONFIG_INVALID", `${at}: invalid date "${text}" (expected YYYY-MM-DD)`);
  return day;
}
function normalizePeerId(id) {
  const upper = id.trim().toUpperCase().replace(/^AVD-/, "");
  const m = /^([A-Z]+)-?0*(\d+)$/.exec(upper);
  return m ? `${m[1]}-${m[2].padStart(4, "0")}` : upper;
}
function trivyIgnoresToPolicy(entries, rules, source) {
  const ignores = [];
  const allow = [];
  for (const e of entries) {
    const mapped = rules.get(normalizePeerId(e.id)) ?? [];
    const reason = `from ${source}${mapped.length ? ` (${e.id})` : ""}${e.statement ? `: ${e.statement}` : ""}`;
    const common = {
      ...e.paths ? { paths: e.paths } : {},
      reason,
      ...e.expires ? { expires: e.expires } : {}
    };
    const targets = mapped.length ? [...mapped] : [{ id: e.id, kind: e.list === "secrets" ? "secret" : "vulnerability" }];
    for (const rule of targets) {
      if (rule.kind === "secret") allow.push({ rule: rule.id, ...common });
      else ignores.push({ id: rule.id, ...common });
    }
  }
  return { ignores, allow };
}

// src/policy/ignore-files.ts
var TRIVY_IGNORE_FILES = [".trivyignore", ".trivyignore.yaml"];
var MAX_IGNORE_FILE_BYTES = 4 * 1024 * 1024;
function readIgnoreFiles(repoRoot, named = []) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  const add = (abs, given) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push(readIgnoreFile(abs, given, repoRoot));
  };
  for (const name of TRIVY_IGNORE_FILES) {
    const abs = resolve(repoRoot, name);
    if (existsSync(abs) && statSync(abs).isFile()) add(abs, name);
  }
  for (const given of named) {
    const abs = resolve(given);
    if (!existsSync(abs))
      throw new ShipgateError("NOT_FOUND", `ignore file ${given} does not exist`, {
        hint: "check the --ignorefile flag or the trivyignores input"
      });
    if (!statSync(abs).isFile())
      throw new ShipgateError("INPUT", `ignore file ${given} is not a regular file`, {
        hint: "give the path of a .trivyignore or .trivyignore.yaml file"
      });
    add(abs, given);
  }
  return out;
}
function readIgnoreFile(abs, given, repoRoot) {
  const rel = relative(repoRoot, abs);
  const source = rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : given;
  if (statSync(abs).size > MAX_IGNORE_FILE_BYTES)
    throw new ShipgateError("CONFIG_INVALID", `${source} is larger than ${MAX_IGNORE_FILE_BYTES >> 20} MiB`, {
      hint: "an ignore file lists ids, one a line; check the path"
    });
  const text = readFileSync(abs, "utf8");
  const entries = isYamlIgnoreFile(basename(abs)) ? parseTrivyIgnoreYaml(text, source) : parseTrivyIgnore(text, source);
  return { source, entries };
}

// src/pipeline/run.ts
var MAX_DOCKERFILE_BYTES = 4 * 1024 * 1024;
async function readDockerfile(path) {
  const abs = resolve2(path);
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
  return readBounded(abs, path, size);
}
async function readBounded(abs, path, size) {
  const file = await open(abs, "r");
  try {
    let buf = Buffer.allocUnsafe(size > 0 ? size + 1 : 64 * 1024);
    let total = 0;
    for (; ; ) {
      if (total === buf.length) {
        if (total > MAX_DOCKERFILE_BYTES)
          throw new ShipgateError(
            "INPUT",
            `${path} is larger than ${MAX_DOCKERFILE_BYTES} bytes, too large for a Dockerfile`,
            { hint: "give the Dockerfile itself, a regular text file" }
          );
        const grown = Buffer.allocUnsafe(Math.min(MAX_DOCKERFILE_BYTES + 1, buf.length * 2));
        buf.copy(grown, 0, 0, total);
        buf = grown;
      }
      const { bytesRead } = await file.read(buf, total, buf.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buf.toString("utf8", 0, total);
  } finally {
    await file.close();
  }
}
async function readPolicy(repoRoot, configPath) {
  if (!configPath && !findPolicyFile(repoRoot)) return defaultPolicy();
  const { loadPolicy } = await import("./chunk-T7LGMWBC.js");
  return loadPolicy(repoRoot, configPath);
}
async function withTrivyIgnores(policy, repoRoot, named) {
  const files = readIgnoreFiles(repoRoot, named);
  if (!files.some((f) => f.entries.length)) return policy;
  const { allRules } = await import("./chunk-67DTY2KH.js");
  const byPeer = /* @__PURE__ */ new Map();
  for (const r of await allRules()) {
    const peers = [
      ...r.equivalents?.trivy ?? [],
      ...r.related?.checks.trivy ?? [],
      ...r.kind === "secret" ? r.equivalents?.gitleaks ?? [] : []
    ];
    for (const key of new Set(peers.map(normalizePeerId)))
      byPeer.set(key, [...byPeer.get(key) ?? [], { id: r.id, kind: r.kind }]);
  }
  let out = policy;
  for (const f of files) out = withExtraIgnores(out, trivyIgnoresToPolicy(f.entries, byPeer, f.source));
  return out;
}
function runPipeline(opts, inputs = {}) {
  return withDeadline(opts.timeoutMs, (signal) => runUntil(opts, inputs, signal));
}
async function runUntil(opts, inputs, signal) {
  const log = logger();
  const startedAt = /* @__PURE__ */ new Date();
  const scanners = new Set(opts.scanners ?? SCANNERS);
  const manifestPaths = opts.manifests ?? [];
  if (opts.dockerfiles.length === 0 && !opts.image && manifestPaths.length === 0) {
    throw new ShipgateError("USAGE", "nothing to scan: give a Dockerfile, manifests, an image, or several", {
      hint: "e.g. shipgate scan --dockerfile Dockerfile --image oci-archive:app.tar"
    });
  }
  const policy = await withTrivyIgnores(
    withPipelineOptions(await readPolicy(opts.repoRoot, opts.configPath), {
      ...opts.ignoreUnfixed ? { ignoreUnfixed: true } : {},
      ...opts.vex ? { vex: opts.vex.map((v) => resolve2(v)) } : {},
      ...opts.malwareMode ? { malwareMode: opts.malwareMode } : {},
      ...opts.clamavDb ? { clamavDb: resolve2(opts.clamavDb) } : {}
    }),
    opts.repoRoot,
    opts.ignoreFiles ?? []
  );
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
  let shellcheckMissing = false;
  for (const name of Object.keys(policy.analyzers)) {
    if (!ANALYZERS.some((a) => a.name === name))
      warnings.push(
        `${policy.source}: analyzers.${name}: no such analyzer (one of ${ANALYZERS.map((a) => a.name).join(", ")}); the setting does nothing`
      );
  }
  const secrets = scanners.has("secret") ? await import("./chunk-5JYNQTG3.js") : void 0;
  if (secrets) addRules(await analyzerRules(/* @__PURE__ */ new Set(["secret"])));
  if (opts.dockerfiles.length) addRules(dockerfileRules());
  if (opts.dockerfiles.length)
    await log.group("shipgate: Dockerfile lint", async () => {
      const texts = await Promise.all(opts.dockerfiles.map((path) => readDockerfile(path)));
      const inputs2 = opts.dockerfiles.map((path, i) => ({
        path: repoRelative(opts.repoRoot, path),
        content: texts[i]
      }));
      const linted = await lintDockerfilesParallel(inputs2, lintOptions);
      for (const [i, { path: rel, content }] of inputs2.entries()) {
        const { findings: found, target, shellcheck } = linted[i];
        log.info(`${rel}: ${found.length} Dockerfile finding${found.length === 1 ? "" : "s"}`);
        addRules(shellcheck.rules);
        if (shellcheck.state === "missing") shellcheckMissing = true;
        const [first] = shellcheck.skipped;
        if (shellcheck.skipped.length > 5 && first)
          log.info(
            `${rel}: ShellCheck skipped ${shellcheck.skipped.length} RUN instructions, the first at line ${first.line}: ${first.reason}`
          );
        else
          for (const s of shellcheck.skipped)
            log.info(`${rel}:${s.line}: ShellCheck skipped this RUN: ${s.reason}`);
        findings.push(...found);
        dockerfiles.push(target);
        if (secrets) findings.push(...secrets.scanDockerfileText(rel, content));
      }
    });
  if (shellcheckMissing) {
    const message = "ShellCheck checks on RUN scripts were skipped: no shellcheck on PATH (install the shellcheck package, or set dockerfile.shellcheck: false in shipgate.yaml to say so)";
    warnings.push(message);
    log.warn(message);
  }
  if (opts.context && secrets) {
    const dockerfile = opts.dockerfiles[0];
    findings.push(
      ...await secrets.scanBuildContext(
        resolve2(opts.context),
        dockerfile ? resolve2(dockerfile) : void 0,
        {
          repoRoot: opts.repoRoot
        }
      )
    );
  }
  let image;
  let packages = [];
  let analyzers;
  let exploitData;
  let scannedImage;
  if (opts.image) {
    const { mapImageFindings, reconcileHistoryFindings, scanImage } = await import("./chunk-AQHZETMP.js");
    const scanned = await log.group(
      `shipgate: image scan of ${opts.image}`,
      () => scanImage(opts, scanners, policy, inputs.image, signal)
    );
    image = scanned.target;
    packages = scanned.packages;
    analyzers = scanned.analyzers;
    exploitData = scanned.exploitData;
    warnings.push(...scanned.warnings);
    addRules(scanned.rules);
    const mapped = reconcileHistoryFindings(
      mapImageFindings(scanned.findings, dockerfiles[0]),
      findings,
      dockerfiles[0],
      scanned.history
    );
    findings.push(...mapped);
    if (mapped.some((f) => f.properties?.source === "history")) addRules(historyRules());
    scannedImage = {
      ref: scanned.target.ref,
      ...scanned.target.repository ? { repository: scanned.target.repository } : {},
      ...scanned.target.digest ? { digest: scanned.target.digest } : {},
      user: scanned.user,
      ...scanned.process
    };
  }
  let manifestsLinted = false;
  if (manifestPaths.length) {
    const [{ lintManifests, manifestRules }, { readManifests }, { manifestLintOptions }] = await Promise.all([
      import("./chunk-6XRNOJ3K.js"),
      import("./chunk-VV3ZLC53.js"),
      import("./chunk-P4HCI2KL.js")
    ]);
    const options = {
      ...manifestLintOptions(policy, opts.pss),
      ...scannedImage ? { image: scannedImage } : {}
    };
    addRules(manifestRules(options.pss ?? "privileged"));
    manifestsLinted = true;
    await log.group("shipgate: Kubernetes manifests", async () => {
      for (const input of await readManifests(manifestPaths, opts.repoRoot)) {
        const { findings: found, objects } = lintManifests(input, options);
        log.info(
          `${input.path}: ${objects} object${objects === 1 ? "" : "s"}, ${found.length} manifest finding${found.length === 1 ? "" : "s"}`
        );
        findings.push(...found);
      }
    });
  }
  const applied = applyPolicy(findings, policy, startedAt);
  warnings.push(...applied.warnings);
  for (const w of applied.warnings) log.warn(w);
  let reported = applied.findings;
  let severityFilter;
  if (opts.severities) {
    const filtered = filterBySeverity(applied.findings, opts.severities);
    reported = filtered.findings;
    severityFilter = filtered.filter;
    if (reported.length < applied.findings.length) {
      const message = hiddenMessage(filtered.filter);
      warnings.push(message);
      log.warn(message);
    }
  }
  const present = new Set(reported.map((f) => f.ruleId));
  const result = {
    tool: { name: "shipgate", version: VERSION },
    startedAt: startedAt.toISOString(),
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    dockerfiles,
    ...image ? { image } : {},
    packages,
    findings: sortFindings(reported),
    // Every Dockerfile and manifest rule that ran (SARIF lists them), plus the metadata of every other rule
    // that fired.
    parts: [
      ...dockerfiles.length ? ["dockerfile"] : [],
      ...manifestsLinted ? ["manifest"] : [],
      // Secrets are also looked for in Dockerfiles; the other scanners need an image.
      ...SCANNERS.filter((s) => scanners.has(s) && (image || s === "secret" && dockerfiles.length)).map(
        scannerPart
      )
    ],
    rules: [...rules.values()].filter(
      (r) => r.kind === "dockerfile" || r.kind === "manifest" || present.has(r.id)
    ),
    ...analyzers ? { analyzers } : {},
    warnings,
    ...exploitData ? { exploitData } : {}
  };
  result.decision = decide(result, policy, {
    now: startedAt,
    ...opts.failOn ? { failOn: opts.failOn } : {},
    ...severityFilter ? { severityFilter } : {}
  });
  return result;
}

export {
  parseDuration,
  runPipeline
};
