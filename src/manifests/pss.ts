/**
 * The Pod Security Standards (https://kubernetes.io/docs/concepts/security/pod-security-standards/, source
 * kubernetes/website content/en/docs/concepts/security/pod-security-standards.md) as rules: one per control of
 * the baseline and restricted field tables, each reporting exactly the fields and values the table forbids, so
 * `pss: restricted` reports what Pod Security Admission at that level would refuse. They run only at a level.
 */
import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Severity } from '../core/severity';
import type { PssLevel } from './options';
import { defineRule, subject, type Report, type Rule } from './rule';
import { DEFAULT_CAPABILITIES } from './rules/security-context';
import { SAFE_SYSCTLS } from './rules/host';
import { containerSecurityContext, isWindows, podSecurityContext } from './security-context';
import type { Container, PodTarget } from './types';
import { deref, mapAt, mapsOf, pairOf, scalarAt, seqAt, stringsOf } from './yaml-nodes';

interface Control {
  id: string;
  level: PssLevel;
  control: string;
  fields: string;
  allowed: string;
  severity: Severity;
  check(pod: PodTarget, add: (r: Omit<Report, 'pod'>) => void): void;
}

const doc = (pod: PodTarget) => pod.object.doc;
const scOf = (pod: PodTarget, c?: Container): YAMLMap | undefined =>
  c ? containerSecurityContext(pod, c) : podSecurityContext(pod);

/** Each place a security-context field can be set: the pod, then every container. */
function scFields(pod: PodTarget, field: string): { c?: Container; value: unknown; pair: Pair }[] {
  const out: { c?: Container; value: unknown; pair: Pair }[] = [];
  for (const c of [undefined, ...pod.containers]) {
    const sc = scOf(pod, c);
    const pair = pairOf(sc, field);
    if (!pair) continue;
    const n = deref(pair.value, doc(pod));
    const value = isMap(n)
      ? n
      : n && 'value' in n
        ? ((n as { value: unknown }).value ?? undefined)
        : undefined;
    out.push({ ...(c ? { c } : {}), value, pair });
  }
  return out;
}

const at = (c: Container | undefined, pair: Pair | Node) => ({ ...(c ? { container: c } : {}), at: pair });

const CONTROLS: Control[] = [
  {
    id: 'SG-K8S-101',
    level: 'baseline',
    control: 'HostProcess',
    fields:
      'spec.securityContext.windowsOptions.hostProcess, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.windowsOptions.hostProcess',
    allowed: 'undefined/nil, false',
    severity: 'critical',
    check(pod, add) {
      for (const f of scFields(pod, 'windowsOptions')) {
        if (!isMap(f.value)) continue;
        const p = pairOf(f.value, 'hostProcess');
        if (p && scalarAt(f.value, 'hostProcess', doc(pod)) === true)
          add({ ...at(f.c, p), message: 'hostProcess: true' });
      }
    },
  },
  {
    id: 'SG-K8S-102',
    level: 'baseline',
    control: 'Host Namespaces',
    fields: 'spec.hostNetwork, spec.hostPID, spec.hostIPC',
    allowed: 'undefined/nil, false',
    severity: 'high',
    check(pod, add) {
      for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
        const p = pairOf(pod.spec, field);
        if (p && scalarAt(pod.spec, field, doc(pod)) === true)
          add({ at: p, key: field, message: `${field}: true` });
      }
    },
  },
  {
    id: 'SG-K8S-103',
    level: 'baseline',
    control: 'Privileged Containers',
    fields: 'spec.{containers,initContainers,ephemeralContainers}[*].securityContext.privileged',
    allowed: 'undefined/nil, false',
    severity: 'critical',
    check(pod, add) {
      for (const f of scFields(pod, 'privileged'))
        if (f.c && f.value === true) add({ ...at(f.c, f.pair), message: 'privileged: true' });
    },
  },
  {
    id: 'SG-K8S-104',
    level: 'baseline',
    control: 'Capabilities',
    fields: 'spec.{containers,initContainers,ephemeralContainers}[*].securityContext.capabilities.add',
    allowed: `undefined/nil, ${[...DEFAULT_CAPABILITIES].join(', ')}`,
    severity: 'high',
    check(pod, add) {
      for (const f of scFields(pod, 'capabilities')) {
        if (!f.c || !isMap(f.value)) continue;
        for (const cap of stringsOf(seqAt(f.value, 'add', doc(pod)), doc(pod)))
          if (!DEFAULT_CAPABILITIES.has(cap.value))
            add({ ...at(f.c, cap.node), key: cap.value, message: `capabilities.add ${cap.value}` });
      }
    },
  },
  {
    id: 'SG-K8S-105',
    level: 'baseline',
    control: 'HostPath Volumes',
    fields: 'spec.volumes[*].hostPath',
    allowed: 'undefined/nil',
    severity: 'high',
    check(pod, add) {
      for (const v of mapsOf(seqAt(pod.spec, 'volumes', doc(pod)), doc(pod))) {
        const p = pairOf(v, 'hostPath');
        if (p) add({ at: p, key: String(scalarAt(v, 'name', doc(pod)) ?? ''), message: 'hostPath volume' });
      }
    },
  },
  {
    id: 'SG-K8S-106',
    level: 'baseline',
    control: 'Host Ports',
    fields: 'spec.{containers,initContainers,ephemeralContainers}[*].ports[*].hostPort',
    allowed: 'undefined/nil, 0',
    severity: 'high',
    check(pod, add) {
      for (const c of pod.containers)
        for (const port of mapsOf(seqAt(c.node, 'ports', doc(pod)), doc(pod))) {
          const v = scalarAt(port, 'hostPort', doc(pod));
          const p = pairOf(port, 'hostPort');
          if (p && v !== undefined && v !== 0)
            add({ ...at(c, p), key: String(v), message: `hostPort ${String(v)}` });
        }
    },
  },
  {
    id: 'SG-K8S-107',
    level: 'baseline',
    control: 'AppArmor',
    fields:
      "spec.securityContext.appArmorProfile.type, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.appArmorProfile.type, metadata.annotations['container.apparmor.security.beta.kubernetes.io/*']",
    allowed:
      "undefined/nil, RuntimeDefault, Localhost; annotations: undefined/nil, 'runtime/default', 'localhost/*'",
    severity: 'high',
    check(pod, add) {
      for (const f of scFields(pod, 'appArmorProfile')) {
        const type = isMap(f.value) ? scalarAt(f.value, 'type', doc(pod)) : undefined;
        if (type !== undefined && type !== 'RuntimeDefault' && type !== 'Localhost')
          add({ ...at(f.c, f.pair), message: `appArmorProfile type ${String(type)}` });
      }
      const annotations = mapAt(pod.metadata, 'annotations', doc(pod));
      for (const item of annotations?.items ?? []) {
        const key = (item.key as { value?: unknown } | null)?.value;
        if (typeof key !== 'string' || !key.startsWith('container.apparmor.security.beta.kubernetes.io/'))
          continue;
        const v = scalarAt(annotations, key, doc(pod));
        if (
          v !== undefined &&
          v !== 'runtime/default' &&
          !(typeof v === 'string' && v.startsWith('localhost/'))
        )
          add({ at: item as Pair, key, message: `AppArmor annotation ${String(v)}` });
      }
    },
  },
  {
    id: 'SG-K8S-108',
    level: 'baseline',
    control: 'SELinux',
    fields:
      'spec.securityContext.seLinuxOptions.{type,user,role}, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.seLinuxOptions.{type,user,role}',
    allowed:
      'type: undefined/"", container_t, container_init_t, container_kvm_t, container_engine_t; user and role: undefined/""',
    severity: 'medium',
    check(pod, add) {
      const types = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
      for (const f of scFields(pod, 'seLinuxOptions')) {
        if (!isMap(f.value)) continue;
        const type = scalarAt(f.value, 'type', doc(pod));
        if (type !== undefined && !types.has(String(type)))
          add({ ...at(f.c, f.pair), key: 'type', message: `seLinuxOptions.type ${String(type)}` });
        for (const k of ['user', 'role']) {
          const v = scalarAt(f.value, k, doc(pod));
          if (v !== undefined && v !== '')
            add({ ...at(f.c, f.pair), key: k, message: `seLinuxOptions.${k} ${String(v)}` });
        }
      }
    },
  },
  {
    id: 'SG-K8S-109',
    level: 'baseline',
    control: '/proc Mount Type',
    fields: 'spec.{containers,initContainers,ephemeralContainers}[*].securityContext.procMount',
    allowed: 'undefined/nil, Default',
    severity: 'high',
    check(pod, add) {
      for (const f of scFields(pod, 'procMount'))
        if (f.c && f.value !== undefined && f.value !== 'Default')
          add({ ...at(f.c, f.pair), message: `procMount ${String(f.value)}` });
    },
  },
  {
    id: 'SG-K8S-110',
    level: 'baseline',
    control: 'Seccomp',
    fields:
      'spec.securityContext.seccompProfile.type, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.seccompProfile.type',
    allowed: 'undefined/nil, RuntimeDefault, Localhost',
    severity: 'high',
    check(pod, add) {
      for (const f of scFields(pod, 'seccompProfile')) {
        const type = isMap(f.value) ? scalarAt(f.value, 'type', doc(pod)) : undefined;
        if (type === 'Unconfined') add({ ...at(f.c, f.pair), message: 'seccompProfile type Unconfined' });
      }
    },
  },
  {
    id: 'SG-K8S-111',
    level: 'baseline',
    control: 'Sysctls',
    fields: 'spec.securityContext.sysctls[*].name',
    allowed: `undefined/nil, ${[...SAFE_SYSCTLS].join(', ')}`,
    severity: 'high',
    check(pod, add) {
      for (const s of mapsOf(seqAt(podSecurityContext(pod), 'sysctls', doc(pod)), doc(pod))) {
        const name = scalarAt(s, 'name', doc(pod));
        if (typeof name === 'string' && !SAFE_SYSCTLS.has(name))
          add({ at: s, key: name, message: `sysctl ${name}` });
      }
    },
  },
  {
    id: 'SG-K8S-121',
    level: 'restricted',
    control: 'Volume Types',
    fields: 'spec.volumes[*]',
    allowed: 'configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret',
    severity: 'medium',
    check(pod, add) {
      const allowed = new Set([
        'name',
        'configMap',
        'csi',
        'downwardAPI',
        'emptyDir',
        'ephemeral',
        'persistentVolumeClaim',
        'projected',
        'secret',
      ]);
      for (const v of mapsOf(seqAt(pod.spec, 'volumes', doc(pod)), doc(pod)))
        for (const item of v.items) {
          const key = (item.key as { value?: unknown } | null)?.value;
          if (typeof key === 'string' && !allowed.has(key))
            add({
              at: item as Pair,
              key: `${String(scalarAt(v, 'name', doc(pod)))}/${key}`,
              message: `volume type ${key}`,
            });
        }
    },
  },
  {
    id: 'SG-K8S-122',
    level: 'restricted',
    control: 'Privilege Escalation',
    fields:
      'spec.{containers,initContainers,ephemeralContainers}[*].securityContext.allowPrivilegeEscalation',
    allowed: 'false (not checked for Windows pods)',
    severity: 'medium',
    check(pod, add) {
      if (isWindows(pod)) return;
      for (const c of pod.containers) {
        const p = pairOf(containerSecurityContext(pod, c), 'allowPrivilegeEscalation');
        if (scalarAt(containerSecurityContext(pod, c), 'allowPrivilegeEscalation', doc(pod)) !== false)
          add({ container: c, ...(p ? { at: p } : {}), message: 'allowPrivilegeEscalation is not false' });
      }
    },
  },
  {
    id: 'SG-K8S-123',
    level: 'restricted',
    control: 'Running as Non-root',
    fields:
      'spec.securityContext.runAsNonRoot, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.runAsNonRoot',
    allowed: 'true (container fields may be undefined/nil when the pod sets true)',
    severity: 'medium',
    check(pod, add) {
      const podValue = scalarAt(podSecurityContext(pod), 'runAsNonRoot', doc(pod));
      for (const c of pod.containers) {
        const own = scalarAt(containerSecurityContext(pod, c), 'runAsNonRoot', doc(pod));
        if (own === true || (own === undefined && podValue === true)) continue;
        const p =
          pairOf(containerSecurityContext(pod, c), 'runAsNonRoot') ??
          pairOf(podSecurityContext(pod), 'runAsNonRoot');
        add({
          container: c,
          ...(p ? { at: p } : {}),
          message: own === false ? 'runAsNonRoot: false' : 'runAsNonRoot is not true',
        });
      }
    },
  },
  {
    id: 'SG-K8S-124',
    level: 'restricted',
    control: 'Running as Non-root user',
    fields:
      'spec.securityContext.runAsUser, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.runAsUser',
    allowed: 'any non-zero value, undefined/nil',
    severity: 'high',
    check(pod, add) {
      for (const f of scFields(pod, 'runAsUser'))
        if (f.value === 0) add({ ...at(f.c, f.pair), message: 'runAsUser: 0' });
    },
  },
  {
    id: 'SG-K8S-125',
    level: 'restricted',
    control: 'Seccomp',
    fields:
      'spec.securityContext.seccompProfile.type, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.seccompProfile.type',
    allowed:
      'RuntimeDefault, Localhost (container fields may be undefined/nil when the pod sets one; not checked for Windows pods)',
    severity: 'medium',
    check(pod, add) {
      if (isWindows(pod)) return;
      const typeOf = (sc: YAMLMap | undefined) =>
        scalarAt(mapAt(sc, 'seccompProfile', doc(pod)), 'type', doc(pod));
      const ok = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';
      const podType = typeOf(podSecurityContext(pod));
      for (const c of pod.containers) {
        const own = typeOf(containerSecurityContext(pod, c));
        if (ok(own) || (own === undefined && ok(podType))) continue;
        const p =
          pairOf(containerSecurityContext(pod, c), 'seccompProfile') ??
          pairOf(podSecurityContext(pod), 'seccompProfile');
        add({
          container: c,
          ...(p ? { at: p } : {}),
          message: `seccompProfile type ${own === undefined && podType === undefined ? 'unset' : String(own ?? podType)}`,
        });
      }
    },
  },
  {
    id: 'SG-K8S-126',
    level: 'restricted',
    control: 'Capabilities',
    fields: 'spec.{containers,initContainers,ephemeralContainers}[*].securityContext.capabilities.{drop,add}',
    allowed:
      'drop must include ALL; add only NET_BIND_SERVICE or undefined/nil (not checked for Windows pods)',
    severity: 'low',
    check(pod, add) {
      if (isWindows(pod)) return;
      for (const c of pod.containers) {
        const caps = mapAt(containerSecurityContext(pod, c), 'capabilities', doc(pod));
        const drop = stringsOf(seqAt(caps, 'drop', doc(pod)), doc(pod));
        if (!drop.some((d) => d.value === 'ALL')) {
          const p = pairOf(caps, 'drop');
          add({
            container: c,
            ...(p ? { at: p } : {}),
            key: 'drop',
            message: 'capabilities.drop does not include ALL',
          });
        }
        for (const cap of stringsOf(seqAt(caps, 'add', doc(pod)), doc(pod)))
          if (cap.value !== 'NET_BIND_SERVICE')
            add({ container: c, at: cap.node, key: cap.value, message: `capabilities.add ${cap.value}` });
      }
    },
  },
];

/** Whether a control applies at a level (restricted includes baseline). */
function inLevel(control: PssLevel, level: PssLevel | undefined): boolean {
  return level === 'restricted' || (level === 'baseline' && control === 'baseline');
}

export const PSS_CONTROLS: readonly Pick<Control, 'id' | 'level' | 'control' | 'fields' | 'allowed'>[] =
  CONTROLS;

export const PSS_RULES: Rule[] = CONTROLS.map((ctl) =>
  defineRule({
    id: ctl.id,
    title: `Pod Security Standard ${ctl.level}: ${ctl.control}`,
    severity: ctl.severity,
    description: `The ${ctl.level} Pod Security Standard's "${ctl.control}" control. Fields: ${ctl.fields}. Allowed values: ${ctl.allowed}. Runs when the policy (\`manifests.pss\`) or \`--pss\` selects ${ctl.level === 'baseline' ? 'baseline or restricted' : 'restricted'}.`,
    rationale: `Pod Security Admission at the ${ctl.level} level refuses a pod that sets a forbidden value here: finding it in CI saves a failed rollout.`,
    fix: `Change the field to one of the allowed values (${ctl.allowed}).`,
    tags: ['security', 'kubernetes', `pss-${ctl.level}`, 'pod-security-standards'],
    hint: `use an allowed value: ${ctl.allowed}`,
    check({ file, options, report }) {
      if (!inLevel(ctl.level, options.pss)) return;
      for (const pod of file.pods)
        ctl.check(pod, (r) =>
          report({
            pod,
            ...r,
            message: `${subject(pod, r.container)} violates the ${ctl.level} Pod Security Standard (${ctl.control}): ${r.message}.`,
          }),
        );
    },
  }),
);
