#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  writeReports
} from "./chunk-46PCFN3W.js";
import {
  runPipeline
} from "./chunk-EKA2GYPS.js";
import {
  tuneForImages
} from "./chunk-JBZB6ZHA.js";
import "./chunk-VW2INED4.js";
import {
  helpSection,
  parseTableCommand
} from "./chunk-63NLDXJT.js";
import {
  oneOf,
  str
} from "./chunk-N7PLTF7E.js";
import "./chunk-UZUG6JWW.js";
import {
  SBOM_FORMATS,
  sbomKind
} from "./chunk-VZR4YNCM.js";
import "./chunk-CE3SJGIG.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-ORKN2LZK.js";
import {
  findRepoRoot
} from "./chunk-VYLKKKIO.js";
import "./chunk-7KII5CIB.js";
import "./chunk-7RXX3OXC.js";
import "./chunk-DML5XCCS.js";
import "./chunk-Z4T7NOW3.js";
import "./chunk-FJAP4N5B.js";
import "./chunk-DLZNSFT6.js";
import "./chunk-44QYIPQ7.js";
import "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-DNEHU5TI.js";
import "./chunk-3QODUBSV.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-RFIJBJJT.js";
import "./chunk-6FSLFHTN.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/sbom.ts
var HELP = `Usage: shipgate sbom IMAGE [--format cyclonedx|spdx] [--output FILE] [--platform P]

Writes the image's software bill of materials: OS and language packages with purls, licenses and the layer
each came from. IMAGE is docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], docker:NAME, dir:ROOTFS or a
registry reference.

Options:
${helpSection("sbom", "Targets")}
  -f, --format FMT        cyclonedx (default) or spdx
${helpSection("sbom", "Output")}
`;
async function run(argv) {
  const p = parseTableCommand("sbom", argv, HELP, { format: { type: "string", short: "f" } });
  if (!p) return EXIT.OK;
  const [image, extra] = p.positionals;
  if (!image)
    throw new ShipgateError("USAGE", "sbom: no image given", { hint: 'run "shipgate sbom --help"' });
  if (extra) throw new ShipgateError("USAGE", `sbom: unexpected argument "${extra}"`);
  tuneForImages();
  const format = oneOf(p, "format", SBOM_FORMATS, "cyclonedx");
  const platform = str(p, "platform");
  const repoRoot = findRepoRoot();
  const result = await runPipeline({
    dockerfiles: [],
    image,
    repoRoot,
    scanners: [],
    ...platform ? { platform } : {}
  });
  const output = str(p, "output");
  await writeReports(result, [{ format: sbomKind(format), ...output ? { path: output } : {} }], {
    repoRoot
  });
  return EXIT.OK;
}
export {
  run
};
