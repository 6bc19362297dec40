/** Sign and verify against a local sigstore: keyless (GitHub and GitLab identities) and key-based. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBundle, bundleFromJSON } from '@sigstore/bundle';
import { toSignedEntity, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubIdentity, gitlabIdentity } from '../../../src/admission/identity';
import {
  buildStatements,
  createSigner,
  generateKeyPair,
  loadTrustMaterial,
  signMessage,
  signStatement,
  verifyBundles,
  type LoadedTrust,
} from '../../../src/sign/api';
import { PREDICATE, type PredicateName } from '../../../src/sign/types';
import {
  githubClaims,
  gitlabClaims,
  startSigstore,
  unsignedToken,
  type MockSigstore,
} from '../../support/sigstore';
import {
  approvedScan,
  BASE_DIGEST,
  DIGEST,
  GITHUB_ENV,
  GITLAB_ENV,
  keylessSigner,
  REPOSITORY,
  tempDir,
  validateApproval,
  validateSlsa,
  validateStatement,
} from './helpers';

const ALL: PredicateName[] = ['signature', 'slsa', 'cyclonedx', 'vuln', 'approval'];
const IMAGE = { repository: REPOSITORY, digest: DIGEST };

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

describe('keyless', () => {
  it('signs the five statements from a GitHub run and verifies them all', async () => {
    const statements = buildStatements({
      image: IMAGE,
      result: approvedScan(),
      predicates: ALL,
      env: GITHUB_ENV,
    });
    for (const s of statements)
      expect(validateStatement(s), JSON.stringify(validateStatement.errors)).toBe(true);
    const slsa = statements[1]!.predicate as { buildDefinition: { resolvedDependencies: unknown[] } };
    expect(validateSlsa(slsa), JSON.stringify(validateSlsa.errors)).toBe(true);
    expect(slsa.buildDefinition.resolvedDependencies).toContainEqual({
      uri: 'oci://docker.io/library/golang:1.23',
      digest: { sha256: BASE_DIGEST },
    });
    expect(validateApproval(statements[4]!.predicate), JSON.stringify(validateApproval.errors)).toBe(true);

    const signer = await keylessSigner(sigstore, githubClaims({ repository: 'acme/app' }));
    const bundles = [];
    for (const s of statements) bundles.push(await signStatement(s, signer));
    for (const b of bundles) {
      expect(b.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      expect(b.dsseEnvelope?.payloadType).toBe('application/vnd.in-toto+json');
      expect(() => assertBundle(bundleFromJSON(b))).not.toThrow();
    }

    const report = verifyBundles(bundles, trust, {
      image: IMAGE,
      identity: githubIdentity({ repository: 'acme/app', workflow: 'release.yml', ref: 'refs/heads/main' }),
      certificate: {
        sourceRepositoryUri: 'https://github.com/acme/app',
        sourceRepositoryRef: 'refs/heads/main',
        runnerEnvironment: 'github-hosted',
        buildSignerUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      },
      requiredPredicates: Object.values(PREDICATE),
      approval: { required: true },
      maxAgeSeconds: 300,
    });
    expect(report.rejected).toEqual([]);
    expect(report.verified.map((v) => v.predicateType)).toEqual(Object.values(PREDICATE));
    expect(report.approval?.approved).toBe(true);
    for (const v of report.verified) {
      expect(v.signer).toMatchObject({
        kind: 'keyless',
        issuer: 'https://token.actions.githubusercontent.com',
        subject: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      });
      expect(Date.now() - Date.parse(v.time ?? '')).toBeLessThan(60_000);
    }
  });

  it('signs from a GitLab job with a transparency log and a timestamp authority', async () => {
    const statements = buildStatements({
      image: IMAGE,
      result: approvedScan(),
      predicates: ['slsa', 'approval'],
      env: GITLAB_ENV,
    });
    expect(validateSlsa(statements[0]!.predicate), JSON.stringify(validateSlsa.errors)).toBe(true);
    expect(statements[0]!.predicate).toMatchObject({
      buildDefinition: {
        buildType: 'https://shipgate.dev/buildtypes/gitlab-ci/v1',
        externalParameters: {
          source: {
            repository: 'https://gitlab.com/acme/app',
            ref: 'refs/heads/main',
            configPath: '.gitlab-ci.yml',
          },
          pipelineSource: 'push',
        },
      },
      runDetails: {
        builder: { id: 'https://gitlab.com/acme/app//.gitlab-ci.yml@refs/heads/main' },
        metadata: { invocationId: 'https://gitlab.com/acme/app/-/jobs/2002' },
      },
    });
    const signer = await keylessSigner(sigstore, gitlabClaims({ project: 'acme/app' }), { tsa: true });
    const bundles = [];
    for (const s of statements) bundles.push(await signStatement(s, signer));
    expect(bundles[0]!.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1);
    const report = verifyBundles(bundles, trust, {
      image: IMAGE,
      identity: gitlabIdentity({ project: 'acme/app', ref: 'refs/heads/main' }),
      requiredPredicates: [PREDICATE.slsa, PREDICATE.approval],
      approval: { required: true },
    });
    expect(report.verified.map((v) => v.signer)).toEqual([
      expect.objectContaining({ subject: 'https://gitlab.com/acme/app//.gitlab-ci.yml@refs/heads/main' }),
      expect.objectContaining({ issuer: 'https://gitlab.com' }),
    ]);
  });

  it('signs a raw payload into a message-signature bundle', async () => {
    const signer = await keylessSigner(sigstore, githubClaims({ repository: 'acme/app' }));
    const payload = Buffer.from(
      JSON.stringify({
        critical: {
          identity: { 'docker-reference': REPOSITORY },
          image: { 'docker-manifest-digest': DIGEST },
          type: 'cosign container image signature',
        },
        optional: null,
      }),
    );
    const bundle = await signMessage(payload, signer);
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle+json;version=0.2');
    expect(bundle.messageSignature?.messageDigest?.algorithm).toBe('SHA2_256');
    expect(bundle.verificationMaterial.tlogEntries[0]?.kindVersion?.kind).toBe('hashedrekord');
    expect(() => assertBundle(bundleFromJSON(bundle))).not.toThrow();
    const verified = new Verifier(trust.material).verify(toSignedEntity(bundleFromJSON(bundle), payload));
    expect(verified.identity?.subjectAlternativeName).toBe(
      'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    );
    expect(() =>
      new Verifier(trust.material).verify(toSignedEntity(bundleFromJSON(bundle), Buffer.from('other'))),
    ).toThrow();
  });

  it('names the service or the token source that failed', async () => {
    const [statement] = buildStatements({ image: IMAGE, result: approvedScan(), predicates: ['signature'] });
    const noToken = await createSigner(
      { identityToken: { kind: 'env', name: 'MISSING' }, fulcioUrl: sigstore.url, rekorUrl: sigstore.url },
      {},
    );
    await expect(signStatement(statement!, noToken)).rejects.toMatchObject({
      code: 'SIGN',
      message: 'no ID token: MISSING is not set',
    });
    const closed = await createSigner(
      {
        identityToken: { kind: 'env', name: 'T' },
        fulcioUrl: `${sigstore.url}/nowhere`,
        rekorUrl: sigstore.url,
      },
      { T: unsignedToken(githubClaims({ repository: 'acme/app' })) },
    );
    await expect(signStatement(statement!, closed)).rejects.toMatchObject({
      code: 'SIGN',
      message: expect.stringMatching(
        /^signing https:\/\/sigstore\.dev\/cosign\/sign\/v1: the certificate authority \(Fulcio\) failed: /,
      ),
    });
  });
});

describe('key-based', () => {
  const PASS = 'correct horse battery staple';
  const pair = generateKeyPair(PASS);
  const keyFile = join(dir.path, 'cosign.key');
  const pubFile = join(dir.path, 'cosign.pub');
  writeFileSync(keyFile, pair.privateKeyPem);
  writeFileSync(pubFile, pair.publicKeyPem);

  it('signs with an encrypted PKCS#8 key whose passphrase is in the environment, with Rekor', async () => {
    expect(pair.privateKeyPem).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
    const signer = await createSigner(
      { key: keyFile, keyPassphraseEnv: 'KEY_PASS', rekorUrl: sigstore.url, rekorEntryType: 'intoto' },
      { KEY_PASS: PASS },
    );
    expect(signer.publicKey).toEqual({ pem: pair.publicKeyPem, hint: pair.hint });
    const statements = buildStatements({
      image: IMAGE,
      result: approvedScan(),
      predicates: ['signature', 'approval'],
      env: {},
    });
    const bundles = await Promise.all(statements.map((s) => signStatement(s, signer)));
    expect(bundles[0]!.verificationMaterial.publicKey?.hint).toBe(pair.hint);
    expect(bundles[0]!.dsseEnvelope?.signatures[0]?.keyid).toBe(pair.hint);
    const keyTrust = await loadTrustMaterial({
      trustedRoot: await sigstore.writeTrustedRoot(dir.path),
      publicKeys: [pubFile],
    });
    const report = verifyBundles(bundles, keyTrust, {
      image: IMAGE,
      keys: true,
      approval: { required: true },
    });
    expect(report.verified.map((v) => v.signer)).toEqual([
      { kind: 'key', hint: pair.hint },
      { kind: 'key', hint: pair.hint },
    ]);
  });

  it('signs air-gapped, with no witness, when the verifier allows unwitnessed key bundles', async () => {
    const signer = await createSigner(
      { key: keyFile, keyPassphraseEnv: 'KEY_PASS', tlog: false },
      { KEY_PASS: PASS },
    );
    expect(signer.witnesses).toEqual([]);
    const [statement] = buildStatements({ image: IMAGE, result: approvedScan(), predicates: ['signature'] });
    const bundle = await signStatement(statement!, signer);
    const keysOnly = await loadTrustMaterial({ keysOnly: true, publicKeys: [pubFile] });
    expect(() => verifyBundles([bundle], keysOnly, { image: IMAGE, keys: true })).toThrow(
      /key-based signature without a transparency-log entry or timestamp/,
    );
    const report = verifyBundles([bundle], keysOnly, {
      image: IMAGE,
      keys: true,
      allowUnwitnessedKeyBundles: true,
    });
    expect(report.verified).toHaveLength(1);
    expect(report.verified[0]!.time).toBeUndefined();
    expect(() =>
      verifyBundles([bundle], keysOnly, {
        image: IMAGE,
        keys: true,
        allowUnwitnessedKeyBundles: true,
        maxAgeSeconds: 60,
      }),
    ).toThrow(/maximum age is required and the signature carries no transparency-log or timestamp time/);
  });

  it('refuses a wrong passphrase with a clear error', async () => {
    await expect(
      createSigner({ key: keyFile, keyPassphraseEnv: 'KEY_PASS', tlog: false }, { KEY_PASS: 'wrong' }),
    ).rejects.toMatchObject({
      code: 'SIGN',
      message: `${keyFile}: wrong passphrase (the key cannot be decrypted)`,
    });
    await expect(createSigner({ key: keyFile, tlog: false }, {})).rejects.toThrow(
      /is encrypted and no passphrase was given/,
    );
    await expect(
      createSigner({ key: keyFile, keyPassphraseEnv: 'KEY_PASS', tlog: false }, {}),
    ).rejects.toThrow(/is encrypted and KEY_PASS is not set/);
  });

  it('refuses a key signature from a key that is not trusted', async () => {
    const other = generateKeyPair(PASS);
    const otherFile = join(dir.path, 'other.key');
    writeFileSync(otherFile, other.privateKeyPem);
    const signer = await createSigner({ key: otherFile, keyPassphraseEnv: 'P', tlog: false }, { P: PASS });
    const [statement] = buildStatements({ image: IMAGE, result: approvedScan(), predicates: ['signature'] });
    const bundle = await signStatement(statement!, signer);
    const keysOnly = await loadTrustMaterial({ keysOnly: true, publicKeys: [pubFile] });
    expect(() =>
      verifyBundles([bundle], keysOnly, { image: IMAGE, keys: true, allowUnwitnessedKeyBundles: true }),
    ).toThrow(`the bundle is signed by key ${other.hint}, which is not a trusted key`);
  });
});
