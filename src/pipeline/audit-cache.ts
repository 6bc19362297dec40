/**
 * What a registry audit remembers between runs: the images that passed, for one fingerprint of the
 * expectations and the trust, and the manifests found to be signature tags. Only passes are remembered (a
 * failing image is verified again each run: it is what the audit reports, and it may have been signed
 * since). A pass is forgotten when the oldest signature it rested on passes the maximum age. The file is
 * replaced atomically (written beside, then renamed); one that cannot be read as a cache is ignored with a
 * warning and never trusted.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { ShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import type { TrustConfig, VerifyExpectations } from '../sign/index';
import { compareText } from '../core/order';

const CACHE_VERSION = 1;

export interface PassEntry {
  /** When the image was verified, ISO 8601. */
  verifiedAt: string;
  /** When a signature it rests on becomes older than the maximum age (absent without one), ISO 8601. */
  expiresAt?: string;
}

interface CacheFile {
  version: number;
  fingerprint: string;
  /** host/repository@digest → the pass. */
  passed: Record<string, PassEntry>;
  /** host/repository@digest of manifests found to be signature tags. */
  signatureManifests: string[];
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

async function fileHash(path: string, flag: string): Promise<string> {
  try {
    return sha256(await readFile(path));
  } catch (e) {
    throw new ShipgateError(
      'INPUT',
      `${flag}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

/**
 * The fingerprint of what a pass means: the expectations (identity, keys, predicates, approval, age,
 * certificate extensions) and the trust (the trusted root's and the keys' content, the TUF mirror).
 */
export async function expectationsFingerprint(
  expect: Omit<VerifyExpectations, 'image' | 'now'>,
  trust: TrustConfig,
): Promise<string> {
  const doc = {
    expect,
    trust: {
      trustedRoot:
        trust.trustedRoot === undefined ? null : await fileHash(trust.trustedRoot, '--trusted-root'),
      publicKeys: await Promise.all((trust.publicKeys ?? []).map((k) => fileHash(k, '--key'))),
      keysOnly: trust.keysOnly === true,
      tufMirrorUrl: trust.tufMirrorUrl ?? null,
    },
  };
  return sha256(JSON.stringify(doc));
}

function isCacheFile(doc: unknown): doc is CacheFile {
  const c = doc as Partial<CacheFile> | null;
  if (typeof c !== 'object' || c === null || c.version !== CACHE_VERSION) return false;
  if (typeof c.fingerprint !== 'string' || !Array.isArray(c.signatureManifests)) return false;
  if (!c.signatureManifests.every((s) => typeof s === 'string')) return false;
  if (typeof c.passed !== 'object' || c.passed === null || Array.isArray(c.passed)) return false;
  return Object.values(c.passed).every(
    (e: Partial<PassEntry> | null) =>
      typeof e === 'object' &&
      e !== null &&
      !Number.isNaN(Date.parse(String(e.verifiedAt))) &&
      (e.expiresAt === undefined || !Number.isNaN(Date.parse(String(e.expiresAt)))),
  );
}

export class AuditCache {
  private passed = new Map<string, PassEntry>();
  private signatures = new Set<string>();
  /** Repositories audited in this run: their entries not seen again are dropped on save. */
  private readonly audited = new Set<string>();
  private readonly seen = new Set<string>();

  private constructor(
    private readonly path: string,
    private readonly fingerprint: string,
  ) {}

  /** Reads the cache at `path`; a missing file is an empty cache, an unreadable one is ignored (warning). */
  static async load(path: string, fingerprint: string): Promise<AuditCache> {
    const cache = new AuditCache(path, fingerprint);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return cache;
      logger().warn(
        `audit cache ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'}); verifying everything`,
      );
      return cache;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      doc = undefined;
    }
    if (!isCacheFile(doc)) {
      logger().warn(
        `audit cache ${path} is not a shipgate audit cache (corrupt?); ignoring it and verifying everything`,
      );
      return cache;
    }
    if (doc.fingerprint !== fingerprint) {
      logger().info(`audit cache ${path}: the signer, checks or trust changed; verifying everything again`);
      return cache;
    }
    cache.passed = new Map(Object.entries(doc.passed));
    cache.signatures = new Set(doc.signatureManifests);
    return cache;
  }

  /** Marks a repository (host/repository) as audited in this run. */
  auditing(repository: string): void {
    this.audited.add(repository);
  }

  /** Whether `key` (host/repository@digest) passed before and the pass still holds at `now`. */
  hasPassed(key: string, now: Date): boolean {
    const entry = this.passed.get(key);
    if (!entry) return false;
    if (entry.expiresAt !== undefined && Date.parse(entry.expiresAt) <= now.getTime()) return false;
    this.seen.add(key);
    return true;
  }

  rememberPass(key: string, entry: PassEntry): void {
    this.passed.set(key, entry);
    this.seen.add(key);
  }

  isSignatureManifest(key: string): boolean {
    if (!this.signatures.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  rememberSignatureManifest(key: string): void {
    this.signatures.add(key);
    this.seen.add(key);
  }

  private keeps(key: string): boolean {
    return this.seen.has(key) || !this.audited.has(key.slice(0, key.lastIndexOf('@')));
  }

  /** Writes the cache: entries of the repositories audited now as they were found, the others kept. */
  async save(): Promise<void> {
    const doc: CacheFile = {
      version: CACHE_VERSION,
      fingerprint: this.fingerprint,
      passed: Object.fromEntries(
        [...this.passed].filter(([k]) => this.keeps(k)).sort(([a], [b]) => compareText(a, b)),
      ),
      signatureManifests: [...this.signatures].filter((k) => this.keeps(k)).sort(),
    };
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, `${JSON.stringify(doc)}\n`);
      await rename(tmp, this.path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw new ShipgateError(
        'INPUT',
        `cannot write the audit cache ${this.path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
        {
          hint: 'check the path and its permissions',
        },
      );
    }
  }
}
