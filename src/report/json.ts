/**
 * The JSON report: a documented, versioned shape (docs/outputs.md) with a stable key order, so it can be
 * diffed between runs and read by scripts. Secret values never reach a Finding, so none can appear here.
 */
import { countBySeverity, type ScanResult } from '../core/result';
import { PARTS, sortFindings } from './common';

export const JSON_SCHEMA_VERSION = 1;

export function toJson(result: ScanResult): string {
  const findings = sortFindings(result.findings);
  const active = findings.filter((f) => !f.suppressed);
  const byPart = Object.fromEntries(PARTS.map((p) => [p, active.filter((f) => f.kind === p).length]));
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: result.tool,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    decision: result.decision ?? null,
    summary: {
      findings: active.length,
      suppressed: findings.length - active.length,
      bySeverity: countBySeverity(findings),
      byPart,
      fixable: active.filter((f) => f.fixable).length,
      packages: result.packages.length,
    },
    dockerfiles: result.dockerfiles,
    image: result.image ?? null,
    findings,
    packages: result.packages,
    rules: result.rules,
    warnings: result.warnings,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
