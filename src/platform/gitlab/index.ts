export { gitlabContext, identityMismatches, isGitlabCi } from './context';
export type { GitlabContext, GitlabMergeRequest, GitlabRegistry } from './context';
export {
  decodeIdToken,
  gitlabIdentity,
  hasAudience,
  ID_TOKEN_VARIABLES,
  parseIdClaims,
  secondsUntilExpiry,
} from './oidc';
export type { GitlabIdClaims, GitlabIdentity, IdTokenVariable } from './oidc';
export { gitlabJobIdentity, gitlabPlatform } from './identity';
