export { IMG_RULES, IMG_RULE_META } from './rules';
export { checkImageConfig, historyLayers, type ConfigCheckOptions } from './checks';
export { configAnalyzer, type ConfigAnalyzerOptions } from './analyzer';
export { parsePasswd, parseShadow, parseGroup } from './accounts';
export { IMAGE_CONFIG_DOCS } from './docs-page';
