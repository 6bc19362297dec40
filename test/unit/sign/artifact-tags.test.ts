/** Which tags hold signatures: the name form and the content must both say so. */
import { describe, expect, it } from 'vitest';
import { hasArtifactTagName, isSignatureArtifact } from '../../../src/sign/artifact-tags';

const HEX = 'a'.repeat(64);
const json = (doc: unknown): Buffer => Buffer.from(JSON.stringify(doc));
const desc = (mediaType: string, extra: Record<string, unknown> = {}) => ({
  mediaType,
  digest: `sha256:${'b'.repeat(64)}`,
  size: 10,
  ...extra,
});

const fallbackIndex = json({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    desc('application/vnd.oci.image.manifest.v1+json', {
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    }),
  ],
});
const cosignSig = json({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: desc('application/vnd.oci.image.config.v1+json'),
  layers: [desc('application/vnd.dev.cosign.simplesigning.v1+json')],
});
const image = json({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: desc('application/vnd.oci.image.config.v1+json'),
  layers: [desc('application/vnd.oci.image.layer.v1.tar+gzip')],
});

describe('signature tags', () => {
  it('names: the fallback index tag and cosign suffixes only', () => {
    for (const tag of [`sha256-${HEX}`, `sha256-${HEX}.sig`, `sha256-${HEX}.att`, `sha256-${HEX}.sbom`])
      expect(hasArtifactTagName(tag)).toBe(true);
    for (const tag of [
      'latest',
      `sha256-${HEX}.exe`,
      `sha256-${HEX.slice(1)}`,
      `sha256:${HEX}`,
      `x-sha256-${HEX}`,
    ])
      expect(hasArtifactTagName(tag)).toBe(false);
  });

  it('content: an index of artifacts and a manifest of signature layers', () => {
    expect(isSignatureArtifact(`sha256-${HEX}`, fallbackIndex)).toBe(true);
    expect(isSignatureArtifact(`sha256-${HEX}.sig`, cosignSig)).toBe(true);
    // The kinds are not interchangeable.
    expect(isSignatureArtifact(`sha256-${HEX}`, cosignSig)).toBe(false);
    expect(isSignatureArtifact(`sha256-${HEX}.sig`, fallbackIndex)).toBe(false);
  });

  it('an image under a signature-like name is not a signature', () => {
    expect(isSignatureArtifact(`sha256-${HEX}.sig`, image)).toBe(false);
    const multiArch = json({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        desc('application/vnd.oci.image.manifest.v1+json', {
          platform: { os: 'linux', architecture: 'amd64' },
        }),
      ],
    });
    expect(isSignatureArtifact(`sha256-${HEX}`, multiArch)).toBe(false);
    const untyped = json({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [desc('application/vnd.oci.image.manifest.v1+json')],
    });
    expect(isSignatureArtifact(`sha256-${HEX}`, untyped)).toBe(false);
    const mixed = json({
      schemaVersion: 2,
      config: desc('application/vnd.oci.image.config.v1+json'),
      layers: [
        desc('application/vnd.dev.cosign.simplesigning.v1+json'),
        desc('application/vnd.oci.image.layer.v1.tar'),
      ],
    });
    expect(isSignatureArtifact(`sha256-${HEX}.sig`, mixed)).toBe(false);
    expect(isSignatureArtifact(`sha256-${HEX}.att`, Buffer.from('not json'))).toBe(false);
    expect(isSignatureArtifact('latest', cosignSig)).toBe(false);
  });
});
