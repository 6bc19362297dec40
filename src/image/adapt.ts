import type { Finding } from '../core/finding';
import type { Analyzer, AnalyzerOutput } from './types';

/** The same analyzer with its result turned into an AnalyzerOutput by `toOutput`. */
export function withOutput<R>(
  a: Analyzer<R>,
  toOutput: (result: R) => AnalyzerOutput,
): Analyzer<AnalyzerOutput> {
  return {
    name: a.name,
    ...(a.maxBytes !== undefined ? { maxBytes: a.maxBytes } : {}),
    wants: (e) => a.wants(e),
    analyze: (e, content, truncated) => a.analyze(e, content, truncated),
    ...(a.onEntry ? { onEntry: (e) => a.onEntry!(e) } : {}),
    finish: async (view, info) => toOutput(await a.finish(view, info)),
  };
}

/** An analyzer that returns findings, as an AnalyzerOutput. */
export function findingsOutput(a: Analyzer<Finding[]>): Analyzer<AnalyzerOutput> {
  return withOutput(a, (findings) => ({ findings }));
}
