/**
 * History lint as an image analyzer: the Dockerfile rules of HISTORY_RULES run on the image's history, so an image
 * built elsewhere gets them too. Findings keep the Dockerfile rule's id (ignores, pragmas' ids and policy
 * severities apply the same) and sit at the layer the entry made.
 */
import type { Finding } from '../core/finding';
import { stableHash } from '../core/hash';
import { logger } from '../core/logger';
import { configOnlyAnalyzer, imageLoc, targetName } from '../config/common';
import { historyLayers } from '../config/analyzers/build';
import { lintHistory, MAX_HISTORY_BYTES } from '../dockerfile/index';
import type { AnalyzerModule, ImageInfo } from '../image/types';
import { safeText } from '../secrets/scanner';

/** Marks findings as the history's: the `source` property and the step in the message. */
export const HISTORY_SOURCE = 'history';

/** The message without its final full stop (a loop: `/[.\s]+$/` is quadratic on long runs of dots). */
function withoutFinalStop(message: string): string {
  let end = message.length;
  while (end > 0 && /[.\s]/.test(message[end - 1] ?? '')) end--;
  return message.slice(0, end);
}

export async function checkHistory(info: ImageInfo): Promise<{ findings: Finding[]; incomplete?: string }> {
  const history = info.config.history ?? [];
  const { hits, unparsed, overLimit } = await lintHistory(history.map((h) => h.created_by));
  const [first] = unparsed;
  if (first)
    logger().debug(
      `history lint: ${unparsed.length} of ${history.length} history entries are no Dockerfile instruction and were not linted (step ${first.entry + 1}: ${safeText(first.createdBy).slice(0, 120)})`,
    );
  const layersOf = historyLayers(info);
  const loc = imageLoc(info);
  const target = targetName(info);
  const findings = hits.map(({ entry, keyword, finding }): Finding => {
    const createdBy = safeText(history[entry]?.created_by ?? '');
    const li = layersOf[entry];
    const layer = li === undefined ? undefined : info.layers[li];
    const message = safeText(withoutFinalStop(finding.message));
    const { stage: _stage, ...properties } = finding.properties ?? {};
    return {
      ruleId: finding.ruleId,
      kind: 'config',
      severity: finding.severity,
      message: `${message} (image history, step ${entry + 1}).`,
      fingerprint: stableHash(finding.ruleId, HISTORY_SOURCE, target, finding.fingerprint),
      ...(finding.fix ? { fix: safeText(finding.fix) } : {}),
      image: {
        ...loc,
        createdBy,
        ...(layer ? { layerIndex: layer.index, layerDigest: layer.digest } : {}),
      },
      properties: { ...properties, instruction: keyword, source: HISTORY_SOURCE, step: entry + 1 },
    };
  });
  // Steps not linted are said, and the policy decides: an incomplete analyzer blocks unless it is optional.
  return overLimit
    ? {
        findings,
        incomplete: `history lint read the instructions up to ${MAX_HISTORY_BYTES / 1024 / 1024} MiB; ${overLimit} later history entr${overLimit === 1 ? 'y was' : 'ies were'} not linted`,
      }
    : { findings };
}

export const historyAnalyzer: AnalyzerModule = {
  version: 1,
  // Its findings are Dockerfile rules' (listed and documented with the Dockerfile linter); the pipeline adds their
  // metadata when they fire.
  rules: [],
  create: (settings) =>
    settings.historyLint === false
      ? []
      : [
          {
            ...configOnlyAnalyzer('history', () => []),
            finish: (_view, info) => checkHistory(info),
          },
        ],
};
