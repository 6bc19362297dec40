#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";

// src/oci/ref.ts
import { existsSync } from "node:fs";

// src/oci/digest.ts
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
var DIGEST_RE = /^(sha256|sha512):([a-f0-9]+)$/;
function parseDigest(digest, what) {
  const m = DIGEST_RE.exec(digest);
  const len = m?.[1] === "sha256" ? 64 : 128;
  if (!m || m[2].length !== len)
    throw new ShipgateError("IMAGE_FORMAT", `${what}: invalid digest "${digest.slice(0, 100)}"`);
  return { algorithm: m[1], hex: m[2] };
}
function isDigest(s) {
  return DIGEST_RE.test(s);
}
function digestOf(data, algorithm = "sha256") {
  return `${algorithm}:${createHash(algorithm).update(data).digest("hex")}`;
}
function verifyBytes(data, expected, what) {
  const { algorithm } = parseDigest(expected, what);
  const actual = digestOf(data, algorithm);
  if (actual !== expected)
    throw new ShipgateError(
      "DIGEST_MISMATCH",
      `${what}: content digest ${actual} does not match ${expected}`,
      {
        hint: "the image is corrupt or was tampered with; pull or save it again"
      }
    );
}
var DigestVerifier = class extends Transform {
  constructor(expected, what, expectedSize, garbage) {
    super();
    this.expected = expected;
    this.what = what;
    this.expectedSize = expectedSize;
    this.garbage = garbage;
    this.algorithm = parseDigest(expected, what).algorithm;
    this.hash = createHash(this.algorithm);
  }
  expected;
  what;
  expectedSize;
  garbage;
  hash;
  algorithm;
  bytes = 0;
  _transform(chunk, _enc, cb) {
    this.bytes += chunk.length;
    if (this.expectedSize !== void 0 && this.expectedSize >= 0 && this.bytes > this.expectedSize) {
      cb(
        new ShipgateError(
          "DIGEST_MISMATCH",
          `${this.what}: more than the ${this.expectedSize} bytes its descriptor announces`
        )
      );
      return;
    }
    this.hash.update(chunk);
    this.garbage?.add(chunk.length);
    cb(null, chunk);
  }
  _flush(cb) {
    if (this.expectedSize !== void 0 && this.expectedSize >= 0 && this.bytes < this.expectedSize) {
      cb(
        new ShipgateError(
          "IMAGE_FORMAT",
          `${this.what}: truncated (${this.bytes} of ${this.expectedSize} bytes)`,
          { hint: "the download or archive is incomplete; fetch or save the image again" }
        )
      );
      return;
    }
    const actual = `${this.algorithm}:${this.hash.digest("hex")}`;
    if (actual !== this.expected) {
      cb(
        new ShipgateError(
          "DIGEST_MISMATCH",
          `${this.what}: content digest ${actual} does not match ${this.expected}`,
          {
            hint: "the image is corrupt or was tampered with; pull or save it again"
          }
        )
      );
      return;
    }
    cb();
  }
};

// src/oci/ref.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API = "registry-1.docker.io";
var TRANSPORT = /^(docker-archive|oci-archive|oci|dir|docker-daemon|docker):(.*)$/;
var TRANSPORT_PREFIX = /^(docker-archive|oci-archive|oci|docker-daemon|docker|containers-storage|dir):/;
function splitPathSuffix(rest) {
  if (existsSync(rest) || !rest.includes(":")) return { path: rest };
  for (let i2 = rest.indexOf(":"); i2 !== -1; i2 = rest.indexOf(":", i2 + 1)) {
    const path = rest.slice(0, i2);
    if (existsSync(path)) return { path, suffix: rest.slice(i2 + 1) };
  }
  const i = rest.lastIndexOf(":");
  return { path: rest.slice(0, i), suffix: rest.slice(i + 1) };
}
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var HUB_HOSTS = /* @__PURE__ */ new Set([DOCKER_HUB, "index.docker.io", DOCKER_HUB_API]);
function splitReference(input) {
  let name = input.trim();
  let digest;
  const at = name.indexOf("@");
  if (at >= 0) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
  }
  let tag;
  const colon = name.lastIndexOf(":");
  if (colon > name.lastIndexOf("/")) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  return { name, ...tag !== void 0 ? { tag } : {}, ...digest !== void 0 ? { digest } : {} };
}
function splitName(name) {
  const path = name.split("/");
  const first = path[0];
  const registry = path.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost") ? path.shift() : DOCKER_HUB;
  const hub = HUB_HOSTS.has(registry.toLowerCase());
  if (hub && path.length === 1) path.unshift("library");
  return { registry: hub ? DOCKER_HUB : registry, path };
}
function parseReference(input, options = {}) {
  const { name, tag, digest } = splitReference(input);
  const { registry, path } = splitName(name);
  if (!options.lenient) {
    if (digest !== void 0 && !isDigest(digest))
      throw new ShipgateError("USAGE", `invalid digest in image reference "${input}"`);
    if (tag !== void 0 && !TAG.test(tag))
      throw new ShipgateError("USAGE", `invalid tag "${tag}" in image reference "${input}"`);
    if (!path.every((p) => PATH_COMPONENT.test(p)))
      throw new ShipgateError("USAGE", `invalid image reference "${input}"`, {
        hint: "expected [registry/]repository[:tag][@sha256:...] with a lowercase repository name"
      });
  }
  const repository = path.join("/");
  const ref = options.lenient ? { registry: registry.toLowerCase(), repository: repository.toLowerCase() } : { registry, repository };
  if (tag !== void 0) ref.tag = tag;
  if (digest !== void 0) ref.digest = digest;
  return ref;
}
function parseRegistryRef(input) {
  const { registry, repository, tag, digest } = parseReference(input.replace(/^docker:\/\//, ""));
  const ref = {
    transport: "registry",
    registry: registry === DOCKER_HUB ? DOCKER_HUB_API : registry,
    repository
  };
  if (tag) ref.tag = tag;
  if (digest) ref.digest = digest;
  if (!tag && !digest) ref.tag = "latest";
  return ref;
}
function familiarName(ref) {
  if (ref.registry === DOCKER_HUB) return ref.repository.replace(/^library\//, "");
  return `${ref.registry}/${ref.repository}`;
}
function withoutTransport(input) {
  return input.replace(TRANSPORT_PREFIX, "").replace(/^\/\//, "");
}
function repositoryName(ref) {
  return `${ref.registry === DOCKER_HUB_API ? DOCKER_HUB : ref.registry}/${ref.repository}`;
}
function formatRegistryRef(ref) {
  return `${repositoryName(ref)}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
function parseImageRef(input) {
  const s = input.trim();
  if (!s) throw new ShipgateError("USAGE", "empty image reference");
  const m = TRANSPORT.exec(s);
  if (!m || m[1] === "docker" && m[2].startsWith("//")) return parseRegistryRef(s);
  const transport = m[1];
  const rest = m[2];
  if (!rest)
    throw new ShipgateError(
      "USAGE",
      `image reference "${s}" names no ${transport === "docker" || transport === "docker-daemon" ? "image" : "path"}`
    );
  switch (transport) {
    case "docker":
    case "docker-daemon":
      return { transport: "docker-daemon", name: rest };
    case "dir":
      return { transport: "dir", path: rest };
    case "docker-archive": {
      const { path, suffix } = splitPathSuffix(rest);
      return suffix ? { transport: "docker-archive", path, name: suffix } : { transport: "docker-archive", path };
    }
    default: {
      const { path, suffix } = splitPathSuffix(rest);
      const t = transport;
      return suffix ? { transport: t, path, tag: suffix } : { transport: t, path };
    }
  }
}
function imageRepository(image) {
  if (image.repository) return image.repository;
  return splitReference(withoutTransport(image.ref)).name;
}

export {
  parseDigest,
  isDigest,
  digestOf,
  verifyBytes,
  DigestVerifier,
  DOCKER_HUB,
  splitReference,
  parseReference,
  parseRegistryRef,
  familiarName,
  withoutTransport,
  repositoryName,
  formatRegistryRef,
  parseImageRef,
  imageRepository
};
