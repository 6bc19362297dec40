#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  CERTIFICATE_PATHS,
  DEFAULT_SECRETS_MAX_FILE_SIZE,
  DEFAULT_SKIP_PATHS,
  DEFAULT_WINDOW_OVERLAP,
  DEFAULT_WINDOW_SIZE,
  DockerIgnore,
  SECRETS_DOCS,
  copySources,
  isBinary,
  isCertificatePath,
  isConfigLike,
  isPlaceholder,
  isSkippedPath,
  maskLine,
  parseDockerignore,
  redact,
  renderRuleDocs,
  safeText,
  scanBuildContext,
  scanDockerfileText,
  scanImageConfigSecrets,
  scanText,
  scanTextWindowed,
  secretFingerprint,
  secretsAnalyzer,
  shannonEntropy,
  windowsOf
} from "./chunk-GHDTRKME.js";
import {
  SECRET_RULES,
  SECRET_RULE_META,
  secretRule
} from "./chunk-4BXU6E3L.js";
import "./chunk-23VTO3BX.js";
import "./chunk-QRC7J5MF.js";
import "./chunk-XNFBH2M5.js";
import "./chunk-YNPQFTY5.js";
export {
  CERTIFICATE_PATHS,
  DEFAULT_SECRETS_MAX_FILE_SIZE,
  DEFAULT_SKIP_PATHS,
  DEFAULT_WINDOW_OVERLAP,
  DEFAULT_WINDOW_SIZE,
  DockerIgnore,
  SECRETS_DOCS,
  SECRET_RULES,
  SECRET_RULE_META,
  copySources,
  isBinary,
  isCertificatePath,
  isConfigLike,
  isPlaceholder,
  isSkippedPath,
  maskLine,
  parseDockerignore,
  redact,
  renderRuleDocs,
  safeText,
  scanBuildContext,
  scanDockerfileText,
  scanImageConfigSecrets,
  scanText,
  scanTextWindowed,
  secretFingerprint,
  secretRule,
  secretsAnalyzer,
  shannonEntropy,
  windowsOf
};
