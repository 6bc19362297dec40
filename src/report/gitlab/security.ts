/**
 * GitLab's container scanning report (schema 15.x): vulnerabilities in the image's operating-system and
 * language packages, as GitLab's own container scanning reports them (the vulnerability report page is where
 * GitLab users look for image findings). Pure: the caller reads files and writes the result.
 */
import { ruleHelpUri, type Finding } from '../../core/finding';
import type { Package } from '../../core/package';
import type { ScanResult } from '../../core/result';
import { compareText, sortFindings } from '../../core/order';
import { stripControl } from '../../core/text';
import { truncate } from '../common';
import {
  cvssVectors,
  findingPackage,
  gitlabSeverity,
  gitlabTime,
  isOsVulnerability,
  links,
  operatingSystem,
  PackageIndex,
  PROJECT_URL,
  SCHEMA_VERSION,
  schemaUrl,
  uuidFromName,
  vulnerabilityIdentifiers,
  type GitlabSeverity,
  type Identifier,
} from './common';
import { finalFromLine, insertLineDiff, upgradeCommand } from './remediation';

type ScanType = 'container_scanning';

interface GitlabScan {
  analyzer: { id: string; name: string; version: string; vendor: { name: string }; url: string };
  scanner: { id: string; name: string; version: string; vendor: { name: string }; url: string };
  type: ScanType;
  start_time: string;
  end_time: string;
  status: 'success' | 'failure';
  messages: { level: 'info' | 'warn' | 'fatal'; value: string }[];
}

type DetailText = { name: string; type: 'text'; value: string };

interface GitlabVulnerability<L> {
  id: string;
  name: string;
  description: string;
  severity: GitlabSeverity;
  solution?: string;
  identifiers: Identifier[];
  cvss_vectors?: { vendor: string; vector: string }[];
  links: { url: string }[];
  details?: Record<string, DetailText>;
  location: L;
}

interface ContainerLocation {
  dependency: { package: { name: string }; version: string };
  operating_system: string;
  image: string;
  default_branch_image?: string;
}

interface GitlabRemediation {
  fixes: { id: string }[];
  summary: string;
  diff: string;
}

interface GitlabSecurityReport<L> {
  version: string;
  schema: string;
  scan: GitlabScan;
  vulnerabilities: GitlabVulnerability<L>[];
  remediations: GitlabRemediation[];
}

export type ContainerScanningReport = GitlabSecurityReport<ContainerLocation>;

export interface SecurityReportOptions {
  /** The image's name on the default branch (GitLab's CS_DEFAULT_BRANCH_IMAGE), so findings match across branches. */
  defaultBranchImage?: string;
  /** Text of the scanned Dockerfiles by repository path, for remediation patches. */
  dockerfileTexts?: ReadonlyMap<string, string>;
  /** Whether the scan itself failed (GitLab shows the report as a failed scan). */
  failed?: boolean;
}

const MAX_NAME = 255;
const MAX_SOLUTION = 7000;
const MAX_DESCRIPTION = 1_048_576;

function clean(text: string, max: number): string {
  return truncate(stripControl(text).trim(), max);
}

function scanObject(result: ScanResult, type: ScanType, suppressed: number, failed: boolean): GitlabScan {
  const tool = {
    id: 'shipgate',
    name: 'shipgate',
    version: result.tool.version,
    vendor: { name: 'shipgate' },
    url: PROJECT_URL,
  };
  const messages: GitlabScan['messages'] = result.warnings
    .map((w) => clean(w, 4000))
    .filter((w) => w !== '')
    .map((value) => ({ level: 'warn' as const, value }));
  if (suppressed > 0)
    messages.push({
      level: 'info',
      value: `${suppressed} suppressed finding${suppressed === 1 ? ' is' : 's are'} not reported (ignored by policy, VEX or inline pragma).`,
    });
  return {
    analyzer: tool,
    scanner: tool,
    type,
    start_time: gitlabTime(result.startedAt),
    end_time: gitlabTime(result.finishedAt),
    status: failed ? 'failure' : 'success',
    messages,
  };
}

function solution(f: Finding): string | undefined {
  const v = f.vulnerability!;
  if (f.fix) return clean(f.fix, MAX_SOLUTION);
  if (v.fixedVersions.length)
    return clean(`Upgrade ${v.packageName} to ${v.fixedVersions.join(' or ')} or later.`, MAX_SOLUTION);
  if (v.fixState === 'wont-fix')
    return `The distribution will not fix this vulnerability in ${v.packageName}; consider another base image.`;
  return `No fixed version of ${v.packageName} is available yet.`;
}

function details(f: Finding, pkg: Package | undefined): Record<string, DetailText> | undefined {
  const out: Record<string, DetailText> = {};
  const path = f.image?.path ?? pkg?.path;
  if (path) out.package_path = { name: 'Found in', type: 'text', value: path };
  const layerIndex = f.image?.layerIndex ?? pkg?.layerIndex;
  const layerDigest = f.image?.layerDigest ?? pkg?.layerDigest;
  const createdBy = f.image?.createdBy ?? pkg?.createdBy;
  if (layerIndex !== undefined || layerDigest) {
    const parts = [
      `layer ${layerIndex ?? '?'}`,
      layerDigest,
      createdBy ? `(${clean(createdBy, 300)})` : undefined,
    ];
    out.layer = { name: 'Image layer', type: 'text', value: parts.filter(Boolean).join(' ') };
  }
  const v = f.vulnerability!;
  if (v.fixedVersions.length)
    out.fixed_versions = { name: 'Fixed versions', type: 'text', value: v.fixedVersions.join(', ') };
  if (v.severitySource)
    out.severity_source = { name: 'Severity source', type: 'text', value: v.severitySource };
  if (v.kev)
    out.kev = {
      name: 'CISA Known Exploited Vulnerabilities',
      type: 'text',
      value: `${v.kev.cve} added ${v.kev.dateAdded}${v.kev.ransomware ? '; known ransomware campaign use' : ''}`,
    };
  if (v.epss)
    out.epss = {
      name: 'EPSS',
      type: 'text',
      value: `${v.epss.score} (percentile ${v.epss.percentile}, ${v.epss.cve}, ${v.epss.date})`,
    };
  return Object.keys(out).length ? out : undefined;
}

function vulnerability<L>(
  f: Finding,
  pkg: Package | undefined,
  type: ScanType,
  location: L,
): GitlabVulnerability<L> {
  const v = f.vulnerability!;
  const identifiers = vulnerabilityIdentifiers(v);
  const primary = identifiers[0]?.name ?? v.id;
  const summary = v.summary ? clean(v.summary, MAX_NAME) : '';
  const description = [f.message, v.summary && !f.message.includes(v.summary) ? v.summary : undefined]
    .filter((s): s is string => !!s)
    .join('\n\n');
  const out: GitlabVulnerability<L> = {
    id: uuidFromName(`${type}\u0000${f.fingerprint}`),
    name: summary || clean(`${primary} in ${v.packageName}`, MAX_NAME),
    description: clean(description, MAX_DESCRIPTION),
    severity: gitlabSeverity(f),
    identifiers: identifiers.length ? identifiers : [{ type: 'shipgate', name: f.ruleId, value: f.ruleId }],
    links: links(v.references),
    location,
  };
  const sol = solution(f);
  if (sol) out.solution = sol;
  const cvss = cvssVectors(v);
  if (cvss) out.cvss_vectors = cvss;
  const d = details(f, pkg);
  if (d) out.details = d;
  return out;
}

function imageName(result: ScanResult, f: Finding): string {
  return f.image?.ref || result.image?.ref || 'unknown';
}

interface Classified {
  /** Findings about the operating system itself (end of life), with no package behind them. */
  system: Finding[];
  os: [Finding, Package | undefined][];
  lang: [Finding, Package | undefined][];
  osSuppressed: number;
  langSuppressed: number;
}

/** Split of vulnerability findings into OS and language ones (with their packages), suppressed ones counted. */
function classify(result: ScanResult): Classified {
  const index = new PackageIndex(result.packages);
  const out: Classified = { system: [], os: [], lang: [], osSuppressed: 0, langSuppressed: 0 };
  for (const f of sortFindings(result.findings)) {
    if (f.kind !== 'vulnerability') continue;
    if (!f.vulnerability) {
      if (f.suppressed) out.osSuppressed++;
      else out.system.push(f);
      continue;
    }
    const pkg = findingPackage(f, index);
    const isOs = isOsVulnerability(f, pkg);
    if (f.suppressed) {
      if (isOs) out.osSuppressed++;
      else out.langSuppressed++;
    } else (isOs ? out.os : out.lang).push([f, pkg]);
  }
  return out;
}

/** Remediation patches: one per package with a fixed version, when the image's Dockerfile is known. */
function remediations(
  result: ScanResult,
  vulns: [Finding, Package | undefined][],
  ids: string[],
  options: SecurityReportOptions,
): GitlabRemediation[] {
  const target = result.dockerfiles.length === 1 ? result.dockerfiles[0] : undefined;
  const text = target && options.dockerfileTexts?.get(target.path);
  const line = target && finalFromLine(target);
  if (!target || text === undefined || line === undefined) return [];
  const byPackage = new Map<string, { fixes: string[]; vulnIds: string[]; versions: Set<string> }>();
  vulns.forEach(([f, pkg], i) => {
    const v = f.vulnerability!;
    if (!v.fixedVersions.length) return;
    const name = pkg?.name ?? v.packageName;
    const entry = byPackage.get(name) ?? { fixes: [], vulnIds: [], versions: new Set<string>() };
    entry.fixes.push(ids[i]!);
    entry.vulnIds.push(v.id);
    for (const fv of v.fixedVersions) entry.versions.add(fv);
    byPackage.set(name, entry);
  });
  const out: GitlabRemediation[] = [];
  for (const [name, e] of [...byPackage].sort(([a], [b]) => compareText(a, b))) {
    const cmd = upgradeCommand(result.image?.os, [name]);
    const diff = cmd && insertLineDiff(target.path, text, line, `RUN ${cmd}`);
    if (!diff) continue;
    const fixed = [...new Set(e.vulnIds)];
    out.push({
      fixes: [...new Set(e.fixes)].map((id) => ({ id })),
      summary: clean(
        `Upgrade ${name} to ${[...e.versions].join(' or ')} or later in ${target.path} (fixes ${fixed.slice(0, 10).join(', ')}${fixed.length > 10 ? ', …' : ''})`,
        1000,
      ),
      diff: Buffer.from(diff, 'utf8').toString('base64'),
    });
  }
  return out;
}

/** An OS-level finding (such as an end-of-life release), located at the OS as its "package". */
function systemVulnerability(
  f: Finding,
  result: ScanResult,
  osName: string,
  options: SecurityReportOptions,
): GitlabVulnerability<ContainerLocation> {
  const os = result.image?.os;
  const location: ContainerLocation = {
    dependency: { package: { name: os?.id ?? 'operating-system' }, version: os?.versionId ?? '' },
    operating_system: osName,
    image: imageName(result, f),
  };
  if (options.defaultBranchImage) location.default_branch_image = truncate(options.defaultBranchImage, 255);
  const out: GitlabVulnerability<ContainerLocation> = {
    id: uuidFromName(`container_scanning\u0000${f.fingerprint}`),
    name: clean(f.message, MAX_NAME),
    description: clean(f.message, MAX_DESCRIPTION),
    severity: gitlabSeverity(f),
    identifiers: [
      { type: 'shipgate', name: f.ruleId, value: f.ruleId, url: ruleHelpUri({ id: f.ruleId, kind: f.kind }) },
    ],
    links: [],
    location,
  };
  if (f.fix) out.solution = clean(f.fix, MAX_SOLUTION);
  return out;
}

/**
 * The `container_scanning` report: vulnerabilities in the image's operating-system packages, then in its
 * language packages (each with the path it was found at in its details); remediation patches for the first.
 */
export function buildContainerScanningReport(
  result: ScanResult,
  options: SecurityReportOptions = {},
): ContainerScanningReport {
  const { system, os, lang, osSuppressed, langSuppressed } = classify(result);
  const osName = operatingSystem(result.image?.os);
  const located = ([f, pkg]: [Finding, Package | undefined]) => {
    const v = f.vulnerability!;
    const location: ContainerLocation = {
      dependency: { package: { name: v.packageName }, version: v.packageVersion },
      operating_system: osName,
      image: imageName(result, f),
    };
    if (options.defaultBranchImage) location.default_branch_image = truncate(options.defaultBranchImage, 255);
    return vulnerability(f, pkg, 'container_scanning', location);
  };
  const osVulnerabilities = os.map(located);
  const vulnerabilities = [
    ...system.map((f) => systemVulnerability(f, result, osName, options)),
    ...osVulnerabilities,
    ...lang.map(located),
  ];
  return {
    version: SCHEMA_VERSION,
    schema: schemaUrl('container-scanning'),
    scan: scanObject(result, 'container_scanning', osSuppressed + langSuppressed, options.failed ?? false),
    vulnerabilities,
    remediations: remediations(
      result,
      os,
      osVulnerabilities.map((v) => v.id),
      options,
    ),
  };
}
