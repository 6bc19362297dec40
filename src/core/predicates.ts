/**
 * The attestation vocabulary shared by signing, the admission policies and the audit report: shipgate's own
 * predicate type (documented by schemas/approval-v1.schema.json), how a predicate type URI looks, and the
 * kinds of verification failure.
 */
export const APPROVAL_PREDICATE_TYPE = 'https://shipgate.dev/attestation/approval/v1';

/** An in-toto predicate type is a URI, e.g. https://slsa.dev/provenance/v1. */
export function isPredicateTypeUri(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(s);
}

/**
 * Why an image failed verification, for callers that sort failures (the registry audit): nothing attached,
 * signatures from another signer, signatures too old, bundles that do not verify, a required statement
 * missing, no approval, an approval that refuses, or one signed with --force.
 */
export type VerifyFailure =
  | 'unsigned'
  | 'wrong-signer'
  | 'too-old'
  | 'invalid'
  | 'missing-predicate'
  | 'no-approval'
  | 'not-approved'
  | 'forced';
