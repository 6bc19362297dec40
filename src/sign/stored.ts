/** What an attachment wrote to the registry, kept so that read-back can check it landed as written. */
import type { Placement } from './types';

interface StoredLayer {
  mediaType: string;
  digest: string;
  data: Buffer;
  annotations?: Record<string, string>;
}

export interface StoredArtifact {
  placement: Placement;
  repository: string;
  /** The image the artifact is about. */
  subject: string;
  /** The manifest as pushed; a legacy cosign manifest may since have gained other writers' layers. */
  manifest: Buffer;
  /** The layers this attachment added. */
  layers: StoredLayer[];
  /** The artifactType a referrers listing must show (referrers and fallback-tag placements). */
  artifactType?: string;
  /** The annotations a referrers listing must show. */
  annotations?: Record<string, string>;
}

/** host/repository@digest. */
export function manifestReference(registry: string, repository: string, digest: string): string {
  return `${registry}/${repository}@${digest}`;
}
