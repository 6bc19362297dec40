/**
 * Kyverno `verifyImages` policy (kyverno.io/v1): enforce, resolve tags to digests, and require a keyless
 * signature (and attestations) from the CI identity.
 */
import type { SignerIdentity } from './identity';
import type { AdmissionSpec, KubeObject } from './types';

const KYVERNO_WEBHOOK_TIMEOUT_SECONDS = 30;

function keylessEntry(identity: SignerIdentity, rekorUrl: string): Record<string, unknown> {
  const keyless: Record<string, unknown> = { issuer: identity.issuer };
  if (identity.subject !== undefined) keyless.subject = identity.subject;
  else keyless.subjectRegExp = identity.subjectRegExp;
  keyless.rekor = { url: rekorUrl };
  return { entries: [{ keyless }] };
}

export function kyvernoPolicy(spec: AdmissionSpec): KubeObject {
  const attestors = [keylessEntry(spec.identity, spec.rekorUrl)];
  const verify: Record<string, unknown> = {
    imageReferences: [...spec.images],
    mutateDigest: true,
    verifyDigest: true,
    required: true,
    attestors,
  };
  if (spec.attestations.length > 0)
    verify.attestations = spec.attestations.map((type) => ({
      type,
      attestors: [keylessEntry(spec.identity, spec.rekorUrl)],
    }));
  const metadata: Record<string, unknown> = { name: spec.name };
  if (spec.namespace !== undefined) metadata.namespace = spec.namespace;
  metadata.annotations = {
    'policies.kyverno.io/title': 'Admit only images signed by CI',
    'policies.kyverno.io/category': 'Software Supply Chain Security',
    'policies.kyverno.io/subject': 'Pod',
    'policies.kyverno.io/description': `Images matching ${spec.images.join(', ')} must carry a keyless signature from ${spec.identity.issuer}.`,
  };
  return {
    apiVersion: 'kyverno.io/v1',
    kind: spec.namespace === undefined ? 'ClusterPolicy' : 'Policy',
    metadata,
    spec: {
      validationFailureAction: 'Enforce',
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
