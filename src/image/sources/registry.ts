/** A registry reference (`ghcr.io/org/app:1.0`, `127.0.0.1:5000/app@sha256:...`), pulled over the distribution API. */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { ShipgateError } from '../../core/errors';
import { RegistryClient } from '../../oci/client';
import type { Descriptor } from '../manifest';
import type { OpenOptions, OpenedImage } from '../options';
import { formatRegistryRef, repositoryName, type RegistryRef } from '../../oci/ref';
import { openFromManifest, type ContentStore } from '../store';

/** Fails a blob stream that stalls longer than `ms` (a hung connection must not hang the scan). */
class IdleTimeout extends Transform {
  private timer: NodeJS.Timeout | undefined;
  constructor(
    private readonly ms: number,
    private readonly what: string,
  ) {
    super();
    this.arm();
  }
  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.destroy(new ShipgateError('NETWORK', `${this.what}: no data for ${this.ms} ms`)),
      this.ms,
    );
    this.timer.unref();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.arm();
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    clearTimeout(this.timer);
    cb();
  }
  override _destroy(err: Error | null, cb: (e: Error | null) => void): void {
    clearTimeout(this.timer);
    cb(err);
  }
}

export async function openRegistryImage(
  ref: RegistryRef,
  input: string,
  options: OpenOptions,
): Promise<OpenedImage> {
  const client = new RegistryClient({
    registry: ref.registry,
    insecureRegistries: options.insecureRegistries ?? [],
    env: options.env ?? process.env,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.registryRetry ? { retry: options.registryRetry } : {}),
  });
  const what = formatRegistryRef(ref);
  const top = await client.getManifest(ref.repository, ref.digest ?? ref.tag ?? 'latest');
  if (ref.digest && top.digest !== ref.digest)
    throw new ShipgateError(
      'DIGEST_MISMATCH',
      `${what}: the registry sent a manifest with digest ${top.digest}`,
    );
  const idleMs = options.timeoutMs ?? 60_000;
  const store: ContentStore = {
    what,
    readBlob: (desc: Descriptor) => client.getBlobBytes(ref.repository, desc.digest),
    readManifest: async (desc: Descriptor) => (await client.getManifest(ref.repository, desc.digest)).bytes,
    async streamBlob(desc: Descriptor): Promise<Readable> {
      const body = await client.getBlob(ref.repository, desc.digest);
      const guard = new IdleTimeout(idleMs, `${what}: blob ${desc.digest}`);
      body.on('error', (e) => guard.destroy(e));
      guard.on('close', () => body.destroy());
      return body.pipe(guard);
    },
    async close() {},
  };
  const meta: { ref: string; repository: string; tag?: string } = {
    ref: input,
    repository: repositoryName(ref),
  };
  if (ref.tag) meta.tag = ref.tag;
  return openFromManifest(store, top, meta, options);
}
