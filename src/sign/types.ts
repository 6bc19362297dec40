/**
 * The vocabulary shared by signing, registry storage and verification: predicate types, media types and
 * the shapes passed between them. Bundles are kept in their serialized (JSON) form at module boundaries.
 */
import type { SerializedBundle } from '@sigstore/bundle';
import { APPROVAL_PREDICATE_TYPE, isPredicateTypeUri } from '../core/predicates';

export type { SerializedBundle };

/** Predicate types shipgate writes (in-toto statement `predicateType`). */
export const PREDICATE = {
  /** The image signature, as cosign v3 signs images: a DSSE statement about the digest. */
  signature: 'https://sigstore.dev/cosign/sign/v1',
  slsa: 'https://slsa.dev/provenance/v1',
  cyclonedx: 'https://cyclonedx.org/bom',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  /** shipgate's approval (schemas/approval-v1.schema.json, docs/signing.md). */
  approval: APPROVAL_PREDICATE_TYPE,
} as const;
export type PredicateName = keyof typeof PREDICATE;

/** The predicates a user names on the command line by their short name. */
const NAMED: readonly PredicateName[] = ['slsa', 'cyclonedx', 'vuln', 'approval'];

/** The predicate type a flag value names: slsa, cyclonedx, vuln, approval, or a URI; undefined otherwise. */
export function predicateTypeOf(name: string): string | undefined {
  if ((NAMED as readonly string[]).includes(name)) return PREDICATE[name as PredicateName];
  return isPredicateTypeUri(name) ? name : undefined;
}

export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

/** An in-toto v1 statement. */
export interface Statement<P = unknown> {
  _type: typeof IN_TOTO_STATEMENT_V1;
  subject: { name: string; digest: Record<string, string> }[];
  predicateType: string;
  predicate: P;
}

/** Where an artifact was stored next to an image, as reported to the user. */
export interface Placement {
  /** `referrers` (OCI 1.1 API), `fallback-tag` (the sha256-<hex> index), or a legacy cosign tag. */
  kind: 'referrers' | 'fallback-tag' | 'legacy-sig' | 'legacy-att';
  /** host/repository@sha256:… of the stored manifest. */
  reference: string;
  digest: string;
  /** The tag written, for the fallback index and legacy tags. */
  tag?: string;
}
