/** Where each workload kind keeps its pod spec, and the containers of a pod spec. */
import type { YAMLMap } from 'yaml';
import type { Container, ContainerField, ManifestObject, PodTarget } from './types';
import { mapAt, mapsOf, scalarAt, seqAt } from './yaml-nodes';

/** Path from the object to its pod template (metadata + spec), by kind; Pod is the template itself. */
const TEMPLATE_PATH: Record<string, readonly string[]> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

const CONTAINER_FIELDS: readonly ContainerField[] = ['initContainers', 'containers', 'ephemeralContainers'];

/** The pod spec of a workload object (none for other kinds or when the spec is missing). */
export function podTargets(object: ManifestObject): PodTarget[] {
  const path = TEMPLATE_PATH[object.kind];
  if (!path) return [];
  const { doc } = object;
  let template: YAMLMap | undefined = object.node;
  for (const key of path) template = mapAt(template, key, doc);
  const spec = mapAt(template, 'spec', doc);
  if (!spec) return [];
  const metadata = mapAt(template, 'metadata', doc);
  const containers: Container[] = [];
  for (const field of CONTAINER_FIELDS)
    mapsOf(seqAt(spec, field, doc), doc).forEach((node, index) => {
      const name = scalarAt(node, 'name', doc);
      containers.push({ name: typeof name === 'string' ? name : `#${index + 1}`, field, index, node });
    });
  return [
    {
      object,
      spec,
      ...(metadata ? { metadata } : {}),
      specPath: [...path, 'spec'].join('.'),
      containers,
    },
  ];
}
