/**
 * Secrets in images: every regular text file of every layer (including versions deleted or overwritten by a
 * later layer), the image configuration (Env, Labels, Cmd, Entrypoint) and the build history.
 */
import type { Finding } from '../core/finding';
import { findingsOutput } from '../image/adapt';
import type { Analyzer, AnalyzerModule, FileEntry, FinalView, ImageInfo } from '../image/types';
import { isCertificatePath, isSkippedPath } from './allow';
import { imageConfigFinding, imageFileFinding } from './findings';
import { SECRET_RULE_META, SECRET_RULES } from './rules';
import { logger } from '../core/logger';
import { safeText, scanText, type SecretMatch } from './scanner';
import { DEFAULT_SECRETS_MAX_FILE_SIZE, scanTextWindowed, type WindowOptions } from './windows';
import { isBinary } from './sniff';

export interface SecretsAnalyzerOptions {
  /**
   * How much of each file is scanned, in bytes (default 64 MiB). A larger file is scanned in its first
   * `maxFileSize` bytes only; the rest is not looked at (logged at debug level). Text is scanned in windows of
   * 4 MiB that overlap by 128 KiB, so a secret anywhere within the limit is found once, at its true line.
   */
  maxFileSize?: number;
  /** Window size and overlap for large files (see scanTextWindowed); the defaults suit every rule. */
  windows?: WindowOptions;
  /** Extra paths (regular expressions on the absolute image path) not to scan. */
  skipPaths?: RegExp[];
  /** Do not apply the default skip list (docs, man pages, test fixtures) nor the keys-only certificate paths. */
  noDefaultSkips?: boolean;
  /** Also scan the image configuration and history (default true). */
  scanConfig?: boolean;
}

interface Hit {
  entry: FileEntry;
  matches: SecretMatch[];
}

/** What is looked for in certificate stores and files: private keys and other key material. */
const KEY_RULES = SECRET_RULES.filter((r) => r.meta.tags.includes('crypto'));

/** The image analyzer for secrets (one per scan). */
export function secretsAnalyzer(options: SecretsAnalyzerOptions = {}): Analyzer<Finding[]> {
  const hits: Hit[] = [];
  const extra = options.skipPaths ?? [];
  const defaults = !options.noDefaultSkips;
  const max = options.maxFileSize ?? DEFAULT_SECRETS_MAX_FILE_SIZE;
  return {
    name: 'secrets',
    maxBytes: max,
    wants(entry) {
      return entry.type === 'file' && entry.size > 0 && !isSkippedPath(entry.path, extra, defaults);
    },
    analyze(entry, content, truncated) {
      if (isBinary(content)) return;
      if (truncated) {
        logger().debug(
          `secrets: ${entry.path} (layer ${entry.layerIndex}) is ${entry.size} bytes; only its first ${content.length} bytes were scanned`,
        );
      }
      const source = { kind: 'file' as const, path: entry.path };
      const keysOnly = defaults && isCertificatePath(entry.path);
      const matches = scanTextWindowed(content, source, {
        ...options.windows,
        ...(keysOnly ? { rules: KEY_RULES } : {}),
      });
      if (matches.length) hits.push({ entry, matches });
    },
    finish(view: FinalView, image: ImageInfo): Finding[] {
      // Config and history first: that registers their secrets, so createdBy lines below are masked.
      const configFindings = options.scanConfig !== false ? scanImageConfigSecrets(image) : [];
      const out: Finding[] = [];
      for (const { entry, matches } of hits) {
        const hidden = view.isHidden(entry.path, entry.layerIndex);
        const deleted = hidden && view.visibleLayer(entry.path) === undefined;
        for (const m of matches) {
          out.push(
            imageFileFinding(m, entry.path, {
              ...(image.ref ? { ref: image.ref } : {}),
              ...(image.digest ? { digest: image.digest } : {}),
              layerIndex: entry.layerIndex,
              layerDigest: entry.layerDigest,
              ...(entry.createdBy ? { createdBy: safeText(entry.createdBy) } : {}),
              hidden,
              deleted,
            }),
          );
        }
      }
      return [...out, ...configFindings];
    },
  };
}

/** Secrets in the image configuration (Env, Labels, Cmd, Entrypoint) and in the history `created_by` lines. */
export function scanImageConfigSecrets(image: ImageInfo): Finding[] {
  const out: Finding[] = [];
  const cfg = image.config.config ?? {};
  const loc = { ...(image.ref ? { ref: image.ref } : {}), ...(image.digest ? { digest: image.digest } : {}) };
  for (const env of cfg.Env ?? []) {
    const eq = env.indexOf('=');
    const name = eq === -1 ? env : env.slice(0, eq);
    // The whole NAME=value line is scanned so that name-keyed rules (aws_secret_access_key=...) apply.
    for (const m of scanText(env, { kind: 'env', path: name })) {
      out.push(imageConfigFinding(m, `environment variable ${name}`, loc));
    }
  }
  for (const [name, value] of Object.entries(cfg.Labels ?? {})) {
    for (const m of scanText(`${name}=${value}`, { kind: 'label', path: name })) {
      out.push(imageConfigFinding(m, `label ${name}`, loc));
    }
  }
  const cmd = (cfg.Cmd ?? []).join(' ');
  if (cmd) for (const m of scanText(cmd, { kind: 'cmd' })) out.push(imageConfigFinding(m, 'Cmd', loc));
  const ep = (cfg.Entrypoint ?? []).join(' ');
  if (ep)
    for (const m of scanText(ep, { kind: 'entrypoint' })) out.push(imageConfigFinding(m, 'Entrypoint', loc));
  // History: layer-creating entries map to layers in order (empty_layer entries do not).
  let layerIndex = 0;
  const history = image.config.history ?? [];
  for (const h of history) if (h.created_by) scanText(h.created_by, { kind: 'history' });
  history.forEach((h, i) => {
    const thisLayer = h.empty_layer ? undefined : layerIndex;
    if (!h.empty_layer) layerIndex++;
    if (!h.created_by) return;
    for (const m of scanText(h.created_by, { kind: 'history', path: String(i) })) {
      const layer = thisLayer === undefined ? undefined : image.layers[thisLayer];
      out.push(
        imageConfigFinding(m, `build history (step ${i + 1})`, {
          ...loc,
          createdBy: safeText(h.created_by),
          ...(layer ? { layerIndex: layer.index, layerDigest: layer.digest } : {}),
        }),
      );
    }
  });
  return out;
}

/** The secrets analyzer as the registry loads it. */
export const secretsModule: AnalyzerModule = {
  version: 1,
  rules: SECRET_RULE_META,
  create: () => [findingsOutput(secretsAnalyzer())],
};
