/**
 * Uploads one blob from a stream with the distribution upload protocol: skipped when the registry holds it
 * (HEAD), mounted from another repository of the same registry when one is named, otherwise POST to open an
 * upload, then the bytes, following the Location the registry returns each time:
 * - a blob of known size up to `chunkThreshold` goes up in one PATCH read from the source while it is sent,
 *   closed by a PUT with the digest (a blob of one chunk at most goes in the PUT itself); nothing is held
 *   but the piece on the wire. When the connection drops, the upload resumes from the offset the registry
 *   reports (GET on the upload → Range): the source is read again from the start, the bytes the registry
 *   holds only hashed, the rest sent in a PATCH. A registry (or a proxy before it) that refuses the body as
 *   too large (413) gets the blob in chunks instead.
 * - larger blobs, and blobs of unknown size, go up in PATCHes of fixed-size chunks closed by a PUT with the
 *   digest. Two chunks are in memory: the one on the wire and the next, read ahead. A chunk whose connection
 *   drops is resumed from the registry's offset.
 * When the registry has dropped the upload itself, the blob starts over from a new upload. Resumes and
 * restarts count against one bounded budget per blob.
 */
import { createHash, type Hash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import { isShipgateError, ShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import type { RegistryClient, StreamedBody } from './client';
import { parseDigest } from './digest';
import { backoffMs, DEFAULT_RETRY } from './retry';

const MiB = 1024 * 1024;

export interface UploadTuning {
  /** Blobs up to this size go up in one streamed request; larger ones, or of unknown size, in chunks. */
  chunkThreshold: number;
  /** Bytes per PATCH: one upload holds two chunks (the one sent and the next, read ahead). */
  chunkSize: number;
  /** Times one blob's upload may resume or start over after a failed request. */
  resumes: number;
}

export const DEFAULT_UPLOAD_TUNING: UploadTuning = {
  // A streamed blob that resumes reads its source again up to the registry's offset; above this size,
  // chunks kept in memory make a resume cheap.
  chunkThreshold: 2048 * MiB,
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
  /** Opens the bytes from the start; called again when an upload resumes a streamed request or starts over. */
  open(): Promise<Readable>;
  /**
   * Whether the stream itself fails unless its bytes have `digest` and `size` (as stored layers do): a blob
   * sent in one request is then not hashed a second time.
   */
  verifies?: boolean | undefined;
}

export interface UploadedBlob {
  digest: string;
  size: number;
  how: 'exists' | 'mounted' | 'uploaded';
}

/** The upload the registry dropped (unknown or invalid upload session): start the blob over. */
class UploadLost extends Error {}

/** A registry (or a proxy before it) that refuses a request body this large (413): send chunks instead. */
class TooLarge extends Error {}

/** A failure the upload may resume from: the connection, or the registry's answer to one request. */
function isResumable(e: unknown): e is ShipgateError {
  return isShipgateError(e) && (e.code === 'NETWORK' || e.code === 'REGISTRY');
}

/** DIGEST_MISMATCH unless the bytes read have the digest the blob was announced with. */
function checkDigest(blob: BlobToUpload, actual: string): string {
  if (blob.digest && blob.digest !== actual)
    throw new ShipgateError(
      'DIGEST_MISMATCH',
      `${blob.what}: content digest ${actual} does not match ${blob.digest}`,
      { hint: 'the image is corrupt or was tampered with; pull or save it again' },
    );
  return actual;
}

function algorithmOf(blob: BlobToUpload): 'sha256' | 'sha512' {
  return blob.digest ? parseDigest(blob.digest, blob.what).algorithm : 'sha256';
}

/**
 * A blob of known size as the body of one request, read from the source while it is sent; the first `skip`
 * bytes (those the registry holds already) are hashed, not sent. The last piece is held back until the
 * source has ended with the announced size and digest (checked here, or by a source that verifies itself),
 * so a registry never receives the whole of a wrong blob; `failure` is what the source threw, to tell it
 * from the network's failures.
 */
class SourceBody implements StreamedBody {
  failure: unknown;
  private computed: string | undefined;

  constructor(
    private readonly blob: BlobToUpload,
    private readonly size: number,
    private readonly skip: number,
  ) {}

  get length(): number {
    return this.size - this.skip;
  }

  /** The digest of the bytes read, once the whole source was read and checked. */
  get digest(): string {
    if (this.computed === undefined)
      throw new ShipgateError('INTERNAL', `${this.blob.what}: the upload ended before its source did`);
    return this.computed;
  }

  async *open(): AsyncGenerator<Buffer> {
    try {
      yield* this.read();
    } catch (e) {
      this.failure ??= e;
      throw e;
    }
  }

  private async *read(): AsyncGenerator<Buffer> {
    const { blob, size, skip } = this;
    this.computed = undefined;
    const algorithm = algorithmOf(blob);
    const hash = blob.verifies && blob.digest ? undefined : createHash(algorithm);
    const stream = await blob.open();
    try {
      let read = 0;
      let last: Buffer | undefined;
      for await (const data of stream) {
        const piece = data as Buffer;
        if (read + piece.length > size)
          throw new ShipgateError(
            'DIGEST_MISMATCH',
            `${blob.what}: more than the ${size} bytes its descriptor announces`,
          );
        hash?.update(piece);
        const from = Math.max(0, skip - read);
        read += piece.length;
        if (from >= piece.length) continue;
        if (last) yield last;
        last = from > 0 ? piece.subarray(from) : piece;
      }
      if (read < size)
        throw new ShipgateError('IMAGE_FORMAT', `${blob.what}: truncated (${read} of ${size} bytes)`, {
          hint: 'the image is incomplete; pull or save it again',
        });
      // The source ended without failing: a source that verifies itself has the announced digest.
      this.computed = hash ? checkDigest(blob, `${algorithm}:${hash.digest('hex')}`) : blob.digest!;
      if (last) yield last;
    } finally {
      stream.destroy();
    }
  }
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
  /** Whether blobs up to the threshold go up in one request: until the registry refuses one as too large. */
  private streaming = true;

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

  /** Sends the bytes into the upload at `location` and closes it with the digest. */
  private send(location: URL): Promise<UploadedBlob> {
    const { size } = this.blob;
    if (this.streaming && size !== undefined && size <= this.tuning.chunkThreshold)
      return this.stream(location, size);
    return this.chunked(location);
  }

  /**
   * The blob in one PATCH read from the source as it is sent, closed by a PUT with the digest; after a dropped
   * connection, the PATCH sends only the bytes the registry does not hold. A blob of one chunk at most, whose
   * digest is known, goes in the PUT itself (a registry may drop an upload whose PUT failed: it then starts over).
   */
  private async stream(location: URL, size: number): Promise<UploadedBlob> {
    const { digest } = this.blob;
    let held = 0;
    for (;;) {
      const body = new SourceBody(this.blob, size, held);
      try {
        if (held === 0 && digest && size <= this.tuning.chunkSize) {
          await this.finish(location, digest, body);
        } else {
          if (held < size) location = await this.sendRest(location, body, held, size);
          // The registry holds every byte: the source is read through only to check its digest.
          else for await (const piece of body.open()) void piece;
          await this.finish(location, body.digest);
        }
        return { digest: body.digest, size, how: 'uploaded' };
      } catch (e) {
        if (body.failure !== undefined) throw body.failure;
        if (e instanceof TooLarge) {
          logger().info(`${this.what}: ${e.message}; sending it in chunks`);
          this.streaming = false;
          if (held === 0) return this.chunked(location);
          throw new UploadLost(e.message, {
            cause: new ShipgateError('REGISTRY', `${this.what}: ${e.message}`),
          });
        }
        if (!isResumable(e) || !this.spend()) throw e;
        logger().warn(`${e.message}; resuming the upload from the registry's offset`);
        await this.pause();
        const status = await this.status(location, e);
        location = status.location;
        held = status.held;
        if (held > size) throw new UploadLost(e.message, { cause: e });
      }
    }
  }

  /** The blob in PATCHes of `chunkSize` bytes, the next one read ahead, closed by a PUT with the digest. */
  private async chunked(location: URL): Promise<UploadedBlob> {
    const stream = await this.blob.open();
    try {
      const algorithm = algorithmOf(this.blob);
      const hash = createHash(algorithm);
      let offset = 0;
      for await (const chunk of chunksOf(stream, this.tuning.chunkSize, hash)) {
        location = await this.patch(location, chunk, offset);
        offset += chunk.length;
      }
      const digest = checkDigest(this.blob, `${algorithm}:${hash.digest('hex')}`);
      await this.finish(location, digest);
      return { digest, size: offset, how: 'uploaded' };
    } finally {
      stream.destroy();
    }
  }

  /** PUT closing the upload with its digest, and with the whole blob when it is given, streamed. */
  private async finish(location: URL, digest: string, body?: StreamedBody): Promise<void> {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    const res = await this.client.request(
      {
        method: 'PUT',
        path: url.toString(),
        repository: this.blob.repository,
        action: 'push',
        headers: { 'content-type': 'application/octet-stream' },
        body: body ?? Buffer.alloc(0),
        followRedirects: false,
        // A streamed blob is not sent again by the HTTP layer: the caller resumes or starts over.
        ...(body ? { retries: 0, accept: [413] } : {}),
      },
      this.what,
    );
    await res.body?.cancel().catch(() => undefined);
    if (res.status === 413)
      throw new TooLarge(`${this.client.registry} refused ${body?.length} bytes in one request`);
  }

  /**
   * PATCH of a blob's bytes from `offset` to its end, streamed; returns the next Location. Not sent again by
   * the HTTP layer on failure: the caller resumes from the registry's offset.
   */
  private async sendRest(location: URL, body: StreamedBody, offset: number, size: number): Promise<URL> {
    const res = await this.client.request(
      {
        method: 'PATCH',
        path: location.toString(),
        repository: this.blob.repository,
        action: 'push',
        headers: { 'content-type': 'application/octet-stream', 'content-range': `${offset}-${size - 1}` },
        body,
        accept: [202, 413],
        followRedirects: false,
        retries: 0,
      },
      this.what,
    );
    await res.body?.cancel().catch(() => undefined);
    if (res.status === 413)
      throw new TooLarge(`${this.client.registry} refused ${body.length} bytes in one request`);
    return locationOf(res, location, this.what);
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
        if (!isResumable(e) || !this.spend()) throw e;
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
