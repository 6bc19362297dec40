/**
 * Kyverno `verifyImages` policy (kyverno.io/v1): enforce, resolve tags to digests, and require a signature
 * (keyless from the CI identity, or by a public key), shipgate's approval attestation with `approved: true`
 * and `forced: false`, and any other attestations asked for, all from the same signer.
 */
import { APPROVAL_PREDICATE_TYPE } from '../core/predicates';
import { keylessIdentity, type AdmissionSpec, type KubeObject } from './types';

const KYVERNO_WEBHOOK_TIMEOUT_SECONDS = 30;

function attestorEntry(spec: AdmissionSpec): Record<string, unknown> {
  if (spec.publicKey !== undefined)
    // Key-based signing is for air-gapped set-ups, whose signatures carry no transparency log entry.
    return {
      entries: [
        { keys: { publicKeys: spec.publicKey, rekor: { ignoreTlog: true }, ctlog: { ignoreSCT: true } } },
      ],
    };
  const identity = keylessIdentity(spec);
  const keyless: Record<string, unknown> = { issuer: identity.issuer };
  if (identity.subject !== undefined) keyless.subject = identity.subject;
  else keyless.subjectRegExp = identity.subjectRegExp;
  keyless.rekor = { url: spec.rekorUrl };
  return { entries: [{ keyless }] };
}

/** JMESPath conditions on the approval predicate: approved by the policy, not a forced signature. */
const APPROVAL_CONDITIONS = [
  {
    all: [
      { key: '{{ approved }}', operator: 'Equals', value: true },
      { key: '{{ forced }}', operator: 'Equals', value: false },
    ],
  },
];

function attestations(spec: AdmissionSpec): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (spec.requireApproval)
    out.push({
      type: APPROVAL_PREDICATE_TYPE,
      attestors: [attestorEntry(spec)],
      conditions: APPROVAL_CONDITIONS,
    });
  for (const type of spec.attestations)
    if (!(spec.requireApproval && type === APPROVAL_PREDICATE_TYPE))
      out.push({ type, attestors: [attestorEntry(spec)] });
  return out;
}

function describeSigner(spec: AdmissionSpec): string {
  const signature =
    spec.publicKey !== undefined
      ? 'a signature by the given public key'
      : `a keyless signature from ${keylessIdentity(spec).issuer}`;
  return spec.requireApproval ? `${signature} and shipgate's approval attestation` : signature;
}

export function kyvernoPolicy(spec: AdmissionSpec): KubeObject {
  const verify: Record<string, unknown> = {
    ...(spec.signatureFormat === 'bundle' ? { type: 'SigstoreBundle' } : {}),
    imageReferences: [...spec.images],
    mutateDigest: true,
    verifyDigest: true,
    required: true,
    attestors: [attestorEntry(spec)],
  };
  const required = attestations(spec);
  if (required.length > 0) verify.attestations = required;
  const metadata: Record<string, unknown> = { name: spec.name };
  if (spec.namespace !== undefined) metadata.namespace = spec.namespace;
  metadata.annotations = {
    'policies.kyverno.io/title': 'Admit only images approved and signed by CI',
    'policies.kyverno.io/category': 'Software Supply Chain Security',
    'policies.kyverno.io/subject': 'Pod',
    'policies.kyverno.io/description': `Images matching ${spec.images.join(', ')} must carry ${describeSigner(spec)}.`,
  };
  return {
    apiVersion: 'kyverno.io/v1',
    kind: spec.namespace === undefined ? 'ClusterPolicy' : 'Policy',
    metadata,
    spec: {
      validationFailureAction: spec.mode === 'audit' ? 'Audit' : 'Enforce',
      webhookTimeoutSeconds: KYVERNO_WEBHOOK_TIMEOUT_SECONDS,
      failurePolicy: 'Fail',
      background: false,
      rules: [
        {
          name: 'verify-ci-signature',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          verifyImages: [verify],
        },
      ],
    },
  };
}
