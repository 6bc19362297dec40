#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  VERIFY_HELP,
  VERIFY_OPTIONS,
  verifyFlags
} from "./chunk-IVRWTRTI.js";
import "./chunk-RDSG7OM2.js";
import "./chunk-FWJBRM4H.js";
import "./chunk-T3P2ZWWB.js";
import "./chunk-OZR5VCAC.js";
import {
  VerificationFailed,
  loadTrustMaterial,
  verifyBundles
} from "./chunk-A3MHOZUM.js";
import "./chunk-3FWVJDO7.js";
import {
  fetchBundles,
  parseIndex
} from "./chunk-PDDR2B3M.js";
import "./chunk-63NLDXJT.js";
import {
  oneOf,
  parseCommand,
  str
} from "./chunk-N7PLTF7E.js";
import {
  userCategory
} from "./chunk-ZFXYH7RL.js";
import {
  writeReportFile,
  writeReportStdout
} from "./chunk-UZUG6JWW.js";
import {
  plural,
  slug,
  truncate
} from "./chunk-6PB7EY26.js";
import "./chunk-LPHRMR6J.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-2L5WH6HQ.js";
import {
  RegistryClient
} from "./chunk-ICL5DW5G.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-6NPJNXW7.js";
import {
  MANIFEST_TYPES,
  isLayerMediaType
} from "./chunk-TXKN6PNT.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-U65Y67VX.js";
import "./chunk-YGEM47PD.js";
import {
  mapConcurrent
} from "./chunk-SCYKMJJI.js";
import "./chunk-W7U6HLX4.js";
import {
  VERSION
} from "./chunk-3QODUBSV.js";
import {
  compareText
} from "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import {
  digestOf,
  parseRegistryRef,
  splitReference
} from "./chunk-6FSLFHTN.js";
import "./chunk-Y4CQZHBA.js";
import "./chunk-NQRDU5S6.js";
import {
  EXIT,
  ShipgateError,
  isShipgateError
} from "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";
import {
  logger,
  mask
} from "./chunk-HYPJQQQ3.js";
import {
  printable
} from "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/pipeline/audit-cache.ts
import { createHash } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
var CACHE_VERSION = 1;
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
async function fileHash(path, flag) {
  try {
    return sha256(await readFile(path));
  } catch (e) {
    throw new ShipgateError(
      "INPUT",
      `${flag}: cannot read ${path}: ${e.code ?? "error"}`
    );
  }
}
async function expectationsFingerprint(expect, trust) {
  const doc = {
    expect,
    trust: {
      trustedRoot: trust.trustedRoot === void 0 ? null : await fileHash(trust.trustedRoot, "--trusted-root"),
      publicKeys: await Promise.all((trust.publicKeys ?? []).map((k) => fileHash(k, "--key"))),
      keysOnly: trust.keysOnly === true,
      tufMirrorUrl: trust.tufMirrorUrl ?? null
    }
  };
  return sha256(JSON.stringify(doc));
}
function isCacheFile(doc) {
  const c = doc;
  if (typeof c !== "object" || c === null || c.version !== CACHE_VERSION) return false;
  if (typeof c.fingerprint !== "string" || !Array.isArray(c.signatureManifests)) return false;
  if (!c.signatureManifests.every((s) => typeof s === "string")) return false;
  if (typeof c.passed !== "object" || c.passed === null || Array.isArray(c.passed)) return false;
  return Object.values(c.passed).every(
    (e) => typeof e === "object" && e !== null && !Number.isNaN(Date.parse(String(e.verifiedAt))) && (e.expiresAt === void 0 || !Number.isNaN(Date.parse(String(e.expiresAt))))
  );
}
var AuditCache = class _AuditCache {
  constructor(path, fingerprint) {
    this.path = path;
    this.fingerprint = fingerprint;
  }
  path;
  fingerprint;
  passed = /* @__PURE__ */ new Map();
  signatures = /* @__PURE__ */ new Set();
  /** Repositories audited in this run: their entries not seen again are dropped on save. */
  audited = /* @__PURE__ */ new Set();
  seen = /* @__PURE__ */ new Set();
  /** Reads the cache at `path`; a missing file is an empty cache, an unreadable one is ignored (warning). */
  static async load(path, fingerprint) {
    const cache = new _AuditCache(path, fingerprint);
    let text;
    try {
      text = await readFile(path, "utf8");
    } catch (e) {
      if (e.code === "ENOENT") return cache;
      logger().warn(
        `audit cache ${path}: cannot read it (${e.code ?? "error"}); verifying everything`
      );
      return cache;
    }
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      doc = void 0;
    }
    if (!isCacheFile(doc)) {
      logger().warn(
        `audit cache ${path} is not a shipgate audit cache (corrupt?); ignoring it and verifying everything`
      );
      return cache;
    }
    if (doc.fingerprint !== fingerprint) {
      logger().info(`audit cache ${path}: the signer, checks or trust changed; verifying everything again`);
      return cache;
    }
    cache.passed = new Map(Object.entries(doc.passed));
    cache.signatures = new Set(doc.signatureManifests);
    return cache;
  }
  /** Marks a repository (host/repository) as audited in this run. */
  auditing(repository) {
    this.audited.add(repository);
  }
  /** Whether `key` (host/repository@digest) passed before and the pass still holds at `now`. */
  hasPassed(key, now) {
    const entry = this.passed.get(key);
    if (!entry) return false;
    if (entry.expiresAt !== void 0 && Date.parse(entry.expiresAt) <= now.getTime()) return false;
    this.seen.add(key);
    return true;
  }
  rememberPass(key, entry) {
    this.passed.set(key, entry);
    this.seen.add(key);
  }
  isSignatureManifest(key) {
    if (!this.signatures.has(key)) return false;
    this.seen.add(key);
    return true;
  }
  rememberSignatureManifest(key) {
    this.signatures.add(key);
    this.seen.add(key);
  }
  keeps(key) {
    return this.seen.has(key) || !this.audited.has(key.slice(0, key.lastIndexOf("@")));
  }
  /** Writes the cache: entries of the repositories audited now as they were found, the others kept. */
  async save() {
    const doc = {
      version: CACHE_VERSION,
      fingerprint: this.fingerprint,
      passed: Object.fromEntries(
        [...this.passed].filter(([k]) => this.keeps(k)).sort(([a], [b]) => compareText(a, b))
      ),
      signatureManifests: [...this.signatures].filter((k) => this.keeps(k)).sort()
    };
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, `${JSON.stringify(doc)}
`);
      await rename(tmp, this.path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw new ShipgateError(
        "INPUT",
        `cannot write the audit cache ${this.path} (${e.code ?? "error"})`,
        {
          hint: "check the path and its permissions"
        }
      );
    }
  }
};

// src/sign/artifact-tags.ts
var ARTIFACT_TAG = /^sha256-[0-9a-f]{64}(\.(?:sig|att|sbom))?$/;
function hasArtifactTagName(tag) {
  return ARTIFACT_TAG.test(tag);
}
function onlyArtifactLayers(bytes) {
  let doc;
  try {
    doc = JSON.parse(bytes.toString("utf8"));
  } catch {
    return false;
  }
  if (typeof doc !== "object" || doc === null) return false;
  if (typeof doc.mediaType === "string" && !MANIFEST_TYPES.has(doc.mediaType)) return false;
  if (!Array.isArray(doc.layers) || doc.layers.length === 0) return false;
  return doc.layers.every((l) => {
    const mt = l?.mediaType;
    return typeof mt === "string" && !isLayerMediaType(mt);
  });
}
function onlyArtifactEntries(bytes) {
  const index = parseIndex(bytes);
  if (!index) return false;
  return index.manifests.every((m) => {
    const entry = m;
    return typeof entry?.artifactType === "string" && entry.artifactType !== "" && !entry.platform;
  });
}
function isSignatureArtifact(tag, bytes) {
  const m = ARTIFACT_TAG.exec(tag);
  if (!m) return false;
  return m[1] === void 0 ? onlyArtifactEntries(bytes) : onlyArtifactLayers(bytes);
}

// src/pipeline/audit.ts
var DEFAULT_AUDIT_CONCURRENCY = 8;
async function resolveTag(client, repository, tag) {
  const head = await client.headManifest(repository, tag);
  if (!head) return void 0;
  if (head.digest) return head.digest;
  return digestOf((await client.getManifest(repository, tag)).bytes);
}
async function tagsByDigest(target, where, options) {
  const { client, repository } = target;
  const tags = await client.listTags(repository, options.pageSize);
  const progress = logger().progress(`resolving ${tags.length} tags of ${where}`, {
    total: tags.length,
    unit: "items"
  });
  const digests = await mapConcurrent(tags, options.concurrency ?? DEFAULT_AUDIT_CONCURRENCY, async (tag) => {
    const digest = await resolveTag(client, repository, tag);
    progress.add(1);
    if (!digest) logger().debug(`${where}:${tag} disappeared while the audit listed the tags`);
    return digest;
  });
  progress.done();
  const byDigest = /* @__PURE__ */ new Map();
  tags.forEach((tag, i) => {
    const digest = digests[i];
    if (digest) byDigest.set(digest, [...byDigest.get(digest) ?? [], tag]);
  });
  return [...byDigest].map(([digest, t]) => ({ digest, tags: t.sort() }));
}
async function isSignatureTag(target, image, key, cache) {
  if (!image.tags.every(hasArtifactTagName)) return false;
  if (cache?.isSignatureManifest(key)) return true;
  const { bytes } = await target.client.getManifest(target.repository, image.digest);
  if (!image.tags.every((tag) => isSignatureArtifact(tag, bytes))) return false;
  cache?.rememberSignatureManifest(key);
  return true;
}
function expiry(report, maxAgeSeconds) {
  if (maxAgeSeconds === void 0) return void 0;
  const times = report.verified.flatMap((v) => v.time ? [Date.parse(v.time)] : []);
  if (!times.length) return void 0;
  return new Date(Math.min(...times) + maxAgeSeconds * 1e3).toISOString();
}
async function verifyImage(target, repositoryName, image, options) {
  const base = {
    repository: repositoryName,
    digest: image.digest,
    tags: image.tags,
    checked: "verified"
  };
  const key = `${repositoryName}@${image.digest}`;
  const now = options.now?.() ?? /* @__PURE__ */ new Date();
  try {
    const fetched = await fetchBundles(target.client, target.repository, image.digest);
    const report = verifyBundles(
      fetched.map((f) => f.bundle),
      options.trust,
      { ...options.expect, image: { digest: image.digest, repository: repositoryName }, now }
    );
    const expiresAt = expiry(report, options.expect.maxAgeSeconds);
    options.cache?.rememberPass(key, { verifiedAt: now.toISOString(), ...expiresAt ? { expiresAt } : {} });
    return { ...base, status: "pass" };
  } catch (e) {
    if (e instanceof VerificationFailed)
      return { ...base, status: "fail", reason: e.failure, message: e.message };
    if (isShipgateError(e) && e.code === "VERIFY")
      return { ...base, status: "fail", reason: "invalid", message: e.message };
    throw e;
  }
}
async function auditRepository(target, options) {
  const name = `${target.client.registry}/${target.repository}`;
  options.cache?.auditing(name);
  const tagged = await tagsByDigest(target, name, options);
  const concurrency = options.concurrency ?? DEFAULT_AUDIT_CONCURRENCY;
  const now = options.now?.() ?? /* @__PURE__ */ new Date();
  const kinds = await mapConcurrent(tagged, concurrency, async (image) => {
    const key = `${name}@${image.digest}`;
    if (await isSignatureTag(target, image, key, options.cache)) return "signature";
    return options.cache?.hasPassed(key, now) ? "cached" : "verify";
  });
  const images = [];
  const toVerify = [];
  let signatureTags = 0;
  tagged.forEach((image, i) => {
    if (kinds[i] === "signature") signatureTags += image.tags.length;
    else if (kinds[i] === "cached")
      images.push({
        repository: name,
        digest: image.digest,
        tags: image.tags,
        status: "pass",
        checked: "cache"
      });
    else toVerify.push(image);
  });
  logger().info(
    `${name}: ${images.length + toVerify.length} images, ${signatureTags} signature tags; ${images.length} passed before (cache), ${toVerify.length} to verify`
  );
  const progress = logger().progress(`verifying ${toVerify.length} images of ${name}`, {
    total: toVerify.length,
    unit: "items"
  });
  const verified = await mapConcurrent(toVerify, concurrency, async (image) => {
    const audited = await verifyImage(target, name, image, options);
    progress.add(1);
    return audited;
  });
  progress.done();
  return { images: [...images, ...verified], signatureTags };
}
async function auditRegistry(targets2, options) {
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const images = [];
  let signatureTags = 0;
  for (const target of targets2) {
    const got = await auditRepository(target, options);
    images.push(...got.images);
    signatureTags += got.signatureTags;
  }
  return {
    startedAt,
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    repositories: targets2.map((t) => `${t.client.registry}/${t.repository}`),
    images,
    signatureTags
  };
}

// src/report/audit.ts
var AUDIT_JSON_VERSION = 1;
var RULES = [
  {
    id: "SG-AUDIT-001",
    name: "unsigned",
    reasons: ["unsigned"],
    short: "Image without any signature or attestation",
    help: "Nothing is attached to this digest: it was pushed by something other than the signing CI job. Find who pushed it (registry logs), delete it, and restrict push credentials to the CI job."
  },
  {
    id: "SG-AUDIT-002",
    name: "not-approved",
    reasons: ["no-approval", "not-approved"],
    short: "Image without an approval that approves it",
    help: "The image is signed but has no verified shipgate approval attestation, or the approval says the policy refused it. Rebuild it through the gated pipeline, or delete it."
  },
  {
    id: "SG-AUDIT-003",
    name: "forced",
    reasons: ["forced"],
    short: "Image signed with --force",
    help: "The approval attestation records that the policy refused the image and it was signed anyway (--force). Review why, fix the findings, and replace it with an approved build."
  },
  {
    id: "SG-AUDIT-004",
    name: "wrong-signer",
    reasons: ["wrong-signer"],
    short: "Image signed by another identity",
    help: "Signatures are attached, but none is from the allowed CI identity (issuer, repository, workflow, ref, or key). Find out who signed it and delete it unless that signer is meant to publish here."
  },
  {
    id: "SG-AUDIT-005",
    name: "too-old",
    reasons: ["too-old"],
    short: "Image signed longer ago than the maximum age",
    help: "The signatures verify but are older than the maximum age. Rebuild and sign a fresh image, and retire this one."
  },
  {
    id: "SG-AUDIT-006",
    name: "missing-attestation",
    reasons: ["missing-predicate"],
    short: "Image without a required attestation",
    help: "A statement the audit requires (provenance, SBOM, vulnerability scan or another type) is not attached or does not verify. Sign the image with every required attestation."
  },
  {
    id: "SG-AUDIT-007",
    name: "invalid-signature",
    reasons: ["invalid"],
    short: "Image whose signatures do not verify",
    help: "Bundles are attached but fail verification (signature, certificate chain, transparency log, or a statement about another digest). Treat the image as unsigned: find its origin and delete it."
  }
];
var RULE_OF = new Map(RULES.flatMap((r) => r.reasons.map((reason) => [reason, r])));
function ruleOf(reason) {
  return RULE_OF.get(reason ?? "invalid");
}
function imageUri(image) {
  return `oci://${image.repository}@${image.digest}`;
}
function failing(report) {
  return report.images.filter((i) => i.status === "fail");
}
function tagList(tags) {
  if (!tags.length) return "no tag";
  const shown = tags.slice(0, 5).join(", ");
  return tags.length > 5 ? `${shown} and ${tags.length - 5} more` : shown;
}
function auditText(report) {
  const lines = failing(report).map((i) => {
    const rule = ruleOf(i.reason);
    return printable(
      `${i.repository}@${i.digest} (${tagList(i.tags)}): ${rule.name}: ${truncate(i.message ?? rule.short, 400)}`
    );
  });
  const bad = failing(report).length;
  const cached = report.images.filter((i) => i.checked === "cache").length;
  lines.push(
    `${plural(report.images.length, "image")} in ${plural(report.repositories.length, "repository", "repositories")} audited (${cached} from the cache, ${plural(report.signatureTags, "signature tag")} skipped): ` + (bad ? `${plural(bad, "image")} got in without approval` : "every image is signed and approved")
  );
  return mask(`${lines.join("\n")}
`);
}
function auditJson(report) {
  const images = [...report.images].sort(
    (a, b) => Number(a.status === "pass") - Number(b.status === "pass") || compareText(a.repository, b.repository) || compareText(a.digest, b.digest)
  );
  const doc = {
    schemaVersion: AUDIT_JSON_VERSION,
    tool: { name: "shipgate", version: VERSION },
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    repositories: report.repositories,
    summary: {
      images: report.images.length,
      failed: failing(report).length,
      fromCache: report.images.filter((i) => i.checked === "cache").length,
      signatureTags: report.signatureTags
    },
    images: images.map((i) => ({
      repository: i.repository,
      digest: i.digest,
      uri: imageUri(i),
      tags: i.tags,
      status: i.status,
      checked: i.checked,
      ...i.status === "fail" ? { rule: ruleOf(i.reason).id, reason: i.reason, message: i.message } : {}
    }))
  };
  return mask(`${JSON.stringify(doc, null, 2)}
`);
}
function descriptor(rule) {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.short },
    fullDescription: { text: rule.help },
    help: { text: rule.help },
    defaultConfiguration: { level: "error" },
    properties: { tags: ["security", "supply-chain"], precision: "high", "security-severity": "8.0" }
  };
}
function relativeUri(image) {
  return `${image.repository}@${image.digest}`.split("/").map((s) => encodeURIComponent(s)).join("/");
}
function result(image, index) {
  const rule = ruleOf(image.reason);
  const uri = imageUri(image);
  return {
    ruleId: rule.id,
    ruleIndex: index.get(rule.id),
    level: "error",
    message: {
      text: `${image.repository}@${image.digest} (${tagList(image.tags)}): ${truncate(image.message ?? rule.short, 1e3)}`
    },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: relativeUri(image) }, region: { startLine: 1 } },
        logicalLocations: [{ name: image.digest, fullyQualifiedName: uri, kind: "resource" }]
      }
    ],
    partialFingerprints: { "shipgate/audit/v1": stableHash(`${uri}
${rule.id}`) },
    properties: { image: uri, imageTags: image.tags, reason: image.reason ?? "invalid" }
  };
}
function auditSarif(report, category) {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const id = userCategory(category) ?? `shipgate/audit/${slug(report.repositories.join("+") || "registry", (s) => stableHash(s))}/`;
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "shipgate",
            fullName: "shipgate (registry audit)",
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: "https://github.com/shipgate/shipgate",
            rules: RULES.map(descriptor)
          }
        },
        automationDetails: { id },
        invocations: [
          { executionSuccessful: true, startTimeUtc: report.startedAt, endTimeUtc: report.finishedAt }
        ],
        results: failing(report).map((i) => result(i, index))
      }
    ]
  };
  return JSON.parse(mask(JSON.stringify(log)));
}

// src/cli/commands/audit.ts
var HELP = `Usage: shipgate audit REGISTRY/REPOSITORY... SIGNER [options]
       shipgate audit REGISTRY SIGNER [options]

Finds the images in a registry that got in without shipgate's approval. Every tag of each repository is
listed (page by page) and resolved to its manifest digest; each distinct digest is verified as
"shipgate verify" does (signature by the allowed signer, transparency log or timestamp, approval
attestation approved and not forced, maximum age, required attestations). Tags that hold signatures
(sha256-<hex>, sha256-<hex>.sig/.att/.sbom) are skipped when their content is a signature. Given a
registry alone, its repositories are listed from /v2/_catalog.
Exit 1 when any image fails, 0 when all pass; 2 for usage errors, 4 when a registry fails.

${VERIFY_HELP}

Audit:
      --cache FILE        remember the digests that passed (per signer, checks and trust): a later run
                          verifies only new digests, failures, and passes whose signatures reached --max-age
      --concurrency N     registry requests and verifications at a time (default ${DEFAULT_AUDIT_CONCURRENCY})
      --page-size N       tags asked for per page (n=); default the registry's

Output:
  -f, --format FMT        text (default: one line per failing image and a summary), json (every image
                          with its status) or sarif (one result per failing image)
  -o, --output FILE       write the main format to FILE instead of stdout
      --json FILE         also write the JSON report
      --sarif FILE        also write SARIF 2.1.0
      --category NAME     SARIF category, as codeql-action's: automationDetails.id NAME/; default:
                          shipgate/audit/<repositories>/
`;
var OPTIONS = {
  ...VERIFY_OPTIONS,
  cache: { type: "string" },
  concurrency: { type: "string" },
  "page-size": { type: "string" },
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  json: { type: "string" },
  sarif: { type: "string" },
  category: { type: "string" }
};
var FORMATS = ["text", "json", "sarif"];
function usage(message, hint) {
  return new ShipgateError("USAGE", `audit: ${message}`, hint === void 0 ? {} : { hint });
}
function count(p, name, max) {
  const text = str(p, name);
  if (text === void 0) return void 0;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max)
    throw usage(`--${name}: "${text}" is not a number from 1 to ${max}`);
  return n;
}
function isRegistryOnly(arg) {
  return !arg.includes("/") && (arg.includes(".") || arg.includes(":") || arg === "localhost");
}
async function targets(args, pageSize) {
  const clients = /* @__PURE__ */ new Map();
  const client = (registry) => {
    let c = clients.get(registry);
    if (!c) clients.set(registry, c = new RegistryClient({ registry }));
    return c;
  };
  const out = [];
  for (const arg of args) {
    if (isRegistryOnly(arg)) {
      const c = client(arg);
      for (const repository of await c.listRepositories(pageSize)) out.push({ client: c, repository });
      continue;
    }
    const parts = splitReference(arg.replace(/^docker:\/\//, ""));
    if (parts.tag !== void 0 || parts.digest !== void 0)
      throw usage(
        `${arg} names a tag or digest`,
        "give repositories (registry/repository); every tag is audited"
      );
    const ref = parseRegistryRef(arg);
    out.push({ client: client(ref.registry), repository: ref.repository });
  }
  return out;
}
async function write(report, p) {
  const category = str(p, "category");
  const render = (format) => format === "json" ? auditJson(report) : format === "sarif" ? `${JSON.stringify(auditSarif(report, category), null, 2)}
` : auditText(report);
  const main = render(oneOf(p, "format", FORMATS, "text"));
  const output = str(p, "output");
  if (output) await writeReportFile(output, main);
  else writeReportStdout(main);
  for (const format of ["json", "sarif"]) {
    const path = str(p, format);
    if (path) await writeReportFile(path, render(format));
  }
}
async function run(argv) {
  const p = parseCommand("audit", argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  if (!p.positionals.length)
    throw usage(
      "give at least one repository",
      "e.g. shipgate audit ghcr.io/acme/app --github-repository acme/app"
    );
  oneOf(p, "format", FORMATS, "text");
  userCategory(str(p, "category"), "--category");
  const flags = verifyFlags("audit", p);
  const concurrency = count(p, "concurrency", 64);
  const pageSize = count(p, "page-size", 1e4);
  const cachePath = str(p, "cache");
  const cache = cachePath ? await AuditCache.load(cachePath, await expectationsFingerprint(flags.expect, flags.trust)) : void 0;
  const trust = await loadTrustMaterial(flags.trust);
  const report = await auditRegistry(await targets(p.positionals, pageSize), {
    expect: flags.expect,
    trust,
    ...cache ? { cache } : {},
    ...concurrency ? { concurrency } : {},
    ...pageSize ? { pageSize } : {}
  });
  await cache?.save();
  await write(report, p);
  return report.images.some((i) => i.status === "fail") ? EXIT.POLICY_FAILED : EXIT.OK;
}
export {
  run
};
