#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/core/predicates.ts
var APPROVAL_PREDICATE_TYPE = "https://shipgate.dev/attestation/approval/v1";
function isPredicateTypeUri(s) {
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(s);
}

// src/sign/types.ts
var PREDICATE = {
  /** The image signature, as cosign v3 signs images: a DSSE statement about the digest. */
  signature: "https://sigstore.dev/cosign/sign/v1",
  slsa: "https://slsa.dev/provenance/v1",
  cyclonedx: "https://cyclonedx.org/bom",
  vuln: "https://cosign.sigstore.dev/attestation/vuln/v1",
  /** shipgate's approval (schemas/approval-v1.schema.json, docs/signing.md). */
  approval: APPROVAL_PREDICATE_TYPE
};
var NAMED = ["slsa", "cyclonedx", "vuln", "approval"];
function predicateTypeOf(name) {
  if (NAMED.includes(name)) return PREDICATE[name];
  return isPredicateTypeUri(name) ? name : void 0;
}
var IN_TOTO_STATEMENT_V1 = "https://in-toto.io/Statement/v1";
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var BUNDLE_V03_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

export {
  APPROVAL_PREDICATE_TYPE,
  isPredicateTypeUri,
  PREDICATE,
  predicateTypeOf,
  IN_TOTO_STATEMENT_V1,
  IN_TOTO_PAYLOAD_TYPE,
  BUNDLE_V03_MEDIA_TYPE
};
