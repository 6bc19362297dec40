/**
 * scan → gate → (pre-push steps) → push, on one opened image: the CI job's identity is established first,
 * then the image is opened once, scanned, and, only if the decision for that image is approved, its blobs
 * are uploaded from the same opened image, the pre-push steps run (signing plugs in there: the manifest is
 * then put by digest first, so signatures can name it) and the tag is put last. A refused push leaves no
 * manifest in the registry; a failed step leaves no tag.
 */
import { isShipgateError, ShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import type { Decision, ScanResult } from '../core/result';
import { openImage, type OpenOptions, type OpenedImage } from '../image/index';
import {
  destinationClient,
  parseDestination,
  ociIndex,
  putIndex,
  putManifest,
  uploadBlobs,
  type CopySource,
  type UploadedImage,
  type UploadOptions,
} from '../oci/copy';
import type { RegistryClient } from '../oci/client';
import { parseImageRef, type RegistryRef } from '../oci/ref';
import { ciIdentity } from '../platform/ci';
import type { CiIdentity, IdentityOptions } from '../platform/identity';
import { blockingReasonsLine } from '../report/decision';
import { scannedIndex, scanPlatforms } from './platforms';
import { runPipeline } from './run';
import type { PipelineOptions } from './types';

/** Opens an image; openImage() unless a caller supplies another (to wrap or count opens). */
type ImageOpener = (ref: string, options: OpenOptions) => Promise<OpenedImage>;

/**
 * What a pre-push step sees: an approved image whose blobs and manifest are in the registry by digest, and
 * which no tag names yet.
 */
export interface PushCandidate {
  identity: CiIdentity;
  /** The scan of the image, whose decision approved it. */
  result: ScanResult;
  /** The destination registry, with the job's credentials. */
  client: RegistryClient;
  /** The repository on that registry. */
  repository: string;
  /** The image as given (oci-archive:app.tar). */
  source: string;
  /** The scanned image's config digest, which the pushed manifest names unchanged. */
  configDigest: string;
  decision: Decision;
  /** host/repository@sha256:… the manifest will have once it is put. */
  reference: string;
  /** The manifest's digest: the digest to sign (the index's, for a multi-platform image). */
  digest: string;
  /** A multi-platform image: each platform's pushed manifest, in the index's order; `digest` is the index. */
  platforms?: PushedPlatform[];
}

/** One platform of a pushed multi-platform image: its manifest is in the registry by digest. */
export interface PushedPlatform {
  platform: string;
  /** The platform's own scan. */
  result: ScanResult;
  configDigest: string;
  /** host/repository@sha256:… */
  reference: string;
  digest: string;
}

/** A step between the gate and the tag, such as signing; throwing stops the push before any tag names the image. */
export interface PrePushStep {
  readonly name: string;
  run(candidate: PushCandidate): Promise<void>;
}

export interface PushRequest extends IdentityOptions {
  /** The scan; `image` is required. */
  pipeline: PipelineOptions;
  /** Registry reference to push to. */
  destination: string;
  env?: NodeJS.ProcessEnv;
  insecureRegistries?: string[];
  open?: ImageOpener;
  steps?: readonly PrePushStep[];
  /** Called with the scan once it is done, before the gate (a front door reports a refused scan). */
  onScanned?: (result: ScanResult) => void;
  /**
   * When the image is a multi-platform index (and no platform is chosen): scan, gate and push every
   * platform and an index over them, instead of one platform.
   */
  allPlatforms?: boolean;
  /** Upload concurrency and chunking; the mount source is derived from the image reference. */
  upload?: Omit<UploadOptions, 'mountFrom'>;
}

export interface PushOutcome {
  identity: CiIdentity;
  result: ScanResult;
  /** host/repository@sha256:… */
  reference: string;
  digest: string;
}

function refused(message: string, hint: string | undefined, cause?: unknown): ShipgateError {
  return new ShipgateError('GUARD', `push refused: ${message}`, {
    ...(hint ? { hint } : {}),
    ...(cause ? { cause } : {}),
  });
}

const POLICY_REFUSALS = new WeakSet<ShipgateError>();

/** A push refused because the policy did not approve the image (not because of the job or the image's identity). */
export function refusedByPolicy(e: unknown): e is ShipgateError {
  return e instanceof ShipgateError && POLICY_REFUSALS.has(e);
}

function refusedByTheGate(message: string, hint: string): ShipgateError {
  const e = refused(message, hint);
  POLICY_REFUSALS.add(e);
  return e;
}

/** The CI job's identity; a GUARD error explains a refusal as the push's. */
async function identify(request: PushRequest): Promise<CiIdentity> {
  try {
    return await ciIdentity(request);
  } catch (e) {
    if (isShipgateError(e) && e.code === 'GUARD') throw refused(e.message, e.hint, e);
    throw e;
  }
}

/** The gate: the decision must exist, approve, and be about the very image that is about to be copied. */
export function approvedDecision(result: ScanResult, image: OpenedImage): Decision {
  const ref = image.info.ref;
  const scanned = result.image;
  if (
    !scanned ||
    scanned.configDigest !== image.info.configDigest ||
    (image.info.digest !== undefined && scanned.digest !== image.info.digest)
  )
    throw refused(`the decision is not about ${ref} as opened for the push`, 'run the push again');
  const decision = result.decision;
  if (!decision?.approved)
    throw refusedByTheGate(
      `${ref} is not approved: ${decision ? blockingReasonsLine(decision) : 'no decision'}`,
      'fix the findings or adjust the policy, then run the job again; "shipgate scan" shows every finding',
    );
  return decision;
}

/** The opened image as the copy reads it. */
export function copySource(image: OpenedImage): CopySource {
  const { info } = image;
  return {
    name: info.ref,
    config: { bytes: image.configBytes, digest: info.configDigest },
    layers: info.layers.map((l) => ({
      diffId: l.diffId,
      stored: image.storedLayer?.(l.index),
      open: () => image.openLayer(l.index),
    })),
  };
}

/** The source's repository when it is on the destination's registry, so its blobs can be mounted. */
function mountSource(source: string, destination: RegistryRef): string | undefined {
  const ref = parseImageRef(source);
  return ref.transport === 'registry' && ref.registry === destination.registry ? ref.repository : undefined;
}

/** Verifies the CI job, scans, gates, and pushes the approved image from the one opening of it. */
export async function scanGatePush(request: PushRequest): Promise<PushOutcome> {
  const log = logger();
  const source = request.pipeline.image;
  if (!source) throw new ShipgateError('USAGE', 'push: give the image to push');
  const destination = parseDestination(request.destination);

  const identity = await identify(request);
  log.info(
    `push: ${identity.platform} job ${identity.project} run ${identity.run} at ${identity.sha.slice(0, 12)} (${identity.ref}): ID token verified (issuer ${identity.issuer}) and its claims match the job`,
  );

  const open = request.open ?? openImage;
  const platform = request.pipeline.platform;
  const image = await log.step(`opening ${source}`, () =>
    open(source, platform ? { platform } : request.allPlatforms ? { anyPlatform: true } : {}),
  );
  try {
    if (request.allPlatforms && !platform && scannedIndex(image))
      return await pushIndex(request, identity, image, destination);
    const result = await runPipeline(request.pipeline, { image });
    request.onScanned?.(result);
    const decision = approvedDecision(result, image);
    log.info(`push: ${source} is approved (policy: ${decision.policy})`);

    const client = destinationClient(destination, {
      ...(request.env ? { env: request.env } : {}),
      ...(request.insecureRegistries ? { insecureRegistries: request.insecureRegistries } : {}),
    });
    const uploaded: UploadedImage = await uploadBlobs(client, copySource(image), destination, {
      ...request.upload,
      mountFrom: mountSource(source, destination),
    });
    const candidate: PushCandidate = {
      identity,
      result,
      client,
      repository: destination.repository,
      source,
      configDigest: image.info.configDigest,
      decision,
      reference: uploaded.reference,
      digest: uploaded.digest,
    };
    const steps = request.steps ?? [];
    // The steps see the manifest by its digest (a signature's referrer needs its subject to exist), but no
    // tag names it until every step succeeded.
    if (steps.length)
      await putManifest(client, { ...uploaded, destination: { ...destination, tag: undefined } });
    for (const step of steps) await log.step(`push: ${step.name}`, () => step.run(candidate));
    await putManifest(client, uploaded);
    return { identity, result, reference: uploaded.reference, digest: uploaded.digest };
  } finally {
    await image.close();
  }
}

/**
 * The multi-platform push: every platform scanned and gated on its own, each one's blobs and manifest put by
 * digest, then an OCI index over them (attestation manifests, which were not scanned, are left out); the
 * steps see the index by digest, and the tag is put last.
 */
async function pushIndex(
  request: PushRequest,
  identity: CiIdentity,
  image: OpenedImage,
  destination: RegistryRef,
): Promise<PushOutcome> {
  const log = logger();
  const source = request.pipeline.image!;
  const scan = await scanPlatforms(request.pipeline, image);
  request.onScanned?.(scan.result);
  const refusedPlatforms = scan.platforms.filter((p) => !p.result.decision?.approved);
  if (refusedPlatforms.length)
    throw refusedByTheGate(
      `not every platform of ${source} is approved: ${refusedPlatforms
        .map(
          (p) =>
            `${p.platform} (${p.digest}): ${p.result.decision ? blockingReasonsLine(p.result.decision) : 'no decision'}`,
        )
        .join('; ')}`,
      'fix the findings of those platforms or adjust the policy; nothing was pushed',
    );
  for (const p of scan.platforms) approvedDecision(p.result, p.image);
  const decision = scan.result.decision!;
  log.info(`push: every platform of ${source} is approved (policy: ${decision.policy})`);
  const client = destinationClient(destination, {
    ...(request.env ? { env: request.env } : {}),
    ...(request.insecureRegistries ? { insecureRegistries: request.insecureRegistries } : {}),
  });
  const byDigest: RegistryRef = { ...destination, tag: undefined, digest: undefined };
  const platforms: PushedPlatform[] = [];
  const listed = [];
  for (const p of scan.platforms) {
    const uploaded = await uploadBlobs(client, copySource(p.image), byDigest, {
      ...request.upload,
      mountFrom: mountSource(source, destination),
    });
    await putManifest(client, uploaded);
    platforms.push({
      platform: p.platform,
      result: p.result,
      configDigest: p.image.info.configDigest,
      reference: uploaded.reference,
      digest: uploaded.digest,
    });
    listed.push({ digest: uploaded.digest, size: uploaded.manifest.length, platform: p.image.info.platform });
  }
  const index = ociIndex(destination, listed);
  const candidate: PushCandidate = {
    identity,
    result: scan.result,
    client,
    repository: destination.repository,
    source,
    configDigest: image.info.configDigest,
    decision,
    reference: index.reference,
    digest: index.digest,
    platforms,
  };
  const steps = request.steps ?? [];
  if (steps.length) await putIndex(client, { ...index, destination: byDigest });
  for (const step of steps) await log.step(`push: ${step.name}`, () => step.run(candidate));
  await putIndex(client, index);
  return { identity, result: scan.result, reference: index.reference, digest: index.digest };
}
