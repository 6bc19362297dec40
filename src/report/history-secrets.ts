/**
 * Build-history lines reach the reports verbatim (SBOM package properties, the JSON image layers). The secret
 * scanner registers what it finds with the logger's mask while it scans, but a scan without it (`shipgate
 * sbom`, `--scanners vuln`) never looked at those lines: this looks at them before anything is written.
 */
import type { ScanResult } from '../core/result';

export async function registerHistorySecrets(result: ScanResult): Promise<void> {
  const lines = new Set<string>();
  for (const l of result.image?.layers ?? []) if (l.createdBy) lines.add(l.createdBy);
  for (const p of result.packages) if (p.createdBy) lines.add(p.createdBy);
  if (lines.size === 0) return;
  // Loaded only when there is history to look at, so `shipgate lint` starts fast.
  const { scanText } = await import('../secrets/index');
  for (const line of lines) scanText(line, { kind: 'history' });
}
