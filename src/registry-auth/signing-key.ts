/**
 * The key registry tokens are signed with, and its certificate chain. distribution 2.8.2 looks a token's
 * key up by `x5c` first (standard base64 DER, signing certificate first), then by the libtrust `kid` of a
 * certificate in its rootcertbundle; both are sent. libtrust verifies EC keys only with their curve's
 * algorithm and RSA with RS256/384/512; it panics at start on an Ed25519 certificate, so such keys are refused.
 */
import { createHash, createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ShipgateError } from '../core/errors';

export type SigningAlgorithm = 'ES256' | 'ES384' | 'ES512' | 'RS256';

export interface SigningKey {
  alg: SigningAlgorithm;
  privateKey: KeyObject;
  /** libtrust key ID of the public key. */
  kid: string;
  /** The chain as `x5c` carries it: standard base64 DER, signing certificate first. */
  x5c: string[];
  /** The signing certificate's expiry. */
  notAfter: Date;
}

const CURVE_ALGS: Record<string, SigningAlgorithm> = {
  prime256v1: 'ES256',
  'P-256': 'ES256',
  secp384r1: 'ES384',
  'P-384': 'ES384',
  secp521r1: 'ES512',
  'P-521': 'ES512',
};

/**
 * The libtrust key ID: SHA-256 of the DER SubjectPublicKeyInfo, its first 240 bits in base32 without
 * padding, in 12 groups of 4 joined by `:` (docker/libtrust util.go keyIDFromCryptoKey).
 */
export function libtrustKeyId(publicKey: KeyObject): string {
  const digest = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest()
    .subarray(0, 30);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join(':');
}

function keyError(code: 'INPUT' | 'UNSUPPORTED' | 'NOT_FOUND', message: string, hint: string): ShipgateError {
  return new ShipgateError(code, message, { hint });
}

function readPem(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw keyError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'INPUT',
      `cannot read the token signing ${what} ${path}: ${code ?? 'unreadable'}`,
      `check the "${what === 'key' ? 'key' : 'certificate'}" path in the config and its permissions`,
    );
  }
}

function algorithmOf(key: KeyObject, path: string): SigningAlgorithm {
  const type = key.asymmetricKeyType;
  if (type === 'rsa') {
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
      throw keyError(
        'INPUT',
        `the token signing key ${path} is an RSA key under 2048 bits`,
        'use a P-256 key',
      );
    return 'RS256';
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const alg = type === 'ec' && curve ? CURVE_ALGS[curve] : undefined;
  if (alg) return alg;
  throw keyError(
    'UNSUPPORTED',
    `the token signing key ${path} is ${type === 'ec' ? `an EC key on ${curve ?? 'an unknown curve'}` : `a ${type ?? 'unknown'} key`}, which docker-registry 2.8 cannot verify`,
    'use an EC P-256 key (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256) or RSA',
  );
}

/** Reads and checks the key (PKCS#8 PEM) and its chain; errors are one line saying which file to fix. */
export function loadSigningKey(keyPath: string, certPath: string, now = new Date()): SigningKey {
  const keyPem = readPem(keyPath, 'key');
  if (!keyPem.includes('-----BEGIN PRIVATE KEY-----'))
    throw keyError(
      'INPUT',
      `the token signing key ${keyPath} is not a PKCS#8 PEM private key`,
      'convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW',
    );
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(keyPem);
  } catch {
    throw keyError(
      'INPUT',
      `the token signing key ${keyPath} cannot be parsed`,
      'give an unencrypted PKCS#8 PEM key',
    );
  }
  const alg = algorithmOf(privateKey, keyPath);
  const blocks = readPem(certPath, 'certificate').match(
    /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
  );
  if (!blocks)
    throw keyError(
      'INPUT',
      `${certPath} holds no PEM certificate`,
      'give the certificate of the signing key',
    );
  let chain: X509Certificate[];
  try {
    chain = blocks.map((b) => new X509Certificate(b));
  } catch {
    throw keyError('INPUT', `${certPath} holds a certificate that cannot be parsed`, 'give PEM certificates');
  }
  const [leaf] = chain as [X509Certificate, ...X509Certificate[]];
  const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
  const publicKey = leaf.publicKey;
  if (!spki(publicKey).equals(spki(createPublicKey(privateKey))))
    throw keyError(
      'INPUT',
      `the first certificate in ${certPath} is not for the key ${keyPath}`,
      'put the signing key\'s own certificate first in the chain (compare "openssl x509 -pubkey" with "openssl pkey -pubout")',
    );
  const notAfter = new Date(leaf.validTo);
  if (notAfter <= now)
    throw keyError(
      'INPUT',
      `the certificate ${certPath} expired on ${leaf.validTo}`,
      'issue a new certificate',
    );
  return {
    alg,
    privateKey,
    kid: libtrustKeyId(publicKey),
    x5c: chain.map((c) => c.raw.toString('base64')),
    notAfter,
  };
}
