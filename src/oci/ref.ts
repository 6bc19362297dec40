/** Parses image references: a transport prefix (docker-archive:, oci:, ...) or a registry reference. */
import { existsSync } from 'node:fs';
import { ShipgateError } from '../core/errors';
import { isDigest } from './digest';

export interface RegistryRef {
  transport: 'registry';
  /** Host[:port] as used on the wire ("registry-1.docker.io" for Docker Hub). */
  registry: string;
  /** Repository path inside the registry ("library/alpine"). */
  repository: string;
  tag?: string;
  digest?: string;
}

export type ImageRef =
  | { transport: 'docker-archive'; path: string; name?: string }
  | { transport: 'oci-archive' | 'oci'; path: string; tag?: string }
  | { transport: 'dir'; path: string }
  | { transport: 'docker-daemon'; name: string }
  | RegistryRef;

export const DOCKER_HUB = 'docker.io';
/** Docker Hub's API host. */
export const DOCKER_HUB_API = 'registry-1.docker.io';

const TRANSPORT = /^(docker-archive|oci-archive|oci|dir|docker-daemon|docker):(.*)$/;
/** Transports shipgate reads, and containers-storage which reports may name. */
const TRANSPORT_PREFIX = /^(docker-archive|oci-archive|oci|docker-daemon|docker|containers-storage|dir):/;

/** Splits "PATH[:suffix]" where PATH is whatever part exists on disk (paths may contain ':'). */
function splitPathSuffix(rest: string): { path: string; suffix?: string } {
  if (existsSync(rest) || !rest.includes(':')) return { path: rest };
  for (let i = rest.indexOf(':'); i !== -1; i = rest.indexOf(':', i + 1)) {
    const path = rest.slice(0, i);
    if (existsSync(path)) return { path, suffix: rest.slice(i + 1) };
  }
  const i = rest.lastIndexOf(':');
  return { path: rest.slice(0, i), suffix: rest.slice(i + 1) };
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
/** Names of Docker Hub; references to it are normalised to `docker.io`. */
const HUB_HOSTS: ReadonlySet<string> = new Set([DOCKER_HUB, 'index.docker.io', DOCKER_HUB_API]);

/** A reference split as written: the name without tag and digest ("ghcr.io/org/app", "alpine"). */
export interface ReferenceParts {
  name: string;
  tag?: string;
  digest?: string;
}

/** Splits `name[:tag][@digest]`; a `:` before the last `/` belongs to a registry port, not a tag. */
export function splitReference(input: string): ReferenceParts {
  let name = input.trim();
  let digest: string | undefined;
  const at = name.indexOf('@');
  if (at >= 0) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
  }
  let tag: string | undefined;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  return { name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/**
 * A registry reference in Docker's normal form: `registry` as users write it (`docker.io` for Docker Hub,
 * whatever name was used), `repository` with `library/` for Docker Hub's official images.
 */
export interface Reference {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits a name into registry and repository: the first component is a registry when it looks like a host. */
function splitName(name: string): { registry: string; path: string[] } {
  const path = name.split('/');
  const first = path[0]!;
  const registry =
    path.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')
      ? path.shift()!
      : DOCKER_HUB;
  const hub = HUB_HOSTS.has(registry.toLowerCase());
  if (hub && path.length === 1) path.unshift('library');
  return { registry: hub ? DOCKER_HUB : registry, path };
}

/**
 * Parses `[registry/]repository[:tag][@digest]` the way docker does. Strict (the default) rejects what
 * a registry would (USAGE errors); lenient never throws and lowercases names, for text that may hold
 * unexpanded variables or typos (Dockerfile FROM lines, report labels).
 */
export function parseReference(input: string, options: { lenient?: boolean } = {}): Reference {
  const { name, tag, digest } = splitReference(input);
  const { registry, path } = splitName(name);
  if (!options.lenient) {
    if (digest !== undefined && !isDigest(digest))
      throw new ShipgateError('USAGE', `invalid digest in image reference "${input}"`);
    if (tag !== undefined && !TAG.test(tag))
      throw new ShipgateError('USAGE', `invalid tag "${tag}" in image reference "${input}"`);
    if (!path.every((p) => PATH_COMPONENT.test(p)))
      throw new ShipgateError('USAGE', `invalid image reference "${input}"`, {
        hint: 'expected [registry/]repository[:tag][@sha256:...] with a lowercase repository name',
      });
  }
  const repository = path.join('/');
  const ref: Reference = options.lenient
    ? { registry: registry.toLowerCase(), repository: repository.toLowerCase() }
    : { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** Parses a registry reference strictly: Docker Hub is the default, "alpine" is docker.io/library/alpine:latest. */
export function parseRegistryRef(input: string): RegistryRef {
  const { registry, repository, tag, digest } = parseReference(input.replace(/^docker:\/\//, ''));
  const ref: RegistryRef = {
    transport: 'registry',
    registry: registry === DOCKER_HUB ? DOCKER_HUB_API : registry,
    repository,
  };
  if (tag) ref.tag = tag;
  if (digest) ref.digest = digest;
  if (!tag && !digest) ref.tag = 'latest';
  return ref;
}

/** `registry/repository` in its familiar form (`node` for docker.io/library/node). */
export function familiarName(ref: Pick<Reference, 'registry' | 'repository'>): string {
  if (ref.registry === DOCKER_HUB) return ref.repository.replace(/^library\//, '');
  return `${ref.registry}/${ref.repository}`;
}

/** An image reference without its transport prefix (`docker-archive:`, `oci:`, `docker://`, ...). */
export function withoutTransport(input: string): string {
  return input.replace(TRANSPORT_PREFIX, '').replace(/^\/\//, '');
}

/** The repository as users write it ("docker.io/library/alpine", "ghcr.io/org/app"). */
export function repositoryName(ref: RegistryRef): string {
  return `${ref.registry === DOCKER_HUB_API ? DOCKER_HUB : ref.registry}/${ref.repository}`;
}

export function formatRegistryRef(ref: RegistryRef): string {
  return `${repositoryName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

export function parseImageRef(input: string): ImageRef {
  const s = input.trim();
  if (!s) throw new ShipgateError('USAGE', 'empty image reference');
  const m = TRANSPORT.exec(s);
  if (!m || (m[1] === 'docker' && m[2]!.startsWith('//'))) return parseRegistryRef(s);
  const transport = m[1]!;
  const rest = m[2]!;
  if (!rest)
    throw new ShipgateError(
      'USAGE',
      `image reference "${s}" names no ${transport === 'docker' || transport === 'docker-daemon' ? 'image' : 'path'}`,
    );
  switch (transport) {
    case 'docker':
    case 'docker-daemon':
      return { transport: 'docker-daemon', name: rest };
    case 'dir':
      return { transport: 'dir', path: rest };
    case 'docker-archive': {
      const { path, suffix } = splitPathSuffix(rest);
      return suffix
        ? { transport: 'docker-archive', path, name: suffix }
        : { transport: 'docker-archive', path };
    }
    default: {
      const { path, suffix } = splitPathSuffix(rest);
      const t = transport as 'oci' | 'oci-archive';
      return suffix ? { transport: t, path, tag: suffix } : { transport: t, path };
    }
  }
}

/** The repository of an image without transport, tag or digest: "ghcr.io/org/app" from "ghcr.io/org/app:1.2@sha256:…". */
export function imageRepository(image: { ref: string; repository?: string }): string {
  if (image.repository) return image.repository;
  return splitReference(withoutTransport(image.ref)).name;
}
