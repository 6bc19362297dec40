/**
 * The registry audit: every tag of each repository is resolved to its manifest digest, and each distinct
 * digest is verified with the expectations of `shipgate verify` (signer, approval, age, ...). Tags that
 * hold signatures are recognised by name and content and skipped; every other digest that fails is an image
 * that got in without shipgate's approval. With a cache, digests that passed before are not verified again.
 */
import { isShipgateError } from '../core/errors';
import { mapConcurrent } from '../core/concurrency';
import { logger } from '../core/logger';
import type { RegistryClient } from '../oci/client';
import type { AuditedImage, AuditReport } from '../report/audit';
import { hasArtifactTagName, isSignatureArtifact } from '../sign/artifact-tags';
import {
  VerificationFailed,
  verifyBundles,
  type LoadedTrust,
  type VerifyExpectations,
  type VerifyReport,
} from '../sign/index';
import { fetchBundles } from '../sign/read-back';
import { digestOf } from '../oci/digest';
import type { AuditCache } from './audit-cache';

export const DEFAULT_AUDIT_CONCURRENCY = 8;

export interface AuditTarget {
  client: RegistryClient;
  /** Repository on the client's registry, e.g. acme/app. */
  repository: string;
}

export interface AuditOptions {
  expect: Omit<VerifyExpectations, 'image' | 'now'>;
  trust: LoadedTrust;
  cache?: AuditCache;
  /** Registry requests and verifications at a time (default 8). */
  concurrency?: number;
  /** Tags asked for per page (`n=`); default: the registry's page size. */
  pageSize?: number;
  now?: () => Date;
}

interface Tagged {
  digest: string;
  tags: string[];
}

/** The manifest digest a tag points at now; undefined when the tag disappeared while listing. */
async function resolveTag(
  client: RegistryClient,
  repository: string,
  tag: string,
): Promise<string | undefined> {
  const head = await client.headManifest(repository, tag);
  if (!head) return undefined;
  if (head.digest) return head.digest;
  // A registry that sends no Docker-Content-Digest: the digest of the manifest as served.
  return digestOf((await client.getManifest(repository, tag)).bytes);
}

async function tagsByDigest(target: AuditTarget, where: string, options: AuditOptions): Promise<Tagged[]> {
  const { client, repository } = target;
  const tags = await client.listTags(repository, options.pageSize);
  const progress = logger().progress(`resolving ${tags.length} tags of ${where}`, {
    total: tags.length,
    unit: 'items',
  });
  const digests = await mapConcurrent(tags, options.concurrency ?? DEFAULT_AUDIT_CONCURRENCY, async (tag) => {
    const digest = await resolveTag(client, repository, tag);
    progress.add(1);
    if (!digest) logger().debug(`${where}:${tag} disappeared while the audit listed the tags`);
    return digest;
  });
  progress.done();
  const byDigest = new Map<string, string[]>();
  tags.forEach((tag, i) => {
    const digest = digests[i];
    if (digest) byDigest.set(digest, [...(byDigest.get(digest) ?? []), tag]);
  });
  return [...byDigest].map(([digest, t]) => ({ digest, tags: t.sort() }));
}

/** Whether every tag of the digest names a signature tag and its manifest is one. */
async function isSignatureTag(
  target: AuditTarget,
  image: Tagged,
  key: string,
  cache: AuditCache | undefined,
): Promise<boolean> {
  if (!image.tags.every(hasArtifactTagName)) return false;
  if (cache?.isSignatureManifest(key)) return true;
  const { bytes } = await target.client.getManifest(target.repository, image.digest);
  if (!image.tags.every((tag) => isSignatureArtifact(tag, bytes))) return false;
  cache?.rememberSignatureManifest(key);
  return true;
}

/** When the oldest verified statement passes the maximum age: the pass holds until then. */
function expiry(report: VerifyReport, maxAgeSeconds: number | undefined): string | undefined {
  if (maxAgeSeconds === undefined) return undefined;
  const times = report.verified.flatMap((v) => (v.time ? [Date.parse(v.time)] : []));
  if (!times.length) return undefined;
  return new Date(Math.min(...times) + maxAgeSeconds * 1000).toISOString();
}

async function verifyImage(
  target: AuditTarget,
  repositoryName: string,
  image: Tagged,
  options: AuditOptions,
): Promise<AuditedImage> {
  const base = {
    repository: repositoryName,
    digest: image.digest,
    tags: image.tags,
    checked: 'verified' as const,
  };
  const key = `${repositoryName}@${image.digest}`;
  const now = options.now?.() ?? new Date();
  try {
    const fetched = await fetchBundles(target.client, target.repository, image.digest);
    const report = verifyBundles(
      fetched.map((f) => f.bundle),
      options.trust,
      { ...options.expect, image: { digest: image.digest, repository: repositoryName }, now },
    );
    const expiresAt = expiry(report, options.expect.maxAgeSeconds);
    options.cache?.rememberPass(key, { verifiedAt: now.toISOString(), ...(expiresAt ? { expiresAt } : {}) });
    return { ...base, status: 'pass' };
  } catch (e) {
    if (e instanceof VerificationFailed)
      return { ...base, status: 'fail', reason: e.failure, message: e.message };
    // What is stored next to the image cannot be read as bundles: as good as a broken signature.
    if (isShipgateError(e) && e.code === 'VERIFY')
      return { ...base, status: 'fail', reason: 'invalid', message: e.message };
    throw e;
  }
}

async function auditRepository(
  target: AuditTarget,
  options: AuditOptions,
): Promise<{ images: AuditedImage[]; signatureTags: number }> {
  const name = `${target.client.registry}/${target.repository}`;
  options.cache?.auditing(name);
  const tagged = await tagsByDigest(target, name, options);
  const concurrency = options.concurrency ?? DEFAULT_AUDIT_CONCURRENCY;
  const now = options.now?.() ?? new Date();
  const kinds = await mapConcurrent(tagged, concurrency, async (image) => {
    const key = `${name}@${image.digest}`;
    if (await isSignatureTag(target, image, key, options.cache)) return 'signature' as const;
    return options.cache?.hasPassed(key, now) ? ('cached' as const) : ('verify' as const);
  });
  const images: AuditedImage[] = [];
  const toVerify: Tagged[] = [];
  let signatureTags = 0;
  tagged.forEach((image, i) => {
    if (kinds[i] === 'signature') signatureTags += image.tags.length;
    else if (kinds[i] === 'cached')
      images.push({
        repository: name,
        digest: image.digest,
        tags: image.tags,
        status: 'pass',
        checked: 'cache',
      });
    else toVerify.push(image);
  });
  logger().info(
    `${name}: ${images.length + toVerify.length} images, ${signatureTags} signature tags; ` +
      `${images.length} passed before (cache), ${toVerify.length} to verify`,
  );
  const progress = logger().progress(`verifying ${toVerify.length} images of ${name}`, {
    total: toVerify.length,
    unit: 'items',
  });
  const verified = await mapConcurrent(toVerify, concurrency, async (image) => {
    const audited = await verifyImage(target, name, image, options);
    progress.add(1);
    return audited;
  });
  progress.done();
  return { images: [...images, ...verified], signatureTags };
}

/** Audits each repository in turn (their digests concurrently); the cache, if any, is updated in memory. */
export async function auditRegistry(
  targets: readonly AuditTarget[],
  options: AuditOptions,
): Promise<AuditReport> {
  const startedAt = new Date().toISOString();
  const images: AuditedImage[] = [];
  let signatureTags = 0;
  for (const target of targets) {
    const got = await auditRepository(target, options);
    images.push(...got.images);
    signatureTags += got.signatureTags;
  }
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    repositories: targets.map((t) => `${t.client.registry}/${t.repository}`),
    images,
    signatureTags,
  };
}
