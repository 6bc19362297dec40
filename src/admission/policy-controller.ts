/**
 * sigstore policy-controller ClusterImagePolicy (policy.sigstore.dev/v1beta1): a keyless authority bound to
 * the CI identity, checked against the transparency log, plus CUE policies requiring attestation types.
 */
import type { AdmissionSpec, KubeObject } from './types';

/** The CUE policy is evaluated against the in-toto statement, so it pins the statement's predicateType. */
function predicateTypeCue(predicateType: string): string {
  return `predicateType: ${JSON.stringify(predicateType)}\n`;
}

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

export function policyControllerPolicy(spec: AdmissionSpec): KubeObject {
  const identity: Record<string, unknown> = { issuer: spec.identity.issuer };
  if (spec.identity.subject !== undefined) identity.subject = spec.identity.subject;
  else identity.subjectRegExp = spec.identity.subjectRegExp;
  const authority: Record<string, unknown> = {
    name: 'ci-keyless',
    keyless: { url: spec.fulcioUrl, identities: [identity] },
    ctlog: { url: spec.rekorUrl },
  };
  if (spec.attestations.length > 0)
    authority.attestations = spec.attestations.map((predicateType, i) => ({
      name: attestationName(predicateType, i),
      predicateType,
      policy: { type: 'cue', data: predicateTypeCue(predicateType) },
    }));
  return {
    apiVersion: 'policy.sigstore.dev/v1beta1',
    kind: 'ClusterImagePolicy',
    metadata: { name: spec.name },
    spec: {
      images: spec.images.map((glob) => ({ glob })),
      authorities: [authority],
      mode: 'enforce',
    },
  };
}
