#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  IN_TOTO_PAYLOAD_TYPE
} from "./chunk-LPHRMR6J.js";
import {
  nextLink,
  referrersTag
} from "./chunk-ICL5DW5G.js";
import {
  backoffMs
} from "./chunk-6NPJNXW7.js";
import {
  MANIFEST_ACCEPT,
  MT
} from "./chunk-TXKN6PNT.js";
import {
  compareText
} from "./chunk-WXYCZFY5.js";
import {
  digestOf,
  parseDigest,
  verifyBytes
} from "./chunk-6FSLFHTN.js";
import {
  ShipgateError,
  isShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";

// src/oci/referrers.ts
import { setTimeout as sleep } from "node:timers/promises";
var EMPTY_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";
var EMPTY_BLOB = Buffer.from("{}");
var MAX_PAGES = 20;
function isDescriptor(d) {
  const o = d;
  return typeof o === "object" && o !== null && typeof o.mediaType === "string" && typeof o.digest === "string" && typeof o.size === "number";
}
function parseIndex(bytes) {
  let doc;
  try {
    doc = JSON.parse(bytes.toString("utf8"));
  } catch {
    return void 0;
  }
  const o = doc;
  if (typeof o !== "object" || o === null || Array.isArray(o)) return void 0;
  if (o.schemaVersion !== 2 || !Array.isArray(o.manifests)) return void 0;
  if (o.mediaType !== void 0 && o.mediaType !== MT.ociIndex) return void 0;
  return { ...o, schemaVersion: 2, mediaType: MT.ociIndex, manifests: o.manifests };
}
function mergeIndex(index, entry) {
  const base = index ?? { schemaVersion: 2, mediaType: MT.ociIndex, manifests: [] };
  const seen = /* @__PURE__ */ new Set();
  const manifests = [];
  for (const m of base.manifests) {
    if (isDescriptor(m) && seen.has(m.digest)) continue;
    if (isDescriptor(m)) seen.add(m.digest);
    manifests.push(m);
  }
  const deduped = manifests.length !== base.manifests.length;
  if (seen.has(entry.digest)) return { index: { ...base, manifests }, changed: deduped };
  return { index: { ...base, manifests: [...manifests, entry] }, changed: true };
}
function referrerDescriptor(manifest, mediaType = MT.ociManifest) {
  const doc = JSON.parse(manifest.toString("utf8"));
  const artifactType = doc.artifactType ?? doc.config?.mediaType;
  return {
    mediaType,
    digest: digestOf(manifest),
    size: manifest.length,
    ...artifactType ? { artifactType } : {},
    ...doc.annotations && Object.keys(doc.annotations).length ? { annotations: doc.annotations } : {}
  };
}
async function subjectDescriptor(client, repository, digest) {
  const { bytes, mediaType } = await client.getManifest(repository, digest);
  return { mediaType: mediaType || MT.ociManifest, digest, size: bytes.length };
}
function artifactManifest(artifactType, config, layers, subject, annotations) {
  const strip = (d) => ({ mediaType: d.mediaType, digest: d.digest, size: d.size });
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      artifactType,
      config: strip(config),
      layers,
      subject: strip(subject),
      ...annotations && Object.keys(annotations).length ? { annotations } : {}
    })
  );
}
async function putByDigest(client, repository, manifest) {
  const digest = digestOf(manifest);
  const res = await client.request(
    {
      method: "PUT",
      path: `/v2/${repository}/manifests/${digest}`,
      repository,
      action: "push",
      headers: { "content-type": MT.ociManifest },
      body: manifest,
      followRedirects: false
    },
    `push artifact ${client.registry}/${repository}@${digest}`
  );
  await res.body?.cancel().catch(() => void 0);
  const stored = res.headers.get("docker-content-digest");
  if (stored && stored !== digest)
    throw new ShipgateError(
      "DIGEST_MISMATCH",
      `push artifact ${client.registry}/${repository}: the registry stored ${stored}, expected ${digest}`
    );
  return res.headers.get("oci-subject") ?? void 0;
}
async function referrersPage(client, repository, path, what) {
  const res = await client.request(
    { method: "GET", path, repository, accept: [400, 404, 405], headers: { accept: MT.ociIndex } },
    what
  );
  if (!res.ok) {
    await res.body?.cancel().catch(() => void 0);
    return void 0;
  }
  const index = parseIndex(Buffer.from(await res.arrayBuffer()));
  if (!index) return void 0;
  const next = nextLink(res.headers.get("link"), client.baseUrl);
  return { manifests: index.manifests.filter(isDescriptor), ...next ? { next } : {} };
}
async function referrersFromApi(client, repository, digest, artifactType) {
  const what = `referrers of ${client.registry}/${repository}@${digest}`;
  const q = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : "";
  let path = `/v2/${repository}/referrers/${digest}${q}`;
  const out = [];
  for (let page = 0; path; page++) {
    if (page === MAX_PAGES) {
      logger().warn(`${what}: more than ${MAX_PAGES} pages; reading only the first ${MAX_PAGES}`);
      break;
    }
    const got = await referrersPage(client, repository, path, what);
    if (!got) return page === 0 ? void 0 : out;
    out.push(...got.manifests);
    path = got.next;
  }
  return out;
}
async function readTagged(client, repository, tag) {
  const res = await client.request(
    {
      method: "GET",
      path: `/v2/${repository}/manifests/${tag}`,
      repository,
      headers: { accept: MANIFEST_ACCEPT.join(", ") },
      accept: [404]
    },
    `manifest ${client.registry}/${repository}:${tag}`
  );
  if (res.status === 404) {
    await res.body?.cancel().catch(() => void 0);
    return void 0;
  }
  const bytes = Buffer.from(await res.arrayBuffer());
  const etag = res.headers.get("etag") ?? void 0;
  return {
    bytes,
    mediaType: (res.headers.get("content-type") ?? "").split(";")[0].trim(),
    digest: digestOf(bytes),
    ...etag ? { etag } : {}
  };
}
var tagQueues = /* @__PURE__ */ new Map();
async function oneAtATime(key, run) {
  const before = tagQueues.get(key) ?? Promise.resolve();
  const result = before.then(run);
  const done = result.then(
    () => void 0,
    () => void 0
  );
  tagQueues.set(key, done);
  try {
    return await result;
  } finally {
    if (tagQueues.get(key) === done) tagQueues.delete(key);
  }
}
function updateTag(client, repository, tag, change, options = {}) {
  return oneAtATime(
    `${client.registry}/${repository}:${tag}`,
    () => updateTagNow(client, repository, tag, change, options)
  );
}
async function updateTagNow(client, repository, tag, change, options) {
  const attempts = options.attempts ?? 10;
  const settleMs = options.settleMs ?? 500;
  const policy = { retries: attempts, baseMs: options.baseMs ?? 100, maxMs: 5e3 };
  const where = `${client.registry}/${repository}:${tag}`;
  for (let n = 0; n < attempts; n++) {
    if (n > 0) await sleep(backoffMs(n - 1, policy));
    const current = await readTagged(client, repository, tag);
    const next = await change.apply(current);
    if (next) {
      const res = await client.request(
        {
          method: "PUT",
          path: `/v2/${repository}/manifests/${tag}`,
          repository,
          action: "push",
          headers: {
            "content-type": next.mediaType,
            ...current?.etag ? { "if-match": current.etag } : {}
          },
          body: next.bytes,
          followRedirects: false,
          accept: [412]
        },
        `push ${change.what} ${where}`
      );
      await res.body?.cancel().catch(() => void 0);
      if (res.status === 412) {
        logger().debug(`${change.what} ${where}: changed by another writer; retrying`);
        continue;
      }
    }
    if (!change.holds(await readTagged(client, repository, tag))) {
      logger().debug(`${change.what} ${where}: the update was overwritten; retrying`);
      continue;
    }
    await sleep(settleMs);
    const settled = await readTagged(client, repository, tag);
    if (settled && change.holds(settled)) return settled;
    logger().debug(`${change.what} ${where}: the update was overwritten; retrying`);
  }
  throw new ShipgateError(
    "REGISTRY",
    `${change.what} ${where}: the registry did not keep the update after ${attempts} attempts`,
    { hint: "other writers keep replacing this tag, or the registry makes tags immutable; try again" }
  );
}
async function addToReferrersIndex(client, repository, subjectDigest, entries, options = {}) {
  const tag = referrersTag(subjectDigest);
  const where = `${client.registry}/${repository}:${tag}`;
  const indexAt = (doc) => {
    if (!doc) return void 0;
    const index = parseIndex(doc.bytes);
    if (!index)
      throw new ShipgateError(
        "REGISTRY",
        `referrers index ${where}: the tag holds a ${doc.mediaType || "document"} that is not an image index; not overwriting it`,
        { hint: "delete or rename that tag; the referrers tag schema reserves it for an index" }
      );
    return index;
  };
  await updateTag(
    client,
    repository,
    tag,
    {
      what: "referrers index",
      apply: (current) => {
        let index = indexAt(current);
        let changed = false;
        for (const entry of entries) {
          const merged = mergeIndex(index, entry);
          index = merged.index;
          changed ||= merged.changed;
        }
        return Promise.resolve(
          changed && index ? { bytes: Buffer.from(JSON.stringify(index)), mediaType: MT.ociIndex } : void 0
        );
      },
      holds: (current) => {
        const listed = new Set(indexAt(current)?.manifests.map((m) => m.digest));
        return entries.every((e) => listed.has(e.digest));
      }
    },
    options
  );
  return tag;
}
async function attachArtifacts(client, repository, subject, artifacts, options = {}) {
  const config = await client.pushBlob(repository, EMPTY_BLOB, EMPTY_MEDIA_TYPE);
  const pushed = [];
  for (const artifact of artifacts) {
    const layers = [];
    for (const l of artifact.layers) {
      const d = await client.pushBlob(repository, l.data, l.mediaType);
      layers.push({
        ...d,
        ...l.annotations && Object.keys(l.annotations).length ? { annotations: l.annotations } : {}
      });
    }
    const manifest = artifactManifest(artifact.artifactType, config, layers, subject, artifact.annotations);
    const ociSubject = await putByDigest(client, repository, manifest);
    pushed.push({ descriptor: referrerDescriptor(manifest), manifest, ociSubject });
  }
  const checks = pushed.some((p) => p.ociSubject === subject.digest) ? options.apiChecks ?? 3 : 1;
  let listed = /* @__PURE__ */ new Set();
  for (let n = 0; n < checks; n++) {
    if (n > 0)
      await sleep(backoffMs(n - 1, { retries: checks, baseMs: options.baseMs ?? 100, maxMs: 2e3 }));
    const api = await referrersFromApi(client, repository, subject.digest);
    if (api === void 0) break;
    listed = new Set(api.map((m) => m.digest));
    if (pushed.every((p) => listed.has(p.descriptor.digest))) break;
  }
  const unlisted = pushed.filter((p) => !listed.has(p.descriptor.digest));
  if (unlisted.some((p) => p.ociSubject))
    logger().debug(
      `${client.registry} sent OCI-Subject but its referrers API does not list the artifact; using the tag schema`
    );
  const tag = unlisted.length ? await addToReferrersIndex(
    client,
    repository,
    subject.digest,
    unlisted.map((p) => p.descriptor),
    options
  ) : void 0;
  return pushed.map(
    ({ descriptor, manifest }) => listed.has(descriptor.digest) ? { descriptor, manifest, via: "api" } : { descriptor, manifest, via: "tag", ...tag ? { tag } : {} }
  );
}
async function listReferrers(client, repository, digest, options = {}) {
  const { artifactType } = options;
  const keep = (ms) => artifactType ? ms.filter((m) => m.artifactType === artifactType) : ms;
  const api = await referrersFromApi(client, repository, digest, artifactType);
  if (api) return { manifests: keep(api), via: "api" };
  const tag = referrersTag(digest);
  const doc = await readTagged(client, repository, tag);
  const index = doc ? parseIndex(doc.bytes) : void 0;
  if (doc && !index)
    logger().warn(
      `referrers of ${client.registry}/${repository}@${digest}: the tag ${tag} is not an image index; ignoring it`
    );
  return { manifests: keep((index?.manifests ?? []).filter(isDescriptor)), via: "tag", tag };
}

// src/sign/cosign-legacy.ts
import { createHash } from "node:crypto";

// src/sign/stored.ts
function manifestReference(registry, repository, digest) {
  return `${registry}/${repository}@${digest}`;
}

// src/sign/cosign-legacy.ts
var SIMPLE_SIGNING_MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
var DSSE_ENVELOPE_MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";
var COSIGN_SIGNATURE_TYPE = "cosign container image signature";
var COSIGN_ANNOTATION = {
  signature: "dev.cosignproject.cosign/signature",
  certificate: "dev.sigstore.cosign/certificate",
  chain: "dev.sigstore.cosign/chain",
  bundle: "dev.sigstore.cosign/bundle",
  rfc3161Timestamp: "dev.sigstore.cosign/rfc3161timestamp",
  predicateType: "predicateType"
};
var MAX_LAYERS = 1e3;
var HASHES = { SHA2_256: "sha256", SHA2_384: "sha384", SHA2_512: "sha512" };
var ZERO_TIME = "0001-01-01T00:00:00Z";
function legacyTag(digest, kind) {
  const { algorithm, hex } = parseDigest(digest, "image digest");
  return `${algorithm}-${hex}.${kind}`;
}
function simpleSigningPayload(reference, digest) {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { "docker-reference": reference },
        image: { "docker-manifest-digest": digest },
        type: COSIGN_SIGNATURE_TYPE
      },
      optional: null
    })
  );
}
function b64(s, what) {
  if (!s) throw new ShipgateError("SIGN", `legacy cosign layer: the bundle has no ${what}`);
  return Buffer.from(s, "base64");
}
function pem(der) {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----
${lines.join("\n")}
-----END CERTIFICATE-----
`;
}
function sorted(m) {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => compareText(a, b)));
}
function verificationAnnotations(bundle) {
  const vm = bundle.verificationMaterial;
  const out = {};
  const certs = vm.x509CertificateChain ? vm.x509CertificateChain.certificates.map((c) => c.rawBytes) : vm.certificate ? [vm.certificate.rawBytes] : [];
  if (certs.length) {
    out[COSIGN_ANNOTATION.certificate] = pem(b64(certs[0], "certificate"));
    out[COSIGN_ANNOTATION.chain] = certs.slice(1).map((c) => pem(b64(c, "certificate"))).join("");
  }
  const ts = vm.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp;
  if (ts)
    out[COSIGN_ANNOTATION.rfc3161Timestamp] = JSON.stringify({
      SignedRFC3161Timestamp: b64(ts, "RFC 3161 timestamp").toString("base64")
    });
  const entry = vm.tlogEntries?.[0];
  if (entry?.inclusionPromise) {
    const set = {
      SignedEntryTimestamp: b64(entry.inclusionPromise.signedEntryTimestamp, "SET").toString("base64"),
      Payload: {
        body: b64(entry.canonicalizedBody, "transparency log body").toString("base64"),
        integratedTime: Number(entry.integratedTime),
        logIndex: Number(entry.logIndex),
        logID: b64(entry.logId.keyId, "log ID").toString("hex")
      }
    };
    out[COSIGN_ANNOTATION.bundle] = JSON.stringify(set);
  }
  return out;
}
function legacySignatureLayer(bundle, payload) {
  const ms = bundle.messageSignature;
  if (!ms)
    throw new ShipgateError("SIGN", "legacy cosign signature: the bundle is not a message signature", {
      hint: "the `.sig` tag holds signatures over the simple-signing payload (signMessage)"
    });
  const algorithm = ms.messageDigest && HASHES[ms.messageDigest.algorithm];
  if (ms.messageDigest && (!algorithm || !Buffer.from(ms.messageDigest.digest, "base64").equals(createHash(algorithm).update(payload).digest())))
    throw new ShipgateError("SIGN", "legacy cosign signature: the bundle signs another payload");
  return {
    mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
    payload,
    annotations: sorted({
      ...verificationAnnotations(bundle),
      [COSIGN_ANNOTATION.signature]: b64(ms.signature, "signature").toString("base64")
    })
  };
}
function statementPredicateType(bundle) {
  const env = bundle.dsseEnvelope;
  if (env?.payloadType !== IN_TOTO_PAYLOAD_TYPE) return void 0;
  try {
    const statement = JSON.parse(Buffer.from(env.payload, "base64").toString("utf8"));
    return typeof statement.predicateType === "string" ? statement.predicateType : void 0;
  } catch {
    return void 0;
  }
}
function legacyAttestationLayer(bundle) {
  const env = bundle.dsseEnvelope;
  if (!env) throw new ShipgateError("SIGN", "legacy cosign attestation: the bundle has no DSSE envelope");
  const predicateType = statementPredicateType(bundle);
  if (!predicateType)
    throw new ShipgateError("SIGN", "legacy cosign attestation: the envelope holds no in-toto statement");
  const envelope = {
    payload: env.payload,
    payloadType: env.payloadType,
    signatures: env.signatures.map((s) => ({ sig: s.sig, ...s.keyid ? { keyid: s.keyid } : {} }))
  };
  return {
    mediaType: DSSE_ENVELOPE_MEDIA_TYPE,
    payload: Buffer.from(JSON.stringify(envelope)),
    annotations: sorted({
      ...verificationAnnotations(bundle),
      [COSIGN_ANNOTATION.predicateType]: predicateType,
      [COSIGN_ANNOTATION.signature]: ""
    })
  };
}
function legacyConfig(layerDigests) {
  return Buffer.from(
    JSON.stringify({
      architecture: "",
      created: ZERO_TIME,
      history: layerDigests.map(() => ({ created: ZERO_TIME })),
      os: "",
      rootfs: { type: "layers", diff_ids: layerDigests },
      config: {}
    })
  );
}
function legacyManifest(config, layers) {
  const desc = (d) => ({
    mediaType: d.mediaType,
    size: d.size,
    digest: d.digest,
    ...d.annotations ? { annotations: d.annotations } : {}
  });
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      config: desc(config),
      layers: layers.map(desc)
    })
  );
}
function manifestLayers(doc, where) {
  let parsed;
  try {
    parsed = JSON.parse(doc.bytes.toString("utf8"));
  } catch {
    parsed = {};
  }
  if (!Array.isArray(parsed.layers))
    throw new ShipgateError(
      "SIGN",
      `${where}: the tag holds a ${doc.mediaType || "document"} that is not an image manifest`,
      {
        hint: "this tag is reserved for cosign signatures and attestations; delete or rename what is there"
      }
    );
  return parsed.layers;
}
function sameAnnotations(a, b) {
  const x = Object.entries(a ?? {});
  return x.length === Object.keys(b).length && x.every(([k, v]) => b[k] === v);
}
function holdsLayer(layers, digest, annotations) {
  return layers.some((l) => l.digest === digest && sameAnnotations(l.annotations, annotations));
}
async function appendLegacyLayers(client, repository, imageDigest, kind, layers, options = {}) {
  const tag = legacyTag(imageDigest, kind);
  const where = `${client.registry}/${repository}:${tag}`;
  const wanted = layers.map((layer) => ({ layer, digest: digestOf(layer.payload) }));
  const doc = await updateTag(
    client,
    repository,
    tag,
    {
      what: kind === "sig" ? "cosign signatures" : "cosign attestations",
      apply: async (current) => {
        const existing = current ? manifestLayers(current, where) : [];
        const missing = wanted.filter((w) => !holdsLayer(existing, w.digest, w.layer.annotations));
        if (missing.length === 0) return void 0;
        if (existing.length + missing.length > MAX_LAYERS)
          throw new ShipgateError(
            "SIGN",
            `${where}: already ${existing.length} layers, cosign reads at most ${MAX_LAYERS}`
          );
        const all = [...existing];
        for (const { layer } of missing) {
          const added = await client.pushBlob(repository, layer.payload, layer.mediaType);
          all.push({ ...added, annotations: layer.annotations });
        }
        const config = await client.pushBlob(
          repository,
          legacyConfig(all.map((l) => l.digest)),
          MT.ociConfig
        );
        return { bytes: legacyManifest(config, all), mediaType: MT.ociManifest };
      },
      holds: (current) => {
        const held = current ? manifestLayers(current, where) : void 0;
        return held ? wanted.every((w) => holdsLayer(held, w.digest, w.layer.annotations)) : false;
      }
    },
    options
  );
  return wanted.map(({ layer, digest }) => ({
    placement: {
      kind: kind === "sig" ? "legacy-sig" : "legacy-att",
      reference: manifestReference(client.registry, repository, doc.digest),
      digest: doc.digest,
      tag
    },
    repository,
    subject: imageDigest,
    manifest: doc.bytes,
    layers: [{ mediaType: layer.mediaType, digest, data: layer.payload, annotations: layer.annotations }]
  }));
}

// src/sign/read-back.ts
var BUNDLE_MEDIA_TYPE_PREFIX = "application/vnd.dev.sigstore.bundle";
var MAX_REFERRERS = 50;
var MAX_BUNDLE_BYTES = 10 * 1024 * 1024;
function parseManifest(bytes) {
  try {
    const doc = JSON.parse(bytes.toString("utf8"));
    return typeof doc === "object" && doc !== null ? doc : {};
  } catch {
    return {};
  }
}
async function readLayer(client, repository, layer, maxBytes) {
  const what = `${manifestReference(client.registry, repository, layer.digest)}`;
  if (layer.size > maxBytes)
    throw new ShipgateError("VERIFY", `${what}: ${layer.size} bytes is more than the ${maxBytes} read`);
  const bytes = await client.getBlobBytes(repository, layer.digest, maxBytes);
  verifyBytes(bytes, layer.digest, what);
  return bytes;
}
function mayBeBundle(d) {
  return d.artifactType === void 0 || d.artifactType === EMPTY_MEDIA_TYPE || d.artifactType.startsWith(BUNDLE_MEDIA_TYPE_PREFIX);
}
async function fetchBundles(client, repository, imageDigest, limits = {}) {
  const maxCount = limits.maxCount ?? MAX_REFERRERS;
  const maxBytes = limits.maxBytes ?? MAX_BUNDLE_BYTES;
  const where = manifestReference(client.registry, repository, imageDigest);
  const listed = await listReferrers(client, repository, imageDigest);
  let candidates = listed.manifests.filter(mayBeBundle);
  if (candidates.length > maxCount) {
    logger().warn(
      `referrers of ${where}: ${candidates.length} may be bundles; reading the first ${maxCount}`
    );
    candidates = candidates.slice(0, maxCount);
  }
  const out = [];
  for (const d of candidates) {
    const ref = manifestReference(client.registry, repository, d.digest);
    const got = await client.getManifest(repository, d.digest).catch((e) => {
      if (isShipgateError(e) && e.code === "NOT_FOUND") return void 0;
      throw e;
    });
    if (!got) {
      logger().warn(`bundle ${ref}: listed as a referrer but not in the registry; skipped`);
      continue;
    }
    const m = parseManifest(got.bytes);
    const layer = m.layers?.[0];
    if (!m.artifactType?.startsWith(BUNDLE_MEDIA_TYPE_PREFIX) || !layer?.mediaType.startsWith(BUNDLE_MEDIA_TYPE_PREFIX))
      continue;
    if (layer.size > maxBytes) {
      logger().warn(`bundle ${ref}: ${layer.size} bytes; skipped (limit ${maxBytes})`);
      continue;
    }
    const data = await readLayer(client, repository, layer, maxBytes);
    let bundle;
    try {
      bundle = JSON.parse(data.toString("utf8"));
    } catch {
      throw new ShipgateError("VERIFY", `bundle ${ref}: not JSON`);
    }
    if (typeof bundle.mediaType !== "string" || !bundle.mediaType.startsWith(BUNDLE_MEDIA_TYPE_PREFIX))
      throw new ShipgateError("VERIFY", `bundle ${ref}: not a sigstore bundle`);
    out.push({
      bundle,
      bytes: data,
      annotations: m.annotations ?? {},
      placement: {
        kind: listed.via === "api" ? "referrers" : "fallback-tag",
        reference: ref,
        digest: d.digest,
        ...listed.tag ? { tag: listed.tag } : {}
      }
    });
  }
  return out;
}
function sameAnnotations2(a, b) {
  const x = Object.entries(a ?? {});
  const y = b ?? {};
  return x.length === Object.keys(y).length && x.every(([k, v]) => y[k] === v);
}
async function expectThere(what, read) {
  try {
    return await read();
  } catch (e) {
    if (isShipgateError(e) && (e.code === "NOT_FOUND" || e.code === "DIGEST_MISMATCH"))
      throw new ShipgateError("VERIFY", `read back ${what}: ${e.message}`, { cause: e });
    throw e;
  }
}
async function checkLayers(client, s, what) {
  for (const l of s.layers) {
    const data = await expectThere(
      what,
      () => readLayer(
        client,
        s.repository,
        { mediaType: l.mediaType, digest: l.digest, size: l.data.length },
        Infinity
      )
    );
    if (!data.equals(l.data))
      throw new ShipgateError("VERIFY", `read back ${what}: layer ${l.digest} differs from what was written`);
  }
}
async function readBackReferrer(client, s) {
  const p = s.placement;
  const what = p.reference;
  const { bytes } = await expectThere(what, () => client.getManifest(s.repository, p.digest));
  if (!bytes.equals(s.manifest))
    throw new ShipgateError(
      "VERIFY",
      `read back ${what}: the registry serves another manifest than was written`
    );
  await checkLayers(client, s, what);
  let listed;
  if (p.kind === "referrers") {
    const got = await listReferrers(client, s.repository, s.subject);
    if (got.via !== "api")
      throw new ShipgateError("VERIFY", `read back ${what}: the registry no longer serves the referrers API`);
    listed = got.manifests;
  } else {
    const doc = await readTagged(client, s.repository, p.tag ?? "");
    listed = doc && parseIndex(doc.bytes)?.manifests || [];
  }
  const entry = listed.find((m) => m.digest === p.digest);
  if (!entry)
    throw new ShipgateError(
      "VERIFY",
      `read back ${what}: not listed among the referrers of ${s.subject}${p.tag ? ` (index tag ${p.tag})` : ""}`,
      { hint: "another writer may have replaced the index; store the signatures again" }
    );
  if (entry.artifactType !== s.artifactType || !sameAnnotations2(entry.annotations, s.annotations))
    throw new ShipgateError(
      "VERIFY",
      `read back ${what}: the referrers listing shows another artifactType or annotations than were written`
    );
  return p;
}
async function readBackLegacy(client, s) {
  const p = s.placement;
  const where = `${client.registry}/${s.repository}:${p.tag ?? ""}`;
  const doc = await readTagged(client, s.repository, p.tag ?? "");
  if (!doc) throw new ShipgateError("VERIFY", `read back ${where}: the tag does not exist`);
  const layers = manifestLayers(doc, where);
  for (const l of s.layers)
    if (!holdsLayer(layers, l.digest, l.annotations ?? {}))
      throw new ShipgateError("VERIFY", `read back ${where}: layer ${l.digest} is not there as written`, {
        hint: "another writer may have replaced the tag; store the signatures again"
      });
  await checkLayers(client, s, where);
  return {
    ...p,
    digest: doc.digest,
    reference: manifestReference(client.registry, s.repository, doc.digest)
  };
}
async function readBack(client, stored) {
  const out = [];
  for (const s of stored)
    out.push(
      s.placement.kind === "legacy-sig" || s.placement.kind === "legacy-att" ? await readBackLegacy(client, s) : await readBackReferrer(client, s)
    );
  return out;
}

export {
  parseIndex,
  subjectDescriptor,
  attachArtifacts,
  manifestReference,
  simpleSigningPayload,
  legacySignatureLayer,
  statementPredicateType,
  legacyAttestationLayer,
  appendLegacyLayers,
  fetchBundles,
  readBack
};
