import type { RuleDocsIntro } from '../core/rule-docs';

/** The part of docs/rules/manifests.md that is not per rule. */
const MANIFESTS_DOCS_INTRO = [
  'shipgate reads Kubernetes manifests as YAML streams: any number of documents per file, `List` kinds, `helm template` output (its `# Source:` comments name the template in each message) and `kustomize build` output. Pod specs are checked in Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job and CronJob, for containers, init containers and ephemeral containers; a container setting overrides the pod one. Every finding points at the line and column of the offending field, or of the container (or pod spec) when a field is missing. See [docs/manifests.md](../manifests.md) for usage.',
  '',
  '## Errors and findings',
  '',
  'Malformed YAML is an error (exit code 2, code `INPUT`, one line `path:line: what`), as is a document that expands too many aliases or a file of more than 10000 documents. Documents without a `kind` are skipped.',
  '',
  '## Suppressing findings',
  '',
  '- `# shipgate ignore=SG-K8S-004` on the line of the finding, on the line above it, or on or above the first line of the container or object. Equivalent ids work too (`KSV001`, `AVD-KSV-0001`, `CKV_K8S_20`).',
  "- The annotation `shipgate.dev/ignore: SG-K8S-004,SG-K8S-010` in the object's `metadata.annotations`, or in the pod template's.",
  '- `rules:` overrides and `ignores:` in shipgate.yaml, as for every other finding.',
  '',
  '## Pod Security Standards',
  '',
  'SG-K8S-101 to SG-K8S-111 are the baseline controls and SG-K8S-121 to SG-K8S-126 the restricted ones, transcribed from the field tables of the [Pod Security Standards](https://kubernetes.io/docs/concepts/security/pod-security-standards/). They run only when `manifests.pss` in shipgate.yaml (or `--pss`) selects a level; `restricted` includes `baseline`.',
].join('\n');

export const MANIFESTS_DOCS: RuleDocsIntro = {
  title: 'Kubernetes manifest rules',
  intro: MANIFESTS_DOCS_INTRO,
};
