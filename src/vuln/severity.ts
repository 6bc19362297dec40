/**
 * Severity of a vulnerability from everything its records say: CVSS v2/v3.x/v4 vectors scored with
 * ae-cvss-calculator, GHSA's database_specific.severity, Ubuntu priorities, Debian urgencies, Red Hat
 * family ratings. The highest wins and its source is named; a CVSS score beats a word at equal level.
 */
import * as cvssLib from 'ae-cvss-calculator';
import type { Severity } from '../core/severity';
import { severityFromScore, severityRank } from '../core/severity';
import type { CompactAffected, CompactRecord } from './osv/compact';
import type { OsvSeverity } from './osv/types';

// The package is a CommonJS bundle: under ESM loaders its classes sit on the default export.
const lib = ((cvssLib as unknown as { default?: typeof cvssLib }).default ?? cvssLib) as typeof cvssLib;

interface CvssEntry {
  version: string;
  vector: string;
  score: number;
  source: string;
}

export interface SeverityAssessment {
  severity: Severity;
  score?: number;
  source: string;
  cvss: CvssEntry[];
}

const scored = new Map<string, { version: string; score: number } | undefined>();

/** Base score of a CVSS vector, or undefined when the vector is not valid. */
export function scoreCvss(vector: string): { version: string; score: number } | undefined {
  if (scored.has(vector)) return scored.get(vector);
  const r = computeCvss(vector.trim());
  if (scored.size > 50_000) scored.clear();
  scored.set(vector, r);
  return r;
}

function computeCvss(v: string): { version: string; score: number } | undefined {
  const out = (version: string, score: number | undefined) =>
    score === undefined ? undefined : { version, score };
  try {
    if (v.startsWith('CVSS:4.0/')) return out('4.0', new lib.Cvss4P0(v).calculateScores().base);
    if (v.startsWith('CVSS:3.1/')) return out('3.1', new lib.Cvss3P1(v).calculateScores().base);
    if (v.startsWith('CVSS:3.0/')) return out('3.0', new lib.Cvss3P0(v).calculateScores().base);
    if (/^\(?AV:[LAN]\/AC:/.test(v))
      return out('2.0', new lib.Cvss2(v.replace(/^\(|\)$/g, '')).calculateScores().base);
  } catch {
    return undefined;
  }
  return undefined;
}

/** Distro and database words → severity ("Important" → high, "unimportant" → info). */
export function severityFromWord(word: string): Severity | undefined {
  const w = word.trim().toLowerCase().replace(/\*+$/, '');
  switch (w) {
    case 'critical':
      return 'critical';
    case 'important':
    case 'high':
      return 'high';
    case 'moderate':
    case 'medium':
      return 'medium';
    case 'low':
      return 'low';
    case 'negligible':
    case 'unimportant':
      return 'info';
    default:
      return undefined;
  }
}

interface Candidate {
  severity: Severity;
  score?: number;
  source: string;
}

function ratingSource(ecosystem: string): string {
  if (ecosystem.startsWith('Debian')) return 'debian urgency';
  if (ecosystem.startsWith('Ubuntu')) return 'ubuntu priority';
  return `${ecosystem.split(':')[0]!.toLowerCase()} rating`;
}

/** Severity for one finding made of one or more records (and the affected entries that matched). */
export function assessSeverity(
  parts: { record: CompactRecord; affected: CompactAffected[] }[],
): SeverityAssessment {
  const cands: Candidate[] = [];
  const cvss: CvssEntry[] = [];
  const seenVectors = new Set<string>();
  const addVectors = (list: OsvSeverity[] | undefined, source: string): void => {
    for (const s of list ?? []) {
      if (!s.type.startsWith('CVSS_')) {
        const word = severityFromWord(s.score);
        if (word) cands.push({ severity: word, source: `${s.type.toLowerCase()} priority` });
        continue;
      }
      const r = scoreCvss(s.score);
      if (!r || seenVectors.has(s.score)) continue;
      seenVectors.add(s.score);
      cvss.push({ version: r.version, vector: s.score, score: r.score, source });
      cands.push({
        severity: severityFromScore(r.score),
        score: r.score,
        source: `cvss:${r.version} ${source}`,
      });
    }
  };
  for (const { record, affected } of parts) {
    addVectors(record.severity, record.id);
    for (const a of affected) {
      addVectors(a.sev, record.id);
      const w = a.rating ? severityFromWord(a.rating) : undefined;
      if (w) cands.push({ severity: w, source: ratingSource(a.e) });
    }
    if (record.dbSeverity) {
      const w = severityFromWord(record.dbSeverity);
      if (w) cands.push({ severity: w, source: `${record.id.split('-')[0]!.toLowerCase()} database` });
    }
    // Red Hat family advisories carry their rating only as the summary's prefix ("Important: openssl ...").
    const m = record.summary ? /^(Critical|Important|Moderate|Low):/.exec(record.summary) : null;
    if (m)
      cands.push({
        severity: severityFromWord(m[1]!)!,
        source: `${record.id.split('-')[0]!.toLowerCase()} advisory`,
      });
  }
  if (!cands.length)
    return { severity: 'medium', source: 'unknown (no severity in the data; default medium)', cvss };
  let best = cands[0]!;
  for (const c of cands.slice(1)) {
    const d = severityRank(c.severity) - severityRank(best.severity);
    if (d > 0 || (d === 0 && c.score !== undefined && (best.score === undefined || c.score > best.score)))
      best = c;
  }
  const out: SeverityAssessment = { severity: best.severity, source: best.source, cvss };
  const top = best.score ?? (cvss.length ? Math.max(...cvss.map((c) => c.score)) : undefined);
  if (top !== undefined) out.score = top;
  return out;
}
