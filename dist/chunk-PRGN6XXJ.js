#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  SBOM_FORMATS,
  renderSbom
} from "./chunk-AQNBWOR2.js";
import {
  writeFileSafe
} from "./chunk-76H4TJID.js";
import "./chunk-OHBRUBJW.js";
import {
  runPipeline
} from "./chunk-TLAH3CDU.js";
import {
  findRepoRoot
} from "./chunk-FFKUHJK4.js";
import {
  oneOf,
  parse,
  str
} from "./chunk-I3EOAX5I.js";
import "./chunk-GZGRCBD6.js";
import "./chunk-CD4J457K.js";
import "./chunk-CRQVELII.js";
import "./chunk-YRLS6VAV.js";
import "./chunk-M3P4NN3O.js";
import "./chunk-ZOTEE5XN.js";
import "./chunk-DML5XCCS.js";
import "./chunk-23VTO3BX.js";
import {
  logger
} from "./chunk-QRC7J5MF.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-XNFBH2M5.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/sbom.ts
var HELP = `Usage: shipgate sbom IMAGE [--format cyclonedx|spdx] [--output FILE] [--platform P]

Writes the image's software bill of materials: OS and language packages with purls, licenses and the layer
each came from. IMAGE is docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], docker:NAME, dir:ROOTFS or a
registry reference.
`;
async function run(argv) {
  const p = parse("sbom", argv, {
    format: { type: "string", short: "f" },
    output: { type: "string", short: "o" },
    platform: { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if (p.values.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  const [image, extra] = p.positionals;
  if (!image)
    throw new ShipgateError("USAGE", "sbom: no image given", { hint: 'run "shipgate sbom --help"' });
  if (extra) throw new ShipgateError("USAGE", `sbom: unexpected argument "${extra}"`);
  const format = oneOf(p, "format", SBOM_FORMATS, "cyclonedx");
  const platform = str(p, "platform");
  const result = await runPipeline({
    dockerfiles: [],
    image,
    repoRoot: findRepoRoot(),
    scanners: [],
    ...platform ? { platform } : {}
  });
  const text = renderSbom(result, format);
  const output = str(p, "output");
  if (output) {
    await writeFileSafe(output, text);
    logger().info(`wrote ${format} SBOM to ${output}`);
  } else process.stdout.write(text);
  return EXIT.OK;
}
export {
  run
};
