/** The policy file (schema, load, ignores, overrides) and the decision for one scanned image. */
export { applyPolicy, EXPIRY_WARNING_DAYS, type PolicyApplication } from './apply';
export { decide, type DecideOverrides } from './decide';
export { dockerfileLintOptions } from './dockerfile-options';
export {
  defaultPolicy,
  findPolicyFile,
  loadPolicy,
  parsePolicy,
  POLICY_FILE_NAMES,
  type Policy,
} from './load';
export {
  checkRequiredProperties,
  PROPERTY_RULES,
  requiredPropertyRules,
  type PropertyViolation,
  type RequiredProperty,
} from './properties';
export {
  policyClamavDatabase,
  policyExploitData,
  policyVexFiles,
  unknownRuleWarnings,
  withPipelineOptions,
} from './overrides';
export {
  policyJsonSchema,
  policySchema,
  type PolicyFile,
  type PolicyIgnore,
  type SecretAllow,
} from './schema';
