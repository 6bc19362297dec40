#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  batchedSink
} from "./chunk-TS7T5JXD.js";
import {
  discoverIssuer,
  errors_exports,
  normalizeIssuer,
  verifyIdToken
} from "./chunk-M3WFSPHO.js";
import {
  decodeJwt
} from "./chunk-OZR5VCAC.js";
import {
  tuneForService
} from "./chunk-JBZB6ZHA.js";
import {
  bool,
  parseCommand,
  str
} from "./chunk-N7PLTF7E.js";
import {
  _enum,
  array,
  boolean,
  number,
  strictObject,
  string,
  union
} from "./chunk-7MLJYEXC.js";
import {
  toJSONSchema
} from "./chunk-VL4GPTQJ.js";
import {
  require_dist
} from "./chunk-DML5XCCS.js";
import "./chunk-ZC522ZWZ.js";
import {
  EXIT,
  ShipgateError,
  isShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  Logger,
  forgetSecret,
  logger,
  setLogger
} from "./chunk-HYPJQQQ3.js";
import {
  oneLine
} from "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/cli/commands/registry-auth.ts
import { availableParallelism } from "node:os";

// src/registry-auth/config.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
var MAX_CONFIG_BYTES = 1024 * 1024;
var ISSUER_PRESETS = {
  github: "https://token.actions.githubusercontent.com",
  gitlab: "https://gitlab.com"
};
var CLAIM_NAMES = [
  "sub",
  // GitHub Actions
  "repository",
  "repository_id",
  "repository_owner",
  "repository_owner_id",
  "workflow_ref",
  "job_workflow_ref",
  "event_name",
  // GitLab CI
  "project_path",
  "project_id",
  "namespace_path",
  "namespace_id",
  "job_project_id",
  "ref_path",
  "ref_protected",
  "ci_config_ref_uri",
  "pipeline_source",
  "environment_protected",
  // both
  "ref",
  "ref_type",
  "environment",
  "runner_environment"
];
var UNSAFE_GITHUB_EVENTS = /* @__PURE__ */ new Set(["pull_request_target", "workflow_run", "issue_comment"]);
var ACTIONS = ["pull", "push", "delete"];
var ACCESS_LEVELS = ["everyone", "authenticated", "none"];
var scalar = union([string().min(1), number(), boolean()]);
var claimValue = union([scalar, array(scalar).min(1)]).describe(
  "The value the claim must have, or a list of accepted values. `*` matches within one `/`-separated segment, `**` across segments; matching is exact and case-sensitive."
);
var claimsSchema = strictObject(
  Object.fromEntries(CLAIM_NAMES.map((n) => [n, claimValue.optional()]))
);
var hostPort = string().regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, "expected host:port, e.g. 127.0.0.1:5001").describe("host:port to listen on, e.g. 127.0.0.1:5001 (put a TLS proxy in front)");
var trustedIssuerSchema = strictObject({
  name: string().regex(/^[A-Za-z0-9_.-]+$/, 'expected letters, digits, ".", "_" or "-"').describe("The name rules use to refer to this issuer"),
  kind: _enum(["github", "gitlab"]).describe("Which CI issues the tokens (decides what push rules must pin)"),
  url: string().optional().describe(
    "The issuer URL exactly as tokens name it in `iss` (default https://token.actions.githubusercontent.com for github, https://gitlab.com for gitlab)"
  ),
  audience: string().min(1).describe("The audience CI jobs request their ID token for (`aud`); use one unique to this registry")
});
var ruleSchema = strictObject({
  name: string().min(1).optional().describe("Shown in the audit log and by --check"),
  repositories: array(string().min(1)).min(1).describe("Repository names or patterns (`*` within one segment, `**` across), e.g. team/app or team/**"),
  issuer: string().min(1).describe("The `name` of a trusted issuer"),
  claims: claimsSchema.describe("Claims the ID token must carry, every one of them"),
  actions: array(_enum(ACTIONS)).min(1).describe("What the rule grants; push includes pull (an upload needs both)")
});
var registryAuthSchema = strictObject({
  listen: hostPort.default("127.0.0.1:5001"),
  service: string().min(1).describe("The registry's auth.token.service; tokens are issued for it (`aud`)"),
  issuer: string().min(1).describe("The registry's auth.token.issuer; tokens name it in `iss`"),
  key: string().min(1).describe("PKCS#8 PEM private key (EC P-256/P-384/P-521 or RSA) the tokens are signed with"),
  certificate: string().min(1).describe(
    "PEM certificate chain for the key, signing certificate first; sent as `x5c`. The registry's rootcertbundle holds it or its CA"
  ),
  tokenLifetime: number().int().min(60).max(3600).default(300).describe("Seconds an issued registry token is valid (60 to 3600)"),
  defaultPull: _enum(ACCESS_LEVELS).default("none").describe(
    "Pull on every repository for everyone (anonymous too), for jobs with a verified ID token, or none (only rules grant it)"
  ),
  catalog: _enum(ACCESS_LEVELS).default("none").describe("Who may list the repositories (registry:catalog:*)"),
  trustedIssuers: array(trustedIssuerSchema).min(1).describe("CI OIDC issuers whose ID tokens are accepted"),
  rules: array(ruleSchema).default([]).describe("Grants; anything no rule grants is refused")
});
function invalid(source, message) {
  return new ShipgateError("CONFIG_INVALID", `${source}: ${message}`, {
    hint: "see docs/registry-auth.md for every key, or point your editor at schemas/registry-auth.schema.json"
  });
}
function issuePath(path) {
  return path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`).join("").replace(/^\./, "");
}
function pinningProblem(rule, kind) {
  if (!rule.actions.includes("push") && !rule.actions.includes("delete")) return void 0;
  const has = (c) => rule.claims[c] !== void 0;
  const literal = (c) => (rule.claims[c] ?? []).every((v) => !v.includes("*"));
  if (kind === "github") {
    if (!has("repository_id") && !has("repository"))
      return "must pin repository_id (or repository) to grant push";
    if (!has("ref")) return "must pin ref to grant push";
    if (!has("event_name") || !literal("event_name"))
      return "must pin event_name to literal values (e.g. push) to grant push";
    const unsafe = rule.claims.event_name.find((e) => UNSAFE_GITHUB_EVENTS.has(e));
    if (unsafe) return `must not grant push to event_name ${unsafe}, whose runs may execute a fork's code`;
  } else {
    if (!has("project_id") && !has("project_path"))
      return "must pin project_id (or project_path) to grant push";
    if (!has("ref") && !has("ref_path")) return "must pin ref (or ref_path) to grant push";
    const prot = rule.claims.ref_protected;
    if (!prot || prot.length !== 1 || prot[0] !== "true")
      return 'must pin ref_protected: "true" to grant push';
  }
  return void 0;
}
function parseConfig(text, source, baseDir) {
  const doc = (0, import_yaml.parseDocument)(text, { uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    throw invalid(
      `${source}${pos ? `:${pos.line}:${pos.col}` : ""}`,
      `YAML syntax error: ${oneLine(yamlError.message.split("\n")[0] ?? "syntax error")}`
    );
  }
  let data;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw invalid(source, oneLine(e.message));
  }
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw invalid(source, "expected a mapping at the top level");
  const parsed = registryAuthSchema.safeParse(data);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const path = first ? issuePath(first.path) : "";
    throw invalid(source, `${path ? `${path}: ` : ""}${oneLine(first?.message ?? "invalid")}`);
  }
  const file = parsed.data;
  const issuers = [];
  for (const [i, t] of file.trustedIssuers.entries()) {
    if (issuers.some((o) => o.name === t.name))
      throw invalid(source, `trustedIssuers[${i}].name: "${t.name}" is used twice`);
    let url;
    try {
      url = normalizeIssuer(t.url ?? ISSUER_PRESETS[t.kind]);
    } catch (e) {
      throw invalid(source, `trustedIssuers[${i}].url: ${e.message}`);
    }
    if (issuers.some((o) => o.url === url))
      throw invalid(source, `trustedIssuers[${i}].url: ${url} is listed twice`);
    issuers.push({ name: t.name, kind: t.kind, url, audience: t.audience });
  }
  const rules = file.rules.map((r, i) => {
    const claims = {};
    for (const [k, v] of Object.entries(r.claims)) {
      if (v === void 0) continue;
      claims[k] = (Array.isArray(v) ? v : [v]).map(String);
    }
    const rule = {
      name: r.name ?? `rules[${i}]`,
      repositories: r.repositories,
      issuer: r.issuer,
      claims,
      actions: r.actions.includes("push") && !r.actions.includes("pull") ? ["pull", ...r.actions] : r.actions
    };
    const issuer = issuers.find((t) => t.name === r.issuer);
    if (!issuer)
      throw invalid(
        source,
        `rules[${i}].issuer: "${r.issuer}" is not a trusted issuer (${issuers.map((t) => t.name).join(", ")})`
      );
    const problem = pinningProblem(rule, issuer.kind);
    if (problem) throw invalid(source, `rules[${i}] (${rule.name}) ${problem}`);
    return rule;
  });
  return {
    ...file,
    key: resolve(baseDir, file.key),
    certificate: resolve(baseDir, file.certificate),
    trustedIssuers: issuers,
    rules,
    source
  };
}
function loadConfig(path) {
  let text;
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES)
      throw invalid(path, `larger than ${MAX_CONFIG_BYTES >> 20} MiB`);
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof ShipgateError) throw e;
    const code = e.code;
    throw new ShipgateError(
      code === "ENOENT" ? "NOT_FOUND" : "INPUT",
      `cannot read the registry-auth config ${path}: ${code ?? e.message}`,
      { hint: "check the --config path" }
    );
  }
  return parseConfig(text, path, dirname(resolve(path)));
}
function registryAuthJsonSchema() {
  const schema = toJSONSchema(registryAuthSchema, { io: "input", unrepresentable: "any" });
  return {
    $schema: schema.$schema,
    $id: "https://raw.githubusercontent.com/shipgate/shipgate/main/schemas/registry-auth.schema.json",
    title: "shipgate registry-auth configuration",
    ...schema
  };
}

// src/registry-auth/signing-key.ts
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { readFileSync as readFileSync2 } from "node:fs";
var CURVE_ALGS = {
  prime256v1: "ES256",
  "P-256": "ES256",
  secp384r1: "ES384",
  "P-384": "ES384",
  secp521r1: "ES512",
  "P-521": "ES512"
};
function libtrustKeyId(publicKey) {
  const digest = createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest().subarray(0, 30);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of digest) {
    value = value << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[value >>> bits - 5 & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g).join(":");
}
function keyError(code, message, hint) {
  return new ShipgateError(code, message, { hint });
}
function readPem(path, what) {
  try {
    return readFileSync2(path, "utf8");
  } catch (e) {
    const code = e.code;
    throw keyError(
      code === "ENOENT" ? "NOT_FOUND" : "INPUT",
      `cannot read the token signing ${what} ${path}: ${code ?? "unreadable"}`,
      `check the "${what === "key" ? "key" : "certificate"}" path in the config and its permissions`
    );
  }
}
function algorithmOf(key, path) {
  const type = key.asymmetricKeyType;
  if (type === "rsa") {
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
      throw keyError(
        "INPUT",
        `the token signing key ${path} is an RSA key under 2048 bits`,
        "use a P-256 key"
      );
    return "RS256";
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const alg = type === "ec" && curve ? CURVE_ALGS[curve] : void 0;
  if (alg) return alg;
  throw keyError(
    "UNSUPPORTED",
    `the token signing key ${path} is ${type === "ec" ? `an EC key on ${curve ?? "an unknown curve"}` : `a ${type ?? "unknown"} key`}, which docker-registry 2.8 cannot verify`,
    "use an EC P-256 key (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256) or RSA"
  );
}
function loadSigningKey(keyPath, certPath, now = /* @__PURE__ */ new Date()) {
  const keyPem = readPem(keyPath, "key");
  if (!keyPem.includes("-----BEGIN PRIVATE KEY-----"))
    throw keyError(
      "INPUT",
      `the token signing key ${keyPath} is not a PKCS#8 PEM private key`,
      "convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW"
    );
  let privateKey;
  try {
    privateKey = createPrivateKey(keyPem);
  } catch {
    throw keyError(
      "INPUT",
      `the token signing key ${keyPath} cannot be parsed`,
      "give an unencrypted PKCS#8 PEM key"
    );
  }
  const alg = algorithmOf(privateKey, keyPath);
  const blocks = readPem(certPath, "certificate").match(
    /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g
  );
  if (!blocks)
    throw keyError(
      "INPUT",
      `${certPath} holds no PEM certificate`,
      "give the certificate of the signing key"
    );
  let chain;
  try {
    chain = blocks.map((b) => new X509Certificate(b));
  } catch {
    throw keyError("INPUT", `${certPath} holds a certificate that cannot be parsed`, "give PEM certificates");
  }
  const [leaf] = chain;
  const spki = (k) => k.export({ type: "spki", format: "der" });
  const publicKey = leaf.publicKey;
  if (!spki(publicKey).equals(spki(createPublicKey(privateKey))))
    throw keyError(
      "INPUT",
      `the first certificate in ${certPath} is not for the key ${keyPath}`,
      `put the signing key's own certificate first in the chain (compare "openssl x509 -pubkey" with "openssl pkey -pubout")`
    );
  const notAfter = new Date(leaf.validTo);
  if (notAfter <= now)
    throw keyError(
      "INPUT",
      `the certificate ${certPath} expired on ${leaf.validTo}`,
      "issue a new certificate"
    );
  return {
    alg,
    privateKey,
    kid: libtrustKeyId(publicKey),
    x5c: chain.map((c) => c.raw.toString("base64")),
    notAfter
  };
}

// src/registry-auth/server.ts
import { createServer } from "node:http";

// src/registry-auth/match.ts
var compiled = /* @__PURE__ */ new Map();
function regex(pattern) {
  let re = compiled.get(pattern);
  if (!re) {
    const source = pattern.split("**").map(
      (part2) => part2.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join("[^/]*")
    ).join(".*");
    re = new RegExp(`^${source}$`);
    compiled.set(pattern, re);
  }
  return re;
}
function patternMatch(pattern, value) {
  return regex(pattern).test(value);
}
function claimText(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return void 0;
}
function claimMismatch(rule, claims) {
  for (const [name, patterns] of Object.entries(rule.claims)) {
    const value = claimText(claims[name]);
    if (value === void 0) return `${name} is missing`;
    if (!patterns.some((p) => patternMatch(p, value)))
      return `${name} is ${JSON.stringify(value.slice(0, 200))}`;
  }
  return void 0;
}
function evaluateRules(rules, issuer, claims, repository) {
  const verdict = { actions: /* @__PURE__ */ new Set(), matched: [], missed: [] };
  for (const rule of rules) {
    if (rule.issuer !== issuer || !rule.repositories.some((p) => patternMatch(p, repository))) continue;
    const miss = claimMismatch(rule, claims);
    if (miss) {
      verdict.missed.push(`${rule.name}: ${miss}`);
      continue;
    }
    verdict.matched.push(rule.name);
    for (const a of rule.actions) verdict.actions.add(a);
  }
  return verdict;
}

// src/registry-auth/verified-tokens.ts
import { createHash as createHash2 } from "node:crypto";
var MAX_AGE_MS = 6e4;
var MAX_ENTRIES = 1e4;
var VerifiedTokens = class {
  entries = /* @__PURE__ */ new Map();
  inFlight = /* @__PURE__ */ new Map();
  /** The verification of `key` under way, or `work` started as it; concurrent requests share one. */
  once(key, work) {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = work().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
  static key(token) {
    return createHash2("sha256").update(token).digest("base64url");
  }
  get(key, now) {
    const e = this.entries.get(key);
    if (e && e.until > now) return e;
    if (e) this.entries.delete(key);
    return void 0;
  }
  set(key, issuer, claims, now) {
    const exp = typeof claims.exp === "number" ? claims.exp * 1e3 : now;
    const until = Math.min(exp, now + MAX_AGE_MS);
    if (until <= now) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value);
    this.entries.set(key, { issuer, claims, until });
  }
};

// src/registry-auth/authorize.ts
var ALL_REPOSITORY_ACTIONS = ["pull", "push", "delete"];
function claimString(v) {
  return typeof v === "string" || typeof v === "number" ? String(v).slice(0, 200) : void 0;
}
function tokenClaims(payload, verified) {
  const pick = (k) => claimString(payload[k]);
  const out = { verified };
  const issuer = pick("iss");
  const subject = pick("sub");
  const repository = pick("repository") ?? pick("project_path");
  const ref = pick("ref");
  if (issuer !== void 0) out.issuer = issuer;
  if (subject !== void 0) out.subject = subject;
  if (repository !== void 0) out.repository = repository;
  if (ref !== void 0) out.ref = ref;
  return out;
}
function verifiedRequester(issuer, claims) {
  return { issuer, claims, reason: `ID token verified (${issuer})`, token: tokenClaims(claims, true) };
}
async function identify(ctx, password, now) {
  if (password === void 0) return { claims: {}, reason: "anonymous" };
  const t = (now ?? /* @__PURE__ */ new Date()).getTime();
  const cacheKey = VerifiedTokens.key(password);
  const known = ctx.verified.get(cacheKey, t);
  if (known) return verifiedRequester(known.issuer, known.claims);
  return ctx.verified.once(cacheKey, () => verify(ctx, password, cacheKey, t, now));
}
async function verify(ctx, password, cacheKey, t, now) {
  const { pool } = ctx;
  const decoded = decodeJwt(password);
  if (typeof decoded === "string") return { claims: {}, reason: "the password is not a CI ID token" };
  const payload = decoded.payload && typeof decoded.payload === "object" ? decoded.payload : {};
  const unverified = tokenClaims(payload, false);
  const state = pool.byUrl(payload.iss);
  if (!state)
    return {
      claims: {},
      reason: `the ID token's issuer ${JSON.stringify(unverified.issuer ?? null)} is not trusted`,
      token: unverified
    };
  try {
    const keys = await pool.keys(state);
    const verified = await verifyIdToken(password, {
      issuer: state.config.url,
      audience: state.config.audience,
      keys,
      ...now ? { now } : {}
    });
    const claims = verified;
    ctx.verified.set(cacheKey, state.config.name, claims, t);
    return verifiedRequester(state.config.name, claims);
  } catch (e) {
    if (!isShipgateError(e)) throw e;
    return { claims: {}, reason: e.message, token: unverified, unavailable: e.code === "NETWORK" };
  }
}
function levelAllows(level, verified) {
  return level === "everyone" || level === "authenticated" && verified;
}
async function decide(ctx, req) {
  const { config } = ctx;
  const who = await identify(ctx, req.password, req.now);
  const verified = who.issuer !== void 0;
  const subject = verified && claimString(who.claims.sub) || "";
  const base = { subject, ...who.token ? { token: who.token } : {} };
  if (who.unavailable) return { ...base, outcome: "unavailable", granted: [], reason: who.reason };
  const notes = [who.reason];
  const granted = [];
  let requestedCount = 0;
  let grantedCount = 0;
  for (const scope of req.scopes) {
    let allowed = [];
    if (scope.type === "repository") {
      const set = /* @__PURE__ */ new Set();
      if (levelAllows(config.defaultPull, verified)) set.add("pull");
      if (verified) {
        const v = evaluateRules(config.rules, who.issuer, who.claims, scope.name);
        for (const a of v.actions) set.add(a);
        if (v.matched.length) notes.push(`${scope.name}: rule ${v.matched.join(", ")}`);
        else if (v.missed.length) notes.push(`${scope.name}: no rule matches (${v.missed.join("; ")})`);
        else notes.push(`${scope.name}: no rule for this repository and issuer`);
      }
      allowed = ALL_REPOSITORY_ACTIONS.filter((a) => set.has(a));
    } else if (scope.type === "registry" && scope.name === "catalog") {
      allowed = levelAllows(config.catalog, verified) ? ["*"] : [];
    }
    const any = scope.actions.includes("*");
    const actions = any ? [...allowed] : scope.actions.filter((a) => allowed.includes(a));
    requestedCount += any ? 1 : scope.actions.length;
    grantedCount += any ? Math.min(actions.length, 1) : actions.length;
    if (actions.length) granted.push({ type: scope.type, name: scope.name, actions });
  }
  if (req.scopes.length === 0 && req.password !== void 0 && !verified)
    return { ...base, outcome: "unauthorized", granted: [], reason: who.reason };
  const outcome = grantedCount === requestedCount ? "granted" : grantedCount === 0 ? "refused" : "partial";
  return { ...base, outcome, granted, reason: notes.join("; ") };
}

// src/registry-auth/issuers.ts
var RETRY_MS = 3e4;
var IssuerPool = class {
  constructor(issuers, metrics, options = {}) {
    this.metrics = metrics;
    this.options = options;
    this.states = issuers.map((config) => ({ config, reachable: false }));
  }
  metrics;
  options;
  states;
  timer;
  /** The trusted issuer a token's `iss` names, if any. */
  byUrl(iss) {
    return this.states.find((s) => s.config.url === iss);
  }
  all() {
    return this.states;
  }
  /** The issuer's keys, discovering them first if that has not succeeded yet (once for concurrent callers). */
  keys(state) {
    state.keys ??= discoverIssuer(state.config.url, {
      fetch: this.countingFetch(state),
      ...this.options.cooldownMs !== void 0 ? { cooldownMs: this.options.cooldownMs } : {}
    });
    const keys = state.keys;
    keys.catch((e) => {
      state.problem = e.message;
      if (state.keys === keys) delete state.keys;
    });
    return keys;
  }
  /** Discovers every issuer and loads its keys; failures are kept for /healthz and retried later. */
  async warmUp() {
    await Promise.all(
      this.states.filter((s) => !s.reachable).map(async (s) => {
        try {
          const keys = await this.keys(s);
          await keys.getKey({ alg: "RS256", kid: "shipgate-warm-up" }, { payload: "", signature: "" });
        } catch (e) {
          if (!(e instanceof errors_exports.JWKSNoMatchingKey)) s.problem = e.message;
        }
      })
    );
  }
  /** Retries unreachable issuers every 30 s until all were reached once. */
  startRetries() {
    this.timer = setInterval(() => {
      if (this.states.every((s) => s.reachable)) {
        this.stopRetries();
        return;
      }
      void this.warmUp();
    }, RETRY_MS);
    this.timer.unref();
  }
  stopRetries() {
    clearInterval(this.timer);
    this.timer = void 0;
  }
  countingFetch(state) {
    const doFetch = this.options.fetch ?? fetch;
    const name = state.config.name;
    return async (input, init) => {
      const isKeys = !String(input instanceof Request ? input.url : input).endsWith(
        "/.well-known/openid-configuration"
      );
      try {
        const res = await doFetch(input, init);
        this.metrics.jwksFetch(name, res.ok);
        if (!res.ok) state.problem = `the issuer answered HTTP ${res.status}`;
        else if (isKeys) {
          state.reachable = true;
          delete state.problem;
        }
        return res;
      } catch (e) {
        this.metrics.jwksFetch(name, false);
        state.problem = e.message;
        throw e;
      }
    };
  }
};

// src/registry-auth/metrics.ts
var BUCKETS_S = [1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
var PREFIX = "shipgate_registry_auth";
function labelValue(v) {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
function addInto(into, entries) {
  for (const [k, n] of entries) into.set(k, (into.get(k) ?? 0) + n);
}
var Metrics = class _Metrics {
  requests = /* @__PURE__ */ new Map();
  buckets = BUCKETS_S.map(() => 0);
  count = 0;
  sum = 0;
  jwksFetches = /* @__PURE__ */ new Map();
  jwksErrors = /* @__PURE__ */ new Map();
  /** The sum of the snapshots (every worker's counters). */
  static merged(snapshots) {
    const m = new _Metrics();
    for (const s of snapshots) {
      addInto(m.requests, s.requests);
      addInto(m.jwksFetches, s.jwksFetches);
      addInto(m.jwksErrors, s.jwksErrors);
      s.buckets.forEach((n, i) => {
        if (i < m.buckets.length) m.buckets[i] += n;
      });
      m.count += s.count;
      m.sum += s.sum;
    }
    return m;
  }
  snapshot() {
    return {
      requests: [...this.requests],
      buckets: [...this.buckets],
      count: this.count,
      sum: this.sum,
      jwksFetches: [...this.jwksFetches],
      jwksErrors: [...this.jwksErrors]
    };
  }
  request(outcome, seconds) {
    this.requests.set(outcome, (this.requests.get(outcome) ?? 0) + 1);
    this.count++;
    this.sum += seconds;
    BUCKETS_S.forEach((b, i) => {
      if (seconds <= b) this.buckets[i]++;
    });
  }
  jwksFetch(issuer, ok) {
    this.jwksFetches.set(issuer, (this.jwksFetches.get(issuer) ?? 0) + 1);
    if (!ok) this.jwksErrors.set(issuer, (this.jwksErrors.get(issuer) ?? 0) + 1);
  }
  render() {
    const lines = [
      `# HELP ${PREFIX}_requests_total Token requests by outcome.`,
      `# TYPE ${PREFIX}_requests_total counter`,
      ...[...this.requests].map(([o, n]) => `${PREFIX}_requests_total{outcome="${o}"} ${n}`),
      `# HELP ${PREFIX}_request_duration_seconds Time to answer a token request.`,
      `# TYPE ${PREFIX}_request_duration_seconds histogram`,
      ...BUCKETS_S.map((b, i) => `${PREFIX}_request_duration_seconds_bucket{le="${b}"} ${this.buckets[i]}`),
      `${PREFIX}_request_duration_seconds_bucket{le="+Inf"} ${this.count}`,
      `${PREFIX}_request_duration_seconds_sum ${this.sum}`,
      `${PREFIX}_request_duration_seconds_count ${this.count}`,
      `# HELP ${PREFIX}_jwks_fetches_total Requests for a CI issuer's OpenID configuration or keys.`,
      `# TYPE ${PREFIX}_jwks_fetches_total counter`,
      ...[...this.jwksFetches].map(
        ([i, n]) => `${PREFIX}_jwks_fetches_total{issuer="${labelValue(i)}"} ${n}`
      ),
      `# HELP ${PREFIX}_jwks_fetch_errors_total Failed requests for a CI issuer's OpenID configuration or keys.`,
      `# TYPE ${PREFIX}_jwks_fetch_errors_total counter`,
      ...[...this.jwksErrors].map(
        ([i, n]) => `${PREFIX}_jwks_fetch_errors_total{issuer="${labelValue(i)}"} ${n}`
      )
    ];
    return `${lines.join("\n")}
`;
  }
};

// src/registry-auth/scope.ts
var TYPE = /^[a-z0-9]+(\([a-z0-9]+\))?$/;
var NAME = /^[A-Za-z0-9._:-]+(\/[A-Za-z0-9._-]+)*$/;
var ACTION = /^(\*|[a-z]+)$/;
var MAX_NAME = 255;
function parseScope(text) {
  const first = text.indexOf(":");
  const last = text.lastIndexOf(":");
  if (first < 0 || first === last) return "expected type:name:actions";
  const rawType = text.slice(0, first);
  const name = text.slice(first + 1, last);
  const actions = text.slice(last + 1).split(",");
  if (!TYPE.test(rawType)) return "invalid resource type";
  const type = rawType.replace(/\(.*\)$/, "");
  if (!name || name.length > MAX_NAME || !NAME.test(name)) return "invalid resource name";
  if (actions.some((a) => !ACTION.test(a))) return "invalid actions";
  return { type, name, actions: [...new Set(actions)] };
}
function formatScope(scope) {
  return `${scope.type}:${scope.name}:${scope.actions.join(",")}`;
}
function parseScopes(values) {
  const merged = /* @__PURE__ */ new Map();
  for (const text of values.flatMap((v) => v.split(" ")).filter(Boolean)) {
    const scope = parseScope(text);
    if (typeof scope === "string") return { error: `scope ${JSON.stringify(text.slice(0, 300))}: ${scope}` };
    const key = `${scope.type}:${scope.name}`;
    const seen = merged.get(key);
    if (seen) seen.actions = [.../* @__PURE__ */ new Set([...seen.actions, ...scope.actions])];
    else merged.set(key, scope);
  }
  return { scopes: [...merged.values()] };
}

// src/registry-auth/token.ts
import { randomUUID, sign } from "node:crypto";
var NBF_BACKDATE_S = 10;
var HASHES = {
  ES256: "sha256",
  ES384: "sha384",
  ES512: "sha512",
  RS256: "sha256"
};
var part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
var headers = /* @__PURE__ */ new WeakMap();
function headerOf(key) {
  let header = headers.get(key);
  if (!header) {
    header = part({ alg: key.alg, typ: "JWT", kid: key.kid, x5c: key.x5c });
    headers.set(key, header);
  }
  return header;
}
function signRegistryToken(key, req) {
  const iat = Math.floor((req.now ?? /* @__PURE__ */ new Date()).getTime() / 1e3);
  const header = headerOf(key);
  const payload = part({
    iss: req.issuer,
    sub: req.subject,
    aud: req.service,
    exp: iat + req.lifetimeS,
    nbf: iat - NBF_BACKDATE_S,
    iat,
    jti: randomUUID(),
    access: req.access.map((s) => ({ type: s.type, name: s.name, actions: s.actions }))
  });
  const input = `${header}.${payload}`;
  const signature = sign(HASHES[key.alg], Buffer.from(input), {
    key: key.privateKey,
    ...key.alg === "RS256" ? {} : { dsaEncoding: "ieee-p1363" }
  });
  return {
    token: `${input}.${signature.toString("base64url")}`,
    expiresIn: req.lifetimeS,
    issuedAt: new Date(iat * 1e3).toISOString()
  };
}

// src/registry-auth/turn-queue.ts
var TurnQueue = class {
  batch;
  maxAcceptMs;
  now;
  nextTurn;
  jobs = [];
  head = 0;
  scheduled = false;
  accepted = false;
  /** When the current run of turns that only accept began. */
  acceptingSince;
  constructor(options = {}) {
    this.batch = Math.max(1, options.batch ?? 32);
    this.maxAcceptMs = options.maxAcceptMs ?? 20;
    this.now = options.now ?? (() => performance.now());
    this.nextTurn = options.nextTurn ?? ((fn) => setImmediate(fn));
  }
  /** Handlers waiting for their turn. */
  get size() {
    return this.jobs.length - this.head;
  }
  /** Call from the server's `connection` event: a connection was accepted in this turn. */
  connectionAccepted() {
    this.accepted = true;
  }
  /** Queues a handler; `run` must not throw. */
  push(run2) {
    this.jobs.push(run2);
    this.schedule();
  }
  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    this.nextTurn(this.drain);
  }
  drain = () => {
    this.scheduled = false;
    let acceptOnly = false;
    if (this.accepted) {
      const now = this.now();
      this.acceptingSince ??= now;
      acceptOnly = now - this.acceptingSince < this.maxAcceptMs;
    }
    if (!acceptOnly) this.acceptingSince = void 0;
    this.accepted = false;
    for (let n = acceptOnly ? 0 : this.batch; n > 0 && this.head < this.jobs.length; n--) {
      const run2 = this.jobs[this.head];
      this.jobs[this.head++] = void 0;
      run2();
    }
    if (this.head === this.jobs.length) {
      this.jobs = [];
      this.head = 0;
    } else {
      if (this.head > 1024) {
        this.jobs = this.jobs.slice(this.head);
        this.head = 0;
      }
      this.schedule();
    }
  };
};

// src/registry-auth/server.ts
var MAX_BODY_BYTES = 64 * 1024;
var MAX_SCOPES = 50;
var SHUTDOWN_GRACE_MS = 1e4;
function splitHostPort(listen) {
  const i = listen.lastIndexOf(":");
  return { host: listen.slice(0, i).replace(/^\[(.*)\]$/, "$1"), port: Number(listen.slice(i + 1)) };
}
function basicCredentials(header) {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!m) return void 0;
  const text = Buffer.from(m[1], "base64").toString("utf8");
  const colon = text.indexOf(":");
  return colon < 0 ? void 0 : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}
function readForm(req) {
  return new Promise((resolve2, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve2(void 0);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve2(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}
function oauthError(error, description) {
  return { status: 400, body: { error, error_description: description } };
}
async function startRegistryAuth(options) {
  const { config, key } = options;
  const log = options.log ?? logger();
  const metrics = new Metrics();
  const pool = new IssuerPool(config.trustedIssuers, metrics, {
    ...options.fetch ? { fetch: options.fetch } : {},
    ...options.cooldownMs !== void 0 ? { cooldownMs: options.cooldownMs } : {}
  });
  const context = { config, pool, verified: new VerifiedTokens() };
  const audit = (req, fields) => {
    const forwarded = req.headers["x-forwarded-for"];
    log.info(
      JSON.stringify({
        audit: "registry-auth",
        time: (/* @__PURE__ */ new Date()).toISOString(),
        client: req.socket.remoteAddress ?? "",
        ...forwarded ? { forwardedFor: String(forwarded).slice(0, 200) } : {},
        account: fields.account ?? "",
        requested: fields.requested,
        granted: fields.granted ?? [],
        outcome: fields.outcome,
        status: fields.status,
        reason: fields.reason,
        ...fields.token ? { token: fields.token } : {},
        ...options.worker !== void 0 ? { worker: options.worker } : {}
      })
    );
  };
  async function token(call) {
    const requested = call.scopes.flatMap((s) => s.split(" ")).filter(Boolean).slice(0, MAX_SCOPES);
    const account = call.account?.slice(0, 200);
    const fail = (status, outcome, reason, body2) => ({
      answer: { status, body: body2 },
      audit: { requested, outcome, status, reason, ...account !== void 0 ? { account } : {} }
    });
    if (call.service !== config.service) {
      const reason = `service ${JSON.stringify(call.service?.slice(0, 200) ?? null)} is not ${JSON.stringify(config.service)}`;
      return fail(400, "bad_request", reason, { errors: [{ code: "INVALID_SERVICE", message: reason }] });
    }
    if (call.scopes.length > MAX_SCOPES)
      return fail(400, "bad_request", `more than ${MAX_SCOPES} scopes`, {
        errors: [{ code: "INVALID_SCOPE", message: `at most ${MAX_SCOPES} scopes` }]
      });
    const parsed = parseScopes(call.scopes);
    if ("error" in parsed)
      return fail(400, "bad_request", parsed.error, {
        errors: [{ code: "INVALID_SCOPE", message: parsed.error }]
      });
    let decision;
    try {
      decision = await decide(context, {
        scopes: parsed.scopes,
        ...call.password !== void 0 ? { password: call.password } : {}
      });
    } finally {
      forgetSecret(call.password);
    }
    const base = {
      requested,
      outcome: decision.outcome,
      reason: decision.reason,
      ...account !== void 0 ? { account } : {},
      ...decision.token ? { token: decision.token } : {}
    };
    if (decision.outcome === "unavailable")
      return {
        answer: {
          status: 503,
          body: {
            errors: [{ code: "UNAVAILABLE", message: "the CI issuer cannot be reached; retry later" }]
          }
        },
        audit: { ...base, status: 503 }
      };
    if (decision.outcome === "unauthorized")
      return {
        answer: {
          status: 401,
          body: {
            errors: [{ code: "UNAUTHORIZED", message: "the credentials are not a valid CI ID token" }]
          },
          headers: { "www-authenticate": `Basic realm=${JSON.stringify(config.service)}` }
        },
        audit: { ...base, status: 401 }
      };
    const issued = signRegistryToken(key, {
      issuer: config.issuer,
      service: config.service,
      subject: decision.subject,
      access: decision.granted,
      lifetimeS: config.tokenLifetime
    });
    const granted = decision.granted.map(formatScope);
    const body = call.oauth ? {
      access_token: issued.token,
      scope: granted.join(" "),
      expires_in: issued.expiresIn,
      issued_at: issued.issuedAt
    } : {
      token: issued.token,
      access_token: issued.token,
      expires_in: issued.expiresIn,
      issued_at: issued.issuedAt
    };
    return { answer: { status: 200, body }, audit: { ...base, status: 200, granted } };
  }
  async function tokenCall(req, url2) {
    if (req.method === "GET" || req.method === "HEAD") {
      const creds = basicCredentials(req.headers.authorization);
      const account = url2.searchParams.get("account") ?? creds?.user;
      return {
        service: url2.searchParams.get("service") ?? void 0,
        scopes: url2.searchParams.getAll("scope"),
        account: account || void 0,
        // A header that is not Basic credentials is a password that is not a token.
        password: creds?.password ?? (req.headers.authorization ? "" : void 0),
        oauth: false
      };
    }
    const form = await readForm(req);
    if (!form) return oauthError("invalid_request", `the form is larger than ${MAX_BODY_BYTES} bytes`);
    const grant = form.get("grant_type");
    if (grant !== "password")
      return oauthError("unsupported_grant_type", "only grant_type=password (the CI ID token) is supported");
    if (!form.get("client_id")) return oauthError("invalid_request", "client_id is required");
    return {
      service: form.get("service") ?? void 0,
      scopes: form.getAll("scope"),
      account: form.get("username") || void 0,
      password: form.get("password") ?? "",
      oauth: true
    };
  }
  function health() {
    const issuers = pool.all().map((s) => ({
      name: s.config.name,
      url: s.config.url,
      reachable: s.reachable,
      ...s.problem && !s.reachable ? { problem: s.problem } : {}
    }));
    const ready = issuers.every((i) => i.reachable);
    return {
      status: ready ? 200 : 503,
      body: {
        status: ready ? "ready" : "not ready",
        signingKey: { alg: key.alg, kid: key.kid, certificateExpires: key.notAfter.toISOString() },
        issuers
      }
    };
  }
  async function handle(req, res, t0) {
    const url2 = new URL(req.url ?? "/", "http://localhost");
    let answer;
    if (url2.pathname === "/healthz") answer = health();
    else if (url2.pathname === "/metrics") {
      let text;
      try {
        text = options.metricsText ? await options.metricsText() : metrics.render();
      } catch (e) {
        log.warn(`registry-auth: /metrics: ${e.message}`);
        res.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end("metrics unavailable\n");
        return;
      }
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }).end(text);
      return;
    } else if (url2.pathname !== "/token") answer = { status: 404, body: { errors: [{ code: "NOT_FOUND" }] } };
    else if (!["GET", "HEAD", "POST"].includes(req.method ?? ""))
      answer = {
        status: 405,
        body: { errors: [{ code: "METHOD_NOT_ALLOWED" }] },
        headers: { allow: "GET, POST" }
      };
    else {
      let fields;
      try {
        const call = await tokenCall(req, url2);
        if ("status" in call) {
          answer = call;
          fields = {
            requested: [],
            outcome: "bad_request",
            status: call.status,
            reason: "invalid OAuth2 request"
          };
        } else ({ answer, audit: fields } = await token(call));
      } catch (e) {
        answer = { status: 500, body: { errors: [{ code: "INTERNAL", message: "internal error" }] } };
        fields = { requested: [], outcome: "error", status: 500, reason: e.message };
      }
      audit(req, fields);
      metrics.request(fields.outcome, (performance.now() - t0) / 1e3);
    }
    const body = Buffer.from(JSON.stringify(answer.body));
    res.writeHead(answer.status, {
      "content-type": "application/json",
      "content-length": body.length,
      "cache-control": "no-store",
      ...answer.headers
    });
    res.end(req.method === "HEAD" ? void 0 : body);
  }
  const turns = new TurnQueue();
  const server = createServer((req, res) => {
    const t0 = performance.now();
    turns.push(() => {
      handle(req, res, t0).catch((e) => {
        log.error(`registry-auth: ${e.message}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  });
  server.on("connection", () => turns.connectionAccepted());
  server.headersTimeout = 1e4;
  server.requestTimeout = 15e3;
  server.keepAliveTimeout = 5e3;
  const { host, port } = splitHostPort(config.listen);
  await new Promise((resolve2, reject) => {
    server.once(
      "error",
      (e) => reject(
        new ShipgateError("NETWORK", `cannot listen on ${config.listen}: ${e.code ?? e.message}`, {
          hint: 'choose a free port and an address of this machine in "listen"'
        })
      )
    );
    server.listen(port, host, resolve2);
  });
  const address = server.address();
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${hostPart}:${address.port}`;
  log.info(`registry-auth: listening on ${url} for service ${JSON.stringify(config.service)}`);
  void pool.warmUp().then(() => {
    for (const s of pool.all())
      if (!s.reachable)
        log.warn(
          `registry-auth: the keys of issuer ${s.config.name} are not reachable: ${s.problem ?? "unknown"}`
        );
  });
  pool.startRetries();
  return {
    url,
    metrics,
    close: async () => {
      pool.stopRetries();
      const closed = new Promise((r) => server.close(() => r()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(timer);
    }
  };
}

// src/registry-auth/cluster.ts
import cluster from "node:cluster";
import { createHash as createHash3 } from "node:crypto";
var METRICS_TIMEOUT_MS = 2e3;
var STOP_GRACE_MS = 12e3;
var RESTART_DELAY_MS = 1e3;
function isMessage(m) {
  return typeof m === "object" && m !== null && typeof m.shipgate === "string";
}
var FINGERPRINT_ENV = "SHIPGATE_REGISTRY_AUTH_FINGERPRINT";
function fingerprint(config, key) {
  return createHash3("sha256").update(JSON.stringify(config)).update(`\0${key.alg}\0${key.kid}\0${key.x5c.join(",")}`).digest("hex");
}
function checkSameService(config, key) {
  const expected = process.env[FINGERPRINT_ENV];
  if (expected !== void 0 && expected !== fingerprint(config, key))
    throw new ShipgateError(
      "CONFIG_INVALID",
      "registry-auth: the configuration or signing key changed since the service started; this worker does not serve",
      { hint: "restart the service to serve the new configuration and key with every worker" }
    );
}
var workerId = () => cluster.worker?.id;
function primarySink() {
  let queued = [];
  const flush = () => {
    const lines = queued;
    queued = [];
    process.send?.({ shipgate: "log", lines });
  };
  return {
    write(level, line) {
      if (queued.length === 0) setImmediate(flush);
      queued.push([level, line]);
    }
  };
}
function workerLink(metrics) {
  let next = 0;
  const waiting = /* @__PURE__ */ new Map();
  const stops = [];
  process.on("message", (m) => {
    if (!isMessage(m)) return;
    if (m.shipgate === "snapshot?")
      process.send?.({
        shipgate: "snapshot",
        id: m.id,
        snapshot: (metrics() ?? new Metrics()).snapshot()
      });
    else if (m.shipgate === "metrics") waiting.get(m.id)?.(m);
    else if (m.shipgate === "stop") for (const stop of stops) stop();
  });
  return {
    metricsText: () => new Promise((resolve2, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error("the primary did not answer"));
      }, METRICS_TIMEOUT_MS);
      waiting.set(id, (m) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (m.text !== void 0) resolve2(m.text);
        else reject(new Error(m.error ?? "no metrics"));
      });
      process.send?.({ shipgate: "metrics?", id });
    }),
    onStop: (stop) => stops.push(stop),
    disconnect: () => cluster.worker?.disconnect()
  };
}
function urlOf(address) {
  const host = address.address ?? "127.0.0.1";
  return `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
}
async function startPrimary(count, loaded) {
  const log = logger();
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const env = { [FINGERPRINT_ENV]: fingerprint(loaded.config, loaded.key) };
  const fork = () => cluster.fork(env);
  let stopping = false;
  let running = false;
  let nextId = 0;
  const snapshots = /* @__PURE__ */ new Map();
  const answerMetrics = (asker, id) => {
    const workers2 = Object.values(cluster.workers ?? {}).filter((w) => w !== void 0);
    const key = nextId++;
    const reply = (m) => {
      if (asker.isConnected()) asker.send(m);
    };
    const timer = setTimeout(() => {
      snapshots.delete(key);
      reply({ shipgate: "metrics", id, error: "a worker did not send its counters" });
    }, METRICS_TIMEOUT_MS);
    const entry = {
      want: workers2.length,
      got: [],
      done: () => {
        clearTimeout(timer);
        snapshots.delete(key);
        reply({ shipgate: "metrics", id, text: Metrics.merged(entry.got).render() });
      }
    };
    snapshots.set(key, entry);
    for (const w of workers2) w.send({ shipgate: "snapshot?", id: key });
  };
  const onMessage = (worker, m) => {
    if (!isMessage(m)) return;
    if (m.shipgate === "log") for (const [level, line] of m.lines) log[level](line);
    else if (m.shipgate === "metrics?") answerMetrics(worker, m.id);
    else if (m.shipgate === "snapshot") {
      const entry = snapshots.get(m.id);
      if (!entry) return;
      entry.got.push(m.snapshot);
      if (entry.got.length >= entry.want) entry.done();
    }
  };
  cluster.on("message", onMessage);
  const listening = /* @__PURE__ */ new Set();
  let url = "";
  const started = new Promise((resolve2, reject) => {
    cluster.on("listening", (worker, address) => {
      listening.add(worker.id);
      url = urlOf(address);
      if (listening.size === count) resolve2();
    });
    cluster.on("exit", (worker, code, signal) => {
      const how = signal ? `signal ${signal}` : `exit ${code}`;
      if (stopping) return;
      if (!running && !listening.has(worker.id)) {
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill();
        reject(
          new ShipgateError(
            "NETWORK",
            `registry-auth: worker ${worker.id} stopped before it listened (${how})`,
            {
              hint: "its own error line above says why"
            }
          )
        );
        return;
      }
      listening.delete(worker.id);
      log.error(`registry-auth: worker ${worker.id} stopped (${how}); starting another`);
      setTimeout(() => {
        if (!stopping) fork();
      }, RESTART_DELAY_MS).unref();
    });
  });
  for (let i = 0; i < count; i++) fork();
  await started;
  running = true;
  log.info(`registry-auth: ${count} workers listening on ${url}`);
  return {
    url,
    close: async () => {
      stopping = true;
      const workers2 = Object.values(cluster.workers ?? {}).filter((w) => w !== void 0);
      const exited = Promise.all(
        workers2.map(
          (w) => new Promise((resolve2) => w.isDead() ? resolve2() : w.once("exit", () => resolve2()))
        )
      );
      for (const w of workers2) if (w.isConnected()) w.send({ shipgate: "stop" });
      const timer = setTimeout(() => {
        for (const w of workers2) w.kill("SIGKILL");
      }, STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      cluster.off("message", onMessage);
    }
  };
}

// src/cli/commands/registry-auth.ts
var HELP = `Usage: shipgate registry-auth --config FILE [--workers N] [--check]
       shipgate registry-auth --schema

Serves registry tokens (Docker/distribution token authentication): push only for CI jobs whose OIDC ID
token verifies and matches a rule of the config; everyone else gets at most pull. One JSON audit line per
token request on stderr. Endpoints: /token, /healthz, /metrics. Stops gracefully on SIGTERM.

Options:
  -c, --config FILE   the service's configuration (YAML; see docs/registry-auth.md)
      --workers N     worker processes sharing the port, 1 to 64 (default: the available cores); the audit
                      lines of all are written by one process, /metrics adds theirs up
      --check         validate the config and the signing key, print the effective rules, do not serve
      --schema        print the config's JSON Schema
`;
var MAX_WORKERS = 64;
function workers(text) {
  if (text === void 0) return Math.min(availableParallelism(), MAX_WORKERS);
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_WORKERS)
    throw new ShipgateError(
      "USAGE",
      `registry-auth: --workers: "${text}" is not a number from 1 to ${MAX_WORKERS}`
    );
  return n;
}
function stopped(also) {
  return new Promise((resolve2) => {
    let done = false;
    const stop = (why) => {
      if (done) return;
      done = true;
      logger().info(`registry-auth: ${why}, finishing requests in flight`);
      resolve2();
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
    also?.(() => stop("stop asked by the primary"));
  });
}
function describe(config, kid, alg) {
  const lines = [
    `service ${config.service}, issuer ${config.issuer}, listen ${config.listen}`,
    `signing key ${alg}, kid ${kid}; tokens valid ${config.tokenLifetime} s`,
    `default pull: ${config.defaultPull}; catalog: ${config.catalog}`,
    ...config.trustedIssuers.map(
      (t) => `trusted issuer ${t.name} (${t.kind}): ${t.url}, audience ${t.audience}`
    ),
    ...config.rules.map((r) => {
      const claims = Object.entries(r.claims).map(([k, v]) => `${k}=${v.join("|")}`).join(" ");
      return `rule ${r.name}: ${r.actions.join(",")} on ${r.repositories.join(", ")} for ${r.issuer} when ${claims || "any token"}`;
    })
  ];
  if (config.rules.length === 0) lines.push("no rules: nothing beyond the default pull is granted");
  return `${lines.join("\n")}
`;
}
async function run(argv) {
  const p = parseCommand(
    "registry-auth",
    argv,
    {
      config: { type: "string", short: "c" },
      workers: { type: "string" },
      check: { type: "boolean" },
      schema: { type: "boolean" }
    },
    HELP
  );
  if (!p) return EXIT.OK;
  if (bool(p, "schema")) {
    process.stdout.write(`${JSON.stringify(registryAuthJsonSchema(), null, 2)}
`);
    return EXIT.OK;
  }
  const file = str(p, "config");
  if (!file)
    throw new ShipgateError("USAGE", "registry-auth: --config FILE is required", {
      hint: 'run "shipgate registry-auth --help"'
    });
  const count = workers(str(p, "workers"));
  const config = loadConfig(file);
  const key = loadSigningKey(config.key, config.certificate);
  if (bool(p, "check")) {
    process.stdout.write(describe(config, key.kid, key.alg));
    return EXIT.OK;
  }
  tuneForService();
  const worker = workerId();
  if (worker !== void 0) {
    setLogger(new Logger([primarySink()], logger().level));
    checkSameService(config, key);
    const started = {};
    const link = workerLink(() => started.server?.metrics);
    const stop2 = stopped((s) => link.onStop(s));
    const server2 = await startRegistryAuth({ config, key, worker, metricsText: () => link.metricsText() });
    started.server = server2;
    await stop2;
    await server2.close();
    link.disconnect();
    return EXIT.OK;
  }
  const sink = batchedSink(process.stderr);
  setLogger(new Logger([sink], logger().level), [sink]);
  if (count > 1) {
    const stop2 = stopped();
    const primary = await startPrimary(count, { config, key });
    await stop2;
    await primary.close();
    return EXIT.OK;
  }
  const stop = stopped();
  const server = await startRegistryAuth({ config, key });
  await stop;
  await server.close();
  return EXIT.OK;
}
export {
  run
};
