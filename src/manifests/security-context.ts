/** Security context fields with Kubernetes' inheritance: a container's own setting overrides the pod's. */
import { isMap, type Pair, type YAMLMap } from 'yaml';
import type { Container, PodTarget } from './types';
import { deref, mapAt, pairOf } from './yaml-nodes';

export function podSecurityContext(pod: PodTarget): YAMLMap | undefined {
  return mapAt(pod.spec, 'securityContext', pod.object.doc);
}

export function containerSecurityContext(pod: PodTarget, c: Container): YAMLMap | undefined {
  return mapAt(c.node, 'securityContext', pod.object.doc);
}

export interface Effective {
  /** The scalar value, or the mapping for object fields (seccompProfile); undefined when unset everywhere. */
  value: unknown;
  pair?: Pair;
  from?: 'container' | 'pod';
}

function read(pair: Pair | undefined, pod: PodTarget): unknown {
  if (!pair) return undefined;
  const n = deref(pair.value, pod.object.doc);
  if (isMap(n)) return n;
  return n && 'value' in n ? ((n as { value: unknown }).value ?? undefined) : undefined;
}

/** A field settable on both levels (runAsNonRoot, runAsUser, runAsGroup, seccompProfile, seLinuxOptions, appArmorProfile, windowsOptions). */
export function effective(pod: PodTarget, c: Container, field: string): Effective {
  const own = pairOf(containerSecurityContext(pod, c), field);
  const ownValue = read(own, pod);
  if (own && ownValue !== undefined) return { value: ownValue, pair: own, from: 'container' };
  const inherited = pairOf(podSecurityContext(pod), field);
  const value = read(inherited, pod);
  if (inherited && value !== undefined) return { value, pair: inherited, from: 'pod' };
  return { value: undefined };
}

/** A container-only field (privileged, allowPrivilegeEscalation, readOnlyRootFilesystem, procMount, capabilities). */
export function own(pod: PodTarget, c: Container, field: string): Effective {
  const pair = pairOf(containerSecurityContext(pod, c), field);
  const value = read(pair, pod);
  return value === undefined ? { value } : { value, ...(pair ? { pair } : {}), from: 'container' };
}

/** Whether the pod runs on Windows (`spec.os.name: windows`): Linux-only controls do not apply. */
export function isWindows(pod: PodTarget): boolean {
  const os = mapAt(pod.spec, 'os', pod.object.doc);
  const name = os ? read(pairOf(os, 'name'), pod) : undefined;
  return name === 'windows';
}
