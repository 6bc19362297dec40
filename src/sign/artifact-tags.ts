/**
 * Tags that hold signatures rather than images: the referrers fallback index (`sha256-<hex>`) and cosign's
 * `sha256-<hex>.sig`, `.att` and `.sbom`. A tag is taken for one only when its name has that form AND its
 * manifest is that kind of document, so an image pushed under such a name is not hidden by it: the index
 * must list only artifacts (every entry with an artifactType, none with a platform), and the manifest must
 * have layers none of which a container runtime would unpack.
 */
import { isLayerMediaType, MANIFEST_TYPES } from '../oci/media-types';
import { parseIndex } from '../oci/referrers';

const ARTIFACT_TAG = /^sha256-[0-9a-f]{64}(\.(?:sig|att|sbom))?$/;

/** Whether the tag's name has the form of a signature tag (its content decides: isSignatureArtifact). */
export function hasArtifactTagName(tag: string): boolean {
  return ARTIFACT_TAG.test(tag);
}

interface ManifestShape {
  mediaType?: unknown;
  layers?: unknown;
}

function onlyArtifactLayers(bytes: Buffer): boolean {
  let doc: ManifestShape;
  try {
    doc = JSON.parse(bytes.toString('utf8')) as ManifestShape;
  } catch {
    return false;
  }
  if (typeof doc !== 'object' || doc === null) return false;
  if (typeof doc.mediaType === 'string' && !MANIFEST_TYPES.has(doc.mediaType)) return false;
  if (!Array.isArray(doc.layers) || doc.layers.length === 0) return false;
  return doc.layers.every((l: unknown) => {
    const mt = (l as { mediaType?: unknown } | null)?.mediaType;
    return typeof mt === 'string' && !isLayerMediaType(mt);
  });
}

function onlyArtifactEntries(bytes: Buffer): boolean {
  const index = parseIndex(bytes);
  if (!index) return false;
  return index.manifests.every((m: unknown) => {
    const entry = m as { artifactType?: unknown; platform?: unknown } | null;
    return typeof entry?.artifactType === 'string' && entry.artifactType !== '' && !entry.platform;
  });
}

/** Whether the manifest at `tag` is a signature artifact (see the module comment); `bytes` as served. */
export function isSignatureArtifact(tag: string, bytes: Buffer): boolean {
  const m = ARTIFACT_TAG.exec(tag);
  if (!m) return false;
  return m[1] === undefined ? onlyArtifactEntries(bytes) : onlyArtifactLayers(bytes);
}
