import { defineRule, subject, type Rule } from '../rule';
import { podSecurityContext } from '../security-context';
import type { PodTarget } from '../types';
import { mapAt, mapsOf, pairOf, scalarAt, seqAt } from '../yaml-nodes';

function hostNamespaceRule(
  id: string,
  field: 'hostNetwork' | 'hostPID' | 'hostIPC',
  what: string,
  trivy: string,
  checkov: string,
): Rule {
  return defineRule({
    id,
    title: `Pod shares the host ${what} (${field}: true)`,
    severity: 'high',
    description: `The pod spec sets \`${field}: true\`.`,
    rationale: `Sharing the node's ${what} namespace lets the pod's containers see and reach the node's ${what === 'network' ? 'interfaces and local services' : what === 'process' ? 'processes (and signal or trace them)' : 'shared memory and message queues'}. The baseline Pod Security Standard refuses it.`,
    fix: `Remove \`${field}: true\` from the pod spec.`,
    tags: ['security', 'kubernetes', 'pss-baseline'],
    equivalents: { trivy: [trivy, `AVD-KSV-${trivy.slice(3).padStart(4, '0')}`], checkov: [checkov] },
    hint: `remove \`${field}: true\``,
    check({ file, report }) {
      for (const pod of file.pods) {
        if (scalarAt(pod.spec, field, pod.object.doc) !== true) continue;
        const pair = pairOf(pod.spec, field);
        report({ pod, ...(pair ? { at: pair } : {}), message: `${subject(pod)} sets ${field}: true.` });
      }
    },
  });
}

function hostPaths(pod: PodTarget) {
  const doc = pod.object.doc;
  return mapsOf(seqAt(pod.spec, 'volumes', doc), doc).flatMap((v) => {
    const hp = mapAt(v, 'hostPath', doc);
    if (!hp) return [];
    const path = scalarAt(hp, 'path', doc);
    return [
      {
        volume: String(scalarAt(v, 'name', doc) ?? ''),
        path: typeof path === 'string' ? path : '',
        pair: pairOf(v, 'hostPath'),
      },
    ];
  });
}

const hostPath = defineRule({
  id: 'SG-K8S-012',
  title: 'hostPath volume',
  severity: 'medium',
  description: 'The pod mounts a directory or file of the node (`volumes[].hostPath`).',
  rationale:
    "Host paths break the container's filesystem isolation: a writable one lets the pod change the node, a readable one leaks its secrets (kubelet credentials, other pods' data). The baseline Pod Security Standard refuses them.",
  fix: 'Use an `emptyDir`, a ConfigMap/Secret, or a PersistentVolumeClaim instead.',
  tags: ['security', 'kubernetes', 'pss-baseline'],
  equivalents: { trivy: ['KSV023', 'AVD-KSV-0023'] },
  hint: 'replace the hostPath volume with an emptyDir, ConfigMap, Secret or PVC',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const hp of hostPaths(pod))
        report({
          pod,
          ...(hp.pair ? { at: hp.pair } : {}),
          key: hp.volume,
          message: `${subject(pod)} mounts host path ${hp.path || '(no path)'} (volume '${hp.volume}').`,
        });
  },
});

const RUNTIME_SOCKETS =
  /(^|\/)(docker|containerd|crio|cri-dockerd|podman)\.sock$|^\/var\/run\/?$|^\/run\/?$|^\/run\/containerd\/?$/;

const runtimeSocket = defineRule({
  id: 'SG-K8S-013',
  title: 'Container runtime socket mounted',
  severity: 'critical',
  description:
    'A hostPath volume mounts the container runtime socket (docker.sock, containerd.sock, crio.sock) or the directory that holds it.',
  rationale:
    'Whoever talks to the runtime socket can start a privileged container on the node: it is root on the node.',
  fix: "Remove the volume. Build images with a rootless builder (BuildKit rootless, kaniko) instead of the node's daemon.",
  tags: ['security', 'kubernetes'],
  equivalents: { trivy: ['KSV006', 'AVD-KSV-0006'], checkov: ['CKV_K8S_27'] },
  hint: 'do not mount the container runtime socket',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const hp of hostPaths(pod))
        if (RUNTIME_SOCKETS.test(hp.path))
          report({
            pod,
            ...(hp.pair ? { at: hp.pair } : {}),
            key: hp.volume,
            message: `${subject(pod)} mounts the container runtime socket ${hp.path}.`,
          });
  },
});

const hostPort = defineRule({
  id: 'SG-K8S-014',
  title: 'Host port',
  severity: 'medium',
  description: 'A container port sets `hostPort` (other than 0).',
  rationale:
    "A host port binds the node's own network interface, bypasses network policies and Services, and limits scheduling to one such pod per node. The baseline Pod Security Standard refuses it.",
  fix: 'Remove `hostPort`; expose the port with a Service (NodePort or LoadBalancer if it must be reachable from outside).',
  tags: ['security', 'kubernetes', 'pss-baseline'],
  equivalents: { trivy: ['KSV024', 'AVD-KSV-0024'], checkov: ['CKV_K8S_26'] },
  hint: 'remove `hostPort` and use a Service',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers)
        for (const port of mapsOf(seqAt(c.node, 'ports', pod.object.doc), pod.object.doc)) {
          const hp = scalarAt(port, 'hostPort', pod.object.doc);
          if (hp === undefined || hp === 0) continue;
          const pair = pairOf(port, 'hostPort');
          report({
            pod,
            container: c,
            ...(pair ? { at: pair } : {}),
            key: String(hp),
            message: `${subject(pod, c)} binds host port ${String(hp)}.`,
          });
        }
  },
});

/** Sysctls the baseline Pod Security Standard allows (namespaced and isolated from other pods). */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

const sysctls = defineRule({
  id: 'SG-K8S-018',
  title: 'Unsafe sysctl',
  severity: 'high',
  description: 'The pod sets a sysctl outside the safe set (`securityContext.sysctls`).',
  rationale:
    'Unsafe sysctls are not isolated per pod: they change kernel behaviour for the whole node or can disable security mechanisms. The baseline Pod Security Standard allows only the safe set.',
  fix: `Remove the sysctl, or use only safe ones: ${[...SAFE_SYSCTLS].join(', ')}.`,
  tags: ['security', 'kubernetes', 'pss-baseline'],
  equivalents: { trivy: ['KSV026', 'AVD-KSV-0026'] },
  hint: 'remove the unsafe sysctl',
  check({ file, report }) {
    for (const pod of file.pods) {
      const doc = pod.object.doc;
      for (const s of mapsOf(seqAt(podSecurityContext(pod), 'sysctls', doc), doc)) {
        const name = scalarAt(s, 'name', doc);
        if (typeof name !== 'string' || SAFE_SYSCTLS.has(name)) continue;
        report({ pod, at: s, key: name, message: `${subject(pod)} sets the unsafe sysctl ${name}.` });
      }
    }
  },
});

const automount = defineRule({
  id: 'SG-K8S-023',
  title: 'Service account token mounted (automountServiceAccountToken not false)',
  severity: 'low',
  description: 'The pod spec does not set `automountServiceAccountToken: false`.',
  rationale:
    "Every container gets an API token of the pod's service account unless this is false; an attacker in the container uses it against the API server. Most applications never call the Kubernetes API.",
  fix: yaml('spec:', '  automountServiceAccountToken: false'),
  tags: ['security', 'kubernetes', 'least-privilege'],
  equivalents: { checkov: ['CKV_K8S_38'] },
  hint: 'set `automountServiceAccountToken: false` unless the pod calls the Kubernetes API',
  check({ file, report }) {
    for (const pod of file.pods) {
      const v = scalarAt(pod.spec, 'automountServiceAccountToken', pod.object.doc);
      if (v === false) continue;
      const pair = pairOf(pod.spec, 'automountServiceAccountToken');
      report({
        pod,
        ...(pair ? { at: pair } : {}),
        message: `${subject(pod)} mounts its service account token.`,
      });
    }
  },
});

function yaml(...lines: string[]): string {
  return ['```yaml', ...lines, '```'].join('\n');
}

export const hostRules: Rule[] = [
  hostNamespaceRule('SG-K8S-009', 'hostNetwork', 'network', 'KSV009', 'CKV_K8S_19'),
  hostNamespaceRule('SG-K8S-010', 'hostPID', 'process', 'KSV010', 'CKV_K8S_17'),
  hostNamespaceRule('SG-K8S-011', 'hostIPC', 'IPC', 'KSV008', 'CKV_K8S_18'),
  hostPath,
  runtimeSocket,
  hostPort,
  sysctls,
  automount,
];
