/** ScanResult → SARIF 2.1.0, one run per tool part, shaped for GitHub code scanning. */
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, Run, Suppression as SarifSuppression } from 'sarif';
import type { Finding, FindingKind, RuleMeta, Suppression } from '../../core/finding';
import { userCategory } from './category';
import { stableHash } from '../../core/hash';
import { mask } from '../../core/logger';
import type { ScanResult } from '../../core/result';
import { imageRepository } from '../../oci/ref';
import { PARTS, sortFindings } from '../../core/order';
import { PART_LABEL, imageDisplayName, imagePlaceLabel, ruleIndex, slug, truncate } from '../common';
import { lineHashes } from './line-hash';
import { placeFinding, repoPath, SRCROOT, type LocationContext } from './locations';
import { ruleDescriptor, SARIF_LEVEL, vulnerabilityDescriptor } from './rules';

const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/shipgate/shipgate';
/** Key of shipgate's own fingerprint in partialFingerprints; bump the version if the recipe changes. */
export const FINGERPRINT_KEY = 'shipgate/v1';

export interface SarifOptions {
  /** Absolute path of the repository root; result paths are relative to it (originalUriBaseIds %SRCROOT%). */
  repoRoot: string;
  /**
   * The code scanning category, as github/codeql-action's `category` input: each part's run gets
   * `<category>/<part>/` (default: `shipgate/<part>/<slug of the image repository or Dockerfile path>/`).
   */
  category?: string;
  /** Reads a repository file (repository-relative path) for line hashes, snippets and FROM-line ranges. */
  readFile?: (path: string) => string | undefined;
  /** Only these parts get a run (default: every part with findings, rules or a scanned target). */
  parts?: FindingKind[];
  /** Version control details, when known (GitHub infers them from the upload otherwise). */
  vcs?: { repositoryUri: string; revisionId?: string; branch?: string };
}

/** The parts that get a run: an empty run still matters, because it closes the alerts of a category. */
function partsOf(result: ScanResult, options: Pick<SarifOptions, 'parts'> = {}): FindingKind[] {
  if (options.parts) return PARTS.filter((p) => options.parts?.includes(p));
  if (result.parts) return PARTS.filter((p) => result.parts?.includes(p));
  const present = new Set<FindingKind>();
  for (const f of result.findings) present.add(f.kind);
  for (const r of result.rules) present.add(r.kind);
  if (result.dockerfiles.length) present.add('dockerfile');
  if (result.image) present.add('vulnerability');
  return PARTS.filter((p) => present.has(p));
}

/** The category segment (without the shipgate/<part>/ prefix) of one part's run. */
export function defaultCategory(result: ScanResult, part: FindingKind, repoRoot = ''): string {
  const dockerfiles = result.dockerfiles.map((d) => repoPath(d.path, repoRoot)).sort();
  if (dockerfiles.length === 0)
    for (const f of result.findings)
      if (f.kind === 'dockerfile' && f.location) dockerfiles.push(f.location.path);
  const image = result.image ? imageRepository(result.image) : undefined;
  // Manifest runs are one category per image (or one per repository): stable whichever files have findings.
  if (part === 'manifest') return slug(image ?? 'default', (s) => stableHash(s));
  const target =
    part === 'dockerfile'
      ? dockerfiles.length
        ? [...new Set(dockerfiles)].join('+')
        : image
      : (image ?? (dockerfiles.length ? [...new Set(dockerfiles)].join('+') : undefined));
  return slug(target ?? 'default', (s) => stableHash(s));
}

/**
 * automationDetails.id of one part's run: "<category>/<part>/" for a given category, else
 * "shipgate/<part>/<target>/". GitHub rejects an upload with two runs of the same tool and category, so each
 * part is its own subcategory of the given one.
 */
function automationId(result: ScanResult, part: FindingKind, options: SarifOptions): string {
  const given = userCategory(options.category);
  if (given) return `${given}${part}/`;
  return `shipgate/${part}/${defaultCategory(result, part, options.repoRoot) || 'default'}/`;
}

function suppressionOf(s: Suppression): SarifSuppression {
  const why =
    s.reason ??
    {
      inline: 'suppressed by an inline pragma',
      policy: 'ignored by policy',
      vex: 'not affected according to a VEX statement',
      'hadolint-config': 'ignored in .hadolint.yaml',
      baseline: 'in the accepted baseline',
    }[s.kind];
  return {
    kind: s.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: `${why}${s.expires ? ` (until ${s.expires})` : ''}`,
    properties: { shipgateKind: s.kind, ...(s.expires ? { expires: s.expires } : {}) },
  };
}

/** One sentence of specifics for image findings: image@digest, package, path in the image, layer. */
function messageText(f: Finding, result: ScanResult, fromLineFallback: boolean): string {
  const parts = [f.message.trim()];
  if (!/[.!?]$/.test(parts[0] as string)) parts[0] = `${parts[0]}.`;
  if (f.image || (f.kind !== 'dockerfile' && f.kind !== 'manifest' && result.image)) {
    const name = imageDisplayName(f.image?.ref ?? result.image?.ref, f.image?.digest ?? result.image?.digest);
    if (name) parts.push(`Image: ${name}.`);
    const v = f.vulnerability;
    if (v && !parts[0]?.includes(`${v.packageName} ${v.packageVersion}`))
      parts.push(`Package: ${v.packageName} ${v.packageVersion} (${v.ecosystem}).`);
    const place = imagePlaceLabel(f);
    if (place) parts.push(`In image: ${place}.`);
    if (f.image?.createdBy) parts.push(`Layer created by: ${truncate(f.image.createdBy.trim(), 160)}.`);
    if (fromLineFallback)
      parts.push(
        "Shown on the final stage's FROM line: the layer comes from the base image or could not be mapped to an instruction.",
      );
  }
  if (f.fix) parts.push(`Fix: ${f.fix.trim()}${/[.!?]$/.test(f.fix.trim()) ? '' : '.'}`);
  return parts.join(' ');
}

function resultProperties(f: Finding, source: string): Record<string, unknown> {
  const p: Record<string, unknown> = { severity: f.severity, part: f.kind, locationSource: source };
  if (f.fixable !== undefined) p.fixable = f.fixable;
  const i = f.image;
  if (i) {
    if (i.ref) p.image = i.ref;
    if (i.digest) p.imageDigest = i.digest;
    if (i.path) p.pathInImage = i.path;
    if (i.layerIndex !== undefined) p.layerIndex = i.layerIndex;
    if (i.layerDigest) p.layerDigest = i.layerDigest;
    if (i.createdBy) p.layerCreatedBy = truncate(i.createdBy, 500);
    if (i.deleted) p.deletedInLaterLayer = true;
  }
  const v = f.vulnerability;
  if (v) {
    p.package = v.packageName;
    p.installedVersion = v.packageVersion;
    p.ecosystem = v.ecosystem;
    if (v.purl) p.purl = v.purl;
    p.fixedVersions = v.fixedVersions;
    p.fixState = v.fixState;
    if (v.epss) {
      p.epss = v.epss.score;
      p.epssPercentile = v.epss.percentile;
      p.epssDate = v.epss.date;
    }
    if (v.kev) {
      p.kev = true;
      p.kevDateAdded = v.kev.dateAdded;
      if (v.kev.ransomware) p.kevRansomware = true;
    }
  }
  if (f.properties && Object.keys(f.properties).length) p.details = f.properties;
  return p;
}

function rulesForPart(
  part: FindingKind,
  findings: Finding[],
  metas: Map<string, RuleMeta>,
): ReportingDescriptor[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const ids = [...byRule.keys()].sort();
  return ids.map((id) => {
    const meta = metas.get(id);
    const fs = byRule.get(id) ?? [];
    if (part === 'vulnerability' || (!meta && fs.some((f) => f.vulnerability)))
      return vulnerabilityDescriptor(id, fs, meta);
    return ruleDescriptor(meta ?? fallbackMeta(id, part, fs));
  });
}

/** Producers should always supply rule metadata; a finding without it still gets a usable descriptor. */
function fallbackMeta(id: string, kind: FindingKind, findings: Finding[]): RuleMeta {
  const f = findings[0];
  return {
    id,
    kind,
    title: id,
    severity: f?.severity ?? 'info',
    description: f?.message ?? id,
    rationale: 'See the documentation of this rule.',
    fix: f?.fix ?? 'See the documentation of this rule.',
    tags: [],
  };
}

function buildRun(
  part: FindingKind,
  findings: Finding[],
  result: ScanResult,
  options: SarifOptions,
  files: SourceFiles,
): Run {
  const metas = ruleIndex(result);
  const rules = rulesForPart(part, findings, metas);
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  const ctx: LocationContext = { result, repoRoot: options.repoRoot, lines: files.lines };
  const results: Result[] = findings.map((f) => {
    const placed = placeFinding(f, ctx);
    const r: Result = {
      ruleId: f.ruleId,
      ruleIndex: indexOf.get(f.ruleId) ?? 0,
      level: SARIF_LEVEL[f.severity],
      message: { text: messageText(f, result, placed.source === 'base-image-from') },
      locations: placed.locations,
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: resultProperties(f, placed.source),
    };
    if (placed.relatedLocations) r.relatedLocations = placed.relatedLocations;
    const phys = placed.locations[0]?.physicalLocation;
    const line = phys?.region?.startLine;
    // Only where the line itself is the finding: image findings sit on a proxy line (the instruction or FROM),
    // and a line hash there would close and reopen every alert whenever that line is edited.
    if (
      placed.source === 'dockerfile' &&
      phys?.artifactLocation?.uriBaseId === SRCROOT &&
      line &&
      phys.artifactLocation.uri
    ) {
      const h = files.hashes(decodeURIComponent(phys.artifactLocation.uri))?.[line - 1];
      if (h && r.partialFingerprints) r.partialFingerprints.primaryLocationLineHash = h;
    }
    if (f.suppressed) r.suppressions = [suppressionOf(f.suppressed)];
    return r;
  });
  const id = automationId(result, part, options);
  const run: Run = {
    tool: {
      driver: {
        name: 'shipgate',
        fullName: `shipgate (${PART_LABEL[part].toLowerCase()})`,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: INFORMATION_URI,
        rules,
        properties: { part },
      },
    },
    automationDetails: {
      id,
      description: {
        text: `shipgate ${PART_LABEL[part].toLowerCase()} results for ${options.category?.trim() || defaultCategory(result, part, options.repoRoot)}.`,
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri(options.repoRoot) } },
    invocations: [
      {
        executionSuccessful: true,
        ...(validDate(result.startedAt) ? { startTimeUtc: result.startedAt } : {}),
        ...(validDate(result.finishedAt) ? { endTimeUtc: result.finishedAt } : {}),
        ...(result.warnings.length
          ? {
              toolExecutionNotifications: result.warnings.map((w) => ({
                level: 'warning' as const,
                message: { text: w },
              })),
            }
          : {}),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results,
    properties: runProperties(part, result, options),
  };
  if (options.vcs) {
    run.versionControlProvenance = [
      {
        repositoryUri: options.vcs.repositoryUri,
        ...(options.vcs.revisionId ? { revisionId: options.vcs.revisionId } : {}),
        ...(options.vcs.branch ? { branch: options.vcs.branch } : {}),
        mappedTo: { uriBaseId: SRCROOT },
      },
    ];
  }
  return run;
}

function validDate(s: string): boolean {
  return typeof s === 'string' && !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s);
}

function runProperties(
  part: FindingKind,
  result: ScanResult,
  options: SarifOptions,
): Record<string, unknown> {
  const p: Record<string, unknown> = { part };
  if (part === 'dockerfile' || result.dockerfiles.length)
    p.dockerfiles = result.dockerfiles.map((d) => repoPath(d.path, options.repoRoot));
  if (part !== 'dockerfile' && result.image) {
    p.image = result.image.ref;
    if (result.image.digest) p.imageDigest = result.image.digest;
    if (result.image.platform) p.platform = result.image.platform;
    if (result.image.os)
      p.os = `${result.image.os.id}${result.image.os.versionId ? ` ${result.image.os.versionId}` : ''}`;
  }
  return p;
}

/** file:// URI of the repository root with the trailing slash SARIF requires for a base URI. */
export function rootUri(repoRoot: string): string {
  const href = pathToFileURL(repoRoot || '/').href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Replaces registered secrets in every string of the log. */
function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v);
    return out as T;
  }
  return value;
}

interface SourceFiles {
  lines: (path: string) => string[] | undefined;
  hashes: (path: string) => string[] | undefined;
}

/** Each repository file findings point into, read and split once per log however many findings it has. */
function sourceFiles(readFile: SarifOptions['readFile']): SourceFiles {
  const lines = new Map<string, string[] | undefined>();
  const hashes = new Map<string, string[] | undefined>();
  const linesOf = (path: string): string[] | undefined => {
    if (!readFile) return undefined;
    if (!lines.has(path)) lines.set(path, readFile(path)?.split(/\r\n|\r|\n/));
    return lines.get(path);
  };
  return {
    lines: linesOf,
    hashes: (path) => {
      if (!readFile) return undefined;
      if (!hashes.has(path)) {
        const text = readFile(path);
        hashes.set(path, text === undefined ? undefined : lineHashes(text));
      }
      return hashes.get(path);
    },
  };
}

/** Builds the SARIF log: one run per tool part, results sorted most severe first. */
export function toSarif(result: ScanResult, options: SarifOptions): Log {
  const files = sourceFiles(options.readFile);
  const sorted = sortFindings(result.findings);
  const runs = partsOf(result, options).map((part) =>
    buildRun(
      part,
      sorted.filter((f) => f.kind === part),
      result,
      options,
      files,
    ),
  );
  return maskDeep({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs });
}
