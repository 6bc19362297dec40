import { writeFileSync } from 'node:fs';
import { EXIT, ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { fetchBundles } from '../../sign/read-back';
// The modules themselves, not the signing index: verification loads no signing, statements or SBOM code.
import { loadTrustMaterial } from '../../sign/trust';
import {
  VerificationFailed,
  verifyBundles,
  type VerifyExpectations,
  type VerifyReport,
} from '../../sign/verify';
import { bool, parseCommand, str } from '../args';
import { registryImage } from '../registry-image';
import { indexEntries, parseManifest } from '../../image/manifest';
import { formatPlatform, type IndexEntry } from '../../image/index';
import type { RegistryClient } from '../../oci/client';
import { PREDICATE } from '../../sign/types';
import { VERIFY_HELP, VERIFY_OPTIONS, verifyFlags } from '../verify-flags';

const HELP = `Usage: shipgate verify IMAGE SIGNER [options]

Fetches the sigstore bundles attached to IMAGE's manifest digest (OCI referrers, or the sha256-<hex> tag) and
verifies them: signature, certificate chain and transparency-log inclusion or timestamp against the trusted
root; that each statement's subject IS this digest; the signer, matched exactly or by an anchored pattern;
the required predicates; and shipgate's approval (approved, not forced). Says which check failed; exit 1.

Arguments:
  IMAGE                       a registry reference; a tag is resolved to its digest first (printed)

A multi-platform index is verified as a whole: the index digest (what a pod naming the tag runs, and what
admission checks), whose approval must list exactly the platforms the index lists, each approved; then each
platform's digest. The SBOM and vulnerability predicates are required of the platforms only.

${VERIFY_HELP}
      --index-only        verify the index digest and its approval's platform list, not each platform
  -o, --output FILE       write the verification report as JSON (with "platforms" for an index)
`;

const OPTIONS = {
  ...VERIFY_OPTIONS,
  output: { type: 'string', short: 'o' },
  'index-only': { type: 'boolean' },
} as const;

function usage(message: string, hint?: string): ShipgateError {
  return new ShipgateError('USAGE', `verify: ${message}`, hint === undefined ? {} : { hint });
}

function summary(report: VerifyReport): string[] {
  const lines = report.verified.map((v) => {
    const who = v.signer.kind === 'key' ? `key ${v.signer.hint}` : `${v.signer.subject} (${v.signer.issuer})`;
    return `verified ${v.predicateType} by ${who}${v.time ? ` at ${v.time}` : ''}`;
  });
  for (const r of report.rejected) lines.push(`rejected ${r.predicateType ?? 'a bundle'}: ${r.reason}`);
  return lines;
}

/** The platform manifests of IMAGE's digest when it is a multi-platform index. */
async function indexPlatforms(
  client: RegistryClient,
  repository: string,
  digest: string,
): Promise<IndexEntry[] | undefined> {
  const top = await client.getManifest(repository, digest);
  const doc = parseManifest(top.bytes, `${repository}@${digest}`, top.mediaType);
  if (doc.kind !== 'index') return undefined;
  const index = indexEntries(doc, digest);
  for (const s of index.skipped) logger().info(`skipping ${s.digest} of the index: ${s.reason}`);
  return index.platforms;
}

/** Statements an index carries: the SBOM and the vulnerability scan are attested to each platform instead. */
const PLATFORM_ONLY = new Set<string>([PREDICATE.cyclonedx, PREDICATE.vuln]);

interface Verified {
  /** os/arch[/variant] of a platform of the index; absent for the digest IMAGE names. */
  platform?: string;
  digest: string;
  report: VerifyReport;
}

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand('verify', argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  const [image, extra] = p.positionals;
  if (!image || extra !== undefined)
    throw usage('give exactly one IMAGE', 'e.g. shipgate verify ghcr.io/acme/app@sha256:...');
  const flags = verifyFlags('verify', p);
  const trust = await loadTrustMaterial(flags.trust);
  const { ref, client, digest } = await registryImage(image, 'verify', 'verifying');
  const repository = `${ref.registry}/${ref.repository}`;
  const platforms = await indexPlatforms(client, ref.repository, digest);
  const output = str(p, 'output');
  const done: Verified[] = [];
  const verifyDigest = async (
    target: string,
    platform: string | undefined,
    expect: Omit<VerifyExpectations, 'image'>,
  ): Promise<void> => {
    const fetched = await fetchBundles(client, ref.repository, target);
    const what = platform ? `platform ${platform} (${target})` : target;
    logger().info(`${fetched.length} sigstore bundle${fetched.length === 1 ? '' : 's'} attached to ${what}`);
    try {
      const report = verifyBundles(
        fetched.map((f) => f.bundle),
        trust,
        { ...expect, image: { digest: target, repository } },
      );
      for (const line of summary(report)) logger().info(line);
      done.push({ ...(platform ? { platform } : {}), digest: target, report });
    } catch (e) {
      const partial = e instanceof VerificationFailed ? e.report : undefined;
      if (partial) for (const line of summary(partial)) logger().info(line);
      if (output)
        writeFileSync(
          output,
          `${JSON.stringify({ verified: false, digest: target, error: (e as Error).message, report: partial ?? null, ...(done.length ? { platforms: done } : {}) }, null, 2)}\n`,
        );
      if (platform && e instanceof VerificationFailed)
        throw new VerificationFailed(`platform ${platform} (${target}): ${e.message}`, e.failure, e.report);
      throw e;
    }
  };
  if (!platforms) await verifyDigest(digest, undefined, flags.expect);
  else {
    const required = flags.expect.requiredPredicates?.filter((t) => !PLATFORM_ONLY.has(t));
    await verifyDigest(digest, undefined, {
      ...flags.expect,
      ...(required ? { requiredPredicates: required } : {}),
      platforms: platforms.map((e) => e.digest),
    });
    if (!bool(p, 'index-only'))
      for (const e of platforms)
        await verifyDigest(e.digest, e.platform ? formatPlatform(e.platform) : e.digest, flags.expect);
  }
  const [top, ...rest] = done;
  if (output)
    writeFileSync(
      output,
      `${JSON.stringify({ verified: true, digest, report: top!.report, ...(platforms ? { platforms: rest } : {}) }, null, 2)}\n`,
    );
  process.stdout.write(`verified ${repository}@${digest}\n`);
  if (platforms)
    for (const v of rest) process.stdout.write(`verified ${repository}@${v.digest} (${v.platform})\n`);
  return EXIT.OK;
}
