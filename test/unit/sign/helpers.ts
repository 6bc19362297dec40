/** Shared set-up of the signing tests: a local sigstore, keyless signers for emulated CI identities. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createSigner, type ShipgateSigner } from '../../../src/sign/api';
import type { ScanResult } from '../../../src/core/result';
import { imageOnlyResult } from '../../support/report-fixtures';
import { ROOT } from '../../support/tools';
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
        finalUser: null,
        pulledImages: [],
      },
    ],
  };
}

function schemaValidator(file: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as object);
}

export const validateStatement = schemaValidator('test/fixtures/schemas/in-toto-statement-v1.schema.json');
export const validateSlsa = schemaValidator('test/fixtures/schemas/slsa-provenance-v1.schema.json');
export const validateApproval = schemaValidator('schemas/approval-v1.schema.json');

/** A GitHub Actions push run of acme/app's release workflow on main. */
export const GITHUB_ENV: NodeJS.ProcessEnv = {
  GITHUB_ACTIONS: 'true',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_REPOSITORY_ID: '123456',
  GITHUB_REPOSITORY_OWNER_ID: '654321',
  GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/release.yml@refs/heads/main',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_RUN_ID: '987',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_EVENT_NAME: 'push',
  RUNNER_ENVIRONMENT: 'github-hosted',
};

/** A GitLab CI pipeline job of acme/app on main. */
export const GITLAB_ENV: NodeJS.ProcessEnv = {
  GITLAB_CI: 'true',
  CI_SERVER_URL: 'https://gitlab.com',
  CI_PROJECT_PATH: 'acme/app',
  CI_PROJECT_URL: 'https://gitlab.com/acme/app',
  CI_PROJECT_ID: '42',
  CI_PROJECT_NAMESPACE_ID: '7',
  CI_CONFIG_PATH: '.gitlab-ci.yml',
  CI_COMMIT_BRANCH: 'main',
  CI_COMMIT_REF_NAME: 'main',
  CI_COMMIT_SHA: 'c'.repeat(40),
  CI_PIPELINE_ID: '1001',
  CI_PIPELINE_SOURCE: 'push',
  CI_JOB_ID: '2002',
  CI_JOB_URL: 'https://gitlab.com/acme/app/-/jobs/2002',
  CI_JOB_STARTED_AT: '2026-01-02T03:04:05Z',
  CI_RUNNER_ID: '12270857',
  CI_RUNNER_VERSION: '17.0.0',
  CI_SHARED_ENVIRONMENT: 'true',
};
