import type { Finding } from '../../../src/core/finding';
import { lintManifests, type ManifestLintOptions } from '../../../src/manifests/index';

/** A Deployment whose pod spec and first container get the given YAML (indented for their place). */
export function deployment(
  opts: { pod?: string; container?: string; meta?: string; template?: string } = {},
): string {
  const ind = (text: string | undefined, n: number) =>
    (text ?? '')
      .split('\n')
      .filter(Boolean)
      .map((l) => `${' '.repeat(n)}${l}\n`)
      .join('');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${ind(opts.meta, 2)}spec:
  template:
    metadata:
      labels: { app: web }
${ind(opts.template, 6)}    spec:
${ind(opts.pod, 6)}      containers:
        - name: app
          image: ghcr.io/org/web:1.2@sha256:${'a'.repeat(64)}
${ind(opts.container, 10)}`;
}

/** A container securityContext and resources that pass every best-practice rule. */
export const HARDENED_CONTAINER = `securityContext:
  runAsNonRoot: true
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities: { drop: [ALL] }
  seccompProfile: { type: RuntimeDefault }
resources:
  requests: { cpu: 100m, memory: 64Mi }
  limits: { cpu: 200m, memory: 128Mi }`;

export const HARDENED_POD = 'automountServiceAccountToken: false';

export function lint(content: string, options: ManifestLintOptions = {}): Finding[] {
  return lintManifests({ path: 'deploy.yaml', content }, options).findings;
}

export function ids(content: string, options: ManifestLintOptions = {}): string[] {
  return [
    ...new Set(
      lint(content, options)
        .filter((f) => !f.suppressed)
        .map((f) => f.ruleId),
    ),
  ].sort();
}
