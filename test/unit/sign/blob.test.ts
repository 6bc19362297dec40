/**
 * Files signed and verified against a local sigstore: the bundle next to each file is a v0.3 DSSE bundle
 * whose in-toto statement names the file and its sha256 with a SLSA provenance, keyless or with a key; and
 * `shipgate sign-blob` / `verify-blob` as processes, every tampering refused with its own message and exit 1.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertBundle, bundleFromJSON, type SerializedBundle } from '@sigstore/bundle';
import { toSignedEntity, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubIdentity } from '../../../src/admission/identity';
import { ShipgateError } from '../../../src/core/errors';
import {
  createSigner,
  generateKeyPair,
  loadTrustMaterial,
  signFile,
  slsaProvenance,
  verifyFile,
  VerificationFailed,
  type LoadedTrust,
} from '../../../src/sign/api';
import { PREDICATE } from '../../../src/sign/types';
import { githubClaims, startSigstore, unsignedToken, type MockSigstore } from '../../support/sigstore';
import { ROOT } from '../../support/tools';
import { GITHUB_ENV, keylessSigner, tempDir, validateSlsa, validateStatement } from './helpers';

const RELEASE_ON_MAIN = githubIdentity({
  repository: 'acme/app',
  workflow: '.github/workflows/release.yml',
  ref: 'refs/heads/main',
});

let sigstore: MockSigstore;
let trust: LoadedTrust;
let rootFile: string;
const dir = tempDir();
const PASS = 'correct horse battery staple';
const pair = generateKeyPair(PASS);
const keyFile = join(dir.path, 'release.key');
const pubFile = join(dir.path, 'release.pub');
writeFileSync(keyFile, pair.privateKeyPem);
writeFileSync(pubFile, pair.publicKeyPem);

beforeAll(async () => {
  sigstore = await startSigstore();
  rootFile = await sigstore.writeTrustedRoot(dir.path);
  trust = await loadTrustMaterial({ trustedRoot: rootFile, publicKeys: [pubFile] });
});
afterAll(async () => {
  await sigstore.stop();
  dir.remove();
});

let n = 0;
/** A new file with some content, in the test's folder. */
function asset(name = `asset-${++n}.tgz`, content = `release asset ${n}\n`): string {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const bundleOf = (path: string): SerializedBundle =>
  JSON.parse(readFileSync(`${path}.sigstore.json`, 'utf8')) as SerializedBundle;
const statementOf = (b: SerializedBundle): Record<string, unknown> =>
  JSON.parse(Buffer.from(b.dsseEnvelope!.payload, 'base64').toString('utf8')) as Record<string, unknown>;

describe('signFile and verifyFile', () => {
  it('keyless from a GitHub release run: a v0.3 DSSE bundle about the file, with its SLSA provenance', async () => {
    const file = asset('shipgate-cli-1.2.3.tgz');
    const signer = await keylessSigner(sigstore, githubClaims({ repository: 'acme/app' }));
    const signed = await signFile(
      file,
      `${file}.sigstore.json`,
      PREDICATE.slsa,
      slsaProvenance({ env: GITHUB_ENV }),
      signer,
    );
    const bundle = bundleOf(file);
    expect(bundle).toEqual(signed.bundle);
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(bundle.dsseEnvelope?.payloadType).toBe('application/vnd.in-toto+json');
    expect(() => assertBundle(bundleFromJSON(bundle))).not.toThrow();
    const statement = statementOf(bundle);
    expect(validateStatement(statement), JSON.stringify(validateStatement.errors)).toBe(true);
    expect(statement.subject).toEqual([{ name: 'shipgate-cli-1.2.3.tgz', digest: { sha256: sha256(file) } }]);
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(validateSlsa(statement.predicate), JSON.stringify(validateSlsa.errors)).toBe(true);
    // sigstore-js's own verifier, the cryptography without shipgate's checks, accepts it too.
    expect(() => new Verifier(trust.material).verify(toSignedEntity(bundleFromJSON(bundle)))).not.toThrow();

    const { subject, report } = await verifyFile(file, `${file}.sigstore.json`, trust, {
      identity: RELEASE_ON_MAIN,
      requiredPredicates: [PREDICATE.slsa],
      maxAgeSeconds: 600,
    });
    expect(subject).toEqual({ name: 'shipgate-cli-1.2.3.tgz', digest: `sha256:${sha256(file)}` });
    expect(report.verified).toHaveLength(1);
    expect(report.verified[0]!.signer).toMatchObject({
      kind: 'keyless',
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    });
  });

  it('with an encrypted key and Rekor, verified by the public key', async () => {
    const file = asset();
    const signer = await createSigner(
      { key: keyFile, keyPassphraseEnv: 'KEY_PASS', rekorUrl: sigstore.url, rekorEntryType: 'intoto' },
      { KEY_PASS: PASS },
    );
    await signFile(file, `${file}.sigstore.json`, PREDICATE.slsa, slsaProvenance({ local: true }), signer);
    const bundle = bundleOf(file);
    expect(bundle.verificationMaterial.publicKey?.hint).toBe(pair.hint);
    expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1);
    expect(() => assertBundle(bundleFromJSON(bundle))).not.toThrow();
    const { report } = await verifyFile(file, `${file}.sigstore.json`, trust, {
      keys: true,
      requiredPredicates: [PREDICATE.slsa],
    });
    expect(report.verified[0]!.signer).toEqual({ kind: 'key', hint: pair.hint });
  });

  it('refuses a file changed after signing, naming both digests', async () => {
    const file = asset();
    const signer = await keylessSigner(sigstore, githubClaims({ repository: 'acme/app' }));
    await signFile(
      file,
      `${file}.sigstore.json`,
      PREDICATE.slsa,
      slsaProvenance({ env: GITHUB_ENV }),
      signer,
    );
    const signedDigest = sha256(file);
    appendFileSync(file, 'one more byte');
    const err = await verifyFile(file, `${file}.sigstore.json`, trust, {
      identity: RELEASE_ON_MAIN,
      requiredPredicates: [PREDICATE.slsa],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VerificationFailed);
    expect((err as VerificationFailed).failure).toBe('invalid');
    expect((err as Error).message).toContain(
      `the statement is about ${file.slice(dir.path.length + 1)}@sha256:${signedDigest}, not the file`,
    );
    expect((err as ShipgateError).exitCode).toBe(1);
  });
});

const CLI = join(ROOT, 'src', 'cli', 'index.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    // Only the variables given: the test runner's own CI variables must not make a provenance.
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TSX_DISABLE_CACHE: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The one error line a refusal prints (no stack trace). */
function errorLine(run: Run): string {
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('shipgate: error'));
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

describe('shipgate sign-blob and verify-blob', () => {
  const keyless = (): string[] => [
    '--identity-token-env',
    'TEST_ID_TOKEN',
    '--fulcio-url',
    sigstore.url,
    '--rekor-url',
    sigstore.url,
    '--rekor-entry-type',
    'intoto',
  ];
  const releaseSigner = (ref = 'refs/heads/main'): string[] => [
    '--github-repository',
    'acme/app',
    '--workflow',
    '.github/workflows/release.yml',
    '--ref',
    ref,
    '--trusted-root',
    rootFile,
  ];
  const githubJob = (): NodeJS.ProcessEnv => ({
    ...GITHUB_ENV,
    TEST_ID_TOKEN: unsignedToken(githubClaims({ repository: 'acme/app' })),
  });

  // One signing run for the keyless cases: the release assets of a GitHub job, each with its bundle.
  let files: string[];
  beforeAll(async () => {
    files = [
      asset('app-1.0.0.tgz'),
      asset('app-1.0.0.cdx.json', '{"bomFormat":"CycloneDX"}\n'),
      asset('SHA256SUMS'),
    ];
    const run = await cli(['sign-blob', ...files, ...keyless()], githubJob());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(files.map((f) => `${f}.sigstore.json`));
  }, 60_000);

  it('keyless in a GitHub job: every file verifies with the release workflow identity', async () => {
    for (const f of files) expect(() => assertBundle(bundleFromJSON(bundleOf(f)))).not.toThrow();
    const report = join(dir.path, 'verify.json');
    const run = await cli(['verify-blob', ...files, ...releaseSigner(), '--max-age', '1h', '-o', report]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(files.map((f) => `verified ${f} sha256:${sha256(f)}`));
    const written = JSON.parse(readFileSync(report, 'utf8')) as { verified: boolean; files: unknown[] };
    expect(written.verified).toBe(true);
    expect(written.files).toHaveLength(3);
  }, 60_000);

  it('refuses a changed file: exit 1, the statement is about another digest', async () => {
    const changed = asset('changed.tgz', readFileSync(files[0]!, 'utf8'));
    writeFileSync(`${changed}.sigstore.json`, readFileSync(`${files[0]!}.sigstore.json`));
    appendFileSync(changed, 'tampered');
    const run = await cli(['verify-blob', changed, ...releaseSigner()]);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toContain(
      `the statement is about app-1.0.0.tgz@sha256:${sha256(files[0]!)}, not the file changed.tgz (sha256:${sha256(changed)})`,
    );
  }, 30_000);

  it('refuses another identity: exit 1, the certificate identity is not the expected one', async () => {
    const run = await cli(['verify-blob', files[0]!, ...releaseSigner('refs/tags/v1.0.0')]);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toContain(
      'the certificate identity "https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main" is not one matching',
    );
  }, 30_000);

  it('refuses another predicate type: exit 1, no verified statement of the required type', async () => {
    const run = await cli(['verify-blob', files[0]!, ...releaseSigner(), '--require-predicate', 'cyclonedx']);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toContain('no verified https://cyclonedx.org/bom statement');
  }, 30_000);

  it('refuses a signature older than --max-age: exit 1', async () => {
    // The bundle's Rekor time is now; a limit of 0 seconds makes it too old a moment later.
    await new Promise((r) => setTimeout(r, 1100));
    const run = await cli(['verify-blob', files[1]!, ...releaseSigner(), '--max-age', '0s']);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toMatch(/signed at \S+, more than 0 s ago/);
  }, 30_000);

  it('a missing bundle or a bundle that is not JSON is an input error, exit 2', async () => {
    const lone = asset();
    const missing = await cli(['verify-blob', lone, ...releaseSigner()]);
    expect(missing.code).toBe(2);
    expect(errorLine(missing)).toContain(`${lone}.sigstore.json: no such file`);
    writeFileSync(`${lone}.sigstore.json`, 'not json');
    const garbage = await cli(['verify-blob', lone, ...releaseSigner()]);
    expect(garbage.code).toBe(2);
    expect(errorLine(garbage)).toContain('is not a sigstore bundle');
  }, 30_000);

  it('with a key: signs outside CI only with --local-provenance, and verifies by the public key', async () => {
    const file = asset('tool.tar.gz');
    const refused = await cli(
      ['sign-blob', file, '--key', keyFile, '--key-passphrase-env', 'KP', '--no-tlog'],
      {
        KP: PASS,
      },
    );
    expect(refused.code).toBe(4);
    expect(errorLine(refused)).toContain('provenance: not running in a GitHub Actions or GitLab CI job');

    const bundle = join(dir.path, 'tool.bundle.json');
    const signed = await cli(
      [
        'sign-blob',
        file,
        '--bundle',
        bundle,
        '--key',
        keyFile,
        '--key-passphrase-env',
        'KP',
        '--local-provenance',
        '--tsa-url',
        sigstore.url,
        '--no-tlog',
      ],
      { KP: PASS },
    );
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toBe(`${bundle}\n`);
    const verified = await cli([
      'verify-blob',
      file,
      '--bundle',
      bundle,
      '--key',
      pubFile,
      '--trusted-root',
      rootFile,
    ]);
    expect(verified.code, verified.stderr).toBe(0);
    const other = generateKeyPair(PASS);
    const otherPub = join(dir.path, 'other.pub');
    writeFileSync(otherPub, other.publicKeyPem);
    const wrongKey = await cli([
      'verify-blob',
      file,
      '--bundle',
      bundle,
      '--key',
      otherPub,
      '--trusted-root',
      rootFile,
    ]);
    expect(wrongKey.code).toBe(1);
    expect(errorLine(wrongKey)).toContain(
      `the bundle is signed by key ${pair.hint}, which is not a trusted key`,
    );
  }, 60_000);
});
