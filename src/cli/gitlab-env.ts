/**
 * GitLab Container Scanning's variables, honoured as fallbacks when shipgate runs in a GitLab CI job, so a
 * pipeline moving from the Container-Scanning template keeps its settings. Flags always win.
 * CS_REGISTRY_USER/PASSWORD are read where credentials are looked up (oci/credentials), scoped to CS_IMAGE's host.
 */
import { ShipgateError } from '../core/errors';
import { parseSeverity, type Severity } from '../core/severity';

export interface GitlabFallbacks {
  /** CS_IMAGE */
  image?: string;
  /** CS_SEVERITY_THRESHOLD */
  failOn?: Severity;
  /** CS_DOCKERFILE_PATH */
  dockerfile?: string;
}

const CS_SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** The CS_* settings of the environment; none outside GitLab CI (GITLAB_CI=true). */
export function gitlabFallbacks(env: NodeJS.ProcessEnv): GitlabFallbacks {
  if (env.GITLAB_CI !== 'true') return {};
  const out: GitlabFallbacks = {};
  const image = env.CS_IMAGE?.trim();
  if (image) out.image = image;
  const dockerfile = env.CS_DOCKERFILE_PATH?.trim();
  if (dockerfile) out.dockerfile = dockerfile;
  const threshold = env.CS_SEVERITY_THRESHOLD?.trim();
  if (threshold) {
    if (!CS_SEVERITIES.includes(threshold.toUpperCase()))
      throw new ShipgateError('USAGE', `CS_SEVERITY_THRESHOLD: invalid value "${threshold}"`, {
        hint: `use one of ${CS_SEVERITIES.join(', ')}`,
      });
    out.failOn = parseSeverity(threshold, 'CS_SEVERITY_THRESHOLD');
  }
  return out;
}
