/**
 * The registry audit's reports: text (one line per failing image and a summary), JSON (every image with its
 * status) and SARIF 2.1.0 (one result per failing image, one rule per kind of failure). An audited image is a
 * manifest digest of a repository with the tags that point at it; its location is `oci://host/repo@digest`.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { stableHash } from '../core/hash';
import { mask } from '../core/logger';
import { printable } from '../core/text';
import type { VerifyFailure } from '../core/predicates';
import { VERSION } from '../core/version';
import { plural, slug, truncate } from './common';
import { userCategory } from './sarif/category';
import { compareText } from '../core/order';

/** Why an image fails the audit: the verification failures of sign/verify. */
type AuditReason = VerifyFailure;

export interface AuditedImage {
  /** host/repository. */
  repository: string;
  digest: string;
  /** The tags that point at this digest, sorted. */
  tags: string[];
  status: 'pass' | 'fail';
  /** `verified` in this run, or `cache`: a pass remembered from an earlier run with the same expectations. */
  checked: 'verified' | 'cache';
  reason?: AuditReason;
  /** What failed, as verification said it. */
  message?: string;
}

export interface AuditReport {
  startedAt: string;
  finishedAt: string;
  /** host/repository of each audited repository. */
  repositories: string[];
  images: AuditedImage[];
  /** Tags that hold signatures (referrers fallback index, cosign .sig/.att/.sbom), not audited as images. */
  signatureTags: number;
}

const AUDIT_JSON_VERSION = 1;

interface AuditRule {
  id: string;
  name: string;
  reasons: AuditReason[];
  short: string;
  help: string;
}

const RULES: AuditRule[] = [
  {
    id: 'SG-AUDIT-001',
    name: 'unsigned',
    reasons: ['unsigned'],
    short: 'Image without any signature or attestation',
    help: 'Nothing is attached to this digest: it was pushed by something other than the signing CI job. Find who pushed it (registry logs), delete it, and restrict push credentials to the CI job.',
  },
  {
    id: 'SG-AUDIT-002',
    name: 'not-approved',
    reasons: ['no-approval', 'not-approved'],
    short: 'Image without an approval that approves it',
    help: 'The image is signed but has no verified shipgate approval attestation, or the approval says the policy refused it. Rebuild it through the gated pipeline, or delete it.',
  },
  {
    id: 'SG-AUDIT-003',
    name: 'forced',
    reasons: ['forced'],
    short: 'Image signed with --force',
    help: 'The approval attestation records that the policy refused the image and it was signed anyway (--force). Review why, fix the findings, and replace it with an approved build.',
  },
  {
    id: 'SG-AUDIT-004',
    name: 'wrong-signer',
    reasons: ['wrong-signer'],
    short: 'Image signed by another identity',
    help: 'Signatures are attached, but none is from the allowed CI identity (issuer, repository, workflow, ref, or key). Find out who signed it and delete it unless that signer is meant to publish here.',
  },
  {
    id: 'SG-AUDIT-005',
    name: 'too-old',
    reasons: ['too-old'],
    short: 'Image signed longer ago than the maximum age',
    help: 'The signatures verify but are older than the maximum age. Rebuild and sign a fresh image, and retire this one.',
  },
  {
    id: 'SG-AUDIT-006',
    name: 'missing-attestation',
    reasons: ['missing-predicate'],
    short: 'Image without a required attestation',
    help: 'A statement the audit requires (provenance, SBOM, vulnerability scan or another type) is not attached or does not verify. Sign the image with every required attestation.',
  },
  {
    id: 'SG-AUDIT-007',
    name: 'invalid-signature',
    reasons: ['invalid'],
    short: 'Image whose signatures do not verify',
    help: 'Bundles are attached but fail verification (signature, certificate chain, transparency log, or a statement about another digest). Treat the image as unsigned: find its origin and delete it.',
  },
];

const RULE_OF = new Map(RULES.flatMap((r) => r.reasons.map((reason) => [reason, r] as const)));

function ruleOf(reason: AuditReason | undefined): AuditRule {
  return RULE_OF.get(reason ?? 'invalid')!;
}

/** oci://host/repository@digest */
function imageUri(image: Pick<AuditedImage, 'repository' | 'digest'>): string {
  return `oci://${image.repository}@${image.digest}`;
}

function failing(report: AuditReport): AuditedImage[] {
  return report.images.filter((i) => i.status === 'fail');
}

function tagList(tags: readonly string[]): string {
  if (!tags.length) return 'no tag';
  const shown = tags.slice(0, 5).join(', ');
  return tags.length > 5 ? `${shown} and ${tags.length - 5} more` : shown;
}

/** One line per failing image, then a summary line. */
export function auditText(report: AuditReport): string {
  const lines = failing(report).map((i) => {
    const rule = ruleOf(i.reason);
    return printable(
      `${i.repository}@${i.digest} (${tagList(i.tags)}): ${rule.name}: ${truncate(i.message ?? rule.short, 400)}`,
    );
  });
  const bad = failing(report).length;
  const cached = report.images.filter((i) => i.checked === 'cache').length;
  lines.push(
    `${plural(report.images.length, 'image')} in ${plural(report.repositories.length, 'repository', 'repositories')} audited ` +
      `(${cached} from the cache, ${plural(report.signatureTags, 'signature tag')} skipped): ` +
      (bad ? `${plural(bad, 'image')} got in without approval` : 'every image is signed and approved'),
  );
  return mask(`${lines.join('\n')}\n`);
}

/** Every image with its status, failing ones first. */
export function auditJson(report: AuditReport): string {
  const images = [...report.images].sort(
    (a, b) =>
      Number(a.status === 'pass') - Number(b.status === 'pass') ||
      compareText(a.repository, b.repository) ||
      compareText(a.digest, b.digest),
  );
  const doc = {
    schemaVersion: AUDIT_JSON_VERSION,
    tool: { name: 'shipgate', version: VERSION },
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    repositories: report.repositories,
    summary: {
      images: report.images.length,
      failed: failing(report).length,
      fromCache: report.images.filter((i) => i.checked === 'cache').length,
      signatureTags: report.signatureTags,
    },
    images: images.map((i) => ({
      repository: i.repository,
      digest: i.digest,
      uri: imageUri(i),
      tags: i.tags,
      status: i.status,
      checked: i.checked,
      ...(i.status === 'fail' ? { rule: ruleOf(i.reason).id, reason: i.reason, message: i.message } : {}),
    })),
  };
  return mask(`${JSON.stringify(doc, null, 2)}\n`);
}

function descriptor(rule: AuditRule): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.short },
    fullDescription: { text: rule.help },
    help: { text: rule.help },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['security', 'supply-chain'], precision: 'high', 'security-severity': '8.0' },
  };
}

/** A relative URI for GitHub, which shows only file-like locations: the ':' of host:port and sha256: escaped. */
function relativeUri(image: AuditedImage): string {
  return `${image.repository}@${image.digest}`
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

function result(image: AuditedImage, index: Map<string, number>): Result {
  const rule = ruleOf(image.reason);
  const uri = imageUri(image);
  return {
    ruleId: rule.id,
    ruleIndex: index.get(rule.id)!,
    level: 'error',
    message: {
      text: `${image.repository}@${image.digest} (${tagList(image.tags)}): ${truncate(image.message ?? rule.short, 1000)}`,
    },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: relativeUri(image) }, region: { startLine: 1 } },
        logicalLocations: [{ name: image.digest, fullyQualifiedName: uri, kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'shipgate/audit/v1': stableHash(`${uri}\n${rule.id}`) },
    properties: { image: uri, imageTags: image.tags, reason: image.reason ?? 'invalid' },
  };
}

/**
 * SARIF 2.1.0, one run. Its category (automationDetails.id) is the given one, as codeql-action takes it, or
 * names the repositories, so the runs of several audits (a matrix of jobs) can be merged into one log and
 * uploaded together.
 */
export function auditSarif(report: AuditReport, category?: string): Log {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const id =
    userCategory(category) ??
    `shipgate/audit/${slug(report.repositories.join('+') || 'registry', (s) => stableHash(s))}/`;
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shipgate',
            fullName: 'shipgate (registry audit)',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://github.com/shipgate/shipgate',
            rules: RULES.map(descriptor),
          },
        },
        automationDetails: { id },
        invocations: [
          { executionSuccessful: true, startTimeUtc: report.startedAt, endTimeUtc: report.finishedAt },
        ],
        results: failing(report).map((i) => result(i, index)),
      },
    ],
  };
  return JSON.parse(mask(JSON.stringify(log))) as Log;
}
