/**
 * Scan and sign in one run, the same for every front door: the image to be signed is opened once (a
 * multi-platform index with every platform scanned), and what is signed is the digest the scan opened or the
 * digest a push computed from it: each platform and the index of a multi-platform image, or the one image.
 */
import { logger } from '../core/logger';
import type { ScanResult } from '../core/result';
import { openImage } from '../image/index';
import type { RegistryRef } from '../oci/ref';
import { scannedIndex, scanPlatforms, type IndexScan } from './platforms';
import type { PrePushStep, PushRequest } from './push';
import { runPipeline } from './run';
import {
  pushedIndexTarget,
  pushedTarget,
  scannedIndexTarget,
  scannedTarget,
  signImage,
  signIndex,
  type SignOptions,
  type SignOutcome,
} from './sign';
import type { PipelineOptions } from './types';

/** The scan of an image to be signed; `index` when every platform of a multi-platform image was scanned. */
export interface ScanToSign {
  result: ScanResult;
  index?: IndexScan;
}

/** What one signing run signed. */
export interface SignedImage {
  /** The image's signature, or the index's for a multi-platform image. */
  image: SignOutcome;
  /** A multi-platform image: each platform's, in the index's order (each with its `platform`). */
  platforms: SignOutcome[];
}

/**
 * The scan of an image to be signed. A multi-platform index is scanned platform by platform, unless a
 * platform is chosen: then that platform's digest alone is signed, and the index stays unsigned.
 */
export async function scanToSign(opts: PipelineOptions): Promise<ScanToSign> {
  const image = await logger().step(`opening ${opts.image}`, () =>
    openImage(opts.image!, opts.platform ? { platform: opts.platform } : { anyPlatform: true }),
  );
  try {
    const index = scannedIndex(image);
    if (index && !opts.platform) {
      const scan = await scanPlatforms(opts, image);
      return { result: scan.result, index: scan };
    }
    if (index)
      logger().warn(
        `platform ${opts.platform}: only ${image.info.digest} is signed; the index ${index.digest} stays unsigned and does not verify`,
      );
    return { result: await runPipeline(opts, { image }) };
  } finally {
    await image.close();
  }
}

/** Signs the registry image `scanned` opened: each platform and the index, or the one image. */
export async function signScanned(
  ref: RegistryRef,
  scanned: ScanToSign,
  options: SignOptions,
): Promise<SignedImage> {
  if (scanned.index) {
    const out = await signIndex(scannedIndexTarget(ref, scanned.index), scanned.result, options);
    return { image: out.index, platforms: out.platforms };
  }
  return {
    image: await signImage(scannedTarget(ref, scanned.result), scanned.result, options),
    platforms: [],
  };
}

/**
 * The part of a push request that signs what the push computed, before the tag: a multi-platform image is
 * then pushed whole (every platform and an index over them), and each platform and the index are signed.
 */
export function signingPush(
  options: SignOptions,
  onSigned: (signed: SignedImage) => void,
): Pick<PushRequest, 'steps' | 'allPlatforms'> {
  const step: PrePushStep = {
    name: 'signing',
    run: async (c) => {
      if (c.platforms) {
        const out = await signIndex(pushedIndexTarget({ ...c, platforms: c.platforms }), c.result, options);
        onSigned({ image: out.index, platforms: out.platforms });
      } else onSigned({ image: await signImage(pushedTarget(c), c.result, options), platforms: [] });
    },
  };
  return { steps: [step], allPlatforms: true };
}

/** The warning when signing was asked for and the policy refused: the image, or which platforms. */
export function notSignedLine(result: ScanResult): string {
  const refused = result.index?.platforms.filter((p) => !p.decision.approved) ?? [];
  if (!refused.length) return 'not signed: the policy did not approve the image';
  return `not signed: the policy did not approve every platform (refused: ${refused.map((p) => `${p.platform} ${p.digest}`).join(', ')}), so nothing was signed`;
}
