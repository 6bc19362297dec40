/**
 * in-toto v1 statements about an image or a file. The subject is always a digest: of the image, the manifest
 * digest (a tag can be moved to other content after signing, a digest cannot); of a file, its content's.
 */
import { ShipgateError } from '../core/errors';
import { IN_TOTO_STATEMENT_V1, type Statement } from './types';

/** The image a statement is about: `host/repository` and its manifest digest `sha256:<hex>`. */
export interface ImageSubject {
  /** host/repository without tag or digest, e.g. `ghcr.io/acme/app`. */
  repository: string;
  /** The manifest digest, `sha256:` followed by 64 lowercase hex digits. */
  digest: string;
}

const SHA256_DIGEST = /^sha256:([0-9a-f]{64})$/;

/** The hex part of a sha256 manifest digest; a SIGN error for any other algorithm or a malformed value. */
export function sha256Hex(digest: string): string {
  const m = SHA256_DIGEST.exec(digest);
  if (!m?.[1])
    throw new ShipgateError('SIGN', `"${digest}" is not a sha256 manifest digest`, {
      hint: 'sign the image by its digest, sha256: followed by 64 lowercase hex digits',
    });
  return m[1];
}

function checkRepository(repository: string): void {
  const last = repository.slice(repository.lastIndexOf('/') + 1);
  if (!repository.includes('/') || repository !== repository.trim() || /[@:\s]/.test(last) || last === '')
    throw new ShipgateError('SIGN', `"${repository}" is not host/repository without tag or digest`, {
      hint: 'for example ghcr.io/acme/app; the digest is given separately',
    });
}

/** A file a statement is about: its name (without directories) and the digest of its content. */
export interface FileSubject {
  name: string;
  /** `sha256:` followed by 64 lowercase hex digits. */
  digest: string;
}

function statement<P>(name: string, digest: string, predicateType: string, predicate: P): Statement<P> {
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ name, digest: { sha256: sha256Hex(digest) } }],
    predicateType,
    predicate,
  };
}

/** An in-toto v1 statement with the image as its only subject. */
export function imageStatement<P>(image: ImageSubject, predicateType: string, predicate: P): Statement<P> {
  checkRepository(image.repository);
  return statement(image.repository, image.digest, predicateType, predicate);
}

/**
 * An in-toto v1 statement with the file as its only subject, the shape `gh attestation verify` and
 * `cosign verify-blob-attestation` check a file against: the subject's sha256 is the file's.
 */
export function fileStatement<P>(file: FileSubject, predicateType: string, predicate: P): Statement<P> {
  if (file.name === '' || /[/\\]/.test(file.name) || file.name !== file.name.trim())
    throw new ShipgateError('SIGN', `"${file.name}" is not a file name`, {
      hint: 'the subject names the file without its directory',
    });
  return statement(file.name, file.digest, predicateType, predicate);
}
