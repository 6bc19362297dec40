#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  RegistryClient
} from "./chunk-ICL5DW5G.js";
import {
  parseImageRef
} from "./chunk-6FSLFHTN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";

// src/cli/registry-image.ts
async function registryImage(image, command, verb) {
  const ref = parseImageRef(image);
  if (ref.transport !== "registry")
    throw new ShipgateError("USAGE", `${command}: ${image} is not a registry reference`);
  const client = new RegistryClient({ registry: ref.registry });
  if (ref.digest) return { ref, client, digest: ref.digest };
  const head = await client.headManifest(ref.repository, ref.tag ?? "latest");
  if (!head?.digest)
    throw new ShipgateError("NOT_FOUND", `${image}: no such manifest`, {
      hint: "check the tag, or give the digest"
    });
  logger().info(
    `${image} is ${ref.registry}/${ref.repository}@${head.digest} (${verb} the digest, not the tag)`
  );
  return { ref, client, digest: head.digest };
}

export {
  registryImage
};
