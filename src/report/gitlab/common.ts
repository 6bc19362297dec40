/** Pieces shared by the GitLab security reports: schema version, times, severities, ids and identifiers. */
import { createHash } from 'node:crypto';
import type { Finding, VulnerabilityDetails } from '../../core/finding';
import type { OsInfo, Package, PackageType } from '../../core/package';
import type { Severity } from '../../core/severity';

/** GitLab security report schema version the reports conform to (15.x is the current major). */
export const SCHEMA_VERSION = '15.2.4';

export function schemaUrl(kind: 'container-scanning' | 'dependency-scanning'): string {
  return `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${SCHEMA_VERSION}/dist/${kind}-report-format.json`;
}

export const PROJECT_URL = 'https://github.com/shipgate/shipgate';

export type GitlabSeverity = 'Critical' | 'High' | 'Medium' | 'Low' | 'Info' | 'Unknown';

const SEVERITY_NAME: Record<Severity, GitlabSeverity> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/**
 * GitLab's severity for a finding. A vulnerability whose data has no severity (the matcher names the source
 * "unknown ..." and gates on a default) or that is rated "info" without any score or source is shown as
 * Unknown, which is what GitLab has the level for.
 */
export function gitlabSeverity(f: Finding): GitlabSeverity {
  const v = f.vulnerability;
  if (v?.severitySource?.toLowerCase().startsWith('unknown')) return 'Unknown';
  if (f.severity === 'info' && v && v.score === undefined && !v.cvss?.length && !v.severitySource)
    return 'Unknown';
  return SEVERITY_NAME[f.severity];
}

/** "YYYY-MM-DDTHH:MM:SS" in UTC, the only time format the schema accepts. */
export function gitlabTime(iso: string | undefined, fallback = new Date()): string {
  const d = iso ? new Date(iso) : fallback;
  const t = Number.isNaN(d.getTime()) ? fallback : d;
  return t.toISOString().slice(0, 19);
}

/** RFC 4122 name-based UUID, version 5 (SHA-1), of `name` in the namespace UUID `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

// A fixed namespace so the same finding always gets the same id across runs.
const ID_NAMESPACE = '5b0f4c1e-6a8d-4d3f-9b7e-2c1a0d9e8f70';

/** The stable UUID GitLab reports use for a finding. */
export function uuidFromName(name: string): string {
  return uuidV5(ID_NAMESPACE, name);
}

export interface Identifier {
  type: string;
  name: string;
  value: string;
  url?: string;
}

/** The identifier type and documentation URL for an advisory id (CVE, GHSA, distro advisories, OSV ids). */
function identifierFor(id: string): Identifier {
  const upper = id.toUpperCase();
  if (/^CVE-\d{4}-\d+$/.test(upper))
    return { type: 'cve', name: upper, value: upper, url: `https://nvd.nist.gov/vuln/detail/${upper}` };
  if (/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i.test(id))
    return { type: 'ghsa', name: id, value: id, url: `https://github.com/advisories/${id}` };
  if (/^CWE-\d+$/.test(upper)) {
    const n = upper.slice(4);
    return { type: 'cwe', name: upper, value: n, url: `https://cwe.mitre.org/data/definitions/${n}.html` };
  }
  const prefix = /^([A-Za-z]+)-/.exec(id)?.[1]?.toLowerCase() ?? 'osv';
  return {
    type: prefix,
    name: id,
    value: id,
    url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`,
  };
}

/** GitLab keeps at most 20 identifiers; the first is the primary one used for tracking. */
const MAX_IDENTIFIERS = 20;

/**
 * Identifiers of a vulnerability: its own id and aliases, with a CVE first when there is one, so GitLab
 * merges the finding with the same CVE reported by other scanners.
 */
export function vulnerabilityIdentifiers(v: VulnerabilityDetails): Identifier[] {
  const ids = [...new Set([v.id, ...v.aliases].filter((s) => s.trim() !== ''))];
  const cve = ids.find((i) => /^CVE-\d{4}-\d+$/i.test(i));
  const ordered = cve ? [cve, ...ids.filter((i) => i !== cve)] : ids;
  return ordered.slice(0, MAX_IDENTIFIERS).map(identifierFor);
}

const URL_RE = /^(https?|ftp):\/\/.+/;

export function links(urls: readonly string[]): { url: string }[] {
  return [...new Set(urls.filter((u) => URL_RE.test(u)))].map((url) => ({ url }));
}

// The schema's own patterns for CVSS vectors: a vector that does not match makes GitLab reject the whole report.
const CVSS2 =
  /^((AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))\/)*(AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))$/;
const CVSS3_PART =
  '(AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])';
const CVSS3 = new RegExp(`^CVSS:3[.][01]/(${CVSS3_PART}/)*${CVSS3_PART}$`);
const CVSS4 =
  /^CVSS:4[.]0\/AV:[NALP]\/AC:[LH]\/AT:[NP]\/PR:[NLH]\/UI:[NPA]\/VC:[HLN]\/VI:[HLN]\/VA:[HLN]\/SC:[HLN]\/SI:[HLN]\/SA:[HLN](\/E:[XAPU])?(\/CR:[XHML])?(\/IR:[XHML])?(\/AR:[XHML])?(\/MAV:[XNALP])?(\/MAC:[XLH])?(\/MAT:[XNP])?(\/MPR:[XNLH])?(\/MUI:[XNPA])?(\/MVC:[XNLH])?(\/MVI:[XNLH])?(\/MVA:[XNLH])?(\/MSC:[XNLH])?(\/MSI:[XNLHS])?(\/MSA:[XNLHS])?(\/S:[XNP])?(\/AU:[XNY])?(\/R:[XAUI])?(\/V:[XDC])?(\/RE:[XLMH])?(\/U:(X|Clear|Green|Amber|Red))?$/;

function validCvssVector(vector: string): boolean {
  const n = vector.length;
  if (vector.startsWith('CVSS:4')) return n >= 32 && n <= 256 && CVSS4.test(vector);
  if (vector.startsWith('CVSS:3')) return n >= 32 && n <= 128 && CVSS3.test(vector);
  return n >= 16 && n <= 128 && CVSS2.test(vector);
}

/** CVSS vectors in the schema's shape, only those GitLab accepts, at most 10; undefined when none. */
export function cvssVectors(v: VulnerabilityDetails): { vendor: string; vector: string }[] | undefined {
  const seen = new Set<string>();
  const out: { vendor: string; vector: string }[] = [];
  for (const c of v.cvss ?? []) {
    const vector = c.vector.replace(/^\(|\)$/g, '');
    if (seen.has(vector) || !validCvssVector(vector)) continue;
    seen.add(vector);
    out.push({ vendor: c.source.trim() || 'unknown', vector });
  }
  return out.length ? out.slice(0, 10) : undefined;
}

const OS_PACKAGE_TYPES: ReadonlySet<PackageType> = new Set(['deb', 'apk', 'rpm']);

// OSV ecosystem names (before any ":release" suffix) of operating-system distributions.
const OS_ECOSYSTEMS =
  /^(debian|ubuntu|alpine|alpaquita|bellsoft hardened containers|red hat|rocky linux|almalinux|suse|opensuse|sles|wolfi|chainguard|photon os|mageia|openeuler|azure linux|mariner|amazon linux|oracle linux|centos|fedora|minimos|echo)(:|$)/i;

/** Package lookup by name and version (and path when several copies exist). */
export class PackageIndex {
  private readonly byKey = new Map<string, Package[]>();

  constructor(packages: readonly Package[]) {
    for (const p of packages) {
      const k = `${p.name}\u0000${p.version}`;
      const list = this.byKey.get(k);
      if (list) list.push(p);
      else this.byKey.set(k, [p]);
    }
  }

  find(name: string, version: string, path?: string): Package | undefined {
    const list = this.byKey.get(`${name}\u0000${version}`);
    if (!list) return undefined;
    return (path && list.find((p) => p.path === path || p.binaryPath === path)) || list[0];
  }
}

function purlType(purl: string | undefined): string | undefined {
  return purl ? /^pkg:([a-z0-9.+-]+)\//i.exec(purl)?.[1]?.toLowerCase() : undefined;
}

/** The package behind a vulnerability finding, when the inventory has it. */
export function findingPackage(f: Finding, index: PackageIndex): Package | undefined {
  const v = f.vulnerability;
  return v ? index.find(v.packageName, v.packageVersion, f.image?.path) : undefined;
}

/** Whether a vulnerability is in an operating-system package (container scanning) or a language package. */
export function isOsVulnerability(f: Finding, pkg: Package | undefined): boolean {
  const v = f.vulnerability;
  if (!v) return false;
  const t = purlType(v.purl) ?? pkg?.type ?? purlType(pkg?.purl);
  if (t) return OS_PACKAGE_TYPES.has(t as PackageType);
  return OS_ECOSYSTEMS.test(v.ecosystem);
}

/** "debian:12" style name of the image's operating system. */
export function operatingSystem(os: OsInfo | undefined): string {
  if (!os?.id) return 'unknown';
  return os.versionId ? `${os.id}:${os.versionId}` : os.id;
}
