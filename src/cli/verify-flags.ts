/**
 * The expectation flags of `shipgate verify`, `shipgate audit` and `shipgate verify-blob`: the signer, the
 * checks and the trust, mapped onto the verification expectations (without the image or file, which each
 * command finds itself). Files have no approval: their required predicate is the provenance by default.
 */
import { explicitIdentity, githubIdentity, gitlabIdentity, type SignerIdentity } from '../admission/identity';
import { ShipgateError } from '../core/errors';
import type { FulcioExtensions } from '../sign/certificate';
import type { TrustConfig } from '../sign/trust';
import { PREDICATE, predicateTypeOf } from '../sign/types';
import type { VerifyExpectations } from '../sign/verify';
import { bool, list, str, type Parsed } from './args';
import { helpSection, tableSpec } from './option-table';

/** The CI signer flags, shared with `shipgate policy admission`, which builds the same identities. */
export const CI_IDENTITY_OPTIONS = {
  'github-repository': { type: 'string' },
  workflow: { type: 'string' },
  'gitlab-project': { type: 'string' },
  'gitlab-server': { type: 'string' },
  'gitlab-ci-config': { type: 'string' },
  ref: { type: 'string' },
  'ref-pattern': { type: 'string' },
} as const;

/** The expectation flags, from the option table (verify and audit take the same ones). */
export const VERIFY_OPTIONS = tableSpec('verify');

export const VERIFY_HELP = `Signer, one of:
${helpSection('verify', 'Signer')}

Checks:
${helpSection('verify', 'Checks')}

Trust:
${helpSection('verify', 'Trust')}`;

/** The flags of verify-blob: verify's, without the approval's. */
export const BLOB_VERIFY_OPTIONS = tableSpec('verify-blob');

export const BLOB_VERIFY_HELP = `Signer, one of:
${helpSection('verify-blob', 'Signer')}

Checks:
${helpSection('verify-blob', 'Checks')}

Trust:
${helpSection('verify-blob', 'Trust')}`;

/** What the flags ask verification to prove, and what it trusts. */
export interface VerifyFlags {
  /** The expectations without the image (each command sets it per digest). */
  expect: Omit<VerifyExpectations, 'image'>;
  trust: TrustConfig;
}

function usage(command: string, message: string, hint?: string): ShipgateError {
  return new ShipgateError('USAGE', `${command}: ${message}`, hint === undefined ? {} : { hint });
}

function identity(command: string, p: Parsed): SignerIdentity | undefined {
  const ref = str(p, 'ref');
  const refPattern = str(p, 'ref-pattern');
  const refs = { ...(ref !== undefined && { ref }), ...(refPattern !== undefined && { refPattern }) };
  const github = str(p, 'github-repository');
  const gitlab = str(p, 'gitlab-project');
  const issuer = str(p, 'certificate-oidc-issuer');
  const given = [github, gitlab, issuer].filter((v) => v !== undefined).length;
  if (given > 1)
    throw usage(command, 'give one of --github-repository, --gitlab-project and --certificate-oidc-issuer');
  if (github !== undefined) {
    const workflow = str(p, 'workflow');
    return githubIdentity({ repository: github, ...(workflow !== undefined && { workflow }), ...refs });
  }
  if (gitlab !== undefined) {
    const server = str(p, 'gitlab-server');
    const ciConfig = str(p, 'gitlab-ci-config');
    return gitlabIdentity({
      project: gitlab,
      ...(server !== undefined && { server }),
      ...(ciConfig !== undefined && { ciConfig }),
      ...refs,
    });
  }
  if (issuer !== undefined) {
    const subject = str(p, 'certificate-identity');
    const pattern = str(p, 'certificate-identity-regexp');
    if ((subject === undefined) === (pattern === undefined))
      throw usage(
        command,
        '--certificate-oidc-issuer needs one of --certificate-identity and --certificate-identity-regexp',
      );
    // An anchored form of whatever was given: a bare pattern must not match inside a longer subject.
    return explicitIdentity({
      issuer,
      ...(subject !== undefined ? { subject } : { subjectRegExp: `^(?:${pattern})$` }),
    });
  }
  return undefined;
}

function predicateType(command: string, name: string): string {
  const type = predicateTypeOf(name);
  if (type === undefined)
    throw usage(
      command,
      `--require-predicate: "${name}" is neither slsa, cyclonedx, vuln, approval nor a URI`,
    );
  return type;
}

/** 30d, 12h, 90m, 45s: the age limit in seconds. */
function maxAge(command: string, text: string): number {
  const m = /^(\d+)([dhms])$/.exec(text.trim());
  if (!m) throw usage(command, `--max-age: invalid duration "${text}"`, 'e.g. 30d, 12h, 90m');
  return Number(m[1]) * { d: 86_400, h: 3_600, m: 60, s: 1 }[m[2] as 'd' | 'h' | 'm' | 's'];
}

function extensions(command: string, p: Parsed): FulcioExtensions | undefined {
  const pairs = list(p, 'certificate-extension');
  if (!pairs.length) return undefined;
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw usage(command, `--certificate-extension: "${pair}" is not NAME=VALUE`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out as FulcioExtensions;
}

/**
 * Reads the signer, check and trust flags; a USAGE error names `command` when they are incomplete. For
 * `file` subjects nothing is required of an approval or an image signature: the required predicates are the
 * ones asked for, the SLSA provenance when none is.
 */
export function verifyFlags(command: string, p: Parsed, subject: 'image' | 'file' = 'image'): VerifyFlags {
  const expectedIdentity = identity(command, p);
  const keys = list(p, 'key');
  if (!expectedIdentity && keys.length === 0)
    throw usage(
      command,
      'no signer given',
      'use --github-repository, --gitlab-project, --certificate-oidc-issuer, or --key',
    );
  const required = list(p, 'require-predicate').map((name) => predicateType(command, name));
  const approvalRequired = subject === 'image' && !bool(p, 'no-require-approval');
  const requiredPredicates =
    subject === 'file'
      ? required.length
        ? required
        : [PREDICATE.slsa]
      : [PREDICATE.signature, ...(approvalRequired ? [PREDICATE.approval] : []), ...required];
  const age = str(p, 'max-age');
  const certificate = extensions(command, p);
  const expect: VerifyFlags['expect'] = {
    ...(expectedIdentity ? { identity: expectedIdentity } : {}),
    ...(keys.length ? { keys: true } : {}),
    requiredPredicates,
    approval: { required: approvalRequired, ...(bool(p, 'allow-forced') ? { allowForced: true } : {}) },
    ...(age !== undefined ? { maxAgeSeconds: maxAge(command, age) } : {}),
    ...(certificate ? { certificate } : {}),
    ...(bool(p, 'allow-unwitnessed-key') ? { allowUnwitnessedKeyBundles: true } : {}),
  };
  const trustedRoot = str(p, 'trusted-root');
  const mirror = str(p, 'tuf-mirror-url');
  const trust: TrustConfig = {
    ...(trustedRoot !== undefined ? { trustedRoot } : {}),
    ...(mirror !== undefined ? { tufMirrorUrl: mirror } : {}),
    ...(keys.length ? { publicKeys: keys } : {}),
    ...(keys.length && !expectedIdentity && trustedRoot === undefined && bool(p, 'allow-unwitnessed-key')
      ? { keysOnly: true }
      : {}),
  };
  return { expect, trust };
}
