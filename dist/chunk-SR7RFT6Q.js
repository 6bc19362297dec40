#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import "./chunk-RDSG7OM2.js";
import {
  BUILT_IN_POLICY,
  GITHUB_BUILD_TYPE,
  GITLAB_BUILD_TYPE,
  LOCAL_BUILD_TYPE,
  OSV_DB,
  PUBLIC_GOOD,
  SIGSTORE_AUDIENCE,
  buildStatements,
  createSigner,
  identityProvider,
  keySigner,
  slsaProvenance
} from "./chunk-FWJBRM4H.js";
import {
  BUNDLE_SUFFIX,
  signFile,
  signMessage,
  signStatement,
  verifyFile
} from "./chunk-T3P2ZWWB.js";
import "./chunk-OZR5VCAC.js";
import {
  FULCIO_OIDS,
  VerificationFailed,
  fileStatement,
  generateKeyPair,
  imageStatement,
  keyHint,
  loadSigningKey,
  loadTrustMaterial,
  parseTrustedRoot,
  readSigningKey,
  tufCacheDir,
  verifyBundles
} from "./chunk-A3MHOZUM.js";
import "./chunk-3FWVJDO7.js";
import {
  BUNDLE_V03_MEDIA_TYPE,
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_V1,
  PREDICATE,
  predicateTypeOf
} from "./chunk-LPHRMR6J.js";
import "./chunk-VZR4YNCM.js";
import "./chunk-ENAC3JU5.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-U65Y67VX.js";
import "./chunk-YGEM47PD.js";
import "./chunk-W7U6HLX4.js";
import "./chunk-3QODUBSV.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-Y4CQZHBA.js";
import "./chunk-NQRDU5S6.js";
import "./chunk-6QO4RSHM.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";
export {
  BUILT_IN_POLICY,
  BUNDLE_SUFFIX,
  BUNDLE_V03_MEDIA_TYPE,
  FULCIO_OIDS,
  GITHUB_BUILD_TYPE,
  GITLAB_BUILD_TYPE,
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_V1,
  LOCAL_BUILD_TYPE,
  OSV_DB,
  PREDICATE,
  PUBLIC_GOOD,
  SIGSTORE_AUDIENCE,
  VerificationFailed,
  buildStatements,
  createSigner,
  fileStatement,
  generateKeyPair,
  identityProvider,
  imageStatement,
  keyHint,
  keySigner,
  loadSigningKey,
  loadTrustMaterial,
  parseTrustedRoot,
  predicateTypeOf,
  readSigningKey,
  signFile,
  signMessage,
  signStatement,
  slsaProvenance,
  tufCacheDir,
  verifyBundles,
  verifyFile
};
