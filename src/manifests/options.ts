/** Options of the manifest linter; the policy layer maps shipgate.yaml's `manifests:` section onto these. */
export type PssLevel = 'baseline' | 'restricted';

/** What the manifest rules need to know about the image scanned with them. */
export interface ScannedImage {
  /** As given, e.g. `ghcr.io/org/app:1.2` or `oci-archive:app.tar`. */
  ref: string;
  /** `registry/repository` when known (a registry reference, or an archive's tag). */
  repository?: string;
  digest?: string;
  /** The image configuration's `User` ("" when unset: root). */
  user: string;
  /** The configuration's `WorkingDir` ("" when unset: /). */
  workingDir?: string;
  /** Paths the configuration declares as `Volumes` (Dockerfile `VOLUME`). */
  volumes?: string[];
  /** `Entrypoint` followed by `Cmd`: what the container runs. */
  command?: string[];
}

export interface ManifestLintOptions {
  /** When set, container images must come from one of these registries (globs, e.g. `ghcr.io/org`, `*.gcr.io`). */
  allowedRegistries?: string[];
  /** Also check the Pod Security Standards at this level (restricted includes baseline). */
  pss?: PssLevel;
  /** Rule ids (SG-K8S-NNN or an equivalent trivy/checkov/kube-score id) to suppress (kind 'policy'). */
  ignoreRules?: string[];
  /** Rule ids a policy turned on although they are optional. */
  enableRules?: string[];
  /** The image scanned in the same run: containers deploying its repository are cross-checked against it. */
  image?: ScannedImage;
  /** Honour `# shipgate ignore=` comments and `shipgate.dev/ignore` annotations (default true). */
  inlinePragmas?: boolean;
}
