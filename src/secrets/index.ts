/** Secret rules (linear-time patterns), the scanner and the image and build-context secret analyzers. */
export { SECRET_RULES, SECRET_RULE_META, secretRule, type SecretRule } from './rules';
export {
  scanText,
  safeText,
  maskLine,
  isConfigLike,
  type SecretMatch,
  type SecretSource,
  type ScanTextOptions,
} from './scanner';
export { redact } from '../core/redact';
export { secretFingerprint } from './redact';
export { shannonEntropy } from './entropy';
export { isBinary } from './sniff';
export {
  isPlaceholder,
  isSkippedPath,
  isCertificatePath,
  DEFAULT_SKIP_PATHS,
  CERTIFICATE_PATHS,
} from './allow';
export { secretsAnalyzer, secretsModule, scanImageConfigSecrets, type SecretsAnalyzerOptions } from './image';
export {
  scanTextWindowed,
  windowsOf,
  DEFAULT_SECRETS_MAX_FILE_SIZE,
  DEFAULT_WINDOW_SIZE,
  DEFAULT_WINDOW_OVERLAP,
  type WindowOptions,
} from './windows';
export { scanDockerfileText } from './dockerfile';
export { scanBuildContext, copySources, type BuildContextOptions } from './context';
export { DockerIgnore, parseDockerignore } from './dockerignore';
export { SECRETS_DOCS } from './docs-page';
