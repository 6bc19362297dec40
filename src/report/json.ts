/**
 * The JSON report: a documented, versioned shape (docs/outputs.md) with a stable key order, so it can be
 * diffed between runs and read by scripts. Known objects keep a fixed key order; free-form property bags
 * are sorted alphabetically. Secret values never reach a Finding, and registered secrets are masked.
 */
import { ruleHelpUri } from '../core/finding';
import { mask } from '../core/logger';
import { countBySeverity, type ScanResult } from '../core/result';
import { compareText, PARTS, sortFindings } from '../core/order';

export const JSON_SCHEMA_VERSION = 1;

/** Key orders of the documented objects; keys not listed follow alphabetically. */
const ORDER = {
  report: [
    'schemaVersion',
    'tool',
    'startedAt',
    'finishedAt',
    'decision',
    'summary',
    'dockerfiles',
    'image',
    'index',
    'analyzers',
    'exploitData',
    'findings',
    'rules',
    'packages',
    'warnings',
  ],
  tool: ['name', 'version'],
  decision: ['approved', 'policy', 'reasons'],
  reason: ['code', 'blocking', 'severity', 'message', 'findings'],
  summary: ['findings', 'suppressed', 'fixable', 'bySeverity', 'byPart', 'packages'],
  bySeverity: ['critical', 'high', 'medium', 'low', 'info'],
  byPart: [...PARTS],
  dockerfile: ['path', 'stages'],
  stage: ['name', 'baseImage', 'line'],
  image: ['ref', 'repository', 'digest', 'configDigest', 'platform', 'os', 'size', 'layers'],
  index: ['digest', 'platforms', 'skipped'],
  platform: ['platform', 'digest', 'configDigest', 'decision', 'counts'],
  skipped: ['digest', 'reason'],
  os: ['id', 'versionId', 'codename', 'prettyName', 'idLike', 'eol', 'eolDate'],
  layer: ['index', 'digest', 'diffId', 'size', 'createdBy'],
  finding: [
    'ruleId',
    'kind',
    'severity',
    'message',
    'location',
    'image',
    'fingerprint',
    'fixable',
    'fix',
    'vulnerability',
    'suppressed',
    'properties',
  ],
  location: ['path', 'startLine', 'startColumn', 'endLine', 'endColumn', 'snippet'],
  imageLocation: ['ref', 'digest', 'layerIndex', 'layerDigest', 'path', 'createdBy', 'deleted'],
  vulnerability: [
    'id',
    'aliases',
    'packageName',
    'packageVersion',
    'ecosystem',
    'purl',
    'fixedVersions',
    'fixState',
    'score',
    'severitySource',
    'cvss',
    'summary',
    'published',
    'modified',
    'references',
    'epss',
    'kev',
  ],
  cvss: ['version', 'vector', 'score', 'source'],
  suppression: ['kind', 'reason', 'expires'],
  rule: [
    'id',
    'kind',
    'title',
    'severity',
    'description',
    'rationale',
    'fix',
    'tags',
    'equivalents',
    'related',
    'optional',
    'helpUri',
  ],
  package: ['name', 'version', 'type', 'purl'],
} as const;

type Shape = keyof typeof ORDER;

/** Which shape each known child key has. */
const CHILDREN: Partial<Record<Shape, Record<string, Shape>>> = {
  report: {
    tool: 'tool',
    decision: 'decision',
    summary: 'summary',
    dockerfiles: 'dockerfile',
    image: 'image',
    index: 'index',
    findings: 'finding',
    rules: 'rule',
    packages: 'package',
  },
  decision: { reasons: 'reason' },
  index: { platforms: 'platform', skipped: 'skipped' },
  platform: { decision: 'decision', counts: 'bySeverity' },
  summary: { bySeverity: 'bySeverity', byPart: 'byPart' },
  dockerfile: { stages: 'stage' },
  image: { os: 'os', layers: 'layer' },
  finding: {
    location: 'location',
    image: 'imageLocation',
    vulnerability: 'vulnerability',
    suppressed: 'suppression',
  },
  vulnerability: { cvss: 'cvss' },
};

/** An object's key order, and whether its keys are already in that order. */
interface KeyOrder {
  order: string[];
  same: boolean;
}

/** Key orders seen so far, by shape and key list: objects of one shape mostly share their keys. */
type Orders = Map<string, KeyOrder>;

/** The order of an object's keys, worked out once per shape and key set. */
function orderOf(obj: Record<string, unknown>, shape: Shape | undefined, orders: Orders): KeyOrder {
  const keys = Object.keys(obj);
  const id = `${shape ?? ''}\u0000${keys.join('\u0000')}`;
  let o = orders.get(id);
  if (!o) {
    const first: readonly string[] = shape ? ORDER[shape] : [];
    const order = [...first.filter((k) => k in obj), ...keys.filter((k) => !first.includes(k)).sort()];
    o = { order, same: order.every((k, i) => k === keys[i]) };
    orders.set(id, o);
  }
  return o;
}

/**
 * The value with keys in the shape's order; unknown objects get sorted keys. An object already in that order,
 * with nothing inside it to change, is returned as it is rather than copied: JSON.stringify then writes the
 * same text, and most of a large report is not copied at all.
 */
function ordered(value: unknown, shape?: Shape, orders: Orders = new Map()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const o = ordered(v, shape, orders);
      if (o !== v && !out) out = value.slice(0, i);
      out?.push(o);
    }
    return out ?? value;
  }
  const obj = value as Record<string, unknown>;
  const { order, same } = orderOf(obj, shape, orders);
  const children = shape ? CHILDREN[shape] : undefined;
  let out: Record<string, unknown> | undefined = same ? undefined : {};
  for (let i = 0; i < order.length; i++) {
    const k = order[i]!;
    const v = obj[k];
    const o = ordered(v, children?.[k], orders);
    if (o !== v && !out) {
      out = {};
      for (let j = 0; j < i; j++) out[order[j]!] = obj[order[j]!];
    }
    if (out) out[k] = o;
  }
  return out ?? obj;
}

/** The JSON report text (two-space indented, trailing newline). */
export function toJson(result: ScanResult): string {
  const findings = sortFindings(result.findings).map((f) => {
    // A secret's source line is the secret: never copy it into the report.
    if (f.kind !== 'secret' || f.location?.snippet === undefined) return f;
    const { snippet: _snippet, ...location } = f.location;
    return { ...f, location };
  });
  const active = findings.filter((f) => !f.suppressed);
  const byPart = Object.fromEntries(PARTS.map((p) => [p, active.filter((f) => f.kind === p).length]));
  const rules = [...result.rules]
    .sort((a, b) => PARTS.indexOf(a.kind) - PARTS.indexOf(b.kind) || compareText(a.id, b.id))
    .map((r) => ({ ...r, helpUri: ruleHelpUri(r) }));
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: result.tool,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    decision: result.decision ?? null,
    summary: {
      findings: active.length,
      suppressed: findings.length - active.length,
      fixable: active.filter((f) => f.fixable).length,
      bySeverity: countBySeverity(findings),
      byPart,
      packages: result.packages.length,
    },
    // Instruction texts are an internal mapping aid and may hold the very secrets a finding reports.
    dockerfiles: result.dockerfiles.map((d) => ({ path: d.path, stages: d.stages })),
    image: result.image ?? null,
    // Every platform of a multi-platform image, each with its own decision (absent for one image).
    index: result.index,
    // What each image analyzer did: a failed or incomplete one is why a scan may not be approved.
    analyzers: result.analyzers ?? null,
    // The EPSS / KEV data the policy asked for: loaded (with its date) or why not.
    exploitData: result.exploitData ?? null,
    findings,
    rules,
    packages: result.packages,
    warnings: result.warnings,
  };
  return mask(`${JSON.stringify(ordered(report, 'report'), null, 2)}\n`);
}
