/**
 * The public API of signing and verification, for the CLI, the action and the pipeline.
 *
 * Signing an image:
 * ```ts
 * const statements = buildStatements({ image: { repository, digest }, result, predicates: ['signature', 'approval'] });
 * const signer = await createSigner({ key: 'cosign.key', keyPassphraseEnv: 'KEY_PASSWORD' }); // or {} for keyless
 * const bundles = await Promise.all(statements.map((s) => signStatement(s, signer)));
 * ```
 * Verifying what is stored for an image:
 * ```ts
 * const trust = await loadTrustMaterial({});  // public-good root through TUF
 * const report = verifyBundles(bundles, trust, { image: { digest }, identity: githubIdentity({ repository }) });
 * ```
 * Signing a file (a release asset) writes FILE.sigstore.json next to it; verifying reads it back:
 * ```ts
 * await signFile('app.tgz', 'app.tgz.sigstore.json', PREDICATE.slsa, slsaProvenance({}), signer);
 * const { report } = await verifyFile('app.tgz', 'app.tgz.sigstore.json', trust, { identity, requiredPredicates });
 * ```
 * Registry storage (referrers, fallback tag, cosign legacy tags) lives next to this in store.ts.
 */
export { buildStatements, OSV_DB, type StatementsInput } from './statements';
export { imageStatement, fileStatement, type ImageSubject, type FileSubject } from './statement';
export { BUNDLE_SUFFIX, signFile, verifyFile, type SignedFile, type VerifiedFile } from './blob';
export { createSigner, keySigner, PUBLIC_GOOD, type ShipgateSigner, type SigningConfig } from './signer';
export { identityProvider, SIGSTORE_AUDIENCE, type IdentityTokenSource } from './identity-token';
export {
  generateKeyPair,
  loadSigningKey,
  readSigningKey,
  keyHint,
  type GeneratedKeyPair,
  type KeyAlgorithm,
  type SigningKey,
} from './keys';
export { signMessage, signStatement } from './bundle';
export {
  loadTrustMaterial,
  parseTrustedRoot,
  tufCacheDir,
  type LoadedTrust,
  type TrustConfig,
} from './trust';
export {
  verifyBundles,
  VerificationFailed,
  type VerifyFailure,
  type RejectedBundle,
  type VerifiedSigner,
  type VerifiedStatement,
  type VerifyExpectations,
  type VerifyReport,
} from './verify';
export { FULCIO_OIDS, type FulcioExtensions } from './certificate';
export { BUILT_IN_POLICY, type ApprovalPredicate } from './predicates/approval';
export {
  type ResourceDescriptor,
  type SlsaProvenance,
  slsaProvenance,
  GITHUB_BUILD_TYPE,
  GITLAB_BUILD_TYPE,
  LOCAL_BUILD_TYPE,
} from './predicates/slsa';
export type { VulnDbInfo } from './predicates/scan-facts';
export type { VulnPredicate } from './predicates/vuln';
