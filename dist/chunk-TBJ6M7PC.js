#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  registryImage
} from "./chunk-UN4WAC5K.js";
import {
  VERIFY_HELP,
  VERIFY_OPTIONS,
  verifyFlags
} from "./chunk-FOCJDSPV.js";
import {
  VerificationFailed,
  fetchBundles,
  loadTrustMaterial,
  verifyBundles
} from "./chunk-EYME2ZUS.js";
import "./chunk-LPHRMR6J.js";
import {
  parseCommand,
  str
} from "./chunk-LYRF6LE5.js";
import "./chunk-CDGENQDI.js";
import "./chunk-OSPBQAJB.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-2MFDTXUL.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-YH6AYXDN.js";
import "./chunk-6INDVNBY.js";
import {
  logger
} from "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
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

${VERIFY_HELP}
  -o, --output FILE           write the verification report as JSON
`;
var OPTIONS = { ...VERIFY_OPTIONS, output: { type: "string", short: "o" } };
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
async function run(argv) {
  const p = parseCommand("verify", argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  const [image, extra] = p.positionals;
  if (!image || extra !== void 0)
    throw usage("give exactly one IMAGE", "e.g. shipgate verify ghcr.io/acme/app@sha256:...");
  const flags = verifyFlags("verify", p);
  const expect = {
    image: { digest: "" },
    ...flags.expect
  };
  const trust = await loadTrustMaterial(flags.trust);
  const { ref, client, digest } = await registryImage(image, "verify", "verifying");
  expect.image = { digest, repository: `${ref.registry}/${ref.repository}` };
  const fetched = await fetchBundles(client, ref.repository, digest);
  logger().info(`${fetched.length} sigstore bundle${fetched.length === 1 ? "" : "s"} attached to ${digest}`);
  const output = str(p, "output");
  let report;
  try {
    report = verifyBundles(
      fetched.map((f) => f.bundle),
      trust,
      expect
    );
  } catch (e) {
    const partial = e instanceof VerificationFailed ? e.report : void 0;
    if (partial) for (const line of summary(partial)) logger().info(line);
    if (output)
      writeFileSync(
        output,
        `${JSON.stringify({ verified: false, digest, error: e.message, report: partial ?? null }, null, 2)}
`
      );
    throw e;
  }
  for (const line of summary(report)) logger().info(line);
  if (output) writeFileSync(output, `${JSON.stringify({ verified: true, digest, report }, null, 2)}
`);
  process.stdout.write(`verified ${ref.registry}/${ref.repository}@${digest}
`);
  return EXIT.OK;
}
export {
  run
};
