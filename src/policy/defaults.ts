/**
 * The default policy and where policy files are looked for. Kept apart from the schema (zod) so a scan without
 * a policy file never loads the validator: that keeps the CLI's cold start short. A test checks that
 * DEFAULT_POLICY_FILE equals what the schema gives for `version: 1`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../core/logger';
import type { PolicyFile } from './schema';

export { MALWARE_MODES, type MalwareMode } from './modes';

/** A validated policy and where it came from. */
export interface Policy extends PolicyFile {
  /** The file it was read from (relative to the repository root when inside it), or "default policy". */
  source: string;
  /** Directory relative paths in the policy (VEX files) resolve against. */
  baseDir?: string;
}

/** File names looked for at the repository root, in this order. */
export const POLICY_FILE_NAMES = ['shipgate.yaml', 'shipgate.yml'] as const;

/**
 * Names 0.1.0 read and later versions do not: unrelated tools keep their own settings in `.shipgate.yml`, so such a
 * file is not necessarily a shipgate policy. Finding one without a policy file is a warning.
 */
const UNREAD_POLICY_FILE_NAMES = ['.shipgate.yaml', '.shipgate.yml'] as const;

/** `version: 1` with every default filled in, as the schema fills it. */
export const DEFAULT_POLICY_FILE: PolicyFile = {
  version: 1,
  gate: {
    'fail-on': 'high',
    'only-fixable': false,
    max: {},
    parts: ['dockerfile', 'manifests', 'vulnerabilities', 'secrets', 'config', 'malware'],
  },
  dockerfile: {
    'require-non-root': false,
    'require-multistage': false,
    'require-digest-pinned-base': false,
    shellcheck: true,
    history: true,
  },
  manifests: { pss: 'privileged' },
  image: { 'max-size-mb': 1024, 'max-layers': 50, 'max-age-days': 365 },
  rules: {},
  ignores: [],
  secrets: { allow: [] },
  vulnerabilities: { 'ignore-unfixed': false, vex: [] },
  malware: { mode: 'required' },
  analyzers: {},
};

/** The policy used when no file exists: block on high or worse in every part, secrets and malware always. */
export function defaultPolicy(): Policy {
  return { ...structuredClone(DEFAULT_POLICY_FILE), source: 'default policy' };
}

/** Finds the policy file at the repository root, if any; warns about a file of a name no longer read. */
export function findPolicyFile(repoRoot: string): string | undefined {
  for (const name of POLICY_FILE_NAMES) {
    const p = join(repoRoot, name);
    if (existsSync(p)) return p;
  }
  const unread = UNREAD_POLICY_FILE_NAMES.find((name) => existsSync(join(repoRoot, name)));
  if (unread)
    logger().warn(
      `${unread} is not read as a policy (other tools use that name); using the default policy. If it is a shipgate policy, rename it to shipgate.yaml or pass it with --config (action input \`config\`)`,
    );
  return undefined;
}
