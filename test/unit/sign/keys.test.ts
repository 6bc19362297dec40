/** Signing keys, ID token sources, certificate extension decoding and trusted root parsing. */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mask } from '../../../src/core/logger';
import {
  buildStatements,
  createSigner,
  identityProvider,
  keySigner,
  loadSigningKey,
  loadTrustMaterial,
  signStatement,
  verifyBundles,
} from '../../../src/sign/api';
import { decodeUtf8String } from '../../../src/sign/certificate';
import { parseTrustedRoot } from '../../../src/sign/trust';
import { unsignedToken } from '../../support/sigstore';
import { approvedScan, DIGEST, REPOSITORY, tempDir } from './helpers';

const dir = tempDir();
afterAll(() => dir.remove());
const IMAGE = { repository: REPOSITORY, digest: DIGEST };

describe('signing keys', () => {
  it.each([
    ['EC P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'ecdsa-p256'],
    ['EC P-384', generateKeyPairSync('ec', { namedCurve: 'P-384' }), 'ecdsa-p384'],
    ['Ed25519', generateKeyPairSync('ed25519'), 'ed25519'],
  ])('%s keys sign bundles sigstore-js verifies', async (_name, pair, algorithm) => {
    const pem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const key = loadSigningKey({ pem, where: 'test.key' });
    expect(key.algorithm).toBe(algorithm);
    const der = pair.publicKey.export({ format: 'der', type: 'spki' });
    expect(key.hint).toBe(createHash('sha256').update(der).digest('base64'));
    const pubFile = join(dir.path, `${algorithm}.pub`);
    writeFileSync(pubFile, key.publicKeyPem);
    const [statement] = buildStatements({ image: IMAGE, result: approvedScan(), predicates: ['signature'] });
    const bundle = await signStatement(statement!, { kind: 'key', signer: keySigner(key), witnesses: [] });
    const trust = await loadTrustMaterial({ keysOnly: true, publicKeys: [pubFile] });
    const report = verifyBundles([bundle], trust, {
      image: IMAGE,
      keys: true,
      allowUnwitnessedKeyBundles: true,
    });
    expect(report.verified[0]!.signer).toEqual({ kind: 'key', hint: key.hint });
  });

  it('refuses RSA keys and non-PEM input', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(() => loadSigningKey({ pem: rsa.toString(), where: 'rsa.key' })).toThrow(
      'rsa.key: unsupported key type rsa',
    );
    expect(() => loadSigningKey({ pem: 'hello', where: 'x.key' })).toThrow('x.key is not a PEM private key');
    const pub = createPublicKey(generateKeyPairSync('ed25519').privateKey)
      .export({ format: 'pem', type: 'spki' })
      .toString();
    expect(() => loadSigningKey({ pem: pub, where: 'pub.pem' })).toThrow('pub.pem is not a PEM private key');
  });

  it('registers the passphrase as a secret', () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = pair.privateKey
      .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'sekrit-passphrase' })
      .toString();
    loadSigningKey({ pem, where: 'k', passphraseEnv: 'PASS', env: { PASS: 'sekrit-passphrase' } });
    expect(mask('the passphrase is sekrit-passphrase')).toBe('the passphrase is ***');
  });

  it('refuses keyless signing without any witness', async () => {
    await expect(createSigner({ tlog: false }, {})).rejects.toMatchObject({
      code: 'USAGE',
      message: 'keyless signing needs a transparency log or a timestamp authority',
    });
    await expect(createSigner({ key: 'k', identityToken: { kind: 'env', name: 'T' } })).rejects.toThrow(
      '--key and an identity token exclude each other',
    );
  });
});

describe('ID tokens', () => {
  const token = unsignedToken({ iss: 'https://issuer.example', sub: 'me', aud: 'sigstore' });

  it('come from a variable or a file, and are masked', async () => {
    await expect(identityProvider({ kind: 'env', name: 'T' }, { T: token }).getToken()).resolves.toBe(token);
    expect(mask(`token ${token}`)).toBe('token ***');
    const file = join(dir.path, 'token');
    writeFileSync(file, `${token}\n`);
    await expect(identityProvider({ kind: 'file', path: file }).getToken()).resolves.toBe(token);
    writeFileSync(file, '');
    await expect(identityProvider({ kind: 'file', path: file }).getToken()).rejects.toThrow(
      `the ID token file ${file} is empty`,
    );
  });

  it('say what is missing', async () => {
    await expect(identityProvider({ kind: 'env', name: 'T' }, {}).getToken()).rejects.toThrow(
      'no ID token: T is not set',
    );
    await expect(identityProvider({ kind: 'env', name: 'T' }, { T: 'not-a-jwt' }).getToken()).rejects.toThrow(
      'the ID token from T is not a JSON Web Token (expected three base64url parts)',
    );
    await expect(identityProvider({ kind: 'auto' }, {}).getToken()).rejects.toThrow(
      'keyless signing needs an OIDC ID token and none was found',
    );
    await expect(identityProvider({ kind: 'auto' }, { GITLAB_CI: 'true' }).getToken()).rejects.toMatchObject({
      message: 'no ID token: SIGSTORE_ID_TOKEN is not set',
      hint: expect.stringContaining('id_tokens'),
    });
    await expect(
      identityProvider({ kind: 'auto' }, { GITHUB_ACTIONS: 'true' }).getToken(),
    ).rejects.toMatchObject({
      code: 'SIGN',
      hint: 'give the job "permissions: id-token: write"',
    });
  });

  it('come from the GitHub Actions runtime for audience sigstore', async () => {
    const audiences: (string | null)[] = [];
    const server = createServer((req, res) => {
      audiences.push(new URL(req.url ?? '', 'http://x').searchParams.get('audience'));
      res.writeHead(req.headers.authorization === 'Bearer request-token' ? 200 : 401, {
        'content-type': 'application/json',
      });
      res.end(JSON.stringify({ value: token }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const env = {
      GITHUB_ACTIONS: 'true',
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
    };
    // @actions/core reads the request variables from process.env.
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await expect(identityProvider({ kind: 'auto' }, env).getToken()).resolves.toBe(token);
      expect(audiences).toEqual(['sigstore']);
    } finally {
      stdout.mockRestore();
      vi.unstubAllEnvs();
      server.close();
    }
  });
});

describe('certificate extensions and trusted roots', () => {
  it('decodes DER UTF8Strings of short and long length', () => {
    expect(decodeUtf8String(Buffer.from([0x0c, 0x03, 0x61, 0x62, 0x63]))).toBe('abc');
    const long = 'x'.repeat(200);
    expect(decodeUtf8String(Buffer.concat([Buffer.from([0x0c, 0x81, 200]), Buffer.from(long)]))).toBe(long);
    expect(decodeUtf8String(Buffer.from('abc'))).toBeUndefined();
    expect(decodeUtf8String(Buffer.from([0x0c, 0x05, 0x61]))).toBeUndefined();
  });

  it('refuses a file that is not a trusted root', () => {
    expect(() => parseTrustedRoot('{"hello": 1}', 'root.json')).toThrow(
      /root.json is not a sigstore trusted root/,
    );
    expect(() => parseTrustedRoot('nope', 'root.json')).toThrow(/root.json is not a sigstore trusted root/);
  });
});
