import { defineRule, subject, type Rule } from '../rule';
import { mapAt, pairOf } from '../yaml-nodes';

type Kind = 'requests' | 'limits';

function resourceRule(
  id: string,
  kind: Kind,
  resource: 'cpu' | 'memory',
  trivy: string,
  checkov: string,
): Rule {
  const field = `resources.${kind}.${resource}`;
  return defineRule({
    id,
    title: `${resource === 'cpu' ? 'CPU' : 'Memory'} ${kind === 'requests' ? 'request' : 'limit'} not set`,
    severity: 'low',
    description: `A container does not set \`${field}\`.`,
    rationale:
      kind === 'requests'
        ? 'Without requests the scheduler places the pod blind and the container is the first to be evicted or throttled under pressure.'
        : resource === 'memory'
          ? 'Without a memory limit one leaking or attacked container can exhaust the node and get its neighbours killed.'
          : 'Without a CPU limit a runaway or attacked container can starve its neighbours on the node.',
    fix: [
      '```yaml',
      'resources:',
      `  ${kind}:`,
      `    ${resource}: ${resource === 'cpu' ? '250m' : '256Mi'}`,
      '```',
    ].join('\n'),
    tags: ['kubernetes', 'reliability', 'resources'],
    equivalents: {
      trivy: [trivy, `AVD-KSV-${trivy.slice(3).padStart(4, '0')}`],
      checkov: [checkov],
      kubeScore: ['container-resources'],
    },
    hint: `set \`${field}\``,
    check({ file, report }) {
      for (const pod of file.pods)
        for (const c of pod.containers) {
          // Ephemeral containers may not set resources.
          if (c.field === 'ephemeralContainers') continue;
          const resources = mapAt(c.node, 'resources', pod.object.doc);
          const section = mapAt(resources, kind, pod.object.doc);
          if (pairOf(section, resource)) continue;
          report({ pod, container: c, message: `${subject(pod, c)} does not set ${field}.` });
        }
    },
  });
}

export const resourceRules: Rule[] = [
  resourceRule('SG-K8S-019', 'requests', 'cpu', 'KSV015', 'CKV_K8S_10'),
  resourceRule('SG-K8S-020', 'limits', 'cpu', 'KSV011', 'CKV_K8S_11'),
  resourceRule('SG-K8S-021', 'requests', 'memory', 'KSV016', 'CKV_K8S_12'),
  resourceRule('SG-K8S-022', 'limits', 'memory', 'KSV018', 'CKV_K8S_13'),
];
