/**
 * sigstore policy-controller ClusterImagePolicy (policy.sigstore.dev/v1beta1): an authority bound to the CI
 * identity (keyless, checked against the transparency log) or to a public key, plus CUE policies requiring
 * shipgate's approval (`approved: true`, `forced: false`) and any other attestation types asked for.
 */
import { APPROVAL_PREDICATE_TYPE } from '../core/predicates';
import { keylessIdentity, type AdmissionSpec, type KubeObject } from './types';

/** The CUE policy is evaluated against the in-toto statement, so it pins the statement's predicateType. */
function predicateTypeCue(predicateType: string): string {
  return `predicateType: ${JSON.stringify(predicateType)}\n`;
}

const APPROVAL_CUE = `${predicateTypeCue(APPROVAL_PREDICATE_TYPE)}predicate: {\n\tapproved: true\n\tforced: false\n}\n`;

function attestationName(predicateType: string, index: number): string {
  const slug = predicateType
    .replace(/^[a-z]+:\/\//i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return `${slug || 'attestation'}-${index + 1}`;
}

function attestations(spec: AdmissionSpec): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (spec.requireApproval)
    out.push({
      name: 'shipgate-approval',
      predicateType: APPROVAL_PREDICATE_TYPE,
      policy: { type: 'cue', data: APPROVAL_CUE },
    });
  spec.attestations
    .filter((t) => !(spec.requireApproval && t === APPROVAL_PREDICATE_TYPE))
    .forEach((predicateType, i) =>
      out.push({
        name: attestationName(predicateType, i),
        predicateType,
        policy: { type: 'cue', data: predicateTypeCue(predicateType) },
      }),
    );
  return out;
}

export function policyControllerPolicy(spec: AdmissionSpec): KubeObject {
  let authority: Record<string, unknown>;
  if (spec.publicKey !== undefined) {
    authority = { name: 'ci-key', key: { data: spec.publicKey, hashAlgorithm: 'sha256' } };
  } else {
    const signer = keylessIdentity(spec);
    const identity: Record<string, unknown> = { issuer: signer.issuer };
    if (signer.subject !== undefined) identity.subject = signer.subject;
    else identity.subjectRegExp = signer.subjectRegExp;
    authority = {
      name: 'ci-keyless',
      keyless: { url: spec.fulcioUrl, identities: [identity] },
      ctlog: { url: spec.rekorUrl },
    };
  }
  // policy-controller 0.13 reads sigstore bundles (keyless only) when asked; its default reads cosign's tags.
  if (spec.signatureFormat === 'bundle') authority.signatureFormat = 'bundle';
  const required = attestations(spec);
  if (required.length > 0) authority.attestations = required;
  return {
    apiVersion: 'policy.sigstore.dev/v1beta1',
    kind: 'ClusterImagePolicy',
    metadata: { name: spec.name },
    spec: {
      images: spec.images.map((glob) => ({ glob })),
      authorities: [authority],
      mode: spec.mode === 'audit' ? 'warn' : 'enforce',
    },
  };
}
