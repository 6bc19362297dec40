/** Image sources (archives, layouts, daemon, registry), limits and the one streaming walk over the layers. */
/*
 * Opening images from any source and walking them. Sources: docker-archive:, oci-archive:, oci:, dir:,
 * docker:/docker-daemon: (a Docker Engine API socket) and registry references.
 */
import { resolve } from 'node:path';
import { ShipgateError } from '../core/errors';
import type { OpenOptions, OpenedImage } from './options';
import { parseImageRef } from '../oci/ref';
import { openDir } from './sources/dir';
import { openDockerArchive } from './sources/docker-archive';
import { openOciArchive, openOciDir } from './sources/oci-layout';

export type { OpenOptions, OpenedImage } from './options';
export { defaultPlatform } from './options';
export { formatPlatform } from '../oci/platform';
export { parseImageRef, parseRegistryRef, formatRegistryRef, repositoryName } from '../oci/ref';
export type { ImageRef, RegistryRef } from '../oci/ref';
export { walkImage } from './walk';
export type { WalkOptions, WalkResult, WalkStats } from './walk';
export type * from './types';

/** Opens the image `ref` names. The caller must close() it (temporary files of daemon sources go then). */
export async function openImage(ref: string, options: OpenOptions = {}): Promise<OpenedImage> {
  const parsed = parseImageRef(ref);
  switch (parsed.transport) {
    case 'docker-archive':
      return openDockerArchive(resolve(parsed.path), parsed.name, ref, options);
    case 'oci-archive':
      return openOciArchive(resolve(parsed.path), parsed.tag, ref, options);
    case 'oci':
      return openOciDir(resolve(parsed.path), parsed.tag, ref, options);
    case 'dir':
      return openDir(parsed.path, ref, options);
    case 'docker-daemon': {
      const { openDockerDaemon } = await import('./sources/docker-daemon');
      return openDockerDaemon(parsed.name, ref, options);
    }
    case 'registry': {
      const { openRegistryImage } = await import('./sources/registry');
      return openRegistryImage(parsed, ref, options);
    }
    default:
      throw new ShipgateError('USAGE', `unknown image reference "${ref}"`);
  }
}
