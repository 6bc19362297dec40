#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  BLOB_VERIFY_HELP,
  BLOB_VERIFY_OPTIONS,
  verifyFlags
} from "./chunk-IVRWTRTI.js";
import {
  BUNDLE_SUFFIX,
  verifyFile
} from "./chunk-T3P2ZWWB.js";
import {
  VerificationFailed,
  loadTrustMaterial
} from "./chunk-A3MHOZUM.js";
import "./chunk-63NLDXJT.js";
import {
  parseCommand,
  str
} from "./chunk-N7PLTF7E.js";
import "./chunk-LPHRMR6J.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-YGEM47PD.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/verify-blob.ts
import { writeFileSync } from "node:fs";
var HELP = `Usage: shipgate verify-blob FILE... SIGNER [options]

Verifies each FILE against its sigstore bundle (FILE${BUNDLE_SUFFIX}, or --bundle): signature, certificate
chain and transparency-log inclusion or timestamp against the trusted root; that the statement's subject
digest IS the file's sha256; the signer, matched exactly or by an anchored pattern; the predicate type (the
SLSA provenance unless --require-predicate says otherwise); and the age. Says which check failed; exit 1.

Arguments:
  FILE                        a file signed with "shipgate sign-blob" (any sigstore bundle v0.3 of a DSSE
                              in-toto statement about the file)
      --bundle FILE           the bundle (one FILE only; default FILE${BUNDLE_SUFFIX})

${BLOB_VERIFY_HELP}
  -o, --output FILE           write the verification report as JSON
`;
var OPTIONS = {
  ...BLOB_VERIFY_OPTIONS,
  bundle: { type: "string" },
  output: { type: "string", short: "o" }
};
function usage(message, hint) {
  return new ShipgateError("USAGE", `verify-blob: ${message}`, hint === void 0 ? {} : { hint });
}
function summary(file, report) {
  const lines = report.verified.map((v) => {
    const who = v.signer.kind === "key" ? `key ${v.signer.hint}` : `${v.signer.subject} (${v.signer.issuer})`;
    return `${file}: verified ${v.predicateType} by ${who}${v.time ? ` at ${v.time}` : ""}`;
  });
  for (const r of report.rejected)
    lines.push(`${file}: rejected ${r.predicateType ?? "the bundle"}: ${r.reason}`);
  return lines;
}
async function run(argv) {
  const p = parseCommand("verify-blob", argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  const files = p.positionals;
  if (files.length === 0)
    throw usage(
      "give at least one FILE",
      "e.g. shipgate verify-blob app.tgz --github-repository acme/app --workflow .github/workflows/release.yml"
    );
  const bundleFlag = str(p, "bundle");
  if (bundleFlag !== void 0 && files.length > 1)
    throw usage("--bundle names the bundle of one FILE", `without it each is read from FILE${BUNDLE_SUFFIX}`);
  const flags = verifyFlags("verify-blob", p, "file");
  const trust = await loadTrustMaterial(flags.trust);
  const output = str(p, "output");
  const outcomes = [];
  const write = () => {
    if (output)
      writeFileSync(
        output,
        `${JSON.stringify({ verified: outcomes.every((o) => o.verified), files: outcomes }, null, 2)}
`
      );
  };
  for (const file of files) {
    const bundle = bundleFlag ?? `${file}${BUNDLE_SUFFIX}`;
    let verified;
    try {
      verified = await verifyFile(file, bundle, trust, flags.expect);
    } catch (e) {
      const partial = e instanceof VerificationFailed ? e.report : void 0;
      if (partial) for (const line of summary(file, partial)) logger().info(line);
      outcomes.push({ file, bundle, verified: false, error: e.message, report: partial ?? null });
      write();
      if (e instanceof VerificationFailed)
        throw new VerificationFailed(`${file}: ${e.message}`, e.failure, e.report, "file");
      throw e;
    }
    for (const line of summary(file, verified.report)) logger().info(line);
    outcomes.push({ file, bundle, verified: true, digest: verified.subject.digest, report: verified.report });
    process.stdout.write(`verified ${file} ${verified.subject.digest}
`);
  }
  write();
  return EXIT.OK;
}
export {
  run
};
