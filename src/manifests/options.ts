/** Options of the manifest linter; the policy layer maps shipgate.yaml's `manifests:` section onto these. */
export type PssLevel = 'baseline' | 'restricted';

export interface ManifestLintOptions {
  /** When set, container images must come from one of these registries (globs, e.g. `ghcr.io/org`, `*.gcr.io`). */
  allowedRegistries?: string[];
  /** Also check the Pod Security Standards at this level (restricted includes baseline). */
  pss?: PssLevel;
  /** Rule ids (SG-K8S-NNN or an equivalent trivy/checkov/kube-score id) to suppress (kind 'policy'). */
  ignoreRules?: string[];
  /** Rule ids a policy turned on although they are optional. */
  enableRules?: string[];
  /** Honour `# shipgate ignore=` comments and `shipgate.dev/ignore` annotations (default true). */
  inlinePragmas?: boolean;
}
