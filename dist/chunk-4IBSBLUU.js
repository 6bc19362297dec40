#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  VERIFY_HELP,
  VERIFY_OPTIONS,
  verifyFlags
} from "./chunk-IVRWTRTI.js";
import {
  registryImage
} from "./chunk-42LGXSGJ.js";
import {
  VerificationFailed,
  loadTrustMaterial,
  verifyBundles
} from "./chunk-A3MHOZUM.js";
import {
  fetchBundles
} from "./chunk-PDDR2B3M.js";
import "./chunk-63NLDXJT.js";
import {
  bool,
  parseCommand,
  str
} from "./chunk-N7PLTF7E.js";
import {
  PREDICATE
} from "./chunk-LPHRMR6J.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-ICL5DW5G.js";
import "./chunk-EAWDZE7V.js";
import "./chunk-DJZU7JBD.js";
import "./chunk-6NPJNXW7.js";
import {
  indexEntries,
  parseManifest
} from "./chunk-DRSEBZ5C.js";
import "./chunk-TXKN6PNT.js";
import {
  formatPlatform
} from "./chunk-TJLGGXV5.js";
import "./chunk-YGEM47PD.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-6FSLFHTN.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/verify.ts
import { writeFileSync } from "node:fs";
var HELP = `Usage: shipgate verify IMAGE SIGNER [options]

Fetches the sigstore bundles attached to IMAGE's manifest digest (OCI referrers, or the sha256-<hex> tag) and
verifies them: signature, certificate chain and transparency-log inclusion or timestamp against the trusted
root; that each statement's subject IS this digest; the signer, matched exactly or by an anchored pattern;
the required predicates; and shipgate's approval (approved, not forced). Says which check failed; exit 1.

Arguments:
  IMAGE                       a registry reference; a tag is resolved to its digest first (printed)

A multi-platform index is verified as a whole: the index digest (what a pod naming the tag runs, and what
admission checks), whose approval must list exactly the platforms the index lists, each approved; then each
platform's digest. The SBOM and vulnerability predicates are required of the platforms only.

${VERIFY_HELP}
      --index-only        verify the index digest and its approval's platform list, not each platform
  -o, --output FILE       write the verification report as JSON (with "platforms" for an index)
`;
var OPTIONS = {
  ...VERIFY_OPTIONS,
  output: { type: "string", short: "o" },
  "index-only": { type: "boolean" }
};
function usage(message, hint) {
  return new ShipgateError("USAGE", `verify: ${message}`, hint === void 0 ? {} : { hint });
}
function summary(report) {
  const lines = report.verified.map((v) => {
    const who = v.signer.kind === "key" ? `key ${v.signer.hint}` : `${v.signer.subject} (${v.signer.issuer})`;
    return `verified ${v.predicateType} by ${who}${v.time ? ` at ${v.time}` : ""}`;
  });
  for (const r of report.rejected) lines.push(`rejected ${r.predicateType ?? "a bundle"}: ${r.reason}`);
  return lines;
}
async function indexPlatforms(client, repository, digest) {
  const top = await client.getManifest(repository, digest);
  const doc = parseManifest(top.bytes, `${repository}@${digest}`, top.mediaType);
  if (doc.kind !== "index") return void 0;
  const index = indexEntries(doc, digest);
  for (const s of index.skipped) logger().info(`skipping ${s.digest} of the index: ${s.reason}`);
  return index.platforms;
}
var PLATFORM_ONLY = /* @__PURE__ */ new Set([PREDICATE.cyclonedx, PREDICATE.vuln]);
async function run(argv) {
  const p = parseCommand("verify", argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  const [image, extra] = p.positionals;
  if (!image || extra !== void 0)
    throw usage("give exactly one IMAGE", "e.g. shipgate verify ghcr.io/acme/app@sha256:...");
  const flags = verifyFlags("verify", p);
  const trust = await loadTrustMaterial(flags.trust);
  const { ref, client, digest } = await registryImage(image, "verify", "verifying");
  const repository = `${ref.registry}/${ref.repository}`;
  const platforms = await indexPlatforms(client, ref.repository, digest);
  const output = str(p, "output");
  const done = [];
  const verifyDigest = async (target, platform, expect) => {
    const fetched = await fetchBundles(client, ref.repository, target);
    const what = platform ? `platform ${platform} (${target})` : target;
    logger().info(`${fetched.length} sigstore bundle${fetched.length === 1 ? "" : "s"} attached to ${what}`);
    try {
      const report = verifyBundles(
        fetched.map((f) => f.bundle),
        trust,
        { ...expect, image: { digest: target, repository } }
      );
      for (const line of summary(report)) logger().info(line);
      done.push({ ...platform ? { platform } : {}, digest: target, report });
    } catch (e) {
      const partial = e instanceof VerificationFailed ? e.report : void 0;
      if (partial) for (const line of summary(partial)) logger().info(line);
      if (output)
        writeFileSync(
          output,
          `${JSON.stringify({ verified: false, digest: target, error: e.message, report: partial ?? null, ...done.length ? { platforms: done } : {} }, null, 2)}
`
        );
      if (platform && e instanceof VerificationFailed)
        throw new VerificationFailed(`platform ${platform} (${target}): ${e.message}`, e.failure, e.report);
      throw e;
    }
  };
  if (!platforms) await verifyDigest(digest, void 0, flags.expect);
  else {
    const required = flags.expect.requiredPredicates?.filter((t) => !PLATFORM_ONLY.has(t));
    await verifyDigest(digest, void 0, {
      ...flags.expect,
      ...required ? { requiredPredicates: required } : {},
      platforms: platforms.map((e) => e.digest)
    });
    if (!bool(p, "index-only"))
      for (const e of platforms)
        await verifyDigest(e.digest, e.platform ? formatPlatform(e.platform) : e.digest, flags.expect);
  }
  const [top, ...rest] = done;
  if (output)
    writeFileSync(
      output,
      `${JSON.stringify({ verified: true, digest, report: top.report, ...platforms ? { platforms: rest } : {} }, null, 2)}
`
    );
  process.stdout.write(`verified ${repository}@${digest}
`);
  if (platforms)
    for (const v of rest) process.stdout.write(`verified ${repository}@${v.digest} (${v.platform})
`);
  return EXIT.OK;
}
export {
  run
};
