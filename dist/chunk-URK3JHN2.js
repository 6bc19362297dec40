#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  explicitIdentity,
  githubIdentity,
  gitlabIdentity
} from "./chunk-KPJ2ELJZ.js";
import {
  PREDICATE,
  fetchBundles,
  loadTrustMaterial,
  verifyBundles
} from "./chunk-EE3G6NEX.js";
import "./chunk-TKPGPKVO.js";
import "./chunk-ANKGLQNW.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-A3P3JPWH.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-U65Y67VX.js";
import {
  bool,
  list,
  parseCommand,
  str
} from "./chunk-LYRF6LE5.js";
import {
  RegistryClient
} from "./chunk-XWGNLJ2M.js";
import "./chunk-OSPBQAJB.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-3BWA7Y3J.js";
import {
  parseImageRef
} from "./chunk-3NAJZOGZ.js";
import "./chunk-VS4DLFWA.js";
import "./chunk-KPO3MDM2.js";
import "./chunk-CBPPCJ6P.js";
import "./chunk-NQRDU5S6.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-YH6AYXDN.js";
import "./chunk-6INDVNBY.js";
import {
  logger
} from "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/cli/commands/verify.ts
import { writeFileSync } from "node:fs";
var HELP = `Usage: shipgate verify IMAGE SIGNER [options]

Fetches the sigstore bundles attached to IMAGE's manifest digest (OCI referrers, or the sha256-<hex> tag) and
verifies them: signature, certificate chain and transparency-log inclusion or timestamp against the trusted
root; that each statement's subject IS this digest; the signer, matched exactly or by an anchored pattern;
the required predicates; and shipgate's approval (approved, not forced). Says which check failed; exit 1.

Arguments:
  IMAGE                       a registry reference; a tag is resolved to its digest first (printed)

Signer, one of:
      --github-repository O/R GitHub Actions in OWNER/REPO (issuer https://token.actions.githubusercontent.com)
        --workflow FILE       only this workflow, e.g. .github/workflows/release.yml
      --gitlab-project G/P    GitLab CI in GROUP/PROJECT
        --gitlab-server URL   GitLab instance, the issuer (default https://gitlab.com)
        --gitlab-ci-config P  CI configuration path (default .gitlab-ci.yml)
      --ref REF               only this ref, e.g. refs/heads/main (default any branch or tag)
      --ref-pattern RE        only refs matching RE (anchored for you)
      --certificate-oidc-issuer URL
                              any other issuer, with --certificate-identity SAN (exact) or
                              --certificate-identity-regexp RE (anchored: ^(?:RE)$)
      --key PUBLIC.pem        key-based signatures by this public key (repeatable)

Checks:
      --require-predicate T   also require a verified statement of this type: slsa, cyclonedx, vuln, approval
                              or a predicate type URI (repeatable); the signature is always required
      --no-require-approval   do not require shipgate's approval attestation (required by default)
      --allow-forced          accept an approval signed with --force (approved: false, forced: true)
      --max-age DURATION      refuse signatures older than this, e.g. 30d, 12h
      --certificate-extension NAME=VALUE
                              keyless: a Fulcio certificate extension must have exactly this value, e.g.
                              runnerEnvironment=github-hosted, sourceRepositoryRef=refs/heads/main (repeatable)
      --allow-unwitnessed-key key-based bundles without transparency log or timestamp (air-gapped signing)

Trust:
      --trusted-root FILE     a sigstore trusted root JSON (private sigstore); default: the public-good root,
                              fetched and verified through TUF
      --tuf-mirror-url URL    another TUF mirror for the trusted root
  -o, --output FILE           write the verification report as JSON
`;
var OPTIONS = {
  "github-repository": { type: "string" },
  workflow: { type: "string" },
  "gitlab-project": { type: "string" },
  "gitlab-server": { type: "string" },
  "gitlab-ci-config": { type: "string" },
  ref: { type: "string" },
  "ref-pattern": { type: "string" },
  "certificate-oidc-issuer": { type: "string" },
  "certificate-identity": { type: "string" },
  "certificate-identity-regexp": { type: "string" },
  key: { type: "string", multiple: true },
  "require-predicate": { type: "string", multiple: true },
  "no-require-approval": { type: "boolean" },
  "allow-forced": { type: "boolean" },
  "max-age": { type: "string" },
  "certificate-extension": { type: "string", multiple: true },
  "allow-unwitnessed-key": { type: "boolean" },
  "trusted-root": { type: "string" },
  "tuf-mirror-url": { type: "string" },
  output: { type: "string", short: "o" }
};
function usage(message, hint) {
  return new ShipgateError("USAGE", `verify: ${message}`, hint === void 0 ? {} : { hint });
}
function identity(p) {
  const ref = str(p, "ref");
  const refPattern = str(p, "ref-pattern");
  const refs = { ...ref !== void 0 && { ref }, ...refPattern !== void 0 && { refPattern } };
  const github = str(p, "github-repository");
  const gitlab = str(p, "gitlab-project");
  const issuer = str(p, "certificate-oidc-issuer");
  const given = [github, gitlab, issuer].filter((v) => v !== void 0).length;
  if (given > 1)
    throw usage("give one of --github-repository, --gitlab-project and --certificate-oidc-issuer");
  if (github !== void 0) {
    const workflow = str(p, "workflow");
    return githubIdentity({ repository: github, ...workflow !== void 0 && { workflow }, ...refs });
  }
  if (gitlab !== void 0) {
    const server = str(p, "gitlab-server");
    const ciConfig = str(p, "gitlab-ci-config");
    return gitlabIdentity({
      project: gitlab,
      ...server !== void 0 && { server },
      ...ciConfig !== void 0 && { ciConfig },
      ...refs
    });
  }
  if (issuer !== void 0) {
    const subject = str(p, "certificate-identity");
    const pattern = str(p, "certificate-identity-regexp");
    if (subject === void 0 === (pattern === void 0))
      throw usage(
        "--certificate-oidc-issuer needs one of --certificate-identity and --certificate-identity-regexp"
      );
    return explicitIdentity({
      issuer,
      ...subject !== void 0 ? { subject } : { subjectRegExp: `^(?:${pattern})$` }
    });
  }
  return void 0;
}
var NAMES = {
  slsa: "slsa",
  cyclonedx: "cyclonedx",
  vuln: "vuln",
  approval: "approval"
};
function predicateType(name) {
  const short = NAMES[name];
  if (short) return PREDICATE[short];
  if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(name)) return name;
  throw usage(`--require-predicate: "${name}" is neither slsa, cyclonedx, vuln, approval nor a URI`);
}
function maxAge(text) {
  const m = /^(\d+)([dhms])$/.exec(text.trim());
  if (!m) throw usage(`--max-age: invalid duration "${text}"`, "e.g. 30d, 12h, 90m");
  return Number(m[1]) * { d: 86400, h: 3600, m: 60, s: 1 }[m[2]];
}
function extensions(p) {
  const pairs = list(p, "certificate-extension");
  if (!pairs.length) return void 0;
  const out = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw usage(`--certificate-extension: "${pair}" is not NAME=VALUE`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}
function summary(report) {
  const lines = report.verified.map((v) => {
    const who = v.signer.kind === "key" ? `key ${v.signer.hint}` : `${v.signer.subject} (${v.signer.issuer})`;
    return `verified ${v.predicateType} by ${who}${v.time ? ` at ${v.time}` : ""}`;
  });
  for (const r of report.rejected) lines.push(`rejected ${r.predicateType ?? "a bundle"}: ${r.reason}`);
  return lines;
}
async function run(argv) {
  const p = parseCommand("verify", argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  const [image, extra] = p.positionals;
  if (!image || extra !== void 0)
    throw usage("give exactly one IMAGE", "e.g. shipgate verify ghcr.io/acme/app@sha256:...");
  const ref = parseImageRef(image);
  if (ref.transport !== "registry") throw usage(`${image} is not a registry reference`);
  const expectedIdentity = identity(p);
  const keys = list(p, "key");
  if (!expectedIdentity && keys.length === 0)
    throw usage(
      "no signer given",
      "use --github-repository, --gitlab-project, --certificate-oidc-issuer, or --key"
    );
  const required = list(p, "require-predicate").map(predicateType);
  const approvalRequired = !bool(p, "no-require-approval");
  const expect = {
    image: { digest: "", repository: `${ref.registry}/${ref.repository}` },
    ...expectedIdentity ? { identity: expectedIdentity } : {},
    ...keys.length ? { keys: true } : {},
    requiredPredicates: [PREDICATE.signature, ...approvalRequired ? [PREDICATE.approval] : [], ...required],
    approval: { required: approvalRequired, ...bool(p, "allow-forced") ? { allowForced: true } : {} },
    ...str(p, "max-age") !== void 0 ? { maxAgeSeconds: maxAge(str(p, "max-age")) } : {},
    ...extensions(p) ? { certificate: extensions(p) } : {},
    ...bool(p, "allow-unwitnessed-key") ? { allowUnwitnessedKeyBundles: true } : {}
  };
  const trustedRoot = str(p, "trusted-root");
  const mirror = str(p, "tuf-mirror-url");
  const trust = await loadTrustMaterial({
    ...trustedRoot !== void 0 ? { trustedRoot } : {},
    ...mirror !== void 0 ? { tufMirrorUrl: mirror } : {},
    ...keys.length ? { publicKeys: keys } : {},
    ...keys.length && !expectedIdentity && trustedRoot === void 0 && bool(p, "allow-unwitnessed-key") ? { keysOnly: true } : {}
  });
  const client = new RegistryClient({ registry: ref.registry });
  let digest = ref.digest;
  if (!digest) {
    const head = await client.headManifest(ref.repository, ref.tag ?? "latest");
    if (!head?.digest)
      throw new ShipgateError("NOT_FOUND", `${image}: no such manifest`, {
        hint: "check the tag, or give the digest"
      });
    digest = head.digest;
    logger().info(
      `${image} is ${ref.registry}/${ref.repository}@${digest} (verifying the digest, not the tag)`
    );
  }
  expect.image.digest = digest;
  const fetched = await fetchBundles(client, ref.repository, digest);
  logger().info(`${fetched.length} sigstore bundle${fetched.length === 1 ? "" : "s"} attached to ${digest}`);
  const output = str(p, "output");
  let report;
  try {
    report = verifyBundles(
      fetched.map((f) => f.bundle),
      trust,
      expect
    );
  } catch (e) {
    const partial = e.report;
    if (partial) for (const line of summary(partial)) logger().info(line);
    if (output)
      writeFileSync(
        output,
        `${JSON.stringify({ verified: false, digest, error: e.message, report: partial ?? null }, null, 2)}
`
      );
    throw e;
  }
  for (const line of summary(report)) logger().info(line);
  if (output) writeFileSync(output, `${JSON.stringify({ verified: true, digest, report }, null, 2)}
`);
  process.stdout.write(`verified ${ref.registry}/${ref.repository}@${digest}
`);
  return EXIT.OK;
}
export {
  run
};
