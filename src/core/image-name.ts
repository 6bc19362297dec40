/** Names of a scanned image, shared by the policy (image globs) and the reports. Pure functions only. */
import type { ImageTarget } from './result';

const TRANSPORTS = /^(docker-archive|oci-archive|oci|docker-daemon|docker|containers-storage|dir):/;

/** The image reference without transport, tag or digest: "ghcr.io/org/app" from "ghcr.io/org/app:1.2@sha256:…". */
export function imageRepository(image: Pick<ImageTarget, 'ref' | 'repository'>): string {
  if (image.repository) return image.repository;
  let ref = image.ref.replace(TRANSPORTS, '').replace(/^\/\//, '');
  const at = ref.indexOf('@');
  if (at >= 0) ref = ref.slice(0, at);
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  return ref;
}
