/** Admission policy generation (Kyverno, sigstore policy-controller) that admits only images signed by the CI identity. */
/*
 * `shipgate policy admission`: builds Kyverno or sigstore policy-controller policies that admit only images
 * signed keylessly by the given CI identity. Pure: inputs in, YAML text out.
 */
import { stringify } from 'yaml';
import { ShipgateError } from '../core/errors';
import { isPredicateTypeUri } from '../core/predicates';
import { explicitIdentity, githubIdentity, gitlabIdentity, type SignerIdentity } from './identity';
import { kyvernoPolicy } from './kyverno';
import { policyControllerPolicy } from './policy-controller';
import {
  DEFAULT_FULCIO_URL,
  DEFAULT_POLICY_NAME,
  DEFAULT_REKOR_URL,
  DEFAULT_WORKLOAD_POLICY_NAME,
  type AdmissionFormat,
  type AdmissionSpec,
  type EnforcementMode,
  type KubeObject,
  type PodSecurityLevel,
  type SignatureFormat,
  type WorkloadSpec,
} from './types';
import {
  gatekeeperObjects,
  kyvernoWorkloadPolicies,
  namespaceLabelCommand,
  namespaceLabels,
} from './workload';

export * from './identity';
export * from './types';
export { kyvernoPolicy } from './kyverno';
export { policyControllerPolicy } from './policy-controller';
export {
  gatekeeperObjects,
  kyvernoWorkloadPolicies,
  namespaceLabels,
  POD_SECURITY_KIND,
  ALLOWED_REGISTRIES_KIND,
} from './workload';
export { POD_SECURITY_REGO, ALLOWED_REGISTRIES_REGO } from './rego';

export interface AdmissionOptions {
  format: AdmissionFormat;
  images: string[];
  githubRepository?: string;
  workflow?: string;
  gitlabProject?: string;
  gitlabServer?: string;
  gitlabCiConfig?: string;
  ref?: string;
  refPattern?: string;
  issuer?: string;
  subjectRegExp?: string;
  subject?: string;
  rekorUrl?: string;
  name?: string;
  namespace?: string;
  requireAttestations?: string[];
  /** Require shipgate's approval attestation (default true). */
  requireApproval?: boolean;
  signatureFormat?: SignatureFormat;
  /** PEM public key for key-based signing, instead of a keyless identity. */
  publicKey?: string;
  /** Pod Security Standards level the pods must meet. */
  pss?: PodSecurityLevel;
  /** Kubernetes version of the standards: `latest` (default) or `v1.NN`. */
  pssVersion?: string;
  /** Registry allow-list (`manifests.allowed-registries`); empty or absent: no registry policy. */
  allowedRegistries?: string[];
  mode?: EnforcementMode;
  excludeNamespaces?: string[];
}

function usage(message: string, hint?: string): ShipgateError {
  return new ShipgateError('USAGE', message, hint === undefined ? {} : { hint });
}

const DNS_SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

function identityOf(o: AdmissionOptions): SignerIdentity | undefined {
  if (o.publicKey !== undefined) {
    const keyless: [string, unknown][] = [
      ['--github-repository', o.githubRepository],
      ['--gitlab-project', o.gitlabProject],
      ['--issuer', o.issuer],
      ['--workflow', o.workflow],
      ['--ref', o.ref],
      ['--ref-pattern', o.refPattern],
    ];
    for (const [flag, v] of keyless)
      if (v !== undefined)
        throw usage(`${flag} cannot be combined with --key: a key-based signature has no CI identity`);
    return undefined;
  }
  const kinds = [
    o.githubRepository !== undefined && '--github-repository',
    o.gitlabProject !== undefined && '--gitlab-project',
    o.issuer !== undefined && '--issuer',
  ].filter((k): k is string => typeof k === 'string');
  if (kinds.length !== 1)
    throw usage(
      kinds.length === 0
        ? 'policy admission: no signer identity given'
        : `policy admission: give only one of ${kinds.join(', ')}`,
      'use --github-repository OWNER/REPO, --gitlab-project GROUP/PROJECT, --issuer URL with --subject-regexp RE, or --key PUBLIC.pem',
    );
  const only = (flags: [string, unknown][], allowedWith: string): void => {
    for (const [flag, v] of flags)
      if (v !== undefined) throw usage(`${flag} cannot be combined with ${allowedWith}`);
  };
  if (o.githubRepository !== undefined) {
    only(
      [
        ['--gitlab-server', o.gitlabServer],
        ['--gitlab-ci-config', o.gitlabCiConfig],
        ['--subject-regexp', o.subjectRegExp],
        ['--subject', o.subject],
      ],
      '--github-repository',
    );
    return githubIdentity({
      repository: o.githubRepository,
      ...(o.workflow !== undefined && { workflow: o.workflow }),
      ...(o.ref !== undefined && { ref: o.ref }),
      ...(o.refPattern !== undefined && { refPattern: o.refPattern }),
    });
  }
  if (o.gitlabProject !== undefined) {
    only(
      [
        ['--workflow', o.workflow],
        ['--subject-regexp', o.subjectRegExp],
        ['--subject', o.subject],
      ],
      '--gitlab-project',
    );
    return gitlabIdentity({
      project: o.gitlabProject,
      ...(o.gitlabServer !== undefined && { server: o.gitlabServer }),
      ...(o.gitlabCiConfig !== undefined && { ciConfig: o.gitlabCiConfig }),
      ...(o.ref !== undefined && { ref: o.ref }),
      ...(o.refPattern !== undefined && { refPattern: o.refPattern }),
    });
  }
  only(
    [
      ['--workflow', o.workflow],
      ['--gitlab-server', o.gitlabServer],
      ['--gitlab-ci-config', o.gitlabCiConfig],
      ['--ref', o.ref],
      ['--ref-pattern', o.refPattern],
    ],
    '--issuer',
  );
  return explicitIdentity({
    issuer: o.issuer ?? '',
    ...(o.subjectRegExp !== undefined && { subjectRegExp: o.subjectRegExp }),
    ...(o.subject !== undefined && { subject: o.subject }),
  });
}

function httpsUrl(flag: string, value: string): string {
  let ok: boolean;
  try {
    ok = new URL(value).protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) throw usage(`${flag}: "${value}" is not an https URL`);
  return value.replace(/\/+$/, '');
}

/** Validates the options and resolves the signer identity. */
export function admissionSpec(o: AdmissionOptions): AdmissionSpec {
  if (o.images.length === 0)
    throw usage('policy admission: no --images given', 'for example --images "ghcr.io/acme/*"');
  for (const glob of o.images)
    if (/\s/.test(glob) || glob.includes('@') || glob.startsWith('/'))
      throw usage(`--images: "${glob}" is not an image glob`, 'use a repository glob such as ghcr.io/acme/*');
  const name = o.name ?? DEFAULT_POLICY_NAME;
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name))
    throw usage(
      `--name: "${name}" is not a valid Kubernetes name`,
      'use lowercase letters, digits, "-" and "."',
    );
  if (o.namespace !== undefined) {
    if (o.format === 'policy-controller')
      throw usage(
        '--namespace: a ClusterImagePolicy is cluster-scoped',
        'leave out --namespace; label namespaces with policy.sigstore.dev/include=true instead',
      );
    if (o.namespace.length > 63 || !DNS_LABEL.test(o.namespace))
      throw usage(`--namespace: "${o.namespace}" is not a valid namespace name`);
  }
  const attestations = [...new Set(o.requireAttestations ?? [])];
  for (const t of attestations)
    if (!isPredicateTypeUri(t))
      throw usage(
        `--require-attestation: "${t}" is not a predicate type URI`,
        'for example https://slsa.dev/provenance/v1',
      );
  const signatureFormat = o.signatureFormat ?? 'legacy';
  if (o.publicKey !== undefined) {
    if (!/^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\s*$/.test(o.publicKey))
      throw usage(
        '--key: not a PEM public key',
        'give the public key ("-----BEGIN PUBLIC KEY-----"), not the private key',
      );
    if (o.format === 'policy-controller' && signatureFormat === 'bundle')
      throw usage(
        '--signature-format bundle: policy-controller reads sigstore bundles for keyless signatures only',
        'leave out --signature-format (cosign tags are written by default) or sign keylessly',
      );
  }
  const identity = identityOf(o);
  const spec: AdmissionSpec = {
    name,
    images: [...new Set(o.images)],
    rekorUrl: httpsUrl('--rekor-url', o.rekorUrl ?? DEFAULT_REKOR_URL),
    fulcioUrl: DEFAULT_FULCIO_URL,
    attestations,
    requireApproval: o.requireApproval ?? true,
    signatureFormat,
  };
  if (identity !== undefined) spec.identity = identity;
  if (o.publicKey !== undefined) spec.publicKey = o.publicKey.trim() + '\n';
  if (o.namespace !== undefined) spec.namespace = o.namespace;
  if (o.mode === 'audit') spec.mode = 'audit';
  return spec;
}

/** What one run of `shipgate policy admission` generates: the signature half, the workload half, or both. */
export interface AdmissionPlan {
  format: AdmissionFormat;
  signature?: AdmissionSpec;
  workload?: WorkloadSpec;
  /** Kyverno: namespaced Policies; pss-labels: the Namespace to label. */
  namespace?: string;
}

const REGISTRY_ENTRY = /^[A-Za-z0-9.*:_/-]+$/;
const PSS_VERSION = /^(?:latest|v1\.[0-9]{1,2})$/;

function workloadSpec(o: AdmissionOptions): WorkloadSpec | undefined {
  const registries = o.allowedRegistries?.length ? [...new Set(o.allowedRegistries)] : undefined;
  if (o.pss === undefined && registries === undefined) return undefined;
  for (const e of registries ?? [])
    if (!REGISTRY_ENTRY.test(e) || e.startsWith('/'))
      throw usage(
        `allowed registry "${e}" is not REGISTRY[/PATH]`,
        'for example ghcr.io/acme or *.dkr.ecr.*.amazonaws.com',
      );
  const pssVersion = o.pssVersion ?? 'latest';
  if (!PSS_VERSION.test(pssVersion))
    throw usage(`--pss-version: "${pssVersion}" is not latest or v1.NN`, 'for example v1.31');
  const excludeNamespaces = [...new Set(o.excludeNamespaces ?? [])];
  for (const ns of excludeNamespaces)
    if (ns.length > 63 || !DNS_LABEL.test(ns))
      throw usage(`--exclude-namespace: "${ns}" is not a valid namespace name`);
  const name = o.name ?? DEFAULT_WORKLOAD_POLICY_NAME;
  if (name.length > 200 || !DNS_SUBDOMAIN.test(name))
    throw usage(
      `--name: "${name}" is not a valid Kubernetes name`,
      'use lowercase letters, digits, "-" and "."',
    );
  return {
    name,
    ...(o.pss !== undefined && { pss: o.pss }),
    pssVersion,
    ...(registries !== undefined && { registries }),
    mode: o.mode ?? 'enforce',
    excludeNamespaces,
  };
}

/** Validates everything a run asks for; which halves each format can generate is decided here. */
export function admissionPlan(o: AdmissionOptions): AdmissionPlan {
  const signerFlag = (
    [
      ['--images', o.images.length > 0 ? true : undefined],
      ['--github-repository', o.githubRepository],
      ['--gitlab-project', o.gitlabProject],
      ['--issuer', o.issuer],
      ['--key', o.publicKey],
    ] as const
  ).find(([, v]) => v !== undefined)?.[0];
  const workload = workloadSpec(o);
  const { format } = o;
  if (format === 'policy-controller' || (format === 'kyverno' && workload === undefined)) {
    if (workload !== undefined)
      throw usage(
        '--format policy-controller verifies signatures only',
        'use --format kyverno, gatekeeper or pss-labels for --pss and allowed registries',
      );
    return { format, signature: admissionSpec(o) };
  }
  if (format === 'kyverno') {
    if (o.namespace !== undefined && (o.namespace.length > 63 || !DNS_LABEL.test(o.namespace)))
      throw usage(`--namespace: "${o.namespace}" is not a valid namespace name`);
    return {
      format,
      ...(signerFlag !== undefined && { signature: admissionSpec(o) }),
      ...(workload !== undefined && { workload }),
      ...(o.namespace !== undefined && { namespace: o.namespace }),
    };
  }
  if (signerFlag !== undefined)
    throw usage(
      `${signerFlag} cannot be combined with --format ${format}: it cannot verify signatures`,
      'generate the signature policy with --format kyverno or policy-controller',
    );
  if (workload === undefined)
    throw usage(
      `--format ${format}: nothing to generate`,
      'give --pss LEVEL, --allowed-registry or --config FILE (the policy file)',
    );
  if (format === 'gatekeeper') {
    if (o.namespace !== undefined)
      throw usage(
        '--namespace: Gatekeeper constraints are cluster-scoped',
        'use --exclude-namespace to leave namespaces out',
      );
    return { format, workload };
  }
  if (workload.pss === undefined || workload.registries !== undefined)
    throw usage(
      '--format pss-labels: Pod Security Admission enforces a --pss level only',
      'give --pss LEVEL; for allowed registries use --format kyverno or gatekeeper',
    );
  if (o.namespace === undefined)
    throw usage('--format pss-labels: which namespace?', 'give --namespace NS (the namespace to label)');
  if (o.namespace.length > 63 || !DNS_LABEL.test(o.namespace))
    throw usage(`--namespace: "${o.namespace}" is not a valid namespace name`);
  if (workload.excludeNamespaces.length > 0)
    throw usage('--exclude-namespace: Pod Security Admission labels only the namespace given');
  return { format, workload, namespace: o.namespace };
}

function withNamespace(policy: KubeObject, namespace: string | undefined): KubeObject {
  if (namespace === undefined) return policy;
  return {
    ...policy,
    kind: 'Policy',
    metadata: { ...(policy.metadata as Record<string, unknown>), namespace },
  };
}

function yamlDocument(comment: string[], object: KubeObject): string {
  return `${comment.map((l) => `# ${l}`).join('\n')}\n${stringify(object, { lineWidth: 0 })}`;
}

function workloadHeader(plan: AdmissionPlan, w: WorkloadSpec): string[] {
  const what = [
    ...(w.pss !== undefined ? [`the ${w.pss} Pod Security Standard (${w.pssVersion})`] : []),
    ...(w.registries !== undefined ? [`images from ${w.registries.join(', ')} only`] : []),
  ].join(' and ');
  const audit =
    w.mode === 'audit'
      ? [
          'Audit mode: violations are reported, nothing is refused. Re-generate with --mode enforce once they are fixed.',
        ]
      : [];
  return [`Generated by shipgate policy admission (${plan.format}): ${what}.`, ...audit];
}

/** Every object of the plan as a YAML stream, each with a header saying what it enforces. */
export function renderAdmission(plan: AdmissionPlan): string {
  const docs: string[] = [];
  if (plan.signature !== undefined && (plan.format === 'kyverno' || plan.format === 'policy-controller'))
    docs.push(renderAdmissionYaml(plan.format, plan.signature));
  const w = plan.workload;
  if (w !== undefined) {
    const header = workloadHeader(plan, w);
    if (plan.format === 'kyverno')
      for (const p of kyvernoWorkloadPolicies(w))
        docs.push(yamlDocument(header, withNamespace(p, plan.namespace)));
    else if (plan.format === 'gatekeeper')
      for (const p of gatekeeperObjects(w)) docs.push(yamlDocument(header, p));
    else if (plan.namespace !== undefined) {
      const ns = namespaceLabels(w, plan.namespace);
      docs.push(
        yamlDocument(
          [
            ...header,
            'Apply with kubectl apply -f, or label an existing namespace with:',
            namespaceLabelCommand(ns),
          ],
          ns,
        ),
      );
    }
  }
  return docs.join('---\n');
}

export function admissionPolicy(format: 'kyverno' | 'policy-controller', spec: AdmissionSpec): KubeObject {
  return format === 'kyverno' ? kyvernoPolicy(spec) : policyControllerPolicy(spec);
}

/** The policy as a YAML document with a header saying what it admits. */
export function renderAdmissionYaml(format: 'kyverno' | 'policy-controller', spec: AdmissionSpec): string {
  const id = spec.identity;
  const signer =
    id === undefined
      ? [`Admits ${spec.images.join(', ')} only when signed by the public key below (no transparency log).`]
      : [
          `Admits ${spec.images.join(', ')} only when signed keylessly by issuer ${id.issuer},`,
          id.subject !== undefined ? `subject ${id.subject}` : `subject matching ${id.subjectRegExp ?? ''}`,
          ...(id.example !== undefined ? [`e.g. ${id.example}`] : []),
        ];
  const header = [
    `Generated by shipgate policy admission (${format}).`,
    ...signer,
    ...(spec.requireApproval
      ? [`and only with shipgate's approval attestation (approved, not forced) by the same signer.`]
      : []),
    `Signatures are read from ${spec.signatureFormat === 'bundle' ? 'sigstore bundles attached as OCI referrers' : "cosign's .sig/.att tags"}.`,
    ...(id === undefined
      ? []
      : [
          'SANs are compared case-sensitively: keep the owner/project spelling exactly as the CI platform shows it.',
        ]),
  ]
    .map((l) => `# ${l}`)
    .join('\n');
  return `${header}\n${stringify(admissionPolicy(format, spec), { lineWidth: 0 })}`;
}
