export {
  verifyCiJob,
  verifyGithubJob,
  verifyGitlabJob,
  detectCi,
  decodeGithubToken,
  githubMismatches,
  requestGithubToken,
  GUARD_AUDIENCE,
} from './ci';
export type { VerifiedJob, GuardOptions, GithubIdClaims } from './ci';
export { pushImage, parseDestination, ociManifest, LAYER_TAR } from './copy';
export type { PushResult } from './copy';
