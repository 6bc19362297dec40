#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  DEFAULT_RETRY,
  fetchWithRetry
} from "./chunk-6NPJNXW7.js";
import {
  MANIFEST_ACCEPT,
  MT
} from "./chunk-TXKN6PNT.js";
import {
  digestOf,
  parseReference,
  withoutTransport
} from "./chunk-6FSLFHTN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  addSecret,
  logger
} from "./chunk-HYPJQQQ3.js";
import {
  oneLine
} from "./chunk-KDR2SZEQ.js";

// src/oci/client.ts
import { Readable } from "node:stream";

// src/oci/challenge.ts
function parseChallenge(header) {
  if (!header) return void 0;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return void 0;
  const params = {};
  const re = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let p = re.exec(m[2]); p; p = re.exec(m[2])) {
    params[p[1].toLowerCase()] = (p[2] ?? p[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return { scheme: m[1].toLowerCase(), params };
}

// src/oci/credentials.ts
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
var HUB_KEYS = [
  "https://index.docker.io/v1/",
  "index.docker.io",
  "docker.io",
  "registry-1.docker.io",
  "https://index.docker.io/v1"
];
function configKeys(registry) {
  if (HUB_KEYS.includes(registry)) return HUB_KEYS;
  return [
    registry,
    `https://${registry}`,
    `http://${registry}`,
    `https://${registry}/v1/`,
    `https://${registry}/v2/`
  ];
}
function dockerConfigPath(env) {
  return join(env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), ".docker"), "config.json");
}
async function readDockerConfig(env) {
  const path = dockerConfigPath(env);
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return void 0;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ShipgateError("CONFIG_INVALID", `${path}: not valid JSON`, {
      hint: "fix or remove the Docker config file"
    });
  }
}
function runCredentialHelper(helper, serverUrl, env, timeoutMs = 3e4) {
  if (!/^[\w.-]+$/.test(helper))
    return Promise.reject(new ShipgateError("CONFIG_INVALID", `invalid credential helper name "${helper}"`));
  const cmd = `docker-credential-${helper}`;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, ["get"], { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (d) => out += d.toString());
    child.stderr.on("data", (d) => err += d.toString());
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(
        new ShipgateError("AUTH", `credential helper ${cmd} cannot run (${e.code ?? e.message})`, {
          hint: `install ${cmd} or remove it from the Docker config`
        })
      );
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        const msg = `${out} ${err}`.trim();
        if (/credentials not found/i.test(msg)) return resolve(void 0);
        return reject(
          new ShipgateError("AUTH", `credential helper ${cmd} failed (exit ${code}): ${msg.slice(0, 200)}`)
        );
      }
      try {
        const doc = JSON.parse(out);
        if (!doc.Secret) return resolve(void 0);
        addSecret(doc.Secret);
        if (doc.Username === "<token>") return resolve({ identityToken: doc.Secret, source: cmd });
        resolve({ username: doc.Username ?? "", password: doc.Secret, source: cmd });
      } catch {
        reject(new ShipgateError("AUTH", `credential helper ${cmd} printed something that is not JSON`));
      }
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(serverUrl);
  });
}
function fromAuthEntry(e, source) {
  if (e.identitytoken) {
    addSecret(e.identitytoken);
    return { identityToken: e.identitytoken, source };
  }
  if (e.auth) {
    const decoded = Buffer.from(e.auth, "base64").toString("utf8");
    const i = decoded.indexOf(":");
    if (i < 0) throw new ShipgateError("CONFIG_INVALID", `${source}: "auth" is not base64 of user:password`);
    addSecret(e.auth);
    addSecret(decoded.slice(i + 1));
    return { username: decoded.slice(0, i), password: decoded.slice(i + 1), source };
  }
  if (e.username && e.password) {
    addSecret(e.password);
    return { username: e.username, password: e.password, source };
  }
  return void 0;
}
function userPass(username, password, source) {
  if (!password) return void 0;
  addSecret(password);
  return { username: username ?? "", password, source };
}
function hostOf(urlish) {
  return urlish.trim().replace(/^\w+:\/\//, "").replace(/\/.*$/, "").toLowerCase();
}
function sameRegistry(configured, registry) {
  const host = hostOf(configured);
  const reg = registry.toLowerCase();
  return host === reg || HUB_KEYS.includes(host) && HUB_KEYS.includes(reg);
}
var warnedUnscoped = false;
function explicitCredentials(registry, env) {
  if (!env.SHIPGATE_REGISTRY_PASSWORD) return void 0;
  if (!env.SHIPGATE_REGISTRY?.trim()) {
    if (!warnedUnscoped)
      logger().warn(
        "SHIPGATE_REGISTRY_USERNAME/PASSWORD are ignored: set SHIPGATE_REGISTRY to the registry host they belong to"
      );
    warnedUnscoped = true;
    return void 0;
  }
  if (!sameRegistry(env.SHIPGATE_REGISTRY, registry)) return void 0;
  return userPass(
    env.SHIPGATE_REGISTRY_USERNAME,
    env.SHIPGATE_REGISTRY_PASSWORD,
    "SHIPGATE_REGISTRY_USERNAME/PASSWORD"
  );
}
var warnedUnscopedCs = false;
function containerScanningCredentials(registry, env) {
  if (!env.CS_REGISTRY_PASSWORD) return void 0;
  const image = env.CS_IMAGE?.trim();
  if (!image) {
    if (!warnedUnscopedCs)
      logger().warn(
        "CS_REGISTRY_USER/PASSWORD are ignored: set CS_IMAGE, whose registry host they belong to"
      );
    warnedUnscopedCs = true;
    return void 0;
  }
  if (!sameRegistry(parseReference(withoutTransport(image), { lenient: true }).registry, registry))
    return void 0;
  return userPass(env.CS_REGISTRY_USER, env.CS_REGISTRY_PASSWORD, "CS_REGISTRY_USER/PASSWORD");
}
async function findCredentials(registry, env = process.env) {
  const explicit = explicitCredentials(registry, env) ?? containerScanningCredentials(registry, env);
  if (explicit) return explicit;
  const config = await readDockerConfig(env);
  if (config) {
    const keys = configKeys(registry);
    const serverUrl = HUB_KEYS.includes(registry) ? HUB_KEYS[0] : registry;
    const helper = keys.map((k) => config.credHelpers?.[k]).find(Boolean);
    if (helper) {
      const c = await runCredentialHelper(helper, serverUrl, env);
      if (c) return c;
    }
    for (const k of keys) {
      const entry = config.auths?.[k];
      const c = entry && fromAuthEntry(entry, `${dockerConfigPath(env)} auths["${k}"]`);
      if (c) return c;
    }
    if (config.credsStore) {
      const c = await runCredentialHelper(config.credsStore, serverUrl, env);
      if (c) return c;
    }
  }
  if (registry === "ghcr.io" && env.GITHUB_TOKEN)
    return userPass(env.GITHUB_ACTOR ?? "x-access-token", env.GITHUB_TOKEN, "GITHUB_TOKEN");
  if (env.CI_REGISTRY && sameRegistry(env.CI_REGISTRY, registry)) {
    if (env.CI_REGISTRY_PASSWORD)
      return userPass(env.CI_REGISTRY_USER, env.CI_REGISTRY_PASSWORD, "CI_REGISTRY_USER/PASSWORD");
    if (env.CI_JOB_TOKEN) return userPass("gitlab-ci-token", env.CI_JOB_TOKEN, "CI_JOB_TOKEN");
  }
  logger().debug(`no credentials for ${registry}; trying anonymously`);
  return void 0;
}

// src/oci/link.ts
function nextLink(header, baseUrl) {
  if (!header) return void 0;
  for (const part of header.split(",")) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!m || !/\brel="?next"?/i.test(m[2])) continue;
    try {
      const url = new URL(m[1], `${baseUrl}/`);
      return url.origin === new URL(baseUrl).origin ? url.toString() : void 0;
    } catch {
      return void 0;
    }
  }
  return void 0;
}

// src/oci/origin.ts
var LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
function isLoopback(host) {
  return LOOPBACK_HOST.test(host.replace(/:\d+$/, ""));
}
function realmAccess(realm, registry) {
  if (realm.origin === registry.origin) return "credentials";
  if (realm.protocol === "https:") {
    if (registry.protocol === "https:" || realm.hostname === registry.hostname) return "credentials";
    return "anonymous";
  }
  if (realm.protocol === "http:" && isLoopback(realm.host)) return "anonymous";
  return "refused";
}

// src/oci/client.ts
function bodyStream(body, hooks) {
  if (Buffer.isBuffer(body))
    return new ReadableStream({
      start(controller) {
        controller.enqueue(body);
        controller.close();
      }
    });
  const pieces = body.open()[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) {
        controller.close();
        return;
      }
      hooks.progress();
      controller.enqueue(next.value);
    },
    cancel() {
      pieces.return?.().catch(() => void 0);
    }
  });
}
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_REDIRECTS = 5;
var RegistryClient = class {
  registry;
  baseUrl;
  origin;
  options;
  retry;
  credentials;
  /** Authorization header per scope ("repository:x:pull"), or for the whole registry with basic auth. */
  authByScope = /* @__PURE__ */ new Map();
  basicAuth;
  constructor(options) {
    this.options = options;
    this.registry = options.registry;
    const insecure = isLoopback(options.registry) || (options.insecureRegistries ?? []).includes(options.registry);
    this.baseUrl = `${insecure ? "http" : "https"}://${options.registry}`;
    this.origin = new URL(this.baseUrl).origin;
    this.retry = { ...DEFAULT_RETRY, ...options.retry ?? {} };
    this.credentials = options.credentials;
  }
  async creds() {
    if (this.credentials === void 0)
      this.credentials = await findCredentials(this.registry, this.options.env ?? process.env) ?? null;
    return this.credentials;
  }
  scope(spec) {
    return spec.repository ? `repository:${spec.repository}:${spec.action === "push" ? "pull,push" : "pull"}` : "";
  }
  /** One HTTP exchange with retries for transient failures; no auth handling. */
  fetchWithRetry(url, init, what, retries) {
    return fetchWithRetry(url, init, {
      what,
      retry: retries === void 0 ? this.retry : { ...this.retry, retries },
      ...this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {},
      giveUp: (f) => {
        const tries = `${f.attempts} attempt${f.attempts > 1 ? "s" : ""}`;
        if (f.status !== void 0)
          return new ShipgateError(
            "REGISTRY",
            `${what}: ${f.host} answered ${`${f.status} ${f.statusText ?? ""}`.trim()} (after ${tries})`,
            { hint: "the registry is failing or rate-limiting; try again later" }
          );
        return new ShipgateError(
          "NETWORK",
          `${what}: cannot reach ${f.host}: ${oneLine(f.reason)} (after ${tries})`,
          {
            hint: "check the network, the registry address, and proxies"
          }
        );
      }
    });
  }
  /** Gets a token (or basic header) answering `challenge` for `scope`. */
  async authorize(header, scope, what) {
    const challenge = parseChallenge(header);
    const creds = await this.creds();
    if (!challenge || challenge.scheme === "basic") {
      if (!creds?.password)
        throw new ShipgateError("AUTH", `${what}: ${this.registry} requires credentials`, {
          hint: "log in with `docker login`, or set SHIPGATE_REGISTRY_USERNAME and SHIPGATE_REGISTRY_PASSWORD"
        });
      const basic = `Basic ${Buffer.from(`${creds.username ?? ""}:${creds.password}`).toString("base64")}`;
      addSecret(basic.slice(6));
      this.basicAuth = basic;
      return basic;
    }
    if (challenge.scheme !== "bearer")
      throw new ShipgateError(
        "UNSUPPORTED",
        `${what}: ${this.registry} asks for unsupported auth "${challenge.scheme}"`
      );
    const realm = challenge.params.realm;
    if (!realm)
      throw new ShipgateError("REGISTRY", `${what}: ${this.registry} sent a bearer challenge without realm`);
    let realmUrl;
    try {
      realmUrl = new URL(realm);
    } catch {
      throw new ShipgateError("REGISTRY", `${what}: ${this.registry} named an invalid token realm`);
    }
    const access = realmAccess(realmUrl, new URL(this.baseUrl));
    if (access === "refused")
      throw new ShipgateError(
        "AUTH",
        `${what}: ${this.registry} names a token service over plain http on another host (${realmUrl.host}); refusing it`,
        { hint: "a token service must use https (or be this machine, or the registry itself)" }
      );
    if (access === "anonymous" && creds)
      logger().warn(
        `${what}: the token service ${realmUrl.host} is not trusted with the credentials for ${this.registry}; asking it anonymously`
      );
    const tokenCreds = access === "credentials" ? creds : null;
    const wantedScope = challenge.params.scope ?? scope;
    const service = challenge.params.service;
    let res;
    if (tokenCreds?.identityToken) {
      const form = new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: tokenCreds.identityToken,
        client_id: "shipgate"
      });
      if (service) form.set("service", service);
      if (wantedScope) form.set("scope", wantedScope);
      res = await this.fetchWithRetry(
        realm,
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: form.toString()
        },
        `${what} (token)`
      );
    } else {
      const url = new URL(realmUrl);
      if (service) url.searchParams.set("service", service);
      for (const s of wantedScope.split(" ").filter(Boolean)) url.searchParams.append("scope", s);
      const headers = {};
      if (tokenCreds?.password) {
        const b = Buffer.from(`${tokenCreds.username ?? ""}:${tokenCreds.password}`).toString("base64");
        addSecret(b);
        headers.authorization = `Basic ${b}`;
      }
      res = await this.fetchWithRetry(url.toString(), { headers }, `${what} (token)`);
    }
    if (res.status === 401 || res.status === 403)
      throw new ShipgateError(
        "AUTH",
        `${what}: ${this.registry} refused the credentials${creds ? ` from ${creds.source}` : ""} (${res.status})`,
        {
          hint: creds ? "check the username and token, and that the token may read this repository" : "this repository needs credentials; log in with `docker login`"
        }
      );
    if (!res.ok) throw new ShipgateError("REGISTRY", `${what}: token endpoint answered ${res.status}`);
    const body = await res.json().catch(() => ({}));
    const token = body.token ?? body.access_token;
    if (!token) throw new ShipgateError("REGISTRY", `${what}: the token endpoint returned no token`);
    addSecret(token);
    const auth = `Bearer ${token}`;
    this.authByScope.set(scope, auth);
    return auth;
  }
  /** Sends a request, answering an auth challenge once; raises ShipgateErrors for failures. */
  async request(spec, what) {
    const url = new URL(spec.path.startsWith("http") ? spec.path : `${this.baseUrl}${spec.path}`);
    const own = url.origin === this.origin;
    const scope = this.scope(spec);
    const headers = {
      "user-agent": this.options.userAgent ?? "shipgate",
      ...spec.headers ?? {}
    };
    const known = own ? this.authByScope.get(scope) ?? this.basicAuth : void 0;
    if (known) headers.authorization = known;
    const { body } = spec;
    const init = (hooks) => ({
      method: spec.method,
      headers: body ? { ...headers, "content-length": String(body.length) } : headers,
      ...body ? { body: bodyStream(body, hooks), duplex: "half" } : {},
      // fetch keeps a copy of a request body to send it again after a redirect (all of a stream, as it is
      // sent): a request with a body refuses redirects instead, and nothing is kept.
      ...body ? { redirect: "error", window: null } : { redirect: "manual" }
    });
    let res = await this.fetchWithRetry(url.toString(), init, what, spec.retries);
    if (res.status === 401 && own) {
      const challenge = res.headers.get("www-authenticate");
      await res.body?.cancel().catch(() => void 0);
      headers.authorization = await this.authorize(challenge, scope, what);
      res = await this.fetchWithRetry(url.toString(), init, what, spec.retries);
      if (res.status === 401 || res.status === 403) {
        await res.body?.cancel().catch(() => void 0);
        throw new ShipgateError("AUTH", `${what}: ${this.registry} refused access (${res.status})`, {
          hint: "check the credentials and that they may access this repository"
        });
      }
    }
    if (spec.followRedirects !== false)
      res = await this.followRedirects(res, url, spec.method, headers, what);
    if (res.ok || spec.accept?.includes(res.status)) return res;
    throw await this.errorFor(res, what);
  }
  /** Follows redirects; blob storage on another origin has its own signed URL and gets no Authorization. */
  async followRedirects(first, from, method, headers, what) {
    let res = first;
    let url = from;
    for (let hops = 0; REDIRECTS.has(res.status); hops++) {
      const location = res.headers.get("location");
      await res.body?.cancel().catch(() => void 0);
      if (!location) throw new ShipgateError("REGISTRY", `${what}: redirect without a location`);
      if (hops === MAX_REDIRECTS)
        throw new ShipgateError("REGISTRY", `${what}: more than ${MAX_REDIRECTS} redirects`);
      url = new URL(location, url);
      const { authorization, ...rest } = headers;
      const sent = url.origin === this.origin && authorization ? { ...rest, authorization } : rest;
      res = await this.fetchWithRetry(url.toString(), { method, headers: sent, redirect: "manual" }, what);
    }
    return res;
  }
  async errorFor(res, what) {
    let detail = "";
    try {
      const text = await res.text();
      const doc = JSON.parse(text);
      detail = (doc.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ");
    } catch {
    }
    const msg = `${what}: ${this.registry} answered ${res.status}${detail ? ` (${oneLine(detail).slice(0, 300)})` : ""}`;
    if (res.status === 404) return new ShipgateError("NOT_FOUND", msg);
    if (res.status === 401 || res.status === 403) return new ShipgateError("AUTH", msg);
    return new ShipgateError("REGISTRY", msg);
  }
  /** GET a manifest or index by tag or digest; the digest is checked when asked by digest. */
  async getManifest(repository, reference) {
    const what = `${this.registry}/${repository}:${reference}`;
    const res = await this.request(
      {
        method: "GET",
        path: `/v2/${repository}/manifests/${reference}`,
        repository,
        headers: { accept: [...MANIFEST_ACCEPT, MT.dockerSchema1Signed, MT.dockerSchema1].join(", ") }
      },
      `manifest ${what}`
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    const digest = digestOf(bytes);
    if (reference.includes(":") && reference !== digest && reference.startsWith("sha256:"))
      throw new ShipgateError(
        "DIGEST_MISMATCH",
        `manifest ${what}: the registry sent content with digest ${digest}`
      );
    return { bytes, mediaType: (res.headers.get("content-type") ?? "").split(";")[0].trim(), digest };
  }
  /** HEAD a manifest: its descriptor, or undefined when absent. */
  async headManifest(repository, reference) {
    const res = await this.request(
      {
        method: "HEAD",
        path: `/v2/${repository}/manifests/${reference}`,
        repository,
        headers: { accept: MANIFEST_ACCEPT.join(", ") },
        accept: [404]
      },
      `manifest ${this.registry}/${repository}:${reference}`
    );
    if (res.status === 404) return void 0;
    return {
      mediaType: (res.headers.get("content-type") ?? "").split(";")[0].trim(),
      digest: res.headers.get("docker-content-digest") ?? (reference.startsWith("sha256:") ? reference : ""),
      size: Number(res.headers.get("content-length") ?? -1)
    };
  }
  /** GET a blob as a stream (unverified: callers check the digest as it flows). */
  async getBlob(repository, digest) {
    const res = await this.request(
      { method: "GET", path: `/v2/${repository}/blobs/${digest}`, repository },
      `blob ${this.registry}/${repository}@${digest}`
    );
    if (!res.body) return Readable.from([]);
    return Readable.fromWeb(res.body, {
      highWaterMark: 256 * 1024
    });
  }
  async getBlobBytes(repository, digest, max = 8 * 1024 * 1024) {
    const res = await this.request(
      { method: "GET", path: `/v2/${repository}/blobs/${digest}`, repository },
      `blob ${this.registry}/${repository}@${digest}`
    );
    const len = Number(res.headers.get("content-length") ?? 0);
    if (len > max) {
      await res.body?.cancel().catch(() => void 0);
      throw new ShipgateError("IMAGE_FORMAT", `blob ${digest}: ${len} bytes is too large here`);
    }
    return Buffer.from(await res.arrayBuffer());
  }
  async hasBlob(repository, digest, action = "pull") {
    return await this.blobSize(repository, digest, action) !== void 0;
  }
  /** The size of a blob the registry holds (HEAD), or undefined when it does not hold it. */
  async blobSize(repository, digest, action = "pull") {
    const res = await this.request(
      { method: "HEAD", path: `/v2/${repository}/blobs/${digest}`, repository, action, accept: [404] },
      `blob ${this.registry}/${repository}@${digest}`
    );
    if (res.status === 404) return void 0;
    return Number(res.headers.get("content-length") ?? -1);
  }
  /**
   * Uploads a blob in one piece: POST to open an upload and PUT it with its digest, or (monolithic) the
   * whole blob in the POST. Skipped when the registry has it already.
   */
  async pushBlob(repository, data, mediaType = "application/octet-stream", options = {}) {
    const digest = digestOf(data);
    const desc = { mediaType, digest, size: data.length };
    if (await this.hasBlob(repository, digest, "push")) return desc;
    const what = `upload ${this.registry}/${repository}@${digest}`;
    const start = await this.request(
      {
        method: "POST",
        path: `/v2/${repository}/blobs/uploads/${options.monolithic ? `?digest=${digest}` : ""}`,
        repository,
        action: "push",
        accept: [201, 202],
        followRedirects: false,
        ...options.monolithic ? {
          headers: { "content-type": "application/octet-stream", "content-length": String(data.length) },
          body: data
        } : {}
      },
      what
    );
    await start.body?.cancel().catch(() => void 0);
    if (start.status === 201) return desc;
    const location = start.headers.get("location");
    if (!location) throw new ShipgateError("REGISTRY", `${what}: the registry gave no upload location`);
    const url = new URL(location, `${this.baseUrl}/`);
    url.searchParams.set("digest", digest);
    const res = await this.request(
      {
        method: "PUT",
        path: url.toString(),
        repository,
        action: "push",
        headers: { "content-type": "application/octet-stream", "content-length": String(data.length) },
        body: data,
        followRedirects: false
      },
      what
    );
    await res.body?.cancel().catch(() => void 0);
    return desc;
  }
  /** PUT a manifest under a tag or its digest; returns its descriptor. */
  async putManifest(repository, reference, bytes, mediaType) {
    const digest = digestOf(bytes);
    const res = await this.request(
      {
        method: "PUT",
        path: `/v2/${repository}/manifests/${reference}`,
        repository,
        action: "push",
        headers: { "content-type": mediaType },
        body: bytes,
        followRedirects: false
      },
      `push manifest ${this.registry}/${repository}:${reference}`
    );
    await res.body?.cancel().catch(() => void 0);
    const sent = res.headers.get("docker-content-digest");
    if (sent && sent !== digest)
      throw new ShipgateError(
        "DIGEST_MISMATCH",
        `push manifest: the registry stored ${sent}, expected ${digest}`
      );
    return { mediaType, digest, size: bytes.length };
  }
  /** Every tag of a repository, following the `Link` pages; `pageSize` sets `n=` (the registry's default otherwise). */
  async listTags(repository, pageSize) {
    const first = `/v2/${repository}/tags/list${pageSize ? `?n=${pageSize}` : ""}`;
    return this.listPages(first, "tags", `tags of ${this.registry}/${repository}`, repository);
  }
  /** Every repository of the registry (`/v2/_catalog`, paginated); registries may refuse it (AUTH, NOT_FOUND). */
  async listRepositories(pageSize) {
    const first = `/v2/_catalog${pageSize ? `?n=${pageSize}` : ""}`;
    return this.listPages(first, "repositories", `catalog of ${this.registry}`);
  }
  async listPages(first, field, what, repository) {
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    for (let path = first; path; ) {
      if (seen.has(path))
        throw new ShipgateError("REGISTRY", `${what}: the registry's pages link back to ${path}`);
      seen.add(path);
      const res = await this.request({ method: "GET", path, ...repository ? { repository } : {} }, what);
      let page;
      try {
        page = (await res.json())[field];
      } catch {
        throw new ShipgateError("REGISTRY", `${what}: the registry answered a page that is not JSON`);
      }
      if (page !== null && page !== void 0) {
        if (!Array.isArray(page) || page.some((t) => typeof t !== "string"))
          throw new ShipgateError("REGISTRY", `${what}: "${field}" is not a list of names`);
        out.push(...page);
      }
      path = nextLink(res.headers.get("link"), this.baseUrl);
    }
    return out;
  }
  /**
   * Manifests that refer to `digest` (signatures, attestations, SBOMs): the referrers API, or the
   * `sha256-<hex>` tag index where the registry does not have that API.
   */
  async referrers(repository, digest, artifactType) {
    const q = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : "";
    const res = await this.request(
      {
        method: "GET",
        path: `/v2/${repository}/referrers/${digest}${q}`,
        repository,
        accept: [404, 400, 405],
        headers: { accept: MT.ociIndex }
      },
      `referrers of ${this.registry}/${repository}@${digest}`
    );
    let manifests;
    let via = "api";
    const type = res.headers.get("content-type") ?? "";
    if (res.ok && type.includes(MT.ociIndex)) {
      manifests = (await res.json()).manifests ?? [];
    } else {
      await res.body?.cancel().catch(() => void 0);
      via = "tag";
      const tag = referrersTag(digest);
      const head = await this.headManifest(repository, tag);
      if (!head) return { manifests: [], via };
      const { bytes } = await this.getManifest(repository, tag);
      manifests = JSON.parse(bytes.toString()).manifests ?? [];
    }
    if (artifactType) manifests = manifests.filter((m) => m.artifactType === artifactType);
    return { manifests, via };
  }
};
function referrersTag(digest) {
  return digest.replace(":", "-");
}

export {
  nextLink,
  RegistryClient,
  referrersTag
};
