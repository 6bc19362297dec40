/**
 * The approval of a multi-platform index lists every platform's digest and decision, validates against its
 * schema, and verification refuses an index approval whose platforms are not exactly the index's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubIdentity } from '../../../src/admission/identity';
import { ShipgateError } from '../../../src/core/errors';
import type { Decision, ScanResult } from '../../../src/core/result';
import {
  buildStatements,
  loadTrustMaterial,
  signStatement,
  verifyBundles,
  type LoadedTrust,
  type VerifyExpectations,
} from '../../../src/sign/api';
import { approvalPredicate } from '../../../src/sign/predicates/approval';
import { githubClaims, startSigstore, type MockSigstore } from '../../support/sigstore';
import { approvedScan, DIGEST, keylessSigner, REPOSITORY, tempDir, validateApproval } from './helpers';

const AMD64 = `sha256:${'a'.repeat(64)}`;
const ARM64 = `sha256:${'c'.repeat(64)}`;
const ELSEWHERE = `sha256:${'d'.repeat(64)}`;
const COUNTS = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const IDENTITY = githubIdentity({ repository: 'acme/app' });

function decision(approved: boolean): Decision {
  return {
    approved,
    policy: 'default policy',
    reasons: approved
      ? []
      : [{ code: 'secret', blocking: true, message: 'secret found: SG-SEC-001 in layer 1 (/app/key)' }],
  };
}

/** The combined result of an index whose arm64 platform is `armApproved`. */
function indexScan(armApproved: boolean): ScanResult {
  const scan = approvedScan();
  return {
    ...scan,
    decision: {
      ...decision(armApproved),
      reasons: decision(armApproved).reasons.map((r) => ({ ...r, message: `linux/arm64: ${r.message}` })),
    },
    index: {
      digest: DIGEST,
      platforms: [
        {
          platform: 'linux/amd64',
          digest: AMD64,
          configDigest: AMD64,
          decision: decision(true),
          counts: COUNTS,
        },
        {
          platform: 'linux/arm64',
          digest: ARM64,
          configDigest: ARM64,
          decision: decision(armApproved),
          counts: COUNTS,
        },
      ],
      skipped: [],
    },
  };
}

let sigstore: MockSigstore;
let trust: LoadedTrust;
const dir = tempDir();

beforeAll(async () => {
  sigstore = await startSigstore();
  trust = await loadTrustMaterial({ trustedRoot: await sigstore.writeTrustedRoot(dir.path) });
});
afterAll(async () => {
  await sigstore.stop();
  dir.remove();
});

async function approvalBundle(result: ScanResult, force = false) {
  const signer = await keylessSigner(sigstore, githubClaims({ repository: 'acme/app' }));
  const [statement] = buildStatements({
    image: { repository: REPOSITORY, digest: DIGEST },
    result,
    predicates: ['approval'],
    ...(force ? { approval: { force: true } } : {}),
    env: {},
  });
  return signStatement(statement!, signer);
}

function verifyIndex(
  bundle: Awaited<ReturnType<typeof approvalBundle>>,
  expect_: Partial<VerifyExpectations>,
) {
  return verifyBundles([bundle], trust, {
    image: { digest: DIGEST, repository: REPOSITORY },
    identity: IDENTITY,
    approval: { required: true },
    ...expect_,
  });
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ShipgateError);
    expect((e as ShipgateError).code).toBe('VERIFY');
    return (e as ShipgateError).message;
  }
  throw new Error('verification passed');
}

describe('the approval of an index', () => {
  it('lists each platform digest and decision, and validates against the schema', () => {
    const refused = approvalPredicate({ result: indexScan(false), digest: DIGEST });
    expect(refused.approved).toBe(false);
    expect(refused.platforms).toEqual([
      { platform: 'linux/amd64', digest: AMD64, approved: true, blocking: [] },
      {
        platform: 'linux/arm64',
        digest: ARM64,
        approved: false,
        blocking: [{ code: 'secret', message: 'secret found: SG-SEC-001 in layer 1 (/app/key)' }],
      },
    ]);
    expect(validateApproval(refused), JSON.stringify(validateApproval.errors)).toBe(true);
    // A platform's own approval (another digest than the index's) has no platform list.
    expect(approvalPredicate({ result: indexScan(true), digest: AMD64 }).platforms).toBeUndefined();
    expect(validateApproval({ ...refused, platforms: [] })).toBe(false);
    expect(
      validateApproval({
        ...refused,
        platforms: [{ platform: 'linux/amd64', digest: 'latest', approved: true, blocking: [] }],
      }),
    ).toBe(false);
  });

  it('verifies when the index lists exactly the approved platforms', async () => {
    const report = verifyIndex(await approvalBundle(indexScan(true)), { platforms: [AMD64, ARM64] });
    expect(report.approval?.platforms?.map((p) => p.digest)).toEqual([AMD64, ARM64]);
  });

  it('is refused for an index listing another platform, or missing one', async () => {
    const bundle = await approvalBundle(indexScan(true));
    expect(refusal(() => verifyIndex(bundle, { platforms: [AMD64, ELSEWHERE] }))).toContain(
      `the approval attestation of the index does not list the platforms the index lists (not approved: ${ELSEWHERE}, not in the index: ${ARM64})`,
    );
    expect(refusal(() => verifyIndex(bundle, { platforms: [AMD64] }))).toContain(
      `not in the index: ${ARM64}`,
    );
  });

  it('is refused when it has no platform list (a single image approval on an index digest)', async () => {
    const bundle = await approvalBundle(approvedScan());
    expect(refusal(() => verifyIndex(bundle, { platforms: [AMD64, ARM64] }))).toContain(
      'the approval attestation does not list the platforms of this multi-platform index',
    );
  });

  it('a forced index approval is refused unless forced approvals are allowed', async () => {
    const bundle = await approvalBundle(indexScan(false), true);
    expect(refusal(() => verifyIndex(bundle, { platforms: [AMD64, ARM64] }))).toContain(
      'signed with --force although the policy did not approve it',
    );
    const report = verifyIndex(bundle, {
      platforms: [AMD64, ARM64],
      approval: { required: true, allowForced: true },
    });
    expect(report.approval?.forced).toBe(true);
  });
});
