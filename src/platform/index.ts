/** The CI platforms (GitHub Actions, GitLab CI): job context, verified CI identity, uploads and comments. */
export { CI_PLATFORMS, ciIdentity, detectPlatform } from './ci';
export type { CiIdentity, CiPlatform } from './identity';
