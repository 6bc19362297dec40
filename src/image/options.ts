import type { Platform } from './types';

/** How openImage() finds and reads an image. */
export interface OpenOptions {
  /** "os/arch[/variant]" to pick from a multi-platform image; default the runner's platform. */
  platform?: string;
  /**
   * Without `platform`, an index lacking the runner's platform opens its first image instead of failing
   * (for callers that scan every platform of the index anyway).
   */
  anyPlatform?: boolean;
  /** Registries (host[:port]) that may be reached over plain http; loopback always may. */
  insecureRegistries?: string[];
  /** Also verify each layer's uncompressed diff-ID (costs a second hash over compressed layers). */
  verifyDiffIds?: boolean;
  /** Per-request timeout for registry and daemon calls (ms). */
  timeoutMs?: number;
  /** Directory for temporary files (a daemon's image stream is spooled there); default the OS temp dir. */
  tmpDir?: string;
  /** Environment for credential discovery (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Registry retry policy overrides (retries after the first attempt, backoff base and cap in ms). */
  registryRetry?: { retries?: number; baseMs?: number; maxMs?: number };
}

/** A layer's blob exactly as the source stores it (compressed layers stay compressed). */
interface StoredLayer {
  mediaType: string;
  digest: string;
  size: number;
  /** The stored bytes, verified against `digest` and `size` while they stream. */
  open(): Promise<import('node:stream').Readable>;
}

export interface OpenedImage {
  info: import('./types').ImageInfo;
  /** The config exactly as stored: its digest is info.configDigest. */
  configBytes: Buffer;
  /** The layer's content as an uncompressed tar, verified against its digest while it streams. */
  openLayer(index: number): Promise<import('node:stream').Readable>;
  /**
   * The layer's blob as stored, for copying it byte for byte; absent (or undefined for a layer) where the
   * source cannot name the stored bytes' digest (a directory, a compressed layer of an old docker save).
   */
  storedLayer?(index: number): StoredLayer | undefined;
  /**
   * Another platform's manifest of `info.index`, by digest, read from the same source; closing it does
   * nothing (the source stays open until this image is closed). Absent for sources without indexes.
   */
  openPlatform?(digest: string): Promise<OpenedImage>;
  close(): Promise<void>;
}

const ARCH: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
};

/** The runner's platform in OCI terms (images are Linux even on macOS/Windows runners). */
export function defaultPlatform(): Platform {
  const architecture = ARCH[process.arch] ?? process.arch;
  const p: Platform = { os: 'linux', architecture };
  if (architecture === 'arm64') p.variant = 'v8';
  if (architecture === 'arm') p.variant = 'v7';
  return p;
}
