/** Signing and verification with sigstore: statements, keyless and key signers, registry storage, verify. */
export * from './types';
export * from './api';
