/**
 * OCI 1.1 artifacts next to an image: an artifact manifest with a `subject`, pushed by digest, found again
 * through the referrers API or, on registries without it, through the referrers tag schema (an index at the
 * tag `sha256-<hex>` that clients maintain themselves). Detection trusts neither an `OCI-Subject` header
 * alone (ECR sends it without serving referrers) nor a bare 200 (some registries answer any path): the API
 * counts as supported only when it answers an index that lists the manifest just pushed.
 *
 * A tag updated by several clients has no atomic update on most registries, so tags are changed by
 * read-modify-write: read (keeping the ETag), change, write (If-Match when there was an ETag), then re-read
 * until the change is seen twice, a settle delay apart; a change lost to a concurrent writer is redone.
 * Writers in one process take turns per tag, so the settle check only has other processes to catch.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import { referrersTag, type Descriptor, type RegistryClient } from './client';
import { digestOf } from './digest';
import { nextLink } from './link';
import { MANIFEST_ACCEPT, MT } from './media-types';
import { backoffMs, type RetryPolicy } from './retry';

export const EMPTY_MEDIA_TYPE = 'application/vnd.oci.empty.v1+json';
/** The empty JSON object every artifact manifest without a config points at. */
const EMPTY_BLOB = Buffer.from('{}');

/** Pages of the referrers API followed at most (each page is an index the registry chose the size of). */
const MAX_PAGES = 20;

interface ArtifactLayer {
  mediaType: string;
  data: Buffer;
  annotations?: Record<string, string>;
}

export interface Artifact {
  artifactType: string;
  layers: ArtifactLayer[];
  annotations?: Record<string, string>;
}

export interface AttachedArtifact {
  /** The artifact manifest, with the artifactType and annotations a referrers index lists. */
  descriptor: Descriptor;
  /** The manifest bytes as pushed. */
  manifest: Buffer;
  /** `api`: the registry's referrers API lists it; `tag`: it was added to the fallback index. */
  via: 'api' | 'tag';
  /** The fallback index tag, when via is `tag`. */
  tag?: string;
}

export interface TagUpdateOptions {
  /** Read-modify-write rounds before giving up (default 10). */
  attempts?: number;
  /** First backoff between rounds, doubled each round (default 100 ms). */
  baseMs?: number;
  /** Delay between the two reads that must both show the change (default 500 ms). */
  settleMs?: number;
}

/** An OCI image index as stored; fields other than `manifests` are kept as they were. */
export interface OciIndex {
  schemaVersion: 2;
  mediaType: string;
  manifests: Descriptor[];
  [key: string]: unknown;
}

export interface TaggedDocument {
  bytes: Buffer;
  mediaType: string;
  digest: string;
  etag?: string;
}

function isDescriptor(d: unknown): d is Descriptor {
  const o = d as Partial<Descriptor> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.mediaType === 'string' &&
    typeof o.digest === 'string' &&
    typeof o.size === 'number'
  );
}

/** Parses an image index; undefined when the bytes are not one. */
export function parseIndex(bytes: Buffer): OciIndex | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const o = doc as Partial<OciIndex> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
  if (o.schemaVersion !== 2 || !Array.isArray(o.manifests)) return undefined;
  if (o.mediaType !== undefined && o.mediaType !== MT.ociIndex) return undefined;
  return { ...o, schemaVersion: 2, mediaType: MT.ociIndex, manifests: o.manifests } as OciIndex;
}

/**
 * The index with `entry` added: existing entries are all kept (duplicates by digest collapsed to the first),
 * and an entry already listed is not added again.
 */
export function mergeIndex(
  index: OciIndex | undefined,
  entry: Descriptor,
): { index: OciIndex; changed: boolean } {
  const base: OciIndex = index ?? { schemaVersion: 2, mediaType: MT.ociIndex, manifests: [] };
  const seen = new Set<string>();
  const manifests: Descriptor[] = [];
  for (const m of base.manifests) {
    if (isDescriptor(m) && seen.has(m.digest)) continue;
    if (isDescriptor(m)) seen.add(m.digest);
    manifests.push(m);
  }
  const deduped = manifests.length !== base.manifests.length;
  if (seen.has(entry.digest)) return { index: { ...base, manifests }, changed: deduped };
  return { index: { ...base, manifests: [...manifests, entry] }, changed: true };
}

/** The descriptor a referrers index lists for a manifest: artifactType (else the config's) and annotations. */
export function referrerDescriptor(manifest: Buffer, mediaType = MT.ociManifest): Descriptor {
  const doc = JSON.parse(manifest.toString('utf8')) as {
    artifactType?: string;
    config?: { mediaType?: string };
    annotations?: Record<string, string>;
  };
  const artifactType = doc.artifactType ?? doc.config?.mediaType;
  return {
    mediaType,
    digest: digestOf(manifest),
    size: manifest.length,
    ...(artifactType ? { artifactType } : {}),
    ...(doc.annotations && Object.keys(doc.annotations).length ? { annotations: doc.annotations } : {}),
  };
}

/** The manifest, index media type and digest of an image, to name as `subject`. */
export async function subjectDescriptor(
  client: RegistryClient,
  repository: string,
  digest: string,
): Promise<Descriptor> {
  const { bytes, mediaType } = await client.getManifest(repository, digest);
  return { mediaType: mediaType || MT.ociManifest, digest, size: bytes.length };
}

/** The artifact manifest document (OCI image manifest v1.1). */
export function artifactManifest(
  artifactType: string,
  config: Descriptor,
  layers: Descriptor[],
  subject: Descriptor,
  annotations?: Record<string, string>,
): Buffer {
  const strip = (d: Descriptor): Descriptor => ({ mediaType: d.mediaType, digest: d.digest, size: d.size });
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      artifactType,
      config: strip(config),
      layers,
      subject: strip(subject),
      ...(annotations && Object.keys(annotations).length ? { annotations } : {}),
    }),
  );
}

/** PUTs a manifest by digest; returns the OCI-Subject header the registry answered with. */
async function putByDigest(
  client: RegistryClient,
  repository: string,
  manifest: Buffer,
): Promise<string | undefined> {
  const digest = digestOf(manifest);
  const res = await client.request(
    {
      method: 'PUT',
      path: `/v2/${repository}/manifests/${digest}`,
      repository,
      action: 'push',
      headers: { 'content-type': MT.ociManifest },
      body: manifest,
      followRedirects: false,
    },
    `push artifact ${client.registry}/${repository}@${digest}`,
  );
  await res.body?.cancel().catch(() => undefined);
  const stored = res.headers.get('docker-content-digest');
  if (stored && stored !== digest)
    throw new ShipgateError(
      'DIGEST_MISMATCH',
      `push artifact ${client.registry}/${repository}: the registry stored ${stored}, expected ${digest}`,
    );
  return res.headers.get('oci-subject') ?? undefined;
}

/**
 * One page of the referrers API: the listed descriptors and the next page's path, or undefined when the
 * registry does not serve the API (404 and the like, or an answer that is not an index).
 */
async function referrersPage(
  client: RegistryClient,
  repository: string,
  path: string,
  what: string,
): Promise<{ manifests: Descriptor[]; next?: string } | undefined> {
  const res = await client.request(
    { method: 'GET', path, repository, accept: [400, 404, 405], headers: { accept: MT.ociIndex } },
    what,
  );
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const index = parseIndex(Buffer.from(await res.arrayBuffer()));
  if (!index) return undefined;
  const next = nextLink(res.headers.get('link'), client.baseUrl);
  return { manifests: index.manifests.filter(isDescriptor), ...(next ? { next } : {}) };
}

/** All pages of the referrers API, or undefined when the registry does not serve it. */
async function referrersFromApi(
  client: RegistryClient,
  repository: string,
  digest: string,
  artifactType?: string,
): Promise<Descriptor[] | undefined> {
  const what = `referrers of ${client.registry}/${repository}@${digest}`;
  const q = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
  let path: string | undefined = `/v2/${repository}/referrers/${digest}${q}`;
  const out: Descriptor[] = [];
  for (let page = 0; path; page++) {
    if (page === MAX_PAGES) {
      logger().warn(`${what}: more than ${MAX_PAGES} pages; reading only the first ${MAX_PAGES}`);
      break;
    }
    const got = await referrersPage(client, repository, path, what);
    if (!got) return page === 0 ? undefined : out;
    out.push(...got.manifests);
    path = got.next;
  }
  return out;
}

/** Reads the document at a tag with its ETag; undefined when the tag does not exist. */
export async function readTagged(
  client: RegistryClient,
  repository: string,
  tag: string,
): Promise<TaggedDocument | undefined> {
  const res = await client.request(
    {
      method: 'GET',
      path: `/v2/${repository}/manifests/${tag}`,
      repository,
      headers: { accept: MANIFEST_ACCEPT.join(', ') },
      accept: [404],
    },
    `manifest ${client.registry}/${repository}:${tag}`,
  );
  if (res.status === 404) {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const bytes = Buffer.from(await res.arrayBuffer());
  const etag = res.headers.get('etag') ?? undefined;
  return {
    bytes,
    mediaType: (res.headers.get('content-type') ?? '').split(';')[0]!.trim(),
    digest: digestOf(bytes),
    ...(etag ? { etag } : {}),
  };
}

export interface TagChange {
  /** For messages: what the tag holds ("referrers index", "cosign signatures"). */
  what: string;
  /**
   * The new document for the tag given what it holds now, or undefined when it already holds the change.
   * May push blobs the new document needs.
   */
  apply(current: TaggedDocument | undefined): Promise<{ bytes: Buffer; mediaType: string } | undefined>;
  /** Whether a document read back holds the change. */
  holds(current: TaggedDocument | undefined): boolean;
}

/** Updates of one tag in flight in this process, chained so that they run one after another. */
const tagQueues = new Map<string, Promise<void>>();

async function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const before = tagQueues.get(key) ?? Promise.resolve();
  const result = before.then(run);
  const done = result.then(
    () => undefined,
    () => undefined,
  );
  tagQueues.set(key, done);
  try {
    return await result;
  } finally {
    if (tagQueues.get(key) === done) tagQueues.delete(key);
  }
}

/**
 * Changes the document at a tag by read-modify-write until the change is seen in two reads a settle delay
 * apart, redoing it when a concurrent writer replaced the tag in between. Updates of one tag from this
 * process run one at a time, so only other processes can race them. Returns the document as verified.
 */
export function updateTag(
  client: RegistryClient,
  repository: string,
  tag: string,
  change: TagChange,
  options: TagUpdateOptions = {},
): Promise<TaggedDocument> {
  return oneAtATime(`${client.registry}/${repository}:${tag}`, () =>
    updateTagNow(client, repository, tag, change, options),
  );
}

async function updateTagNow(
  client: RegistryClient,
  repository: string,
  tag: string,
  change: TagChange,
  options: TagUpdateOptions,
): Promise<TaggedDocument> {
  const attempts = options.attempts ?? 10;
  const settleMs = options.settleMs ?? 500;
  const policy: RetryPolicy = { retries: attempts, baseMs: options.baseMs ?? 100, maxMs: 5_000 };
  const where = `${client.registry}/${repository}:${tag}`;
  for (let n = 0; n < attempts; n++) {
    if (n > 0) await sleep(backoffMs(n - 1, policy));
    const current = await readTagged(client, repository, tag);
    const next = await change.apply(current);
    if (next) {
      const res = await client.request(
        {
          method: 'PUT',
          path: `/v2/${repository}/manifests/${tag}`,
          repository,
          action: 'push',
          headers: {
            'content-type': next.mediaType,
            ...(current?.etag ? { 'if-match': current.etag } : {}),
          },
          body: next.bytes,
          followRedirects: false,
          accept: [412],
        },
        `push ${change.what} ${where}`,
      );
      await res.body?.cancel().catch(() => undefined);
      if (res.status === 412) {
        logger().debug(`${change.what} ${where}: changed by another writer; retrying`);
        continue;
      }
    }
    if (!change.holds(await readTagged(client, repository, tag))) {
      logger().debug(`${change.what} ${where}: the update was overwritten; retrying`);
      continue;
    }
    await sleep(settleMs);
    const settled = await readTagged(client, repository, tag);
    if (settled && change.holds(settled)) return settled;
    logger().debug(`${change.what} ${where}: the update was overwritten; retrying`);
  }
  throw new ShipgateError(
    'REGISTRY',
    `${change.what} ${where}: the registry did not keep the update after ${attempts} attempts`,
    { hint: 'other writers keep replacing this tag, or the registry makes tags immutable; try again' },
  );
}

/** Adds descriptors, in order, to the referrers tag-schema index of `subjectDigest`; returns the tag. */
async function addToReferrersIndex(
  client: RegistryClient,
  repository: string,
  subjectDigest: string,
  entries: Descriptor[],
  options: TagUpdateOptions = {},
): Promise<string> {
  const tag = referrersTag(subjectDigest);
  const where = `${client.registry}/${repository}:${tag}`;
  const indexAt = (doc: TaggedDocument | undefined): OciIndex | undefined => {
    if (!doc) return undefined;
    const index = parseIndex(doc.bytes);
    if (!index)
      throw new ShipgateError(
        'REGISTRY',
        `referrers index ${where}: the tag holds a ${doc.mediaType || 'document'} that is not an image index; not overwriting it`,
        { hint: 'delete or rename that tag; the referrers tag schema reserves it for an index' },
      );
    return index;
  };
  await updateTag(
    client,
    repository,
    tag,
    {
      what: 'referrers index',
      apply: (current) => {
        let index = indexAt(current);
        let changed = false;
        for (const entry of entries) {
          const merged = mergeIndex(index, entry);
          index = merged.index;
          changed ||= merged.changed;
        }
        return Promise.resolve(
          changed && index
            ? { bytes: Buffer.from(JSON.stringify(index)), mediaType: MT.ociIndex }
            : undefined,
        );
      },
      holds: (current) => {
        const listed = new Set(indexAt(current)?.manifests.map((m) => m.digest));
        return entries.every((e) => listed.has(e.digest));
      },
    },
    options,
  );
  return tag;
}

export interface AttachOptions extends TagUpdateOptions {
  /** Reads of the referrers API while it does not list a manifest the registry said it indexed (default 3). */
  apiChecks?: number;
}

/**
 * Pushes artifacts referring to `subject` (blobs, then each manifest by digest, in order) and makes them
 * findable: by the referrers API when the registry serves it, else by adding them to the fallback index, in
 * one update for all of them (each tag update waits for the registry to settle, so one per artifact adds up).
 */
export async function attachArtifacts(
  client: RegistryClient,
  repository: string,
  subject: Descriptor,
  artifacts: Artifact[],
  options: AttachOptions = {},
): Promise<AttachedArtifact[]> {
  const config = await client.pushBlob(repository, EMPTY_BLOB, EMPTY_MEDIA_TYPE);
  const pushed: { descriptor: Descriptor; manifest: Buffer; ociSubject: string | undefined }[] = [];
  for (const artifact of artifacts) {
    const layers: Descriptor[] = [];
    for (const l of artifact.layers) {
      const d = await client.pushBlob(repository, l.data, l.mediaType);
      layers.push({
        ...d,
        ...(l.annotations && Object.keys(l.annotations).length ? { annotations: l.annotations } : {}),
      });
    }
    const manifest = artifactManifest(artifact.artifactType, config, layers, subject, artifact.annotations);
    const ociSubject = await putByDigest(client, repository, manifest);
    pushed.push({ descriptor: referrerDescriptor(manifest), manifest, ociSubject });
  }
  // A registry that says it indexed the manifests may list them a moment later; one that did not say so is
  // asked once.
  const checks = pushed.some((p) => p.ociSubject === subject.digest) ? (options.apiChecks ?? 3) : 1;
  let listed = new Set<string>();
  for (let n = 0; n < checks; n++) {
    if (n > 0)
      await sleep(backoffMs(n - 1, { retries: checks, baseMs: options.baseMs ?? 100, maxMs: 2_000 }));
    const api = await referrersFromApi(client, repository, subject.digest);
    if (api === undefined) break;
    listed = new Set(api.map((m) => m.digest));
    if (pushed.every((p) => listed.has(p.descriptor.digest))) break;
  }
  const unlisted = pushed.filter((p) => !listed.has(p.descriptor.digest));
  if (unlisted.some((p) => p.ociSubject))
    logger().debug(
      `${client.registry} sent OCI-Subject but its referrers API does not list the artifact; using the tag schema`,
    );
  const tag = unlisted.length
    ? await addToReferrersIndex(
        client,
        repository,
        subject.digest,
        unlisted.map((p) => p.descriptor),
        options,
      )
    : undefined;
  return pushed.map(({ descriptor, manifest }) =>
    listed.has(descriptor.digest)
      ? { descriptor, manifest, via: 'api' as const }
      : { descriptor, manifest, via: 'tag' as const, ...(tag ? { tag } : {}) },
  );
}

/**
 * The manifests referring to `digest`: from the referrers API (all pages), or from the fallback index when
 * the registry does not serve the API. Filtered by artifactType when one is given.
 */
export async function listReferrers(
  client: RegistryClient,
  repository: string,
  digest: string,
  options: { artifactType?: string } = {},
): Promise<{ manifests: Descriptor[]; via: 'api' | 'tag'; tag?: string }> {
  const { artifactType } = options;
  // Filtered here as well: a registry that ignores the filter only says so by omitting OCI-Filters-Applied.
  const keep = (ms: Descriptor[]): Descriptor[] =>
    artifactType ? ms.filter((m) => m.artifactType === artifactType) : ms;
  const api = await referrersFromApi(client, repository, digest, artifactType);
  if (api) return { manifests: keep(api), via: 'api' };
  const tag = referrersTag(digest);
  const doc = await readTagged(client, repository, tag);
  const index = doc ? parseIndex(doc.bytes) : undefined;
  if (doc && !index)
    logger().warn(
      `referrers of ${client.registry}/${repository}@${digest}: the tag ${tag} is not an image index; ignoring it`,
    );
  return { manifests: keep((index?.manifests ?? []).filter(isDescriptor)), via: 'tag', tag };
}
