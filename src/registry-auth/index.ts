/** The registry token service: registry tokens with push only for verified CI jobs (docs/registry-auth.md). */
export { loadConfig, registryAuthJsonSchema, type RegistryAuthConfig } from './config';
export { loadSigningKey, type SigningKey } from './signing-key';
export { startRegistryAuth, type RegistryAuthServer } from './server';
export { checkSameService, primarySink, startPrimary, workerId, workerLink } from './cluster';
