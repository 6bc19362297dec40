/**
 * The vulnerability scan attestation in cosign's format
 * (sigstore/cosign specs/COSIGN_VULN_ATTESTATION_SPEC.md, predicate type
 * https://cosign.sigstore.dev/attestation/vuln/v1).
 */
import { countBySeverity, type ScanResult } from '../../core/result';
import { COMMIT, VERSION } from '../../core/version';
import type { VulnDbInfo } from './scan-facts';

const SHIPGATE_URI = 'https://github.com/shipgate/shipgate';

export interface VulnPredicate {
  invocation: { parameters: unknown[]; uri: string; event_id: string; 'builder.id': string };
  scanner: {
    uri: string;
    version: string;
    db: { uri: string; version: string };
    result: {
      summary: Record<string, number>;
      vulnerabilities: {
        id: string;
        aliases: string[];
        severity: string;
        package: string;
        version: string;
        ecosystem: string;
        fixedVersions: string[];
        suppressed?: string;
      }[];
    };
  };
  metadata: { scanStartedOn: string; scanFinishedOn: string };
}

export interface VulnInput {
  result: ScanResult;
  db: VulnDbInfo;
  /** The CI run that scanned (URL and id), when there is one. */
  run?: { uri: string; id: string; builderId: string };
}

export function vulnPredicate({ result, db, run }: VulnInput): VulnPredicate {
  const vulns = result.findings.filter((f) => f.kind === 'vulnerability');
  return {
    invocation: {
      parameters: [],
      uri: run?.uri ?? '',
      event_id: run?.id ?? '',
      'builder.id': run?.builderId ?? '',
    },
    scanner: {
      uri: SHIPGATE_URI,
      version: COMMIT === 'unknown' ? VERSION : `${VERSION}+${COMMIT}`,
      db: { uri: db.uri, version: db.updatedAt ?? 'unknown' },
      result: {
        summary: countBySeverity(vulns),
        vulnerabilities: vulns.map((f) => ({
          id: f.vulnerability?.id ?? f.ruleId,
          aliases: f.vulnerability?.aliases ?? [],
          severity: f.severity,
          package: f.vulnerability?.packageName ?? '',
          version: f.vulnerability?.packageVersion ?? '',
          ecosystem: f.vulnerability?.ecosystem ?? '',
          fixedVersions: f.vulnerability?.fixedVersions ?? [],
          ...(f.suppressed ? { suppressed: f.suppressed.kind } : {}),
        })),
      },
    },
    metadata: { scanStartedOn: result.startedAt, scanFinishedOn: result.finishedAt },
  };
}
