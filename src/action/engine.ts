/** The real engine the bundled action runs: the pipeline and the report writers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSbom } from '../cli/sbom';
import { runPipeline } from '../pipeline/run';
import { toJson } from '../report/json';
import { toSarif } from '../report/sarif';
import { toMarkdownSummary } from '../report/summary';
import type { Engine } from './main';

export function realEngine(repoRoot: () => string): Engine {
  return {
    runPipeline,
    toSarif,
    toJson,
    toMarkdownSummary: (result, ctx, maxBytes) =>
      toMarkdownSummary(result, {
        ...(ctx ? { linkBase: `${ctx.serverUrl}/${ctx.repository}/blob/${ctx.sha}/` } : {}),
        ...(maxBytes ? { maxBytes } : {}),
      }),
    toSbom: (result, format) => renderSbom(result, format === 'spdx-json' ? 'spdx' : 'cyclonedx'),
    readFile: (path: string) => {
      try {
        return readFileSync(join(repoRoot(), path), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
