#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  isDigest
} from "./chunk-5JHU73NY.js";
import {
  ShipgateError
} from "./chunk-XNFBH2M5.js";

// src/image/ref.ts
import { existsSync } from "node:fs";
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API = "registry-1.docker.io";
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
function parseRegistryRef(input) {
  let rest = input.replace(/^docker:\/\//, "");
  let digest;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) throw new ShipgateError("USAGE", `invalid digest in image reference "${input}"`);
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag))
      throw new ShipgateError("USAGE", `invalid tag "${tag}" in image reference "${input}"`);
  }
  const parts = rest.split("/");
  let host = DOCKER_HUB;
  if (parts.length > 1 && (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost")) {
    host = parts.shift();
  }
  if (parts.length === 0 || !parts.every((p) => PATH_COMPONENT.test(p)))
    throw new ShipgateError("USAGE", `invalid image reference "${input}"`, {
      hint: "expected [registry/]repository[:tag][@sha256:...] with a lowercase repository name"
    });
  if ((host === DOCKER_HUB || host === "index.docker.io") && parts.length === 1) parts.unshift("library");
  const ref = {
    transport: "registry",
    registry: host === DOCKER_HUB || host === "index.docker.io" ? DOCKER_HUB_API : host,
    repository: parts.join("/")
  };
  if (tag) ref.tag = tag;
  if (digest) ref.digest = digest;
  if (!tag && !digest) ref.tag = "latest";
  return ref;
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
  const m = /^(docker-archive|oci-archive|oci|dir|docker-daemon|docker):(.*)$/.exec(s);
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

export {
  repositoryName,
  formatRegistryRef,
  parseImageRef
};
