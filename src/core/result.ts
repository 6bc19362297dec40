import type { Finding, FindingKind, RuleMeta } from './finding';
import type { OsInfo, Package } from './package';
import type { Severity } from './severity';

/** One Dockerfile that was scanned. */
export interface DockerfileTarget {
  /** POSIX path relative to the repository root (what SARIF and GitLab reports use). */
  path: string;
  /** Line numbers of each stage's FROM, and the final stage's base image, for mapping image findings. */
  stages: { name?: string; baseImage: string; line: number }[];
  /** Line of each instruction by normalised text, so image history `created_by` can be mapped back. */
  instructions: { line: number; endLine: number; keyword: string; text: string; stage: number }[];
  /** Images that `COPY --from=` and `RUN --mount=from=` read files from, pulled like base images. */
  pulledImages: { image: string; line: number }[];
  /**
   * The USER the final stage runs as (inherited from the stages it builds on, variables substituted); null
   * when none sets one. `unknown`: a variable with no value in the Dockerfile.
   */
  finalUser: { line: number; text: string; value: string; runsAs: 'root' | 'non-root' | 'unknown' } | null;
}

export interface ImageTarget {
  ref: string;
  repository?: string;
  tag?: string;
  digest?: string;
  configDigest?: string;
  platform?: string;
  os?: OsInfo;
  layers: { index: number; digest: string; diffId?: string; size: number; createdBy?: string }[];
  size?: number;
}

type DecisionReasonCode =
  | 'severity-threshold'
  | 'max-count'
  | 'secret'
  | 'malware'
  | 'analyzer-failed'
  | 'malware-not-scanned'
  | 'required-property'
  | 'ignore-expired'
  | 'severity-filter'
  | 'rule'
  | 'kev'
  | 'epss'
  | 'exploit-data-missing'
  | 'ok';

export interface DecisionReason {
  code: DecisionReasonCode;
  /** Whether this reason blocks approval (false: informational, e.g. "3 findings ignored by policy"). */
  blocking: boolean;
  message: string;
  severity?: Severity;
  /** Fingerprints of the findings behind this reason (first ones). */
  findings?: string[];
}

export interface Decision {
  approved: boolean;
  reasons: DecisionReason[];
  /** Where the policy came from: a file path or "default policy". */
  policy: string;
}

/** What one image analyzer did in a scan (recorded in the report so a partial scan is never silent). */
export interface AnalyzerStatus {
  name: string;
  /** The scanner it belongs to: vuln, secret, config or malware. */
  scanner: string;
  version: number;
  /** ok: ran fully; incomplete: ran but skipped part of its job; failed: threw, its output is missing. */
  status: 'ok' | 'incomplete' | 'failed';
  /** Why it is incomplete or failed (one line). */
  detail?: string;
}

/** One platform of a multi-platform image, as its own scan decided. */
export interface PlatformOutcome {
  /** os/arch[/variant] */
  platform: string;
  /** The platform's manifest digest. */
  digest: string;
  configDigest: string;
  decision: Decision;
  /** Findings that are not suppressed, by severity. */
  counts: Record<Severity, number>;
}

/** A multi-platform image scanned platform by platform: the index and each platform's decision. */
export interface IndexResult {
  digest: string;
  platforms: PlatformOutcome[];
  /** Entries of the index that are no platform's image (attestation manifests), with why. */
  skipped: { digest: string; reason: string }[];
}

export interface ScanResult {
  tool: { name: 'shipgate'; version: string };
  startedAt: string;
  finishedAt: string;
  dockerfiles: DockerfileTarget[];
  image?: ImageTarget;
  packages: Package[];
  /** All findings, including suppressed ones (marked), sorted by severity then location. */
  findings: Finding[];
  /** Metadata for every rule id that appears in findings (and every rule that ran, for SARIF). */
  rules: RuleMeta[];
  decision?: Decision;
  /**
   * The parts that ran (each gets a SARIF run even when it found nothing, which closes that category's old
   * alerts); a part that did not run must not get an empty run.
   */
  parts?: FindingKind[];
  /**
   * Present when every platform of a multi-platform image was scanned: `image` is then the first platform,
   * `findings` are every platform's, and `decision` approves only when every platform's does.
   */
  index?: IndexResult;
  /** The image analyzers that ran and how each fared (absent when no image was scanned). */
  analyzers?: AnalyzerStatus[];
  /** Problems that did not stop the scan (e.g. a layer that could not be read), shown to the user. */
  warnings: string[];
  /** The exploitation data the policy asked for (absent when it asked for none or no image was matched). */
  exploitData?: ExploitDataStatus;
}

/** What EPSS and CISA KEV data a scan had: each loaded source with its date or version, else why not. */
export interface ExploitDataStatus {
  epss?: { date: string; model?: string };
  kev?: { version?: string };
  errors: Partial<Record<'epss' | 'kev', string>>;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) if (!f.suppressed) out[f.severity]++;
  return out;
}
