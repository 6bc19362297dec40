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

/** Parses a registry reference the way docker does: Docker Hub is the default, "alpine" is docker.io/library/alpine. */
export function parseRegistryRef(input: string): RegistryRef {
  let rest = input.replace(/^docker:\/\//, '');
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) throw new ShipgateError('USAGE', `invalid digest in image reference "${input}"`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag))
      throw new ShipgateError('USAGE', `invalid tag "${tag}" in image reference "${input}"`);
  }
  const parts = rest.split('/');
  let host = DOCKER_HUB;
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost')) {
    host = parts.shift()!;
  }
  if (parts.length === 0 || !parts.every((p) => PATH_COMPONENT.test(p)))
    throw new ShipgateError('USAGE', `invalid image reference "${input}"`, {
      hint: 'expected [registry/]repository[:tag][@sha256:...] with a lowercase repository name',
    });
  if ((host === DOCKER_HUB || host === 'index.docker.io') && parts.length === 1) parts.unshift('library');
  const ref: RegistryRef = {
    transport: 'registry',
    registry: host === DOCKER_HUB || host === 'index.docker.io' ? DOCKER_HUB_API : host,
    repository: parts.join('/'),
  };
  if (tag) ref.tag = tag;
  if (digest) ref.digest = digest;
  if (!tag && !digest) ref.tag = 'latest';
  return ref;
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
  const m = /^(docker-archive|oci-archive|oci|dir|docker-daemon|docker):(.*)$/.exec(s);
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
