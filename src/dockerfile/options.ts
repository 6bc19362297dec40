/** Options of the Dockerfile linter; the policy layer maps shipgate.yaml onto these. */
export interface DockerfileLintOptions {
  /** Extra base images (globs on `name`, `name:tag` or `registry/name`) that count as minimal. */
  minimalBases?: string[];
  /** When set, base images must come from one of these registries (e.g. `docker.io`, `ghcr.io/org`). */
  allowedRegistries?: string[];
  /** Extra base images (globs as above) whose default user is not root. */
  nonRootImages?: string[];
  /** Rule ids (SG-DF-NNN or an equivalent hadolint/trivy/BuildKit/checkov id) to suppress (kind 'policy'). */
  ignoreRules?: string[];
  /** Base images (globs as above) exempt from base-image rules (tag, digest, minimal, registry). */
  ignoreImages?: string[];
  /** A loaded `.hadolint.yaml`: its `ignored` list and `trustedRegistries` are honoured. */
  hadolint?: HadolintConfig;
  /** The stage `docker build --target` builds (its rules for "final stage" apply to it); the last stage by default. */
  target?: string;
  /** Honour inline `# shipgate ignore=` and `# hadolint ignore=` pragmas (default true). */
  inlinePragmas?: boolean;
  /**
   * Run ShellCheck on RUN scripts when a `shellcheck` binary is on PATH. Off unless set: the policy's
   * `dockerfile.shellcheck` (true by default) sets it, so a lint's findings never depend on PATH by accident.
   */
  shellcheck?: boolean;
  /** How long one ShellCheck run may take (default 60 s). */
  shellcheckTimeoutMs?: number;
}

/** The parts of hadolint's configuration shipgate honours. */
export interface HadolintConfig {
  /** Where it was read from. */
  path: string;
  ignored: string[];
  trustedRegistries: string[];
  disableIgnorePragma: boolean;
}
