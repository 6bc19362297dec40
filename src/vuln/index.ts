/** Vulnerability matching: OSV data, version ordering per ecosystem, distro rules, VEX. */
export { matchVulnerabilities, type MatchOptions } from './match';
export { EOL_RULE, eolFinding, vulnerabilityRule } from './rules';
export { applyVex, loadVexDocuments, parseVex, type VexDocument } from './vex';
export { targetFor, neededEcosystems } from './ecosystem';
export { assessSeverity, scoreCvss } from './severity';
export { compareVersions, parseable } from './versions';
export { openVulnDatabase, apiQueries, type OpenVulnDbOptions, type VulnDbMode } from './osv/open';
export type { VulnDatabase } from './osv/db';
export { IndexedVulnDatabase } from './osv/db';
export { loadLocalDatabase } from './osv/local';
export { loadRemoteDatabase, defaultCacheDir, DEFAULT_OSV_URL, DEFAULT_MAX_AGE_MS } from './osv/remote';
export { loadApiDatabase, DEFAULT_OSV_API_URL } from './osv/api';
export {
  enrichVulnerabilities,
  findingCves,
  loadExploitData,
  type ExploitData,
  type ExploitSource,
} from './exploit';
