/** Helpers shared by the report writers: labels, image names and text. Pure functions only. */
import type { Finding, FindingKind, RuleMeta } from '../core/finding';
import type { ScanResult } from '../core/result';
import type { Severity } from '../core/severity';

export const PART_LABEL: Record<FindingKind, string> = {
  dockerfile: 'Dockerfile',
  manifest: 'Kubernetes manifests',
  vulnerability: 'Vulnerabilities',
  secret: 'Secrets',
  config: 'Image configuration',
  malware: 'Malware',
};

/** Severities from most to least severe. */
export const SEVERITIES_DESC: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function ruleIndex(result: ScanResult): Map<string, RuleMeta> {
  const m = new Map<string, RuleMeta>();
  for (const r of result.rules) if (!m.has(r.id)) m.set(r.id, r);
  return m;
}

/** "sha256:0123456789ab" from a full digest, for display. */
function shortDigest(digest: string | undefined, hexChars = 12): string | undefined {
  if (!digest) return undefined;
  const i = digest.indexOf(':');
  return i < 0
    ? digest.slice(0, hexChars)
    : `${digest.slice(0, i + 1)}${digest.slice(i + 1, i + 1 + hexChars)}`;
}

/** "ref@sha256:…" when the digest is known and not already part of the reference. */
export function imageDisplayName(ref: string | undefined, digest: string | undefined): string | undefined {
  if (!ref) return digest;
  if (!digest || ref.includes(digest)) return ref;
  return `${ref}@${digest}`;
}

/** A lowercase slug that is safe in a category or file name; long inputs keep a hash suffix for uniqueness. */
export function slug(text: string, hash: (s: string) => string, max = 64): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (!s) return 'default';
  if (s.length <= max) return s;
  return `${s.slice(0, max - 9).replace(/[-.]+$/, '')}-${hash(text).slice(0, 8)}`;
}

/** Cuts text to at most max characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Display location "path:line[:col]". */
export function locationLabel(f: Finding): string | undefined {
  const l = f.location;
  if (!l) return undefined;
  return l.startColumn ? `${l.path}:${l.startLine}:${l.startColumn}` : `${l.path}:${l.startLine}`;
}

/** Where in the image, for display: "/usr/lib/x (layer 3 sha256:abc…)". */
export function imagePlaceLabel(f: Finding): string | undefined {
  const i = f.image;
  if (!i) return undefined;
  const parts: string[] = [];
  if (i.path) parts.push(i.deleted ? `${i.path} (deleted in a later layer)` : i.path);
  if (i.layerIndex !== undefined || i.layerDigest) {
    const d = shortDigest(i.layerDigest);
    parts.push(`layer ${i.layerIndex ?? '?'}${d ? ` ${d}` : ''}`);
  }
  return parts.length ? parts.join(', ') : undefined;
}

/** Counts per severity of unsuppressed findings, split by whether a fix is available. */
export function fixabilityTable(
  findings: readonly Finding[],
): Record<Severity, { fixable: number; noFix: number }> {
  const out = {} as Record<Severity, { fixable: number; noFix: number }>;
  for (const s of SEVERITIES_DESC) out[s] = { fixable: 0, noFix: 0 };
  for (const f of findings) {
    if (f.suppressed) continue;
    if (f.fixable) out[f.severity].fixable++;
    else out[f.severity].noFix++;
  }
  return out;
}

/** "KEV" (with ransomware use) and "EPSS 0.974" labels of a vulnerability, for the reports people read. */
export function exploitLabels(f: Finding): string[] {
  const v = f.vulnerability;
  const out: string[] = [];
  if (v?.kev) out.push(v.kev.ransomware ? 'KEV (ransomware)' : 'KEV');
  if (v?.epss) out.push(`EPSS ${Number(v.epss.score.toFixed(3))}`);
  return out;
}
