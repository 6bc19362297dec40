/**
 * Signing keys for key-based signatures: PEM private keys (PKCS#8, encrypted PKCS#8 or SEC1), EC P-256,
 * EC P-384 or Ed25519, loaded with node:crypto. A key is named in bundles by its hint: the base64 SHA-256 of
 * its DER SubjectPublicKeyInfo, as cosign writes it.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ShipgateError } from '../core/errors';
import { addSecret } from '../core/logger';

export type KeyAlgorithm = 'ecdsa-p256' | 'ecdsa-p384' | 'ed25519';

export interface SigningKey {
  algorithm: KeyAlgorithm;
  /** base64 SHA-256 of the DER SPKI public key. */
  hint: string;
  /** SPKI PEM of the public key, to give to verifiers. */
  publicKeyPem: string;
  sign(data: Buffer): Buffer;
}

function keyError(message: string, hint: string): ShipgateError {
  return new ShipgateError('SIGN', message, { hint });
}

/** The base64 SHA-256 of the key's DER SubjectPublicKeyInfo. */
export function keyHint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('base64');
}

function algorithmOf(key: KeyObject, where: string): KeyAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return 'ecdsa-p256';
    if (curve === 'secp384r1') return 'ecdsa-p384';
  }
  throw keyError(
    `${where}: unsupported key type ${key.asymmetricKeyType ?? 'unknown'}`,
    'use an EC P-256, EC P-384 or Ed25519 key',
  );
}

/** Reads the passphrase of an encrypted key from the environment variable the user named. */
function passphrase(env: NodeJS.ProcessEnv, name: string | undefined, where: string): string {
  if (!name)
    throw keyError(
      `${where} is encrypted and no passphrase was given`,
      'pass --key-passphrase-env NAME, NAME being the variable that holds it',
    );
  const value = env[name];
  if (value === undefined || value === '')
    throw keyError(`${where} is encrypted and ${name} is not set`, `set ${name} to the key's passphrase`);
  addSecret(value);
  return value;
}

export interface KeyInput {
  /** PEM text of the private key. */
  pem: string;
  /** Name shown in messages (the file path). */
  where: string;
  /** Environment variable holding the passphrase of an encrypted key. */
  passphraseEnv?: string;
  env?: NodeJS.ProcessEnv;
}

export function loadSigningKey(input: KeyInput): SigningKey {
  const { pem, where } = input;
  if (!/-----BEGIN (?:ENCRYPTED |EC )?PRIVATE KEY-----/.test(pem))
    throw keyError(`${where} is not a PEM private key`, 'give a PKCS#8 or encrypted PKCS#8 PEM file');
  const encrypted = pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----');
  let key: KeyObject;
  try {
    key = createPrivateKey(
      encrypted
        ? {
            key: pem,
            format: 'pem',
            passphrase: passphrase(input.env ?? process.env, input.passphraseEnv, where),
          }
        : { key: pem, format: 'pem' },
    );
  } catch (e) {
    if (e instanceof ShipgateError) throw e;
    throw encrypted
      ? keyError(
          `${where}: wrong passphrase (the key cannot be decrypted)`,
          `check the passphrase in ${input.passphraseEnv ?? 'the variable'}`,
        )
      : keyError(
          `${where}: the private key cannot be read (${(e as Error).message})`,
          'give a PKCS#8 PEM private key',
        );
  }
  const algorithm = algorithmOf(key, where);
  const publicKey = createPublicKey(key);
  // sigstore-js verifies ECDSA signatures with the key type's default digest, SHA-256, whatever the curve.
  const digest = algorithm === 'ed25519' ? null : 'sha256';
  return {
    algorithm,
    hint: keyHint(publicKey),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (data) => sign(digest, data, key),
  };
}

export async function readSigningKey(
  path: string,
  passphraseEnv?: string,
  env?: NodeJS.ProcessEnv,
): Promise<SigningKey> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (e) {
    throw new ShipgateError(
      'INPUT',
      `cannot read the key ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
      {
        hint: 'check --key',
      },
    );
  }
  return loadSigningKey({
    pem,
    where: path,
    ...(passphraseEnv ? { passphraseEnv } : {}),
    ...(env ? { env } : {}),
  });
}

/** A public key from PEM (SPKI), for verifying key-based bundles. */
export function parsePublicKey(pem: string, where: string): { key: KeyObject; hint: string } {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new ShipgateError('INPUT', `${where} is not a PEM public key`, {
      hint: 'give the SPKI PEM file written with the key pair',
    });
  }
  algorithmOf(key, where);
  return { key, hint: keyHint(key) };
}

export interface GeneratedKeyPair {
  /** Encrypted PKCS#8 PEM (AES-256-CBC). */
  privateKeyPem: string;
  /** SPKI PEM. */
  publicKeyPem: string;
  hint: string;
}

/** A new EC P-256 key pair, the private key encrypted with the passphrase. */
export function generateKeyPair(pass: string): GeneratedKeyPair {
  if (pass.length < 8)
    throw new ShipgateError('USAGE', 'the key passphrase is shorter than 8 characters', {
      hint: 'choose a longer passphrase',
    });
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKeyPem: privateKey
      .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: pass })
      .toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    hint: keyHint(publicKey),
  };
}
