import { ShipgateError } from '../core/errors';
import type { SignerIdentity } from './identity';

export const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev';
export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';
export const DEFAULT_POLICY_NAME = 'shipgate-signed-images';

export type AdmissionFormat = 'kyverno' | 'policy-controller' | 'gatekeeper' | 'pss-labels';

/** `enforce` refuses; `audit` only reports (Kyverno Audit, Gatekeeper dryrun, policy-controller warn, PSA audit/warn). */
export type EnforcementMode = 'enforce' | 'audit';

export type PodSecurityLevel = 'baseline' | 'restricted';

export const DEFAULT_WORKLOAD_POLICY_NAME = 'shipgate';

/** The workload half: what the pods run as and where their images come from. */
export interface WorkloadSpec {
  /** Prefix of the generated objects' names. */
  name: string;
  pss?: PodSecurityLevel;
  /** Kubernetes version of the standards (`latest` or `v1.NN`). */
  pssVersion: string;
  /** `manifests.allowed-registries` entries; absent when images may come from anywhere. */
  registries?: string[];
  mode: EnforcementMode;
  excludeNamespaces: string[];
}

/**
 * Where the controller reads signatures: `legacy` (cosign's `sha256-<hex>.sig`/`.att` tags, what Kyverno's
 * `type: Cosign` and policy-controller's default read) or `bundle` (sigstore bundles attached as OCI
 * referrers). shipgate writes both by default.
 */
export type SignatureFormat = 'legacy' | 'bundle';

/** Everything needed to generate an admission policy; validated before it reaches a generator. */
export interface AdmissionSpec {
  name: string;
  /** Image globs the policy applies to, e.g. `ghcr.io/org/*`. */
  images: string[];
  /** The keyless signer (CI identity); absent for key-based signing. */
  identity?: SignerIdentity;
  rekorUrl: string;
  fulcioUrl: string;
  /** Kyverno only: a namespaced Policy instead of a ClusterPolicy. */
  namespace?: string;
  /** In-toto predicate types that must be attested by the same identity. */
  attestations: string[];
  /** Require shipgate's approval attestation with `approved: true` and `forced: false`. */
  requireApproval: boolean;
  signatureFormat: SignatureFormat;
  /** Key-based signing: the PEM public key; no keyless identity or transparency log is then required. */
  publicKey?: string;
  /** Enforce (default) or audit only. */
  mode?: EnforcementMode;
}

/** A Kubernetes object as plain data, ready for YAML. */
export type KubeObject = Record<string, unknown> & { apiVersion: string; kind: string };

/** The keyless identity of a spec that has no public key; admissionSpec() guarantees one of the two. */
export function keylessIdentity(spec: AdmissionSpec): SignerIdentity {
  if (spec.identity === undefined)
    throw new ShipgateError('INTERNAL', 'admission: a policy without a public key needs a keyless identity');
  return spec.identity;
}
