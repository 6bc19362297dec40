import type { DockerfileLintOptions } from '../dockerfile/options';
import type { Policy } from './load';

/** The parts of the policy the Dockerfile linter applies itself (allow-lists and disabled rules). */
export function dockerfileLintOptions(policy: Policy): DockerfileLintOptions {
  const opts: DockerfileLintOptions = {};
  const minimal = policy.dockerfile['minimal-base'];
  if (minimal) opts.minimalBases = [...minimal];
  const registries = policy.dockerfile['allowed-registries'];
  if (registries) opts.allowedRegistries = [...registries];
  opts.shellcheck = policy.dockerfile.shellcheck !== false;
  const disabled = Object.entries(policy.rules)
    .filter(([, o]) => o.enabled === false)
    .map(([id]) => id);
  if (disabled.length) opts.ignoreRules = disabled;
  return opts;
}
