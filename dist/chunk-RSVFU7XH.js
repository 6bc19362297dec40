#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  appendLegacyLayers,
  attachArtifacts,
  legacyAttestationLayer,
  legacySignatureLayer,
  manifestReference,
  readBack,
  simpleSigningPayload,
  statementPredicateType,
  subjectDescriptor
} from "./chunk-PDDR2B3M.js";
import {
  helpSection,
  tableSpec
} from "./chunk-63NLDXJT.js";
import {
  bool,
  list,
  oneOf,
  str
} from "./chunk-N7PLTF7E.js";
import {
  blockingReasonsLine
} from "./chunk-MEPUX6SS.js";
import {
  BUNDLE_V03_MEDIA_TYPE,
  PREDICATE
} from "./chunk-LPHRMR6J.js";
import {
  RegistryClient
} from "./chunk-ICL5DW5G.js";
import {
  mapConcurrent
} from "./chunk-SCYKMJJI.js";
import {
  digestOf,
  parseImageRef
} from "./chunk-6FSLFHTN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";

// src/pipeline/sign.ts
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";

// src/sign/store.ts
var BUNDLE_ANNOTATION = {
  content: "dev.sigstore.bundle.content",
  predicateType: "dev.sigstore.bundle.predicateType",
  created: "org.opencontainers.image.created"
};
function bundleAnnotations(bundle, now = /* @__PURE__ */ new Date()) {
  if (bundle.mediaType !== BUNDLE_V03_MEDIA_TYPE)
    throw new ShipgateError(
      "SIGN",
      `store bundle: a ${bundle.mediaType || "bundle without media type"} is not read from registries; v0.3 is`,
      { hint: "cosign and gh read only v0.3 bundles from registries; sign with a v0.3 bundle" }
    );
  const created = `${now.toISOString().slice(0, 19)}Z`;
  if (bundle.dsseEnvelope) {
    const predicateType = statementPredicateType(bundle);
    return {
      [BUNDLE_ANNOTATION.content]: "dsse-envelope",
      ...predicateType ? { [BUNDLE_ANNOTATION.predicateType]: predicateType } : {},
      [BUNDLE_ANNOTATION.created]: created
    };
  }
  if (bundle.messageSignature)
    return { [BUNDLE_ANNOTATION.content]: "message-signature", [BUNDLE_ANNOTATION.created]: created };
  throw new ShipgateError(
    "SIGN",
    "store bundle: the bundle has neither a DSSE envelope nor a message signature"
  );
}
async function attachBundles(client, repository, imageDigest, bundles, options = {}) {
  const prepared = bundles.map((bundle) => ({
    annotations: bundleAnnotations(bundle, options.now),
    data: Buffer.from(JSON.stringify(bundle))
  }));
  const subject = await subjectDescriptor(client, repository, imageDigest);
  const attached = await attachArtifacts(
    client,
    repository,
    subject,
    prepared.map(({ annotations, data }) => ({
      artifactType: BUNDLE_V03_MEDIA_TYPE,
      layers: [{ mediaType: BUNDLE_V03_MEDIA_TYPE, data }],
      annotations
    })),
    options
  );
  return attached.map(({ descriptor, manifest, via, tag }, i) => {
    const { annotations, data } = prepared[i];
    return {
      placement: {
        kind: via === "api" ? "referrers" : "fallback-tag",
        reference: manifestReference(client.registry, repository, descriptor.digest),
        digest: descriptor.digest,
        ...tag ? { tag } : {}
      },
      repository,
      subject: imageDigest,
      manifest,
      layers: [{ mediaType: BUNDLE_V03_MEDIA_TYPE, digest: digestOf(data), data }],
      artifactType: BUNDLE_V03_MEDIA_TYPE,
      annotations
    };
  });
}
async function storeSignatures(client, repository, imageDigest, input, options = {}) {
  const legacy = input.legacy !== false;
  const reference = input.reference ?? `${client.registry}/${repository}`;
  const signatureLayers = legacy && input.legacySignature ? [legacySignatureLayer(input.legacySignature, simpleSigningPayload(reference, imageDigest))] : [];
  const attestationLayers = legacy ? input.bundles.filter((b) => {
    const predicateType = b.dsseEnvelope ? statementPredicateType(b) : void 0;
    return predicateType !== void 0 && predicateType !== PREDICATE.signature;
  }).map(legacyAttestationLayer) : [];
  const [referrers, signatures, attestations2] = await Promise.all([
    attachBundles(client, repository, imageDigest, input.bundles, options),
    signatureLayers.length ? appendLegacyLayers(client, repository, imageDigest, "sig", signatureLayers, options) : [],
    attestationLayers.length ? appendLegacyLayers(client, repository, imageDigest, "att", attestationLayers, options) : []
  ]);
  return [...referrers, ...signatures, ...attestations2];
}

// src/pipeline/sign.ts
var signingStack = () => import("./chunk-SR7RFT6Q.js");
var SIGNING_CONCURRENCY = 4;
var DEFAULT_ATTESTATIONS = ["slsa", "cyclonedx", "vuln", "approval"];
function refused(message, hint) {
  return new ShipgateError("GUARD", `signing refused: ${message}`, { hint });
}
function policyFile(result, repoRoot) {
  const source = result.decision?.policy;
  if (!source || source === "default policy") return void 0;
  const path = isAbsolute(source) ? source : join(repoRoot, source);
  try {
    return { path: source, sha256: createHash("sha256").update(readFileSync(path)).digest("hex") };
  } catch (e) {
    throw new ShipgateError("SIGN", `cannot read the policy file ${source} to record its digest`, {
      cause: e
    });
  }
}
function checkSignable(result, target, force = false) {
  const scanned = result.image;
  if (!scanned)
    throw refused(
      "no image was scanned in this run",
      "sign the image the scan opens: give it to scan with --sign"
    );
  if (scanned.configDigest !== target.configDigest || target.origin === "scanned" && scanned.digest !== target.digest)
    throw refused(`${target.digest} is not the image this run scanned`, "sign the digest the scan printed");
  return forcedSignature(result.decision, force);
}
function forcedSignature(decision, force) {
  if (!decision) throw refused("the scan has no decision", "run the scan with a policy");
  if (decision.approved) return false;
  if (!force)
    throw refused(
      `the image is not approved: ${blockingReasonsLine(decision)}`,
      "fix the findings or adjust the policy; --force signs anyway and records the signature as forced"
    );
  logger().warn(
    `signing an image the policy refused (--force): the approval attestation records forced: true`
  );
  return true;
}
async function signImage(target, result, options) {
  const forced = checkSignable(result, target, options.force);
  return signDigest(target, result, forced, options, options.attestations ?? DEFAULT_ATTESTATIONS);
}
async function signDigest(target, result, forced, options, requested) {
  const log = logger();
  const env = options.env ?? process.env;
  const name = `${target.client.registry}/${target.repository}`;
  const reference = `${name}@${target.digest}`;
  const attestations2 = [...new Set(requested)].filter((a) => a !== "signature");
  const predicates = ["signature", ...attestations2];
  const policy = policyFile(result, options.repoRoot);
  const { buildStatements, createSigner, signMessage, signStatement } = await signingStack();
  const statements = buildStatements({
    image: { repository: name, digest: target.digest },
    result,
    predicates,
    approval: { ...policy ? { policyFile: policy } : {}, ...options.force ? { force: true } : {} },
    ...options.localProvenance ? { provenance: { local: true } } : {},
    ...options.sbom !== void 0 ? { sbom: options.sbom } : {},
    env
  });
  const signer = await createSigner(options.signing, env);
  log.info(
    `signing ${reference} (${signer.kind === "key" ? `key ${signer.publicKey?.hint ?? ""}` : "keyless"}): signature and ${attestations2.join(", ") || "no attestations"}`
  );
  const legacy = options.legacy !== false;
  const [bundles, legacySignature] = await Promise.all([
    mapConcurrent(statements, SIGNING_CONCURRENCY, (s) => signStatement(s, signer)),
    legacy ? signMessage(simpleSigningPayload(name, target.digest), signer) : void 0
  ]);
  const stored = await log.step(
    `storing ${bundles.length} bundles next to ${reference}`,
    () => storeSignatures(target.client, target.repository, target.digest, {
      bundles,
      reference: name,
      legacy,
      ...legacySignature ? { legacySignature } : {}
    })
  );
  const placements = await log.step("reading back what was stored", () => readBack(target.client, stored));
  const artifacts = statements.map((s) => ({
    predicateType: s.predicateType,
    placements: []
  }));
  stored.forEach((s, i) => {
    const placement = placements[i];
    const predicateType = s.placement.kind === "legacy-sig" ? PREDICATE.signature : s.placement.kind === "legacy-att" ? s.layers[0]?.annotations?.predicateType : s.annotations?.["dev.sigstore.bundle.predicateType"];
    const artifact = artifacts.find((a) => a.predicateType === predicateType);
    if (artifact) artifact.placements.push(placement);
  });
  for (const a of artifacts)
    log.info(`${a.predicateType}: ${a.placements.map((p) => `${p.kind} ${p.tag ?? p.digest}`).join(", ")}`);
  return { reference, digest: target.digest, forced, signer: signer.kind, artifacts, placements };
}
var INDEX_ATTESTATIONS = /* @__PURE__ */ new Set(["slsa", "approval"]);
function indexResult(target, result) {
  const index = result.index;
  if (!index) throw refused("the scan did not scan every platform of the index", "run it without --platform");
  const { platforms } = target;
  const mismatch = platforms.length !== index.platforms.length || platforms.some(
    (p, i) => p.target.configDigest !== index.platforms[i].configDigest || p.result.image?.configDigest !== p.target.configDigest || p.target.origin === "scanned" && p.target.digest !== index.platforms[i].digest
  ) || target.index.origin === "scanned" && target.index.digest !== index.digest;
  if (mismatch)
    throw refused(
      `${target.index.digest} is not the index this run scanned`,
      "sign the digest the scan printed"
    );
  return {
    ...result,
    index: {
      ...index,
      digest: target.index.digest,
      platforms: index.platforms.map((p, i) => ({ ...p, digest: platforms[i].target.digest }))
    }
  };
}
async function signIndex(target, result, options) {
  const combined = indexResult(target, result);
  const refusedPlatforms = combined.index.platforms.filter((p) => !p.decision.approved);
  if (refusedPlatforms.length && !options.force)
    throw refused(
      `not every platform is approved: ${refusedPlatforms.map((p) => `${p.platform} (${p.digest}): ${blockingReasonsLine(p.decision)}`).join("; ")}`,
      "fix the findings of those platforms or adjust the policy; nothing was signed"
    );
  const forced = forcedSignature(combined.decision, options.force === true);
  const { sbom: _sbom, ...perPlatform } = options;
  const signed = [];
  for (const [i, p] of target.platforms.entries())
    signed.push({
      ...await signImage(p.target, p.result, perPlatform),
      platform: combined.index.platforms[i].platform
    });
  const requested = (options.attestations ?? DEFAULT_ATTESTATIONS).filter((a) => INDEX_ATTESTATIONS.has(a));
  const index = await signDigest(target.index, combined, forced, perPlatform, requested);
  return { index, platforms: signed };
}
async function attestImage(target, predicateType, predicate, options) {
  if (predicateType === PREDICATE.approval || predicateType === PREDICATE.signature)
    throw new ShipgateError("USAGE", `attest: ${predicateType} is written only by a scan in the same run`, {
      hint: 'use "shipgate sign IMAGE", which scans the image and attests its approval'
    });
  const name = `${target.client.registry}/${target.repository}`;
  const reference = `${name}@${target.digest}`;
  const { createSigner, imageStatement, signStatement } = await signingStack();
  const statement = imageStatement({ repository: name, digest: target.digest }, predicateType, predicate);
  const signer = await createSigner(options.signing, options.env ?? process.env);
  const bundle = await signStatement(statement, signer);
  const stored = await storeSignatures(target.client, target.repository, target.digest, {
    bundles: [bundle],
    reference: name,
    legacy: options.legacy !== false
  });
  const placements = await readBack(target.client, stored);
  logger().info(`${predicateType}: ${placements.map((p) => `${p.kind} ${p.tag ?? p.digest}`).join(", ")}`);
  return {
    reference,
    digest: target.digest,
    forced: false,
    signer: signer.kind,
    artifacts: [{ predicateType, placements }],
    placements
  };
}
function pushedTarget(c) {
  return {
    client: c.client,
    repository: c.repository,
    digest: c.digest,
    configDigest: c.configDigest,
    origin: "pushed"
  };
}
function pushedIndexTarget(c) {
  const at = { client: c.client, repository: c.repository, origin: "pushed" };
  return {
    index: { ...at, digest: c.digest },
    platforms: c.platforms.map((p) => ({
      target: { ...at, digest: p.digest, configDigest: p.configDigest },
      result: p.result
    }))
  };
}
function signableRegistryImage(image, what) {
  const ref = image === void 0 ? void 0 : parseImageRef(image);
  if (ref?.transport !== "registry")
    throw new ShipgateError(
      "USAGE",
      `${what}: ${image ?? "no image"} is not in a registry, so there is nowhere to attach a signature`,
      {
        hint: 'push it with "shipgate push --sign IMAGE DEST" (action: the push input), which signs the digest it pushes'
      }
    );
  return ref;
}
function scannedTarget(ref, result, env) {
  const scanned = result.image;
  if (!scanned?.digest || !scanned.configDigest)
    throw new ShipgateError(
      "SIGN",
      `the registry gave no manifest digest for ${ref.registry}/${ref.repository}`
    );
  return {
    client: new RegistryClient({ registry: ref.registry, ...env ? { env } : {} }),
    repository: ref.repository,
    digest: scanned.digest,
    configDigest: scanned.configDigest,
    origin: "scanned"
  };
}
function scannedIndexTarget(ref, scan, env) {
  const client = new RegistryClient({ registry: ref.registry, ...env ? { env } : {} });
  const at = { client, repository: ref.repository, origin: "scanned" };
  return {
    index: { ...at, digest: scan.index.digest },
    platforms: scan.platforms.map((p) => ({
      target: { ...at, digest: p.digest, configDigest: p.image.info.configDigest },
      result: p.result
    }))
  };
}

// src/cli/signing-flags.ts
var SIGNING_OPTIONS = tableSpec("push", "Signing");
var SIGNING_HELP = `Signing (sigstore; see docs/signing.md):
${helpSection("push", "Signing")}`;
var SIGNER_OPTIONS = tableSpec("sign-blob", "Signing");
var SIGNER_HELP = helpSection("sign-blob", "Signing");
function attestations(p) {
  const names = list(p, "attest");
  if (names.length === 0) return [...DEFAULT_ATTESTATIONS];
  if (names.length === 1 && names[0] === "none") return [];
  for (const n of names)
    if (!DEFAULT_ATTESTATIONS.includes(n))
      throw new ShipgateError("USAGE", `--attest: unknown attestation "${n}"`, {
        hint: `use a comma list of ${DEFAULT_ATTESTATIONS.join(", ")}, or none`
      });
  return names;
}
function signingConfig(p) {
  const config = {};
  const key = str(p, "key");
  if (key !== void 0) config.key = key;
  const passphrase = str(p, "key-passphrase-env");
  if (passphrase !== void 0) config.keyPassphraseEnv = passphrase;
  const tokenEnv = str(p, "identity-token-env");
  const tokenFile = str(p, "identity-token-file");
  if (tokenEnv !== void 0 && tokenFile !== void 0)
    throw new ShipgateError("USAGE", "--identity-token-env and --identity-token-file exclude each other");
  if (tokenEnv !== void 0) config.identityToken = { kind: "env", name: tokenEnv };
  if (tokenFile !== void 0) config.identityToken = { kind: "file", path: tokenFile };
  for (const [flag, field] of [
    ["fulcio-url", "fulcioUrl"],
    ["rekor-url", "rekorUrl"],
    ["tsa-url", "tsaUrl"]
  ]) {
    const v = str(p, flag);
    if (v !== void 0) config[field] = v;
  }
  if (str(p, "rekor-entry-type") !== void 0)
    config.rekorEntryType = oneOf(p, "rekor-entry-type", ["dsse", "intoto"], "dsse");
  if (bool(p, "no-tlog")) config.tlog = false;
  return config;
}
function signOptions(p, repoRoot, force = false) {
  return {
    signing: signingConfig(p),
    attestations: attestations(p),
    legacy: !bool(p, "no-legacy-signatures"),
    ...bool(p, "local-provenance") ? { localProvenance: true } : {},
    ...force ? { force: true } : {},
    repoRoot
  };
}

export {
  signImage,
  signIndex,
  attestImage,
  pushedTarget,
  pushedIndexTarget,
  signableRegistryImage,
  scannedTarget,
  scannedIndexTarget,
  SIGNING_OPTIONS,
  SIGNING_HELP,
  SIGNER_OPTIONS,
  SIGNER_HELP,
  signingConfig,
  signOptions
};
