/**
 * Signing and verifying files (release assets): one DSSE bundle per file, written next to it as
 * `FILE.sigstore.json`, whose in-toto statement names the file and its sha256. The signer, the bundle format
 * and the checks are the ones images get (signer.ts, bundle.ts, verify.ts); only the subject differs.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SerializedBundle } from '@sigstore/bundle';
import { ShipgateError } from '../core/errors';
import { signStatement } from './bundle';
import type { ShipgateSigner } from './signer';
import { fileStatement, type FileSubject } from './statement';
import type { LoadedTrust } from './trust';
import { verifyBundles, type VerifyExpectations, type VerifyReport } from './verify';

/** Where a file's bundle goes unless told otherwise: next to it, as cosign and sigstore-js name it. */
export const BUNDLE_SUFFIX = '.sigstore.json';

function ioError(path: string, e: unknown): ShipgateError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ShipgateError('NOT_FOUND', `${path}: no such file`, { cause: e });
  if (code === 'EISDIR')
    return new ShipgateError('INPUT', `${path}: is a directory, not a file`, { cause: e });
  return new ShipgateError('INPUT', `${path}: cannot be read (${code ?? (e as Error).message})`, {
    cause: e,
  });
}

/** The file's name and the sha256 of its content, read as a stream. */
async function fileSubject(path: string): Promise<FileSubject> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (e) {
    throw ioError(path, e);
  }
  return { name: basename(path), digest: `sha256:${hash.digest('hex')}` };
}

export interface SignedFile {
  file: string;
  subject: FileSubject;
  predicateType: string;
  /** Where the bundle was written. */
  bundlePath: string;
  bundle: SerializedBundle;
}

/** Signs a statement of `predicateType` about the file and writes its bundle to `bundlePath`. */
export async function signFile(
  file: string,
  bundlePath: string,
  predicateType: string,
  predicate: unknown,
  signer: ShipgateSigner,
): Promise<SignedFile> {
  const subject = await fileSubject(file);
  const bundle = await signStatement(fileStatement(subject, predicateType, predicate), signer);
  try {
    await writeFile(bundlePath, `${JSON.stringify(bundle)}\n`);
  } catch (e) {
    throw new ShipgateError('INPUT', `cannot write the bundle ${bundlePath}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  return { file, subject, predicateType, bundlePath, bundle };
}

/** A bundle file as JSON; whether it is a valid bundle is verification's to say. */
async function readBundleFile(path: string): Promise<SerializedBundle> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw ioError(path, e);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as SerializedBundle;
  } catch {
    // reported below
  }
  throw new ShipgateError('INPUT', `${path} is not a sigstore bundle (not a JSON object)`, {
    hint: 'give the FILE.sigstore.json written by "shipgate sign-blob"',
  });
}

export interface VerifiedFile {
  subject: FileSubject;
  report: VerifyReport;
}

/**
 * Verifies the bundle against the file: the statement's subject digest is the file's (read now), and every
 * check of `expect` as for an image. A VERIFY error (VerificationFailed) otherwise.
 */
export async function verifyFile(
  file: string,
  bundlePath: string,
  trust: LoadedTrust,
  expect: Omit<VerifyExpectations, 'image' | 'file'>,
): Promise<VerifiedFile> {
  const subject = await fileSubject(file);
  const bundle = await readBundleFile(bundlePath);
  return { subject, report: verifyBundles([bundle], trust, { ...expect, file: subject }) };
}
