/** Checks of how the image was built: remote ADD in the history, size, layer count, age. */
import type { Finding } from '../../core/finding';
import type { AnalyzerModule, ImageInfo } from '../../image/types';
import { safeText } from '../../secrets/scanner';
import { configOnlyAnalyzer, finding, imageLoc, targetName } from '../common';
import { IMG_RULES } from '../rules';

export interface BuildCheckOptions {
  /** "Now", for the age check (default the current time). */
  now?: Date;
  /** Compressed size above which SG-IMG-007 fires (bytes, default 1 GiB). */
  maxSizeBytes?: number;
  /** Layer count above which SG-IMG-008 fires (default 50). */
  maxLayers?: number;
  /** Age in days above which SG-IMG-010 fires (default 365). */
  maxAgeDays?: number;
}

const REMOTE_ADD = /(?:^|\s|#\(nop\)\s*)ADD\s+(?:--[\w-]+(?:=\S+)?\s+)*((?:https?|ftp):\/\/\S+)/i;

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;
}

/** The layer each history entry made (empty_layer entries make none). */
export function historyLayers(info: ImageInfo): (number | undefined)[] {
  let layer = 0;
  return (info.config.history ?? []).map((h) => (h.empty_layer ? undefined : layer++));
}

export function checkBuild(info: ImageInfo, options: BuildCheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  const loc = imageLoc(info);
  const target = targetName(info);

  const layersOf = historyLayers(info);
  (info.config.history ?? []).forEach((h, i) => {
    const by = h.created_by ?? '';
    const m = REMOTE_ADD.exec(by);
    if (!m || /--checksum=/.test(by)) return;
    const li = layersOf[i];
    const layer = li === undefined ? undefined : info.layers[li];
    // The whole line first: that registers its secrets, so the URL alone is masked too.
    const createdBy = safeText(by);
    const url = safeText(m[1]!);
    out.push(
      finding(
        IMG_RULES.remoteAdd,
        `The build added ${url} with ADD (step ${i + 1}) without a checksum.`,
        `${target}:${url}`,
        {
          ...loc,
          createdBy,
          ...(layer ? { layerIndex: layer.index, layerDigest: layer.digest } : {}),
        },
      ),
    );
  });

  const maxSize = options.maxSizeBytes ?? 1024 ** 3;
  if (info.size > maxSize) {
    out.push(
      finding(
        IMG_RULES.size,
        `The image is ${formatBytes(info.size)} compressed, over ${formatBytes(maxSize)}.`,
        target,
        loc,
        undefined,
        { size: info.size },
      ),
    );
  }
  const maxLayers = options.maxLayers ?? 50;
  if (info.layers.length > maxLayers) {
    out.push(
      finding(
        IMG_RULES.layers,
        `The image has ${info.layers.length} layers, over ${maxLayers}.`,
        target,
        loc,
      ),
    );
  }

  if (info.config.created) {
    const created = Date.parse(info.config.created);
    const now = (options.now ?? new Date()).getTime();
    const days = Math.floor((now - created) / 86_400_000);
    const maxAge = options.maxAgeDays ?? 365;
    if (Number.isFinite(created) && created > 0 && days > maxAge) {
      out.push(
        finding(
          IMG_RULES.age,
          `The image was built ${days} days ago (${info.config.created.slice(0, 10)}), over ${maxAge} days.`,
          target,
          loc,
        ),
      );
    }
  }
  return out;
}

export const buildAnalyzer: AnalyzerModule = {
  version: 1,
  rules: [IMG_RULES.remoteAdd, IMG_RULES.size, IMG_RULES.layers, IMG_RULES.age],
  create: (settings) => [configOnlyAnalyzer('build', (info) => checkBuild(info, settings.limits ?? {}))],
};
