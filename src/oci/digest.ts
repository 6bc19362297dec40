/** Streams that check content against its digest while it flows through. */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ShipgateError } from '../core/errors';

const DIGEST_RE = /^(sha256|sha512):([a-f0-9]+)$/;

/** Parses "sha256:<hex>"; anything else is an IMAGE_FORMAT error naming `what`. */
export function parseDigest(digest: string, what: string): { algorithm: 'sha256' | 'sha512'; hex: string } {
  const m = DIGEST_RE.exec(digest);
  const len = m?.[1] === 'sha256' ? 64 : 128;
  if (!m || m[2]!.length !== len)
    throw new ShipgateError('IMAGE_FORMAT', `${what}: invalid digest "${digest.slice(0, 100)}"`);
  return { algorithm: m[1] as 'sha256' | 'sha512', hex: m[2]! };
}

export function isDigest(s: string): boolean {
  return DIGEST_RE.test(s);
}

export function digestOf(data: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

/** Throws DIGEST_MISMATCH unless `data` has `expected` as digest. */
export function verifyBytes(data: Uint8Array, expected: string, what: string): void {
  const { algorithm } = parseDigest(expected, what);
  const actual = digestOf(data, algorithm);
  if (actual !== expected)
    throw new ShipgateError(
      'DIGEST_MISMATCH',
      `${what}: content digest ${actual} does not match ${expected}`,
      {
        hint: 'the image is corrupt or was tampered with; pull or save it again',
      },
    );
}

/**
 * A pass-through that hashes what flows and fails at the end when the digest (or the size, when known)
 * does not match. A short stream is reported as truncated (IMAGE_FORMAT), a wrong one as DIGEST_MISMATCH.
 */
export class DigestVerifier extends Transform {
  private readonly hash: Hash;
  private readonly algorithm: 'sha256' | 'sha512';
  private bytes = 0;

  constructor(
    private readonly expected: string,
    private readonly what: string,
    private readonly expectedSize?: number,
    /** Told the size of every piece that passes (see core/garbage.ts). */
    private readonly garbage?: { add(bytes: number): void },
  ) {
    super();
    this.algorithm = parseDigest(expected, what).algorithm;
    this.hash = createHash(this.algorithm);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.expectedSize !== undefined && this.expectedSize >= 0 && this.bytes > this.expectedSize) {
      cb(
        new ShipgateError(
          'DIGEST_MISMATCH',
          `${this.what}: more than the ${this.expectedSize} bytes its descriptor announces`,
        ),
      );
      return;
    }
    this.hash.update(chunk);
    this.garbage?.add(chunk.length);
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    if (this.expectedSize !== undefined && this.expectedSize >= 0 && this.bytes < this.expectedSize) {
      cb(
        new ShipgateError(
          'IMAGE_FORMAT',
          `${this.what}: truncated (${this.bytes} of ${this.expectedSize} bytes)`,
          { hint: 'the download or archive is incomplete; fetch or save the image again' },
        ),
      );
      return;
    }
    const actual = `${this.algorithm}:${this.hash.digest('hex')}`;
    if (actual !== this.expected) {
      cb(
        new ShipgateError(
          'DIGEST_MISMATCH',
          `${this.what}: content digest ${actual} does not match ${this.expected}`,
          {
            hint: 'the image is corrupt or was tampered with; pull or save it again',
          },
        ),
      );
      return;
    }
    cb();
  }
}
