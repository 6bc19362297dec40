/**
 * Admission policies for what the image runs as, from the same policy the manifest checks use: the Pod
 * Security Standards level and the registry allow-list (`manifests.pss`, `manifests.allowed-registries`).
 *  - Kyverno: `validate.podSecurity` (Kyverno's own PSS implementation) and a `foreach`/`deny` rule
 *    matching every container image against the allow-list.
 *  - Gatekeeper: a ConstraintTemplate (Rego) and a Constraint for each, mirroring SG-K8S-1NN and SG-K8S-026.
 *  - Pod Security Admission: the `pod-security.kubernetes.io/*` labels of a Namespace.
 */
import { imageReferenceRegExp, normalizedNameRegExp } from '../oci/allow-list';
import { ALLOWED_REGISTRIES_REGO, POD_SECURITY_REGO } from './rego';
import type { KubeObject, WorkloadSpec } from './types';

const KYVERNO_WEBHOOK_TIMEOUT_SECONDS = 30;

function kyvernoMatch(spec: WorkloadSpec): Record<string, unknown> {
  return {
    match: { any: [{ resources: { kinds: ['Pod'] } }] },
    ...(spec.excludeNamespaces.length > 0 && {
      exclude: { any: [{ resources: { namespaces: [...spec.excludeNamespaces] } }] },
    }),
  };
}

function kyvernoPolicy(
  spec: WorkloadSpec,
  name: string,
  [title, category]: [string, string],
  description: string,
  rule: Record<string, unknown>,
): KubeObject {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: {
      name,
      annotations: {
        'policies.kyverno.io/title': title,
        'policies.kyverno.io/category': category,
        'policies.kyverno.io/subject': 'Pod',
        'policies.kyverno.io/description': description,
      },
    },
    spec: {
      validationFailureAction: spec.mode === 'audit' ? 'Audit' : 'Enforce',
      webhookTimeoutSeconds: KYVERNO_WEBHOOK_TIMEOUT_SECONDS,
      failurePolicy: 'Fail',
      // Audit mode is for finding what would be refused: report on what already runs, too.
      background: true,
      rules: [{ ...rule }],
    },
  };
}

export function kyvernoWorkloadPolicies(spec: WorkloadSpec): KubeObject[] {
  const out: KubeObject[] = [];
  if (spec.pss !== undefined)
    out.push(
      kyvernoPolicy(
        spec,
        `${spec.name}-pod-security-${spec.pss}`,
        [`Pod Security Standard: ${spec.pss}`, 'Pod Security Standards'],
        `Pods must meet the ${spec.pss} Pod Security Standard (version ${spec.pssVersion}), as shipgate checks the manifests in CI (SG-K8S-1NN).`,
        {
          name: `pod-security-${spec.pss}`,
          ...kyvernoMatch(spec),
          validate: { podSecurity: { level: spec.pss, version: spec.pssVersion } },
        },
      ),
    );
  if (spec.registries !== undefined) {
    const pattern = imageReferenceRegExp(spec.registries);
    const message = `Images must come from an allowed registry: ${spec.registries.join(', ')} (SG-K8S-026).`;
    out.push(
      kyvernoPolicy(
        spec,
        `${spec.name}-allowed-registries`,
        ['Allowed image registries', 'Software Supply Chain Security'],
        message,
        {
          name: 'allowed-registries',
          ...kyvernoMatch(spec),
          validate: {
            message,
            foreach: [
              {
                list: 'request.object.spec.[ephemeralContainers, initContainers, containers][]',
                deny: {
                  conditions: {
                    all: [
                      {
                        key: `{{ regex_match('${pattern}', to_lower(element.image)) }}`,
                        operator: 'Equals',
                        value: false,
                      },
                    ],
                  },
                },
              },
            ],
          },
        },
      ),
    );
  }
  return out;
}

/** The kinds that carry a pod template, by API group: Gatekeeper matches them all, not just Pods. */
const WORKLOAD_KINDS = [
  { apiGroups: [''], kinds: ['Pod', 'ReplicationController'] },
  { apiGroups: ['apps'], kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] },
  { apiGroups: ['batch'], kinds: ['Job', 'CronJob'] },
];

function constraintTemplate(
  kind: string,
  description: string,
  parameters: Record<string, unknown>,
  rego: string,
): KubeObject {
  return {
    apiVersion: 'templates.gatekeeper.sh/v1',
    kind: 'ConstraintTemplate',
    metadata: { name: kind.toLowerCase(), annotations: { description } },
    spec: {
      crd: {
        spec: {
          names: { kind },
          validation: { openAPIV3Schema: { type: 'object', properties: parameters } },
        },
      },
      targets: [{ target: 'admission.k8s.gatekeeper.sh', rego }],
    },
  };
}

function constraint(spec: WorkloadSpec, kind: string, name: string, parameters: unknown): KubeObject {
  return {
    apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    kind,
    metadata: { name },
    spec: {
      enforcementAction: spec.mode === 'audit' ? 'dryrun' : 'deny',
      match: {
        kinds: WORKLOAD_KINDS.map((k) => ({ apiGroups: [...k.apiGroups], kinds: [...k.kinds] })),
        ...(spec.excludeNamespaces.length > 0 && { excludedNamespaces: [...spec.excludeNamespaces] }),
      },
      parameters,
    },
  };
}

export const POD_SECURITY_KIND = 'ShipgatePodSecurity';
export const ALLOWED_REGISTRIES_KIND = 'ShipgateAllowedRegistries';

export function gatekeeperObjects(spec: WorkloadSpec): KubeObject[] {
  const out: KubeObject[] = [];
  if (spec.pss !== undefined)
    out.push(
      constraintTemplate(
        POD_SECURITY_KIND,
        "The Pod Security Standards' baseline and restricted controls, as shipgate's SG-K8S-1NN manifest rules check them.",
        { level: { type: 'string', enum: ['baseline', 'restricted'] } },
        POD_SECURITY_REGO,
      ),
      constraint(spec, POD_SECURITY_KIND, `${spec.name}-pod-security-${spec.pss}`, { level: spec.pss }),
    );
  if (spec.registries !== undefined)
    out.push(
      constraintTemplate(
        ALLOWED_REGISTRIES_KIND,
        "Container images from the registry allow-list only, as shipgate's SG-K8S-026 checks them. namePattern, generated from registries, matches the normalised image name (docker.io/library/nginx).",
        {
          registries: { type: 'array', items: { type: 'string' } },
          namePattern: { type: 'string' },
        },
        ALLOWED_REGISTRIES_REGO,
      ),
      constraint(spec, ALLOWED_REGISTRIES_KIND, `${spec.name}-allowed-registries`, {
        registries: [...spec.registries],
        namePattern: normalizedNameRegExp(spec.registries),
      }),
    );
  return out;
}

/**
 * The Namespace with Pod Security Admission's labels. Enforce mode enforces, audits and warns at the level;
 * audit mode only audits and warns, so nothing is refused while the findings are collected.
 */
export function namespaceLabels(spec: WorkloadSpec, namespace: string): KubeObject {
  const level = spec.pss ?? 'restricted';
  const modes = spec.mode === 'audit' ? ['audit', 'warn'] : ['enforce', 'audit', 'warn'];
  const labels: Record<string, string> = {};
  for (const m of modes) {
    labels[`pod-security.kubernetes.io/${m}`] = level;
    labels[`pod-security.kubernetes.io/${m}-version`] = spec.pssVersion;
  }
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels } };
}

/** The same labels as one `kubectl label` line, for a namespace that exists already. */
export function namespaceLabelCommand(object: KubeObject): string {
  const meta = object.metadata as { name: string; labels: Record<string, string> };
  const pairs = Object.entries(meta.labels).map(([k, v]) => `${k}=${v}`);
  return `kubectl label --overwrite namespace ${meta.name} ${pairs.join(' ')}`;
}
