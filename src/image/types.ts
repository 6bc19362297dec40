import type { Finding, RuleMeta } from '../core/finding';
import type { OsInfo, Package } from '../core/package';
import type { Platform } from '../oci/platform';

/** OCI image configuration (the parts shipgate reads). Docker's field names. */
export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  created?: string;
  config?: {
    User?: string;
    Env?: string[];
    Entrypoint?: string[] | null;
    Cmd?: string[] | null;
    WorkingDir?: string;
    ExposedPorts?: Record<string, object>;
    Volumes?: Record<string, object>;
    Labels?: Record<string, string> | null;
    StopSignal?: string;
    Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; Retries?: number };
    Shell?: string[];
    OnBuild?: string[] | null;
  };
  history?: {
    created?: string;
    created_by?: string;
    empty_layer?: boolean;
    comment?: string;
    author?: string;
  }[];
  rootfs?: { type: string; diff_ids: string[] };
}

export interface LayerInfo {
  /** 0-based, lowest layer first. */
  index: number;
  /** Digest of the blob as stored (compressed). */
  digest: string;
  /** Digest of the uncompressed tar (config rootfs.diff_ids). */
  diffId?: string;
  mediaType: string;
  size: number;
  /** The history `created_by` of the instruction that made this layer. */
  createdBy?: string;
}

export type { Platform };

/** What every image source yields once opened. */
export interface ImageInfo {
  /** The reference as the user gave it, e.g. "docker-archive:app.tar", "ghcr.io/org/app:1.0". */
  ref: string;
  /** Repository name without tag or digest when known (ghcr.io/org/app). */
  repository?: string;
  tag?: string;
  /** Manifest digest (sha256:...) when known: the chosen platform's manifest. */
  digest?: string;
  /** Digest of the multi-platform index the manifest was chosen from, when there was one. */
  indexDigest?: string;
  configDigest: string;
  platform: Platform;
  /** Other platforms of a multi-platform index (to list them). */
  otherPlatforms?: Platform[];
  /** The multi-platform index the reference named (the top-level one), with every manifest it lists. */
  index?: ImageIndex;
  config: ImageConfig;
  layers: LayerInfo[];
  /** Total compressed size in bytes. */
  size: number;
}

/** One image manifest an index lists for a platform. */
export interface IndexEntry {
  digest: string;
  mediaType: string;
  size: number;
  /** As the index gives it; the image's config says the same for a well-formed index. */
  platform?: Platform;
}

/** A multi-platform index: its image manifests, and the entries that are not images (with why). */
export interface ImageIndex {
  digest: string;
  mediaType: string;
  platforms: IndexEntry[];
  /** Entries that are not a platform's image, e.g. buildx attestation manifests (`unknown/unknown`). */
  skipped: { digest: string; reason: string }[];
}

export type FileType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** One entry of one layer, as seen while walking. Paths are absolute POSIX inside the image: "/etc/passwd". */
export interface FileEntry {
  path: string;
  type: FileType;
  /** Permission bits including setuid/setgid/sticky (e.g. 0o4755). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Symlink or hard-link target (hard links: absolute path in the image). */
  linkTarget?: string;
  layerIndex: number;
  layerDigest: string;
  createdBy?: string;
}

/** The final filesystem after all layers, as known when the walk ends. */
export interface FinalView {
  /** The layer whose version of `path` is visible in the final filesystem, or undefined if deleted/absent. */
  visibleLayer(path: string): number | undefined;
  /** True when this (path, layer) version was deleted or overwritten by a later layer. */
  isHidden(path: string, layerIndex: number): boolean;
  /** Resolves symlinks inside the image root; never leaves it. Undefined if it does not resolve. */
  resolve(path: string): string | undefined;
  /** Metadata of the visible entry. */
  stat(path: string): FileEntry | undefined;
  /** Every visible entry (metadata only). */
  entries(): Iterable<FileEntry>;
}

/**
 * An analyzer declares which files it wants and receives their bytes during the one walk over the layers
 * (lowest first). It sees every version of a wanted file, including ones a later layer deletes or
 * overwrites; finish() gets the final view to decide which versions count.
 */
export interface Analyzer<R = unknown> {
  readonly name: string;
  /** Return true to receive the content of this regular file. Called for every regular file in every layer. */
  wants(entry: FileEntry): boolean;
  /** Content of a wanted file. Large files may be truncated to maxBytes (then `truncated` is true). */
  analyze(entry: FileEntry, content: Buffer, truncated: boolean): void | Promise<void>;
  /** Optional: the largest content it needs (default 64 MiB). */
  readonly maxBytes?: number;
  /** Optional: sees the metadata of every entry (e.g. setuid checks), before content. */
  onEntry?(entry: FileEntry): void;
  /** Called after the last layer. */
  finish(view: FinalView, image: ImageInfo): R | Promise<R>;
}

/** What one registered image analyzer contributes to a scan; the pipeline merges every analyzer's output. */
export interface AnalyzerOutput {
  findings?: Finding[];
  /** Inventory analyzers: the OS and the packages they found. */
  os?: OsInfo;
  packages?: Package[];
  /** Set when the analyzer ran but could not do all of its job (e.g. ClamAV did not run): what was not done. */
  incomplete?: string;
}

/** What a scan tells the analyzers it creates. */
export interface AnalyzerSettings {
  /** The scanners chosen for this scan (vuln, secret, config, malware). */
  scanners: ReadonlySet<string>;
  /** ClamAV signature database folder (default ClamAV's own). */
  clamavDatabase?: string;
  /** Limits of the image configuration checks (the policy's `image:`); each has its default when absent. */
  limits?: { maxSizeBytes?: number; maxLayers?: number; maxAgeDays?: number };
  /** Lint the build history with the Dockerfile rules that apply to it (default true). */
  historyLint?: boolean;
}

/**
 * An image analyzer as the registry loads it: its version, its rules, and a factory for the walk analyzers
 * that do the work (fresh ones per scan: they keep state for one walk).
 */
export interface AnalyzerModule {
  /** Bumped when what the analyzer reports changes (recorded in the report). */
  readonly version: number;
  readonly rules: readonly RuleMeta[];
  create(settings: AnalyzerSettings): Analyzer<AnalyzerOutput>[];
}

/** An analyzer that threw while the image was walked; its output is missing or incomplete. */
export interface AnalyzerFailure {
  /** Position of the analyzer in the list given to the walk. */
  index: number;
  analyzer: string;
  /** One line: where it failed and the error message ("to finish: ...", "on /path (layer 2): ..."). */
  error: string;
}

export interface InventoryResult {
  os?: OsInfo;
  packages: Package[];
}
