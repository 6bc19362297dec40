import type { Severity } from './severity';

/** Which part of shipgate produced a finding; each is its own SARIF run and GitLab report section. */
export type FindingKind = 'dockerfile' | 'manifest' | 'vulnerability' | 'secret' | 'config' | 'malware';

/** A place in the repository (a Dockerfile or Kubernetes manifest line). Paths are POSIX and relative to the repository root. */
export interface SourceLocation {
  path: string;
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  /** The source text of the first line, for code frames and fingerprints. */
  snippet?: string;
}

/** A place inside a container image. */
export interface ImageLocation {
  /** The image reference as given by the user, e.g. ghcr.io/org/app:1.2 */
  ref?: string;
  /** The image manifest digest, when known. */
  digest?: string;
  /** The diff-ID or blob digest of the layer, and its 0-based index (lowest first). */
  layerDigest?: string;
  layerIndex?: number;
  /** Absolute POSIX path inside the image filesystem, e.g. /usr/lib/node_modules/x/package.json */
  path?: string;
  /** The config-history `created_by` of the layer (the Dockerfile instruction that made it). */
  createdBy?: string;
  /** True when the file was deleted by a later layer (still extractable from its layer). */
  deleted?: boolean;
}

export interface VulnerabilityDetails {
  id: string;
  aliases: string[];
  packageName: string;
  packageVersion: string;
  ecosystem: string;
  purl?: string;
  fixedVersions: string[];
  /** 'fixed' when a fix exists, 'unfixed' when the advisory has none, 'wont-fix' when the distro says so. */
  fixState: 'fixed' | 'unfixed' | 'wont-fix' | 'unknown';
  cvss?: { version: string; vector: string; score: number; source: string }[];
  /** Where the severity came from (e.g. "cvss:3.1 nvd", "debian"). */
  severitySource?: string;
  score?: number;
  published?: string;
  modified?: string;
  references: string[];
  summary?: string;
  /** FIRST EPSS: the probability of exploitation in the next 30 days (highest among the CVE ids), and its day. */
  epss?: { cve: string; score: number; percentile: number; date: string };
  /** In CISA's Known Exploited Vulnerabilities catalogue (through this CVE id). */
  kev?: { cve: string; dateAdded: string; ransomware: boolean };
}

export interface Suppression {
  /** How the finding was suppressed: inline pragma, policy ignore, VEX statement, .hadolint.yaml ... */
  kind: 'inline' | 'policy' | 'vex' | 'hadolint-config' | 'baseline';
  reason?: string;
  expires?: string;
}

export interface Finding {
  /** Stable rule id: SG-DF-NNN, SG-K8S-NNN, SG-IMG-NNN, SG-SEC-NNN, SG-MAL-NNN or a vulnerability id (CVE/GHSA/...). */
  ruleId: string;
  kind: FindingKind;
  severity: Severity;
  /** One sentence about this occurrence, with the specifics (package, line, value redacted). */
  message: string;
  /** Repository location (Dockerfile line) when the finding can be tied to one. */
  location?: SourceLocation;
  /** Image location when the finding comes from an image. */
  image?: ImageLocation;
  /**
   * Stable identity of this occurrence across runs and unrelated edits (not line numbers):
   * used for SARIF partialFingerprints, GitLab ids, de-duplication and ignores.
   */
  fingerprint: string;
  /** A fix is available (vulnerability has a fixed version; rule has an automatic remedy). */
  fixable?: boolean;
  /** A short, specific fix hint for this occurrence ("upgrade openssl to 3.0.13-1~deb12u1"). */
  fix?: string;
  vulnerability?: VulnerabilityDetails;
  suppressed?: Suppression;
  /** Extra machine-readable details (never secret values). */
  properties?: Record<string, unknown>;
}

/** Metadata of a rule, shown in docs, `shipgate rules` and SARIF `tool.driver.rules`. */
export interface RuleMeta {
  id: string;
  kind: FindingKind;
  /** Short title, e.g. "Final stage runs as root". */
  title: string;
  severity: Severity;
  /** What the rule checks (one or two sentences). */
  description: string;
  /** Why it matters. */
  rationale: string;
  /** How to fix it, markdown, with an example. */
  fix: string;
  tags: string[];
  /** Equivalent checks in other tools, for migration and for honouring their ignore pragmas. */
  equivalents?: {
    hadolint?: string[];
    trivy?: string[];
    buildkit?: string[];
    checkov?: string[];
    kubeScore?: string[];
    dockle?: string[];
    gitleaks?: string[];
  };
  /**
   * Checks of other tools that resemble this rule but decide differently (so no equivalence is claimed), with how
   * they differ. Their ids still work in ignore pragmas.
   */
  related?: { checks: NonNullable<RuleMeta['equivalents']>; differs: string };
  /** Off unless a policy enables it. */
  optional?: boolean;
}

const DOCS_BASE_URL = 'https://github.com/shipgate/shipgate/blob/main/docs';

export function ruleHelpUri(rule: Pick<RuleMeta, 'id' | 'kind'>): string {
  // ShellCheck's findings on RUN scripts are documented by ShellCheck itself.
  if (rule.kind === 'dockerfile' && /^SC\d{4}$/.test(rule.id))
    return `https://www.shellcheck.net/wiki/${rule.id}`;
  const page =
    rule.kind === 'dockerfile'
      ? 'rules/dockerfile.md'
      : rule.kind === 'manifest'
        ? 'rules/manifests.md'
        : rule.kind === 'secret'
          ? 'rules/secrets.md'
          : rule.kind === 'config'
            ? 'rules/image-config.md'
            : rule.kind === 'malware'
              ? 'rules/malware.md'
              : 'vulnerabilities.md';
  return `${DOCS_BASE_URL}/${page}#${rule.id.toLowerCase()}`;
}
