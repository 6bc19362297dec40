import type { Scanner } from '../analyzers/registry';
import type { Severity } from '../core/severity';
import type { PssLevel } from '../manifests/options';
import type { MalwareMode } from '../policy/schema';

/** Everything one scan needs; the CLI flags, action inputs and GitLab inputs all map onto this. */
export interface PipelineOptions {
  /** Dockerfiles to lint (paths as given; reported relative to repoRoot). */
  dockerfiles: string[];
  /** Kubernetes manifests to lint: YAML files, folders (their .yaml/.yml files) or `-` for stdin. */
  manifests?: string[];
  /** Overrides the policy's `manifests.pss`: the Pod Security Standards level to check. */
  pss?: PssLevel | 'privileged';
  /** Image to scan: a reference with an optional transport (docker-archive:, oci-archive:, oci:, docker:, or a registry ref). */
  image?: string;
  /** os/arch[/variant] to pick from a multi-platform image; default the runner's. */
  platform?: string;
  /** Repository root: report paths are relative to it. Default: the git top level or the working directory. */
  repoRoot: string;
  /** Path of shipgate.yaml; default: shipgate.yaml / shipgate.yml at repoRoot when present. */
  configPath?: string;
  /** Overrides the policy's severity threshold ("none" disables it). */
  failOn?: Severity | 'none';
  /** Severities to report (trivy's --severity): findings of other severities are hidden and do not block. */
  severities?: Severity[];
  /** Trivy ignore files to read besides `.trivyignore` / `.trivyignore.yaml` at repoRoot. */
  ignoreFiles?: string[];
  /** Vulnerability data: a directory or zip of OSV records, or undefined for the default cache/download. */
  vulnDb?: string;
  /** Never touch the network for vulnerability data (use the cache or vulnDb only). */
  offline?: boolean;
  /** Keeps the vulnerability data cache between CI jobs (the action's cache); unused with vulnDb. */
  vulnCache?: VulnDataCache;
  /** Hide vulnerabilities that have no fix yet. */
  ignoreUnfixed?: boolean;
  /** OpenVEX documents to apply. */
  vex?: string[];
  /** Which scanners run on the image (default all). */
  scanners?: Scanner[];
  /** Overrides the policy's malware.mode: whether malware scanning that could not run blocks. */
  malwareMode?: MalwareMode;
  /** Overrides the policy's malware.clamav-db: the ClamAV signature database folder. */
  clamavDb?: string;
  /** Build context directory, to scan files a Dockerfile COPYs for secrets. */
  context?: string;
  /** Deadline for the whole scan in milliseconds (a TIMEOUT error past it); undefined or 0: none. */
  timeoutMs?: number;
}

/**
 * Persists the vulnerability data cache folder between jobs. `restore` runs once the image's ecosystems are
 * known, before the data loads; `save` after it loaded. Both only warn on failure: the data loading that
 * follows a failed restore is what decides, and it fails closed.
 */
export interface VulnDataCache {
  restore(ecosystems: readonly string[], cacheDir: string): Promise<void>;
  save(): Promise<void>;
}
