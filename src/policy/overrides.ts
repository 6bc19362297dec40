/** Front-door options that adjust a loaded policy (CLI flags, action inputs). */
import { isAbsolute, resolve } from 'node:path';
import type { MalwareMode } from './defaults';
import type { Policy } from './load';
import type { PolicyIgnore, SecretAllow } from './schema';

/**
 * The policy with the command line's or action inputs' `--ignore-unfixed`, `--vex`, `--malware-mode` and
 * `--clamav-db` merged in (an absolute database path replaces the policy's).
 */
export function withPipelineOptions(
  policy: Policy,
  opts: { ignoreUnfixed?: boolean; vex?: string[]; malwareMode?: MalwareMode; clamavDb?: string },
): Policy {
  let out = policy;
  if (opts.ignoreUnfixed || opts.vex?.length) {
    out = {
      ...out,
      vulnerabilities: {
        ...policy.vulnerabilities,
        'ignore-unfixed': policy.vulnerabilities['ignore-unfixed'] || !!opts.ignoreUnfixed,
        vex: [...policy.vulnerabilities.vex, ...(opts.vex ?? [])],
      },
    };
  }
  if (opts.malwareMode || opts.clamavDb) {
    out = {
      ...out,
      malware: {
        ...policy.malware,
        ...(opts.malwareMode ? { mode: opts.malwareMode } : {}),
        ...(opts.clamavDb ? { 'clamav-db': opts.clamavDb } : {}),
      },
    };
  }
  return out;
}

/** The policy with ignores and secret allowances from other files (trivy ignore files) appended. */
export function withExtraIgnores(
  policy: Policy,
  extra: { ignores: readonly PolicyIgnore[]; allow: readonly SecretAllow[] },
): Policy {
  if (extra.ignores.length === 0 && extra.allow.length === 0) return policy;
  return {
    ...policy,
    ignores: [...policy.ignores, ...extra.ignores],
    secrets: { ...policy.secrets, allow: [...policy.secrets.allow, ...extra.allow] },
  };
}

/** The ClamAV database folder the policy names, resolved against the policy file's directory. */
export function policyClamavDatabase(policy: Policy): string | undefined {
  const db = policy.malware['clamav-db'];
  return db === undefined || isAbsolute(db) || !policy.baseDir ? db : resolve(policy.baseDir, db);
}

/** The limits of the image configuration checks, as the analyzers take them. */
export function policyImageLimits(policy: Policy): {
  maxSizeBytes: number;
  maxLayers: number;
  maxAgeDays: number;
} {
  const image = policy.image;
  return {
    maxSizeBytes: image['max-size-mb'] * 1024 * 1024,
    maxLayers: image['max-layers'],
    maxAgeDays: image['max-age-days'],
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

/** The exploitation data the policy asks for, and the local files it names (resolved like VEX files). */
export function policyExploitData(policy: Policy): {
  sources: ('epss' | 'kev')[];
  files: { epss?: string; kev?: string };
} {
  const v = policy.vulnerabilities;
  const sources: ('epss' | 'kev')[] = [];
  // A file or a gate rule turns its source on, unless the source is explicitly off.
  if (v.epss === 'report' || v['epss-above'] !== undefined || (v['epss-file'] && v.epss !== 'off'))
    sources.push('epss');
  if (v.kev === 'report' || v.kev === 'block' || (v['kev-file'] && v.kev !== 'off')) sources.push('kev');
  const at = (p: string) => (isAbsolute(p) || !policy.baseDir ? p : resolve(policy.baseDir, p));
  return {
    sources,
    files: {
      ...(v['epss-file'] ? { epss: at(v['epss-file']) } : {}),
      ...(v['kev-file'] ? { kev: at(v['kev-file']) } : {}),
    },
  };
}
