/** Every way a stored bundle can fail to prove what it should is refused, each with its own message. */
import { FulcioSigner } from '@sigstore/sign';
import type { SerializedBundle } from '@sigstore/bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubIdentity } from '../../../src/admission/identity';
import { ShipgateError } from '../../../src/core/errors';
import {
  buildStatements,
  identityProvider,
  loadTrustMaterial,
  signStatement,
  verifyBundles,
  type LoadedTrust,
  type ShipgateSigner,
  type VerifyExpectations,
} from '../../../src/sign/api';
import type { PredicateName } from '../../../src/sign/types';
import { fullResult } from '../../support/report-fixtures';
import {
  githubClaims,
  startSigstore,
  unsignedToken,
  type GithubRun,
  type MockSigstore,
} from '../../support/sigstore';
import { approvedScan, DIGEST, keylessSigner, OTHER_DIGEST, REPOSITORY, tempDir } from './helpers';

const IMAGE = { repository: REPOSITORY, digest: DIGEST };
const RELEASE_ON_MAIN = githubIdentity({
  repository: 'acme/app',
  workflow: 'release.yml',
  ref: 'refs/heads/main',
});

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

async function signed(
  predicates: PredicateName[],
  options: {
    run?: GithubRun;
    image?: { repository: string; digest: string };
    result?: ReturnType<typeof fullResult>;
    force?: boolean;
  } = {},
): Promise<SerializedBundle[]> {
  const signer = await keylessSigner(sigstore, githubClaims(options.run ?? { repository: 'acme/app' }));
  const statements = buildStatements({
    image: options.image ?? IMAGE,
    result: options.result ?? approvedScan(),
    predicates,
    ...(options.force ? { approval: { force: true } } : {}),
    env: {},
  });
  const out: SerializedBundle[] = [];
  for (const s of statements) out.push(await signStatement(s, signer));
  return out;
}

/** The VERIFY error's message for the bundles and expectations. */
function refusal(
  bundles: SerializedBundle[],
  expect_: Partial<VerifyExpectations> = {},
  material: LoadedTrust = trust,
): string {
  try {
    verifyBundles(bundles, material, { image: IMAGE, identity: RELEASE_ON_MAIN, ...expect_ });
  } catch (e) {
    expect(e).toBeInstanceOf(ShipgateError);
    expect((e as ShipgateError).code).toBe('VERIFY');
    return (e as ShipgateError).message;
  }
  throw new Error('verification passed');
}

function clone(b: SerializedBundle): SerializedBundle {
  return structuredClone(b);
}

describe('refused bundles', () => {
  it('another digest', async () => {
    const [bundle] = await signed(['signature']);
    expect(refusal([bundle!], { image: { digest: OTHER_DIGEST } })).toContain(
      `the statement is about ${REPOSITORY}@${DIGEST}, not the image ${OTHER_DIGEST}`,
    );
  });

  it('a bundle copied from another image', async () => {
    const [copied] = await signed(['signature'], {
      image: { repository: 'ghcr.io/acme/other', digest: OTHER_DIGEST },
    });
    expect(refusal([copied!])).toContain(
      `the statement is about ghcr.io/acme/other@${OTHER_DIGEST}, not the image ${DIGEST}`,
    );
    const [sameDigest] = await signed(['signature'], {
      image: { repository: 'ghcr.io/acme/other', digest: DIGEST },
    });
    expect(refusal([sameDigest!], { image: IMAGE })).toContain(
      `the statement names the repository ghcr.io/acme/other, not ${REPOSITORY}`,
    );
  });

  it('a swapped certificate', async () => {
    const [a] = await signed(['signature']);
    const [b] = await signed(['signature']);
    const swapped = clone(a!);
    swapped.verificationMaterial.certificate = b!.verificationMaterial.certificate;
    expect(refusal([swapped])).toContain('the signature does not verify for the payload and signing key');
  });

  it('a modified payload', async () => {
    const [a] = await signed(['signature']);
    const modified = clone(a!);
    const statement = JSON.parse(Buffer.from(modified.dsseEnvelope!.payload, 'base64').toString()) as {
      predicate: unknown;
    };
    statement.predicate = { evil: true };
    modified.dsseEnvelope!.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    expect(refusal([modified])).toContain(
      'the transparency-log entry does not record this signature, payload and certificate (DSSE payload hash mismatch)',
    );
  });

  it('a payload that is not an in-toto statement', async () => {
    const [a] = await signed(['signature']);
    const retyped = clone(a!);
    retyped.dsseEnvelope!.payloadType = 'application/vnd.cncf.notary.payload+json';
    expect(refusal([retyped])).toContain(
      'payloadType is "application/vnd.cncf.notary.payload+json", not application/vnd.in-toto+json',
    );
  });

  it('a wrong workflow', async () => {
    const bundles = await signed(['signature'], { run: { repository: 'acme/app', workflow: 'build.yml' } });
    expect(refusal(bundles)).toContain(
      'the certificate identity "https://github.com/acme/app/.github/workflows/build.yml@refs/heads/main" is not one matching',
    );
    expect(
      refusal(bundles, {
        identity: githubIdentity({ repository: 'acme/app' }),
        certificate: {
          buildSignerUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
        },
      }),
    ).toContain(
      'the certificate build signer URI (workflow) is "https://github.com/acme/app/.github/workflows/build.yml@refs/heads/main", not "https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main"',
    );
  });

  it('a wrong ref', async () => {
    const bundles = await signed(['signature'], { run: { repository: 'acme/app', ref: 'refs/heads/dev' } });
    expect(refusal(bundles)).toContain(
      '"https://github.com/acme/app/.github/workflows/release.yml@refs/heads/dev" is not one matching',
    );
    expect(
      refusal(bundles, {
        identity: githubIdentity({ repository: 'acme/app' }),
        certificate: { sourceRepositoryRef: 'refs/heads/main' },
      }),
    ).toContain('the certificate source repository ref is "refs/heads/dev", not "refs/heads/main"');
  });

  it('a wrong issuer', async () => {
    const bundles = await signed(['signature']);
    expect(refusal(bundles, { identity: { ...RELEASE_ON_MAIN, issuer: 'https://gitlab.com' } })).toContain(
      'the certificate issuer is "https://token.actions.githubusercontent.com", not "https://gitlab.com"',
    );
  });

  it('a subject only an unanchored pattern would match', async () => {
    const evil = await signed(['signature'], { run: { repository: 'acme/app-evil' } });
    const san = 'https://github.com/acme/app-evil/.github/workflows/release.yml@refs/heads/main';
    // What an unanchored match (sigstore-js's policy, Kyverno's subjectRegExp) would accept.
    expect(new RegExp('https://github\\.com/acme/app').test(san)).toBe(true);
    expect(refusal(evil, { identity: githubIdentity({ repository: 'acme/app' }) })).toContain(
      `the certificate identity "${san}" is not one matching`,
    );
    // A user pattern whose alternative escapes its own anchors is anchored as a whole.
    const widened = {
      issuer: RELEASE_ON_MAIN.issuer,
      subjectRegExp: '^https://github\\.com/acme/app/.+$|app-evil',
    };
    expect(refusal(evil, { identity: widened })).toContain(
      `the certificate identity "${san}" is not one matching`,
    );
    expect(() =>
      verifyBundles(evil, trust, {
        image: IMAGE,
        identity: { issuer: RELEASE_ON_MAIN.issuer, subjectRegExp: '^https://github\\.com/acme/app/.+$|.*' },
      }),
    ).toThrow(
      expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('accepts any signer') }),
    );
  });

  it('the approval says not approved', async () => {
    const bundles = await signed(['signature', 'approval'], { result: withImage(fullResult()) });
    expect(refusal(bundles, { approval: { required: true } })).toBe(
      'the approval attestation says the policy did not approve the image (a GitHub token is in the Dockerfile (SG-SEC-001); malware found: Eicar-Test-Signature; 6 findings at high or above (threshold: high))',
    );
  });

  it('an approval signed with --force', async () => {
    const bundles = await signed(['signature', 'approval'], { result: withImage(fullResult()), force: true });
    expect(refusal(bundles, { approval: { required: true } })).toBe(
      'the approval attestation says the image was signed with --force although the policy did not approve it',
    );
    const report = verifyBundles(bundles, trust, {
      image: IMAGE,
      identity: RELEASE_ON_MAIN,
      approval: { required: true, allowForced: true },
    });
    expect(report.approval).toMatchObject({ approved: false, forced: true });
  });

  it('a missing required predicate or approval', async () => {
    const bundles = await signed(['signature']);
    expect(refusal(bundles, { requiredPredicates: ['https://slsa.dev/provenance/v1'] })).toBe(
      'no verified https://slsa.dev/provenance/v1 statement',
    );
    expect(refusal(bundles, { approval: { required: true } })).toBe(
      'no verified approval attestation (https://shipgate.dev/attestation/approval/v1)',
    );
    expect(refusal([])).toBe(`no signature or attestation found for ${DIGEST}`);
  });

  it('a signature older than the maximum age', async () => {
    const bundles = await signed(['signature']);
    const later = new Date(Date.now() + 3_600_000);
    expect(refusal(bundles, { maxAgeSeconds: 600, now: later })).toMatch(
      /bundle 1 \(https:\/\/sigstore.dev\/cosign\/sign\/v1\): signed at .*, more than 600 s ago/,
    );
  });

  it('an expired certificate without a timestamp', async () => {
    // A sigstore whose clock is an hour behind issues certificates that expired 50 minutes ago.
    const past = await startSigstore({ clock: new Date(Date.now() - 3_600_000) });
    try {
      const pastTrust = await loadTrustMaterial({ trustedRoot: await past.writeTrustedRoot(dir.path) });
      const signer: ShipgateSigner = {
        kind: 'keyless',
        signer: new FulcioSigner({
          identityProvider: identityProvider(
            { kind: 'env', name: 'T' },
            { T: unsignedToken(githubClaims({ repository: 'acme/app' })) },
          ),
          fulcioBaseURL: past.url,
        }),
        witnesses: [],
      };
      const [statement] = buildStatements({
        image: IMAGE,
        result: approvedScan(),
        predicates: ['signature'],
      });
      const bundle = await signStatement(statement!, signer);
      expect(refusal([bundle], {}, pastTrust)).toMatch(
        /the certificate expired at .* and no transparency-log entry or timestamp proves the signature was made before/,
      );
    } finally {
      await past.stop();
    }
  });

  it('lists every rejected bundle, and accepts the image when another one verifies', async () => {
    const [good] = await signed(['signature']);
    const [evil] = await signed(['signature'], { run: { repository: 'acme/app-evil' } });
    const report = verifyBundles([evil!, good!], trust, { image: IMAGE, identity: RELEASE_ON_MAIN });
    expect(report.verified).toHaveLength(1);
    expect(report.rejected).toEqual([
      expect.objectContaining({
        index: 0,
        predicateType: 'https://sigstore.dev/cosign/sign/v1',
        reason: expect.stringContaining('acme/app-evil'),
      }),
    ]);
  });
});

function withImage(result: ReturnType<typeof fullResult>): ReturnType<typeof fullResult> {
  return { ...result, dockerfiles: [] };
}
