#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  runPipeline
} from "./chunk-EKA2GYPS.js";
import {
  pushedIndexTarget,
  pushedTarget,
  scannedIndexTarget,
  scannedTarget,
  signImage,
  signIndex
} from "./chunk-RSVFU7XH.js";
import {
  openImage
} from "./chunk-EAWDZE7V.js";
import {
  INDEX_TYPES
} from "./chunk-TXKN6PNT.js";
import {
  formatPlatform
} from "./chunk-TJLGGXV5.js";
import {
  countBySeverity
} from "./chunk-U65Y67VX.js";
import {
  sortFindings
} from "./chunk-WXYCZFY5.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";

// src/pipeline/platforms.ts
function scannedIndex(image) {
  return image.openPlatform ? image.info.index : void 0;
}
async function scanPlatforms(opts, image) {
  const log = logger();
  const index = scannedIndex(image);
  if (!index || !image.openPlatform)
    throw new ShipgateError("INTERNAL", `${image.info.ref} was not opened from a multi-platform index`);
  const nested = index.platforms.find((e) => INDEX_TYPES.has(e.mediaType));
  if (nested)
    throw new ShipgateError(
      "UNSUPPORTED",
      `${image.info.ref}: the index ${index.digest} lists another index (${nested.digest}); its platforms cannot be scanned one by one`,
      { hint: "flatten it (skopeo copy --all writes one index listing each platform's manifest)" }
    );
  if (index.platforms.length === 0)
    throw new ShipgateError("IMAGE_FORMAT", `${image.info.ref}: the index ${index.digest} lists no image`);
  for (const s of index.skipped) log.info(`skipping ${s.digest} of the index: ${s.reason}`);
  log.info(
    `scanning all ${index.platforms.length} platforms of the index ${index.digest}: ${index.platforms.map((e) => e.platform ? formatPlatform(e.platform) : e.digest).join(", ")}`
  );
  const scans = [];
  for (const entry of index.platforms) {
    const opened = entry.digest === image.info.digest ? image : await image.openPlatform(entry.digest);
    const platform = formatPlatform(opened.info.platform);
    log.info(`platform ${platform}: ${entry.digest}`);
    const { platform: _chosen, ...rest } = opts;
    const result = await runPipeline(rest, { image: opened });
    log.info(`platform ${platform}: ${result.decision?.approved ? "approved" : "not approved"}`);
    scans.push({ platform, digest: entry.digest, image: opened, result });
  }
  return { index, platforms: scans, result: combine(index, scans) };
}
function indexDecision(scans) {
  const decisions = scans.map((s) => s.result.decision);
  const missing = scans.find((s) => !s.result.decision);
  if (missing) throw new ShipgateError("INTERNAL", `platform ${missing.platform}: the scan has no decision`);
  return {
    approved: decisions.every((d) => d.approved),
    policy: decisions[0].policy,
    reasons: scans.flatMap(
      (s) => s.result.decision.reasons.map((r) => ({ ...r, message: `${s.platform}: ${r.message}` }))
    )
  };
}
var STATUS_RANK = { ok: 0, incomplete: 1, failed: 2 };
function mergeAnalyzers(scans) {
  if (!scans.some((s) => s.result.analyzers)) return void 0;
  const out = /* @__PURE__ */ new Map();
  for (const s of scans)
    for (const a of s.result.analyzers ?? []) {
      const mine = a.detail ? { ...a, detail: `${s.platform}: ${a.detail}` } : { ...a };
      const seen = out.get(a.name);
      if (!seen) out.set(a.name, mine);
      else {
        const worse = STATUS_RANK[a.status] > STATUS_RANK[seen.status] ? mine : seen;
        const details = [seen.detail, mine.detail].filter((d) => d !== void 0);
        out.set(a.name, { ...worse, ...details.length ? { detail: details.join("; ") } : {} });
      }
    }
  return [...out.values()];
}
function combine(index, scans) {
  const first = scans[0].result;
  const findings = /* @__PURE__ */ new Map();
  const rules = /* @__PURE__ */ new Map();
  const parts = /* @__PURE__ */ new Set();
  const warnings = /* @__PURE__ */ new Set();
  for (const s of scans) {
    for (const f of s.result.findings) findings.set(`${f.fingerprint} ${f.image?.digest ?? ""}`, f);
    for (const r of s.result.rules) rules.set(r.id, r);
    for (const p of s.result.parts ?? []) parts.add(p);
    for (const w of s.result.warnings) warnings.add(w);
  }
  const platforms = scans.map((s) => ({
    platform: s.platform,
    digest: s.digest,
    configDigest: s.image.info.configDigest,
    decision: s.result.decision,
    counts: countBySeverity(s.result.findings)
  }));
  const analyzers = mergeAnalyzers(scans);
  return {
    ...first,
    finishedAt: scans.at(-1).result.finishedAt,
    findings: sortFindings([...findings.values()]),
    rules: [...rules.values()],
    ...parts.size ? { parts: [...parts] } : {},
    ...analyzers ? { analyzers } : {},
    warnings: [...warnings],
    decision: indexDecision(scans),
    index: { digest: index.digest, platforms, skipped: index.skipped }
  };
}

// src/pipeline/scan-sign.ts
async function scanToSign(opts) {
  const image = await logger().step(
    `opening ${opts.image}`,
    () => openImage(opts.image, opts.platform ? { platform: opts.platform } : { anyPlatform: true })
  );
  try {
    const index = scannedIndex(image);
    if (index && !opts.platform) {
      const scan = await scanPlatforms(opts, image);
      return { result: scan.result, index: scan };
    }
    if (index)
      logger().warn(
        `platform ${opts.platform}: only ${image.info.digest} is signed; the index ${index.digest} stays unsigned and does not verify`
      );
    return { result: await runPipeline(opts, { image }) };
  } finally {
    await image.close();
  }
}
async function signScanned(ref, scanned, options) {
  if (scanned.index) {
    const out = await signIndex(scannedIndexTarget(ref, scanned.index), scanned.result, options);
    return { image: out.index, platforms: out.platforms };
  }
  return {
    image: await signImage(scannedTarget(ref, scanned.result), scanned.result, options),
    platforms: []
  };
}
function signingPush(options, onSigned) {
  const step = {
    name: "signing",
    run: async (c) => {
      if (c.platforms) {
        const out = await signIndex(pushedIndexTarget({ ...c, platforms: c.platforms }), c.result, options);
        onSigned({ image: out.index, platforms: out.platforms });
      } else onSigned({ image: await signImage(pushedTarget(c), c.result, options), platforms: [] });
    }
  };
  return { steps: [step], allPlatforms: true };
}
function notSignedLine(result) {
  const refused = result.index?.platforms.filter((p) => !p.decision.approved) ?? [];
  if (!refused.length) return "not signed: the policy did not approve the image";
  return `not signed: the policy did not approve every platform (refused: ${refused.map((p) => `${p.platform} ${p.digest}`).join(", ")}), so nothing was signed`;
}

export {
  scannedIndex,
  scanPlatforms,
  scanToSign,
  signScanned,
  signingPush,
  notSignedLine
};
