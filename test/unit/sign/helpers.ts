/** Shared set-up of the signing tests: a local sigstore, keyless signers for emulated CI identities. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSigner, type ShipgateSigner } from '../../../src/sign/api';
import type { ScanResult } from '../../../src/core/result';
import { imageOnlyResult } from '../../support/report-fixtures';
import { unsignedToken, type MockSigstore } from '../../support/sigstore';

export const REPOSITORY = 'ghcr.io/acme/app';
export const DIGEST = `sha256:${'1'.repeat(64)}`;
export const OTHER_DIGEST = `sha256:${'2'.repeat(64)}`;
export const BASE_DIGEST = 'b'.repeat(64);

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'shipgate-sign-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A keyless signer whose ID token carries the claims, against the local sigstore. */
export function keylessSigner(
  sigstore: MockSigstore,
  claims: Record<string, unknown>,
  extra: { tsa?: boolean; tlog?: boolean } = {},
): Promise<ShipgateSigner> {
  return createSigner(
    {
      identityToken: { kind: 'env', name: 'TEST_ID_TOKEN' },
      fulcioUrl: sigstore.url,
      rekorUrl: sigstore.url,
      rekorEntryType: 'intoto',
      ...(extra.tsa ? { tsaUrl: sigstore.url } : {}),
      ...(extra.tlog === false ? { tlog: false } : {}),
    },
    { TEST_ID_TOKEN: unsignedToken(claims) },
  );
}

/** An approved scan of an image built from a Dockerfile whose base image is pinned by digest. */
export function approvedScan(): ScanResult {
  const result = imageOnlyResult();
  return {
    ...result,
    dockerfiles: [
      {
        path: 'Dockerfile',
        stages: [
          { name: 'build', baseImage: `docker.io/library/golang:1.23@sha256:${BASE_DIGEST}`, line: 1 },
          { baseImage: 'build', line: 5 },
        ],
        instructions: [],
      },
    ],
  };
}
