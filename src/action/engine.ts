/** The real engine the bundled action runs: the pipeline and the report writers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '../core/result';
import { runPipeline } from '../pipeline/run';
import { toSarif } from '../report/sarif';
import type { Engine } from './main';
import { basicMarkdownSummary } from './summary';

export function realEngine(repoRoot: () => string): Engine {
  return {
    runPipeline,
    toSarif,
    toJson: (result: ScanResult) => `${JSON.stringify(result, null, 2)}\n`,
    toMarkdownSummary: (result, ctx) => basicMarkdownSummary(result, ctx),
    readFile: (path: string) => {
      try {
        return readFileSync(join(repoRoot(), path), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
