import type { ImageRef } from './types';

const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Substitutes `$X`, `${X}`, `${X:-default}` and `${X:+alt}` with the given ARG values.
 * Returns the text and whether some variable stayed unresolved.
 */
export function substituteArgs(
  text: string,
  args: ReadonlyMap<string, string | undefined>,
): { text: string; unresolved: boolean } {
  let unresolved = false;
  const out = text.replace(
    VAR,
    (
      whole,
      braced: string | undefined,
      op: string | undefined,
      word: string | undefined,
      bare: string | undefined,
    ) => {
      const name = braced ?? bare ?? '';
      const value = args.get(name);
      const set = value !== undefined && (op?.startsWith(':') ? value !== '' : true);
      if (op?.endsWith('-')) return set ? (value ?? '') : (word ?? '');
      if (op?.endsWith('+')) return set ? (word ?? '') : '';
      if (value === undefined) {
        unresolved = true;
        return whole;
      }
      return value;
    },
  );
  return { text: out, unresolved };
}

/** Splits an image reference into registry, repository, tag and digest (Docker's normalisation rules). */
export function parseImageRef(raw: string, resolved = raw, unresolved = false): ImageRef {
  let rest = resolved.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  let registry = 'docker.io';
  let repository = rest;
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first.toLowerCase();
    repository = rest.slice(slash + 1);
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  const ref: ImageRef = {
    raw,
    resolved,
    registry,
    repository: repository.toLowerCase(),
    scratch: resolved.trim().toLowerCase() === 'scratch',
    unresolved,
  };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** `registry/repository` in its familiar form (`node` for docker.io/library/node). */
export function familiarName(ref: ImageRef): string {
  if (ref.registry === 'docker.io') return ref.repository.replace(/^library\//, '');
  return `${ref.registry}/${ref.repository}`;
}
