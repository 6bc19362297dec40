/**
 * Matches packages against OSV data: the ecosystem's version order over OSV ranges, distro rules
 * (see ecosystem.ts), aliases merged so one vulnerability is reported once per package.
 */
import type { Finding, ImageLocation, VulnerabilityDetails } from '../core/finding';
import { stableHash } from '../core/hash';
import type { OsInfo, Package } from '../core/package';
import { targetFor, type PackageTarget } from './ecosystem';
import { evaluateRange, type CompactAffected, type CompactRecord, type RangeHit } from './osv/compact';
import type { VulnDatabase } from './osv/db';
import { eolFinding } from './rules';
import { assessSeverity } from './severity';
import { comparatorFor, semverComparator, type Comparator } from './versions';
import { compareText } from '../core/order';

export interface MatchOptions {
  /** Leave out vulnerabilities without a fixed version. */
  ignoreUnfixed?: boolean;
  /** "Now" for withdrawn records (default the current time). */
  now?: Date;
}

interface Hit {
  index: number;
  record: CompactRecord;
  affected: CompactAffected[];
  fixed: string[];
  lastAffected: string[];
  ecosystem: string;
}

const DISTRO_RELATED = /^(AlmaLinux|Rocky Linux|Red Hat|openSUSE|SUSE)/;

function isCve(id: string): boolean {
  return id.startsWith('CVE-');
}

/** The installed version, with the comparators that can order it (worked out once per package). */
interface Installed {
  version: string;
  /** The ecosystem's comparator, when it can parse the version. */
  eco: Comparator | undefined;
  /** The comparator for SEMVER ranges, when it can parse the version. */
  semver: Comparator | undefined;
}

function validIn(c: Comparator | undefined, v: string): Comparator | undefined {
  try {
    return c?.valid(v) ? c : undefined;
  } catch {
    return undefined;
  }
}

function installed(base: string, version: string): Installed {
  const eco = comparatorFor(base);
  // Go versions need Go's normalisation even in SEMVER ranges ("go1.21.3", "v1.2.3+incompatible").
  const sem = eco?.name === 'go' ? eco : semverComparator;
  return { version, eco: validIn(eco, version), semver: validIn(sem, version) };
}

/** Evaluates one affected entry for the installed version; undefined when not affected. */
function affects(a: CompactAffected, inst: Installed): RangeHit | undefined {
  for (const r of a.ranges) {
    const c = r.t === 'S' ? inst.semver : inst.eco;
    if (!c) continue;
    try {
      const h = evaluateRange(r, inst.version, c);
      if (h) return h;
    } catch {
      /* an event version this ecosystem cannot order: the range cannot be evaluated */
    }
  }
  if (a.v) {
    for (const v of a.v) {
      if (v === inst.version) return {};
      try {
        if (inst.eco && inst.eco.valid(v) && inst.eco.compare(v, inst.version) === 0) return {};
      } catch {
        /* not comparable */
      }
    }
  }
  return undefined;
}

function moduleApplies(a: CompactAffected, pkg: Package): boolean {
  if (!a.module) return true;
  const label = pkg.modularityLabel;
  if (!label) return false;
  const [name, stream] = label.split(':');
  return a.module === `${name}:${stream}` || a.module === name;
}

function findHits(pkg: Package, t: PackageTarget, db: VulnDatabase, now: number): Hit[] {
  const entries = db.lookup(t.base, t.name);
  if (!entries.length) return [];
  const inst = installed(t.base, t.version);
  const hits: Hit[] = [];
  for (const a of entries) {
    if (!t.accepts(a.e) || !moduleApplies(a, pkg)) continue;
    const h = affects(a, inst);
    if (!h) continue;
    let hit = hits.find((x) => x.index === a.r);
    if (!hit) {
      // Records are decoded only for hits.
      const record = db.record(t.base, a.r);
      if (record.withdrawn && Date.parse(record.withdrawn) <= now) continue;
      hit = { index: a.r, record, affected: [], fixed: [], lastAffected: [], ecosystem: a.e };
      hits.push(hit);
    }
    hit.affected.push(a);
    if (h.fixed && !hit.fixed.includes(h.fixed)) hit.fixed.push(h.fixed);
    if (h.lastAffected && !hit.lastAffected.includes(h.lastAffected)) hit.lastAffected.push(h.lastAffected);
  }
  return hits;
}

/** Upstream CVEs a distro advisory is about (upstream field; related for RHEL-family data). */
function cvesOf(h: Hit): string[] {
  const r = h.record;
  const list = [...(r.upstream ?? []), ...(DISTRO_RELATED.test(h.ecosystem) ? (r.related ?? []) : [])];
  return [...new Set(list.filter(isCve))];
}

/** Ids that name the same vulnerability as the record. */
function sameIds(h: Hit): string[] {
  const ids = [h.record.id, ...(h.record.aliases ?? [])];
  const cves = cvesOf(h);
  if (cves.length === 1) ids.push(cves[0]!, ...(h.record.upstream ?? []).filter((u) => u.endsWith(cves[0]!)));
  return ids;
}

interface Group {
  hits: Hit[];
  ids: Set<string>;
  /** CVEs of multi-CVE advisories folded in. */
  extraCves: Set<string>;
}

/** Union of records that name each other (aliases, a single upstream CVE); multi-CVE advisories folded into the CVEs they cover. */
function group(hits: Hit[]): Group[] {
  if (hits.length === 1) {
    const h = hits[0]!;
    const cves = cvesOf(h);
    return [{ hits, ids: new Set(sameIds(h)), extraCves: new Set(cves.length > 1 ? cves : []) }];
  }
  const parent = hits.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  hits.forEach((h, i) => {
    for (const id of sameIds(h)) {
      const o = owner.get(id);
      if (o === undefined) owner.set(id, i);
      else parent[find(i)] = find(o);
    }
  });
  const byRoot = new Map<number, Group>();
  hits.forEach((h, i) => {
    const root = find(i);
    let g = byRoot.get(root);
    if (!g) byRoot.set(root, (g = { hits: [], ids: new Set(), extraCves: new Set() }));
    g.hits.push(h);
    for (const id of sameIds(h)) g.ids.add(id);
  });
  const groups = [...byRoot.values()];
  // A DSA/DLA/ALSA about several CVEs: when every one of its CVEs is reported on its own, fold the
  // advisory into those findings instead of reporting it a second time.
  const out: Group[] = [];
  for (const g of groups) {
    const multi = g.hits.length === 1 ? cvesOf(g.hits[0]!) : [];
    if (multi.length > 1) {
      const targets = multi.map((c) => groups.find((o) => o !== g && o.ids.has(c)));
      if (targets.every((x) => x !== undefined)) {
        for (const t of targets) {
          t!.hits.push(g.hits[0]!);
          t!.ids.add(g.hits[0]!.record.id);
        }
        continue;
      }
      for (const c of multi) g.extraCves.add(c);
    }
    out.push(g);
  }
  return out;
}

function preferredId(ids: Set<string>, hits: Hit[]): string {
  const cves = [...ids].filter(isCve);
  if (cves.length === 1) return cves[0]!;
  const ghsa = [...ids].filter((i) => i.startsWith('GHSA-')).sort();
  if (ghsa.length) return ghsa[0]!;
  return hits.map((h) => h.record.id).sort()[0]!;
}

function purlWithoutVersion(purl: string): string {
  return purl.replace(/[?#].*$/, '').replace(/@[^/]*$/, '');
}

function imageLocation(pkg: Package): ImageLocation | undefined {
  const loc: ImageLocation = {};
  if (pkg.layerDigest) loc.layerDigest = pkg.layerDigest;
  if (pkg.layerIndex !== undefined) loc.layerIndex = pkg.layerIndex;
  if (pkg.createdBy) loc.createdBy = pkg.createdBy;
  const path = pkg.binaryPath ?? pkg.path;
  if (path) loc.path = path;
  return Object.keys(loc).length ? loc : undefined;
}

function fixHint(pkg: Package, t: PackageTarget, fix: string | undefined, os: OsInfo | undefined): string {
  const distro = pkg.type === 'deb' || pkg.type === 'apk' || pkg.type === 'rpm';
  if (!fix) {
    return distro
      ? `no fix available yet for ${t.name}; rebuild on a newer base image once ${os?.id ?? 'the distro'} publishes one`
      : `no fixed version of ${t.name} yet`;
  }
  if (!distro) return `upgrade ${t.name} to ${fix} or later`;
  const src = t.name !== pkg.name ? ` (source ${t.name})` : '';
  const tool = pkg.type === 'deb' ? 'apt-get upgrade' : pkg.type === 'apk' ? 'apk upgrade' : 'dnf upgrade';
  return `upgrade ${pkg.name}${src} to ${fix} or later: rebuild on an updated base image or run ${tool}`;
}

function toFinding(pkg: Package, t: PackageTarget, g: Group, os: OsInfo | undefined): Finding {
  const cmp = comparatorFor(t.base);
  const id = preferredId(g.ids, g.hits);
  const aliases = [...new Set([...g.ids, ...g.extraCves])].filter((x) => x !== id).sort();
  const fixed = [...new Set(g.hits.flatMap((h) => h.fixed))];
  const order = (a: string, b: string): number => {
    try {
      return cmp ? cmp.compare(a, b) : compareText(a, b);
    } catch {
      return compareText(a, b);
    }
  };
  fixed.sort(order);
  const lastAffected = g.hits.flatMap((h) => h.lastAffected).sort(order);
  const fixState: VulnerabilityDetails['fixState'] = fixed.length
    ? 'fixed'
    : lastAffected.length
      ? 'unknown'
      : 'unfixed';
  // The highest fixed version fixes every record of the group.
  const fix = fixed[fixed.length - 1];
  const main = g.hits.find((h) => h.record.id === id) ?? g.hits.find((h) => h.record.summary) ?? g.hits[0]!;
  const summary = main.record.summary ?? g.hits.find((h) => h.record.summary)?.record.summary;
  const sev = assessSeverity(g.hits.map((h) => ({ record: h.record, affected: h.affected })));
  const references = [...new Set(g.hits.flatMap((h) => h.record.references ?? []))].slice(0, 20);
  const published = g.hits
    .map((h) => h.record.published)
    .filter((x): x is string => !!x)
    .sort()[0];
  const modified = g.hits
    .map((h) => h.record.modified)
    .filter((x): x is string => !!x)
    .sort()
    .pop();

  const src =
    pkg.type === 'deb' || pkg.type === 'apk'
      ? ` (source ${t.name}${t.version !== pkg.version ? ` ${t.version}` : ''})`
      : '';
  const tail =
    fixState === 'fixed'
      ? `; fixed in ${fixed.join(', ')}`
      : fixState === 'unknown'
        ? `; affected up to ${lastAffected[lastAffected.length - 1]}, no fixed version named`
        : '; no fix available yet';
  const message = `${pkg.name} ${pkg.version}${src} is affected by ${id}${summary ? `: ${summary}` : ''}${tail}`;

  const vulnerability: VulnerabilityDetails = {
    id,
    aliases,
    packageName: pkg.name,
    packageVersion: pkg.version,
    ecosystem: main.ecosystem,
    purl: pkg.purl,
    fixedVersions: fixed,
    fixState,
    references,
    severitySource: sev.source,
  };
  if (sev.cvss.length) vulnerability.cvss = sev.cvss;
  if (sev.score !== undefined) vulnerability.score = sev.score;
  if (summary) vulnerability.summary = summary;
  if (published) vulnerability.published = published;
  if (modified) vulnerability.modified = modified;

  const finding: Finding = {
    ruleId: id,
    kind: 'vulnerability',
    severity: sev.severity,
    message,
    fingerprint: stableHash(id, purlWithoutVersion(pkg.purl), pkg.binaryPath ?? pkg.path),
    fixable: fixState === 'fixed',
    fix: fixHint(pkg, t, fix, os),
    vulnerability,
    properties: {
      advisories: g.hits.map((h) => h.record.id).sort(),
      ...(t.name !== pkg.name || t.version !== pkg.version
        ? { matchedPackage: t.name, matchedVersion: t.version }
        : {}),
    },
  };
  const image = imageLocation(pkg);
  if (image) finding.image = image;
  return finding;
}

/** Findings for every package affected by a vulnerability in the database, plus one for an end-of-life OS. */
export function matchVulnerabilities(
  packages: Package[],
  os: OsInfo | undefined,
  db: VulnDatabase,
  options: MatchOptions = {},
): Finding[] {
  const now = (options.now ?? new Date()).getTime();
  const findings: Finding[] = [];
  const eol = eolFinding(os);
  if (eol) findings.push(eol);
  for (const pkg of packages) {
    const t = targetFor(pkg, os);
    if (!t) continue;
    const hits = findHits(pkg, t, db, now);
    if (!hits.length) continue;
    for (const g of group(hits)) {
      const f = toFinding(pkg, t, g, os);
      if (options.ignoreUnfixed && f.vulnerability?.fixState === 'unfixed') continue;
      findings.push(f);
    }
  }
  return findings;
}
