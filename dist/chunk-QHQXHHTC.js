#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  DOCKER_HUB
} from "./chunk-6FSLFHTN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";

// src/oci/allow-list.ts
var HUB_NAMES = ["docker.io", "index.docker.io", "registry-1.docker.io"];
function parseAllowEntry(entry) {
  const e = entry.trim().replace(/\/+$/, "").toLowerCase();
  const slash = e.indexOf("/");
  return slash < 0 ? { registry: e } : { registry: e.slice(0, slash), path: e.slice(slash + 1) };
}
function wildcardRe(pattern, star) {
  return pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\/-]/g, (c) => c === "/" || c === "-" ? c : `\\${c}`)).join(star);
}
function wildcardMatch(pattern, value, star) {
  return new RegExp(`^${wildcardRe(pattern, star)}$`).test(value);
}
function pathAllowed(path, repository) {
  if (path === void 0) return true;
  return repository === path || repository.startsWith(`${path}/`) || wildcardMatch(path, repository, ".*");
}
function registryAllowed(entries, ref) {
  const registry = ref.registry.toLowerCase();
  const repository = ref.repository.toLowerCase();
  return entries.some((raw) => {
    const e = parseAllowEntry(raw);
    return wildcardMatch(e.registry, registry, "[^/]*") && pathAllowed(e.path, repository);
  });
}
var escape = (s) => wildcardRe(s.replace(/\*/g, ""), "");
function pathRe(path, any) {
  if (path === void 0) return `/${any}+`;
  if (path.includes("*")) return `/${wildcardRe(path, `${any}*`)}`;
  return `/${escape(path)}(?:/${any}+)?`;
}
function normalizedNameRegExp(entries) {
  const alts = entries.map((raw) => {
    const e = parseAllowEntry(raw);
    return `${wildcardRe(e.registry, "[^/]*")}${pathRe(e.path, ".")}`;
  });
  return `^(?:${alts.join("|")})$`;
}
function implicitFirstRe() {
  const c = "[^/.:@]";
  const word = "localhost";
  const alts = [`${c}${`${c}?`.repeat(word.length - 2)}`, `${c.repeat(word.length + 1)}${c}*`];
  for (let i = 0; i < word.length; i++)
    alts.push(`${word.slice(0, i)}[^/.:@${word[i]}]${c.repeat(word.length - 1 - i)}`);
  return `(?:${alts.join("|")})`;
}
function explicitRegistryRes(registry) {
  const parts = registry.split("*");
  const literal = (p) => escape(p);
  if (parts.some((p) => /[.:]/.test(p))) return [wildcardRe(registry, "[^/@]*")];
  const out = [];
  for (let i = 1; i < parts.length; i++)
    out.push(
      parts.map(literal).reduce((acc, p, j) => j === 0 ? p : `${acc}${j === i ? "[^/@]*[.:][^/@]*" : "[^/@]*"}${p}`, "")
    );
  if (wildcardMatch(registry, "localhost", "[^/]*")) out.push("localhost");
  return out;
}
function unsupported(entry, what) {
  return new ShipgateError(
    "UNSUPPORTED",
    `allowed registry "${entry}": ${what} cannot be matched exactly without normalising the image`,
    {
      hint: "list registries and Docker Hub namespaces literally (docker.io/library), or use --format gatekeeper"
    }
  );
}
var SUFFIX = "(?::[^/:@]*)?(?:@.*)?";
function imageReferenceRegExp(entries) {
  const alts = [];
  const hubs = HUB_NAMES.map(escape).join("|");
  const single = "[^/:@]+";
  const parsed = entries.map((raw) => ({ raw, e: parseAllowEntry(raw) }));
  if (parsed.some(({ e }) => e.registry === "*" && e.path === void 0)) return "^.*$";
  for (const { raw, e } of parsed) {
    for (const reg of explicitRegistryRes(e.registry)) {
      if (HUB_NAMES.some((h) => new RegExp(`^${reg}$`).test(h))) {
        if (!e.registry.includes("*")) continue;
        throw unsupported(raw, "a registry pattern that also matches a Docker Hub name");
      }
      alts.push(`${reg}${pathRe(e.path, "[^@]")}`);
    }
    if (!wildcardMatch(e.registry, DOCKER_HUB, "[^/]*")) continue;
    const implicit = `${implicitFirstRe()}/[^@]+`;
    if (e.path === void 0) {
      alts.push(`(?:${hubs})/[^@]+`, implicit, single);
      continue;
    }
    if (e.path.includes("*")) throw unsupported(raw, "a Docker Hub path with *");
    const p = escape(e.path);
    const multi = e.path.includes("/") ? `${p}(?:/[^@]+)?` : `${p}/[^@]+`;
    alts.push(`(?:${hubs})/${multi}`);
    const first = e.path.split("/")[0];
    if (!/[.:]/.test(first) && first !== "localhost") alts.push(multi);
    if (e.path === "library") alts.push(`(?:(?:${hubs})/)?${single}`);
    else if (/^library\/[^/*]+$/.test(e.path)) alts.push(`(?:(?:${hubs})/)?${escape(e.path.slice(8))}`);
  }
  return `^(?:${alts.join("|")})${SUFFIX}$`;
}

export {
  registryAllowed,
  normalizedNameRegExp,
  imageReferenceRegExp
};
