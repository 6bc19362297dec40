export { toSarif, defaultCategory, rootUri, FINGERPRINT_KEY } from './sarif';
export { limitForGitHub, GITHUB_SARIF_LIMITS } from './limits';
export type { SarifLimits } from './limits';
export { lineHashes } from './line-hash';
