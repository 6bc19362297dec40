/** The one registry of analyzers and rules: scanner names, analyzers per scan, `shipgate rules`, rule docs pages. */
export {
  ANALYZERS,
  SCANNERS,
  allRules,
  analyzerRules,
  createAnalyzers,
  isScanner,
  ruleDocsPages,
  type Scanner,
} from './registry';
