#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/oci/media-types.ts
var MT = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  dockerSchema1: "application/vnd.docker.distribution.manifest.v1+json",
  dockerSchema1Signed: "application/vnd.docker.distribution.manifest.v1+prettyjws",
  ociLayerTar: "application/vnd.oci.image.layer.v1.tar",
  ociLayerGzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  ociLayerZstd: "application/vnd.oci.image.layer.v1.tar+zstd",
  dockerLayerGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip",
  dockerLayerTar: "application/vnd.docker.image.rootfs.diff.tar",
  dockerForeignLayer: "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"
};
var MANIFEST_ACCEPT = [MT.ociIndex, MT.ociManifest, MT.dockerList, MT.dockerManifest];
var INDEX_TYPES = /* @__PURE__ */ new Set([MT.ociIndex, MT.dockerList]);
var MANIFEST_TYPES = /* @__PURE__ */ new Set([MT.ociManifest, MT.dockerManifest]);
function isLayerMediaType(mt) {
  if (mt.startsWith("application/vnd.oci.image.layer.")) {
    return /^application\/vnd\.oci\.image\.layer\.(nondistributable\.)?v1\.tar(\+gzip|\+zstd)?$/.test(mt);
  }
  return mt === MT.dockerLayerGzip || mt === MT.dockerLayerTar || mt === MT.dockerForeignLayer || mt === "application/x-tar";
}

export {
  MT,
  MANIFEST_ACCEPT,
  INDEX_TYPES,
  MANIFEST_TYPES,
  isLayerMediaType
};
