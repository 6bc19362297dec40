import type { ManifestLintOptions, PssLevel } from '../manifests/options';
import type { Policy } from './load';

/** The parts of the policy the manifest linter applies itself (PSS level, registry allow-list, disabled and enabled rules). */
export function manifestLintOptions(policy: Policy, pss?: PssLevel | 'privileged'): ManifestLintOptions {
  const opts: ManifestLintOptions = {};
  const level = pss ?? policy.manifests.pss;
  if (level !== 'privileged') opts.pss = level;
  const registries = policy.manifests['allowed-registries'];
  if (registries) opts.allowedRegistries = [...registries];
  const overrides = Object.entries(policy.rules);
  const disabled = overrides.filter(([, o]) => o.enabled === false).map(([id]) => id);
  if (disabled.length) opts.ignoreRules = disabled;
  const enabled = overrides.filter(([, o]) => o.enabled === true).map(([id]) => id);
  if (enabled.length) opts.enableRules = enabled;
  return opts;
}
