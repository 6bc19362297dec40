/** Turns scanner matches into findings. Messages carry the redacted value only. */
import type { Finding, ImageLocation, SourceLocation } from '../core/finding';
import { stableHash } from '../core/hash';
import { secretRule } from './rules';
import type { SecretMatch } from './scanner';

function fixFor(ruleId: string): string {
  return secretRule(ruleId)?.meta.fix.split('\n')[0] ?? 'Revoke the credential and rebuild without it.';
}

function base(match: SecretMatch, message: string, where: string): Finding {
  return {
    ruleId: match.ruleId,
    kind: 'secret',
    severity: match.severity,
    message,
    fingerprint: stableHash(match.ruleId, match.fingerprint, where),
    fix: fixFor(match.ruleId),
    properties: {
      secretFingerprint: match.fingerprint,
      redacted: match.redacted,
      title: match.title,
      line: match.line,
      column: match.column,
    },
  };
}

export interface LayerContext {
  ref?: string;
  digest?: string;
  layerIndex: number;
  layerDigest: string;
  createdBy?: string;
  /** The version is not in the final filesystem. */
  hidden: boolean;
  /** Not in the final filesystem at all (deleted), as opposed to overwritten by a later layer. */
  deleted: boolean;
}

function short(createdBy: string | undefined): string {
  if (!createdBy) return '';
  const s = createdBy
    .replace(/^\/bin\/sh -c (?:#\(nop\)\s*)?/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** A secret found in a file of an image layer. */
export function imageFileFinding(match: SecretMatch, path: string, layer: LayerContext): Finding {
  const made = layer.createdBy ? ` (${short(layer.createdBy)})` : '';
  const state = layer.hidden
    ? layer.deleted
      ? `present in layer ${layer.layerIndex}${made}, deleted later — still extractable from the layer`
      : `present in layer ${layer.layerIndex}${made}, overwritten later — still extractable from the layer`
    : `in layer ${layer.layerIndex}${made}`;
  const image: ImageLocation = {
    path,
    layerIndex: layer.layerIndex,
    layerDigest: layer.layerDigest,
    ...(layer.ref ? { ref: layer.ref } : {}),
    ...(layer.digest ? { digest: layer.digest } : {}),
    ...(layer.createdBy ? { createdBy: layer.createdBy } : {}),
    ...(layer.hidden ? { deleted: true } : {}),
  };
  const f = base(
    match,
    `${match.title} ${match.redacted} in ${path}:${match.line}, ${state}.`,
    `${path}\u0000${layer.layerDigest}`,
  );
  f.image = image;
  return f;
}

/** A secret in the image configuration or history (no file). */
export function imageConfigFinding(
  match: SecretMatch,
  where: string,
  loc: { ref?: string; digest?: string; createdBy?: string; layerIndex?: number; layerDigest?: string },
): Finding {
  const f = base(match, `${match.title} ${match.redacted} in the image ${where}.`, where);
  const image: ImageLocation = {};
  if (loc.ref) image.ref = loc.ref;
  if (loc.digest) image.digest = loc.digest;
  if (loc.createdBy) image.createdBy = loc.createdBy;
  if (loc.layerIndex !== undefined) image.layerIndex = loc.layerIndex;
  if (loc.layerDigest) image.layerDigest = loc.layerDigest;
  f.image = image;
  return f;
}

/** A secret in a repository file (Dockerfile or build context). */
export function sourceFinding(
  match: SecretMatch,
  path: string,
  snippet: string | undefined,
  extra = '',
): Finding {
  const location: SourceLocation = {
    path,
    startLine: match.line,
    startColumn: match.column,
    endLine: match.endLine,
    ...(match.endColumn !== undefined ? { endColumn: match.endColumn } : {}),
    ...(snippet !== undefined ? { snippet } : {}),
  };
  const f = base(match, `${match.title} ${match.redacted} in ${path}:${match.line}${extra}.`, `${path}`);
  f.location = location;
  return f;
}
