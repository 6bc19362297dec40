import type { SignerIdentity } from './identity';

export const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev';
export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';
export const DEFAULT_POLICY_NAME = 'shipgate-signed-images';

export type AdmissionFormat = 'kyverno' | 'policy-controller';

/** Everything needed to generate an admission policy; validated before it reaches a generator. */
export interface AdmissionSpec {
  name: string;
  /** Image globs the policy applies to, e.g. `ghcr.io/org/*`. */
  images: string[];
  identity: SignerIdentity;
  rekorUrl: string;
  fulcioUrl: string;
  /** Kyverno only: a namespaced Policy instead of a ClusterPolicy. */
  namespace?: string;
  /** In-toto predicate types that must be attested by the same identity. */
  attestations: string[];
}

/** A Kubernetes object as plain data, ready for YAML. */
export type KubeObject = Record<string, unknown> & { apiVersion: string; kind: string };
