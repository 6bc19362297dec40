export { gitlabContext, identityMismatches, isGitlabCi } from './context';
export { decodeIdToken, gitlabIdentity, hasAudience, secondsUntilExpiry } from './oidc';
