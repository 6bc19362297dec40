/**
 * shipgate's approval attestation (https://shipgate.dev/attestation/approval/v1, JSON Schema in
 * schemas/approval-v1.schema.json): what the policy decided about the scanned digest, and whether the image
 * was signed anyway (`forced`). For a multi-platform index it also lists each platform's digest and decision.
 */
import { ShipgateError } from '../../core/errors';
import { countBySeverity, type ScanResult } from '../../core/result';
import type { Severity } from '../../core/severity';
import { COMMIT, VERSION } from '../../core/version';
import { sha256Hex } from '../statement';
import type { VulnDbInfo } from './scan-facts';

export const BUILT_IN_POLICY = 'built-in default';

interface ApprovalReason {
  code: string;
  message: string;
  severity?: Severity;
}

/** One platform of a multi-platform image, in the approval of its index. */
interface ApprovalPlatform {
  platform: string;
  digest: string;
  approved: boolean;
  blocking: ApprovalReason[];
}

export interface ApprovalPredicate {
  image: { digest: string };
  /** The digest is a multi-platform index: each platform's manifest digest and its own decision. */
  platforms?: ApprovalPlatform[];
  approved: boolean;
  /** Signed with --force although the policy did not approve. */
  forced: boolean;
  decision: { blocking: ApprovalReason[]; nonBlocking: ApprovalReason[] };
  counts: Record<Severity, number>;
  policy: { source: string; digest?: { sha256: string } };
  scanner: { name: 'shipgate'; version: string; commit: string };
  vulnerabilityData?: { uri: string; updatedAt?: string };
  scan: { startedOn: string; finishedOn: string };
  timestamp: string;
}

export interface ApprovalInput {
  result: ScanResult;
  /** The manifest digest that was scanned. */
  digest: string;
  /** The policy file and the sha256 of its content; absent for the built-in default policy. */
  policyFile?: { path: string; sha256: string };
  /** The signature was asked for with --force. */
  force?: boolean;
  vulnDb?: VulnDbInfo;
  now?: Date;
}

function reason(r: { code: string; message: string; severity?: Severity }): ApprovalReason {
  return { code: r.code, message: r.message, ...(r.severity ? { severity: r.severity } : {}) };
}

export function approvalPredicate(input: ApprovalInput): ApprovalPredicate {
  const { result } = input;
  const decision = result.decision;
  if (!decision)
    throw new ShipgateError('SIGN', 'approval: the scan has no policy decision', {
      hint: 'run the scan with a policy (the built-in default is fine) before attesting its approval',
    });
  sha256Hex(input.digest);
  if (input.policyFile && !/^[0-9a-f]{64}$/.test(input.policyFile.sha256))
    throw new ShipgateError('SIGN', `approval: "${input.policyFile.sha256}" is not a sha256 hex digest`);
  const index = result.index?.digest === input.digest ? result.index : undefined;
  return {
    image: { digest: input.digest },
    ...(index
      ? {
          platforms: index.platforms.map((p) => ({
            platform: p.platform,
            digest: p.digest,
            approved: p.decision.approved,
            blocking: p.decision.reasons.filter((r) => r.blocking).map(reason),
          })),
        }
      : {}),
    approved: decision.approved,
    forced: !decision.approved && input.force === true,
    decision: {
      blocking: decision.reasons.filter((r) => r.blocking).map(reason),
      nonBlocking: decision.reasons.filter((r) => !r.blocking).map(reason),
    },
    counts: countBySeverity(result.findings),
    policy: input.policyFile
      ? { source: input.policyFile.path, digest: { sha256: input.policyFile.sha256 } }
      : { source: BUILT_IN_POLICY },
    scanner: { name: 'shipgate', version: VERSION, commit: COMMIT },
    ...(input.vulnDb
      ? {
          vulnerabilityData: {
            uri: input.vulnDb.uri,
            ...(input.vulnDb.updatedAt ? { updatedAt: input.vulnDb.updatedAt } : {}),
          },
        }
      : {}),
    scan: { startedOn: result.startedAt, finishedOn: result.finishedAt },
    timestamp: (input.now ?? new Date()).toISOString(),
  };
}
