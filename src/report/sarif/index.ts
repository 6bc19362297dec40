export {
  toSarif,
  partsOf,
  defaultCategory,
  automationId,
  rootUri,
  FINGERPRINT_KEY,
  SARIF_SCHEMA_URI,
} from './sarif';
export type { SarifOptions } from './sarif';
export { limitForGitHub, GITHUB_SARIF_LIMITS } from './limits';
export type { SarifLimits, LimitReport } from './limits';
export { lineHashes, primaryLocationLineHash } from './line-hash';
