/**
 * A multi-platform image, every platform scanned: the index the reference names is opened once, each image
 * it lists is scanned and decided on its own (attestation manifests are skipped, saying so), and the run's
 * result gathers them, approved only when every platform is.
 */
import { ShipgateError } from '../core/errors';
import type { Finding, FindingKind, RuleMeta } from '../core/finding';
import { logger } from '../core/logger';
import { sortFindings } from '../core/order';
import {
  countBySeverity,
  type AnalyzerStatus,
  type Decision,
  type PlatformOutcome,
  type ScanResult,
} from '../core/result';
import { formatPlatform, type ImageIndex, type OpenedImage } from '../image/index';
import { INDEX_TYPES } from '../oci/media-types';
import { runPipeline } from './run';
import type { PipelineOptions } from './types';

/** One platform's image, opened from the index, and its own scan. */
interface PlatformScan {
  platform: string;
  digest: string;
  image: OpenedImage;
  result: ScanResult;
}

export interface IndexScan {
  index: ImageIndex;
  platforms: PlatformScan[];
  /** Every platform's scan in one result (see ScanResult.index). */
  result: ScanResult;
}

/** The index an opened image came from, when it is to be scanned platform by platform. */
export function scannedIndex(image: OpenedImage): ImageIndex | undefined {
  return image.openPlatform ? image.info.index : undefined;
}

/** Scans every platform of the index `image` was opened from; `image` itself is one of them. */
export async function scanPlatforms(opts: PipelineOptions, image: OpenedImage): Promise<IndexScan> {
  const log = logger();
  const index = scannedIndex(image);
  if (!index || !image.openPlatform)
    throw new ShipgateError('INTERNAL', `${image.info.ref} was not opened from a multi-platform index`);
  const nested = index.platforms.find((e) => INDEX_TYPES.has(e.mediaType));
  // A nested index's platforms would go unscanned under the outer index's signature.
  if (nested)
    throw new ShipgateError(
      'UNSUPPORTED',
      `${image.info.ref}: the index ${index.digest} lists another index (${nested.digest}); its platforms cannot be scanned one by one`,
      { hint: "flatten it (skopeo copy --all writes one index listing each platform's manifest)" },
    );
  if (index.platforms.length === 0)
    throw new ShipgateError('IMAGE_FORMAT', `${image.info.ref}: the index ${index.digest} lists no image`);
  for (const s of index.skipped) log.info(`skipping ${s.digest} of the index: ${s.reason}`);
  log.info(
    `scanning all ${index.platforms.length} platforms of the index ${index.digest}: ${index.platforms
      .map((e) => (e.platform ? formatPlatform(e.platform) : e.digest))
      .join(', ')}`,
  );
  const scans: PlatformScan[] = [];
  for (const entry of index.platforms) {
    const opened = entry.digest === image.info.digest ? image : await image.openPlatform(entry.digest);
    const platform = formatPlatform(opened.info.platform);
    log.info(`platform ${platform}: ${entry.digest}`);
    const { platform: _chosen, ...rest } = opts;
    const result = await runPipeline(rest, { image: opened });
    log.info(`platform ${platform}: ${result.decision?.approved ? 'approved' : 'not approved'}`);
    scans.push({ platform, digest: entry.digest, image: opened, result });
  }
  return { index, platforms: scans, result: combine(index, scans) };
}

/** The decision about the index: each platform's reasons, prefixed with its platform; approved when all are. */
function indexDecision(scans: readonly PlatformScan[]): Decision {
  const decisions = scans.map((s) => s.result.decision);
  const missing = scans.find((s) => !s.result.decision);
  if (missing) throw new ShipgateError('INTERNAL', `platform ${missing.platform}: the scan has no decision`);
  return {
    approved: decisions.every((d) => d!.approved),
    policy: decisions[0]!.policy,
    reasons: scans.flatMap((s) =>
      s.result.decision!.reasons.map((r) => ({ ...r, message: `${s.platform}: ${r.message}` })),
    ),
  };
}

const STATUS_RANK: Record<AnalyzerStatus['status'], number> = { ok: 0, incomplete: 1, failed: 2 };

/** One status per analyzer: the worst of the platforms', with the platforms that were not ok named. */
function mergeAnalyzers(scans: readonly PlatformScan[]): AnalyzerStatus[] | undefined {
  if (!scans.some((s) => s.result.analyzers)) return undefined;
  const out = new Map<string, AnalyzerStatus>();
  for (const s of scans)
    for (const a of s.result.analyzers ?? []) {
      const mine: AnalyzerStatus = a.detail ? { ...a, detail: `${s.platform}: ${a.detail}` } : { ...a };
      const seen = out.get(a.name);
      if (!seen) out.set(a.name, mine);
      else {
        const worse = STATUS_RANK[a.status] > STATUS_RANK[seen.status] ? mine : seen;
        const details = [seen.detail, mine.detail].filter((d): d is string => d !== undefined);
        out.set(a.name, { ...worse, ...(details.length ? { detail: details.join('; ') } : {}) });
      }
    }
  return [...out.values()];
}

/**
 * Every platform's findings (a Dockerfile finding, the same in each scan, once), the first platform as
 * `image` with its packages (each platform's SBOM is attested to its own digest), and the index decision.
 */
function combine(index: ImageIndex, scans: readonly PlatformScan[]): ScanResult {
  const first = scans[0]!.result;
  const findings = new Map<string, Finding>();
  const rules = new Map<string, RuleMeta>();
  const parts = new Set<FindingKind>();
  const warnings = new Set<string>();
  for (const s of scans) {
    for (const f of s.result.findings) findings.set(`${f.fingerprint} ${f.image?.digest ?? ''}`, f);
    for (const r of s.result.rules) rules.set(r.id, r);
    for (const p of s.result.parts ?? []) parts.add(p);
    for (const w of s.result.warnings) warnings.add(w);
  }
  const platforms: PlatformOutcome[] = scans.map((s) => ({
    platform: s.platform,
    digest: s.digest,
    configDigest: s.image.info.configDigest,
    decision: s.result.decision!,
    counts: countBySeverity(s.result.findings),
  }));
  const analyzers = mergeAnalyzers(scans);
  return {
    ...first,
    finishedAt: scans.at(-1)!.result.finishedAt,
    findings: sortFindings([...findings.values()]),
    rules: [...rules.values()],
    ...(parts.size ? { parts: [...parts] } : {}),
    ...(analyzers ? { analyzers } : {}),
    warnings: [...warnings],
    decision: indexDecision(scans),
    index: { digest: index.digest, platforms, skipped: index.skipped },
  };
}
