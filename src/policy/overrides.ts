/** Front-door options that adjust a loaded policy (CLI flags, action inputs). */
import { isAbsolute, resolve } from 'node:path';
import type { Policy } from './load';

/** The policy with `--ignore-unfixed` / `--vex` from the command line or action inputs merged in. */
export function withPipelineOptions(
  policy: Policy,
  opts: { ignoreUnfixed?: boolean; vex?: string[] },
): Policy {
  if (!opts.ignoreUnfixed && !opts.vex?.length) return policy;
  return {
    ...policy,
    vulnerabilities: {
      'ignore-unfixed': policy.vulnerabilities['ignore-unfixed'] || !!opts.ignoreUnfixed,
      vex: [...policy.vulnerabilities.vex, ...(opts.vex ?? [])],
    },
  };
}

/** VEX files named in the policy, resolved against the policy file's directory. */
export function policyVexFiles(policy: Policy): string[] {
  return policy.vulnerabilities.vex.map((p) =>
    isAbsolute(p) || !policy.baseDir ? p : resolve(policy.baseDir, p),
  );
}

/** Warnings for rule ids under `rules:` that no scanner knows (typos would silently do nothing). */
export function unknownRuleWarnings(policy: Policy, knownIds: Iterable<string>): string[] {
  const known = new Set(knownIds);
  return Object.keys(policy.rules)
    .filter((id) => !known.has(id))
    .map(
      (id) =>
        `${policy.source}: rules.${id}: no such rule (see \`shipgate rules\`); the override does nothing`,
    );
}
