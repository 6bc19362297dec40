#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  SBOM_FORMATS,
  sbomKind
} from "./chunk-VZR4YNCM.js";
import {
  writeReports
} from "./chunk-2XTX55MY.js";
import "./chunk-63QWEKYT.js";
import {
  runPipeline
} from "./chunk-ALTOMGJX.js";
import "./chunk-NQ7JLJSQ.js";
import "./chunk-YFHBOS32.js";
import "./chunk-M25HSUGT.js";
import "./chunk-U65Y67VX.js";
import {
  oneOf,
  parseCommand,
  str
} from "./chunk-LYRF6LE5.js";
import "./chunk-FALZRFZI.js";
import {
  findRepoRoot
} from "./chunk-VYLKKKIO.js";
import "./chunk-GJZAA7JJ.js";
import "./chunk-62UOYVGW.js";
import "./chunk-W2B3TTNE.js";
import "./chunk-3ZQKS24I.js";
import "./chunk-IARREIY2.js";
import "./chunk-7ID7TX7T.js";
import "./chunk-WRC2BTZW.js";
import "./chunk-DML5XCCS.js";
import "./chunk-2MFDTXUL.js";
import "./chunk-M6FEL437.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-YH6AYXDN.js";
import "./chunk-6INDVNBY.js";
import "./chunk-NBX24EBK.js";
import "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/sbom.ts
var HELP = `Usage: shipgate sbom IMAGE [--format cyclonedx|spdx] [--output FILE] [--platform P]

Writes the image's software bill of materials: OS and language packages with purls, licenses and the layer
each came from. IMAGE is docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], docker:NAME, dir:ROOTFS or a
registry reference.
`;
async function run(argv) {
  const p = parseCommand(
    "sbom",
    argv,
    {
      format: { type: "string", short: "f" },
      output: { type: "string", short: "o" },
      platform: { type: "string" }
    },
    HELP
  );
  if (!p) return EXIT.OK;
  const [image, extra] = p.positionals;
  if (!image)
    throw new ShipgateError("USAGE", "sbom: no image given", { hint: 'run "shipgate sbom --help"' });
  if (extra) throw new ShipgateError("USAGE", `sbom: unexpected argument "${extra}"`);
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
