/** The CI platforms shipgate knows, and the one a process runs in, picked from its environment. */
import { githubPlatform } from './github/oidc';
import { gitlabPlatform } from './gitlab/identity';
import { identityError, type CiIdentity, type CiPlatform, type IdentityOptions } from './identity';

export const CI_PLATFORMS: readonly CiPlatform[] = [githubPlatform, gitlabPlatform];

/** The platform whose job this environment is; undefined outside a supported CI. */
export function detectPlatform(env: NodeJS.ProcessEnv = process.env): CiPlatform | undefined {
  return CI_PLATFORMS.find((p) => p.detect(env));
}

/** The identity of the CI job this process runs in, or a GUARD error saying why there is none. */
export async function ciIdentity(
  options: IdentityOptions & { env?: NodeJS.ProcessEnv } = {},
): Promise<CiIdentity> {
  const env = options.env ?? process.env;
  const platform = detectPlatform(env);
  if (!platform)
    throw identityError(
      `not running in a CI job (${CI_PLATFORMS.map((p) => p.title).join(' or ')})`,
      'shipgate pushes only from a GitHub Actions or GitLab CI job; build and scan locally with "shipgate scan"',
    );
  return platform.identity(env, options);
}
