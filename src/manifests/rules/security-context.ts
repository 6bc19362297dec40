import { isMap, type YAMLMap } from 'yaml';
import { defineRule, subject, type Rule } from '../rule';
import { effective, isWindows, own } from '../security-context';
import { deref, pairOf, scalarAt, seqAt, stringsOf } from '../yaml-nodes';

const yaml = (...lines: string[]): string => ['```yaml', ...lines, '```'].join('\n');

const runAsNonRoot = defineRule({
  id: 'SG-K8S-001',
  title: 'Container may run as root (runAsNonRoot not true)',
  severity: 'medium',
  description:
    'Neither the container nor its pod sets `securityContext.runAsNonRoot: true` (or one of them sets it to false; the container setting wins).',
  rationale:
    'Without `runAsNonRoot: true` the kubelet starts the container with whatever user the image declares, often root. A root process that escapes the container is root on the node; the restricted Pod Security Standard refuses such pods.',
  fix: yaml('spec:', '  securityContext:', '    runAsNonRoot: true', '    runAsUser: 10001'),
  tags: ['security', 'kubernetes', 'least-privilege', 'pss-restricted'],
  equivalents: { trivy: ['KSV012', 'AVD-KSV-0012'], checkov: ['CKV_K8S_23'] },
  hint: 'set `securityContext.runAsNonRoot: true` on the pod or the container',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = effective(pod, c, 'runAsNonRoot');
        if (e.value === true) continue;
        report({
          pod,
          container: c,
          ...(e.pair ? { at: e.pair } : {}),
          message:
            e.value === false
              ? `${subject(pod, c)} sets runAsNonRoot: false${e.from === 'pod' ? ' (pod level)' : ''}.`
              : `${subject(pod, c)} does not set runAsNonRoot: true, so it runs as the image's user (often root).`,
        });
      }
  },
});

const runAsUserRoot = defineRule({
  id: 'SG-K8S-002',
  title: 'Container runs as UID 0 (runAsUser: 0)',
  severity: 'high',
  description: "The effective `runAsUser` of a container (its own, else the pod's) is 0.",
  rationale:
    'UID 0 is root inside the container and on the node after an escape; `runAsNonRoot: true` makes the kubelet refuse to start it.',
  fix: yaml('securityContext:', '  runAsUser: 10001', '  runAsNonRoot: true'),
  tags: ['security', 'kubernetes', 'least-privilege', 'pss-restricted'],
  equivalents: { trivy: ['KSV105', 'AVD-KSV-0105'] },
  hint: 'set `runAsUser` to a non-zero UID (e.g. 10001)',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = effective(pod, c, 'runAsUser');
        if (e.value !== 0) continue;
        report({
          pod,
          container: c,
          ...(e.pair ? { at: e.pair } : {}),
          message: `${subject(pod, c)} runs as UID 0${e.from === 'pod' ? ' (set on the pod)' : ''}.`,
        });
      }
  },
});

const privileged = defineRule({
  id: 'SG-K8S-003',
  title: 'Privileged container',
  severity: 'critical',
  description: 'A container sets `securityContext.privileged: true`.',
  rationale:
    'A privileged container has every capability and the devices of the node, and no seccomp or AppArmor confinement: it is root on the node. Both Pod Security Standards levels refuse it.',
  fix: 'Remove `privileged: true`; add only the specific capability the workload needs (e.g. `NET_BIND_SERVICE`).',
  tags: ['security', 'kubernetes', 'pss-baseline'],
  equivalents: {
    trivy: ['KSV017', 'AVD-KSV-0017'],
    checkov: ['CKV_K8S_16'],
    kubeScore: ['container-security-context-privileged'],
  },
  hint: 'remove `privileged: true`',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = own(pod, c, 'privileged');
        if (e.value === true)
          report({
            pod,
            container: c,
            ...(e.pair ? { at: e.pair } : {}),
            message: `${subject(pod, c)} is privileged.`,
          });
      }
  },
});

const privilegeEscalation = defineRule({
  id: 'SG-K8S-004',
  title: 'Privilege escalation not disabled (allowPrivilegeEscalation not false)',
  severity: 'medium',
  description: 'A container does not set `securityContext.allowPrivilegeEscalation: false`.',
  rationale:
    'Unless it is false, a process can gain more privileges than its parent through set-user-ID binaries or file capabilities (the `no_new_privs` flag is not set). The restricted Pod Security Standard requires false.',
  fix: yaml('securityContext:', '  allowPrivilegeEscalation: false'),
  tags: ['security', 'kubernetes', 'pss-restricted'],
  equivalents: { trivy: ['KSV001', 'AVD-KSV-0001'], checkov: ['CKV_K8S_20'] },
  hint: 'set `securityContext.allowPrivilegeEscalation: false`',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = own(pod, c, 'allowPrivilegeEscalation');
        if (e.value === false) continue;
        report({
          pod,
          container: c,
          ...(e.pair ? { at: e.pair } : {}),
          message: `${subject(pod, c)} ${e.value === true ? 'sets allowPrivilegeEscalation: true' : 'does not set allowPrivilegeEscalation: false'}.`,
        });
      }
  },
});

function capabilities(pod: Parameters<typeof own>[0], c: Parameters<typeof own>[1]): YAMLMap | undefined {
  const v = own(pod, c, 'capabilities').value;
  return isMap(v) ? v : undefined;
}

const dropAll = defineRule({
  id: 'SG-K8S-005',
  title: 'Capabilities not dropped (capabilities.drop lacks ALL)',
  severity: 'low',
  description: 'A container does not list `ALL` in `securityContext.capabilities.drop`.',
  rationale:
    'Container runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, FOWNER, NET_RAW, SETUID, ...). Most applications need none of them; dropping ALL removes tools an attacker would use. The restricted Pod Security Standard requires it.',
  fix: yaml(
    'securityContext:',
    '  capabilities:',
    '    drop: ["ALL"]',
    '    add: ["NET_BIND_SERVICE"]  # only if needed',
  ),
  tags: ['security', 'kubernetes', 'least-privilege', 'pss-restricted'],
  equivalents: { trivy: ['KSV003', 'AVD-KSV-0003'], checkov: ['CKV_K8S_37'] },
  hint: 'add `capabilities: {drop: ["ALL"]}` to the container securityContext',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const caps = capabilities(pod, c);
        const drop = stringsOf(seqAt(caps, 'drop', pod.object.doc), pod.object.doc);
        if (drop.some((d) => d.value.toUpperCase() === 'ALL')) continue;
        const pair = pairOf(caps, 'drop');
        report({
          pod,
          container: c,
          ...(pair ? { at: pair } : {}),
          message: `${subject(pod, c)} does not drop ALL capabilities.`,
        });
      }
  },
});

/** The capabilities container runtimes grant by default (Docker's and containerd's set, as listed by the baseline Pod Security Standard). */
export const DEFAULT_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Capabilities that give a container control over the node or other workloads. */
const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set([
  'ALL',
  'SYS_ADMIN',
  'NET_ADMIN',
  'NET_RAW',
  'SYS_PTRACE',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'SYS_TIME',
  'DAC_READ_SEARCH',
  'BPF',
  'PERFMON',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
]);

function addedCapabilities(pod: Parameters<typeof own>[0], c: Parameters<typeof own>[1]) {
  return stringsOf(seqAt(capabilities(pod, c), 'add', pod.object.doc), pod.object.doc).map((a) => ({
    ...a,
    name: a.value.toUpperCase().replace(/^CAP_/, ''),
  }));
}

const extraCapability = defineRule({
  id: 'SG-K8S-006',
  title: 'Capability added beyond the runtime default set',
  severity: 'medium',
  description:
    'A container adds a capability that is not in the default set container runtimes grant (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).',
  rationale:
    'Extra capabilities widen what a compromised process can do to the kernel and the node. The baseline Pod Security Standard refuses them.',
  fix: 'Remove the capability from `capabilities.add`, or run the privileged part in a separate, reviewed workload.',
  tags: ['security', 'kubernetes', 'least-privilege', 'pss-baseline'],
  equivalents: { trivy: ['KSV022', 'AVD-KSV-0022'], checkov: ['CKV_K8S_25'] },
  hint: 'remove the capability from `capabilities.add`',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers)
        for (const cap of addedCapabilities(pod, c)) {
          if (DEFAULT_CAPABILITIES.has(cap.name)) continue;
          report({
            pod,
            container: c,
            at: cap.node,
            key: cap.name,
            message: `${subject(pod, c)} adds capability ${cap.name}, beyond the runtime default set.`,
          });
        }
  },
});

const dangerousCapability = defineRule({
  id: 'SG-K8S-007',
  title: 'Dangerous capability added (SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, SYS_MODULE, ...)',
  severity: 'high',
  description:
    'A container adds ALL or a capability that controls the node or other workloads: SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, SYS_MODULE, SYS_RAWIO, SYS_BOOT, SYS_TIME, DAC_READ_SEARCH, BPF, PERFMON, MAC_ADMIN, MAC_OVERRIDE.',
  rationale:
    'SYS_ADMIN is close to root on the node (mounts, namespaces), SYS_MODULE loads kernel modules, SYS_PTRACE reads other processes, NET_ADMIN/NET_RAW rewrite or spoof traffic, DAC_READ_SEARCH opens any file by handle (the "shocker" escape). Trivy KSV005 and Checkov CKV_K8S_39 check SYS_ADMIN alone, Checkov CKV_K8S_28 NET_RAW alone: subsets of this rule, so they are not listed as equivalents.',
  fix: 'Remove the capability. If the workload really needs it, isolate it in its own namespace with a reviewed exception.',
  tags: ['security', 'kubernetes', 'least-privilege'],
  hint: 'remove the capability from `capabilities.add`',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers)
        for (const cap of addedCapabilities(pod, c)) {
          if (!DANGEROUS_CAPABILITIES.has(cap.name)) continue;
          report({
            pod,
            container: c,
            at: cap.node,
            key: cap.name,
            severity:
              cap.name === 'SYS_ADMIN' || cap.name === 'ALL' || cap.name === 'SYS_MODULE'
                ? 'critical'
                : 'high',
            message: `${subject(pod, c)} adds capability ${cap.name}.`,
          });
        }
  },
});

const readOnlyRoot = defineRule({
  id: 'SG-K8S-008',
  title: 'Root filesystem is writable (readOnlyRootFilesystem not true)',
  severity: 'low',
  description: 'A container does not set `securityContext.readOnlyRootFilesystem: true`.',
  rationale:
    'A writable root filesystem lets an attacker drop tools and modify binaries that later run; read-only images also make drift visible. Mount an `emptyDir` where the application must write (`/tmp`, caches).',
  fix: yaml(
    'securityContext:',
    '  readOnlyRootFilesystem: true',
    'volumeMounts:',
    '  - { name: tmp, mountPath: /tmp }',
    '# and in the pod spec: volumes: [{ name: tmp, emptyDir: {} }]',
  ),
  tags: ['security', 'kubernetes', 'immutability'],
  equivalents: {
    trivy: ['KSV014', 'AVD-KSV-0014'],
    checkov: ['CKV_K8S_22'],
    kubeScore: ['container-security-context-readonlyrootfilesystem'],
  },
  hint: 'set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where it writes',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = own(pod, c, 'readOnlyRootFilesystem');
        if (e.value === true) continue;
        report({
          pod,
          container: c,
          ...(e.pair ? { at: e.pair } : {}),
          message: `${subject(pod, c)} has a writable root filesystem.`,
        });
      }
  },
});

const seccomp = defineRule({
  id: 'SG-K8S-015',
  title: 'No seccomp profile (seccompProfile not RuntimeDefault or Localhost)',
  severity: 'medium',
  description:
    "A container's effective `seccompProfile.type` (its own, else the pod's) is not `RuntimeDefault` or `Localhost`: it is unset or `Unconfined`.",
  rationale:
    'Kubernetes runs containers without seccomp unless asked, so every system call is open to an exploit. `RuntimeDefault` blocks the rarely needed, often exploited ones; the restricted Pod Security Standard requires it.',
  fix: yaml('spec:', '  securityContext:', '    seccompProfile:', '      type: RuntimeDefault'),
  tags: ['security', 'kubernetes', 'pss-restricted'],
  equivalents: { trivy: ['KSV030', 'AVD-KSV-0030'], checkov: ['CKV_K8S_31'] },
  hint: 'set `securityContext.seccompProfile.type: RuntimeDefault` on the pod',
  check({ file, report }) {
    for (const pod of file.pods) {
      if (isWindows(pod)) continue;
      for (const c of pod.containers) {
        const e = effective(pod, c, 'seccompProfile');
        const type = isMap(e.value) ? scalarAt(e.value, 'type', pod.object.doc) : undefined;
        if (type === 'RuntimeDefault' || type === 'Localhost') continue;
        report({
          pod,
          container: c,
          ...(e.pair ? { at: e.pair } : {}),
          message:
            type === undefined
              ? `${subject(pod, c)} runs without a seccomp profile.`
              : `${subject(pod, c)} sets seccompProfile type ${String(type)}.`,
        });
      }
    }
  },
});

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

const apparmor = defineRule({
  id: 'SG-K8S-016',
  title: 'AppArmor disabled (unconfined profile)',
  severity: 'medium',
  description:
    'A container or its pod sets the AppArmor profile to `Unconfined` (`appArmorProfile.type`), or the annotation `container.apparmor.security.beta.kubernetes.io/<container>` is `unconfined`.',
  rationale:
    'On nodes with AppArmor the runtime confines containers with its default profile; turning it off removes a layer that stops writes to /proc and /sys and mounts. The baseline Pod Security Standard refuses it.',
  fix: 'Remove the override, or use `appArmorProfile: {type: RuntimeDefault}` (or a `Localhost` profile).',
  tags: ['security', 'kubernetes', 'pss-baseline'],
  hint: 'use the RuntimeDefault AppArmor profile',
  check({ file, report }) {
    for (const pod of file.pods) {
      const doc = pod.object.doc;
      const annotations = pod.metadata ? deref(pairOf(pod.metadata, 'annotations')?.value, doc) : undefined;
      for (const c of pod.containers) {
        const e = effective(pod, c, 'appArmorProfile');
        const type = isMap(e.value) ? scalarAt(e.value, 'type', doc) : undefined;
        if (type === 'Unconfined')
          report({
            pod,
            container: c,
            ...(e.pair ? { at: e.pair } : {}),
            message: `${subject(pod, c)} runs AppArmor-unconfined.`,
          });
        const pair = isMap(annotations) ? pairOf(annotations, `${APPARMOR_ANNOTATION}${c.name}`) : undefined;
        const value = isMap(annotations)
          ? scalarAt(annotations, `${APPARMOR_ANNOTATION}${c.name}`, doc)
          : undefined;
        if (pair && value === 'unconfined')
          report({
            pod,
            container: c,
            at: pair,
            key: 'annotation',
            message: `${subject(pod, c)} runs AppArmor-unconfined (annotation).`,
          });
      }
    }
  },
});

const procMount = defineRule({
  id: 'SG-K8S-017',
  title: 'Unmasked /proc (procMount: Unmasked)',
  severity: 'high',
  description: 'A container sets `securityContext.procMount` to something other than `Default`.',
  rationale:
    'The default /proc masks hide kernel interfaces (e.g. /proc/sys, /proc/kcore) from the container; unmasking them exposes the host kernel. The baseline Pod Security Standard refuses it.',
  fix: 'Remove `procMount` (or set it to `Default`).',
  tags: ['security', 'kubernetes', 'pss-baseline'],
  equivalents: { trivy: ['KSV027', 'AVD-KSV-0027'] },
  hint: 'remove `procMount`',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = own(pod, c, 'procMount');
        if (e.value === undefined || e.value === 'Default') continue;
        report({
          pod,
          container: c,
          ...(e.pair ? { at: e.pair } : {}),
          message: `${subject(pod, c)} sets procMount: ${String(e.value)}.`,
        });
      }
  },
});

export const securityContextRules: Rule[] = [
  runAsNonRoot,
  runAsUserRoot,
  privileged,
  privilegeEscalation,
  dropAll,
  extraCapability,
  dangerousCapability,
  readOnlyRoot,
  seccomp,
  apparmor,
  procMount,
];
