/** How every front door words a decision: the same lines in the terminal, the job summary and the logs. */
import type { Decision, IndexResult } from '../core/result';

/** "approved" or "not approved (2 blocking reasons)". */
export function decisionHeadline(d: Decision): string {
  if (d.approved) return 'approved';
  const n = d.reasons.filter((r) => r.blocking).length;
  return `not approved (${n} blocking reason${n === 1 ? '' : 's'})`;
}

/** The blocking reasons on one line, for a failure message: "a; b; c". */
export function blockingReasonsLine(d: Decision, max = 5): string {
  const blocking = d.reasons.filter((r) => r.blocking).map((r) => r.message);
  const shown = blocking.slice(0, max).join('; ');
  return blocking.length > max ? `${shown}; and ${blocking.length - max} more` : shown;
}

/** One line per reason, blocking ones first, marked for plain-text output. */
export function decisionLines(d: Decision): string[] {
  const lines = [`shipgate: ${decisionHeadline(d)} (policy: ${d.policy})`];
  for (const r of d.reasons) lines.push(`  ${r.blocking ? 'BLOCKING' : 'note'}: ${r.message}`);
  return lines;
}

/** Each platform of a scanned multi-platform image with its own decision, then the index entries skipped. */
export function platformLines(index: IndexResult): string[] {
  const lines = [`platforms of the index ${index.digest}:`];
  for (const p of index.platforms) lines.push(`  ${p.platform} ${p.digest}: ${decisionHeadline(p.decision)}`);
  for (const s of index.skipped) lines.push(`  skipped ${s.digest}: ${s.reason}`);
  return lines;
}
