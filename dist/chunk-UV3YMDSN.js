#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  registryImage
} from "./chunk-42LGXSGJ.js";
import {
  SIGNING_OPTIONS,
  attestImage,
  signOptions
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
  predicateTypeOf
} from "./chunk-LPHRMR6J.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-ICL5DW5G.js";
import "./chunk-6NPJNXW7.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-6FSLFHTN.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/attest.ts
import { readFileSync } from "node:fs";
var HELP = `Usage: shipgate attest IMAGE --predicate FILE --type TYPE [options]

Signs an in-toto statement whose subject is IMAGE's manifest digest and whose predicate is FILE (JSON), and
stores the bundle next to the image like shipgate's own attestations (OCI referrers or the sha256-<hex> tag,
and cosign's .att tag), then reads it back. A tag is resolved to its digest first. The image signature and
shipgate's approval are not written this way: "shipgate sign" scans the image and attests its approval.

Options:
      --predicate FILE      the predicate, a JSON document
      --type TYPE           its predicate type: slsa, cyclonedx, vuln, or any predicate type URI
      --key FILE, --key-passphrase-env VAR, --identity-token-env VAR, --identity-token-file FILE,
      --fulcio-url URL, --rekor-url URL, --rekor-entry-type T, --tsa-url URL, --no-tlog,
      --no-legacy-signatures
                            as for "shipgate sign" (see "shipgate sign --help"); keyless by default
`;
async function run(argv) {
  const p = parseCommand(
    "attest",
    argv,
    { ...SIGNING_OPTIONS, predicate: { type: "string" }, type: { type: "string" } },
    HELP
  );
  if (!p) return EXIT.OK;
  const [image, extra] = p.positionals;
  if (!image || extra !== void 0)
    throw new ShipgateError("USAGE", "attest: give exactly one IMAGE", {
      hint: "e.g. shipgate attest ghcr.io/acme/app@sha256:... --predicate test-report.json --type https://example.com/test/v1"
    });
  const file = str(p, "predicate");
  const typeText = str(p, "type");
  if (!file || !typeText) throw new ShipgateError("USAGE", "attest: give --predicate FILE and --type TYPE");
  const predicateType = predicateTypeOf(typeText);
  if (predicateType === void 0)
    throw new ShipgateError(
      "USAGE",
      `attest: --type "${typeText}" is neither slsa, cyclonedx, vuln nor a URI`
    );
  let predicate;
  try {
    predicate = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ShipgateError("INPUT", `attest: ${file} is not a readable JSON document`, { cause: e });
  }
  const { ref, client, digest } = await registryImage(image, "attest", "attesting");
  const options = signOptions(p, process.cwd());
  const out = await attestImage({ client, repository: ref.repository, digest }, predicateType, predicate, {
    signing: options.signing,
    legacy: !bool(p, "no-legacy-signatures")
  });
  process.stdout.write(`attested ${out.reference}
`);
  return EXIT.OK;
}
export {
  run
};
