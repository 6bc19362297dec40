#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  withOutput
} from "./chunk-RVC2SK4K.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  safeText
} from "./chunk-7ARZCZGE.js";
import "./chunk-6INDVNBY.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";
import {
  oneLine
} from "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/malware/analyzer.ts
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/malware/clamav.ts
import { spawn, spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
function detectClamav(options) {
  const command = options.command ?? (options.daemon ? "clamdscan" : "clamscan");
  const r = spawnSync(command, ["--version"], { encoding: "utf8", timeout: 3e4 });
  if (r.error || r.status !== 0) return void 0;
  return { command, version: oneLine(r.stdout).trim() };
}
function parseClamOutput(stdout) {
  const out = /* @__PURE__ */ new Map();
  for (const line of stdout.split("\n")) {
    const m = /^(.*): (.+) FOUND$/.exec(line.trim());
    if (m) out.set(m[1], m[2]);
  }
  return out;
}
async function runClamav(tool, files, workDir, options) {
  if (files.length === 0) return /* @__PURE__ */ new Map();
  const list = join(workDir, "files.txt");
  await writeFile(list, `${files.join("\n")}
`, { mode: 384 });
  const args = ["--no-summary", "--infected", `--file-list=${list}`];
  if (options.daemon) args.push("--fdpass");
  else {
    if (options.database) args.push(`--database=${options.database}`);
    args.push("--max-filesize=512M", "--max-scansize=512M");
  }
  const { code, stdout, stderr } = await new Promise(
    (resolve, reject) => {
      const child = spawn(tool.command, args, { stdio: ["ignore", "pipe", "pipe"] });
      let so = "";
      let se = "";
      child.stdout.on("data", (d) => so += d.toString());
      child.stderr.on("data", (d) => se += d.toString());
      child.on("error", reject);
      child.on("close", (c) => resolve({ code: c, stdout: so, stderr: se }));
    }
  );
  if (code === 0 || code === 1) return parseClamOutput(stdout);
  const last = stderr.trim().split("\n").filter(Boolean).pop() ?? `exit code ${code}`;
  throw new ShipgateError("UNSUPPORTED", `${tool.command} failed: ${oneLine(last)}`, {
    hint: options.database ? `check the signature database ${options.database}` : "run freshclam to download the ClamAV database, or give one with the malware database option"
  });
}

// src/malware/heuristics.ts
import { createHash } from "node:crypto";
var MINER_NAMES = /* @__PURE__ */ new Set([
  "xmrig",
  "xmrig-notls",
  "xmrig-cuda",
  "xmrig-proxy",
  "xmr-stak",
  "xmr-stak-cpu",
  "minerd",
  "cpuminer",
  "cpuminer-multi",
  "cpuminer-opt",
  "ccminer",
  "cgminer",
  "bfgminer",
  "ethminer",
  "nbminer",
  "t-rex",
  "lolminer",
  "phoenixminer",
  "nanominer",
  "teamredminer",
  "gminer",
  "srbminer",
  "srbminer-multi",
  "kinsing",
  "kdevtmpfsi",
  "kswapd0",
  "xmrminer",
  "moneroocean",
  "sysupdate",
  "networkservice",
  "sysguard"
]);
var KNOWN_BAD_SHA256 = /* @__PURE__ */ new Map([
  // The EICAR anti-virus test file (68 bytes): every scanner must detect it.
  ["275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f", "EICAR-Test-File"]
]);
var POOL_HOSTS = [
  "pool[.]minexmr[.]com",
  "xmrpool[.]eu",
  "supportxmr[.]com",
  "pool[.]supportxmr[.]com",
  "nanopool[.]org",
  "minergate[.]com",
  "pool[.]hashvault[.]pro",
  "hashvault[.]pro",
  "c3pool[.]com",
  "moneroocean[.]stream",
  "gulf[.]moneroocean[.]stream",
  "2miners[.]com",
  "f2pool[.]com",
  "ethermine[.]org",
  "nicehash[.]com",
  "monerohash[.]com",
  "herominers[.]com",
  "unmineable[.]com",
  "xmrfast[.]com",
  "minexmr[.]com",
  "dwarfpool[.]com",
  "viabtc[.]com",
  "antpool[.]com"
].map((h) => h.replaceAll("[.]", "."));
var STRATUM = /stratum(?:\+(?:tcp|ssl|tls))?:\/\/[A-Za-z0-9.-]+(?::\d+)?/;
function minerName(path) {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (MINER_NAMES.has(base)) return base;
  const stem = base.replace(/\.(?:exe|bin|sh|elf)$/, "");
  if (MINER_NAMES.has(stem)) return stem;
  return /^xmrig[-_.]/.test(base) ? base : void 0;
}
function indicators(path, content, extraHashes) {
  const out = [];
  const name = minerName(path);
  if (name) out.push({ kind: "name", detail: `file name matches the miner "${name}"` });
  const sha = createHash("sha256").update(content).digest("hex");
  const known = KNOWN_BAD_SHA256.get(sha) ?? extraHashes?.get(sha);
  if (known) out.push({ kind: "hash", detail: `SHA-256 ${sha} is ${known}` });
  const text = content.toString("latin1");
  const m = STRATUM.exec(text);
  if (m) out.push({ kind: "pool", detail: `mining pool address ${m[0]}` });
  else {
    const lower = text.toLowerCase();
    const host = POOL_HOSTS.find((h) => lower.includes(h));
    if (host) out.push({ kind: "pool", detail: `mining pool host ${host}` });
  }
  return out;
}

// src/malware/rules.ts
var MAL_RULES = {
  clamav: {
    id: "SG-MAL-001",
    kind: "malware",
    title: "Malware detected by ClamAV",
    severity: "critical",
    description: "ClamAV matched a file of an image layer against its signature database (ClamAV's own, or the folder given by `malware.clamav-db` in the policy or `--clamav-db`). Every regular file up to 64 MiB is scanned, whatever its mode or name.",
    rationale: "A known-malicious file in an image runs wherever the image runs. Files deleted by a later layer still ship in the image and can be extracted.",
    fix: "Find out how the file got into the image (the layer and its `created_by` are in the finding), remove its source, rebuild from clean inputs and rotate any credential the build could reach.",
    tags: ["security", "malware", "clamav"]
  },
  heuristic: {
    id: "SG-MAL-002",
    kind: "malware",
    title: "Cryptominer or backdoor indicator",
    severity: "high",
    description: "A file matches a cryptominer or backdoor indicator: a known miner binary name (xmrig, minerd, cpuminer, ...), a known-bad file hash, or a mining-pool address (`stratum+tcp://`, well-known pool hosts) in a file.",
    rationale: "Cryptominers are the most common payload of compromised images and base images on public registries; they are rarely caught by CVE scanning.",
    fix: "Check where the file comes from (layer and `created_by` in the finding). If it is not intended, remove it, rebuild from a trusted base image and investigate the supply chain that added it.",
    tags: ["security", "malware", "cryptominer"]
  }
};
var MAL_RULE_META = Object.values(MAL_RULES);

// src/malware/analyzer.ts
var SCRIPT_OR_ARCHIVE = /\.(?:sh|bash|py|pl|rb|php|js|mjs|cjs|ps1|bat|cmd|vbs|jar|war|zip|tar|tgz|gz|bz2|xz|7z|rar|deb|rpm|apk|so|exe|dll|bin|elf|run|appimage)$/i;
var CONFIG = /\.(?:json|conf|cfg|ini|ya?ml|toml|txt|service|timer)$|\/(?:cron\.d|crontabs?)\/|^\/etc\/crontab$/i;
var BIN_DIR = /^\/(?:usr\/(?:local\/)?)?s?bin\/|^\/opt\/|^\/tmp\/|^\/var\/tmp\/|^\/dev\/shm\//;
function candidate(e) {
  return (e.mode & 73) !== 0 || SCRIPT_OR_ARCHIVE.test(e.path) || BIN_DIR.test(e.path);
}
function location(info, e, hidden) {
  return {
    ...info.ref ? { ref: info.ref } : {},
    ...info.digest ? { digest: info.digest } : {},
    path: e.path,
    layerIndex: e.layerIndex,
    layerDigest: e.layerDigest,
    ...e.createdBy ? { createdBy: safeText(e.createdBy) } : {},
    ...hidden ? { deleted: true } : {}
  };
}
function databaseProblem(database) {
  try {
    if (!statSync(database).isDirectory()) return void 0;
    return readdirSync(database).length === 0 ? `the ClamAV database folder ${database} is empty` : void 0;
  } catch {
    return `the ClamAV database ${database} does not exist`;
  }
}
function hasDefaultDatabase(tool) {
  return /^ClamAV [^/\s]+\/\d+/.test(tool.version);
}
function malwareAnalyzer(options = {}) {
  const mode = options.clamav ?? "auto";
  const heuristics = options.heuristics !== false;
  let tool;
  let notRun = mode === "off" ? "ClamAV is turned off" : void 0;
  if (mode !== "off") {
    tool = detectClamav(options);
    const cmd = options.command ?? (options.daemon ? "clamdscan" : "clamscan");
    const problem = !tool ? `${cmd} not found` : options.database && !options.daemon ? databaseProblem(options.database) : !options.daemon && !hasDefaultDatabase(tool) ? `${cmd} has no signature database (run freshclam, or give a database folder)` : void 0;
    if (problem) {
      if (mode === "required") {
        throw new ShipgateError(
          "UNSUPPORTED",
          tool ? `ClamAV is required for the malware scan but ${problem}` : `ClamAV is required for the malware scan but ${cmd} was not found`,
          {
            hint: tool ? "run freshclam to download the signature database, or give a folder that holds one" : "install ClamAV (e.g. apt-get install clamav) or set the ClamAV mode to auto or off"
          }
        );
      }
      notRun = problem;
      tool = void 0;
      logger().warn(`malware: ${problem}, ClamAV scanning skipped (only the built-in heuristics run)`);
    }
  }
  const collected = [];
  let work;
  let counter = 0;
  let tooLarge = 0;
  const max = options.maxFileSize ?? 64 * 1024 * 1024;
  return {
    name: "malware",
    maxBytes: max,
    wants(e) {
      if (e.type !== "file" || e.size === 0) return false;
      if (e.size > max) {
        if (tool) tooLarge++;
        return false;
      }
      return tool !== void 0 || heuristics && (candidate(e) || CONFIG.test(e.path));
    },
    analyze(e, content) {
      const found = heuristics && (candidate(e) || CONFIG.test(e.path)) ? indicators(e.path, content, options.knownHashes) : [];
      let file;
      if (tool) {
        work ??= mkdtempSync(join2(options.tmpDir ?? tmpdir(), "shipgate-malware-"));
        file = join2(work, `${String(++counter).padStart(6, "0")}.bin`);
        writeFileSync(file, content, { mode: 384 });
      }
      if (file || found.length) collected.push({ entry: e, indicators: found, ...file ? { file } : {} });
    },
    async finish(view, info) {
      const out = [];
      const files = collected.flatMap((c) => c.file ? [c.file] : []);
      let clamav = tool ? { ran: true, engine: tool.version, files: files.length, tooLarge } : { ran: false, reason: notRun ?? "ClamAV is not available" };
      try {
        let detections = /* @__PURE__ */ new Map();
        if (tool && work) {
          logger().debug(`malware: ${tool.command} over ${files.length} file(s)`);
          try {
            detections = await runClamav(tool, files, work, { mode, ...options });
          } catch (err) {
            if (mode === "required") throw err;
            clamav = { ran: false, reason: err.message };
            logger().warn(`malware: ${err.message}; ClamAV results skipped`);
          }
        }
        if (tooLarge) logger().info(`malware: ${tooLarge} file(s) over ${max} bytes were not scanned`);
        for (const c of collected) {
          const hidden = view.isHidden(c.entry.path, c.entry.layerIndex);
          const where = `${c.entry.path} (layer ${c.entry.layerIndex}${hidden ? ", deleted or overwritten later but still in the image" : ""})`;
          const sig = c.file ? detections.get(c.file) : void 0;
          if (sig) {
            out.push({
              ruleId: MAL_RULES.clamav.id,
              kind: "malware",
              severity: MAL_RULES.clamav.severity,
              message: `ClamAV detected ${sig} in ${where}.`,
              fingerprint: stableHash(MAL_RULES.clamav.id, c.entry.path, c.entry.layerDigest, sig),
              fix: MAL_RULES.clamav.fix,
              image: location(info, c.entry, hidden),
              properties: { signature: sig, engine: tool?.version }
            });
          }
          if (c.indicators.length) {
            out.push({
              ruleId: MAL_RULES.heuristic.id,
              kind: "malware",
              severity: c.indicators.some((i) => i.kind === "hash") ? "critical" : MAL_RULES.heuristic.severity,
              message: `Cryptominer/backdoor indicator in ${where}: ${c.indicators.map((i) => i.detail).join("; ")}.`,
              fingerprint: stableHash(MAL_RULES.heuristic.id, c.entry.path, c.entry.layerDigest),
              fix: MAL_RULES.heuristic.fix,
              image: location(info, c.entry, hidden),
              properties: { indicators: c.indicators }
            });
          }
        }
      } finally {
        if (work) rmSync(work, { recursive: true, force: true });
      }
      return { findings: out, clamav };
    }
  };
}
var malwareModule = {
  version: 2,
  rules: MAL_RULE_META,
  create: (settings) => [
    withOutput(
      malwareAnalyzer({
        clamav: "auto",
        ...settings.clamavDatabase ? { database: settings.clamavDatabase } : {}
      }),
      ({ findings, clamav }) => clamav.ran ? { findings } : { findings, incomplete: clamav.reason }
    )
  ]
};
export {
  malwareAnalyzer,
  malwareModule
};
