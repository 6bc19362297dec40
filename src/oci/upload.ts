/**
 * Uploads one blob from a stream with the distribution upload protocol: skipped when the registry holds it
 * (HEAD), mounted from another repository of the same registry when one is named, otherwise POST to open an
 * upload, then either one PUT (small blobs) or PATCHes of fixed-size chunks closed by a PUT with the digest,
 * following the Location the registry returns each time. Two chunks are in memory: the one on the wire and
 * the next, read ahead. A chunk whose connection drops is resumed from the offset the registry reports (GET on
 * the upload → Range); when the registry has dropped the upload itself, the blob starts over from a new
 * upload. Both count against one bounded budget per blob.
 */
import { createHash, type Hash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import { isShipgateError, ShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import type { RegistryClient } from './client';
import { parseDigest } from './digest';
import { backoffMs, DEFAULT_RETRY } from './retry';

const MiB = 1024 * 1024;

export interface UploadTuning {
  /** Blobs larger than this, or of unknown size, go up in chunks. */
  chunkThreshold: number;
  /** Bytes per PATCH: one upload holds two chunks (the one sent and the next, read ahead). */
  chunkSize: number;
  /** Times one blob's upload may resume or start over after a failed chunk. */
  resumes: number;
}

export const DEFAULT_UPLOAD_TUNING: UploadTuning = {
  chunkThreshold: 16 * MiB,
  chunkSize: 8 * MiB,
  resumes: 3,
};

export interface BlobToUpload {
  repository: string;
  /** The digest the bytes must have, when known before reading them (needed to skip or mount). */
  digest?: string | undefined;
  size?: number | undefined;
  /** Another repository on the same registry to mount the blob from. */
  mountFrom?: string | undefined;
  /** Names the blob in messages. */
  what: string;
  /** Opens the bytes; called again when an upload starts over. */
  open(): Promise<Readable>;
}

export interface UploadedBlob {
  digest: string;
  size: number;
  how: 'exists' | 'mounted' | 'uploaded';
}

/** The upload the registry dropped (unknown or invalid upload session): start the blob over. */
class UploadLost extends Error {}

/** A blob small enough to go up in one PUT, read whole. */
async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const piece of stream) parts.push(piece as Buffer);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** Fills `buffers` in turn with the stream's bytes, hashing each full chunk; the last chunk may be shorter. */
async function* fill(stream: Readable, buffers: Buffer[], hash: Hash): AsyncGenerator<Buffer> {
  let turn = 0;
  let held = 0;
  for await (const data of stream) {
    let piece = data as Buffer;
    while (piece.length > 0) {
      const chunk = buffers[turn % buffers.length]!;
      const n = piece.copy(chunk, held);
      held += n;
      piece = piece.subarray(n);
      if (held === chunk.length) {
        hash.update(chunk);
        yield chunk;
        turn++;
        held = 0;
      }
    }
  }
  if (held > 0) {
    const last = buffers[turn % buffers.length]!.subarray(0, held);
    hash.update(last);
    yield last;
  }
}

/**
 * Fixed-size chunks of a stream (the last may be shorter), hashed in order. The next chunk is read and hashed
 * while the caller sends this one, into the other of two buffers used in turn: a chunk is the caller's until
 * it asks for the next one, and nothing else is allocated per chunk.
 */
async function* chunksOf(stream: Readable, size: number, hash: Hash): AsyncGenerator<Buffer> {
  const source = fill(stream, [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)], hash);
  const ahead = (): Promise<IteratorResult<Buffer>> => {
    const next = source.next();
    // A failure while reading ahead surfaces when the chunk is awaited, not as an unhandled rejection.
    next.catch(() => undefined);
    return next;
  };
  let next = ahead();
  try {
    for (;;) {
      const item = await next;
      if (item.done) return;
      next = ahead();
      yield item.value;
    }
  } finally {
    // Not awaited: it waits for the chunk being read ahead, which ends once the caller destroys the stream.
    source.return(undefined).catch(() => undefined);
  }
}

function locationOf(res: Response, base: URL, what: string): URL {
  const location = res.headers.get('location');
  if (!location) throw new ShipgateError('REGISTRY', `${what}: the registry gave no upload location`);
  return new URL(location, base);
}

/** Bytes the registry holds of an upload, from its `Range: 0-<last>` (distribution answers 0-0 when empty). */
function heldBytes(range: string | null, what: string): number {
  const m = /^(?:bytes=)?0-(\d+)$/.exec(range?.trim() ?? '');
  if (!m) throw new ShipgateError('REGISTRY', `${what}: the upload status has no usable Range header`);
  const last = Number(m[1]);
  return last === 0 ? 0 : last + 1;
}

class BlobUploader {
  private readonly base: URL;
  private budget: number;
  private attempt = 0;

  constructor(
    private readonly client: RegistryClient,
    private readonly blob: BlobToUpload,
    private readonly tuning: UploadTuning,
  ) {
    this.base = new URL(`${client.baseUrl}/`);
    this.budget = tuning.resumes;
  }

  private get what(): string {
    return `upload ${this.client.registry}/${this.blob.repository} ${this.blob.what}`;
  }

  async run(): Promise<UploadedBlob> {
    const { digest, repository, mountFrom } = this.blob;
    if (digest) {
      const size = await this.client.blobSize(repository, digest, 'push');
      if (size !== undefined) return { digest, size: this.blob.size ?? size, how: 'exists' };
    }
    const mount = digest && mountFrom && mountFrom !== repository ? digest : undefined;
    for (;;) {
      const start = await this.start(mount);
      if (start.status === 201 && mount) {
        const size = this.blob.size ?? (await this.client.blobSize(repository, mount, 'push'));
        return { digest: mount, size: size ?? -1, how: 'mounted' };
      }
      try {
        return await this.send(locationOf(start, this.base, this.what));
      } catch (e) {
        if (!(e instanceof UploadLost) || !this.spend()) throw e instanceof UploadLost ? e.cause : e;
        logger().warn(`${this.what}: the registry dropped the upload; starting it over`);
        await this.pause();
      }
    }
  }

  private spend(): boolean {
    return this.budget-- > 0;
  }

  private async pause(): Promise<void> {
    await sleep(backoffMs(this.attempt++, DEFAULT_RETRY));
  }

  /** POST opening an upload (with a mount request when asked): 201 mounted, 202 with a Location. */
  private async start(mount: string | undefined): Promise<Response> {
    const { repository, mountFrom } = this.blob;
    const query = mount
      ? `?mount=${encodeURIComponent(mount)}&from=${encodeURIComponent(mountFrom ?? '')}`
      : '';
    const res = await this.client.request(
      {
        method: 'POST',
        path: `/v2/${repository}/blobs/uploads/${query}`,
        repository,
        action: 'push',
        accept: [201, 202],
        followRedirects: false,
      },
      this.what,
    );
    await res.body?.cancel().catch(() => undefined);
    return res;
  }

  /** Streams the bytes into the upload at `location` and closes it with the digest. */
  private async send(location: URL): Promise<UploadedBlob> {
    const stream = await this.blob.open();
    try {
      const algorithm = this.blob.digest ? parseDigest(this.blob.digest, this.blob.what).algorithm : 'sha256';
      const hash = createHash(algorithm);
      const { size } = this.blob;
      if (size !== undefined && size <= this.tuning.chunkThreshold) {
        const body = await readAll(stream);
        hash.update(body);
        const digest = this.checked(`${algorithm}:${hash.digest('hex')}`);
        await this.finish(location, digest, body);
        return { digest, size: body.length, how: 'uploaded' };
      }
      let offset = 0;
      for await (const chunk of chunksOf(stream, this.tuning.chunkSize, hash)) {
        location = await this.patch(location, chunk, offset);
        offset += chunk.length;
      }
      const digest = this.checked(`${algorithm}:${hash.digest('hex')}`);
      await this.finish(location, digest, Buffer.alloc(0));
      return { digest, size: offset, how: 'uploaded' };
    } finally {
      stream.destroy();
    }
  }

  private checked(actual: string): string {
    const expected = this.blob.digest;
    if (expected && expected !== actual)
      throw new ShipgateError(
        'DIGEST_MISMATCH',
        `${this.blob.what}: content digest ${actual} does not match ${expected}`,
        { hint: 'the image is corrupt or was tampered with; pull or save it again' },
      );
    return actual;
  }

  /** PUT closing the upload with its digest (and the last bytes, or the whole small blob). */
  private async finish(location: URL, digest: string, body: Buffer): Promise<void> {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    const res = await this.client.request(
      {
        method: 'PUT',
        path: url.toString(),
        repository: this.blob.repository,
        action: 'push',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length) },
        body,
        followRedirects: false,
      },
      this.what,
    );
    await res.body?.cancel().catch(() => undefined);
  }

  /** PATCH one chunk at `offset`, resuming from the registry's offset when the exchange fails. */
  private async patch(location: URL, chunk: Buffer, offset: number): Promise<URL> {
    let sent = 0;
    for (;;) {
      const part = chunk.subarray(sent);
      try {
        const res = await this.client.request(
          {
            method: 'PATCH',
            path: location.toString(),
            repository: this.blob.repository,
            action: 'push',
            headers: {
              'content-type': 'application/octet-stream',
              'content-length': String(part.length),
              'content-range': `${offset + sent}-${offset + chunk.length - 1}`,
            },
            body: part,
            accept: [202],
            followRedirects: false,
            retries: 0,
          },
          this.what,
        );
        await res.body?.cancel().catch(() => undefined);
        return locationOf(res, location, this.what);
      } catch (e) {
        if (!isShipgateError(e) || !['NETWORK', 'REGISTRY'].includes(e.code) || !this.spend()) throw e;
        logger().warn(
          `${e.message}; resuming the upload at byte ${offset + sent} from the registry's offset`,
        );
        await this.pause();
        const status = await this.status(location, e);
        location = status.location;
        sent = status.held - offset;
        if (sent < 0 || sent > chunk.length) throw new UploadLost(e.message, { cause: e });
        if (sent === chunk.length) return location;
      }
    }
  }

  /** GET on the upload: the bytes the registry holds and where to continue; UploadLost when it is gone. */
  private async status(location: URL, failure: ShipgateError): Promise<{ location: URL; held: number }> {
    const res = await this.client.request(
      {
        method: 'GET',
        path: location.toString(),
        repository: this.blob.repository,
        action: 'push',
        accept: [400, 404, 416],
        followRedirects: false,
      },
      `${this.what} (status)`,
    );
    await res.body?.cancel().catch(() => undefined);
    if (res.status !== 204 && res.status !== 202) throw new UploadLost(failure.message, { cause: failure });
    return {
      location: locationOf(res, location, this.what),
      held: heldBytes(res.headers.get('range'), this.what),
    };
  }
}

/** Uploads one blob (see the module comment); the digest and size are the bytes actually sent. */
export function uploadBlob(
  client: RegistryClient,
  blob: BlobToUpload,
  tuning: UploadTuning = DEFAULT_UPLOAD_TUNING,
): Promise<UploadedBlob> {
  return new BlobUploader(client, blob, tuning).run();
}
