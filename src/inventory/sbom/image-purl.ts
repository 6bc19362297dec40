import type { Platform } from '../../image/types';
import { purl } from '../purl';

/**
 * The image facts an SBOM names. An opened image (ImageInfo) has them, and so does the image a scan result
 * describes, so an SBOM is written from either without rebuilding one from the other.
 */
export interface SbomImage {
  ref: string;
  repository?: string;
  tag?: string;
  digest?: string;
  configDigest?: string;
  platform?: Platform;
  layers: readonly { index: number; digest: string; diffId?: string }[];
}

/** pkg:oci purl of the image: the last repository segment, the manifest digest, repository_url and tag. */
export function imagePurl(image: SbomImage): string | undefined {
  const digest = image.digest ?? image.configDigest;
  if (!digest) return undefined;
  const repo = image.repository;
  const name = (repo?.split('/').pop() ?? 'image').toLowerCase();
  return purl('oci', undefined, name, digest, {
    arch: image.platform?.architecture,
    repository_url: repo,
    tag: image.tag,
  });
}

export function imageName(image: SbomImage): string {
  if (image.repository) return image.tag ? `${image.repository}:${image.tag}` : image.repository;
  return image.ref;
}
