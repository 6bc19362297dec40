/**
 * Signing in the run that scanned: the image signature and the attestations are made for the digest the
 * scan opened (or the digest the push computed from that same opened image), only when its decision is
 * approved (or forced, which the approval attestation records), stored next to the image, and read back.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { mapConcurrent } from '../core/concurrency';
import { ShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import type { ScanResult } from '../core/result';
import { RegistryClient } from '../oci/client';
import { parseImageRef, type RegistryRef } from '../oci/ref';
import type { IndexScan } from './platforms';
import type { PushCandidate, PushedPlatform } from './push';
import { blockingReasonsLine } from '../report/decision';
import type { PredicateName, SigningConfig } from '../sign/index';
import { readBack } from '../sign/read-back';
import { simpleSigningPayload } from '../sign/cosign-legacy';
import { storeSignatures } from '../sign/store';
import { PREDICATE, type Placement } from '../sign/types';

/**
 * The signing stack (sigstore, TUF, undici, the SBOM writer: about 2.5 MB of code) loads when something is
 * signed, not with every scan and push that only might sign.
 */
const signingStack = () => import('../sign/index');

/** Signatures requested from the signing services at once. */
const SIGNING_CONCURRENCY = 4;

/** The attestations signing writes unless told otherwise (the image signature is always written). */
export const DEFAULT_ATTESTATIONS: readonly PredicateName[] = ['slsa', 'cyclonedx', 'vuln', 'approval'];

export interface SignOptions {
  signing: SigningConfig;
  /** Attestations besides the signature (default DEFAULT_ATTESTATIONS). */
  attestations?: readonly PredicateName[];
  /** Sign although the decision refused the image; the approval attestation says `forced: true`. */
  force?: boolean;
  /** Also write cosign's legacy `.sig`/`.att` tags (default true). */
  legacy?: boolean;
  /** Allow a provenance attestation outside CI (it then names the local machine as builder). */
  localProvenance?: boolean;
  /** The CycloneDX JSON the output stage wrote, attested as is. */
  sbom?: string;
  /** Where a policy file path in the decision is relative to. */
  repoRoot: string;
  env?: NodeJS.ProcessEnv;
}

/** The image to sign: where it is, and the digest the signatures name. */
export interface SignTarget {
  client: RegistryClient;
  /** Repository on the client's registry, e.g. acme/app. */
  repository: string;
  /** The manifest digest. */
  digest: string;
  /** The config digest of that manifest: it must be the config the scan opened. */
  configDigest: string;
  /**
   * `scanned`: the digest is the manifest the scan opened. `pushed`: the manifest the push computed from the
   * very image the scan opened (same config, same layers), whose digest the source did not have.
   */
  origin: 'scanned' | 'pushed';
}

interface SignedArtifact {
  predicateType: string;
  placements: Placement[];
}

export interface SignOutcome {
  /** host/repository@sha256:… that was signed. */
  reference: string;
  digest: string;
  forced: boolean;
  signer: 'keyless' | 'key';
  /** One platform of a multi-platform image (linux/arm64/v8). */
  platform?: string;
  artifacts: SignedArtifact[];
  /** Everything written, as read back from the registry. */
  placements: Placement[];
}

function refused(message: string, hint: string): ShipgateError {
  return new ShipgateError('GUARD', `signing refused: ${message}`, { hint });
}

/** The policy file the decision came from, with the sha256 of its content; undefined for the built-in policy. */
function policyFile(result: ScanResult, repoRoot: string): { path: string; sha256: string } | undefined {
  const source = result.decision?.policy;
  if (!source || source === 'default policy') return undefined;
  const path = isAbsolute(source) ? source : join(repoRoot, source);
  try {
    return { path: source, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
  } catch (e) {
    throw new ShipgateError('SIGN', `cannot read the policy file ${source} to record its digest`, {
      cause: e,
    });
  }
}

/** Refuses to sign anything but the approved (or forced) image the scan opened. */
function checkSignable(
  result: ScanResult,
  target: Pick<SignTarget, 'digest' | 'configDigest' | 'origin'>,
  force = false,
): boolean {
  const scanned = result.image;
  if (!scanned)
    throw refused(
      'no image was scanned in this run',
      'sign the image the scan opens: give it to scan with --sign',
    );
  if (
    scanned.configDigest !== target.configDigest ||
    (target.origin === 'scanned' && scanned.digest !== target.digest)
  )
    throw refused(`${target.digest} is not the image this run scanned`, 'sign the digest the scan printed');
  return forcedSignature(result.decision, force);
}

/** False for an approved decision, true for a refused one signed with --force; refuses otherwise. */
function forcedSignature(decision: ScanResult['decision'], force: boolean): boolean {
  if (!decision) throw refused('the scan has no decision', 'run the scan with a policy');
  if (decision.approved) return false;
  if (!force)
    throw refused(
      `the image is not approved: ${blockingReasonsLine(decision)}`,
      'fix the findings or adjust the policy; --force signs anyway and records the signature as forced',
    );
  logger().warn(
    `signing an image the policy refused (--force): the approval attestation records forced: true`,
  );
  return true;
}

/** Signs and attests `target` for the scan `result`, stores everything next to it and reads it back. */
export async function signImage(
  target: SignTarget,
  result: ScanResult,
  options: SignOptions,
): Promise<SignOutcome> {
  const forced = checkSignable(result, target, options.force);
  return signDigest(target, result, forced, options, options.attestations ?? DEFAULT_ATTESTATIONS);
}

/** Signs the digest and the attestations asked for, without checking the decision (the callers do). */
async function signDigest(
  target: Pick<SignTarget, 'client' | 'repository' | 'digest'>,
  result: ScanResult,
  forced: boolean,
  options: SignOptions,
  requested: readonly PredicateName[],
): Promise<SignOutcome> {
  const log = logger();
  const env = options.env ?? process.env;
  const name = `${target.client.registry}/${target.repository}`;
  const reference = `${name}@${target.digest}`;
  const attestations = [...new Set(requested)].filter((a) => a !== 'signature');
  const predicates: PredicateName[] = ['signature', ...attestations];
  const policy = policyFile(result, options.repoRoot);
  const { buildStatements, createSigner, signMessage, signStatement } = await signingStack();
  const statements = buildStatements({
    image: { repository: name, digest: target.digest },
    result,
    predicates,
    approval: { ...(policy ? { policyFile: policy } : {}), ...(options.force ? { force: true } : {}) },
    ...(options.localProvenance ? { provenance: { local: true } } : {}),
    ...(options.sbom !== undefined ? { sbom: options.sbom } : {}),
    env,
  });
  const signer = await createSigner(options.signing, env);
  log.info(
    `signing ${reference} (${signer.kind === 'key' ? `key ${signer.publicKey?.hint ?? ''}` : 'keyless'}): signature and ${attestations.join(', ') || 'no attestations'}`,
  );
  const legacy = options.legacy !== false;
  // Each signature gets its own Fulcio certificate and log entry: they can be requested side by side.
  const [bundles, legacySignature] = await Promise.all([
    mapConcurrent(statements, SIGNING_CONCURRENCY, (s) => signStatement(s, signer)),
    legacy ? signMessage(simpleSigningPayload(name, target.digest), signer) : undefined,
  ]);
  const stored = await log.step(`storing ${bundles.length} bundles next to ${reference}`, () =>
    storeSignatures(target.client, target.repository, target.digest, {
      bundles,
      reference: name,
      legacy,
      ...(legacySignature ? { legacySignature } : {}),
    }),
  );
  const placements = await log.step('reading back what was stored', () => readBack(target.client, stored));
  const artifacts: SignedArtifact[] = statements.map((s) => ({
    predicateType: s.predicateType,
    placements: [],
  }));
  stored.forEach((s, i) => {
    const placement = placements[i]!;
    const predicateType =
      s.placement.kind === 'legacy-sig'
        ? PREDICATE.signature
        : s.placement.kind === 'legacy-att'
          ? s.layers[0]?.annotations?.predicateType
          : s.annotations?.['dev.sigstore.bundle.predicateType'];
    const artifact = artifacts.find((a) => a.predicateType === predicateType);
    if (artifact) artifact.placements.push(placement);
  });
  for (const a of artifacts)
    log.info(`${a.predicateType}: ${a.placements.map((p) => `${p.kind} ${p.tag ?? p.digest}`).join(', ')}`);
  return { reference, digest: target.digest, forced, signer: signer.kind, artifacts, placements };
}

/** The attestations an index gets: the SBOM and the vulnerabilities belong to each platform's own digest. */
const INDEX_ATTESTATIONS: ReadonlySet<PredicateName> = new Set(['slsa', 'approval']);

/** A multi-platform image to sign: its index and, in the index's order, each platform with its own scan. */
export interface IndexSignTarget {
  index: Pick<SignTarget, 'client' | 'repository' | 'digest' | 'origin'>;
  platforms: { target: SignTarget; result: ScanResult }[];
}

export interface IndexSignOutcome {
  index: SignOutcome;
  platforms: SignOutcome[];
}

/** The combined result as its approval names the index and platform digests being signed. */
function indexResult(target: IndexSignTarget, result: ScanResult): ScanResult {
  const index = result.index;
  if (!index) throw refused('the scan did not scan every platform of the index', 'run it without --platform');
  const { platforms } = target;
  const mismatch =
    platforms.length !== index.platforms.length ||
    platforms.some(
      (p, i) =>
        p.target.configDigest !== index.platforms[i]!.configDigest ||
        p.result.image?.configDigest !== p.target.configDigest ||
        (p.target.origin === 'scanned' && p.target.digest !== index.platforms[i]!.digest),
    ) ||
    (target.index.origin === 'scanned' && target.index.digest !== index.digest);
  if (mismatch)
    throw refused(
      `${target.index.digest} is not the index this run scanned`,
      'sign the digest the scan printed',
    );
  return {
    ...result,
    index: {
      ...index,
      digest: target.index.digest,
      platforms: index.platforms.map((p, i) => ({ ...p, digest: platforms[i]!.target.digest })),
    },
  };
}

/**
 * Signs a multi-platform image: each platform's digest with its own attestations, then the index, whose
 * approval lists every platform's digest and decision. Nothing is signed unless every platform is approved
 * (or --force, recorded as forced on each refused platform and on the index).
 */
export async function signIndex(
  target: IndexSignTarget,
  result: ScanResult,
  options: SignOptions,
): Promise<IndexSignOutcome> {
  const combined = indexResult(target, result);
  const refusedPlatforms = combined.index!.platforms.filter((p) => !p.decision.approved);
  if (refusedPlatforms.length && !options.force)
    throw refused(
      `not every platform is approved: ${refusedPlatforms
        .map((p) => `${p.platform} (${p.digest}): ${blockingReasonsLine(p.decision)}`)
        .join('; ')}`,
      'fix the findings of those platforms or adjust the policy; nothing was signed',
    );
  const forced = forcedSignature(combined.decision, options.force === true);
  const { sbom: _sbom, ...perPlatform } = options;
  const signed: SignOutcome[] = [];
  for (const [i, p] of target.platforms.entries())
    signed.push({
      ...(await signImage(p.target, p.result, perPlatform)),
      platform: combined.index!.platforms[i]!.platform,
    });
  const requested = (options.attestations ?? DEFAULT_ATTESTATIONS).filter((a) => INDEX_ATTESTATIONS.has(a));
  const index = await signDigest(target.index, combined, forced, perPlatform, requested);
  return { index, platforms: signed };
}

export interface AttestOptions {
  signing: SigningConfig;
  legacy?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Signs a statement of the user's own predicate about a registry digest and stores it like the others. The
 * signature and shipgate's approval are not among what it may attest: those come only from a scan in the same
 * run (signImage), so an approval cannot be written by hand.
 */
export async function attestImage(
  target: Pick<SignTarget, 'client' | 'repository' | 'digest'>,
  predicateType: string,
  predicate: unknown,
  options: AttestOptions,
): Promise<SignOutcome> {
  if (predicateType === PREDICATE.approval || predicateType === PREDICATE.signature)
    throw new ShipgateError('USAGE', `attest: ${predicateType} is written only by a scan in the same run`, {
      hint: 'use "shipgate sign IMAGE", which scans the image and attests its approval',
    });
  const name = `${target.client.registry}/${target.repository}`;
  const reference = `${name}@${target.digest}`;
  const { createSigner, imageStatement, signStatement } = await signingStack();
  const statement = imageStatement({ repository: name, digest: target.digest }, predicateType, predicate);
  const signer = await createSigner(options.signing, options.env ?? process.env);
  const bundle = await signStatement(statement, signer);
  const stored = await storeSignatures(target.client, target.repository, target.digest, {
    bundles: [bundle],
    reference: name,
    legacy: options.legacy !== false,
  });
  const placements = await readBack(target.client, stored);
  logger().info(`${predicateType}: ${placements.map((p) => `${p.kind} ${p.tag ?? p.digest}`).join(', ')}`);
  return {
    reference,
    digest: target.digest,
    forced: false,
    signer: signer.kind,
    artifacts: [{ predicateType, placements }],
    placements,
  };
}

/** What a push's signing step signs: the digest the push computed from the scanned image, not yet tagged. */
export function pushedTarget(c: PushCandidate): SignTarget {
  return {
    client: c.client,
    repository: c.repository,
    digest: c.digest,
    configDigest: c.configDigest,
    origin: 'pushed',
  };
}

/** What a multi-platform push's signing step signs: the index and platform manifests the push computed. */
export function pushedIndexTarget(c: PushCandidate & { platforms: PushedPlatform[] }): IndexSignTarget {
  const at = { client: c.client, repository: c.repository, origin: 'pushed' as const };
  return {
    index: { ...at, digest: c.digest },
    platforms: c.platforms.map((p) => ({
      target: { ...at, digest: p.digest, configDigest: p.configDigest },
      result: p.result,
    })),
  };
}

/** The registry an image to be signed after its scan is in; a USAGE error for one that is not in a registry. */
export function signableRegistryImage(image: string | undefined, what: string): RegistryRef {
  const ref = image === undefined ? undefined : parseImageRef(image);
  if (ref?.transport !== 'registry')
    throw new ShipgateError(
      'USAGE',
      `${what}: ${image ?? 'no image'} is not in a registry, so there is nowhere to attach a signature`,
      {
        hint: 'push it with "shipgate push --sign IMAGE DEST" (action: the push input), which signs the digest it pushes',
      },
    );
  return ref;
}

/** What signing a scanned registry image signs: the manifest digest the scan opened. */
export function scannedTarget(ref: RegistryRef, result: ScanResult, env?: NodeJS.ProcessEnv): SignTarget {
  const scanned = result.image;
  if (!scanned?.digest || !scanned.configDigest)
    throw new ShipgateError(
      'SIGN',
      `the registry gave no manifest digest for ${ref.registry}/${ref.repository}`,
    );
  return {
    client: new RegistryClient({ registry: ref.registry, ...(env ? { env } : {}) }),
    repository: ref.repository,
    digest: scanned.digest,
    configDigest: scanned.configDigest,
    origin: 'scanned',
  };
}

/** What signing a scanned multi-platform registry image signs: the index and platform digests the scan opened. */
export function scannedIndexTarget(
  ref: RegistryRef,
  scan: IndexScan,
  env?: NodeJS.ProcessEnv,
): IndexSignTarget {
  const client = new RegistryClient({ registry: ref.registry, ...(env ? { env } : {}) });
  const at = { client, repository: ref.repository, origin: 'scanned' as const };
  return {
    index: { ...at, digest: scan.index.digest },
    platforms: scan.platforms.map((p) => ({
      target: { ...at, digest: p.digest, configDigest: p.image.info.configDigest },
      result: p.result,
    })),
  };
}
