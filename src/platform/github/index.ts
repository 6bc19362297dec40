export { LEVEL_OF, omittedNote, planAnnotations, type Annotation, type AnnotationPlan } from './annotations';
export { inertLines } from './commands';
export { createClient, describeFailure, gitHubError, type GitHubClient, type Octokit } from './client';
export { commentMarker, upsertPrComment, type CommentOutcome } from './comment';
export {
  blobUrl,
  readGitHubContext,
  runUrl,
  uploadTargetProblems,
  type GitHubContext,
  type PullRequestInfo,
} from './context';
export { appendJobSummary } from './summary';
export { uploadSarif, type UploadOptions, type UploadOutcome } from './upload';
export {
  FORK_CODE_EVENTS,
  GITHUB_ISSUER,
  githubClaims,
  githubJobIdentity,
  githubMismatches,
  githubPlatform,
  requestGithubToken,
  type GithubIdClaims,
} from './oidc';
