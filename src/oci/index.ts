/** The OCI layer: image references, digests, media types, platforms, HTTP with retry, the registry client and copy. */
export { RegistryClient, referrersTag } from './client';
export { isLoopback, realmAccess } from './origin';
export type { RegistryClientOptions, Descriptor } from './client';
export { findCredentials, runCredentialHelper, dockerConfigPath, configKeys } from './credentials';
export type { Credentials } from './credentials';
export { parseChallenge } from './challenge';
export { retryAfterMs, backoffMs, withRetries, DEFAULT_RETRY } from './retry';
export type { RetryPolicy, Attempt, RetryOptions } from './retry';
export { fetchWithRetry, isRetryableStatus } from './http';
export type { HttpOptions, GiveUp } from './http';
export {
  parseImageRef,
  parseRegistryRef,
  parseReference,
  splitReference,
  familiarName,
  withoutTransport,
  repositoryName,
  formatRegistryRef,
  DOCKER_HUB,
  DOCKER_HUB_API,
} from './ref';
export type { ImageRef, RegistryRef, Reference, ReferenceParts } from './ref';
export {
  parseAllowEntry,
  registryAllowed,
  imageAllowed,
  normalizedNameRegExp,
  imageReferenceRegExp,
} from './allow-list';
export type { AllowEntry } from './allow-list';
export { parseDigest, isDigest, digestOf, verifyBytes, DigestVerifier } from './digest';
export { MT, MANIFEST_ACCEPT, INDEX_TYPES, MANIFEST_TYPES, isLayerMediaType } from './media-types';
