#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  createSigner,
  slsaProvenance
} from "./chunk-FWJBRM4H.js";
import {
  BUNDLE_SUFFIX,
  signFile
} from "./chunk-T3P2ZWWB.js";
import "./chunk-OZR5VCAC.js";
import "./chunk-A3MHOZUM.js";
import "./chunk-3FWVJDO7.js";
import {
  SIGNER_HELP,
  SIGNER_OPTIONS,
  signingConfig
} from "./chunk-RSVFU7XH.js";
import "./chunk-PDDR2B3M.js";
import "./chunk-63NLDXJT.js";
import {
  bool,
  parseCommand,
  str
} from "./chunk-N7PLTF7E.js";
import "./chunk-MEPUX6SS.js";
import {
  PREDICATE,
  predicateTypeOf
} from "./chunk-LPHRMR6J.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-ICL5DW5G.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-6NPJNXW7.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-U65Y67VX.js";
import "./chunk-YGEM47PD.js";
import {
  mapConcurrent
} from "./chunk-SCYKMJJI.js";
import "./chunk-W7U6HLX4.js";
import "./chunk-3QODUBSV.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-6FSLFHTN.js";
import "./chunk-Y4CQZHBA.js";
import "./chunk-NQRDU5S6.js";
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

// src/cli/commands/sign-blob.ts
import { readFileSync } from "node:fs";
var HELP = `Usage: shipgate sign-blob FILE... [options]

Signs an in-toto statement about each FILE (its name and sha256) into a sigstore bundle (v0.3, DSSE) and
writes it next to the file as FILE${BUNDLE_SUFFIX}, printing each bundle's path. The predicate is the SLSA
provenance v1 of the CI run (GitHub Actions or GitLab CI); the bundles verify with "shipgate verify-blob",
"cosign verify-blob-attestation --bundle" and "gh attestation verify --bundle". Keyless by default.

Options:
      --bundle FILE         where to write the bundle (one FILE only; default FILE${BUNDLE_SUFFIX})
      --local-provenance    allow a provenance outside CI (it then names no CI run, only this machine)
      --predicate FILE      sign this predicate (JSON) instead of the provenance, with --type
      --type TYPE           its predicate type: slsa, cyclonedx, vuln, or any predicate type URI

Signing (sigstore; see docs/signing.md):
${SIGNER_HELP}
`;
var OPTIONS = {
  ...SIGNER_OPTIONS,
  bundle: { type: "string" },
  "local-provenance": { type: "boolean" },
  predicate: { type: "string" },
  type: { type: "string" }
};
var SIGNING_CONCURRENCY = 4;
function usage(message, hint) {
  return new ShipgateError("USAGE", `sign-blob: ${message}`, hint === void 0 ? {} : { hint });
}
function predicateOf(predicateFile, typeText, local) {
  if (predicateFile === void 0 && typeText === void 0)
    return { type: PREDICATE.slsa, predicate: slsaProvenance({ local }) };
  if (predicateFile === void 0 || typeText === void 0)
    throw usage("--predicate and --type go together");
  const type = predicateTypeOf(typeText);
  if (type === void 0 || type === PREDICATE.approval || type === PREDICATE.signature)
    throw usage(
      `--type "${typeText}" is neither slsa, cyclonedx, vuln nor a URI of your own`,
      "shipgate's approval is written only by a scan of an image"
    );
  try {
    return { type, predicate: JSON.parse(readFileSync(predicateFile, "utf8")) };
  } catch (e) {
    throw new ShipgateError("INPUT", `sign-blob: ${predicateFile} is not a readable JSON document`, {
      cause: e
    });
  }
}
async function run(argv) {
  const p = parseCommand("sign-blob", argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  const files = p.positionals;
  if (files.length === 0) throw usage("give at least one FILE", "e.g. shipgate sign-blob dist/app.tgz");
  if (new Set(files).size !== files.length) throw usage("a FILE is given twice");
  const bundle = str(p, "bundle");
  if (bundle !== void 0 && files.length > 1)
    throw usage("--bundle names the bundle of one FILE", `without it each goes to FILE${BUNDLE_SUFFIX}`);
  const { type, predicate } = predicateOf(str(p, "predicate"), str(p, "type"), bool(p, "local-provenance"));
  const signer = await createSigner(signingConfig(p));
  const log = logger();
  log.info(
    `signing ${files.length} file${files.length === 1 ? "" : "s"} (${signer.kind === "key" ? `key ${signer.publicKey?.hint ?? ""}` : "keyless"}): ${type}`
  );
  const signed = await mapConcurrent(
    files,
    SIGNING_CONCURRENCY,
    (file) => signFile(file, bundle ?? `${file}${BUNDLE_SUFFIX}`, type, predicate, signer)
  );
  for (const s of signed) {
    log.info(`${s.subject.name} ${s.subject.digest}: ${s.bundlePath}`);
    process.stdout.write(`${s.bundlePath}
`);
  }
  return EXIT.OK;
}
export {
  run
};
