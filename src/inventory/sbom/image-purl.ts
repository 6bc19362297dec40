import type { ImageInfo } from '../../image/types';
import { purl } from '../purl';

/** pkg:oci purl of the image: the last repository segment, the manifest digest, repository_url and tag. */
export function imagePurl(image: ImageInfo): string | undefined {
  const digest = image.digest ?? image.configDigest;
  if (!digest) return undefined;
  const repo = image.repository;
  const name = (repo?.split('/').pop() ?? 'image').toLowerCase();
  return purl('oci', undefined, name, digest, {
    arch: image.platform.architecture,
    repository_url: repo,
    tag: image.tag,
  });
}

export function imageName(image: ImageInfo): string {
  if (image.repository) return image.tag ? `${image.repository}:${image.tag}` : image.repository;
  return image.ref;
}
