/** Image configuration analyzers (CIS Docker Image checks): user, health check, setuid, world-writable, leftovers, tools. */
export { IMG_RULES, IMG_RULE_META } from './rules';
export { parsePasswd, parseShadow, parseGroup } from './accounts';
export { IMAGE_CONFIG_DOCS } from './docs-page';
