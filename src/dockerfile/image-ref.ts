import { parseReference } from '../oci/ref';
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

/** A FROM reference: the shared grammar (lenient: FROM may hold variables or typos) plus what Dockerfiles add. */
export function parseImageRef(raw: string, resolved = raw, unresolved = false): ImageRef {
  const { registry, repository, tag, digest } = parseReference(resolved, { lenient: true });
  const ref: ImageRef = {
    raw,
    resolved,
    registry,
    repository,
    scratch: resolved.trim().toLowerCase() === 'scratch',
    unresolved,
  };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}
